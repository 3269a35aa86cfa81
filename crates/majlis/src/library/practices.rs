//! A good practice: its content (translatable where people write prose), the
//! steps of the "submit a practice" form, its life from draft to published,
//! and its versions (every save is kept and can be compared).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromJsonQueryResult,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use super::PracticeStatus;
use super::entities::{
    practice, practice_attachment, practice_review, practice_theme, practice_version,
};
use crate::accounts::Email;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{Locale, TrText};
use crate::policy::{Action, Actor, Denied, PracticeRef, authorize, can};
use crate::web::form::RawForm;

pub const MAX_TITLE: usize = 300;
pub const MAX_SUMMARY: usize = 1_000;
pub const MAX_TEXT: usize = 10_000;
pub const MAX_SHORT: usize = 200;
pub const MAX_COMMENT: usize = 4_000;

coded_enum! {
    /// The prose fields of a practice, each translatable.
    TextField {
        Summary => "summary",
        TargetGroups => "target-groups",
        Challenge => "challenge",
        Approach => "approach",
        Partners => "partners",
        Results => "results",
        Lessons => "lessons",
        Transferability => "transferability",
    }
}

impl TextField {
    /// Longest text accepted, in characters.
    pub fn max_len(self) -> usize {
        match self {
            TextField::Summary => MAX_SUMMARY,
            TextField::TargetGroups | TextField::Partners => MAX_SHORT * 5,
            _ => MAX_TEXT,
        }
    }

    /// The form field's name.
    pub fn name(self) -> &'static str {
        match self {
            TextField::Summary => "summary",
            TextField::TargetGroups => "target_groups",
            TextField::Challenge => "challenge",
            TextField::Approach => "approach",
            TextField::Partners => "partners",
            TextField::Results => "results",
            TextField::Lessons => "lessons",
            TextField::Transferability => "transferability",
        }
    }

    /// The Fluent id of its label.
    pub fn label_id(self) -> String {
        format!("practice-field-{}", self.code())
    }
}

/// The parts of a practice not needed to list it, stored as one JSON column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
#[serde(default)]
pub struct PracticeContent {
    /// Prose, per field and locale.
    pub texts: BTreeMap<TextField, BTreeMap<Locale, String>>,
    pub city: String,
    pub department: String,
    pub contact_name: String,
    pub contact_email: String,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub ongoing: bool,
    /// Who presented it, e.g. "Şakir Aktar, External Relations Manager".
    pub presenter: String,
    /// Where it was presented, until events are linked.
    pub presented_at: String,
}

impl PracticeContent {
    pub fn text(&self, field: TextField, locale: Locale) -> Option<&str> {
        self.texts
            .get(&field)
            .and_then(|m| m.get(&locale))
            .map(String::as_str)
    }

    /// The text in the reader's locale, else in the original; and the locale shown.
    pub fn shown(&self, field: TextField, reader: Locale, orig: Locale) -> Option<(&str, Locale)> {
        self.text(field, reader)
            .map(|t| (t, reader))
            .or_else(|| self.text(field, orig).map(|t| (t, orig)))
    }

    fn set_text(&mut self, field: TextField, locale: Locale, value: &str) {
        let value = crate::i18n::clean_text(value);
        let entry = self.texts.entry(field).or_default();
        if value.is_empty() {
            entry.remove(&locale);
        } else {
            entry.insert(locale, value);
        }
        if entry.is_empty() {
            self.texts.remove(&field);
        }
    }
}

/// Everything a person edits, as kept in each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Snapshot {
    pub title: TrText,
    pub municipality_id: Option<i32>,
    pub organisation_id: Option<i32>,
    pub country_code: Option<String>,
    pub themes: BTreeSet<i32>,
    pub content: PracticeContent,
}

impl Snapshot {
    pub fn orig(&self) -> Locale {
        self.title.orig()
    }

    /// `,tr,en,`: the locales the title exists in.
    fn langs(&self) -> String {
        let mut s = String::from(",");
        for l in self.title.locales() {
            s.push_str(l.code());
            s.push(',');
        }
        s
    }

    fn summary(&self) -> Option<TrText> {
        let values = self.content.texts.get(&TextField::Summary)?;
        TrText::from_values(self.orig(), values.clone()).ok()
    }
}

