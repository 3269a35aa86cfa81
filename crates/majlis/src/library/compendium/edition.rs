//! A compendium edition: its form, creating it, its description written
//! one language at a time, and deleting it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, EntityTrait};

use super::{CompendiumError, MAX_INTRO, MAX_TITLE, err, find};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{Locale, TrText};
use crate::library::entities::compendium;
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, authorize};

/// A new edition's description.
#[derive(Clone, Debug)]
pub struct EditionInput {
    pub title: TrText,
    pub introduction: Option<TrText>,
    pub year: i32,
    pub edition: Option<String>,
    pub publisher: Option<String>,
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

/// A new edition's address: its title's words, its year and a random suffix.
pub(super) fn slug_for(title: &TrText, year: i32) -> String {
    let words = crate::fields::slug::from_title(title.original(), title.orig(), 60, "compendium");
    let nonce: u16 = rand::random();
    format!("{words}-{year}-{nonce:04x}")
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
        slug: Set(slug_for(&input.title, input.year)),
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
pub(super) fn edition_fields(c: &compendium::Model) -> audit::Fields {
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
