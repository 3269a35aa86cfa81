//! Peer suggestions: who in the network could help with a dilemma, and why.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::accounts::person;
use crate::consultations::entities::{dilemma, dilemma_participant, dilemma_theme};
use crate::directory::entities::{municipality, organisation};
use crate::i18n::TrText;
use crate::library::PracticeStatus;
use crate::library::entities::practice;

/// Someone Majlis suggests inviting to a dilemma, and why.
#[derive(Clone, Debug)]
pub struct Suggestion {
    pub person_id: i32,
    pub name: String,
    /// Fluent id of the reason.
    pub reason: &'static str,
    /// What the reason names (a municipality, a practice…), in the reader's language.
    pub detail: String,
    pub shared_themes: usize,
}

/// Peers to invite: members whose municipality shares the dilemma's themes,
/// experts whose organisation works on them, and authors of related
/// practices (found by the search index from the dilemma's question), best
/// first, without those already taking part. A bounded number of queries.
pub async fn suggestions<C: ConnectionTrait>(
    db: &C,
    d: &dilemma::Model,
    related_practices: &[i32],
    reader: crate::i18n::Locale,
    limit: usize,
) -> Result<Vec<Suggestion>, DbErr> {
    let theme_ids: HashSet<i32> = dilemma_theme::Entity::find()
        .filter(dilemma_theme::Column::DilemmaId.eq(d.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let mut taken: HashSet<i32> = dilemma_participant::Entity::find()
        .filter(dilemma_participant::Column::DilemmaId.eq(d.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.person_id)
        .collect();
    taken.extend(d.presenter_id);
    taken.extend(d.created_by);
    let pool = Pool::load(db, &theme_ids, related_practices).await?;
    let mut out = pool.rank(&taken, theme_ids.len(), reader);
    out.truncate(limit);
    Ok(out)
}

/// Who suggestions are drawn from, and why each may be named.
pub(super) struct Pool {
    /// Per municipality (and organisation), how many of the dilemma's
    /// themes it works on.
    by_muni: HashMap<i32, usize>,
    by_org: HashMap<i32, usize>,
    munis: HashMap<i32, TrText>,
    orgs: HashMap<i32, TrText>,
    /// Related practices, published.
    related: Vec<practice::Model>,
    affiliations: Vec<crate::accounts::affiliation::Model>,
    /// Active people among those the reasons can name.
    people: HashMap<i32, person::Model>,
}

impl Pool {
    pub(super) async fn load<C: ConnectionTrait>(
        db: &C,
        theme_ids: &HashSet<i32>,
        related_practices: &[i32],
    ) -> Result<Self, DbErr> {
        use crate::directory::entities::{municipality_theme, organisation_theme};
        let mut by_muni: HashMap<i32, usize> = HashMap::new();
        let mut by_org: HashMap<i32, usize> = HashMap::new();
        if !theme_ids.is_empty() {
            for t in municipality_theme::Entity::find()
                .filter(municipality_theme::Column::ThemeId.is_in(theme_ids.clone()))
                .all(db)
                .await?
            {
                *by_muni.entry(t.municipality_id).or_insert(0) += 1;
            }
            for t in organisation_theme::Entity::find()
                .filter(organisation_theme::Column::ThemeId.is_in(theme_ids.clone()))
                .all(db)
                .await?
            {
                *by_org.entry(t.organisation_id).or_insert(0) += 1;
            }
        }
        let (munis, orgs) = place_names(db, &by_muni, &by_org).await?;
        let related: Vec<practice::Model> = if related_practices.is_empty() {
            Vec::new()
        } else {
            practice::Entity::find()
                .filter(practice::Column::Id.is_in(related_practices.to_vec()))
                .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
                .all(db)
                .await?
        };
        let (affiliations, people) = people_of(db, &by_muni, &by_org, &related).await?;
        Ok(Pool {
            by_muni,
            by_org,
            munis,
            orgs,
            related,
            affiliations,
            people,
        })
    }

    /// Each person once, with their best reason (most shared themes, a
    /// practice before a place), best first, none of `taken`.
    pub(super) fn rank(
        &self,
        taken: &HashSet<i32>,
        theme_count: usize,
        reader: crate::i18n::Locale,
    ) -> Vec<Suggestion> {
        let mut best: HashMap<i32, Suggestion> = HashMap::new();
        let mut offer = |s: Suggestion| {
            if taken.contains(&s.person_id) {
                return;
            }
            let better = best.get(&s.person_id).is_none_or(|b| {
                (s.shared_themes, s.reason == "suggest-reason-practice")
                    > (b.shared_themes, b.reason == "suggest-reason-practice")
            });
            if better {
                best.insert(s.person_id, s);
            }
        };
        self.by_place(reader, &mut offer);
        self.by_practice(theme_count, reader, &mut offer);
        let mut out: Vec<Suggestion> = best.into_values().collect();
        out.sort_by(|a, b| {
            b.shared_themes
                .cmp(&a.shared_themes)
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }

    /// Members of a municipality, and experts of an organisation, working
    /// on the dilemma's themes.
    pub(super) fn by_place(&self, reader: crate::i18n::Locale, offer: &mut impl FnMut(Suggestion)) {
        let name = |names: &HashMap<i32, TrText>, id: i32| {
            names
                .get(&id)
                .map(|t| t.text(reader).to_owned())
                .unwrap_or_default()
        };
        for a in &self.affiliations {
            let Some(p) = self.people.get(&a.person_id) else {
                continue;
            };
            if let Some(m) = a.municipality_id
                && let Some(n) = self.by_muni.get(&m)
            {
                offer(Suggestion {
                    person_id: p.id,
                    name: p.display_name.clone(),
                    reason: "suggest-reason-municipality",
                    detail: name(&self.munis, m),
                    shared_themes: *n,
                });
            }
            if p.role == "expert"
                && let Some(o) = a.organisation_id
                && let Some(n) = self.by_org.get(&o)
            {
                offer(Suggestion {
                    person_id: p.id,
                    name: p.display_name.clone(),
                    reason: "suggest-reason-expert",
                    detail: name(&self.orgs, o),
                    shared_themes: *n,
                });
            }
        }
    }

    /// Authors of related practices, and focal points of their municipality.
    pub(super) fn by_practice(
        &self,
        theme_count: usize,
        reader: crate::i18n::Locale,
        offer: &mut impl FnMut(Suggestion),
    ) {
        for pr in &self.related {
            let mut authors: Vec<i32> = pr.author_id.into_iter().collect();
            if let Some(m) = pr.municipality_id {
                authors.extend(
                    self.affiliations
                        .iter()
                        .filter(|a| a.focal_point && a.municipality_id == Some(m))
                        .map(|a| a.person_id),
                );
            }
            for id in authors {
                let Some(p) = self.people.get(&id) else {
                    continue;
                };
                offer(Suggestion {
                    person_id: id,
                    name: p.display_name.clone(),
                    reason: "suggest-reason-practice",
                    detail: pr.title.text(reader).to_owned(),
                    shared_themes: theme_count.max(1),
                });
            }
        }
    }
}

/// The names of the municipalities and organisations counted. Two queries
/// at most.
pub(super) async fn place_names<C: ConnectionTrait>(
    db: &C,
    by_muni: &HashMap<i32, usize>,
    by_org: &HashMap<i32, usize>,
) -> Result<(HashMap<i32, TrText>, HashMap<i32, TrText>), DbErr> {
    let munis: HashMap<i32, TrText> = if by_muni.is_empty() {
        HashMap::new()
    } else {
        municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(by_muni.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect()
    };
    let orgs: HashMap<i32, TrText> = if by_org.is_empty() {
        HashMap::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(by_org.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect()
    };
    Ok((munis, orgs))
}

/// Only the affiliations and people these reasons can name are read: those
/// of the counted places and related practices' municipalities, and the
/// practices' authors (active people only). Two queries at most.
pub(super) async fn people_of<C: ConnectionTrait>(
    db: &C,
    by_muni: &HashMap<i32, usize>,
    by_org: &HashMap<i32, usize>,
    related: &[practice::Model],
) -> Result<
    (
        Vec<crate::accounts::affiliation::Model>,
        HashMap<i32, person::Model>,
    ),
    DbErr,
> {
    use crate::accounts::affiliation;
    let muni_keys: Vec<i32> = by_muni
        .keys()
        .copied()
        .chain(related.iter().filter_map(|p| p.municipality_id))
        .collect();
    let org_keys: Vec<i32> = by_org.keys().copied().collect();
    let affiliations: Vec<affiliation::Model> = if muni_keys.is_empty() && org_keys.is_empty() {
        Vec::new()
    } else {
        affiliation::Entity::find()
            .filter(
                Condition::any()
                    .add(affiliation::Column::MunicipalityId.is_in(muni_keys))
                    .add(affiliation::Column::OrganisationId.is_in(org_keys)),
            )
            .all(db)
            .await?
    };
    let person_ids: HashSet<i32> = affiliations
        .iter()
        .map(|a| a.person_id)
        .chain(related.iter().filter_map(|p| p.author_id))
        .collect();
    let people: HashMap<i32, person::Model> = if person_ids.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .filter(person::Column::Active.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    Ok((affiliations, people))
}
