//! The demo library (`library.toml`): documents and good practices named in
//! the seeds, a draft compendium edition gathering the practices presented
//! in Istanbul and a published one with some of them. Records are matched by slug: a second load adds
//! nothing and writes nothing to the outbox.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::Deserialize;

use super::{DemoError, LoadReport, tr, tr_opt};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::{municipality, organisation, theme};
use crate::directory::reference::TrDef;
use crate::i18n::{Locale, TrText};
use crate::library::entities::{
    compendium, compendium_chapter, compendium_entry, practice, practice_resource, practice_theme,
    practice_version, resource, resource_country, resource_organisation, resource_theme,
    resource_version,
};
use crate::library::files::Uploads;
use crate::library::practices::{PracticeContent, Snapshot, TextField};
use crate::library::{PracticeStatus, ResourceKind};

const LIBRARY_TOML: &str = include_str!("library.toml");

#[derive(Debug, Deserialize)]
struct LibraryFile {
    #[serde(default)]
    practice: Vec<PracticeDef>,
    #[serde(default)]
    resource: Vec<ResourceDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PracticeDef {
    slug: String,
    municipality: Option<String>,
    organisation: Option<String>,
    city: String,
    country: String,
    presenter: Option<String>,
    department: Option<String>,
    presented_at: String,
    themes: Vec<String>,
    title: TrDef,
    summary: Option<TrDef>,
    /// A practice sheet resource (by slug).
    sheet: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceDef {
    slug: String,
    kind: String,
    title: TrDef,
    summary: Option<TrDef>,
    authors: Option<String>,
    year: Option<i32>,
    month: Option<i32>,
    organisations: Vec<String>,
    countries: Vec<String>,
    themes: Vec<String>,
    languages: Vec<String>,
    /// The practice it presents (by slug).
    practice: Option<String>,
}

fn parse() -> Result<LibraryFile, DemoError> {
    toml::from_str(LIBRARY_TOML).map_err(|e| DemoError::Invalid(format!("library.toml: {e}")))
}

/// The seeds name the demo's documents but hold none of them: every
/// language version of a demo document with neither a file nor an address
/// gets a small PDF made here, in its language, saying that it stands in for
/// the original (so reading and downloading can be tried). Only the demo's
/// own documents (by slug); a version with a file keeps it, so a second run
/// makes nothing. Returns how many files were made.
pub async fn stand_in_files(
    db: &Db,
    uploads: &Uploads,
    now: DateTime<Utc>,
) -> Result<usize, DemoError> {
    use sea_orm::QueryOrder;
    use sea_orm::sea_query::Expr;
    let slugs: Vec<String> = parse()?.resource.into_iter().map(|r| r.slug).collect();
    let resources: HashMap<i32, resource::Model> = resource::Entity::find()
        .filter(resource::Column::Slug.is_in(slugs))
        .all(db.read())
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let versions = resource_version::Entity::find()
        .filter(resource_version::Column::ResourceId.is_in(resources.keys().copied()))
        .filter(resource_version::Column::FileSha256.is_null())
        .filter(resource_version::Column::Url.is_null())
        .order_by_asc(resource_version::Column::Id)
        .all(db.read())
        .await?;
    if versions.is_empty() {
        return Ok(0);
    }
    let sheets: Vec<(resource_version::Model, String, majlis_print::Sheet)> = versions
        .into_iter()
        .filter_map(|v| {
            let r = resources.get(&v.resource_id)?;
            let sheet = stand_in_sheet(r, &v);
            Some((v, r.slug.clone(), sheet))
        })
        .collect();
    // Typesetting is CPU work: off the async workers, one printer for all.
    let printed = tokio::task::spawn_blocking(move || {
        let printer = majlis_print::Printer::new();
        sheets
            .into_iter()
            .map(|(v, slug, sheet)| printer.practice_sheet(&sheet).map(|pdf| (v, slug, pdf)))
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|e| DemoError::Files(format!("printing stand-in documents: {e}")))?
    .map_err(|e| DemoError::Files(format!("printing stand-in documents: {e}")))?;
    let mut stored = Vec::with_capacity(printed.len());
    for (v, slug, pdf) in printed {
        let file = uploads
            .keep_unowned(pdf)
            .await
            .map_err(|e| DemoError::Files(format!("storing a stand-in document: {e}")))?;
        stored.push((v, slug, file));
    }
    let tx = db.begin_write().await?;
    let mut made = 0;
    for (v, slug, file) in &stored {
        crate::library::files::record(&tx, file, now).await?;
        let done = resource_version::Entity::update_many()
            .col_expr(
                resource_version::Column::FileSha256,
                Expr::value(file.sha256.to_string()),
            )
            .col_expr(
                resource_version::Column::FileName,
                Expr::value(format!("{slug}-{}.pdf", v.lang)),
            )
            .filter(resource_version::Column::Id.eq(v.id))
            .filter(resource_version::Column::FileSha256.is_null())
            .exec(&tx)
            .await?
            .rows_affected;
        if done > 0 {
            outbox::record(&tx, "resource", v.resource_id, Op::Updated).await?;
            made += 1;
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// What a stand-in document says, in its version's language.
fn stand_in_sheet(r: &resource::Model, v: &resource_version::Model) -> majlis_print::Sheet {
    let locale: Locale = v.lang.parse().unwrap_or(r.title.orig());
    let title = v
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| r.title.text(locale).to_owned());
    let kind = locale.t(&format!("resource-kind-{}", r.kind));
    let subtitle = match r.year {
        Some(y) => format!("{kind} · {y}"),
        None => kind,
    };
    let mut sections = Vec::new();
    if let Some(summary) = &r.summary {
        sections.push(majlis_print::Section {
            heading: String::new(),
            text: summary.text(locale).to_owned(),
        });
    }
    sections.push(majlis_print::Section {
        heading: locale.t("demo-stand-in-heading"),
        text: locale.t("demo-stand-in-text"),
    });
    majlis_print::Sheet {
        lang: locale.code().to_owned(),
        title,
        subtitle: Some(subtitle),
        facts: Vec::new(),
        sections,
        footer: Some(locale.t("demo-stand-in-footer")),
    }
}

/// Load the demo library inside the demo's transaction.
pub(super) async fn load(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let file = parse()?;
    let themes: HashMap<String, i32> = theme::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    let munis: HashMap<String, i32> = municipality::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|m| (m.slug, m.id))
        .collect();
    let orgs: HashMap<String, i32> = organisation::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|o| (o.slug, o.id))
        .collect();
    let lookup = |map: &HashMap<String, i32>, slug: &str, what: &str| {
        map.get(slug)
            .copied()
            .ok_or_else(|| DemoError::Invalid(format!("library.toml: unknown {what} {slug}")))
    };

    let mut practice_ids: HashMap<String, i32> = practice::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|p| (p.slug, p.id))
        .collect();
    let mut sheets: Vec<(i32, String)> = Vec::new();
    for def in file.practice {
        let theme_ids: BTreeSet<i32> = def
            .themes
            .iter()
            .map(|t| lookup(&themes, t, "theme"))
            .collect::<Result<_, _>>()?;
        if let Some(&id) = practice_ids.get(&def.slug) {
            report.unchanged += 1;
            if let Some(s) = def.sheet {
                sheets.push((id, s));
            }
            continue;
        }
        let municipality_id = def
            .municipality
            .as_deref()
            .map(|m| lookup(&munis, m, "municipality"))
            .transpose()?;
        let organisation_id = def
            .organisation
            .as_deref()
            .map(|o| lookup(&orgs, o, "organisation"))
            .transpose()?;
        let title = tr(def.title, &def.slug)?;
        let summary = tr_opt(def.summary, &def.slug)?;
        let mut content = PracticeContent {
            city: def.city,
            department: def.department.unwrap_or_default(),
            presenter: def.presenter.unwrap_or_default(),
            presented_at: def.presented_at,
            ..Default::default()
        };
        if let Some(s) = &summary {
            let values: BTreeMap<Locale, String> = s
                .locales()
                .filter_map(|l| s.get(l).map(|v| (l, v.to_owned())))
                .collect();
            content.texts.insert(TextField::Summary, values);
        }
        let langs: String = std::iter::once(",".to_owned())
            .chain(title.locales().map(|l| format!("{},", l.code())))
            .collect();
        let p = practice::ActiveModel {
            id: NotSet,
            slug: Set(def.slug.clone()),
            status: Set(PracticeStatus::Published.code().to_owned()),
            title: Set(title.clone()),
            summary: Set(summary),
            municipality_id: Set(municipality_id),
            organisation_id: Set(organisation_id),
            country_code: Set(Some(def.country.clone())),
            year: Set(None),
            langs: Set(langs),
            content: Set(content.clone()),
            version: Set(1),
            author_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            published_at: Set(Some(now)),
            last_verified: Set(None),
        }
        .insert(tx)
        .await?;
        for t in &theme_ids {
            practice_theme::ActiveModel {
                practice_id: Set(p.id),
                theme_id: Set(*t),
            }
            .insert(tx)
            .await?;
        }
        practice_version::ActiveModel {
            id: NotSet,
            practice_id: Set(p.id),
            number: Set(1),
            snapshot: Set(Snapshot {
                title,
                municipality_id,
                organisation_id,
                country_code: Some(def.country),
                themes: theme_ids,
                content,
            }),
            author_id: Set(None),
            created_at: Set(now),
        }
        .insert(tx)
        .await?;
        outbox::record(tx, "practice", p.id, Op::Created).await?;
        report.created += 1;
        practice_ids.insert(def.slug, p.id);
        if let Some(s) = def.sheet {
            sheets.push((p.id, s));
        }
    }

    let existing: HashMap<String, i32> = resource::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|r| (r.slug, r.id))
        .collect();
    let mut resource_ids = existing.clone();
    for def in file.resource {
        if existing.contains_key(&def.slug) {
            report.unchanged += 1;
            continue;
        }
        if ResourceKind::from_code(&def.kind).is_none() {
            return Err(DemoError::Invalid(format!(
                "{}: unknown kind {}",
                def.slug, def.kind
            )));
        }
        let r = resource::ActiveModel {
            id: NotSet,
            slug: Set(def.slug.clone()),
            kind: Set(def.kind),
            title: Set(tr(def.title, &def.slug)?),
            summary: Set(tr_opt(def.summary, &def.slug)?),
            authors: Set(def.authors),
            year: Set(def.year),
            month: Set(def.month),
            licence: Set(None),
            visibility: Set("public".into()),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(tx)
        .await?;
        for t in &def.themes {
            resource_theme::ActiveModel {
                resource_id: Set(r.id),
                theme_id: Set(lookup(&themes, t, "theme")?),
            }
            .insert(tx)
            .await?;
        }
        for c in &def.countries {
            resource_country::ActiveModel {
                resource_id: Set(r.id),
                country_code: Set(c.clone()),
            }
            .insert(tx)
            .await?;
        }
        for o in &def.organisations {
            resource_organisation::ActiveModel {
                resource_id: Set(r.id),
                organisation_id: Set(lookup(&orgs, o, "organisation")?),
            }
            .insert(tx)
            .await?;
        }
        for l in &def.languages {
            resource_version::ActiveModel {
                id: NotSet,
                resource_id: Set(r.id),
                lang: Set(l.clone()),
                title: Set(None),
                file_sha256: Set(None),
                file_name: Set(None),
                url: Set(None),
            }
            .insert(tx)
            .await?;
        }
        if let Some(p) = &def.practice {
            practice_resource::ActiveModel {
                practice_id: Set(lookup(&practice_ids, p, "practice")?),
                resource_id: Set(r.id),
            }
            .insert(tx)
            .await?;
        }
        outbox::record(tx, "resource", r.id, Op::Created).await?;
        report.created += 1;
        resource_ids.insert(def.slug, r.id);
    }
    for (practice_id, sheet) in sheets {
        let rid = lookup(&resource_ids, &sheet, "resource")?;
        let linked = practice_resource::Entity::find()
            .filter(practice_resource::Column::PracticeId.eq(practice_id))
            .filter(practice_resource::Column::ResourceId.eq(rid))
            .one(tx)
            .await?
            .is_some();
        if !linked {
            practice_resource::ActiveModel {
                practice_id: Set(practice_id),
                resource_id: Set(rid),
            }
            .insert(tx)
            .await?;
        }
    }
    editions(tx, &themes, &practice_ids, now, report).await
}

/// A demo compendium edition: its address, title (English, Arabic,
/// Turkish), year and label, publisher, whether it is published, and its
/// chapters (a theme each, with practices by slug).
struct EditionSpec {
    slug: &'static str,
    title: [&'static str; 3],
    year: i32,
    edition: &'static str,
    publisher: &'static str,
    published: bool,
    chapters: &'static [(&'static str, &'static [&'static str])],
}

