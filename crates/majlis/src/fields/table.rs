//! A table of text to take away, written as CSV or as an Excel workbook:
//! the survey answers coordinators download and the open-data lists.
//! Plain values, no HTTP.

use std::borrow::Cow;

/// A column's kind, so a spreadsheet can hold numbers as numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Text,
    Number,
}

/// Rows of text under a header; `kinds` says which columns hold numbers.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub kinds: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// How the workbook is laid out.
#[derive(Clone, Debug)]
pub struct Workbook<'a> {
    /// The data sheet's name (at most 31 characters).
    pub sheet: &'a str,
    /// Right to left (an Arabic reader's workbook).
    pub right_to_left: bool,
    /// A second sheet of label/value lines (source, licence…), if any.
    pub about: Option<(&'a str, Vec<(String, String)>)>,
}

/// A cell as CSV holds it: text a spreadsheet would run as a formula is
/// quoted with a leading apostrophe (numbers are left alone).
fn safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

impl Table {
    /// The table as CSV (UTF-8 with a byte-order mark, so spreadsheets read
    /// Arabic and Turkish right).
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        w.write_record(self.header.iter().map(|h| safe(h).into_owned()))?;
        for r in &self.rows {
            w.write_record(r.iter().map(|c| safe(c).into_owned()))?;
        }
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }

    /// The table as an Excel workbook (numbers as numbers, text as text:
    /// never a formula).
    pub fn to_xlsx(&self, layout: &Workbook<'_>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name(layout.sheet)?;
        sheet.set_right_to_left(layout.right_to_left);
        for (c, h) in self.header.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), h, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, v) in row.iter().enumerate() {
                if v.is_empty() {
                    continue;
                }
                match (self.kinds.get(c), v.parse::<f64>()) {
                    (Some(Column::Number), Ok(n)) if n.is_finite() => {
                        sheet.write_number(r, col(c), n)?;
                    }
                    _ => {
                        sheet.write_string(r, col(c), v)?;
                    }
                }
            }
        }
        if let Some((name, lines)) = &layout.about {
            let about = book.add_worksheet();
            about.set_name(*name)?;
            about.set_right_to_left(layout.right_to_left);
            for (r, (label, value)) in lines.iter().enumerate() {
                let r = u32::try_from(r).unwrap_or(u32::MAX);
                about.write_string_with_format(r, 0, label, &bold)?;
                about.write_string(r, 1, value)?;
            }
        }
        book.save_to_buffer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        let t = Table {
            header: vec!["a".into(), "b".into()],
            kinds: vec![Column::Text, Column::Number],
            rows: vec![vec!["=1+1".into(), "-3".into()]],
        };
        let csv = String::from_utf8(t.to_csv().unwrap()).unwrap();
        assert_eq!(csv, "\u{feff}a,b\n'=1+1,-3\n");
    }
}
