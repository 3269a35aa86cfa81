//! Compendium editions (coordinators choose and order published practices
//! in chapters by theme), and what the print crate receives: practice sheets
//! and whole compendiums, with every label in the reader's language.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{compendium, compendium_chapter, compendium_entry, practice, practice_theme};
use super::practices::{FieldError, PracticeContent, TextField};
use super::rules::Edition;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::{municipality, organisation};
use crate::directory::reference::Reference;
use crate::i18n::{Locale, TrText};
use crate::policy::{Action, Actor, authorize};

pub const MAX_TITLE: usize = 300;
pub const MAX_INTRO: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum CompendiumError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such edition")]
    NotFound,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(CompendiumError);

/// A new edition's description.
#[derive(Clone, Debug)]
pub struct EditionInput {
    pub title: TrText,
    pub introduction: Option<TrText>,
    pub year: i32,
    pub edition: Option<String>,
    pub publisher: Option<String>,
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    errors.push(FieldError { field, message });
}

/// Parse the edition form (`orig`, `title_xx`, `introduction_xx`, `year`, `edition`, `publisher`).
pub fn parse_edition(
    get: impl Fn(&str) -> String,
    this_year: i32,
) -> Result<EditionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let orig = get("orig").parse::<Locale>().ok();
    if orig.is_none() {
        err(&mut errors, "orig", "form-error-choose");
    }
    let per = |p: &str| -> Vec<(Locale, String)> {
        Locale::ALL
            .iter()
            .map(|l| (*l, get(&format!("{p}_{}", l.code()))))
            .collect()
    };
    let (titles, intros) = (per("title"), per("introduction"));
    if titles
        .iter()
        .any(|(_, v)| v.trim().chars().count() > MAX_TITLE)
    {
        err(&mut errors, "title", "form-error-too-long");
    }
    if intros
        .iter()
        .any(|(_, v)| v.trim().chars().count() > MAX_INTRO)
    {
        err(&mut errors, "introduction", "form-error-too-long");
    }
    let title = orig.and_then(|o| TrText::from_values(o, titles).ok());
    if orig.is_some() && title.is_none() {
        err(&mut errors, "title", "form-error-original");
    }
    let introduction = match orig {
        Some(o) if intros.iter().any(|(_, v)| !v.trim().is_empty()) => {
            let t = TrText::from_values(o, intros).ok();
            if t.is_none() {
                err(&mut errors, "introduction", "form-error-original");
            }
            t
        }
        _ => None,
    };
    let year = get("year")
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1990..=this_year + 1).contains(y));
    if year.is_none() {
        err(&mut errors, "year", "form-error-year");
    }
    let short = |name: &str, errors: &mut Vec<FieldError>, field: &'static str| {
        let v = get(name).trim().to_owned();
        if v.chars().count() > 200 {
            err(errors, field, "form-error-too-long");
        }
        (!v.is_empty()).then_some(v)
    };
    let edition = short("edition", &mut errors, "edition");
    let publisher = short("publisher", &mut errors, "publisher");
    match (errors.is_empty(), title, year) {
        (true, Some(title), Some(year)) => Ok(EditionInput {
            title,
            introduction,
            year,
            edition,
            publisher,
        }),
        _ => Err(errors),
    }
}

fn slug_for(title: &str, year: i32) -> String {
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
    let s: String = s.trim_matches('-').chars().take(60).collect();
    let nonce: u16 = rand::random();
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        format!("compendium-{year}-{nonce:04x}")
    } else {
        format!("{s}-{year}-{nonce:04x}")
    }
}

/// Create an edition as a draft; returns its slug.
pub async fn create(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    input: EditionInput,
    now: DateTime<Utc>,
) -> Result<String, CompendiumError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let c = compendium::ActiveModel {
        id: NotSet,
        slug: Set(slug_for(input.title.original(), input.year)),
        title: Set(input.title),
        subtitle: Set(None),
        introduction: Set(input.introduction),
        year: Set(input.year),
        edition: Set(input.edition),
        publisher: Set(input.publisher),
        status: Set("draft".into()),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, "compendium", c.id, Op::Created).await?;
    audit::record(
        &tx,
        origin,
        "compendium-created",
        "compendium",
        c.id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(c.slug)
}