/// The demo's editions: the practices presented in Istanbul (2018) as a
/// draft for coordinators to review and publish, and the language-learning
/// and social-cohesion practices among them as a published edition, so
/// that `/compendiums` shows one to a visitor.
const EDITIONS: [EditionSpec; 2] = [
    EditionSpec {
        slug: "istanbul-2018-good-practices",
        title: [
            "Good practices presented at the Istanbul dialogue workshop (2018)",
            "ممارسات جيدة عُرضت في ورشة الحوار في إسطنبول (2018)",
            "İstanbul diyalog çalıştayında sunulan iyi uygulamalar (2018)",
        ],
        year: 2018,
        edition: "November 2018",
        publisher: "Connective Cities, Qudra-Programme, UCLG-MEWA",
        published: false,
        chapters: &[
            (
                "social-cohesion",
                &[
                    "oberhausen-creating-encounters",
                    "start2coach",
                    "adana-migrants-assembly",
                    "bagcilar-prejudice",
                    "kilis-compassion-team",
                    "kucukcekmece-child-caravan",
                ],
            ),
            (
                "language-learning",
                &["rhein-erft-language-courses", "sahinbey-language-barrier"],
            ),
            (
                "service-delivery",
                &[
                    "ravensburg-welcome-tools",
                    "osnabrueck-integration-management",
                    "bautzen-public-services",
                    "konya-social-card",
                ],
            ),
            (
                "local-economic-development",
                &["leinebergland-job-market", "tempelhof-refugees-in-work"],
            ),
        ],
    },
    EditionSpec {
        slug: "language-and-encounters-2018",
        title: [
            "Learning the language, meeting the neighbours: practices from Germany and Türkiye",
            "تعلّم اللغة ولقاء الجيران: ممارسات من ألمانيا وتركيا",
            "Dili öğrenmek, komşularla tanışmak: Almanya ve Türkiye'den uygulamalar",
        ],
        year: 2018,
        edition: "Demo edition",
        publisher: "Majlis demo network",
        published: true,
        chapters: &[
            (
                "language-learning",
                &["rhein-erft-language-courses", "sahinbey-language-barrier"],
            ),
            (
                "social-cohesion",
                &[
                    "oberhausen-creating-encounters",
                    "bagcilar-prejudice",
                    "kucukcekmece-child-caravan",
                ],
            ),
        ],
    },
];

