//! Print-ready PDFs for Majlis: practice sheets, compendia, consultation
//! reports and survey results.
//!
//! Documents are typeset with [typst](https://typst.app) used as a library.
//! The typst templates are embedded in this crate; the content to print is
//! serialised to JSON and handed to the template as the virtual file
//! `/data.json`, which the template reads with `json("/data.json")`. User text
//! is therefore always *data*: a title such as `*bold* #set page(..)` is
//! printed literally and never interpreted as typst markup.
//!
//! Fonts (Noto Sans and Noto Naskh Arabic, SIL Open Font License) are
//! embedded in the binary; nothing is read from the file system or the
//! network at run time.
//!
//! ```no_run
//! use majlis_print::{Printer, Sheet, Section};
//!
//! let printer = Printer::new();
//! let sheet = Sheet {
//!     lang: "en".into(),
//!     title: "Community centre".into(),
//!     subtitle: None,
//!     facts: vec![],
//!     sections: vec![Section { heading: "Challenge".into(), text: "…".into() }],
//!     footer: None,
//! };
//! let pdf: Vec<u8> = printer.practice_sheet(&sheet)?;
//! # Ok::<(), majlis_print::PrintError>(())
//! ```

mod world;

use serde::{Deserialize, Serialize};

pub use world::Printer;

/// One good practice of a municipality, printed as a sheet of one to three
/// pages, or as one entry of a [`Compendium`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sheet {
    /// Language of the practice as a BCP 47 tag; only the primary subtag is
    /// used (`"en"`, `"ar"`, `"tr"`, `"fr"`, `"de"`, …). Arabic (and other
    /// right-to-left languages) set the text direction to right-to-left. An
    /// empty or malformed tag falls back to `"en"`.
    pub lang: String,
    /// Title of the practice.
    pub title: String,
    /// A line under the title, e.g. "Şahinbey Municipality · Gaziantep, Türkiye".
    pub subtitle: Option<String>,
    /// A compact label/value table under the title (Period, Themes, Contact,
    /// Department, Status, …). Facts with an empty value are left out.
    pub facts: Vec<Fact>,
    /// The body (Challenge, Approach and activities, Results, Lessons, …).
    /// A section whose text is empty is left out.
    pub sections: Vec<Section>,
    /// Small print at the bottom of every page of a sheet. Inside a
    /// compendium it is printed as a small note at the end of the practice.
    pub footer: Option<String>,
}

/// One row of the facts table of a [`Sheet`], or of the people table of a
/// [`ReportSession`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fact {
    /// The label, e.g. "Period".
    pub label: String,
    /// The value, e.g. "2015–2017"; single newlines are line breaks.
    pub value: String,
}

/// A headed section of a [`Sheet`] or a [`ReportDilemma`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    /// The heading, e.g. "Challenge". May be empty (the text is then printed
    /// without a heading).
    pub heading: String,
    /// Paragraphs separated by blank lines; single newlines are line breaks.
    pub text: String,
}

/// A book of practices: cover, introduction, table of contents and chapters
/// by theme, each holding several practices.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Compendium {
    /// Language of the cover, introduction, contents and chapter titles (see
    /// [`Sheet::lang`]). Each practice keeps its own language.
    pub lang: String,
    /// Title on the cover and in the PDF metadata.
    pub title: String,
    /// Subtitle on the cover.
    pub subtitle: Option<String>,
    /// Edition on the cover, e.g. "May 2017".
    pub edition: Option<String>,
    /// Publisher on the cover and as PDF author, e.g. "Center for
    /// Mediterranean Integration".
    pub publisher: Option<String>,
    /// Title of the table of contents, e.g. "Contents" or "المحتويات". If
    /// empty, typst's own word for the language is used.
    pub contents_label: String,
    /// Heading of the introduction, e.g. "Introduction".
    pub introduction_heading: String,
    /// Paragraphs separated by blank lines; empty means no introduction.
    pub introduction: String,
    /// The chapters, each starting on a new page.
    pub chapters: Vec<Chapter>,
    /// Small print at the bottom of every page after the cover.
    pub footer: Option<String>,
}

/// A chapter of a [`Compendium`], usually one theme.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Chapter {
    /// Chapter title, listed in the table of contents.
    pub title: String,
    /// Paragraphs under the chapter title; may be empty.
    pub introduction: String,
    /// The practices of the chapter, each starting on a new page and listed
    /// in the table of contents.
    pub practices: Vec<Sheet>,
}

