//! Loading a public export into this instance, in one transaction: the
//! document is checked first (format, version, keys), then every item it
//! has not imported from that source before is written, with its links
//! resolved by key and a provenance row (`imported_item`). Themes,
//! countries, municipalities and organisations that exist here under the
//! same key are the same thing and are used as they are; content (documents,
//! practices, compendiums, series, events, consultations, project ideas and
//! their action plans) is always the source's own: a slug already taken here
//! gets a suffix (`-2`, `-3`, …); an idea's plan is keyed by its idea.
//! Every created item is written to the outbox, so search, caches and
//! notifications follow as for any other change.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::ExchangeError;
use super::document::*;
use super::entities::imported_item;
use crate::consultations::entities::{contribution, dilemma, dilemma_theme};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::{
    contact, country, municipality, municipality_theme, organisation, organisation_theme, theme,
};
use crate::directory::rules::Slug;
use crate::events::entities::{
    event, event_material, event_organisation, event_practice, event_series, event_session,
    event_theme, session_person,
};
use crate::library::PracticeStatus;
use crate::library::entities::{
    compendium, compendium_chapter, compendium_entry, practice, practice_attachment,
    practice_resource, practice_theme, practice_version, resource, resource_country,
    resource_organisation, resource_theme, resource_version,
};
use crate::library::practices::Snapshot;
use crate::plans::entities::{
    indicator as plan_indicator, measurement as plan_measurement, milestone as plan_milestone,
    plan, plan_event, step as plan_step,
};
use crate::projects::entities::{
    followup, partner, partner_step, project, project_theme, version as project_version,
};
use crate::projects::{
    PartnerStep, PartnershipStatus, ProjectStatus, ProjectVisibility, Snapshot as ProjectSnapshot,
};

/// What an import did, per kind of item.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Items created, by kind.
    pub created: BTreeMap<&'static str, usize>,
    /// Items already here (imported before, or the same key), by kind.
    pub kept: BTreeMap<&'static str, usize>,
}

impl ImportReport {
    pub fn created_total(&self) -> usize {
        self.created.values().sum()
    }
    pub fn kept_total(&self) -> usize {
        self.kept.values().sum()
    }
}

/// Read and check a document: its format and version first, so a file of
/// another kind is refused with a clear message before anything else.
pub fn parse(bytes: &[u8]) -> Result<Document, ExchangeError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ExchangeError::NotADocument(e.to_string()))?;
    let format = value
        .get("format")
        .and_then(|f| f.as_str())
        .ok_or_else(|| ExchangeError::NotADocument("no \"format\"".into()))?;
    if format != FORMAT {
        return Err(ExchangeError::WrongFormat {
            found: format.to_owned(),
        });
    }
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| ExchangeError::NotADocument("no \"version\"".into()))?;
    if !(OLDEST_VERSION..=VERSION).contains(&version) {
        return Err(ExchangeError::WrongVersion { found: version });
    }
    let doc: Document =
        serde_json::from_value(value).map_err(|e| ExchangeError::NotADocument(e.to_string()))?;
    check(&doc)?;
    Ok(doc)
}

/// Keys well formed and unique in their kind; the source has an address.
fn check(doc: &Document) -> Result<(), ExchangeError> {
    let bad = |m: String| Err(ExchangeError::Invalid(m));
    if !(doc.source.network.starts_with("http://") || doc.source.network.starts_with("https://"))
        || doc.source.network.len() > 300
    {
        return bad(format!(
            "source.network {:?} is not an address",
            doc.source.network
        ));
    }
    fn unique<'a>(kind: &str, keys: impl Iterator<Item = &'a str>) -> Result<(), ExchangeError> {
        let mut seen = HashSet::new();
        for k in keys {
            if Slug::parse(k).is_none() {
                return Err(ExchangeError::Invalid(format!(
                    "{kind} key {k:?} is not a slug"
                )));
            }
            if !seen.insert(k) {
                return Err(ExchangeError::Invalid(format!(
                    "{kind} {k:?} appears twice"
                )));
            }
        }
        Ok(())
    }
    for m in &doc.municipalities {
        match (m.latitude_micro, m.longitude_micro) {
            (None, None) => {}
            (Some(lat), Some(lon))
                if (-90_000_000..=90_000_000).contains(&lat)
                    && (-180_000_000..=180_000_000).contains(&lon) => {}
            _ => {
                return bad(format!(
                    "municipality {:?}: a position needs a latitude within ±90° and a longitude within ±180°, both or neither",
                    m.slug
                ));
            }
        }
    }
    unique("theme", doc.themes.iter().map(|x| x.slug.as_str()))?;
    unique(
        "municipality",
        doc.municipalities.iter().map(|x| x.slug.as_str()),
    )?;
    unique(
        "organisation",
        doc.organisations.iter().map(|x| x.slug.as_str()),
    )?;
    unique("series", doc.series.iter().map(|x| x.slug.as_str()))?;
    unique("resource", doc.resources.iter().map(|x| x.slug.as_str()))?;
    unique("practice", doc.practices.iter().map(|x| x.slug.as_str()))?;
    unique(
        "compendium",
        doc.compendiums.iter().map(|x| x.slug.as_str()),
    )?;
    unique("event", doc.events.iter().map(|x| x.slug.as_str()))?;
    unique("dilemma", doc.dilemmas.iter().map(|x| x.slug.as_str()))?;
    unique("project", doc.projects.iter().map(|x| x.slug.as_str()))?;
    // One plan per idea: a plan's key is its idea's.
    unique("plan", doc.plans.iter().map(|x| x.owner.as_str()))?;
    if let Some(p) = doc
        .plans
        .iter()
        .find(|p| p.owner_kind != crate::plans::OwnerKind::Project.code())
    {
        return bad(format!("plan owner kind {:?} is not known", p.owner_kind));
    }
    for c in &doc.countries {
        if c.code.len() != 2 || !c.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return bad(format!("country code {:?}", c.code));
        }
    }
    for e in &doc.events {
        let n = e.sessions.len();
        let out = e.sessions.iter().any(|s| s.parent.is_some_and(|p| p >= n))
            || e.materials
                .iter()
                .any(|m| m.session.is_some_and(|p| p >= n));
        if out {
            return bad(format!("event {}: a session index is out of range", e.slug));
        }
    }
    Ok(())
}

