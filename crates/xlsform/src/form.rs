//! The form model, and building it from a workbook with every check.

use std::collections::{BTreeMap, HashMap};

use crate::error::{ErrorKind, FormError, FormErrors, Location};
use crate::expr::{self, ExprError, ParseMode};
use crate::sheet::{Row, Sheet, Workbook, column_letters};

pub use crate::expr::Expr;

pub const SURVEY: &str = "survey";
pub const CHOICES: &str = "choices";
pub const SETTINGS: &str = "settings";

/// A text in every language the form has: `default` is the untranslated
/// column (`label`), `translations` the `label::Arabic (ar)` columns by
/// language name as written after `::`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub default: Option<String>,
    pub translations: BTreeMap<String, String>,
}

impl Text {
    pub fn is_empty(&self) -> bool {
        self.default.is_none() && self.translations.is_empty()
    }

    /// The text in `language` (a language name or code), else in the
    /// form's default language, else the untranslated text, else any.
    pub fn get(&self, language: Option<&str>, form: &Form) -> Option<&str> {
        let pick = |wanted: &str| {
            form.language(wanted)
                .and_then(|l| self.translations.get(&l.name))
                .map(String::as_str)
        };
        language
            .and_then(pick)
            .or_else(|| form.settings.default_language.as_deref().and_then(pick))
            .or(self.default.as_deref())
            .or_else(|| self.translations.values().next().map(String::as_str))
    }
}

/// A language of the form: the name as written in the columns
/// (`Arabic (ar)`), and the code in parentheses, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub name: String,
    pub code: Option<String>,
}

impl Language {
    fn from_name(name: &str) -> Language {
        let code = name
            .rsplit_once('(')
            .and_then(|(_, rest)| rest.strip_suffix(')'))
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        Language {
            name: name.to_owned(),
            code,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub form_id: Option<String>,
    pub form_title: Option<String>,
    pub version: Option<String>,
    pub default_language: Option<String>,
    /// `allow_choice_duplicates`: the same choice name twice in a list.
    pub allow_duplicates: bool,
}

/// The question types of the subset.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text,
    Integer,
    Decimal,
    SelectOne { list: String },
    SelectMultiple { list: String },
    Note,
    Date,
    Calculate,
    Range { start: f64, end: f64, step: f64 },
    Acknowledge,
}

impl Kind {
    /// The type as the `type` column writes it.
    pub fn type_text(&self) -> String {
        match self {
            Kind::Text => "text".into(),
            Kind::Integer => "integer".into(),
            Kind::Decimal => "decimal".into(),
            Kind::SelectOne { list } => format!("select_one {list}"),
            Kind::SelectMultiple { list } => format!("select_multiple {list}"),
            Kind::Note => "note".into(),
            Kind::Date => "date".into(),
            Kind::Calculate => "calculate".into(),
            Kind::Range { .. } => "range".into(),
            Kind::Acknowledge => "acknowledge".into(),
        }
    }

    /// Whether people answer it (notes and calculations they do not).
    pub fn is_input(&self) -> bool {
        !matches!(self, Kind::Note | Kind::Calculate)
    }
}

/// A default answer: a fixed value, or an expression evaluated when the
/// form opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Default {
    Static(String),
    Dynamic(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub name: String,
    pub row: usize,
    pub kind: Kind,
    pub label: Text,
    pub hint: Text,
    pub required: Option<Expr>,
    pub required_message: Text,
    pub relevant: Option<Expr>,
    pub constraint: Option<Expr>,
    pub constraint_message: Text,
    pub calculation: Option<Expr>,
    pub default: Option<Default>,
    pub choice_filter: Option<Expr>,
    pub appearance: Option<String>,
    /// The `parameters` cell as written (range: start, end, step).
    pub parameters: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub row: usize,
    /// The `end_group` row.
    pub end_row: usize,
    pub label: Text,
    pub hint: Text,
    pub relevant: Option<Expr>,
    pub appearance: Option<String>,
    pub items: Vec<Item>,
}

impl Group {
    /// `appearance` contains `field-list`: the whole group is one page.
    pub fn field_list(&self) -> bool {
        self.appearance
            .as_deref()
            .is_some_and(|a| a.split_whitespace().any(|w| w == "field-list"))
    }
}

// A form's tree is built once and read many times; boxing the questions
// would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Question(Question),
    Group(Group),
}

impl Item {
    pub fn name(&self) -> &str {
        match self {
            Item::Question(q) => &q.name,
            Item::Group(g) => &g.name,
        }
    }

    pub fn row(&self) -> usize {
        match self {
            Item::Question(q) => q.row,
            Item::Group(g) => g.row,
        }
    }

