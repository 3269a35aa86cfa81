//! The public network as one [`Document`]: what a visitor may see, chosen by
//! the activities' own visibility rules (the visibilities a visitor may view,
//! published practices and compendiums, the dilemmas `readable` lets a
//! visitor read, contributions not hidden by moderation). One query per
//! table, whatever the size of the network.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::ExchangeError;
use super::document::*;
use crate::accounts::person;
use crate::consultations::entities::{contribution, dilemma, dilemma_theme};
use crate::directory::entities::{
    contact, country, municipality, municipality_theme, organisation, organisation_theme, theme,
};
use crate::events::entities::{
    event, event_material, event_organisation, event_practice, event_series, event_session,
    event_theme, session_person,
};
use crate::library::PracticeStatus;
use crate::library::entities::{
    compendium, compendium_chapter, compendium_entry, file_object, practice, practice_attachment,
    practice_resource, practice_theme, resource, resource_country, resource_organisation,
    resource_theme, resource_version,
};

/// Pairs of (owner id, other id) read from a link table, grouped by owner.
fn group<K: Ord + Copy, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, Vec<V>> {
    let mut m: BTreeMap<K, Vec<V>> = BTreeMap::new();
    for (k, v) in pairs {
        m.entry(k).or_default().push(v);
    }
    m
}

/// Keys of the ids given, in the order the database reads the link rows
/// (the order pages show them in; an import writes them in that order),
/// repeated and unknown ids left out.
fn keys(ids: Option<&Vec<i32>>, names: &HashMap<i32, String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    ids.into_iter()
        .flatten()
        .filter(|id| seen.insert(**id))
        .filter_map(|id| names.get(id).cloned())
        .collect()
}