/// The local ids of one kind of item, by key, and the slugs taken.
struct Keys {
    ids: HashMap<String, i32>,
    taken: HashSet<String>,
}

impl Keys {
    fn id(&self, kind: &str, key: &str) -> Result<i32, ExchangeError> {
        self.ids
            .get(key)
            .copied()
            .ok_or_else(|| ExchangeError::Invalid(format!("unknown {kind} {key:?}")))
    }
    fn opt(&self, kind: &str, key: Option<&String>) -> Result<Option<i32>, ExchangeError> {
        key.map(|k| self.id(kind, k)).transpose()
    }
    /// The ids of `keys`, in their order, each once.
    fn all(&self, kind: &str, keys: &[String]) -> Result<Vec<i32>, ExchangeError> {
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let id = self.id(kind, k)?;
            if !out.contains(&id) {
                out.push(id);
            }
        }
        Ok(out)
    }
    /// A slug free here: the source's, else with the first free suffix.
    fn free(&mut self, slug: &str) -> String {
        let mut candidate = slug.to_owned();
        let base: String = slug.chars().take(90).collect();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

/// One import: the transaction, the source, what it already brought.
struct Run<'a> {
    tx: &'a DatabaseTransaction,
    source: String,
    now: DateTime<Utc>,
    done: HashMap<(String, String), i32>,
    report: ImportReport,
}

impl Run<'_> {
    fn before(&self, kind: &str, key: &str) -> Option<i32> {
        self.done.get(&(kind.to_owned(), key.to_owned())).copied()
    }

    async fn created(
        &mut self,
        kind: &'static str,
        key: &str,
        id: i32,
        outbox_name: Option<&str>,
    ) -> Result<(), ExchangeError> {
        imported_item::ActiveModel {
            id: NotSet,
            source: Set(self.source.clone()),
            kind: Set(kind.to_owned()),
            key: Set(key.to_owned()),
            local_id: Set(id),
            imported_at: Set(self.now),
        }
        .insert(self.tx)
        .await?;
        if let Some(name) = outbox_name {
            outbox::record(self.tx, name, id, Op::Created).await?;
        }
        *self.report.created.entry(kind).or_default() += 1;
        Ok(())
    }

    fn kept(&mut self, kind: &'static str) {
        *self.report.kept.entry(kind).or_default() += 1;
    }
}

async fn slugs<E: EntityTrait>(
    tx: &DatabaseTransaction,
    col: E::Column,
    id: E::Column,
) -> Result<Keys, ExchangeError> {
    let rows: Vec<(String, i32)> = E::find()
        .select_only()
        .column(col)
        .column(id)
        .into_tuple()
        .all(tx)
        .await?;
    Ok(Keys {
        taken: rows.iter().map(|(s, _)| s.clone()).collect(),
        ids: rows.into_iter().collect(),
    })
}

/// Load `doc` into the database in one transaction: all of it or nothing.
pub async fn import(
    db: &Db,
    doc: &Document,
    now: DateTime<Utc>,
) -> Result<ImportReport, ExchangeError> {
    check(doc)?;
    let tx = db.begin_write().await?;
    let source = doc.source.network.trim_end_matches('/').to_owned();
    let done = imported_item::Entity::find()
        .filter(imported_item::Column::Source.eq(source.as_str()))
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| ((r.kind, r.key), r.local_id))
        .collect();
    let mut run = Run {
        tx: &tx,
        source,
        now,
        done,
        report: ImportReport::default(),
    };
    let themes = import_directory(&mut run, doc).await?;
    import_content(&mut run, doc, &themes).await?;
    let report = std::mem::take(&mut run.report);
    tx.commit().await?;
    Ok(report)
}

/// The keys the content refers to.
struct Directory {
    themes: Keys,
    munis: Keys,
    orgs: Keys,
}

