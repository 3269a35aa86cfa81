//! Storage records of surveys.

pub mod form;
pub mod link;
pub mod response;
pub mod survey;
pub mod tally;
pub mod target;