/// A report of peer consultations: one or more thematic sessions, each with
/// its people, the dilemmas discussed and the wrap-up messages.
///
/// Printed on A4: a title block on the first page, the introduction, a table
/// of contents (when there is more than one session), then each session on a
/// new page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConsultationReport {
    /// Language of the title, introduction, contents, session titles, people
    /// and wrap-ups (see [`Sheet::lang`]). Each dilemma keeps its own
    /// language.
    pub lang: String,
    /// Title on the first page and in the PDF metadata.
    pub title: String,
    /// A line under the title, e.g. "Urban Academy on Integration · April
    /// 2018".
    pub subtitle: Option<String>,
    /// Paragraphs separated by blank lines; empty means no introduction.
    pub introduction: String,
    /// Title of the table of contents, e.g. "Contents" or "المحتويات". If
    /// empty, typst's own word for the language is used. The contents are
    /// printed only when the report has more than one session.
    pub contents_label: String,
    /// The thematic sessions, each starting on a new page.
    pub sessions: Vec<ReportSession>,
    /// Small print at the bottom of every page.
    pub footer: Option<String>,
}

/// A thematic session of a [`ConsultationReport`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportSession {
    /// Session title, listed in the table of contents, e.g. "Thematic
    /// session 1: Qualifications, skills and employment issues".
    pub title: String,
    /// A compact label/value table under the title, e.g. "Facilitator" /
    /// "Ceri Hutton, MigrationWork", "Experts", "Rapporteur". Rows with an
    /// empty value are left out.
    pub people: Vec<Fact>,
    /// Paragraphs under the people table; may be empty.
    pub summary: String,
    /// The dilemmas (questions) discussed in the session, in order.
    pub dilemmas: Vec<ReportDilemma>,
    /// Heading over the wrap-up messages, e.g. "Wrap-up"; printed only if
    /// there are wrap-ups.
    pub wrapup_heading: String,
    /// The closing messages of the session.
    pub wrapups: Vec<Wrapup>,
}

/// One policy dilemma brought to a [`ReportSession`] and the result of its
/// discussion.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportDilemma {
    /// Language of this dilemma's text (see [`Sheet::lang`]); it may differ
    /// from the report's: an English dilemma in an Arabic report is set left
    /// to right, an Arabic one in an English report right to left.
    pub lang: String,
    /// The label before the question, e.g. "Question 1". May be empty.
    pub label: String,
    /// The question, printed in bold after the label and listed in the table
    /// of contents.
    pub question: String,
    /// Who brought the dilemma, e.g. "Eveline Hamers, City of Amsterdam
    /// (NL)"; may be empty.
    pub presenter: String,
    /// The body, e.g. "Information on the dilemma", "Open questions", "Ideas
    /// and practices shared", "Result of the discussion". A section whose text
    /// is empty is left out.
    pub sections: Vec<Section>,
}

/// A closing message of a [`ReportSession`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Wrapup {
    /// Who gave it, e.g. "Aliyyah Ahad, Migration Policy Institute Europe";
    /// printed in bold above the text. May be empty.
    pub author: String,
    /// Paragraphs separated by blank lines; single newlines are line breaks.
    pub text: String,
}

/// A survey's results, printed on A4: a title block, the key figures, a
/// note, then one block per question.
///
/// The tables and their bars follow the report's direction (in Arabic the
/// bars grow from the right); each question's label and its rows' labels
/// are set in the question's own language. The footer and the page number
/// are printed once on every page. A short question is kept on one page; a
/// long one may break, with its table's header repeated.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SurveyReport {
    /// Language of the report (see [`Sheet::lang`]): of the title, facts,
    /// note, bases, column headers, cells and numbers. Arabic sets the pages
    /// right to left.
    pub lang: String,
    /// Title on the first page and in the PDF metadata.
    pub title: String,
    /// A line under the title, e.g. "Results · 10 of 12 municipalities
    /// answered".
    pub subtitle: Option<String>,
    /// The key figures under the title, e.g. "Response rate" / "83% (10/12)".
    /// Facts with an empty value are left out.
    pub facts: Vec<Fact>,
    /// Paragraphs separated by blank lines (the privacy note, "the answers
    /// are synthetic", …); empty means no note.
    pub note: String,
    /// The questions, in order.
    pub questions: Vec<SurveyQuestion>,
    /// Small print at the bottom of every page, beside the page number.
    pub footer: Option<String>,
}