async fn import_directory(run: &mut Run<'_>, doc: &Document) -> Result<Directory, ExchangeError> {
    let tx = run.tx;
    let mut themes = slugs::<theme::Entity>(tx, theme::Column::Slug, theme::Column::Id).await?;
    for t in &doc.themes {
        if themes.ids.contains_key(&t.slug) {
            run.kept("theme");
            continue;
        }
        let row = theme::ActiveModel {
            id: NotSet,
            slug: Set(t.slug.clone()),
            label: Set(t.label.clone()),
            position: Set(t.position),
        }
        .insert(tx)
        .await?;
        themes.ids.insert(t.slug.clone(), row.id);
        run.created("theme", &t.slug, row.id, Some("theme")).await?;
    }
    let codes: HashSet<String> = country::Entity::find()
        .select_only()
        .column(country::Column::Code)
        .into_tuple::<String>()
        .all(tx)
        .await?
        .into_iter()
        .collect();
    for c in &doc.countries {
        if codes.contains(&c.code) {
            run.kept("country");
            continue;
        }
        country::ActiveModel {
            code: Set(c.code.clone()),
            alpha3: Set(c.alpha3.clone()),
            name: Set(c.name.clone()),
        }
        .insert(tx)
        .await?;
        *run.report.created.entry("country").or_default() += 1;
    }

    let mut munis =
        slugs::<municipality::Entity>(tx, municipality::Column::Slug, municipality::Column::Id)
            .await?;
    for m in &doc.municipalities {
        if munis.ids.contains_key(&m.slug) {
            run.kept("municipality");
            continue;
        }
        let theme_ids = themes.all("theme", &m.themes)?;
        let row = municipality::ActiveModel {
            id: NotSet,
            slug: Set(m.slug.clone()),
            kind: Set(m.kind.clone()),
            name: Set(m.name.clone()),
            country_code: Set(m.country.clone()),
            region: Set(m.region.clone()),
            population: Set(m.population),
            population_year: Set(m.population_year),
            refugees_hosted: Set(m.refugees_hosted),
            refugees_year: Set(m.refugees_year),
            member_since: Set(m.member_since),
            // Checked by `check` (both or neither, in range); none before
            // version 3, when the form places it.
            latitude_micro: Set(m.latitude_micro),
            longitude_micro: Set(m.longitude_micro),
            profile: Set(m.profile.clone()),
            created_at: Set(run.now),
            updated_at: Set(run.now),
        }
        .insert(tx)
        .await?;
        for t in theme_ids {
            municipality_theme::ActiveModel {
                municipality_id: Set(row.id),
                theme_id: Set(t),
            }
            .insert(tx)
            .await?;
        }
        for (i, c) in m.contacts.iter().enumerate() {
            contact::ActiveModel {
                id: NotSet,
                municipality_id: Set(row.id),
                name: Set(c.name.clone()),
                position: Set(c.position.clone()),
                email: Set(None),
                sort_order: Set(i as i32),
            }
            .insert(tx)
            .await?;
        }
        munis.ids.insert(m.slug.clone(), row.id);
        run.created("municipality", &m.slug, row.id, Some("municipality"))
            .await?;
    }

    let mut orgs =
        slugs::<organisation::Entity>(tx, organisation::Column::Slug, organisation::Column::Id)
            .await?;
    for o in &doc.organisations {
        if orgs.ids.contains_key(&o.slug) {
            run.kept("organisation");
            continue;
        }
        let theme_ids = themes.all("theme", &o.themes)?;
        let row = organisation::ActiveModel {
            id: NotSet,
            slug: Set(o.slug.clone()),
            acronym: Set(o.acronym.clone()),
            kind: Set(o.kind.clone()),
            country_code: Set(o.country.clone()),
            website: Set(o.website.clone()),
            name: Set(o.name.clone()),
            description: Set(o.description.clone()),
            created_at: Set(run.now),
            updated_at: Set(run.now),
        }
        .insert(tx)
        .await?;
        for t in theme_ids {
            organisation_theme::ActiveModel {
                organisation_id: Set(row.id),
                theme_id: Set(t),
            }
            .insert(tx)
            .await?;
        }
        orgs.ids.insert(o.slug.clone(), row.id);
        run.created("organisation", &o.slug, row.id, Some("organisation"))
            .await?;
    }
    Ok(Directory {
        themes,
        munis,
        orgs,
    })
}

/// The ids of content items by their key at the source: those imported
/// before from it, and those this run creates. `taken` holds every local slug.
struct Content {
    ids: HashMap<String, i32>,
    taken: Keys,
}

impl Content {
    async fn load<E: EntityTrait>(
        run: &Run<'_>,
        kind: &str,
        col: E::Column,
        id: E::Column,
    ) -> Result<Content, ExchangeError> {
        let taken = slugs::<E>(run.tx, col, id).await?;
        let ids = run
            .done
            .iter()
            .filter(|((k, _), _)| k == kind)
            .map(|((_, key), id)| (key.clone(), *id))
            .collect();
        Ok(Content { ids, taken })
    }
    fn keys(&self) -> Keys {
        Keys {
            ids: self.ids.clone(),
            taken: HashSet::new(),
        }
    }
}

/// A link to a stored file at the source becomes a link to its address.
fn link_of(url: &Option<String>, file: &Option<File>) -> (Option<String>, Option<String>) {
    match (url, file) {
        (Some(u), _) => (Some(u.clone()), None),
        (None, Some(f)) => (Some(f.url.clone()), Some(f.name.clone())),
        (None, None) => (None, None),
    }
}

