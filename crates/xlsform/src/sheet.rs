//! The raw workbook: sheets of text cells, as read from an `.xlsx` file or
//! the markdown-table form, before any XLSForm meaning is given to them.

use std::io::Cursor;

use crate::error::{ErrorKind, FormError, FormErrors, Location};

/// One row of a sheet: its number as a spreadsheet shows it (the header is
/// row 1 in the markdown form; in a workbook, the row's own number) and its
/// cells, trimmed, empty cells as "".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }
}

/// A sheet: its name as written, the header row, then the data rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub header: Option<Row>,
    pub rows: Vec<Row>,
}

/// Every sheet of a workbook, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// Largest workbook (compressed bytes) the reader accepts.
pub const MAX_XLSX_BYTES: usize = 20 * 1024 * 1024;
/// Most rows per sheet the reader accepts.
pub const MAX_ROWS: usize = 20_000;
/// Most columns per sheet the reader accepts.
pub const MAX_COLUMNS: usize = 500;

impl Workbook {
    /// The sheet with this name (case-insensitive), if any.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|s| s.name.trim().eq_ignore_ascii_case(name))
    }

    /// Reads the markdown-table form: a line whose first cell is filled names
    /// a sheet; the following rows (first cell empty) are its rows, the
    /// first of them its header. `#` starts a comment; `\|` is a literal pipe.
    /// Rows with no filled cell are skipped, as pyxform does.
    pub fn from_markdown(text: &str) -> Workbook {
        let mut book = Workbook::default();
        for raw in text.lines() {
            if raw.trim_start().starts_with('#') {
                continue;
            }
            let line = strip_inline_comment(raw).trim();
            let Some(inner) = line
                .strip_prefix('|')
                .and_then(|l| l.strip_suffix('|'))
                .filter(|_| line.len() >= 2)
            else {
                continue;
            };
            if !inner.is_empty() && inner.chars().all(|c| c == '|' || c == '-') {
                continue;
            }
            let mut cells = split_unescaped_pipes(inner).into_iter();
            let first = cells.next().unwrap_or_default();
            let rest: Vec<String> = cells.collect();
            if !first.is_empty() {
                if let Some(pos) = book
                    .sheets
                    .iter()
                    .position(|s| s.name.eq_ignore_ascii_case(&first))
                {
                    book.sheets.remove(pos);
                }
                book.sheets.push(Sheet {
                    name: first,
                    header: None,
                    rows: Vec::new(),
                });
            }
            let Some(sheet) = book.sheets.last_mut() else {
                continue;
            };
            if rest.iter().all(|c| c.is_empty()) {
                continue;
            }
            let number = sheet.rows.len() + 1 + usize::from(sheet.header.is_some());
            let row = Row {
                number,
                cells: rest,
            };
            if sheet.header.is_none() {
                sheet.header = Some(row);
            } else {
                sheet.rows.push(row);
            }
        }
        book
    }

    /// Reads an `.xlsx` workbook (every worksheet, cells as text).
    pub fn from_xlsx(bytes: &[u8]) -> Result<Workbook, FormErrors> {
        use calamine::{Data, Reader, Xlsx};
        let unreadable = |why: String| {
            FormErrors(vec![FormError {
                loc: Location::workbook(),
                kind: ErrorKind::Unreadable { why },
            }])
        };
        if bytes.len() > MAX_XLSX_BYTES {
            return Err(unreadable(format!(
                "the file is larger than {} MB",
                MAX_XLSX_BYTES / (1024 * 1024)
            )));
        }
        let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
            .map_err(|e| unreadable(format!("not an .xlsx workbook ({e})")))?;
        let mut book = Workbook::default();
        for name in xlsx.sheet_names() {
            let range = xlsx
                .worksheet_range(&name)
                .map_err(|e| unreadable(format!("sheet `{name}` cannot be read ({e})")))?;
            let (first_row, first_col) = range.start().unwrap_or((0, 0));
            let (h, w) = range.get_size();
            if h > MAX_ROWS || w + first_col as usize > MAX_COLUMNS {
                return Err(unreadable(format!(
                    "sheet `{name}` has more than {MAX_ROWS} rows or {MAX_COLUMNS} columns"
                )));
            }
            let mut sheet = Sheet {
                name: name.clone(),
                header: None,
                rows: Vec::new(),
            };
            for (i, cells) in range.rows().enumerate() {
                let number = first_row as usize + i + 1;
                let mut texts = vec![String::new(); first_col as usize];
                for (j, cell) in cells.iter().enumerate() {
                    let text = match cell {
                        Data::Empty => String::new(),
                        Data::String(s) => s.trim().to_owned(),
                        Data::Int(n) => n.to_string(),
                        Data::Float(f) => number_text(*f),
                        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
                        Data::DateTime(d) => match d.as_datetime() {
                            Some(dt) if dt.time() == chrono::NaiveTime::MIN => {
                                dt.date().format("%Y-%m-%d").to_string()
                            }
                            Some(dt) => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
                            None => d.as_f64().to_string(),
                        },
                        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                        Data::Error(e) => {
                            return Err(FormErrors(vec![FormError {
                                loc: Location::cell(&name, number, &column_letters(j)),
                                kind: ErrorKind::Unreadable {
                                    why: format!("the cell holds a spreadsheet error ({e})"),
                                },
                            }]));
                        }
                    };
                    texts.push(text);
                }
                let row = Row {
                    number,
                    cells: texts,
                };
                if row.is_empty() {
                    continue;
                }
                if sheet.header.is_none() {
                    sheet.header = Some(row);
                } else {
                    sheet.rows.push(row);
                }
            }
            book.sheets.push(sheet);
        }
        Ok(book)
    }

    /// Writes the workbook as `.xlsx` (every cell as text; the header bold).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{Format, Workbook as Out};
        let mut out = Out::new();
        let bold = Format::new().set_bold();
        for sheet in &self.sheets {
            let ws = out.add_worksheet();
            ws.set_name(&sheet.name)?;
            let rows = sheet.header.iter().chain(&sheet.rows);
            for (i, row) in rows.enumerate() {
                let r = u32::try_from(i).unwrap_or(u32::MAX);
                for (c, text) in row.cells.iter().enumerate() {
                    if text.is_empty() {
                        continue;
                    }
                    let c = u16::try_from(c).unwrap_or(u16::MAX);
                    if i == 0 {
                        ws.write_string_with_format(r, c, text, &bold)?;
                    } else {
                        ws.write_string(r, c, text)?;
                    }
                }
            }
        }
        out.save_to_buffer()
    }
}

