//! End-to-end tests: typeset documents and read them back with poppler's
//! command-line tools (Debian package `poppler-utils`: `pdftotext`,
//! `pdffonts`, `pdfinfo`, `pdftoppm`).

mod arabic;
mod fixtures;
mod latin;
mod mixed;
mod report;
mod survey;
mod tools;