async fn import_content(
    run: &mut Run<'_>,
    doc: &Document,
    dir: &Directory,
) -> Result<(), ExchangeError> {
    let tx = run.tx;
    let mut series = Content::load::<event_series::Entity>(
        run,
        "series",
        event_series::Column::Slug,
        event_series::Column::Id,
    )
    .await?;
    for s in &doc.series {
        if run.before("series", &s.slug).is_some() {
            run.kept("series");
            continue;
        }
        let slug = series.taken.free(&s.slug);
        let row = event_series::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            title: Set(s.title.clone()),
            summary: Set(s.summary.clone()),
            created_at: Set(run.now),
        }
        .insert(tx)
        .await?;
        series.ids.insert(s.slug.clone(), row.id);
        run.created("series", &s.slug, row.id, None).await?;
    }

    let mut resources = Content::load::<resource::Entity>(
        run,
        "resource",
        resource::Column::Slug,
        resource::Column::Id,
    )
    .await?;
    for r in &doc.resources {
        if run.before("resource", &r.slug).is_some() {
            run.kept("resource");
            continue;
        }
        let theme_ids = dir.themes.all("theme", &r.themes)?;
        let org_ids = dir.orgs.all("organisation", &r.organisations)?;
        let slug = resources.taken.free(&r.slug);
        let row = resource::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            kind: Set(r.kind.clone()),
            title: Set(r.title.clone()),
            summary: Set(r.summary.clone()),
            authors: Set(r.authors.clone()),
            year: Set(r.year),
            month: Set(r.month),
            licence: Set(r.licence.clone()),
            visibility: Set("public".to_owned()),
            created_by: Set(None),
            created_at: Set(r.created_at),
            updated_at: Set(r.updated_at),
        }
        .insert(tx)
        .await?;
        for t in theme_ids {
            resource_theme::ActiveModel {
                resource_id: Set(row.id),
                theme_id: Set(t),
            }
            .insert(tx)
            .await?;
        }
        let mut countries_seen = HashSet::new();
        for c in r.countries.iter().filter(|c| countries_seen.insert(*c)) {
            resource_country::ActiveModel {
                resource_id: Set(row.id),
                country_code: Set(c.clone()),
            }
            .insert(tx)
            .await?;
        }
        for o in org_ids {
            resource_organisation::ActiveModel {
                resource_id: Set(row.id),
                organisation_id: Set(o),
            }
            .insert(tx)
            .await?;
        }
        for v in &r.versions {
            let (url, name) = link_of(&v.url, &v.file);
            resource_version::ActiveModel {
                id: NotSet,
                resource_id: Set(row.id),
                lang: Set(v.lang.clone()),
                title: Set(v.title.clone().or(name)),
                file_sha256: Set(None),
                file_name: Set(None),
                url: Set(url),
            }
            .insert(tx)
            .await?;
        }
        resources.ids.insert(r.slug.clone(), row.id);
        run.created("resource", &r.slug, row.id, Some("resource"))
            .await?;
    }
    let res_keys = resources.keys();

    let mut practices = Content::load::<practice::Entity>(
        run,
        "practice",
        practice::Column::Slug,
        practice::Column::Id,
    )
    .await?;
    for p in &doc.practices {
        if run.before("practice", &p.slug).is_some() {
            run.kept("practice");
            continue;
        }
        let theme_ids = dir.themes.all("theme", &p.themes)?;
        let municipality_id = dir.munis.opt("municipality", p.municipality.as_ref())?;
        let organisation_id = dir.orgs.opt("organisation", p.organisation.as_ref())?;
        let res_ids = res_keys.all("resource", &p.resources)?;
        let mut content = p.content.clone();
        content.contact_email = String::new();
        let langs: String = std::iter::once(",".to_owned())
            .chain(p.title.locales().map(|l| format!("{},", l.code())))
            .collect();
        let slug = practices.taken.free(&p.slug);
        let row = practice::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            status: Set(PracticeStatus::Published.code().to_owned()),
            title: Set(p.title.clone()),
            summary: Set(p.summary.clone()),
            municipality_id: Set(municipality_id),
            organisation_id: Set(organisation_id),
            country_code: Set(p.country.clone()),
            year: Set(p.year),
            langs: Set(langs),
            content: Set(content.clone()),
            version: Set(p.version.max(1)),
            author_id: Set(None),
            created_at: Set(p.created_at),
            updated_at: Set(p.updated_at),
            published_at: Set(p.published_at.or(Some(run.now))),
            last_verified: Set(p.last_verified),
        }
        .insert(tx)
        .await?;
        for t in &theme_ids {
            practice_theme::ActiveModel {
                practice_id: Set(row.id),
                theme_id: Set(*t),
            }
            .insert(tx)
            .await?;
        }
        for r in res_ids {
            practice_resource::ActiveModel {
                practice_id: Set(row.id),
                resource_id: Set(r),
            }
            .insert(tx)
            .await?;
        }
        for a in &p.attachments {
            let (url, name) = link_of(&a.url, &a.file);
            practice_attachment::ActiveModel {
                id: NotSet,
                practice_id: Set(row.id),
                lang: Set(a.lang.clone()),
                label: Set(if a.label.is_empty() {
                    name.unwrap_or_default()
                } else {
                    a.label.clone()
                }),
                file_sha256: Set(None),
                file_name: Set(None),
                url: Set(url),
            }
            .insert(tx)
            .await?;
        }
        practice_version::ActiveModel {
            id: NotSet,
            practice_id: Set(row.id),
            number: Set(row.version),
            snapshot: Set(Snapshot {
                title: p.title.clone(),
                municipality_id,
                organisation_id,
                country_code: p.country.clone(),
                themes: theme_ids.iter().copied().collect(),
                content,
            }),
            author_id: Set(None),
            created_at: Set(run.now),
        }
        .insert(tx)
        .await?;
        practices.ids.insert(p.slug.clone(), row.id);
        run.created("practice", &p.slug, row.id, Some("practice"))
            .await?;
    }
    let prac_keys = practices.keys();

    let mut compendiums = Content::load::<compendium::Entity>(
        run,
        "compendium",
        compendium::Column::Slug,
        compendium::Column::Id,
    )
    .await?;
    for c in &doc.compendiums {
        if run.before("compendium", &c.slug).is_some() {
            run.kept("compendium");
            continue;
        }
        let slug = compendiums.taken.free(&c.slug);
        let row = compendium::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            title: Set(c.title.clone()),
            subtitle: Set(c.subtitle.clone()),
            introduction: Set(c.introduction.clone()),
            year: Set(c.year),
            edition: Set(c.edition.clone()),
            publisher: Set(c.publisher.clone()),
            status: Set("published".to_owned()),
            created_at: Set(c.created_at),
            updated_at: Set(c.updated_at),
            published_at: Set(c.published_at.or(Some(run.now))),
        }
        .insert(tx)
        .await?;
        for (i, ch) in c.chapters.iter().enumerate() {
            let chapter = compendium_chapter::ActiveModel {
                id: NotSet,
                compendium_id: Set(row.id),
                position: Set(i as i32 + 1),
                title: Set(ch.title.clone()),
                introduction: Set(ch.introduction.clone()),
                theme_id: Set(dir.themes.opt("theme", ch.theme.as_ref())?),
            }
            .insert(tx)
            .await?;
            let mut seen = HashSet::new();
            for (j, p) in ch.practices.iter().enumerate() {
                if !seen.insert(p) {
                    continue;
                }
                compendium_entry::ActiveModel {
                    chapter_id: Set(chapter.id),
                    practice_id: Set(prac_keys.id("practice", p)?),
                    position: Set(j as i32 + 1),
                }
                .insert(tx)
                .await?;
            }
        }
        compendiums.ids.insert(c.slug.clone(), row.id);
        run.created("compendium", &c.slug, row.id, Some("compendium"))
            .await?;
    }

    let (events, mut sessions) =
        import_events(run, doc, dir, &series, &res_keys, &prac_keys).await?;
    let dilemmas =
        import_dilemmas(run, doc, dir, &res_keys, &prac_keys, &events, &mut sessions).await?;
    let projects = import_projects(run, doc, dir, &events, &mut sessions, &dilemmas).await?;
    import_plans(run, doc, dir, &events, &projects).await
}