    pub fn relevant(&self) -> Option<&Expr> {
        match self {
            Item::Question(q) => q.relevant.as_ref(),
            Item::Group(g) => g.relevant.as_ref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub row: usize,
    pub label: Text,
    /// Other columns (used by choice filters), by header.
    pub properties: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceList {
    pub name: String,
    pub choices: Vec<Choice>,
}

/// A form of the supported subset, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub settings: Settings,
    /// Translated languages, in order of first appearance.
    pub languages: Vec<Language>,
    pub items: Vec<Item>,
    pub lists: Vec<ChoiceList>,
    /// Extra choice columns, in order (kept for writing back).
    pub choice_columns: Vec<String>,
}

impl Form {
    /// Reads and checks an `.xlsx` XLSForm.
    pub fn from_xlsx(bytes: &[u8]) -> Result<Form, FormErrors> {
        let book = Workbook::from_xlsx(bytes)?;
        Form::from_workbook(&book)
    }

    /// Reads and checks the markdown-table form.
    pub fn from_markdown(text: &str) -> Result<Form, FormErrors> {
        Form::from_workbook(&Workbook::from_markdown(text))
    }

    /// Checks a workbook and builds the form; every problem found is returned.
    pub fn from_workbook(book: &Workbook) -> Result<Form, FormErrors> {
        let mut b = Builder::default();
        let form = b.build(book);
        if b.errors.is_empty() {
            Ok(form)
        } else {
            b.errors.sort_by(|x, y| {
                (sheet_order(&x.loc.sheet), x.loc.row).cmp(&(sheet_order(&y.loc.sheet), y.loc.row))
            });
            Err(FormErrors(b.errors))
        }
    }

    /// The language of this name or code.
    pub fn language(&self, wanted: &str) -> Option<&Language> {
        self.languages
            .iter()
            .find(|l| l.code.as_deref() == Some(wanted))
            .or_else(|| {
                self.languages
                    .iter()
                    .find(|l| l.name.eq_ignore_ascii_case(wanted))
            })
    }

    pub fn list(&self, name: &str) -> Option<&ChoiceList> {
        self.lists.iter().find(|l| l.name == name)
    }

    /// Calls `visit` with every item, depth first, and the groups it is
    /// in (outermost first).
    fn visit<'a>(&'a self, visit: &mut dyn FnMut(&'a Item, &[&'a Group])) {
        fn walk<'a>(
            items: &'a [Item],
            path: &mut Vec<&'a Group>,
            visit: &mut dyn FnMut(&'a Item, &[&'a Group]),
        ) {
            for item in items {
                visit(item, path);
                if let Item::Group(g) = item {
                    path.push(g);
                    walk(&g.items, path, visit);
                    path.pop();
                }
            }
        }
        walk(&self.items, &mut Vec::new(), visit);
    }

    /// Every question, depth first, with the groups it is in.
    pub fn questions(&self) -> Vec<(&Question, Vec<&Group>)> {
        let mut out = Vec::new();
        self.visit(&mut |item, path| {
            if let Item::Question(q) = item {
                out.push((q, path.to_vec()));
            }
        });
        out
    }

    /// Every group, depth first.
    pub fn groups(&self) -> Vec<&Group> {
        self.groups_with_paths()
            .into_iter()
            .map(|(g, _)| g)
            .collect()
    }

    /// Every group, depth first, with the groups around it (outermost
    /// first).
    pub fn groups_with_paths(&self) -> Vec<(&Group, Vec<&Group>)> {
        let mut out = Vec::new();
        self.visit(&mut |item, path| {
            if let Item::Group(g) = item {
                out.push((g, path.to_vec()));
            }
        });
        out
    }

    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions()
            .into_iter()
            .map(|(q, _)| q)
            .find(|q| q.name == name)
    }

    /// The form as a workbook in canonical columns (survey, choices,
    /// settings), ready for [`Workbook::to_xlsx`].
    pub fn to_workbook(&self) -> Workbook {
        crate::write::to_workbook(self)
    }
}

fn sheet_order(sheet: &str) -> u8 {
    match sheet {
        "" => 0,
        SURVEY => 1,
        CHOICES => 2,
        SETTINGS => 3,
        _ => 4,
    }
}

/// An XML name (NCName, with at most one `prefix:`), as question, group and
/// choice-list names must be.
pub fn is_xml_name(s: &str) -> bool {
    let ncname = |p: &str| {
        let mut cs = p.chars();
        cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| {
                c == '_'
                    || c == '-'
                    || c == '.'
                    || c == '\u{b7}'
                    || c.is_alphanumeric()
                    || ('\u{300}'..='\u{36f}').contains(&c)
                    || ('\u{203f}'..='\u{2040}').contains(&c)
            })
    };
    match s.split_once(':') {
        Some((a, b)) => ncname(a) && ncname(b),
        None => ncname(s),
    }
}