/// Write what a visitor of `network` (its public address) may see.
pub async fn export_public<C: ConnectionTrait>(
    db: &C,
    network: &str,
    exported_at: DateTime<Utc>,
) -> Result<Document, ExchangeError> {
    let network = network.trim_end_matches('/').to_owned();
    let file_url = |sha: &str, name: &str| {
        format!(
            "{network}/files/{sha}/{}",
            url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()
        )
    };
    let visible = crate::library::visible_codes(None);

    // Directory.
    let themes = theme::Entity::find()
        .order_by_asc(theme::Column::Id)
        .all(db)
        .await?;
    let theme_slug: HashMap<i32, String> = themes.iter().map(|t| (t.id, t.slug.clone())).collect();
    let munis = municipality::Entity::find()
        .order_by_asc(municipality::Column::Id)
        .all(db)
        .await?;
    let muni_slug: HashMap<i32, String> = munis.iter().map(|m| (m.id, m.slug.clone())).collect();
    let orgs = organisation::Entity::find()
        .order_by_asc(organisation::Column::Id)
        .all(db)
        .await?;
    let org_slug: HashMap<i32, String> = orgs.iter().map(|o| (o.id, o.slug.clone())).collect();
    let muni_themes = group(
        municipality_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.municipality_id, r.theme_id)),
    );
    let contacts = group(
        contact::Entity::find()
            .order_by_asc(contact::Column::SortOrder)
            .order_by_asc(contact::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.municipality_id, c)),
    );
    let org_themes = group(
        organisation_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.organisation_id, r.theme_id)),
    );
    let mut countries_used: BTreeSet<String> = BTreeSet::new();

    // Library: public documents, published practices and compendiums.
    let resources = resource::Entity::find()
        .filter(resource::Column::Visibility.is_in(visible.clone()))
        .order_by_asc(resource::Column::Id)
        .all(db)
        .await?;
    let res_slug: HashMap<i32, String> = resources.iter().map(|r| (r.id, r.slug.clone())).collect();
    let practices = practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
        .order_by_asc(practice::Column::Id)
        .all(db)
        .await?;
    let prac_slug: HashMap<i32, String> =
        practices.iter().map(|p| (p.id, p.slug.clone())).collect();
    let res_themes = group(
        resource_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.resource_id, r.theme_id)),
    );
    let res_countries = group(
        resource_country::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.resource_id, r.country_code)),
    );
    let res_orgs = group(
        resource_organisation::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.resource_id, r.organisation_id)),
    );
    let res_versions = group(
        resource_version::Entity::find()
            .order_by_asc(resource_version::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|v| (v.resource_id, v)),
    );
    let files: HashMap<String, file_object::Model> = file_object::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.sha256.clone(), f))
        .collect();
    let file_of = |sha: Option<&String>, name: Option<&String>| {
        sha.map(|sha| {
            let name = name.cloned().unwrap_or_else(|| sha.clone());
            let stored = files.get(sha);
            File {
                url: file_url(sha, &name),
                sha256: sha.clone(),
                name,
                kind: stored.map(|f| f.kind.clone()),
                size: stored.map(|f| f.size),
            }
        })
    };
    let prac_themes = group(
        practice_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.practice_id, r.theme_id)),
    );
    let prac_res = group(
        practice_resource::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.practice_id, r.resource_id)),
    );
    let prac_att = group(
        practice_attachment::Entity::find()
            .order_by_asc(practice_attachment::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.practice_id, a)),
    );

    let mut out_resources = Vec::with_capacity(resources.len());
    for r in &resources {
        let mut countries: Vec<String> = Vec::new();
        for c in res_countries.get(&r.id).into_iter().flatten() {
            if !countries.contains(c) {
                countries.push(c.clone());
            }
        }
        countries_used.extend(countries.iter().cloned());
        out_resources.push(Resource {
            slug: r.slug.clone(),
            kind: r.kind.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            authors: r.authors.clone(),
            year: r.year,
            month: r.month,
            licence: r.licence.clone(),
            created_at: r.created_at,
            updated_at: r.updated_at,
            themes: keys(res_themes.get(&r.id), &theme_slug),
            countries,
            organisations: keys(res_orgs.get(&r.id), &org_slug),
            versions: res_versions
                .get(&r.id)
                .into_iter()
                .flatten()
                .map(|v| ResourceVersion {
                    lang: v.lang.clone(),
                    title: v.title.clone(),
                    url: v.url.clone(),
                    file: file_of(v.file_sha256.as_ref(), v.file_name.as_ref()),
                })
                .collect(),
        });
    }

    let mut out_practices = Vec::with_capacity(practices.len());
    for p in &practices {
        let mut content = p.content.clone();
        // Only members see the contact's address on the practice's page.
        content.contact_email = String::new();
        countries_used.extend(p.country_code.iter().cloned());
        out_practices.push(Practice {
            slug: p.slug.clone(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            municipality: p.municipality_id.and_then(|m| muni_slug.get(&m).cloned()),
            organisation: p.organisation_id.and_then(|o| org_slug.get(&o).cloned()),
            country: p.country_code.clone(),
            year: p.year,
            content,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
            published_at: p.published_at,
            last_verified: p.last_verified,
            themes: keys(prac_themes.get(&p.id), &theme_slug),
            resources: keys(prac_res.get(&p.id), &res_slug),
            attachments: prac_att
                .get(&p.id)
                .into_iter()
                .flatten()
                .map(|a| Attachment {
                    lang: a.lang.clone(),
                    label: a.label.clone(),
                    url: a.url.clone(),
                    file: file_of(a.file_sha256.as_ref(), a.file_name.as_ref()),
                })
                .collect(),
        });
    }

    let compendiums = compendium::Entity::find()
        .filter(compendium::Column::Status.eq("published"))
        .order_by_asc(compendium::Column::Id)
        .all(db)
        .await?;
    let chapters = group(
        compendium_chapter::Entity::find()
            .order_by_asc(compendium_chapter::Column::Position)
            .order_by_asc(compendium_chapter::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.compendium_id, c)),
    );
    let entries = group(
        compendium_entry::Entity::find()
            .order_by_asc(compendium_entry::Column::Position)
            .order_by_asc(compendium_entry::Column::PracticeId)
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.chapter_id, e.practice_id)),
    );
    let out_compendiums = compendiums
        .iter()
        .map(|c| Compendium {
            slug: c.slug.clone(),
            title: c.title.clone(),
            subtitle: c.subtitle.clone(),
            introduction: c.introduction.clone(),
            year: c.year,
            edition: c.edition.clone(),
            publisher: c.publisher.clone(),
            created_at: c.created_at,
            updated_at: c.updated_at,
            published_at: c.published_at,
            chapters: chapters
                .get(&c.id)
                .into_iter()
                .flatten()
                .map(|ch| Chapter {
                    title: ch.title.clone(),
                    introduction: ch.introduction.clone(),
                    theme: ch.theme_id.and_then(|t| theme_slug.get(&t).cloned()),
                    practices: entries
                        .get(&ch.id)
                        .into_iter()
                        .flatten()
                        .filter_map(|p| prac_slug.get(p).cloned())
                        .collect(),
                })
                .collect(),
        })
        .collect();

    // Events the visitor may see, with their programme and outcomes.
    let series = event_series::Entity::find()
        .order_by_asc(event_series::Column::Id)
        .all(db)
        .await?;
    let series_slug: HashMap<i32, String> = series.iter().map(|s| (s.id, s.slug.clone())).collect();
    let events = event::Entity::find()
        .filter(event::Column::Visibility.is_in(visible.clone()))
        .order_by_asc(event::Column::Id)
        .all(db)
        .await?;
    let event_slug: HashMap<i32, String> = events.iter().map(|e| (e.id, e.slug.clone())).collect();
    let ev_themes = group(
        event_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.event_id, r.theme_id)),
    );
    let ev_orgs = group(
        event_organisation::Entity::find()
            .order_by_asc(event_organisation::Column::Position)
            .order_by_asc(event_organisation::Column::OrganisationId)
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.event_id, r)),
    );
    let ev_prac = group(
        event_practice::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.event_id, r.practice_id)),
    );
    let sessions = group(
        event_session::Entity::find()
            .order_by_asc(event_session::Column::Day)
            .order_by_asc(event_session::Column::Position)
            .order_by_asc(event_session::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.event_id, s)),
    );
    let people = group(
        session_person::Entity::find()
            .order_by_asc(session_person::Column::Position)
            .order_by_asc(session_person::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.session_id, p)),
    );
    let materials = group(
        event_material::Entity::find()
            .order_by_asc(event_material::Column::Position)
            .order_by_asc(event_material::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.event_id, m)),
    );

    // Dilemmas a visitor may read, and their visible contributions.
    let dilemmas = dilemma::Entity::find()
        .filter(crate::consultations::rules::readable(None))
        .order_by_asc(dilemma::Column::Id)
        .all(db)
        .await?;
    let dilemma_slug: HashMap<i32, String> =
        dilemmas.iter().map(|d| (d.id, d.slug.clone())).collect();
    let dil_themes = group(
        dilemma_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.dilemma_id, r.theme_id)),
    );
    let contributions = group(
        contribution::Entity::find()
            .filter(contribution::Column::Hidden.eq(false))
            .order_by_asc(contribution::Column::Position)
            .order_by_asc(contribution::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(|c| dilemma_slug.contains_key(&c.dilemma_id))
            .map(|c| (c.dilemma_id, c)),
    );

    // The names public pages show for people with an account.
    let mut person_ids: BTreeSet<i32> = BTreeSet::new();
    for e in &events {
        for s in sessions.get(&e.id).into_iter().flatten() {
            for p in people.get(&s.id).into_iter().flatten() {
                person_ids.extend(p.person_id);
            }
        }
    }
    for d in &dilemmas {
        person_ids.extend(d.presenter_id);
        for c in contributions.get(&d.id).into_iter().flatten() {
            person_ids.extend(c.author_id);
        }
    }
    let names: HashMap<i32, String> = if person_ids.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.display_name))
            .collect()
    };

    // Sessions keyed by their index in their event's list.
    let mut session_index: HashMap<i32, usize> = HashMap::new();
    let mut out_events = Vec::with_capacity(events.len());
    for e in &events {
        let list = sessions.get(&e.id).map(Vec::as_slice).unwrap_or_default();
        for (i, s) in list.iter().enumerate() {
            session_index.insert(s.id, i);
        }
        countries_used.extend(e.country_code.iter().cloned());
        out_events.push(Event {
            slug: e.slug.clone(),
            series: e.series_id.and_then(|s| series_slug.get(&s).cloned()),
            kind: e.kind.clone(),
            status: e.status.clone(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            context: e.context.clone(),
            objectives: e.objectives.clone(),
            expected_results: e.expected_results.clone(),
            audience: e.audience.clone(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            date_approximate: e.date_approximate,
            timezone: e.timezone.clone(),
            city: e.city.clone(),
            country: e.country_code.clone(),
            address: e.address.clone(),
            online: e.online,
            languages: e.languages.clone(),
            interpretation: e.interpretation.clone(),
            capacity: e.capacity,
            needs_approval: e.needs_approval,
            registration_opens: e.registration_opens,
            registration_closes: e.registration_closes,
            questions: e.questions.clone(),
            report: e.report_id.and_then(|r| res_slug.get(&r).cloned()),
            takeaways: e.takeaways.clone(),
            figures: e.figures.clone(),
            created_at: e.created_at,
            updated_at: e.updated_at,
            themes: keys(ev_themes.get(&e.id), &theme_slug),
            organisations: ev_orgs
                .get(&e.id)
                .into_iter()
                .flatten()
                .filter_map(|o| {
                    Some(EventOrganisation {
                        organisation: org_slug.get(&o.organisation_id)?.clone(),
                        role: o.role.clone(),
                        position: o.position,
                    })
                })
                .collect(),
            practices: keys(ev_prac.get(&e.id), &prac_slug),
            sessions: list
                .iter()
                .map(|s| Session {
                    parent: s
                        .parent_id
                        .and_then(|p| list.iter().position(|x| x.id == p)),
                    day: s.day,
                    position: s.position,
                    kind: s.kind.clone(),
                    title: s.title.clone(),
                    objectives: s.objectives.clone(),
                    starts: s.starts.clone(),
                    ends: s.ends.clone(),
                    people: people
                        .get(&s.id)
                        .into_iter()
                        .flatten()
                        .map(|p| SessionPerson {
                            role: p.role.clone(),
                            name: p
                                .person_id
                                .and_then(|id| names.get(&id).cloned())
                                .or_else(|| p.name.clone()),
                            organisation: p.organisation_id.and_then(|o| org_slug.get(&o).cloned()),
                            affiliation: p.affiliation.clone(),
                        })
                        .collect(),
                })
                .collect(),
            materials: materials
                .get(&e.id)
                .into_iter()
                .flatten()
                .filter_map(|m| {
                    Some(Material {
                        session: m
                            .session_id
                            .and_then(|s| list.iter().position(|x| x.id == s)),
                        resource: res_slug.get(&m.resource_id)?.clone(),
                        position: m.position,
                    })
                })
                .collect(),
        });
    }

    let mut out_dilemmas = Vec::with_capacity(dilemmas.len());
    for d in &dilemmas {
        countries_used.extend(d.country_code.iter().cloned());
        let event = d.event_id.and_then(|e| event_slug.get(&e).cloned());
        out_dilemmas.push(Dilemma {
            slug: d.slug.clone(),
            status: d.status.clone(),
            question: d.question.clone(),
            information: d.information.clone(),
            result: d.result.clone(),
            presenter_name: d
                .presenter_id
                .and_then(|id| names.get(&id).cloned())
                .or_else(|| d.presenter_name.clone()),
            affiliation: d.affiliation.clone(),
            municipality: d.municipality_id.and_then(|m| muni_slug.get(&m).cloned()),
            organisation: d.organisation_id.and_then(|o| org_slug.get(&o).cloned()),
            city: d.city.clone(),
            country: d.country_code.clone(),
            help_sought: d.help_sought.clone(),
            languages: d.languages.clone(),
            session: event
                .as_ref()
                .and(d.session_id)
                .and_then(|s| session_index.get(&s).copied()),
            event,
            position: d.position,
            joint_with: d.joint_with.and_then(|j| dilemma_slug.get(&j).cloned()),
            period_days: d.period_days,
            opens_at: d.opens_at,
            closes_at: d.closes_at,
            ideas_open_at: d.ideas_open_at,
            concluded_at: d.concluded_at,
            created_at: d.created_at,
            updated_at: d.updated_at,
            themes: keys(dil_themes.get(&d.id), &theme_slug),
            contributions: contributions
                .get(&d.id)
                .into_iter()
                .flatten()
                .map(|c| Contribution {
                    kind: c.kind.clone(),
                    body: c.body.clone(),
                    author_name: c
                        .author_id
                        .and_then(|id| names.get(&id).cloned())
                        .or_else(|| c.author_name.clone()),
                    practice: c.practice_id.and_then(|p| prac_slug.get(&p).cloned()),
                    resource: c.resource_id.and_then(|r| res_slug.get(&r).cloned()),
                    url: c.url.clone(),
                    answer: c.answer.clone(),
                    answered_at: c.answered_at,
                    helped: c.helped,
                    position: c.position,
                    created_at: c.created_at,
                })
                .collect(),
        });
    }

    let (out_projects, out_plans) = projects_and_plans(
        db,
        &Keyed {
            themes: &theme_slug,
            municipalities: &muni_slug,
            events: &event_slug,
            sessions: &session_index,
            dilemmas: &dilemma_slug,
        },
        &mut countries_used,
    )
    .await?;

    let out_munis = munis
        .iter()
        .map(|m| {
            countries_used.insert(m.country_code.clone());
            Municipality {
                slug: m.slug.clone(),
                kind: m.kind.clone(),
                name: m.name.clone(),
                country: m.country_code.clone(),
                region: m.region.clone(),
                population: m.population,
                population_year: m.population_year,
                refugees_hosted: m.refugees_hosted,
                refugees_year: m.refugees_year,
                member_since: m.member_since,
                latitude_micro: m.latitude_micro,
                longitude_micro: m.longitude_micro,
                profile: m.profile.clone(),
                themes: keys(muni_themes.get(&m.id), &theme_slug),
                // Names and positions as the page shows them; the
                // addresses are not shown to visitors.
                contacts: contacts
                    .get(&m.id)
                    .into_iter()
                    .flatten()
                    .map(|c| Contact {
                        name: c.name.clone(),
                        position: c.position.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let out_orgs = orgs
        .iter()
        .map(|o| {
            countries_used.extend(o.country_code.iter().cloned());
            Organisation {
                slug: o.slug.clone(),
                acronym: o.acronym.clone(),
                kind: o.kind.clone(),
                country: o.country_code.clone(),
                website: o.website.clone(),
                name: o.name.clone(),
                description: o.description.clone(),
                themes: keys(org_themes.get(&o.id), &theme_slug),
            }
        })
        .collect();
    let countries = if countries_used.is_empty() {
        Vec::new()
    } else {
        country::Entity::find()
            .filter(country::Column::Code.is_in(countries_used))
            .order_by_asc(country::Column::Code)
            .all(db)
            .await?
            .into_iter()
            .map(|c| Country {
                code: c.code,
                alpha3: c.alpha3,
                name: c.name,
            })
            .collect()
    };

    Ok(Document {
        format: FORMAT.to_owned(),
        version: VERSION,
        source: super::document::Source {
            network,
            exported_at,
        },
        files: "link".to_owned(),
        themes: themes
            .into_iter()
            .map(|t| Theme {
                slug: t.slug,
                label: t.label,
                position: t.position,
            })
            .collect(),
        countries,
        municipalities: out_munis,
        organisations: out_orgs,
        series: series
            .into_iter()
            .map(|s| Series {
                slug: s.slug,
                title: s.title,
                summary: s.summary,
            })
            .collect(),
        resources: out_resources,
        practices: out_practices,
        compendiums: out_compendiums,
        events: out_events,
        dilemmas: out_dilemmas,
        projects: out_projects,
        plans: out_plans,
    })
}

/// The keys (slugs) of what the document holds, by local id.
struct Keyed<'a> {
    themes: &'a HashMap<i32, String>,
    municipalities: &'a HashMap<i32, String>,
    /// Events in the document.
    events: &'a HashMap<i32, String>,
    /// Sessions of those events: their index in their event's list.
    sessions: &'a HashMap<i32, usize>,
    /// Dilemmas in the document.
    dilemmas: &'a HashMap<i32, String>,
}

/// The project ideas a visitor may read, and their action plans: the ideas
/// the projects activity's `readable` lets a visitor see, each confirmed by
/// the policy (`ViewProject`), and the plans of those ideas the policy lets
/// a visitor read (`ViewPlan`, the owner being visible). One query per table.
async fn projects_and_plans<C: ConnectionTrait>(
    db: &C,
    keyed: &Keyed<'_>,
    countries_used: &mut BTreeSet<String>,
) -> Result<(Vec<Project>, Vec<Plan>), ExchangeError> {
    use crate::plans::entities::{indicator, measurement, milestone, plan, plan_event, step};
    use crate::policy::{Action, PlanRef, can};
    use crate::projects::entities::{followup, partner, partner_step, project, project_theme};

    let partners = group(
        partner::Entity::find()
            .order_by_asc(partner::Column::UpdatedAt)
            .order_by_asc(partner::Column::MunicipalityId)
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.project_id, p)),
    );
    let projects: Vec<project::Model> = project::Entity::find()
        .filter(crate::projects::rules::readable(None))
        .order_by_asc(project::Column::Id)
        .all(db)
        .await?
        .into_iter()
        // The lead is a municipality (a foreign key): always in the document.
        .filter(|p| keyed.municipalities.contains_key(&p.lead_municipality_id))
        .filter(|p| {
            let rows = partners.get(&p.id).map(Vec::as_slice).unwrap_or_default();
            can(
                None,
                Action::ViewProject(crate::projects::rules::project_ref(p, None, &[], rows)),
            )
        })
        .collect();
    if projects.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let project_slug: HashMap<i32, String> =
        projects.iter().map(|p| (p.id, p.slug.clone())).collect();
    let themes = group(
        project_theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.project_id, r.theme_id)),
    );
    let followups = group(
        followup::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.project_id, r.event_id)),
    );
    let steps = group(
        partner_step::Entity::find()
            .order_by_asc(partner_step::Column::At)
            .order_by_asc(partner_step::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.project_id, s)),
    );
    let step_people: BTreeSet<i32> = steps
        .iter()
        .filter(|(p, _)| project_slug.contains_key(p))
        .flat_map(|(_, s)| s.iter().filter_map(|s| s.person_id))
        .collect();
    let names: HashMap<i32, String> = if step_people.is_empty() {
        HashMap::new()
    } else {
        crate::accounts::person::Entity::find()
            .filter(crate::accounts::person::Column::Id.is_in(step_people))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.display_name))
            .collect()
    };
    let muni = |id: i32| keyed.municipalities.get(&id).cloned();
    let mut out_projects = Vec::with_capacity(projects.len());
    for p in &projects {
        let programme_countries: Vec<String> = crate::projects::codes_of(&p.programme_countries)
            .into_iter()
            .collect();
        countries_used.extend(programme_countries.iter().cloned());
        countries_used.extend(p.partners_sought.0.iter().filter_map(|s| s.country.clone()));
        let event = p.event_id.and_then(|e| keyed.events.get(&e).cloned());
        let lead = muni(p.lead_municipality_id).unwrap_or_default();
        out_projects.push(Project {
            slug: p.slug.clone(),
            title: p.title.clone(),
            problem: p.problem.clone(),
            objectives: p.objectives.clone(),
            activities: p.activities.clone(),
            status: p.status.clone(),
            drop_reason: p.drop_reason.clone(),
            lead,
            session: event
                .as_ref()
                .and(p.session_id)
                .and_then(|s| keyed.sessions.get(&s).copied()),
            event,
            dilemma: p.dilemma_id.and_then(|d| keyed.dilemmas.get(&d).cloned()),
            programme: p.programme.clone(),
            programme_countries,
            partners_sought: p.partners_sought.clone(),
            version: p.version,
            illustrative: p.illustrative,
            created_at: p.created_at,
            updated_at: p.updated_at,
            themes: keys(themes.get(&p.id), keyed.themes),
            followups: keys(followups.get(&p.id), keyed.events),
            partners: partners
                .get(&p.id)
                .into_iter()
                .flatten()
                .filter_map(|r| {
                    Some(Partner {
                        municipality: muni(r.municipality_id)?,
                        status: r.status.clone(),
                        updated_at: r.updated_at,
                    })
                })
                .collect(),
            history: steps
                .get(&p.id)
                .into_iter()
                .flatten()
                .filter_map(|s| {
                    Some(PartnerHistory {
                        municipality: muni(s.municipality_id)?,
                        step: s.step.clone(),
                        person: s
                            .person_id
                            .and_then(|id| names.get(&id).cloned())
                            .or_else(|| s.person_name.clone()),
                        at: s.at,
                    })
                })
                .collect(),
        });
    }

    // Plans of those ideas, as a visitor may read them.
    let project_kind = crate::plans::OwnerKind::Project.code();
    let lead_of: HashMap<i32, i32> = projects
        .iter()
        .map(|p| (p.id, p.lead_municipality_id))
        .collect();
    let plans: Vec<plan::Model> = plan::Entity::find()
        .filter(plan::Column::OwnerKind.eq(project_kind))
        .filter(plan::Column::OwnerId.is_in(project_slug.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(plan::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|pl| {
            // The owner is visible to a visitor (it is in the document);
            // its lead and the plan's municipality edit it.
            let Some(lead) = lead_of.get(&pl.owner_id) else {
                return false;
            };
            let editors = [*lead, pl.municipality_id];
            can(
                None,
                Action::ViewPlan(PlanRef::for_actor(None, true, &editors)),
            )
        })
        .collect();
    if plans.is_empty() {
        return Ok((out_projects, Vec::new()));
    }
    let plan_ids: Vec<i32> = plans.iter().map(|p| p.id).collect();
    let plan_steps = group(
        step::Entity::find()
            .filter(step::Column::PlanId.is_in(plan_ids.clone()))
            .order_by_asc(step::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.plan_id, s)),
    );
    let milestones = group(
        milestone::Entity::find()
            .filter(milestone::Column::PlanId.is_in(plan_ids.clone()))
            .order_by_asc(milestone::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.plan_id, m)),
    );
    let indicators = group(
        indicator::Entity::find()
            .filter(indicator::Column::PlanId.is_in(plan_ids.clone()))
            .order_by_asc(indicator::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|i| (i.plan_id, i)),
    );
    let indicator_ids: Vec<i32> = indicators.values().flatten().map(|i| i.id).collect();
    let measurements = if indicator_ids.is_empty() {
        BTreeMap::new()
    } else {
        group(
            measurement::Entity::find()
                .filter(measurement::Column::IndicatorId.is_in(indicator_ids))
                .order_by_asc(measurement::Column::Id)
                .all(db)
                .await?
                .into_iter()
                .map(|m| (m.indicator_id, m)),
        )
    };
    let plan_events = group(
        plan_event::Entity::find()
            .filter(plan_event::Column::PlanId.is_in(plan_ids))
            .order_by_asc(plan_event::Column::EventId)
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.plan_id, e.event_id)),
    );
    let out_plans = plans
        .iter()
        .filter_map(|pl| {
            Some(Plan {
                owner_kind: project_kind.to_owned(),
                owner: project_slug.get(&pl.owner_id)?.clone(),
                municipality: muni(pl.municipality_id)?,
                title: pl.title.clone(),
                illustrative: pl.illustrative,
                created_at: pl.created_at,
                updated_at: pl.updated_at,
                steps: plan_steps
                    .get(&pl.id)
                    .into_iter()
                    .flatten()
                    .map(|s| PlanStep {
                        title: s.title.clone(),
                        owner_text: s.owner_text.clone(),
                        owner_municipality: s.owner_municipality_id.and_then(muni),
                        starts_on: s.starts_on,
                        due_on: s.due_on,
                        status: s.status.clone(),
                        percent: s.percent,
                        weight: s.weight,
                    })
                    .collect(),
                milestones: milestones
                    .get(&pl.id)
                    .into_iter()
                    .flatten()
                    .map(|m| PlanMilestone {
                        title: m.title.clone(),
                        due_on: m.due_on,
                        reached_on: m.reached_on,
                    })
                    .collect(),
                indicators: indicators
                    .get(&pl.id)
                    .into_iter()
                    .flatten()
                    .map(|i| PlanIndicator {
                        name: i.name.clone(),
                        unit: i.unit.clone(),
                        baseline_value: i.baseline_value,
                        baseline_on: i.baseline_on,
                        target_value: i.target_value,
                        target_on: i.target_on,
                        measurements: measurements
                            .get(&i.id)
                            .into_iter()
                            .flatten()
                            .map(|m| PlanMeasurement {
                                measured_on: m.measured_on,
                                value: m.value,
                                source: m.source.clone(),
                                recorded_at: m.recorded_at,
                            })
                            .collect(),
                    })
                    .collect(),
                events: keys(plan_events.get(&pl.id), keyed.events),
            })
        })
        .collect();
    Ok((out_projects, out_plans))
}
