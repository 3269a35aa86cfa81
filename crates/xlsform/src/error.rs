//! Errors that name where they are: the sheet, the row as a spreadsheet
//! shows it (header = row 1) and the column.
//!
//! Messages are English here. Each [`ErrorKind`] has a stable [`code`]
//! (`xlsform-…`) and named [`params`], so the application can look the code
//! up in its own translations (a Fluent id per code, the params as Fluent
//! arguments, and `sheet`, `row`, `column` from [`Location`]) and fall back to
//! this English text.
//!
//! [`code`]: ErrorKind::code
//! [`params`]: ErrorKind::params

use std::fmt;

/// Where a problem is. `row` is the spreadsheet's row number; `column` is the
/// column's header (`relevant`, `label::Arabic (ar)`) or, when the header
/// itself is at fault, its letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub sheet: String,
    pub row: Option<usize>,
    pub column: Option<String>,
}

impl Location {
    pub fn workbook() -> Location {
        Location {
            sheet: String::new(),
            row: None,
            column: None,
        }
    }

    pub fn sheet(sheet: &str) -> Location {
        Location {
            sheet: sheet.to_owned(),
            row: None,
            column: None,
        }
    }

    pub fn row(sheet: &str, row: usize) -> Location {
        Location {
            sheet: sheet.to_owned(),
            row: Some(row),
            column: None,
        }
    }

    pub fn cell(sheet: &str, row: usize, column: &str) -> Location {
        Location {
            sheet: sheet.to_owned(),
            row: Some(row),
            column: Some(column.to_owned()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sheet.is_empty() {
            return f.write_str("workbook");
        }
        write!(f, "{} sheet", self.sheet)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        Ok(())
    }
}

/// What is wrong, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// A feature of XLSForm outside the supported subset.
    #[error("not supported: {feature}")]
    NotSupported { feature: String },
    #[error("the workbook cannot be read: {why}")]
    Unreadable { why: String },
    #[error("the form has no survey sheet")]
    NoSurveySheet,
    #[error("the sheet has no `{column}` column")]
    MissingColumn { column: String },
    #[error("column `{column}` appears twice (as `{first}` and `{second}`)")]
    DuplicateColumn {
        column: String,
        first: String,
        second: String,
    },
    #[error("the row has a name or label but no type")]
    NoType,
    #[error("`{value}` is not a question type")]
    UnknownType { value: String },
    #[error("the row has no name")]
    NoName,
    #[error(
        "`{name}` is not a valid name: names begin with a letter or underscore, then letters, digits, `_`, `-` or `.`"
    )]
    BadName { name: String },
    #[error("the name `{name}` is already used in the same group (row {other_row})")]
    DuplicateName { name: String, other_row: usize },
    #[error("`end_{kind}` has no matching `begin_{kind}`")]
    UnmatchedEnd { kind: String },
    #[error("`begin_{kind}` `{name}` has no matching `end_{kind}`")]
    UnmatchedBegin { kind: String, name: String },
    #[error("`{type_name}` needs a choice list name after it")]
    NoListName { type_name: String },
    #[error("choice list `{list}` is not on the choices sheet")]
    UnknownList { list: String },
    #[error("the choice has no name")]
    ChoiceNoName,
    #[error("the choice has no list_name")]
    ChoiceNoList,
    #[error("choice `{name}` appears twice in list `{list}` (row {other_row})")]
    DuplicateChoice {
        list: String,
        name: String,
        other_row: usize,
    },
    #[error("the choice has no label")]
    ChoiceNoLabel,
    #[error("`${{{name}}}` names no question")]
    UnknownReference { name: String },
    #[error("`${{{name}}}` names more than one question")]
    AmbiguousReference { name: String },
    #[error("`{text}` is not a reference: write `${{name}}`")]
    BadReference { text: String },
    #[error("the expression cannot be read: {why}")]
    BadExpression { why: String },
    #[error("a calculate row needs a calculation")]
    NoCalculation,
    #[error("parameters must be written `key=value key=value`")]
    BadParameters,
    #[error("`{key}` is not a parameter of `{type_name}` (accepted: {accepted})")]
    UnknownParameter {
        key: String,
        type_name: String,
        accepted: String,
    },
    #[error("parameter `{key}` must be a number")]
    ParameterNotNumber { key: String },
    #[error("parameter `step` must not be 0")]
    StepZero,
    #[error("parameter `step` must not be larger than the range from start to end")]
    StepTooLarge,
    #[error("the setting `{name}` must be {expected}")]
    BadSetting { name: String, expected: String },
    #[error("the name `{name}` is reserved")]
    ReservedName { name: String },
    #[error("question `{name}` has no label or hint")]
    NoLabel { name: String },
}