/// The local session ids of each event in the document, in the document's order.
type SessionIds = HashMap<String, Vec<i32>>;

async fn import_events(
    run: &mut Run<'_>,
    doc: &Document,
    dir: &Directory,
    series: &Content,
    res_keys: &Keys,
    prac_keys: &Keys,
) -> Result<(HashMap<String, i32>, SessionIds), ExchangeError> {
    let tx = run.tx;
    let mut events =
        Content::load::<event::Entity>(run, "event", event::Column::Slug, event::Column::Id)
            .await?;
    let mut session_ids: SessionIds = HashMap::new();
    for e in &doc.events {
        if run.before("event", &e.slug).is_some() {
            run.kept("event");
            continue;
        }
        let theme_ids = dir.themes.all("theme", &e.themes)?;
        let series_id = match &e.series {
            Some(s) => Some(
                *series
                    .ids
                    .get(s)
                    .ok_or_else(|| ExchangeError::Invalid(format!("unknown series {s:?}")))?,
            ),
            None => None,
        };
        let slug = events.taken.free(&e.slug);
        let row = event::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            series_id: Set(series_id),
            kind: Set(e.kind.clone()),
            status: Set(e.status.clone()),
            visibility: Set("public".to_owned()),
            title: Set(e.title.clone()),
            summary: Set(e.summary.clone()),
            context: Set(e.context.clone()),
            objectives: Set(e.objectives.clone()),
            expected_results: Set(e.expected_results.clone()),
            audience: Set(e.audience.clone()),
            starts_at: Set(e.starts_at),
            ends_at: Set(e.ends_at),
            date_approximate: Set(e.date_approximate),
            timezone: Set(e.timezone.clone()),
            city: Set(e.city.clone()),
            country_code: Set(e.country.clone()),
            address: Set(e.address.clone()),
            online: Set(e.online),
            online_url: Set(None),
            languages: Set(e.languages.clone()),
            interpretation: Set(e.interpretation.clone()),
            capacity: Set(e.capacity),
            needs_approval: Set(e.needs_approval),
            registration_opens: Set(e.registration_opens),
            registration_closes: Set(e.registration_closes),
            questions: Set(e.questions.clone()),
            report_id: Set(res_keys.opt("resource", e.report.as_ref())?),
            takeaways: Set(e.takeaways.clone()),
            figures: Set(e.figures.clone()),
            created_by: Set(None),
            created_at: Set(e.created_at),
            updated_at: Set(e.updated_at),
        }
        .insert(tx)
        .await?;
        for t in theme_ids {
            event_theme::ActiveModel {
                event_id: Set(row.id),
                theme_id: Set(t),
            }
            .insert(tx)
            .await?;
        }
        let mut orgs_seen = HashSet::new();
        for o in &e.organisations {
            let id = dir.orgs.id("organisation", &o.organisation)?;
            if !orgs_seen.insert(id) {
                continue;
            }
            event_organisation::ActiveModel {
                event_id: Set(row.id),
                organisation_id: Set(id),
                role: Set(o.role.clone()),
                position: Set(o.position),
            }
            .insert(tx)
            .await?;
        }
        for p in prac_keys.all("practice", &e.practices)? {
            event_practice::ActiveModel {
                event_id: Set(row.id),
                practice_id: Set(p),
            }
            .insert(tx)
            .await?;
        }
        // Parents come before their children in the source's order
        // (day, position), but not necessarily: write all, then link.
        let mut ids = Vec::with_capacity(e.sessions.len());
        for s in &e.sessions {
            let session = event_session::ActiveModel {
                id: NotSet,
                event_id: Set(row.id),
                parent_id: Set(None),
                day: Set(s.day),
                position: Set(s.position),
                kind: Set(s.kind.clone()),
                title: Set(s.title.clone()),
                objectives: Set(s.objectives.clone()),
                starts: Set(s.starts.clone()),
                ends: Set(s.ends.clone()),
            }
            .insert(tx)
            .await?;
            for (i, p) in s.people.iter().enumerate() {
                session_person::ActiveModel {
                    id: NotSet,
                    session_id: Set(session.id),
                    event_id: Set(row.id),
                    role: Set(p.role.clone()),
                    person_id: Set(None),
                    name: Set(p.name.clone()),
                    organisation_id: Set(dir.orgs.opt("organisation", p.organisation.as_ref())?),
                    affiliation: Set(p.affiliation.clone()),
                    position: Set(i as i32),
                }
                .insert(tx)
                .await?;
            }
            ids.push(session);
        }
        for (s, session) in e.sessions.iter().zip(&ids) {
            if let Some(p) = s.parent {
                let mut a: event_session::ActiveModel = session.clone().into();
                a.parent_id = Set(Some(ids[p].id));
                a.update(tx).await?;
            }
        }
        let ids: Vec<i32> = ids.iter().map(|s| s.id).collect();
        for m in &e.materials {
            event_material::ActiveModel {
                id: NotSet,
                event_id: Set(row.id),
                session_id: Set(m.session.map(|i| ids[i])),
                resource_id: Set(res_keys.id("resource", &m.resource)?),
                position: Set(m.position),
            }
            .insert(tx)
            .await?;
        }
        session_ids.insert(e.slug.clone(), ids);
        events.ids.insert(e.slug.clone(), row.id);
        run.created("event", &e.slug, row.id, Some("event")).await?;
    }
    Ok((events.ids, session_ids))
}