/// The edition form's fields as an edition fills them (`orig`, `title_xx`,
/// `introduction_xx`, `year`, `edition`, `publisher`).
pub fn form_of(c: &compendium::Model) -> BTreeMap<String, String> {
    let mut form = BTreeMap::new();
    form.insert("orig".to_owned(), c.title.orig().code().to_owned());
    for l in Locale::ALL {
        if let Some(t) = c.title.get(l) {
            form.insert(format!("title_{}", l.code()), t.to_owned());
        }
        if let Some(t) = c.introduction.as_ref().and_then(|i| i.get(l)) {
            form.insert(format!("introduction_{}", l.code()), t.to_owned());
        }
    }
    form.insert("year".to_owned(), c.year.to_string());
    form.insert("edition".to_owned(), c.edition.clone().unwrap_or_default());
    form.insert(
        "publisher".to_owned(),
        c.publisher.clone().unwrap_or_default(),
    );
    form
}

/// Parse the description form of an existing edition written in `lang`:
/// the title and introduction in `lang`, the year, edition and publisher
/// come from the form; the other languages and the original language stay
/// as stored. Checked by [`parse_edition`], like a new edition.
pub fn parse_description(
    c: &compendium::Model,
    lang: Locale,
    get: impl Fn(&str) -> String,
    this_year: i32,
) -> Result<EditionInput, Vec<FieldError>> {
    let stored = form_of(c);
    let own = [
        format!("title_{}", lang.code()),
        format!("introduction_{}", lang.code()),
    ];
    parse_edition(
        |k| {
            if matches!(k, "year" | "edition" | "publisher") || own.iter().any(|o| o == k) {
                get(k)
            } else {
                stored.get(k).cloned().unwrap_or_default()
            }
        },
        this_year,
    )
}

/// An edition by its address, whatever its status (for staff forms).
pub async fn find(
    tx: &impl ConnectionTrait,
    slug: &str,
) -> Result<compendium::Model, CompendiumError> {
    compendium::Entity::find()
        .filter(compendium::Column::Slug.eq(slug))
        .one(tx)
        .await?
        .ok_or(CompendiumError::NotFound)
}