/// One question of a [`SurveyReport`] and its results.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SurveyQuestion {
    /// The question as asked, printed in bold; it wraps if long.
    pub label: String,
    /// Language of `label` and of the rows' labels (see [`Sheet::lang`]);
    /// it may differ from the report's: an English question in an Arabic
    /// report reads left to right.
    pub lang: String,
    /// A line under the question, e.g. "Answered: 7 · not answered: 3"; may
    /// be empty.
    pub base: String,
    /// The table's header: the first over the rows' labels, then one per
    /// cell, e.g. `["Answer", "All (n = 7)"]`. If all are empty the table has
    /// no header.
    pub columns: Vec<String>,
    /// The choices; empty for a question without choices (no table).
    pub rows: Vec<SurveyRow>,
    /// Figures under the table, e.g. "Mean" / "1,234", "Median" / "1,000";
    /// may be empty. Figures with an empty value are left out.
    pub numbers: Vec<Fact>,
}

/// One row of a [`SurveyQuestion`]'s table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SurveyRow {
    /// The choice, in the question's language.
    pub label: String,
    /// One per column after the first, e.g. "86%", "6", "suppressed"; a row
    /// with fewer cells than columns is padded with empty cells, extra ones
    /// are left out.
    pub cells: Vec<String>,
    /// The share (0.0 to 1.0) drawn as a thin bar beside the row; `None`
    /// draws no bar (e.g. a suppressed row). Values outside the range are
    /// clamped, and a value that is not a number draws no bar. The bar
    /// column is left out when no row has a bar.
    pub bar: Option<f64>,
}

/// Why a document could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The input could not be serialised for the template.
    #[error("could not serialise the document data: {0}")]
    Data(#[from] serde_json::Error),
    /// Typst failed to compile the document; the messages are joined with
    /// "; ".
    #[error("typesetting failed: {0}")]
    Compile(String),
    /// Typst compiled the document but could not write the PDF.
    #[error("PDF export failed: {0}")]
    Pdf(String),
}

/// The primary language subtag in lower case (`"ar-SY"` → `"ar"`), or `"en"`
/// if `tag` has none that typst accepts.
fn primary_lang(tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        primary.to_ascii_lowercase()
    } else {
        "en".to_owned()
    }
}

impl Sheet {
    /// A copy whose language tag is one typst accepts.
    fn normalised(&self) -> Sheet {
        let mut sheet = self.clone();
        sheet.lang = primary_lang(&sheet.lang);
        sheet
    }
}

impl Compendium {
    /// A copy whose language tags (its own and each practice's) are ones typst
    /// accepts.
    fn normalised(&self) -> Compendium {
        let mut book = self.clone();
        book.lang = primary_lang(&book.lang);
        for practice in book
            .chapters
            .iter_mut()
            .flat_map(|c| c.practices.iter_mut())
        {
            practice.lang = primary_lang(&practice.lang);
        }
        book
    }
}

impl ConsultationReport {
    /// A copy whose language tags (its own and each dilemma's) are ones typst
    /// accepts.
    fn normalised(&self) -> ConsultationReport {
        let mut report = self.clone();
        report.lang = primary_lang(&report.lang);
        for dilemma in report
            .sessions
            .iter_mut()
            .flat_map(|s| s.dilemmas.iter_mut())
        {
            dilemma.lang = primary_lang(&dilemma.lang);
        }
        report
    }
}

impl SurveyReport {
    /// A copy whose language tags (its own and each question's) are ones
    /// typst accepts, with every bar a number in 0.0..=1.0 or none.
    fn normalised(&self) -> SurveyReport {
        let mut report = self.clone();
        report.lang = primary_lang(&report.lang);
        for question in &mut report.questions {
            question.lang = primary_lang(&question.lang);
            for row in &mut question.rows {
                row.bar = row
                    .bar
                    .filter(|share| share.is_finite())
                    .map(|share| share.clamp(0.0, 1.0));
            }
        }
        report
    }
}