/// The local id of session `i` (its index in the export's list) of the
/// event `slug`, local id `event_id`.
async fn session_of(
    tx: &DatabaseTransaction,
    sessions: &mut SessionIds,
    event_id: i32,
    slug: &str,
    i: usize,
) -> Result<Option<i32>, ExchangeError> {
    if !sessions.contains_key(slug) {
        // Imported by an earlier run: its sessions in the export's order.
        let ids: Vec<i32> = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(event_id))
            .order_by_asc(event_session::Column::Day)
            .order_by_asc(event_session::Column::Position)
            .order_by_asc(event_session::Column::Id)
            .select_only()
            .column(event_session::Column::Id)
            .into_tuple()
            .all(tx)
            .await?;
        sessions.insert(slug.to_owned(), ids);
    }
    Ok(sessions.get(slug).and_then(|ids| ids.get(i)).copied())
}

/// The consultations; answers their local ids by key.
async fn import_dilemmas(
    run: &mut Run<'_>,
    doc: &Document,
    dir: &Directory,
    res_keys: &Keys,
    prac_keys: &Keys,
    events: &HashMap<String, i32>,
    sessions: &mut SessionIds,
) -> Result<HashMap<String, i32>, ExchangeError> {
    let tx = run.tx;
    let mut dilemmas = Content::load::<dilemma::Entity>(
        run,
        "dilemma",
        dilemma::Column::Slug,
        dilemma::Column::Id,
    )
    .await?;
    let mut joints: Vec<(i32, String)> = Vec::new();
    for d in &doc.dilemmas {
        if run.before("dilemma", &d.slug).is_some() {
            run.kept("dilemma");
            continue;
        }
        let theme_ids = dir.themes.all("theme", &d.themes)?;
        let event_id = match &d.event {
            Some(e) => events.get(e).copied(),
            None => None,
        };
        let session_id = match (event_id, &d.event, d.session) {
            (Some(eid), Some(slug), Some(i)) => session_of(tx, sessions, eid, slug, i).await?,
            _ => None,
        };
        let slug = dilemmas.taken.free(&d.slug);
        let row = dilemma::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            status: Set(d.status.clone()),
            visibility: Set("public".to_owned()),
            question: Set(d.question.clone()),
            information: Set(d.information.clone()),
            result: Set(d.result.clone()),
            presenter_id: Set(None),
            presenter_name: Set(d.presenter_name.clone()),
            affiliation: Set(d.affiliation.clone()),
            municipality_id: Set(dir.munis.opt("municipality", d.municipality.as_ref())?),
            organisation_id: Set(dir.orgs.opt("organisation", d.organisation.as_ref())?),
            city: Set(d.city.clone()),
            country_code: Set(d.country.clone()),
            help_sought: Set(d.help_sought.clone()),
            languages: Set(d.languages.clone()),
            session_id: Set(session_id),
            event_id: Set(event_id),
            position: Set(d.position),
            joint_with: Set(None),
            period_days: Set(d.period_days),
            opens_at: Set(d.opens_at),
            closes_at: Set(d.closes_at),
            ideas_open_at: Set(d.ideas_open_at),
            concluded_at: Set(d.concluded_at),
            concluded_by: Set(None),
            created_by: Set(None),
            created_at: Set(d.created_at),
            updated_at: Set(d.updated_at),
        }
        .insert(tx)
        .await?;
        for t in theme_ids {
            dilemma_theme::ActiveModel {
                dilemma_id: Set(row.id),
                theme_id: Set(t),
            }
            .insert(tx)
            .await?;
        }
        for c in &d.contributions {
            contribution::ActiveModel {
                id: NotSet,
                dilemma_id: Set(row.id),
                kind: Set(c.kind.clone()),
                body: Set(c.body.clone()),
                author_id: Set(None),
                author_name: Set(c.author_name.clone()),
                recorded_by: Set(None),
                practice_id: Set(prac_keys.opt("practice", c.practice.as_ref())?),
                resource_id: Set(res_keys.opt("resource", c.resource.as_ref())?),
                url: Set(c.url.clone()),
                answer: Set(c.answer.clone()),
                answered_by: Set(None),
                answered_at: Set(c.answered_at),
                helped: Set(c.helped),
                hidden: Set(false),
                hidden_reason: Set(None),
                client_key: Set(None),
                position: Set(c.position),
                created_at: Set(c.created_at),
            }
            .insert(tx)
            .await?;
        }
        if let Some(j) = &d.joint_with {
            joints.push((row.id, j.clone()));
        }
        dilemmas.ids.insert(d.slug.clone(), row.id);
        run.created("dilemma", &d.slug, row.id, Some("dilemma"))
            .await?;
    }
    for (id, other) in joints {
        if let Some(&j) = dilemmas.ids.get(&other) {
            dilemma::Entity::update_many()
                .col_expr(
                    dilemma::Column::JointWith,
                    sea_orm::sea_query::Expr::value(j),
                )
                .filter(dilemma::Column::Id.eq(id))
                .exec(tx)
                .await?;
        }
    }
    Ok(dilemmas.ids)
}