/// XLSForm question types outside the subset (refused as not supported
/// rather than as unknown).
const OTHER_TYPES: &[&str] = &[
    "time",
    "datetime",
    "dateTime",
    "geopoint",
    "geotrace",
    "geoshape",
    "image",
    "photo",
    "audio",
    "video",
    "file",
    "barcode",
    "background-audio",
    "background-geopoint",
    "rank",
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "hidden",
    "trigger",
    "start-geopoint",
    "xml-external",
    "csv-external",
    "osm",
    "select_one_from_file",
    "select_multiple_from_file",
    "select_one_external",
    "begin_loop",
    "begin loop",
    "end_loop",
    "end loop",
    "begin_repeat",
    "begin repeat",
    "end_repeat",
    "end repeat",
    "gps",
    "imei",
    "uri:subscriberid",
    "uri:phonenumber",
    "uri:username",
    "uri:email",
    "uri:deviceid",
    "add image prompt",
    "add photo prompt",
    "add audio prompt",
    "add video prompt",
    "add file prompt",
    "get today",
    "get start time",
    "get end time",
    "get device id",
    "get phone number",
    "get subscriber id",
    "get sim id",
    "location",
    "q picture",
    "q image",
    "q audio",
    "q video",
    "q location",
    "q geopoint",
    "q date",
    "q int",
    "q string",
    "q note",
    "q barcode",
    "q decimal",
    "q calculate",
    "q range",
    "q rank",
    "select_one_from_file",
    "select1",
    "select",
    "int",
    "string",
    "acknowledge",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Translatable {
    No,
    Yes,
}

/// Survey columns of the subset: header, whether it has `::language` forms.
const SURVEY_COLUMNS: &[(&str, Translatable)] = &[
    ("type", Translatable::No),
    ("name", Translatable::No),
    ("label", Translatable::Yes),
    ("hint", Translatable::Yes),
    ("required", Translatable::No),
    ("required_message", Translatable::Yes),
    ("relevant", Translatable::No),
    ("constraint", Translatable::No),
    ("constraint_message", Translatable::Yes),
    ("calculation", Translatable::No),
    ("default", Translatable::No),
    ("choice_filter", Translatable::No),
    ("appearance", Translatable::No),
    ("parameters", Translatable::No),
];

/// Other spellings pyxform accepts for the same columns.
fn survey_alias(header: &str) -> &str {
    match header {
        "caption" => "label",
        "relevance" => "relevant",
        "calculate" => "calculation",
        "constraining_message" | "jr:constraintmsg" => "constraint_message",
        "jr:requiredmsg" => "required_message",
        "command" => "type",
        "tag" | "value" => "name",
        other => other,
    }
}

/// A sheet's header, split into base column and language.
struct Columns {
    /// (base column, language) per cell index.
    cols: Vec<Option<(String, Option<String>)>>,
    raw: Vec<String>,
}

impl Columns {
    fn index(&self, base: &str) -> Option<usize> {
        self.cols
            .iter()
            .position(|c| c.as_ref().is_some_and(|(b, l)| b == base && l.is_none()))
    }

    fn get<'r>(&self, row: &'r Row, base: &str) -> &'r str {
        self.index(base)
            .and_then(|i| row.cells.get(i))
            .map_or("", String::as_str)
    }

    fn text(&self, row: &Row, base: &str) -> Text {
        let mut t = Text::default();
        for (i, c) in self.cols.iter().enumerate() {
            let Some((b, lang)) = c else { continue };
            if b != base {
                continue;
            }
            let Some(v) = row.cells.get(i).filter(|v| !v.is_empty()) else {
                continue;
            };
            match lang {
                None => t.default = Some(v.clone()),
                Some(l) => {
                    t.translations.insert(l.clone(), v.clone());
                }
            }
        }
        t
    }
}

#[derive(Default)]
struct Builder {
    errors: Vec<FormError>,
    languages: Vec<Language>,
}

struct Frame {
    group: Group,
    names: HashMap<String, usize>,
}

impl Builder {
    fn err(&mut self, loc: Location, kind: ErrorKind) {
        self.errors.push(FormError::new(loc, kind));
    }

    fn build(&mut self, book: &Workbook) -> Form {
        let mut form = Form {
            settings: Settings::default(),
            languages: Vec::new(),
            items: Vec::new(),
            lists: Vec::new(),
            choice_columns: Vec::new(),
        };
        let known = |n: &str| {
            [SURVEY, CHOICES, SETTINGS]
                .iter()
                .any(|k| n.trim().eq_ignore_ascii_case(k))
        };
        let survey = match book.sheet(SURVEY) {
            Some(s) => Some(s),
            // A workbook of one sheet of another name is read as the survey (as pyxform does).
            None if book.sheets.len() == 1 => book.sheets.first(),
            None => None,
        };
        for sheet in &book.sheets {
            let is_survey = survey.is_some_and(|s| std::ptr::eq(s, sheet));
            if !known(&sheet.name)
                && !is_survey
                && (sheet.header.is_some() || !sheet.rows.is_empty())
            {
                let row = sheet.header.as_ref().map_or(1, |h| h.number);
                self.err(
                    Location::row(&sheet.name.to_lowercase(), row),
                    ErrorKind::NotSupported {
                        feature: format!("sheet `{}`", sheet.name),
                    },
                );
            }
        }
        if let Some(s) = book.sheet(SETTINGS) {
            form.settings = self.settings(s);
        }
        if let Some(s) = book.sheet(CHOICES) {
            let (lists, cols) = self.choices(s, form.settings.allow_duplicates);
            form.lists = lists;
            form.choice_columns = cols;
        }
        match survey {
            Some(s) => form.items = self.survey(s, &form),
            None => self.err(Location::sheet(SURVEY), ErrorKind::NoSurveySheet),
        }
        form.languages = std::mem::take(&mut self.languages);
        if self.errors.is_empty() {
            crate::check::check(&form, &mut self.errors);
        }
        form
    }

    fn note_language(&mut self, name: &str) {
        if !self.languages.iter().any(|l| l.name == name) {
            self.languages.push(Language::from_name(name));
        }
    }

