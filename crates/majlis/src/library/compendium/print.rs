//! What the print crate receives: practice sheets and whole compendiums,
//! with every label in the reader's language.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::directory::entities::{municipality, organisation};
use crate::directory::reference::Reference;
use crate::i18n::{Locale, TrText};
use crate::library::entities::{practice, practice_theme};
use crate::library::practices::{PracticeContent, TextField};
use crate::library::rules::Edition;

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
pub(super) fn subtitle(
    p: &practice::Model,
    locale: Locale,
    cx: &SheetContext<'_>,
) -> Option<String> {
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

pub(super) fn period(c: &PracticeContent, locale: Locale) -> String {
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

/// The cover's edition lines: the edition's own label (as its editors wrote
/// it) and the month it was published, in the book's language.
fn cover_edition(
    label: Option<&str>,
    published_at: Option<chrono::DateTime<chrono::Utc>>,
    locale: Locale,
) -> Option<String> {
    use chrono::Datelike;
    let published = published_at.map(|t| locale.month_year(t.year(), t.month()));
    let lines: Vec<&str> = label
        .map(str::trim)
        .into_iter()
        .chain(published.as_deref())
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// An edition as a printable book in `locale`.
pub fn book(e: &Edition, locale: Locale, cx: &SheetContext<'_>) -> majlis_print::Compendium {
    let c = &e.compendium;
    majlis_print::Compendium {
        lang: locale.code().to_owned(),
        title: c.title.text(locale).to_owned(),
        subtitle: c.subtitle.as_ref().map(|s| s.text(locale).to_owned()),
        edition: cover_edition(c.edition.as_deref(), c.published_at, locale),
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