/// A document as the templates' JSON input, without explicit bidirectional
/// controls: the isolates U+2066–U+2069 and the embeddings and overrides
/// U+202A–U+202E. Fluent wraps every value it places in a translated
/// sentence in isolation marks; typst lays out each paragraph's directions
/// itself, and in a PDF the marks would stay in the text layer, where
/// copying, searching ("Question 1") and text extraction trip on them. An
/// override left in a person's text (`a\u{202e}gnp.exe`, or in a city that
/// is followed by its country) would reverse what follows it on the page;
/// the platform removes them from what people type, and this keeps one that
/// came another way (an older row, an import) off the page too. Marks
/// U+200E and U+200F stay.
fn typst_data<T: Serialize>(document: &T) -> Result<Vec<u8>, PrintError> {
    fn is_control(c: char) -> bool {
        matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) if s.contains(is_control) => {
                s.retain(|c| !is_control(c));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(document)?;
    strip(&mut value);
    Ok(serde_json::to_vec(&value)?)
}

impl Printer {
    /// Typesets one practice sheet (A4) and returns the PDF bytes.
    pub fn practice_sheet(&self, sheet: &Sheet) -> Result<Vec<u8>, PrintError> {
        let data = typst_data(&sheet.normalised())?;
        self.render(world::Template::Sheet, data)
    }

    /// Typesets a compendium (A4: cover, introduction, contents, chapters)
    /// and returns the PDF bytes.
    pub fn compendium(&self, book: &Compendium) -> Result<Vec<u8>, PrintError> {
        let data = typst_data(&book.normalised())?;
        self.render(world::Template::Compendium, data)
    }

    /// Typesets a consultation report (A4: title block, introduction,
    /// contents when there is more than one session, then the sessions) and
    /// returns the PDF bytes.
    pub fn consultation_report(&self, report: &ConsultationReport) -> Result<Vec<u8>, PrintError> {
        let data = typst_data(&report.normalised())?;
        self.render(world::Template::Report, data)
    }
    /// Typesets a survey's results (A4: title block, key figures, note,
    /// then one block per question) and returns the PDF bytes.
    pub fn survey_report(&self, report: &SurveyReport) -> Result<Vec<u8>, PrintError> {
        let data = typst_data(&report.normalised())?;
        self.render(world::Template::Survey, data)
    }
}

#[cfg(test)]
mod tests {
    use super::primary_lang;

    #[test]
    fn language_tags_are_reduced_to_the_primary_subtag() {
        assert_eq!(primary_lang("ar"), "ar");
        assert_eq!(primary_lang("ar-SY"), "ar");
        assert_eq!(primary_lang("TR_tr"), "tr");
        assert_eq!(primary_lang(" de "), "de");
        assert_eq!(primary_lang(""), "en");
        assert_eq!(primary_lang("x"), "en");
        assert_eq!(primary_lang("français"), "en");
        assert_eq!(primary_lang("12"), "en");
    }
}

#[cfg(test)]
mod survey_tests {
    use super::*;

    #[test]
    fn survey_languages_and_bars_are_normalised() {
        let bars = [Some(0.5), Some(1.5), Some(-0.2), Some(f64::NAN), None];
        let report = SurveyReport {
            lang: "ar-SY".into(),
            title: String::new(),
            subtitle: None,
            facts: vec![],
            note: String::new(),
            questions: vec![SurveyQuestion {
                label: String::new(),
                lang: "EN_gb".into(),
                base: String::new(),
                columns: vec![],
                rows: bars
                    .iter()
                    .map(|bar| SurveyRow {
                        label: String::new(),
                        cells: vec![],
                        bar: *bar,
                    })
                    .collect(),
                numbers: vec![],
            }],
            footer: None,
        }
        .normalised();
        assert_eq!(report.lang, "ar");
        assert_eq!(report.questions[0].lang, "en");
        let bars: Vec<Option<f64>> = report.questions[0].rows.iter().map(|r| r.bar).collect();
        assert_eq!(bars, [Some(0.5), Some(1.0), Some(0.0), None, None]);
    }
}

#[cfg(test)]
mod bidi_tests {
    use super::*;

    #[test]
    fn bidi_controls_are_left_out_of_the_data() {
        let sheet = Sheet {
            lang: "en".into(),
            title: "a\u{202e}gnp.exe".into(),
            subtitle: Some("\u{2068}Gaziantep\u{2069}, \u{202b}x\u{202c}".into()),
            facts: vec![],
            sections: vec![Section {
                heading: "\u{200f}Marks stay\u{200e}".into(),
                text: "\u{2066}\u{2067}y\u{202a}\u{202d}".into(),
            }],
            footer: None,
        };
        let data = String::from_utf8(typst_data(&sheet).unwrap()).unwrap();
        let value: serde_json::Value = serde_json::from_str(&data).unwrap();
        assert_eq!(value["title"], "agnp.exe");
        assert_eq!(value["subtitle"], "Gaziantep, x");
        assert_eq!(
            value["sections"][0]["heading"],
            "\u{200f}Marks stay\u{200e}"
        );
        assert_eq!(value["sections"][0]["text"], "y");
    }
}