    /// Splits a header into (base, language), noting languages; a column
    /// outside the subset is returned as `None` with its header.
    fn columns(&mut self, sheet: &Sheet, sheet_key: &str) -> Columns {
        let raw: Vec<String> = sheet
            .header
            .as_ref()
            .map(|h| h.cells.clone())
            .unwrap_or_default();
        let mut cols = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for (i, h) in raw.iter().enumerate() {
            let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
            if h.is_empty() {
                cols.push(None);
                continue;
            }
            let (base, lang) = match h.split_once("::") {
                Some((b, l)) => (b.trim().to_lowercase(), Some(l.trim().to_owned())),
                None => (h.to_lowercase(), None),
            };
            let base = match sheet_key {
                SURVEY => survey_alias(&base).to_owned(),
                CHOICES => match base.as_str() {
                    "list name" => "list_name".to_owned(),
                    "value" => "name".to_owned(),
                    "caption" => "label".to_owned(),
                    _ => base,
                },
                _ => match base.as_str() {
                    "id_string" | "set_form_id" => "form_id".to_owned(),
                    "title" | "set_form_title" => "form_title".to_owned(),
                    _ => base,
                },
            };
            let key = format!("{base}::{}", lang.as_deref().unwrap_or(""));
            if let Some(first) = seen.get(&key).filter(|_| sheet_key != SETTINGS) {
                self.err(
                    Location::cell(sheet_key, 1, &column_letters(i)),
                    ErrorKind::DuplicateColumn {
                        column: base.clone(),
                        first: first.clone(),
                        second: h.clone(),
                    },
                );
            }
            seen.insert(key, h.clone());
            cols.push(Some((base, lang)));
        }
        Columns { cols, raw }
    }