/// A number as pyxform writes a numeric cell: whole numbers without ".0".
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// The spreadsheet letters of a zero-based column index (0 → A, 26 → AA).
pub fn column_letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Drops a `# comment` after the last pipe of a line.
fn strip_inline_comment(line: &str) -> &str {
    match line.rfind('|') {
        Some(last) => match line[last..].find('#') {
            Some(hash) if line[last + hash..].len() > 1 => &line[..last + hash],
            _ => line,
        },
        None => line,
    }
}

fn split_unescaped_pipes(s: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut prev_backslash = false;
    for ch in s.chars() {
        if ch == '|' && !prev_backslash {
            cells.push(clean_cell(&cur));
            cur.clear();
        } else {
            cur.push(ch);
        }
        prev_backslash = ch == '\\';
    }
    cells.push(clean_cell(&cur));
    cells
}

fn clean_cell(s: &str) -> String {
    s.trim().replace("\\|", "|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_sheets_rows_and_comments() {
        let book = Workbook::from_markdown(
            "
            | survey |
            |        | type  | name | label |
            # a comment line
            |        | text  | q1   | A \\| B |
            |        |       |      |       |
            |        | note  | n1   | N     | # trailing comment
            | choices |
            | | list_name | name | label |
            ",
        );
        assert_eq!(book.sheets.len(), 2);
        let survey = book.sheet("SURVEY").unwrap();
        assert_eq!(
            survey.header.as_ref().unwrap().cells,
            ["type", "name", "label"]
        );
        assert_eq!(survey.rows[0].number, 2);
        assert_eq!(survey.rows[0].cells[2], "A | B");
        assert_eq!(survey.rows[1].number, 3);
        assert_eq!(survey.rows[1].cells, ["note", "n1", "N"]);
        assert!(book.sheet("choices").unwrap().rows.is_empty());
    }

    #[test]
    fn column_letters_follow_the_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
