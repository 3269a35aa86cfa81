//! Partner suggestions for an idea, each with its reasons in words: a
//! published practice of the municipality on one of the idea's themes,
//! themes its profile shares with the idea, languages its published
//! practices share with the lead's, and the country pair the idea's
//! programme funds. Five queries whatever the size of the network.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::directory::entities::{municipality, municipality_theme};
use crate::i18n::{Locale, TrText};
use crate::library::PracticeStatus;
use crate::library::entities::{practice, practice_theme};
use crate::projects::PartnershipStatus;
use crate::projects::entities::{partner, project};

/// Most suggestions a page shows.
pub const MAX_SUGGESTIONS: usize = 8;

/// Why a municipality is suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// It published this practice on one of the idea's themes.
    Practice { title: TrText, slug: String },
    /// Its profile names these themes of the idea.
    Themes(Vec<i32>),
    /// Its published practices are written in languages the lead's are.
    Languages(Vec<Locale>),
    /// The idea's programme funds partnerships between these two countries
    /// (the lead's, then the candidate's).
    Funded { lead: String, partner: String },
}

/// A suggested partner and why.
#[derive(Clone, Debug)]
pub struct Suggestion {
    pub municipality: municipality::Model,
    pub reasons: Vec<Reason>,
    score: u32,
}

fn langs(column: &str) -> BTreeSet<Locale> {
    column
        .split(',')
        .filter_map(|c| c.parse::<Locale>().ok())
        .collect()
}

/// Suggested partners for `p` (whose themes are `themes`), best first.
pub async fn suggestions<C: ConnectionTrait>(
    db: &C,
    p: &project::Model,
    themes: &BTreeSet<i32>,
) -> Result<Vec<Suggestion>, DbErr> {
    let towns = municipality::Entity::find()
        .order_by_asc(municipality::Column::Id)
        .all(db)
        .await?;
    let Some(lead) = towns
        .iter()
        .find(|m| m.id == p.lead_municipality_id)
        .cloned()
    else {
        return Ok(Vec::new());
    };
    let taken: BTreeSet<i32> = partner::Entity::find()
        .filter(partner::Column::ProjectId.eq(p.id))
        .all(db)
        .await?
        .into_iter()
        .filter(|r| PartnershipStatus::from_code(&r.status).is_some_and(|s| s.is_current()))
        .map(|r| r.municipality_id)
        .collect();
    let mut profile: HashMap<i32, Vec<i32>> = HashMap::new();
    if !themes.is_empty() {
        for t in municipality_theme::Entity::find()
            .filter(municipality_theme::Column::ThemeId.is_in(themes.iter().copied()))
            .all(db)
            .await?
        {
            profile
                .entry(t.municipality_id)
                .or_default()
                .push(t.theme_id);
        }
    }
    let published = practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
        .filter(practice::Column::MunicipalityId.is_not_null())
        .order_by_asc(practice::Column::Id)
        .all(db)
        .await?;
    let on_theme: BTreeSet<i32> = if themes.is_empty() {
        BTreeSet::new()
    } else {
        practice_theme::Entity::find()
            .filter(practice_theme::Column::ThemeId.is_in(themes.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|t| t.practice_id)
            .collect()
    };
    let mut languages: HashMap<i32, BTreeSet<Locale>> = HashMap::new();
    let mut practice_of: HashMap<i32, &practice::Model> = HashMap::new();
    for pr in &published {
        let Some(m) = pr.municipality_id else {
            continue;
        };
        languages.entry(m).or_default().extend(langs(&pr.langs));
        if on_theme.contains(&pr.id) {
            practice_of.entry(m).or_insert(pr);
        }
    }
    let lead_langs = languages.get(&lead.id).cloned().unwrap_or_default();
    let funded = p.funded_countries();
    let mut out: Vec<Suggestion> = towns
        .into_iter()
        .filter(|m| m.id != lead.id && !taken.contains(&m.id))
        .filter_map(|m| {
            let mut reasons = Vec::new();
            let mut score = 0;
            if let Some(pr) = practice_of.get(&m.id) {
                reasons.push(Reason::Practice {
                    title: pr.title.clone(),
                    slug: pr.slug.clone(),
                });
                score += 3;
            }
            if funded.contains(&lead.country_code)
                && funded.contains(&m.country_code)
                && lead.country_code != m.country_code
            {
                reasons.push(Reason::Funded {
                    lead: lead.country_code.clone(),
                    partner: m.country_code.clone(),
                });
                score += 3;
            }
            if let Some(shared) = profile.get(&m.id) {
                score += shared.len().min(2) as u32;
                reasons.push(Reason::Themes(shared.clone()));
            }
            let shared: Vec<Locale> = languages
                .get(&m.id)
                .map(|l| l.intersection(&lead_langs).copied().collect())
                .unwrap_or_default();
            // A language in common only counts beside another reason.
            if !shared.is_empty() && score > 0 {
                reasons.push(Reason::Languages(shared));
                score += 1;
            }
            (score > 0).then_some(Suggestion {
                municipality: m,
                reasons,
                score,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.municipality.slug.cmp(&b.municipality.slug))
    });
    out.truncate(MAX_SUGGESTIONS);
    Ok(out)
}