    fn settings(&mut self, sheet: &Sheet) -> Settings {
        let cols = self.columns(sheet, SETTINGS);
        let mut s = Settings::default();
        let Some(row) = sheet.rows.first() else {
            return s;
        };
        for (i, c) in cols.cols.iter().enumerate() {
            let value = row.cells.get(i).map_or("", String::as_str);
            if value.is_empty() {
                continue;
            }
            let Some((base, lang)) = c else {
                self.err(
                    Location::cell(SETTINGS, row.number, &column_letters(i)),
                    ErrorKind::NotSupported {
                        feature: "a setting without a header".into(),
                    },
                );
                continue;
            };
            let slot = match (base.as_str(), lang) {
                ("form_id", None) => &mut s.form_id,
                ("form_title", None) => &mut s.form_title,
                ("version", None) => &mut s.version,
                ("default_language", None) => &mut s.default_language,
                ("allow_choice_duplicates", None) => {
                    match value.to_lowercase().as_str() {
                        "yes" | "true" => s.allow_duplicates = true,
                        "no" | "false" => {}
                        _ => self.err(
                            Location::cell(SETTINGS, row.number, &cols.raw[i]),
                            ErrorKind::BadSetting {
                                name: base.clone(),
                                expected: "yes or no".into(),
                            },
                        ),
                    }
                    continue;
                }
                _ => {
                    self.err(
                        Location::cell(SETTINGS, row.number, &cols.raw[i]),
                        ErrorKind::NotSupported {
                            feature: format!("setting `{}`", cols.raw[i]),
                        },
                    );
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(value.to_owned());
            }
        }
        s
    }

    fn choices(&mut self, sheet: &Sheet, allow_duplicates: bool) -> (Vec<ChoiceList>, Vec<String>) {
        let cols = self.columns(sheet, CHOICES);
        let mut extra = Vec::new();
        for (i, c) in cols.cols.iter().enumerate() {
            match c {
                Some((b, Some(lang))) if b == "label" => {
                    if sheet
                        .rows
                        .iter()
                        .any(|r| r.cells.get(i).is_some_and(|v| !v.is_empty()))
                    {
                        let lang = lang.clone();
                        self.note_language(&lang);
                    }
                }
                Some((b, None)) if b == "list_name" || b == "name" || b == "label" => {}
                Some((b, _))
                    if matches!(
                        b.as_str(),
                        "media" | "image" | "audio" | "video" | "big-image"
                    ) =>
                {
                    if let Some(r) = sheet
                        .rows
                        .iter()
                        .find(|r| r.cells.get(i).is_some_and(|v| !v.is_empty()))
                    {
                        self.err(
                            Location::cell(CHOICES, r.number, &cols.raw[i]),
                            ErrorKind::NotSupported {
                                feature: format!("column `{}`", cols.raw[i]),
                            },
                        );
                    }
                }
                Some((b, lang)) => {
                    if lang.is_some() || b.contains(' ') {
                        if sheet
                            .rows
                            .iter()
                            .any(|r| r.cells.get(i).is_some_and(|v| !v.is_empty()))
                        {
                            self.err(
                                Location::cell(CHOICES, 1, &cols.raw[i]),
                                ErrorKind::NotSupported {
                                    feature: format!("column `{}`", cols.raw[i]),
                                },
                            );
                        }
                    } else {
                        extra.push(cols.raw[i].trim().to_owned());
                    }
                }
                None => {
                    if sheet
                        .rows
                        .iter()
                        .any(|r| r.cells.get(i).is_some_and(|v| !v.is_empty()))
                    {
                        self.err(
                            Location::cell(CHOICES, 1, &column_letters(i)),
                            ErrorKind::MissingColumn {
                                column: "a header for this column".into(),
                            },
                        );
                    }
                }
            }
        }
        if sheet.header.is_some() && !sheet.rows.is_empty() {
            for need in ["list_name", "name"] {
                if cols.index(need).is_none() {
                    self.err(
                        Location::row(CHOICES, 1),
                        ErrorKind::MissingColumn {
                            column: need.into(),
                        },
                    );
                    return (Vec::new(), extra);
                }
            }
        }
        let mut lists: Vec<ChoiceList> = Vec::new();
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for row in &sheet.rows {
            let list = cols.get(row, "list_name");
            let name = cols.get(row, "name");
            let label = cols.text(row, "label");
            if list.is_empty() {
                if !name.is_empty() || !label.is_empty() {
                    self.err(
                        Location::cell(CHOICES, row.number, "list_name"),
                        ErrorKind::ChoiceNoList,
                    );
                }
                continue;
            }
            if name.is_empty() {
                self.err(
                    Location::cell(CHOICES, row.number, "name"),
                    ErrorKind::ChoiceNoName,
                );
                continue;
            }
            if let Some(&other) = seen.get(&(list.to_owned(), name.to_owned())) {
                if !allow_duplicates {
                    self.err(
                        Location::cell(CHOICES, row.number, "name"),
                        ErrorKind::DuplicateChoice {
                            list: list.to_owned(),
                            name: name.to_owned(),
                            other_row: other,
                        },
                    );
                }
            } else {
                seen.insert((list.to_owned(), name.to_owned()), row.number);
            }
            let mut properties = BTreeMap::new();
            for (i, c) in cols.cols.iter().enumerate() {
                if let Some((b, None)) = c
                    && !matches!(b.as_str(), "list_name" | "name" | "label")
                    && let Some(v) = row.cells.get(i).filter(|v| !v.is_empty())
                {
                    properties.insert(cols.raw[i].trim().to_owned(), v.clone());
                }
            }
            let choice = Choice {
                name: name.to_owned(),
                row: row.number,
                label,
                properties,
            };
            match lists.iter_mut().find(|l| l.name == list) {
                Some(l) => l.choices.push(choice),
                None => lists.push(ChoiceList {
                    name: list.to_owned(),
                    choices: vec![choice],
                }),
            }
        }
        (lists, extra)
    }

    fn survey(&mut self, sheet: &Sheet, form: &Form) -> Vec<Item> {
        let cols = self.columns(sheet, SURVEY);
        let key = SURVEY;
        if sheet.header.is_none() || cols.index("type").is_none() {
            self.err(
                Location::row(key, 1),
                ErrorKind::MissingColumn {
                    column: "type".into(),
                },
            );
            return Vec::new();
        }
        // Columns outside the subset are refused where a row fills them.
        for (i, c) in cols.cols.iter().enumerate() {
            let supported = match c {
                Some((b, lang)) => SURVEY_COLUMNS
                    .iter()
                    .any(|(n, t)| n == b && (lang.is_none() || *t == Translatable::Yes)),
                None => false,
            };
            if let Some((b, Some(lang))) = c
                && supported
                && sheet
                    .rows
                    .iter()
                    .any(|r| r.cells.get(i).is_some_and(|v| !v.is_empty()))
                && b != "type"
            {
                let lang = lang.clone();
                self.note_language(&lang);
            }
            if supported {
                continue;
            }
            if let Some(r) = sheet
                .rows
                .iter()
                .find(|r| r.cells.get(i).is_some_and(|v| !v.is_empty()))
            {
                let header = if cols.raw[i].is_empty() {
                    column_letters(i)
                } else {
                    cols.raw[i].clone()
                };
                self.err(
                    Location::cell(key, r.number, &header),
                    ErrorKind::NotSupported {
                        feature: format!("column `{header}`"),
                    },
                );
            }
        }
        let mut stack: Vec<Frame> = vec![Frame {
            group: Group {
                name: String::new(),
                row: 1,
                end_row: 1,
                label: Text::default(),
                hint: Text::default(),
                relevant: None,
                appearance: None,
                items: Vec::new(),
            },
            names: HashMap::new(),
        }];
        for row in &sheet.rows {
            let ty = cols
                .get(row, "type")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let name = cols.get(row, "name").to_owned();
            let label = cols.text(row, "label");
            if ty.is_empty() {
                if !name.is_empty() || !label.is_empty() {
                    self.err(Location::cell(key, row.number, "type"), ErrorKind::NoType);
                }
                continue;
            }
            let at = |c: &str| Location::cell(key, row.number, c);
            let lower = ty.to_lowercase();
            match lower.as_str() {
                "begin_group" | "begin group" => {
                    if name.is_empty() {
                        self.err(at("name"), ErrorKind::NoName);
                    } else if !is_xml_name(&name) {
                        self.err(at("name"), ErrorKind::BadName { name: name.clone() });
                    }
                    self.claim_name(&mut stack, &name, row.number);
                    let relevant = self.expression(row, &cols, "relevant", ParseMode::Plain);
                    stack.push(Frame {
                        group: Group {
                            name,
                            row: row.number,
                            end_row: row.number,
                            label,
                            hint: cols.text(row, "hint"),
                            relevant,
                            appearance: non_empty(cols.get(row, "appearance")),
                            items: Vec::new(),
                        },
                        names: HashMap::new(),
                    });
                    continue;
                }
                "end_group" | "end group" => {
                    if stack.len() < 2 {
                        self.err(
                            at("type"),
                            ErrorKind::UnmatchedEnd {
                                kind: "group".into(),
                            },
                        );
                    } else if let Some(mut frame) = stack.pop() {
                        frame.group.end_row = row.number;
                        if let Some(parent) = stack.last_mut() {
                            parent.group.items.push(Item::Group(frame.group));
                        }
                    }
                    continue;
                }
                _ => {}
            }
            let kind = match self.kind(&ty, row, &cols, form) {
                Some(k) => k,
                None => continue,
            };
            let name = if name.is_empty() && kind == Kind::Note {
                format!("generated_note_name_{}", row.number)
            } else {
                name
            };
            if name.is_empty() {
                self.err(at("name"), ErrorKind::NoName);
                continue;
            }
            if !is_xml_name(&name) {
                self.err(at("name"), ErrorKind::BadName { name: name.clone() });
                continue;
            }
            self.claim_name(&mut stack, &name, row.number);
            let q = self.question(row, &cols, name, kind, label);
            if let Some(frame) = stack.last_mut() {
                frame.group.items.push(Item::Question(q));
            }
        }
        while stack.len() > 1 {
            if let Some(frame) = stack.pop() {
                self.err(
                    Location::cell(key, frame.group.row, "type"),
                    ErrorKind::UnmatchedBegin {
                        kind: "group".into(),
                        name: frame.group.name.clone(),
                    },
                );
                if let Some(parent) = stack.last_mut() {
                    parent.group.items.push(Item::Group(frame.group));
                }
            }
        }
        stack.pop().map(|f| f.group.items).unwrap_or_default()
    }

    fn claim_name(&mut self, stack: &mut [Frame], name: &str, row: usize) {
        if name.is_empty() {
            return;
        }
        if name == "meta" {
            // The form's metadata block (instanceID…) has this name.
            self.err(
                Location::cell(SURVEY, row, "name"),
                ErrorKind::ReservedName {
                    name: name.to_owned(),
                },
            );
            return;
        }
        if let Some(frame) = stack.last_mut() {
            if let Some(&other) = frame.names.get(name) {
                self.err(
                    Location::cell(SURVEY, row, "name"),
                    ErrorKind::DuplicateName {
                        name: name.to_owned(),
                        other_row: other,
                    },
                );
            } else {
                frame.names.insert(name.to_owned(), row);
            }
        }
    }

    fn kind(&mut self, ty: &str, row: &Row, cols: &Columns, form: &Form) -> Option<Kind> {
        let at = |c: &str| Location::cell(SURVEY, row.number, c);
        let words: Vec<&str> = ty.split(' ').collect();
        let (head, list) = match words.as_slice() {
            ["select", "one", rest @ ..] => ("select_one", rest.to_vec()),
            ["select", "all", "that", "apply", rest @ ..] => ("select_multiple", rest.to_vec()),
            ["select", "multiple", rest @ ..] => ("select_multiple", rest.to_vec()),
            [h, rest @ ..] => (*h, rest.to_vec()),
            [] => ("", Vec::new()),
        };
        let simple = match head {
            "text" => Some(Kind::Text),
            "integer" => Some(Kind::Integer),
            "decimal" => Some(Kind::Decimal),
            "note" => Some(Kind::Note),
            "date" => Some(Kind::Date),
            "calculate" => Some(Kind::Calculate),
            "acknowledge" => Some(Kind::Acknowledge),
            "range" => None,
            "select_one" | "select_multiple" => None,
            _ => {
                let known = OTHER_TYPES
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(ty) || t.eq_ignore_ascii_case(head));
                let kind = if known
                    || head.starts_with("select_")
                    || head.starts_with("begin")
                    || head.starts_with("end")
                {
                    ErrorKind::NotSupported {
                        feature: format!("type `{ty}`"),
                    }
                } else {
                    ErrorKind::UnknownType {
                        value: ty.to_owned(),
                    }
                };
                self.err(at("type"), kind);
                return None;
            }
        };
        if let Some(k) = simple {
            if !list.is_empty() {
                self.err(
                    at("type"),
                    ErrorKind::UnknownType {
                        value: ty.to_owned(),
                    },
                );
                return None;
            }
            if !cols.get(row, "parameters").is_empty() {
                let accepted: &[&str] = if k == Kind::Text { &["rows"] } else { &[] };
                let params = self.params(row, cols, head, accepted)?;
                if let Some(rows) = params.get("rows")
                    && rows.parse::<u32>().is_err()
                {
                    self.err(
                        at("parameters"),
                        ErrorKind::ParameterNotNumber { key: "rows".into() },
                    );
                    return None;
                }
            }
            return Some(k);
        }
        if head == "range" {
            if !list.is_empty() {
                self.err(
                    at("type"),
                    ErrorKind::UnknownType {
                        value: ty.to_owned(),
                    },
                );
                return None;
            }
            return self.range(row, cols);
        }
        // select_one / select_multiple
        match list.as_slice() {
            [] => {
                self.err(
                    at("type"),
                    ErrorKind::NoListName {
                        type_name: head.to_owned(),
                    },
                );
                None
            }
            [l] => {
                if form.list(l).is_none() {
                    self.err(
                        at("type"),
                        ErrorKind::UnknownList {
                            list: (*l).to_owned(),
                        },
                    );
                    return None;
                }
                if !cols.get(row, "parameters").is_empty() {
                    let params = self.params(row, cols, head, &["randomize", "seed"])?;
                    if !params.is_empty() {
                        self.err(
                            at("parameters"),
                            ErrorKind::NotSupported {
                                feature: "randomized choices".into(),
                            },
                        );
                        return None;
                    }
                }
                Some(if head == "select_one" {
                    Kind::SelectOne {
                        list: (*l).to_owned(),
                    }
                } else {
                    Kind::SelectMultiple {
                        list: (*l).to_owned(),
                    }
                })
            }
            [_, "or_other"] | [_, "or", "other"] => {
                self.err(
                    at("type"),
                    ErrorKind::NotSupported {
                        feature: format!("`{ty}` (or_other)"),
                    },
                );
                None
            }
            _ => {
                self.err(
                    at("type"),
                    ErrorKind::UnknownType {
                        value: ty.to_owned(),
                    },
                );
                None
            }
        }
    }