impl ErrorKind {
    /// A stable code for translations and programs.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::NotSupported { .. } => "xlsform-not-supported",
            ErrorKind::Unreadable { .. } => "xlsform-unreadable",
            ErrorKind::NoSurveySheet => "xlsform-no-survey-sheet",
            ErrorKind::MissingColumn { .. } => "xlsform-missing-column",
            ErrorKind::DuplicateColumn { .. } => "xlsform-duplicate-column",
            ErrorKind::NoType => "xlsform-no-type",
            ErrorKind::UnknownType { .. } => "xlsform-unknown-type",
            ErrorKind::NoName => "xlsform-no-name",
            ErrorKind::BadName { .. } => "xlsform-bad-name",
            ErrorKind::DuplicateName { .. } => "xlsform-duplicate-name",
            ErrorKind::UnmatchedEnd { .. } => "xlsform-unmatched-end",
            ErrorKind::UnmatchedBegin { .. } => "xlsform-unmatched-begin",
            ErrorKind::NoListName { .. } => "xlsform-no-list-name",
            ErrorKind::UnknownList { .. } => "xlsform-unknown-list",
            ErrorKind::ChoiceNoName => "xlsform-choice-no-name",
            ErrorKind::ChoiceNoList => "xlsform-choice-no-list",
            ErrorKind::DuplicateChoice { .. } => "xlsform-duplicate-choice",
            ErrorKind::ChoiceNoLabel => "xlsform-choice-no-label",
            ErrorKind::UnknownReference { .. } => "xlsform-unknown-reference",
            ErrorKind::AmbiguousReference { .. } => "xlsform-ambiguous-reference",
            ErrorKind::BadReference { .. } => "xlsform-bad-reference",
            ErrorKind::BadExpression { .. } => "xlsform-bad-expression",
            ErrorKind::NoCalculation => "xlsform-no-calculation",
            ErrorKind::BadParameters => "xlsform-bad-parameters",
            ErrorKind::UnknownParameter { .. } => "xlsform-unknown-parameter",
            ErrorKind::ParameterNotNumber { .. } => "xlsform-parameter-not-number",
            ErrorKind::StepZero => "xlsform-step-zero",
            ErrorKind::StepTooLarge => "xlsform-step-too-large",
            ErrorKind::BadSetting { .. } => "xlsform-bad-setting",
            ErrorKind::ReservedName { .. } => "xlsform-reserved-name",
            ErrorKind::NoLabel { .. } => "xlsform-no-label",
        }
    }

    /// The message's variable parts, by name (the Fluent arguments).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let s = |v: &String| v.clone();
        match self {
            ErrorKind::NotSupported { feature } => vec![("feature", s(feature))],
            ErrorKind::Unreadable { why } | ErrorKind::BadExpression { why } => {
                vec![("why", s(why))]
            }
            ErrorKind::MissingColumn { column } => vec![("column", s(column))],
            ErrorKind::DuplicateColumn {
                column,
                first,
                second,
            } => vec![
                ("column", s(column)),
                ("first", s(first)),
                ("second", s(second)),
            ],
            ErrorKind::UnknownType { value } => vec![("value", s(value))],
            ErrorKind::BadName { name }
            | ErrorKind::UnknownReference { name }
            | ErrorKind::AmbiguousReference { name }
            | ErrorKind::ReservedName { name }
            | ErrorKind::NoLabel { name } => vec![("name", s(name))],
            ErrorKind::DuplicateName { name, other_row } => {
                vec![("name", s(name)), ("other_row", other_row.to_string())]
            }
            ErrorKind::UnmatchedEnd { kind } => vec![("kind", s(kind))],
            ErrorKind::UnmatchedBegin { kind, name } => {
                vec![("kind", s(kind)), ("name", s(name))]
            }
            ErrorKind::NoListName { type_name } => vec![("type_name", s(type_name))],
            ErrorKind::UnknownList { list } => vec![("list", s(list))],
            ErrorKind::DuplicateChoice {
                list,
                name,
                other_row,
            } => vec![
                ("list", s(list)),
                ("name", s(name)),
                ("other_row", other_row.to_string()),
            ],
            ErrorKind::BadReference { text } => vec![("text", s(text))],
            ErrorKind::UnknownParameter {
                key,
                type_name,
                accepted,
            } => vec![
                ("key", s(key)),
                ("type_name", s(type_name)),
                ("accepted", s(accepted)),
            ],
            ErrorKind::ParameterNotNumber { key } => vec![("key", s(key))],
            ErrorKind::BadSetting { name, expected } => {
                vec![("name", s(name)), ("expected", s(expected))]
            }
            ErrorKind::NoSurveySheet
            | ErrorKind::NoType
            | ErrorKind::NoName
            | ErrorKind::ChoiceNoName
            | ErrorKind::ChoiceNoList
            | ErrorKind::ChoiceNoLabel
            | ErrorKind::NoCalculation
            | ErrorKind::BadParameters
            | ErrorKind::StepZero
            | ErrorKind::StepTooLarge => Vec::new(),
        }
    }
}

/// One problem of a form, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FormError {
    pub loc: Location,
    pub kind: ErrorKind,
}

impl FormError {
    pub fn new(loc: Location, kind: ErrorKind) -> FormError {
        FormError { loc, kind }
    }

    pub fn is_not_supported(&self) -> bool {
        matches!(self.kind, ErrorKind::NotSupported { .. })
    }
}

/// "survey sheet, row 12, column relevant: `${populaton}` names no question";
/// features outside the subset read "not supported: <feature> (survey sheet, row 4)".
impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_not_supported() {
            write!(f, "{} ({})", self.kind, self.loc)
        } else {
            write!(f, "{}: {}", self.loc, self.kind)
        }
    }
}

/// Every problem found in a form, in sheet and row order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormErrors(pub Vec<FormError>);

impl fmt::Display for FormErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FormErrors {}
