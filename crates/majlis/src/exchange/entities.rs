//! The provenance of imported items (the table is read by item pages, so
//! its entity lives with the database infrastructure).

pub use crate::db::provenance::imported_item;