    /// Parses `parameters` (key=value pairs separated by spaces, commas or
    /// semicolons, as pyxform reads them) and checks the keys against
    /// `accepted`; `None` after an error.
    fn params(
        &mut self,
        row: &Row,
        cols: &Columns,
        type_name: &str,
        accepted: &[&str],
    ) -> Option<BTreeMap<String, String>> {
        let at = Location::cell(SURVEY, row.number, "parameters");
        let params = match parse_parameters(cols.get(row, "parameters")) {
            Some(p) => p,
            None => {
                self.err(at, ErrorKind::BadParameters);
                return None;
            }
        };
        let unknown: Vec<&String> = params
            .keys()
            .filter(|k| !accepted.contains(&k.as_str()))
            .collect();
        if !unknown.is_empty() {
            let kind = if accepted.is_empty() {
                ErrorKind::NotSupported {
                    feature: format!("parameters on type `{type_name}`"),
                }
            } else {
                ErrorKind::UnknownParameter {
                    key: unknown
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    type_name: type_name.to_owned(),
                    accepted: accepted.join(", "),
                }
            };
            self.err(at, kind);
            return None;
        }
        Some(params)
    }

    /// `range` with `start`, `end`, `step` (defaults 1, 10, 1), checked as
    /// pyxform checks them; tick and placeholder parameters are display
    /// options outside the subset.
    fn range(&mut self, row: &Row, cols: &Columns) -> Option<Kind> {
        let at = |c: &str| Location::cell(SURVEY, row.number, c);
        let params = self.params(
            row,
            cols,
            "range",
            &[
                "start",
                "end",
                "step",
                "tick_interval",
                "placeholder",
                "tick_labelset",
            ],
        )?;
        let mut num = |key: &str, default: f64| -> Option<f64> {
            match params.get(key) {
                None => Some(default),
                Some(v) => match v.parse::<f64>() {
                    Ok(n) if n.is_finite() && !v.contains(['e', 'E', 'i', 'n']) => Some(n),
                    _ => {
                        self.err(
                            at("parameters"),
                            ErrorKind::ParameterNotNumber {
                                key: key.to_owned(),
                            },
                        );
                        None
                    }
                },
            }
        };
        let start = num("start", 1.0)?;
        let end = num("end", 10.0)?;
        let step = num("step", 1.0)?;
        for key in ["tick_interval", "placeholder"] {
            if params.contains_key(key) {
                num(key, 0.0)?;
            }
        }
        if step == 0.0 {
            self.err(at("parameters"), ErrorKind::StepZero);
            return None;
        }
        if step > (end - start).abs() {
            self.err(at("parameters"), ErrorKind::StepTooLarge);
            return None;
        }
        if let Some(key) = ["tick_interval", "placeholder", "tick_labelset"]
            .into_iter()
            .find(|k| params.contains_key(*k))
        {
            self.err(
                at("parameters"),
                ErrorKind::NotSupported {
                    feature: format!("range parameter `{key}`"),
                },
            );
            return None;
        }
        Some(Kind::Range { start, end, step })
    }

