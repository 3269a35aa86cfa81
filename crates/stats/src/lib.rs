//! Survey results for Majlis: descriptive figures, disclosure control of
//! tables of counts, and accessible SVG charts.
//!
//! The crate knows nothing of the app, HTTP or databases: it takes tallies
//! and returns numbers, decisions and SVG text.
//!
//! - [`describe`]: n, mean, median and quartiles of a histogram; shares and
//!   whole percentages.
//! - [`suppress`]: primary and complementary suppression of a two-way table
//!   with its margins, and an exact audit of what a reader can recompute.
//! - [`chart`]: horizontal bar charts (left-to-right and right-to-left) as
//!   self-contained, accessible SVG.

pub mod chart;
pub mod describe;
pub mod suppress;

pub use describe::{Share, Summary};
pub use suppress::{
    CellRef, DEFAULT_SMALL_GROUP, DEFAULT_THRESHOLD, Decision, Interval, Reason, Status, Table,
    TableError, exposed, intervals, percent_hidden, suppress,
};