/// Change an edition's own text: title, introduction, year, edition,
/// publisher. Its address (slug) stays.
pub async fn describe(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    input: EditionInput,
    now: DateTime<Utc>,
) -> Result<(), CompendiumError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let c = find(&tx, slug).await?;
    let id = c.id;
    let mut am: compendium::ActiveModel = c.clone().into();
    am.title = Set(input.title);
    am.introduction = Set(input.introduction);
    am.year = Set(input.year);
    am.edition = Set(input.edition);
    am.publisher = Set(input.publisher);
    let after = sea_orm::TryIntoModel::try_into_model(am.clone())?;
    if after == c {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let changes = edition_fields(&c).changes(&edition_fields(&after));
    am.updated_at = Set(now);
    am.update(&tx).await?;
    outbox::record(&tx, "compendium", id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "compendium-described",
        "compendium",
        id,
        changes,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What an edition's audit entries compare.
fn edition_fields(c: &compendium::Model) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("title", Some(&c.title))
        .text("subtitle", c.subtitle.as_ref())
        .text("introduction", c.introduction.as_ref())
        .put("year", c.year)
        .opt("edition", c.edition.as_ref())
        .opt("publisher", c.publisher.as_ref())
        .put("status", &c.status);
    f
}

/// Delete an edition; its chapters and their entries go with it (the
/// database cascades). The practices stay in the library.
pub async fn delete(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<(), CompendiumError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let c = find(&tx, slug).await?;
    compendium::Entity::delete_by_id(c.id).exec(&tx).await?;
    outbox::record(&tx, "compendium", c.id, Op::Deleted).await?;
    audit::record(
        &tx,
        origin,
        "compendium-deleted",
        "compendium",
        c.id,
        Some(c.title.original().to_owned()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What a coordinator decided for an edition: where each chosen practice
/// goes, as `(theme id, practice id, order)`, whether it is published, and
/// chapter introductions written in one language.
#[derive(Clone, Debug, Default)]
pub struct Arrangement {
    pub placement: Vec<(i32, i32, i32)>,
    pub publish: bool,
    /// Introductions by theme id, in `lang`; a chapter not named here keeps
    /// its introduction.
    pub intros: BTreeMap<i32, String>,
    /// The language the introductions are written in (`None`: the edition's
    /// original language).
    pub lang: Option<Locale>,
}

impl Arrangement {
    /// Read the arrangement form: `chapter_<practice id>` (a theme id, or
    /// empty or `0` to leave it out), `order_<practice id>` (0–10,000, 1,000
    /// when blank), `chapter_intro_<theme id>`, `status`. A value that is not
    /// understood is refused with the name of its field (`chapter`, `order`).
    pub fn parse(
        form: &BTreeMap<String, String>,
        lang: Option<Locale>,
    ) -> Result<Arrangement, &'static str> {
        let mut placement = Vec::new();
        let mut intros = BTreeMap::new();
        for (k, v) in form {
            if let Some(theme) = k.strip_prefix("chapter_intro_") {
                let theme: i32 = theme.parse().map_err(|_| "chapter")?;
                intros.insert(theme, v.clone());
                continue;
            }
            let Some(pid) = k.strip_prefix("chapter_") else {
                continue;
            };
            let pid: i32 = pid.parse().map_err(|_| "chapter")?;
            let theme = v.trim();
            if theme.is_empty() || theme == "0" {
                continue;
            }
            let theme: i32 = theme.parse().map_err(|_| "chapter")?;
            let order = match form.get(&format!("order_{pid}")).map(|s| s.trim()) {
                None | Some("") => 1000,
                Some(o) => o
                    .parse::<i32>()
                    .ok()
                    .filter(|o| (0..=10_000).contains(o))
                    .ok_or("order")?,
            };
            placement.push((theme, pid, order));
        }
        Ok(Arrangement {
            placement,
            publish: form.get("status").map(String::as_str) == Some("published"),
            intros,
            lang,
        })
    }
}

/// A chapter of an edition as [`arrange`] compares it: where it stands,
/// its title and introduction, its theme, its practices in order.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Chapter {
    position: i32,
    title: TrText,
    introduction: Option<TrText>,
    theme_id: Option<i32>,
    practices: Vec<i32>,
}

impl Chapter {
    fn fields(&self, f: &mut audit::Fields) {
        let name = match self.theme_id {
            Some(t) => format!("chapter {t}"),
            None => format!("chapter {}", self.title.original()),
        };
        f.put(&format!("{name}.position"), self.position)
            .text(&format!("{name}.introduction"), self.introduction.as_ref())
            .list(&format!("{name}.practices"), &self.practices);
    }
}

/// A chapter introduction after writing `text` in `lang`: the existing one
/// with `lang` set, or a new one in `lang` as its original. Emptying the
/// original removes the introduction (as in the other forms).
fn written(existing: Option<TrText>, lang: Locale, text: &str) -> Option<TrText> {
    match existing {
        Some(t) if text.trim().is_empty() && t.orig() == lang => None,
        Some(mut t) => {
            t.set(lang, text);
            Some(t)
        }
        None => TrText::new(lang, text).ok(),
    }
}

/// Replace an edition's chapters (one per theme chosen, titled with the
/// theme's label) and the practices in them, and set its status. A chapter
/// whose theme stays keeps its introduction, changed where one is given.
pub async fn arrange(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    reference: &Reference,
    slug: &str,
    Arrangement {
        placement,
        publish,
        intros,
        lang,
    }: Arrangement,
    now: DateTime<Utc>,
) -> Result<(), CompendiumError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    if intros
        .values()
        .any(|t| t.trim().chars().count() > MAX_INTRO)
    {
        return Err(CompendiumError::Invalid(vec![FieldError {
            field: "introduction",
            message: "form-error-too-long",
        }]));
    }
    let tx = db.begin_write().await?;
    let c = find(&tx, slug).await?;
    let lang = lang.unwrap_or(c.title.orig());
    // Only published practices can be placed.
    let ids: Vec<i32> = placement.iter().map(|p| p.1).collect();
    let published: Vec<i32> = practice::Entity::find()
        .filter(practice::Column::Id.is_in(ids.clone()))
        .filter(practice::Column::Status.eq("published"))
        .all(&tx)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    if ids.iter().any(|id| !published.contains(id)) {
        return Err(CompendiumError::Invalid(vec![FieldError {
            field: "practices",
            message: "form-error-choose",
        }]));
    }
    if placement.iter().any(|p| reference.theme(p.0).is_none()) {
        return Err(CompendiumError::Invalid(vec![FieldError {
            field: "practices",
            message: "form-error-choose",
        }]));
    }
    let chapters = compendium_chapter::Entity::find()
        .filter(compendium_chapter::Column::CompendiumId.eq(c.id))
        .order_by_asc(compendium_chapter::Column::Position)
        .order_by_asc(compendium_chapter::Column::Id)
        .all(&tx)
        .await?;
    let entries = compendium_entry::Entity::find()
        .filter(
            compendium_entry::Column::ChapterId
                .is_in(chapters.iter().map(|ch| ch.id).collect::<Vec<_>>()),
        )
        .order_by_asc(compendium_entry::Column::Position)
        .order_by_asc(compendium_entry::Column::PracticeId)
        .all(&tx)
        .await?;
    let before: Vec<Chapter> = chapters
        .iter()
        .map(|ch| Chapter {
            position: ch.position,
            title: ch.title.clone(),
            introduction: ch.introduction.clone(),
            theme_id: ch.theme_id,
            practices: entries
                .iter()
                .filter(|e| e.chapter_id == ch.id)
                .map(|e| e.practice_id)
                .collect(),
        })
        .collect();
    let mut kept: BTreeMap<i32, TrText> = BTreeMap::new();
    for ch in &before {
        if let (Some(theme), Some(intro)) = (ch.theme_id, &ch.introduction) {
            kept.insert(theme, intro.clone());
        }
    }
    // Chapters keep their order; new ones follow, in the theme vocabulary's.
    // (kept position, vocabulary position) → (theme, [(order, practice)])
    type Placed = (i32, Vec<(i32, i32)>);
    let mut by_theme: BTreeMap<(i32, usize), Placed> = BTreeMap::new();
    for (theme_id, practice_id, order) in placement {
        let kept_at = before
            .iter()
            .find(|ch| ch.theme_id == Some(theme_id))
            .map_or(i32::MAX, |ch| ch.position);
        let pos = (
            kept_at,
            reference
                .themes()
                .iter()
                .position(|t| t.id == theme_id)
                .unwrap_or(usize::MAX),
        );
        by_theme
            .entry(pos)
            .or_insert((theme_id, Vec::new()))
            .1
            .push((order, practice_id));
    }
    let mut after: Vec<Chapter> = Vec::new();
    for (position, (_, (theme_id, mut entries))) in by_theme.into_iter().enumerate() {
        let Some(theme) = reference.theme(theme_id) else {
            continue;
        };
        let existing = kept.remove(&theme_id);
        let introduction = match intros.get(&theme_id) {
            Some(text) => written(existing, lang, text),
            None => existing,
        };
        entries.sort();
        entries.dedup_by_key(|e| e.1);
        after.push(Chapter {
            position: i32::try_from(position).unwrap_or(i32::MAX),
            title: theme.label.clone(),
            introduction,
            theme_id: Some(theme_id),
            practices: entries.into_iter().map(|e| e.1).collect(),
        });
    }
    let status = if publish { "published" } else { "draft" };
    if after == before && c.status == status {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let mut changes = audit::Fields::new();
    changes.put("status", &c.status);
    for ch in &before {
        ch.fields(&mut changes);
    }
    let mut now_fields = audit::Fields::new();
    now_fields.put("status", status);
    for ch in &after {
        ch.fields(&mut now_fields);
    }
    let changes = changes.changes(&now_fields);
    compendium_chapter::Entity::delete_many()
        .filter(compendium_chapter::Column::CompendiumId.eq(c.id))
        .exec(&tx)
        .await?;
    for chapter in after {
        let ch = compendium_chapter::ActiveModel {
            id: NotSet,
            compendium_id: Set(c.id),
            position: Set(chapter.position),
            title: Set(chapter.title),
            introduction: Set(chapter.introduction),
            theme_id: Set(chapter.theme_id),
        }
        .insert(&tx)
        .await?;
        for (i, practice_id) in chapter.practices.into_iter().enumerate() {
            compendium_entry::ActiveModel {
                chapter_id: Set(ch.id),
                practice_id: Set(practice_id),
                position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            }
            .insert(&tx)
            .await?;
        }
    }
    let was_published = c.status == "published";
    let id = c.id;
    let mut am: compendium::ActiveModel = c.into();
    am.status = Set(status.into());
    if publish && !was_published {
        am.published_at = Set(Some(now));
    }
    am.updated_at = Set(now);
    am.update(&tx).await?;
    outbox::record(&tx, "compendium", id, Op::Updated).await?;
    let action = match (publish, was_published) {
        (true, false) => "compendium-published",
        (false, true) => "compendium-unpublished",
        _ => "compendium-arranged",
    };
    audit::record(&tx, origin, action, "compendium", id, changes, now).await?;
    tx.commit().await?;
    Ok(())
}

// ------------------------------------------------------------------ print data

/// What a sheet needs besides the practice: names and labels, looked up once.
pub struct SheetContext<'a> {
    pub reference: &'a Reference,
    pub municipalities: &'a BTreeMap<i32, TrText>,
    pub organisations: &'a BTreeMap<i32, TrText>,
    pub themes: &'a BTreeMap<i32, Vec<i32>>,
    /// Show the contact email (members only).
    pub with_contact: bool,
}

/// A sheet's subtitle: who owns the practice, and where (city, country).
fn subtitle(p: &practice::Model, locale: Locale, cx: &SheetContext<'_>) -> Option<String> {
    let c: &PracticeContent = &p.content;
    let owner = p
        .municipality_id
        .and_then(|m| cx.municipalities.get(&m))
        .or_else(|| p.organisation_id.and_then(|o| cx.organisations.get(&o)))
        .map(|t| t.text(locale).to_owned())
        .unwrap_or_default();
    let country = p
        .country_code
        .as_deref()
        .and_then(|c| cx.reference.country(c))
        .map(|c| c.name.text(locale).to_owned())
        .unwrap_or_default();
    let place = [c.city.as_str(), country.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    Some(
        [owner, place]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    )
    .filter(|s| !s.is_empty())
}

/// A practice as a printed sheet in `locale` (its text falls back to the
/// practice's original language, and the sheet then takes that language).
pub fn sheet(p: &practice::Model, locale: Locale, cx: &SheetContext<'_>) -> majlis_print::Sheet {
    let orig = p.title.orig();
    let shown = p.title.show(locale);
    // The sheet's language: the reader's if the practice has a title in it.
    let lang = shown.locale;
    let c: &PracticeContent = &p.content;
    let mut facts = Vec::new();
    let mut fact = |id: &str, value: String| {
        if !value.trim().is_empty() {
            facts.push(majlis_print::Fact {
                label: locale.t(id),
                value,
            });
        }
    };
    fact("practice-field-department", c.department.clone());
    let themes = cx
        .themes
        .get(&p.id)
        .map(|ids| {
            ids.iter()
                .filter_map(|id| cx.reference.theme(*id))
                .map(|t| t.label.text(locale).to_owned())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    fact("practice-field-themes", themes);
    fact("practice-field-period", period(c, locale));
    fact("practice-field-presenter", c.presenter.clone());
    fact("practice-field-presented-at", c.presented_at.clone());
    let contact = if cx.with_contact && !c.contact_email.is_empty() {
        format!("{} <{}>", c.contact_name, c.contact_email)
            .trim()
            .to_owned()
    } else {
        c.contact_name.clone()
    };
    fact("practice-field-contact", contact);
    let sections = TextField::ALL
        .iter()
        .filter_map(|f| {
            let text = c.text(*f, lang).or_else(|| c.text(*f, orig))?;
            Some(majlis_print::Section {
                heading: locale.t(&f.label_id()),
                text: text.to_owned(),
            })
        })
        .collect();
    majlis_print::Sheet {
        lang: lang.code().to_owned(),
        title: shown.text.to_owned(),
        subtitle: subtitle(p, locale, cx),
        facts,
        sections,
        footer: Some(locale.t("print-footer")),
    }
}

fn period(c: &PracticeContent, locale: Locale) -> String {
    match (c.start_year, c.end_year, c.ongoing) {
        (Some(s), _, true) => locale.t_args(
            "practice-period-ongoing",
            &[("start", s.to_string().into())],
        ),
        (Some(s), Some(e), false) if s != e => format!("{s}–{e}"),
        (Some(s), _, false) => s.to_string(),
        (None, Some(e), _) => e.to_string(),
        (None, None, true) => locale.t("practice-ongoing"),
        (None, None, false) => String::new(),
    }
}

/// Names and themes of these practices' owners: three queries.
pub async fn sheet_lookups<C: ConnectionTrait>(
    db: &C,
    practices: &[&practice::Model],
) -> Result<
    (
        BTreeMap<i32, TrText>,
        BTreeMap<i32, TrText>,
        BTreeMap<i32, Vec<i32>>,
    ),
    DbErr,
> {
    let m_ids: Vec<i32> = practices.iter().filter_map(|p| p.municipality_id).collect();
    let o_ids: Vec<i32> = practices.iter().filter_map(|p| p.organisation_id).collect();
    let p_ids: Vec<i32> = practices.iter().map(|p| p.id).collect();
    let municipalities = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(m_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(o_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut themes: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for t in practice_theme::Entity::find()
        .filter(practice_theme::Column::PracticeId.is_in(p_ids))
        .all(db)
        .await?
    {
        themes.entry(t.practice_id).or_default().push(t.theme_id);
    }
    Ok((municipalities, organisations, themes))
}

/// An edition as a printable book in `locale`.
pub fn book(e: &Edition, locale: Locale, cx: &SheetContext<'_>) -> majlis_print::Compendium {
    let c = &e.compendium;
    majlis_print::Compendium {
        lang: locale.code().to_owned(),
        title: c.title.text(locale).to_owned(),
        subtitle: c.subtitle.as_ref().map(|s| s.text(locale).to_owned()),
        edition: c.edition.clone(),
        publisher: c.publisher.clone(),
        contents_label: locale.t("compendium-contents"),
        introduction_heading: locale.t("compendium-introduction"),
        introduction: c
            .introduction
            .as_ref()
            .map(|t| t.text(locale).to_owned())
            .unwrap_or_default(),
        chapters: e
            .chapters
            .iter()
            .filter(|(_, ps)| !ps.is_empty())
            .map(|(ch, ps)| majlis_print::Chapter {
                title: ch.title.text(locale).to_owned(),
                introduction: ch
                    .introduction
                    .as_ref()
                    .map(|t| t.text(locale).to_owned())
                    .unwrap_or_default(),
                practices: ps.iter().map(|p| sheet(p, locale, cx)).collect(),
            })
            .collect(),
        footer: Some(locale.t("print-footer")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition() -> compendium::Model {
        let mut title = TrText::new(Locale::En, "Good practices 2018").unwrap();
        title.set(Locale::Tr, "İyi uygulamalar 2018");
        compendium::Model {
            id: 1,
            slug: "good-practices-2018".into(),
            title,
            subtitle: None,
            introduction: Some(TrText::new(Locale::En, "Why these practices.").unwrap()),
            year: 2018,
            edition: Some("May 2018".into()),
            publisher: None,
            status: "draft".into(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            published_at: None,
        }
    }

    #[test]
    fn a_description_is_written_one_language_at_a_time() {
        let c = edition();
        let form = BTreeMap::from([
            ("orig", "ar"),
            ("title_ar", "ممارسات جيدة 2018"),
            ("introduction_ar", "لماذا هذه الممارسات."),
            ("title_en", "forged"),
            ("year", "2018"),
            ("edition", "May 2018"),
        ]);
        let get = |k: &str| form.get(k).copied().unwrap_or_default().to_owned();
        let input = parse_description(&c, Locale::Ar, get, 2026).unwrap();
        assert_eq!(input.title.orig(), Locale::En, "the original stays");
        assert_eq!(input.title.get(Locale::En), Some("Good practices 2018"));
        assert_eq!(input.title.get(Locale::Tr), Some("İyi uygulamalar 2018"));
        assert_eq!(input.title.get(Locale::Ar), Some("ممارسات جيدة 2018"));
        let intro = input.introduction.unwrap();
        assert_eq!(intro.get(Locale::En), Some("Why these practices."));
        assert_eq!(intro.get(Locale::Ar), Some("لماذا هذه الممارسات."));
        // The original cannot be emptied while the edition exists.
        let empty = |k: &str| {
            if k == "year" {
                "2018".into()
            } else {
                String::new()
            }
        };
        let errors = parse_description(&c, Locale::En, empty, 2026).unwrap_err();
        assert!(errors.iter().any(|e| e.field == "title"), "{errors:?}");
    }

    #[test]
    fn chapter_introductions_follow_the_other_forms() {
        let t = written(None, Locale::Ar, "مقدمة الفصل").unwrap();
        assert_eq!(t.orig(), Locale::Ar);
        let t = written(Some(t), Locale::En, "Chapter introduction").unwrap();
        assert_eq!(t.get(Locale::Ar), Some("مقدمة الفصل"));
        let t = written(Some(t), Locale::En, " ").unwrap();
        assert_eq!(t.get(Locale::En), None, "a translation emptied goes");
        assert!(
            written(Some(t), Locale::Ar, "").is_none(),
            "emptying the original removes it"
        );
        assert!(written(None, Locale::En, "").is_none());
    }
}