    fn expression(
        &mut self,
        row: &Row,
        cols: &Columns,
        column: &str,
        mode: ParseMode,
    ) -> Option<Expr> {
        let src = cols.get(row, column);
        if src.is_empty() {
            return None;
        }
        match expr::parse(src, mode) {
            Ok(e) => Some(e),
            Err(e) => {
                let loc = Location::cell(SURVEY, row.number, column);
                let kind = match e {
                    ExprError::NotSupported(f) => ErrorKind::NotSupported { feature: f },
                    ExprError::Syntax(why) => ErrorKind::BadExpression { why },
                };
                self.err(loc, kind);
                None
            }
        }
    }

    fn question(
        &mut self,
        row: &Row,
        cols: &Columns,
        name: String,
        kind: Kind,
        label: Text,
    ) -> Question {
        let required = match cols.get(row, "required") {
            "" => None,
            v => match v {
                "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" => Some(Expr {
                    source: v.to_owned(),
                    node: expr::Node::Call(expr::Func::True, Vec::new()),
                }),
                "no" | "No" | "NO" | "false" | "False" | "FALSE" => None,
                _ => self.expression(row, cols, "required", ParseMode::Plain),
            },
        };
        let default = match cols.get(row, "default") {
            "" => None,
            v if default_is_dynamic(v, &kind) => self
                .expression(row, cols, "default", ParseMode::Plain)
                .map(Default::Dynamic),
            v => Some(Default::Static(v.to_owned())),
        };
        if cols.get(row, "appearance").contains("search(") {
            self.err(
                Location::cell(SURVEY, row.number, "appearance"),
                ErrorKind::NotSupported {
                    feature: "`search()` appearance (external data)".into(),
                },
            );
        }
        Question {
            name,
            row: row.number,
            label,
            hint: cols.text(row, "hint"),
            required,
            required_message: cols.text(row, "required_message"),
            relevant: self.expression(row, cols, "relevant", ParseMode::Plain),
            constraint: self.expression(row, cols, "constraint", ParseMode::Plain),
            constraint_message: cols.text(row, "constraint_message"),
            calculation: self.expression(row, cols, "calculation", ParseMode::Plain),
            default,
            choice_filter: self.expression(row, cols, "choice_filter", ParseMode::ChoiceFilter),
            appearance: non_empty(cols.get(row, "appearance")),
            parameters: non_empty(cols.get(row, "parameters")),
            kind,
        }
    }
}