/// The project ideas (version 2); answers their local ids by key.
async fn import_projects(
    run: &mut Run<'_>,
    doc: &Document,
    dir: &Directory,
    events: &HashMap<String, i32>,
    sessions: &mut SessionIds,
    dilemmas: &HashMap<String, i32>,
) -> Result<HashMap<String, i32>, ExchangeError> {
    let tx = run.tx;
    let mut projects = Content::load::<project::Entity>(
        run,
        "project",
        project::Column::Slug,
        project::Column::Id,
    )
    .await?;
    let event_of = |slug: &String| {
        events
            .get(slug)
            .copied()
            .ok_or_else(|| ExchangeError::Invalid(format!("unknown event {slug:?}")))
    };
    for p in &doc.projects {
        if run.before("project", &p.slug).is_some() {
            run.kept("project");
            continue;
        }
        let invalid = |what: &str| ExchangeError::Invalid(format!("project {}: {what}", p.slug));
        let status = ProjectStatus::from_code(&p.status).ok_or_else(|| invalid("status"))?;
        let theme_ids = dir.themes.all("theme", &p.themes)?;
        let lead = dir.munis.id("municipality", &p.lead)?;
        let event_id = p.event.as_ref().map(event_of).transpose()?;
        let session_id = match (event_id, &p.event, p.session) {
            (Some(eid), Some(slug), Some(i)) => session_of(tx, sessions, eid, slug, i).await?,
            _ => None,
        };
        let dilemma_id = match &p.dilemma {
            Some(d) => Some(
                *dilemmas
                    .get(d)
                    .ok_or_else(|| ExchangeError::Invalid(format!("unknown dilemma {d:?}")))?,
            ),
            None => None,
        };
        let mut followups = Vec::new();
        for e in &p.followups {
            let id = event_of(e)?;
            if !followups.contains(&id) {
                followups.push(id);
            }
        }
        let countries: BTreeSet<String> = p.programme_countries.iter().cloned().collect();
        let slug = projects.taken.free(&p.slug);
        let row = project::ActiveModel {
            id: NotSet,
            slug: Set(slug),
            title: Set(p.title.clone()),
            problem: Set(p.problem.clone()),
            objectives: Set(p.objectives.clone()),
            activities: Set(p.activities.clone()),
            status: Set(status.code().to_owned()),
            drop_reason: Set(p.drop_reason.clone()),
            visibility: Set(ProjectVisibility::Public.code().to_owned()),
            lead_municipality_id: Set(lead),
            event_id: Set(event_id),
            session_id: Set(session_id),
            dilemma_id: Set(dilemma_id),
            programme: Set(p.programme.clone()),
            programme_countries: Set(crate::projects::codes_column(&countries)),
            partners_sought: Set(p.partners_sought.clone()),
            version: Set(p.version.max(1)),
            illustrative: Set(p.illustrative),
            created_by: Set(None),
            created_at: Set(p.created_at),
            updated_at: Set(p.updated_at),
        }
        .insert(tx)
        .await?;
        for t in &theme_ids {
            project_theme::ActiveModel {
                project_id: Set(row.id),
                theme_id: Set(*t),
            }
            .insert(tx)
            .await?;
        }
        for e in &followups {
            followup::ActiveModel {
                project_id: Set(row.id),
                event_id: Set(*e),
            }
            .insert(tx)
            .await?;
        }
        let mut partners_seen = HashSet::new();
        for r in &p.partners {
            let m = dir.munis.id("municipality", &r.municipality)?;
            if !partners_seen.insert(m) {
                continue;
            }
            PartnershipStatus::from_code(&r.status).ok_or_else(|| invalid("partner status"))?;
            partner::ActiveModel {
                project_id: Set(row.id),
                municipality_id: Set(m),
                status: Set(r.status.clone()),
                updated_at: Set(r.updated_at),
            }
            .insert(tx)
            .await?;
        }
        for h in &p.history {
            PartnerStep::from_code(&h.step).ok_or_else(|| invalid("partnership step"))?;
            partner_step::ActiveModel {
                id: NotSet,
                project_id: Set(row.id),
                municipality_id: Set(dir.munis.id("municipality", &h.municipality)?),
                step: Set(h.step.clone()),
                person_id: Set(None),
                person_name: Set(h.person.clone()),
                at: Set(h.at),
            }
            .insert(tx)
            .await?;
        }
        // Its history starts here: one version, as it came.
        project_version::ActiveModel {
            id: NotSet,
            project_id: Set(row.id),
            number: Set(row.version),
            snapshot: Set(ProjectSnapshot {
                title: p.title.clone(),
                problem: p.problem.clone(),
                objectives: p.objectives.clone(),
                activities: p.activities.clone(),
                themes: theme_ids.iter().copied().collect(),
                event_id,
                session_id,
                dilemma_id,
                followups: followups.iter().copied().collect(),
                lead_municipality_id: lead,
                visibility: ProjectVisibility::Public,
                programme: p.programme.clone(),
                programme_countries: countries,
                partners_sought: p.partners_sought.clone(),
                status,
                drop_reason: p.drop_reason.clone(),
            }),
            author_id: Set(None),
            created_at: Set(run.now),
        }
        .insert(tx)
        .await?;
        projects.ids.insert(p.slug.clone(), row.id);
        run.created("project", &p.slug, row.id, Some("project"))
            .await?;
    }
    Ok(projects.ids)
}

