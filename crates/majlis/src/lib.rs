//! Majlis: the collaborative platform of a peer-learning network of
//! municipalities hosting refugees. See ARCHITECTURE.md for the map.

#[macro_use]
mod macros;

// The top: the command line, and the application assembled from the rest
pub mod app;
pub mod cli;

// Infrastructure: imports no activity
pub mod config;
pub mod db;
pub mod fields;
pub mod i18n;
pub mod mail;
pub mod policy;
pub mod token;
pub mod web;

// Network activities
pub mod accounts;
pub mod audit;
pub mod cohesion;
pub mod consultations;
pub mod directory;
pub mod events;
pub mod follows;
pub mod library;
pub mod notifications;
pub mod plans;
pub mod projects;
pub mod search;
pub mod surveys;

// Demo data, fed by every activity
pub mod demo;

// The public network exported and imported between instances
pub mod exchange;

// The parsers of untrusted input, for the fuzz targets in `fuzz/`
#[doc(hidden)]
pub mod fuzzing;