/// The steps of the "submit a practice" form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Title, who, where, themes, period.
    About,
    /// Challenge, approach, partners.
    Story,
    /// Results, lessons, transferability, where presented.
    Results,
    /// Attachments, and sending for review.
    Finish,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::About, Step::Story, Step::Results, Step::Finish];

    pub fn code(self) -> &'static str {
        match self {
            Step::About => "about",
            Step::Story => "story",
            Step::Results => "results",
            Step::Finish => "finish",
        }
    }

    pub fn from_code(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|st| st.code() == s)
    }

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Step {
        Step::ALL
            .get(self.number())
            .copied()
            .unwrap_or(Step::Finish)
    }

    /// The prose fields this step asks for.
    pub fn text_fields(self) -> &'static [TextField] {
        match self {
            Step::About => &[TextField::Summary, TextField::TargetGroups],
            Step::Story => &[
                TextField::Challenge,
                TextField::Approach,
                TextField::Partners,
            ],
            Step::Results => &[
                TextField::Results,
                TextField::Lessons,
                TextField::Transferability,
            ],
            Step::Finish => &[],
        }
    }
}

/// A field and the Fluent id of what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    errors.push(FieldError { field, message });
}

/// What a step may refer to, and who is writing.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    /// Municipalities the writer may act for (all, for staff).
    pub municipalities: &'a [i32],
    /// Organisations the writer may submit for (staff only).
    pub organisations: &'a [i32],
    pub this_year: i32,
}