/// The action plans of the ideas (version 2), keyed by their idea: a plan
/// already imported, or one the idea has here, is kept.
async fn import_plans(
    run: &mut Run<'_>,
    doc: &Document,
    dir: &Directory,
    events: &HashMap<String, i32>,
    projects: &HashMap<String, i32>,
) -> Result<(), ExchangeError> {
    let tx = run.tx;
    let kind = crate::plans::OwnerKind::Project.code();
    let owners: Vec<i32> = projects.values().copied().collect();
    let has_plan: HashSet<i32> = if owners.is_empty() {
        HashSet::new()
    } else {
        plan::Entity::find()
            .filter(plan::Column::OwnerKind.eq(kind))
            .filter(plan::Column::OwnerId.is_in(owners))
            .select_only()
            .column(plan::Column::OwnerId)
            .into_tuple::<i32>()
            .all(tx)
            .await?
            .into_iter()
            .collect()
    };
    for pl in &doc.plans {
        let owner = *projects
            .get(&pl.owner)
            .ok_or_else(|| ExchangeError::Invalid(format!("unknown project {:?}", pl.owner)))?;
        if run.before("plan", &pl.owner).is_some() || has_plan.contains(&owner) {
            run.kept("plan");
            continue;
        }
        let row = plan::ActiveModel {
            owner_kind: Set(kind.to_owned()),
            owner_id: Set(owner),
            municipality_id: Set(dir.munis.id("municipality", &pl.municipality)?),
            title: Set(pl.title.clone()),
            illustrative: Set(pl.illustrative),
            created_by: Set(None),
            created_at: Set(pl.created_at),
            updated_at: Set(pl.updated_at),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        for s in &pl.steps {
            crate::plans::StepStatus::from_code(&s.status).ok_or_else(|| {
                ExchangeError::Invalid(format!("plan of {}: step status", pl.owner))
            })?;
            plan_step::ActiveModel {
                plan_id: Set(row.id),
                title: Set(s.title.clone()),
                owner_text: Set(s.owner_text.clone()),
                owner_municipality_id: Set(dir
                    .munis
                    .opt("municipality", s.owner_municipality.as_ref())?),
                starts_on: Set(s.starts_on),
                due_on: Set(s.due_on),
                status: Set(s.status.clone()),
                percent: Set(s.percent.clamp(0, 100)),
                weight: Set(s.weight.max(0)),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        for m in &pl.milestones {
            plan_milestone::ActiveModel {
                plan_id: Set(row.id),
                title: Set(m.title.clone()),
                due_on: Set(m.due_on),
                reached_on: Set(m.reached_on),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        for i in &pl.indicators {
            let indicator = plan_indicator::ActiveModel {
                plan_id: Set(row.id),
                name: Set(i.name.clone()),
                unit: Set(i.unit.clone()),
                baseline_value: Set(i.baseline_value),
                baseline_on: Set(i.baseline_on),
                target_value: Set(i.target_value),
                target_on: Set(i.target_on),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            for m in &i.measurements {
                plan_measurement::ActiveModel {
                    indicator_id: Set(indicator.id),
                    measured_on: Set(m.measured_on),
                    value: Set(m.value),
                    source: Set(m.source.clone()),
                    recorded_by: Set(None),
                    recorded_at: Set(m.recorded_at),
                    ..Default::default()
                }
                .insert(tx)
                .await?;
            }
        }
        let mut seen = HashSet::new();
        for e in &pl.events {
            let id = *events
                .get(e)
                .ok_or_else(|| ExchangeError::Invalid(format!("unknown event {e:?}")))?;
            if !seen.insert(id) {
                continue;
            }
            plan_event::ActiveModel {
                plan_id: Set(row.id),
                event_id: Set(id),
            }
            .insert(tx)
            .await?;
        }
        run.created("plan", &pl.owner, row.id, Some("plan")).await?;
    }
    Ok(())
}