/// `key=value` pairs; `None` when the text is not of that form.
pub fn parse_parameters(text: &str) -> Option<BTreeMap<String, String>> {
    let delimiter = |c: char| c.is_whitespace() || c == ',' || c == ';';
    let mut out = BTreeMap::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let token = |i: &mut usize| {
        let start = *i;
        while *i < chars.len() && !delimiter(chars[*i]) && chars[*i] != '=' {
            *i += 1;
        }
        chars[start..*i].iter().collect::<String>()
    };
    loop {
        while i < chars.len() && delimiter(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            return Some(out);
        }
        let key = token(&mut i);
        while i < chars.len() && delimiter(chars[i]) {
            i += 1;
        }
        if key.is_empty() || chars.get(i) != Some(&'=') {
            return None;
        }
        i += 1;
        while i < chars.len() && delimiter(chars[i]) {
            i += 1;
        }
        let value = token(&mut i);
        if value.is_empty() {
            return None;
        }
        let key = key.to_lowercase();
        let value = if key == "label" || key == "value" {
            value
        } else {
            value.to_lowercase()
        };
        out.insert(key, value);
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// The tokens of pyxform's expression lexer, in its order of priority
/// (the first alternative that matches at a position wins).
static DEFAULT_TOKENS: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    let nc = r"[\p{L}_][\p{L}\p{N}_\-.\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}]*";
    let date = r"-?\d{4}-\d{2}-\d{2}";
    let time = r"\d{2}:\d{2}:\d{2}(?:\.\s+)?(?:(?:\+|\-)\d{2}:\d{2}|Z)?";
    regex::Regex::new(&format!(
        r#"^(?:(?P<datetime>{date}T{time})|(?P<date>{date})|(?P<time>{time})|(?P<number>-?\d+\.\d*|-?\.\d+|-?\d+)|(?P<math>[*+\-]| mod | div )|(?P<comp>=|!=|<|>|<=|>=)|(?P<bool> and | or )|(?P<union>\|)|(?P<other1>[()\[{{}}]|\.\.|\.|/|'[^']*'|"[^"]*"|,|\s+)|(?P<reference>\$\{{(?:last-saved#)?{nc}\}})|(?P<call>{nc}(?::{nc})?\()|(?P<pred>{nc}(?::{nc})?\[)|(?P<other2>{nc}://|{nc}(?::{nc})?|\$\{{|\}}|.))"#
    ))
    .ok()
});

/// As pyxform decides: a default is an expression when pyxform's lexer finds
/// arithmetic (a `-` in a date is not), a union, a predicate, a `${…}`
/// reference or a function call in it.
fn default_is_dynamic(v: &str, kind: &Kind) -> bool {
    let Some(re) = DEFAULT_TOKENS.as_ref() else {
        return false;
    };
    let mut rest = v;
    while !rest.is_empty() {
        let Some(caps) = re.captures(rest) else {
            return false;
        };
        let Some(whole) = caps.get(0) else {
            return false;
        };
        if caps.name("math").is_some() && whole.as_str() == "-" && *kind == Kind::Date {
            return false;
        }
        if ["math", "union", "pred", "reference", "call"]
            .iter()
            .any(|n| caps.name(n).is_some())
        {
            return true;
        }
        let len = whole
            .as_str()
            .len()
            .max(rest.chars().next().map_or(1, char::len_utf8));
        rest = &rest[len..];
    }
    false
}