async fn editions(
    tx: &DatabaseTransaction,
    themes: &HashMap<String, i32>,
    practices: &HashMap<String, i32>,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    for spec in &EDITIONS {
        edition(tx, spec, themes, practices, now, report).await?;
    }
    Ok(())
}

/// One edition, written once (matched by its address).
async fn edition(
    tx: &DatabaseTransaction,
    spec: &EditionSpec,
    themes: &HashMap<String, i32>,
    practices: &HashMap<String, i32>,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    if compendium::Entity::find()
        .filter(compendium::Column::Slug.eq(spec.slug))
        .one(tx)
        .await?
        .is_some()
    {
        report.unchanged += 1;
        return Ok(());
    }
    let [en, ar, tr] = spec.title;
    let title = TrText::from_values(
        Locale::En,
        [
            (Locale::En, en.to_owned()),
            (Locale::Ar, ar.to_owned()),
            (Locale::Tr, tr.to_owned()),
        ],
    )
    .map_err(|e| DemoError::Invalid(e.to_string()))?;
    let c = compendium::ActiveModel {
        id: NotSet,
        slug: Set(spec.slug.into()),
        title: Set(title),
        subtitle: Set(None),
        introduction: Set(None),
        year: Set(spec.year),
        edition: Set(Some(spec.edition.into())),
        publisher: Set(Some(spec.publisher.into())),
        status: Set(if spec.published { "published" } else { "draft" }.into()),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(spec.published.then_some(now)),
    }
    .insert(tx)
    .await?;
    let chapters = spec.chapters;
    let labels: HashMap<i32, TrText> = theme::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|t| (t.id, t.label))
        .collect();
    for (position, (theme_slug, slugs)) in chapters.iter().enumerate() {
        let theme_id = themes
            .get(*theme_slug)
            .copied()
            .ok_or_else(|| DemoError::Invalid(format!("unknown theme {theme_slug}")))?;
        let ch = compendium_chapter::ActiveModel {
            id: NotSet,
            compendium_id: Set(c.id),
            position: Set(position as i32),
            title: Set(labels
                .get(&theme_id)
                .cloned()
                .ok_or_else(|| DemoError::Invalid("theme label".into()))?),
            introduction: Set(None),
            theme_id: Set(Some(theme_id)),
        }
        .insert(tx)
        .await?;
        for (i, slug) in slugs.iter().enumerate() {
            let pid = practices
                .get(*slug)
                .copied()
                .ok_or_else(|| DemoError::Invalid(format!("unknown practice {slug}")))?;
            compendium_entry::ActiveModel {
                chapter_id: Set(ch.id),
                practice_id: Set(pid),
                position: Set(i as i32),
            }
            .insert(tx)
            .await?;
        }
    }
    outbox::record(tx, "compendium", c.id, Op::Created).await?;
    report.created += 1;
    Ok(())
}
