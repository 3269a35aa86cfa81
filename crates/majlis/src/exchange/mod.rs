//! Taking the public network to another instance: `majlis export --public`
//! writes what a visitor may see as one JSON document ([`Document`], format
//! `majlis-public`, version 2, described in `docs/public-export.md`), and
//! `majlis import` loads such a document, remembering where each item came
//! from (`imported_item`) and skipping what it already has.
//!
//! This folder sits above the activities (it reads their rows and asks their
//! visibility rules what a visitor sees); only the command line imports it.

pub mod document;
pub mod entities;
pub mod export;
pub mod import;

pub use document::{Document, FORMAT, OLDEST_VERSION, VERSION};
pub use export::export_public;
pub use import::{ImportReport, import};

/// What an export or an import can fail on.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("not a Majlis public export: {0}")]
    NotADocument(String),
    #[error("format {found:?} is not {FORMAT:?}")]
    WrongFormat { found: String },
    #[error(
        "version {found} of the format is not supported (this Majlis reads versions {OLDEST_VERSION} to {VERSION})"
    )]
    WrongVersion { found: u64 },
    #[error("the document is inconsistent: {0}")]
    Invalid(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}