/// The practice form as the stored practice would fill it.
impl RawForm {
    /// The form as the stored practice would fill it, for `lang`.
    pub fn from_snapshot(s: &Snapshot, lang: Locale) -> RawForm {
        let mut v = vec![
            ("orig".to_owned(), s.orig().code().to_owned()),
            (
                "title".to_owned(),
                s.title.get(lang).unwrap_or_default().to_owned(),
            ),
            (
                "owner".to_owned(),
                match (s.municipality_id, s.organisation_id) {
                    (Some(m), _) => format!("m:{m}"),
                    (None, Some(o)) => format!("o:{o}"),
                    _ => String::new(),
                },
            ),
            (
                "country".to_owned(),
                s.country_code.clone().unwrap_or_default(),
            ),
            ("city".to_owned(), s.content.city.clone()),
            ("department".to_owned(), s.content.department.clone()),
            ("contact_name".to_owned(), s.content.contact_name.clone()),
            ("contact_email".to_owned(), s.content.contact_email.clone()),
            (
                "start_year".to_owned(),
                s.content
                    .start_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            (
                "end_year".to_owned(),
                s.content
                    .end_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            ("presenter".to_owned(), s.content.presenter.clone()),
            ("presented_at".to_owned(), s.content.presented_at.clone()),
        ];
        if s.content.ongoing {
            v.push(("ongoing".to_owned(), "1".to_owned()));
        }
        for t in &s.themes {
            v.push(("theme".to_owned(), t.to_string()));
        }
        for f in TextField::ALL {
            if let Some(text) = s.content.text(*f, lang) {
                v.push((f.name().to_owned(), text.to_owned()));
            }
        }
        RawForm(v)
    }
}

fn short(raw: &RawForm, name: &'static str, errors: &mut Vec<FieldError>) -> String {
    let v = raw.get(name).trim();
    if v.chars().count() > MAX_SHORT {
        err(errors, name, "form-error-too-long");
    }
    v.to_owned()
}

fn year(
    raw: &RawForm,
    name: &'static str,
    this_year: i32,
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    let v = raw.get(name).trim();
    if v.is_empty() {
        return None;
    }
    let y = v
        .parse::<i32>()
        .ok()
        .filter(|y| (1950..=this_year + 5).contains(y));
    if y.is_none() {
        err(errors, name, "form-error-year");
    }
    y
}

/// A new practice's first snapshot: its title in the original language (a
/// placeholder while the title is still to be written, checked afterwards).
fn first_snapshot(orig: Locale, title: &str) -> Result<Snapshot, Vec<FieldError>> {
    Ok(Snapshot {
        title: TrText::new(orig, if title.is_empty() { "-" } else { title }).map_err(|_| {
            vec![FieldError {
                field: "title",
                message: "form-error-required",
            }]
        })?,
        municipality_id: None,
        organisation_id: None,
        country_code: None,
        themes: BTreeSet::new(),
        content: PracticeContent::default(),
    })
}

/// The first step's fields that only the original language carries: who
/// owns the practice, where, its contact, themes and period.
fn about_in_original(
    next: &mut Snapshot,
    raw: &RawForm,
    known: &Known<'_>,
    errors: &mut Vec<FieldError>,
) {
    let (mut m, mut o) = (None, None);
    let owner = raw.get("owner").trim();
    if let Some(id) = owner.strip_prefix("m:").and_then(|s| s.parse::<i32>().ok()) {
        if known.municipalities.contains(&id) {
            m = Some(id);
        } else {
            err(errors, "owner", "form-error-choose");
        }
    } else if let Some(id) = owner.strip_prefix("o:").and_then(|s| s.parse::<i32>().ok()) {
        if known.organisations.contains(&id) {
            o = Some(id);
        } else {
            err(errors, "owner", "form-error-choose");
        }
    } else if !owner.is_empty() {
        err(errors, "owner", "form-error-choose");
    }
    next.municipality_id = m;
    next.organisation_id = o;
    let country = raw.get("country").trim().to_uppercase();
    next.country_code = if country.is_empty() {
        None
    } else if known.countries.contains(&country) {
        Some(country)
    } else {
        err(errors, "country", "form-error-choose");
        None
    };
    next.content.city = short(raw, "city", errors);
    next.content.department = short(raw, "department", errors);
    next.content.contact_name = short(raw, "contact_name", errors);
    let email = raw.get("contact_email").trim();
    next.content.contact_email = if email.is_empty() {
        String::new()
    } else {
        match Email::parse(email) {
            Ok(e) => e.as_str().to_owned(),
            Err(_) => {
                err(errors, "contact_email", "form-error-email");
                email.to_owned()
            }
        }
    };
    let mut themes = BTreeSet::new();
    for t in raw.all("theme") {
        match t.parse::<i32>().ok().filter(|id| known.themes.contains(id)) {
            Some(id) => {
                themes.insert(id);
            }
            None => err(errors, "themes", "form-error-choose"),
        }
    }
    next.themes = themes;
    let start = year(raw, "start_year", known.this_year, errors);
    let end = year(raw, "end_year", known.this_year, errors);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        err(errors, "end_year", "form-error-period");
    }
    next.content.start_year = start;
    next.content.end_year = end;
    next.content.ongoing = raw.has("ongoing");
}

/// Apply one step of the form, written in `lang`, to a practice (`None`
/// for a new one). Nothing changes unless the whole step is valid.
pub fn apply_step(
    current: Option<&Snapshot>,
    step: Step,
    lang: Locale,
    raw: &RawForm,
    known: &Known<'_>,
) -> Result<Snapshot, Vec<FieldError>> {
    let mut errors = Vec::new();
    // The original language is chosen when the practice is started.
    let orig = match current {
        Some(c) => c.orig(),
        None => match raw.get("orig").parse::<Locale>() {
            Ok(l) => l,
            Err(_) => {
                err(&mut errors, "orig", "form-error-choose");
                lang
            }
        },
    };
    let in_original = lang == orig;
    let title_value = raw.get("title").trim().to_owned();
    let mut next = match current {
        Some(c) => c.clone(),
        None if step == Step::About => first_snapshot(orig, &title_value)?,
        None => {
            return Err(vec![FieldError {
                field: "title",
                message: "form-error-required",
            }]);
        }
    };

    for f in step.text_fields() {
        let v = raw.get(f.name());
        if v.trim().chars().count() > f.max_len() {
            err(&mut errors, f.name(), "form-error-too-long");
        } else {
            next.content.set_text(*f, lang, v);
        }
    }

    if step == Step::About {
        if title_value.chars().count() > MAX_TITLE {
            err(&mut errors, "title", "form-error-too-long");
        } else if title_value.is_empty() && in_original {
            err(&mut errors, "title", "form-error-required");
        } else {
            next.title.set(lang, title_value);
        }
        if in_original {
            about_in_original(&mut next, raw, known, &mut errors);
        }
    }
    if step == Step::Results && in_original {
        next.content.presenter = short(raw, "presenter", &mut errors);
        next.content.presented_at = short(raw, "presented_at", &mut errors);
    }
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

/// What a practice still lacks before it can be sent for review.
pub fn missing_for_review(s: &Snapshot) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let orig = s.orig();
    if s.municipality_id.is_none() && s.organisation_id.is_none() {
        err(&mut errors, "owner", "form-error-required");
    }
    if s.country_code.is_none() {
        err(&mut errors, "country", "form-error-required");
    }
    if s.themes.is_empty() {
        err(&mut errors, "themes", "form-error-required");
    }
    for f in [
        TextField::Summary,
        TextField::Challenge,
        TextField::Approach,
    ] {
        if s.content.text(f, orig).is_none() {
            err(&mut errors, f.name(), "form-error-required");
        }
    }
    errors
}

#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such practice")]
    NotFound,
    #[error("not in a state that allows this")]
    WrongState,
    #[error("incomplete")]
    Incomplete(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(PracticeError);

impl practice::Model {
    pub fn status(&self) -> PracticeStatus {
        PracticeStatus::from_code(&self.status).unwrap_or(PracticeStatus::Draft)
    }

    pub fn policy_ref(&self) -> PracticeRef {
        let status = self.status();
        PracticeRef {
            draft: status == PracticeStatus::Draft,
            public: status.is_public(),
            municipality: self.municipality_id,
            author: self.author_id,
        }
    }
}

fn slug_for(title: &str, nonce: u32) -> String {
    let mut s: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s: String = s.trim_matches('-').chars().take(80).collect();
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        format!("practice-{nonce:08x}")
    } else {
        format!("{s}-{nonce:08x}")
    }
}

async fn load(
    tx: &impl ConnectionTrait,
    id: i32,
) -> Result<(practice::Model, Snapshot), PracticeError> {
    let p = practice::Entity::find_by_id(id)
        .one(tx)
        .await?
        .ok_or(PracticeError::NotFound)?;
    let themes = practice_theme::Entity::find()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .all(tx)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let snapshot = Snapshot {
        title: p.title.clone(),
        municipality_id: p.municipality_id,
        organisation_id: p.organisation_id,
        country_code: p.country_code.clone(),
        themes,
        content: p.content.clone(),
    };
    Ok((p, snapshot))
}

/// The practice and its current content.
pub async fn snapshot_of(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<(practice::Model, Snapshot), PracticeError> {
    load(db, id).await
}

/// A new practice (a draft, version 1) holding `next`; its id.
async fn insert_draft(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    next: &Snapshot,
    now: DateTime<Utc>,
) -> Result<i32, PracticeError> {
    authorize(Some(actor), Action::CreatePractice)?;
    if let Some(m) = next.municipality_id {
        authorize(Some(actor), Action::ActForMunicipality(m))?;
    }
    let p = practice::ActiveModel {
        id: NotSet,
        slug: Set(slug_for(next.title.original(), rand::random())),
        status: Set(PracticeStatus::Draft.code().to_owned()),
        title: Set(next.title.clone()),
        summary: Set(next.summary()),
        municipality_id: Set(next.municipality_id),
        organisation_id: Set(next.organisation_id),
        country_code: Set(next.country_code.clone()),
        year: Set(next.content.start_year),
        langs: Set(next.langs()),
        content: Set(next.content.clone()),
        version: Set(1),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
        last_verified: Set(None),
    }
    .insert(tx)
    .await?;
    Ok(p.id)
}

/// Write `next` over practice `id` as its next version (its themes are
/// cleared, to be written again): the version number, the status, and the
/// snapshot it replaces.
async fn update_row(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
    next: &Snapshot,
    now: DateTime<Utc>,
) -> Result<(i32, PracticeStatus, Snapshot), PracticeError> {
    let (p, before) = load(tx, id).await?;
    authorize(Some(actor), Action::EditPractice(p.policy_ref()))?;
    if let Some(m) = next
        .municipality_id
        .filter(|m| Some(*m) != p.municipality_id)
    {
        authorize(Some(actor), Action::ActForMunicipality(m))?;
    }
    let number = p.version + 1;
    let status = p.status();
    let mut am: practice::ActiveModel = p.into();
    am.title = Set(next.title.clone());
    am.summary = Set(next.summary());
    am.municipality_id = Set(next.municipality_id);
    am.organisation_id = Set(next.organisation_id);
    am.country_code = Set(next.country_code.clone());
    am.year = Set(next.content.start_year);
    am.langs = Set(next.langs());
    am.content = Set(next.content.clone());
    am.version = Set(number);
    am.updated_at = Set(now);
    am.update(tx).await?;
    practice_theme::Entity::delete_many()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .exec(tx)
        .await?;
    Ok((number, status, before))
}

/// Save a practice's content as a new version (creating the practice as a
/// draft when `id` is `None`). Returns the practice's id.
pub async fn save(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: Option<i32>,
    next: Snapshot,
    now: DateTime<Utc>,
) -> Result<i32, PracticeError> {
    let tx = db.begin_write().await?;
    let (id, number, status, previous) = match id {
        None => (
            insert_draft(&tx, actor, &next, now).await?,
            1,
            PracticeStatus::Draft,
            None,
        ),
        Some(id) => {
            let (number, status, before) = update_row(&tx, actor, id, &next, now).await?;
            (id, number, status, Some(before))
        }
    };
    for theme_id in &next.themes {
        practice_theme::ActiveModel {
            practice_id: Set(id),
            theme_id: Set(*theme_id),
        }
        .insert(&tx)
        .await?;
    }
    let next_fields = next.clone();
    practice_version::ActiveModel {
        id: NotSet,
        practice_id: Set(id),
        number: Set(number),
        snapshot: Set(next),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    outbox::record(
        &tx,
        "practice",
        id,
        if number == 1 {
            Op::Created
        } else {
            Op::Updated
        },
    )
    .await?;
    let mut detail = format!("version {number}, {}", status.code());
    if let Some(changes) = previous
        .as_ref()
        .and_then(|p| snapshot_fields(p).changes(&snapshot_fields(&next_fields)))
    {
        detail.push_str(": ");
        detail.push_str(&changes);
    }
    audit::record(
        &tx,
        origin,
        "practice-saved",
        "practice",
        id,
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// What a practice's audit entries compare.
fn snapshot_fields(s: &Snapshot) -> audit::Fields {
    let c = &s.content;
    let mut f = audit::Fields::new();
    f.text("title", Some(&s.title))
        .opt("municipality", s.municipality_id)
        .opt("organisation", s.organisation_id)
        .opt("country", s.country_code.as_ref())
        .list("themes", &s.themes);
    for (field, values) in &c.texts {
        for (l, v) in values {
            f.put(&format!("{}[{}]", field.name(), l.code()), v);
        }
    }
    f.put("city", &c.city)
        .put("department", &c.department)
        .put("contact_name", &c.contact_name)
        .put("contact_email", &c.contact_email)
        .opt("start_year", c.start_year)
        .opt("end_year", c.end_year)
        .put("ongoing", c.ongoing)
        .put("presenter", &c.presenter)
        .put("presented_at", &c.presented_at);
    f
}

/// A reviewer's or an author's move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// Draft → submitted (the owner or staff; the practice must be complete).
    Submit,
    /// Submitted → in review (staff).
    StartReview,
    /// Submitted or in review → draft, with a comment (staff).
    RequestChanges,
    /// Submitted, in review or archived → published (staff).
    Publish,
    /// Published → archived (staff).
    Archive,
    /// A comment, in any state (staff, or the owner).
    Comment,
}

impl Transition {
    pub const ALL: [Transition; 6] = [
        Transition::Submit,
        Transition::StartReview,
        Transition::RequestChanges,
        Transition::Publish,
        Transition::Archive,
        Transition::Comment,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Transition::Submit => "submitted",
            Transition::StartReview => "review-started",
            Transition::RequestChanges => "changes-requested",
            Transition::Publish => "published",
            Transition::Archive => "archived",
            Transition::Comment => "comment",
        }
    }

    pub fn from_code(s: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.code() == s)
    }

    /// The state it leads to from `from`, if it may be taken there.
    pub fn target(self, from: PracticeStatus) -> Option<PracticeStatus> {
        use PracticeStatus as S;
        match (self, from) {
            (Transition::Submit, S::Draft) => Some(S::Submitted),
            (Transition::StartReview, S::Submitted) => Some(S::InReview),
            (Transition::RequestChanges, S::Submitted | S::InReview) => Some(S::Draft),
            (Transition::Publish, S::Submitted | S::InReview | S::Archived) => Some(S::Published),
            (Transition::Archive, S::Published) => Some(S::Archived),
            (Transition::Comment, s) => Some(s),
            _ => None,
        }
    }

    /// Whether `actor` may take it on this practice.
    pub fn allowed(self, actor: &Actor, p: PracticeRef) -> bool {
        self.check(actor, p).is_ok()
    }

    /// [`Self::allowed`], with the reason of a refusal.
    pub fn check(self, actor: &Actor, p: PracticeRef) -> Result<(), Denied> {
        match self {
            Transition::Submit => authorize(Some(actor), Action::SubmitPractice(p)),
            // Its owners comment on it until it is published.
            Transition::Comment if can(Some(actor), Action::ViewPractice(p)) && !p.public => Ok(()),
            _ => authorize(Some(actor), Action::ReviewPractices),
        }
    }
}

/// Take a step in a practice's life, with an optional comment (required
/// when asking for changes), recorded in its review history.
pub async fn transition(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    t: Transition,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<PracticeStatus, PracticeError> {
    let comment = comment.trim();
    if comment.chars().count() > MAX_COMMENT {
        return Err(PracticeError::Incomplete(vec![FieldError {
            field: "comment",
            message: "form-error-too-long",
        }]));
    }
    if comment.is_empty() && matches!(t, Transition::RequestChanges | Transition::Comment) {
        return Err(PracticeError::Incomplete(vec![FieldError {
            field: "comment",
            message: "form-error-required",
        }]));
    }
    let tx = db.begin_write().await?;
    let (p, snapshot) = load(&tx, id).await?;
    if let Err(denied) = t.check(actor, p.policy_ref()) {
        return Err(if denied == Denied::SecondFactor {
            PracticeError::SecondFactorRequired
        } else if can(Some(actor), Action::ViewPractice(p.policy_ref())) {
            PracticeError::WrongState
        } else {
            PracticeError::Forbidden
        });
    }
    let target = t.target(p.status()).ok_or(PracticeError::WrongState)?;
    if t == Transition::Submit {
        let missing = missing_for_review(&snapshot);
        if !missing.is_empty() {
            return Err(PracticeError::Incomplete(missing));
        }
    }
    if target != p.status() {
        let first_publication = target == PracticeStatus::Published && p.published_at.is_none();
        let mut am: practice::ActiveModel = p.into();
        am.status = Set(target.code().to_owned());
        am.updated_at = Set(now);
        if first_publication {
            am.published_at = Set(Some(now));
        }
        if target == PracticeStatus::Published {
            am.last_verified = Set(Some(now.date_naive()));
        }
        am.update(&tx).await?;
        outbox::record(&tx, "practice", id, Op::Updated).await?;
    }
    practice_review::ActiveModel {
        id: NotSet,
        practice_id: Set(id),
        action: Set(t.code().to_owned()),
        body: Set((!comment.is_empty()).then(|| comment.to_owned())),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        origin,
        &format!("practice-{}", t.code()),
        "practice",
        id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(target)
}

/// Delete a practice: staff any practice, its owners only while it is a
/// draft. Its versions, reviews, themes, attachments, compendium entries and
/// event links go with it (the database cascades); a consultation
/// contribution that shared it keeps its text, no longer linked. Stored files
/// stay: the same file may serve other documents.
/// Whether `actor` may delete practice `id`: asked before a deletion form's
/// confirmation is looked at, so who may not is told so first.
pub async fn may_delete(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> Result<(), PracticeError> {
    let p = practice::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(PracticeError::NotFound)?;
    authorize(Some(actor), Action::DeletePractice(p.policy_ref()))?;
    Ok(())
}

pub async fn delete(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PracticeError> {
    let tx = db.begin_write().await?;
    let p = practice::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(PracticeError::NotFound)?;
    authorize(Some(actor), Action::DeletePractice(p.policy_ref()))?;
    practice::Entity::delete_by_id(id).exec(&tx).await?;
    outbox::record(&tx, "practice", id, Op::Deleted).await?;
    let detail = format!("{} ({})", p.title.original(), p.status);
    audit::record(
        &tx,
        origin,
        "practice-deleted",
        "practice",
        id,
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Attach a file or a link (in one language) to a practice.
pub async fn add_attachment(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    v: super::resources::VersionInput,
    label: String,
    now: DateTime<Utc>,
) -> Result<(), PracticeError> {
    let tx = db.begin_write().await?;
    let (p, _) = load(&tx, id).await?;
    authorize(Some(actor), Action::EditPractice(p.policy_ref()))?;
    if let Some((stored, _)) = &v.file {
        super::files::record(&tx, stored, now).await?;
    }
    let label = if label.is_empty() {
        v.file
            .as_ref()
            .map(|(_, n)| n.clone())
            .or(v.url.clone())
            .unwrap_or_default()
    } else {
        label
    };
    practice_attachment::ActiveModel {
        id: NotSet,
        practice_id: Set(id),
        lang: Set(v.lang.code().to_owned()),
        label: Set(label.chars().take(300).collect()),
        file_sha256: Set(v.file.as_ref().map(|(s, _)| s.sha256.to_string())),
        file_name: Set(v.file.as_ref().map(|(_, n)| n.clone())),
        url: Set(v.url),
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, "practice", id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "practice-attachment-added",
        "practice",
        id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The versions of a practice, newest first.
pub async fn versions(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Vec<practice_version::Model>, DbErr> {
    practice_version::Entity::find()
        .filter(practice_version::Column::PracticeId.eq(id))
        .order_by_desc(practice_version::Column::Number)
        .all(db)
        .await
}

/// One changed value between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Fluent id of the field's label.
    pub label: String,
    pub locale: Option<Locale>,
    pub parts: Vec<DiffPart>,
}

/// A run of words: kept, removed or added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    Removed,
    Added,
}

fn word_diff(before: &str, after: &str) -> Vec<DiffPart> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(before, after);
    let mut parts: Vec<DiffPart> = Vec::new();
    for c in diff.iter_all_changes() {
        let kind = match c.tag() {
            ChangeTag::Equal => DiffKind::Same,
            ChangeTag::Delete => DiffKind::Removed,
            ChangeTag::Insert => DiffKind::Added,
        };
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(c.value()),
            _ => parts.push(DiffPart {
                kind,
                text: c.value().to_owned(),
            }),
        }
    }
    parts
}

/// What changed from `a` to `b`, field by field and locale by locale.
pub fn compare(a: &Snapshot, b: &Snapshot) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |label: String, locale: Option<Locale>, x: &str, y: &str| {
        if x != y {
            changes.push(Change {
                label,
                locale,
                parts: word_diff(x, y),
            });
        }
    };
    for l in Locale::ALL {
        push(
            "practice-field-title".into(),
            Some(l),
            a.title.get(l).unwrap_or_default(),
            b.title.get(l).unwrap_or_default(),
        );
    }
    let id = |x: Option<i32>| x.map(|v| v.to_string()).unwrap_or_default();
    push(
        "practice-field-owner".into(),
        None,
        &format!("{}{}", id(a.municipality_id), id(a.organisation_id)),
        &format!("{}{}", id(b.municipality_id), id(b.organisation_id)),
    );
    push(
        "practice-field-country".into(),
        None,
        a.country_code.as_deref().unwrap_or_default(),
        b.country_code.as_deref().unwrap_or_default(),
    );
    let themes = |s: &Snapshot| {
        s.themes
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    push("practice-field-themes".into(), None, &themes(a), &themes(b));
    let (ca, cb) = (&a.content, &b.content);
    for (label, x, y) in [
        ("city", &ca.city, &cb.city),
        ("department", &ca.department, &cb.department),
        ("contact-name", &ca.contact_name, &cb.contact_name),
        ("contact-email", &ca.contact_email, &cb.contact_email),
        ("presenter", &ca.presenter, &cb.presenter),
        ("presented-at", &ca.presented_at, &cb.presented_at),
    ] {
        push(format!("practice-field-{label}"), None, x, y);
    }
    let period =
        |c: &PracticeContent| format!("{} {} {}", id(c.start_year), id(c.end_year), c.ongoing);
    push(
        "practice-field-period".into(),
        None,
        &period(ca),
        &period(cb),
    );
    for f in TextField::ALL {
        for l in Locale::ALL {
            push(
                f.label_id(),
                Some(l),
                ca.text(*f, l).unwrap_or_default(),
                cb.text(*f, l).unwrap_or_default(),
            );
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> (Vec<i32>, Vec<String>, Vec<i32>) {
        (vec![1, 2, 3], vec!["TR".into(), "DE".into()], vec![10, 11])
    }

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn a_practice_is_started_in_its_language_and_translated_later() {
        let (themes, countries, munis) = known();
        let k = Known {
            themes: &themes,
            countries: &countries,
            municipalities: &munis,
            organisations: &[],
            this_year: 2026,
        };
        let raw = form(&[
            ("orig", "tr"),
            ("title", "Şahinbeyli Mülteciler Dil Bariyerini Aşıyor"),
            ("owner", "m:10"),
            ("country", "tr"),
            ("theme", "2"),
            ("start_year", "2016"),
            ("ongoing", "1"),
            ("summary", "Dil kursları"),
        ]);
        let s = apply_step(None, Step::About, Locale::Tr, &raw, &k).unwrap();
        assert_eq!(s.orig(), Locale::Tr);
        assert_eq!(s.country_code.as_deref(), Some("TR"));
        assert_eq!(s.municipality_id, Some(10));
        assert!(s.content.ongoing);
        let en = form(&[(
            "title",
            "Refugees in Şahinbey Overcome the Language Barrier",
        )]);
        let s2 = apply_step(Some(&s), Step::About, Locale::En, &en, &k).unwrap();
        assert_eq!(
            s2.title.original(),
            "Şahinbeyli Mülteciler Dil Bariyerini Aşıyor"
        );
        assert_eq!(
            s2.title.get(Locale::En),
            Some("Refugees in Şahinbey Overcome the Language Barrier")
        );
        assert_eq!(
            s2.municipality_id,
            Some(10),
            "a translation leaves the facts alone"
        );
        assert_eq!(
            s2.content.text(TextField::Summary, Locale::Tr),
            Some("Dil kursları")
        );
        let missing: Vec<_> = missing_for_review(&s2).iter().map(|e| e.field).collect();
        assert_eq!(missing, vec!["challenge", "approach"]);
    }

    #[test]
    fn every_bad_value_is_named_and_nothing_is_kept() {
        let (themes, countries, munis) = known();
        let k = Known {
            themes: &themes,
            countries: &countries,
            municipalities: &munis,
            organisations: &[],
            this_year: 2026,
        };
        let long = "x".repeat(MAX_TITLE + 1);
        let raw = form(&[
            ("orig", "en"),
            ("title", &long),
            ("owner", "m:99"),
            ("country", "ZZ"),
            ("theme", "7"),
            ("start_year", "2020"),
            ("end_year", "2019"),
            ("contact_email", "not-an-email"),
        ]);
        let errors = apply_step(None, Step::About, Locale::En, &raw, &k).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        for f in [
            "title",
            "owner",
            "country",
            "themes",
            "end_year",
            "contact_email",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        assert!(apply_step(None, Step::Story, Locale::En, &form(&[]), &k).is_err());
    }

    #[test]
    fn the_life_of_a_practice() {
        use PracticeStatus as S;
        assert_eq!(Transition::Submit.target(S::Draft), Some(S::Submitted));
        assert_eq!(
            Transition::Publish.target(S::Draft),
            None,
            "a draft is not published unseen"
        );
        assert_eq!(
            Transition::RequestChanges.target(S::InReview),
            Some(S::Draft)
        );
        assert_eq!(Transition::Archive.target(S::Submitted), None);
        assert_eq!(Transition::Publish.target(S::Archived), Some(S::Published));
    }

    #[test]
    fn versions_compare_word_by_word() {
        let mut a = Snapshot {
            title: TrText::new(Locale::En, "Child Caravan").unwrap(),
            municipality_id: None,
            organisation_id: None,
            country_code: None,
            themes: BTreeSet::new(),
            content: PracticeContent::default(),
        };
        a.content.set_text(
            TextField::Approach,
            Locale::En,
            "A bus visits the districts",
        );
        let mut b = a.clone();
        b.content.set_text(
            TextField::Approach,
            Locale::En,
            "A playful bus visits the districts weekly",
        );
        let changes = compare(&a, &b);
        assert_eq!(changes.len(), 1);
        let c = &changes[0];
        assert_eq!(c.label, "practice-field-approach");
        let added: String = c
            .parts
            .iter()
            .filter(|p| p.kind == DiffKind::Added)
            .map(|p| p.text.clone())
            .collect();
        assert!(
            added.contains("playful") && added.contains("weekly"),
            "{:?}",
            c.parts
        );
        assert!(compare(&a, &a).is_empty());
    }
}
