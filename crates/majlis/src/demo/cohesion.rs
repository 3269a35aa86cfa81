//! The demo network's social-cohesion self-assessments: the framework the
//! network ships (`cohesion/framework-v1.toml`), its resident perception
//! questionnaire (built from the framework, stored as each wave's Surveys
//! form), and three waves for six host municipalities with SYNTHETIC
//! answers (made up here from a fixed seed; the surveys and the dashboards
//! say so). Four dashboards are published, two of them named to peers;
//! Şahinbey's and Beirut's are not published. Şanlıurfa's plan aimed at an
//! indicator met its target; Amman's did not. A framework, wave, choice or
//! plan already there is left as it is.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};

use super::{DemoError, LoadReport};
use crate::cohesion::entities::{framework, setting, wave};
use crate::cohesion::framework::Definition;
use crate::cohesion::rules::{self, FrameworkView};
use crate::cohesion::{Direction, Scale};
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::i18n::{Locale, TrText};
use crate::surveys::entities::{form, response, survey, tally};
use crate::surveys::rules::answering::{groups_of, to_json};
use crate::surveys::rules::{input_count, parse_source, tally as tallies};
use crate::surveys::{ResultsAudience, SurveyStatus};

const FRAMEWORK_V1: &str = crate::cohesion::framework::SHIPPED;

pub use crate::cohesion::framework::FrameworkFile;

/// The framework the network ships, checked, with its questionnaire
/// parsed by the surveys activity.
pub fn framework_v1() -> Result<FrameworkFile, DemoError> {
    let f: FrameworkFile = toml::from_str(FRAMEWORK_V1)
        .map_err(|e| DemoError::Invalid(format!("cohesion/framework-v1.toml: {e}")))?;
    f.definition
        .check()
        .map_err(|e| DemoError::Invalid(format!("cohesion/framework-v1.toml: {e}")))?;
    parse_source("markdown", f.questionnaire().as_bytes())
        .map_err(|e| DemoError::Invalid(format!("cohesion questionnaire: {}", e.join("; "))))?;
    Ok(f)
}

/// A demo municipality: its dashboard choices, how cohesive it starts
/// (0–1), how that moves per wave, the share of refugees in its strata.
struct Town {
    slug: &'static str,
    published: bool,
    by_name: bool,
    level: f64,
    trend: f64,
    refugee_share: f64,
}

const TOWNS: [Town; 6] = [
    Town {
        slug: "sanliurfa",
        published: true,
        by_name: true,
        level: 0.55,
        trend: 0.04,
        refugee_share: 0.2,
    },
    Town {
        slug: "gaziantep",
        published: true,
        by_name: true,
        level: 0.62,
        trend: 0.03,
        refugee_share: 0.2,
    },
    Town {
        slug: "kilis",
        published: true,
        by_name: false,
        level: 0.48,
        trend: 0.05,
        refugee_share: 0.5,
    },
    Town {
        slug: "amman",
        published: true,
        by_name: false,
        level: 0.58,
        trend: -0.02,
        refugee_share: 0.1,
    },
    Town {
        slug: "sahinbey",
        published: false,
        by_name: false,
        level: 0.52,
        trend: 0.02,
        refugee_share: 0.15,
    },
    Town {
        slug: "beirut",
        published: false,
        by_name: false,
        level: 0.45,
        trend: -0.03,
        refugee_share: 0.2,
    },
];

/// The waves: label, last day of fieldwork.
const WAVES: [(&str, (i32, u32, u32)); 3] = [
    ("2024", (2024, 4, 30)),
    ("2025", (2025, 4, 30)),
    ("2026", (2026, 4, 30)),
];

/// A small deterministic generator (xorshift64*), so the demo is the same
/// on every load and every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One synthetic respondent of a municipality whose cohesion is `level`
/// (0–1): a stratum, and for each item an answer near that level (turned
/// round for items where agreeing is bad), sometimes "don't know" or none.
pub fn synthetic_answers(
    def: &Definition,
    rng: &mut Rng,
    level: f64,
    refugee_share: f64,
) -> BTreeMap<String, String> {
    let mut a = BTreeMap::new();
    let r = rng.uniform();
    let group = if r < refugee_share {
        "refugee"
    } else if r < refugee_share + 0.03 {
        "other"
    } else {
        "host"
    };
    a.insert(def.stratum.question.clone(), group.to_owned());
    // Refugees answer a little less favourably in this made-up network.
    let own = if group == "refugee" {
        level - 0.05
    } else {
        level
    };
    for (_, it) in def.items() {
        let u = rng.uniform();
        if u < 0.03 {
            continue;
        }
        if u < 0.08 {
            a.insert(it.question.clone(), "dont_know".into());
            continue;
        }
        let x =
            (own + (rng.uniform() + rng.uniform() + rng.uniform() - 1.5) * 0.45).clamp(0.0, 1.0);
        let x = match it.direction {
            Direction::Higher => x,
            Direction::Lower => 1.0 - x,
        };
        let v = match it.scale {
            Scale::Agree5 => (1.0 + x * 4.0).round() as i64,
            Scale::Scale10 => (x * 10.0).round() as i64,
            Scale::YesNo => i64::from(rng.uniform() < x),
        };
        a.insert(it.question.clone(), v.to_string());
    }
    a
}

/// A resident's submitted response (through no link: the demo's and the
/// benchmark's synthetic respondents) to the survey and form `(survey, form)`.
pub fn resident_response(
    (survey, form): (i32, i32),
    answers: &BTreeMap<String, String>,
    groups: &crate::surveys::rules::tally::Groups,
    at: DateTime<Utc>,
) -> response::ActiveModel {
    response::ActiveModel {
        survey_id: Set(survey),
        form_id: Set(form),
        municipality_id: Set(None),
        link_id: Set(None),
        answers: Set(Some(to_json(answers))),
        draft: Set(None),
        person_id: Set(None),
        country_code: Set(groups.country.clone()),
        population_band: Set(groups.population.clone()),
        refugee_band: Set(groups.refugees.clone()),
        created_at: Set(at),
        updated_at: Set(at),
        submitted_at: Set(Some(at)),
        revision: Set(0),
        ..Default::default()
    }
}

pub async fn load(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let file = framework_v1()?;
    let source = file.questionnaire();
    let parsed = parse_source("markdown", source.as_bytes())
        .map_err(|e| DemoError::Invalid(format!("cohesion questionnaire: {}", e.join("; "))))?;
    let existing = framework::Entity::find()
        .filter(framework::Column::Slug.eq(&file.slug))
        .filter(framework::Column::Version.eq(file.version))
        .one(tx)
        .await?;
    let fw = match existing {
        Some(f) => {
            report.unchanged += 1;
            f
        }
        None => {
            let definition = serde_json::to_value(&file.definition)
                .map_err(|e| DemoError::Invalid(format!("cohesion framework: {e}")))?;
            let f = framework::ActiveModel {
                slug: Set(file.slug.clone()),
                version: Set(file.version),
                title: Set(file.title.clone()),
                description: Set(Some(file.description.clone())),
                definition: Set(definition),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            outbox::record(tx, "cohesion-framework", f.id, Op::Created).await?;
            report.created += 1;
            f
        }
    };
    let view = FrameworkView::of(fw).map_err(|e| DemoError::Invalid(e.to_string()))?;
    let towns: HashMap<String, municipality::Model> = municipality::Entity::find()
        .filter(municipality::Column::Slug.is_in(TOWNS.iter().map(|t| t.slug)))
        .all(tx)
        .await?
        .into_iter()
        .map(|m| (m.slug.clone(), m))
        .collect();
    for (k, town) in TOWNS.iter().enumerate() {
        let m = towns.get(town.slug).ok_or_else(|| {
            DemoError::Invalid(format!("cohesion: no municipality {}", town.slug))
        })?;
        if setting::Entity::find_by_id(m.id).one(tx).await?.is_none() {
            setting::ActiveModel {
                municipality_id: Set(m.id),
                published: Set(town.published),
                by_name: Set(town.by_name),
                updated_at: Set(now),
            }
            .insert(tx)
            .await?;
            outbox::record(tx, "cohesion-setting", m.id, Op::Created).await?;
            report.created += 1;
        } else {
            report.unchanged += 1;
        }
        for (number, (label, (y, mo, d))) in WAVES.iter().enumerate() {
            let number = number as i32 + 1;
            let found = wave::Entity::find()
                .filter(wave::Column::MunicipalityId.eq(m.id))
                .filter(wave::Column::Number.eq(number))
                .one(tx)
                .await?;
            if found.is_some() {
                report.unchanged += 1;
                continue;
            }
            let fielded_on = NaiveDate::from_ymd_opt(*y, *mo, *d)
                .ok_or_else(|| DemoError::Invalid("cohesion: bad date".into()))?;
            let level = town.level + town.trend * f64::from(number - 1);
            let seed = (k as u64 + 1) * 1000 + number as u64;
            let s = wave_survey(tx, &source, &parsed, m, label, fielded_on, now).await?;
            let mut rng = Rng::new(seed);
            let n = 60 + (rng.uniform() * 40.0) as usize;
            let mut rows = Vec::with_capacity(n);
            let mut counts: BTreeMap<(String, String), i64> = BTreeMap::new();
            let groups = groups_of(m);
            let at = fielded_on
                .and_hms_opt(12, 0, 0)
                .map(|t| t.and_utc())
                .unwrap_or(now);
            for _ in 0..n {
                let a = synthetic_answers(&view.definition, &mut rng, level, town.refugee_share);
                for pair in tallies::contributions(&parsed, &a) {
                    *counts.entry(pair).or_default() += 1;
                }
                rows.push(resident_response(s, &a, &groups, at));
            }
            response::Entity::insert_many(rows).exec(tx).await?;
            let tally_rows: Vec<tally::ActiveModel> = counts
                .into_iter()
                .map(|((q, v), c)| tally::ActiveModel {
                    survey_id: Set(s.0),
                    question: Set(q),
                    value: Set(v),
                    country_code: Set(groups.country.clone()),
                    population_band: Set(groups.population.clone()),
                    refugee_band: Set(groups.refugees.clone()),
                    count: Set(c),
                })
                .collect();
            tally::Entity::insert_many(tally_rows).exec(tx).await?;
            let shares = BTreeMap::from([
                ("host".to_string(), 1.0 - town.refugee_share),
                ("refugee".to_string(), town.refugee_share),
            ]);
            let w = wave::ActiveModel {
                municipality_id: Set(m.id),
                framework_id: Set(view.id),
                survey_id: Set(Some(s.0)),
                number: Set(number),
                label: Set((*label).to_owned()),
                fielded_on: Set(fielded_on),
                n: Set(0),
                weights: Set(serde_json::to_value(&shares).ok()),
                scores: Set(None),
                synthetic: Set(true),
                scored_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            let scores = rules::score_wave(tx, &w, &view.definition)
                .await
                .map_err(|e| DemoError::Invalid(format!("cohesion wave: {e}")))?;
            rules::store(tx, &w, &scores, now)
                .await
                .map_err(|e| DemoError::Invalid(format!("cohesion wave: {e}")))?;
            report.created += 1;
        }
    }
    Ok(())
}

/// The survey campaign of one wave (closed, results for staff only: the
/// municipality reads its dashboard), with the questionnaire as its form.
async fn wave_survey(
    tx: &DatabaseTransaction,
    source: &str,
    parsed: &majlis_xlsform::Form,
    m: &municipality::Model,
    label: &str,
    fielded_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(i32, i32), DemoError> {
    let name = m.name.text(Locale::En);
    let title = TrText::from_values(
        Locale::En,
        BTreeMap::from([
            (
                Locale::En,
                format!("Resident perception survey, {name}, {label}"),
            ),
            (
                Locale::Ar,
                format!("استطلاع تصوّرات السكان، {}، {label}", m.name.text(Locale::Ar)),
            ),
            (
                Locale::Tr,
                format!("Sakin algı anketi, {}, {label}", m.name.text(Locale::Tr)),
            ),
            (
                Locale::Fr,
                format!(
                    "Enquête de perception des habitants, {}, {label}",
                    m.name.text(Locale::Fr)
                ),
            ),
            (
                Locale::De,
                format!(
                    "Befragung der Bevölkerung, {}, {label}",
                    m.name.text(Locale::De)
                ),
            ),
        ]),
    )
    .map_err(|e| DemoError::Invalid(format!("cohesion survey title: {e}")))?;
    let description = TrText::from_values(
        Locale::En,
        BTreeMap::from([
            (Locale::En, "Social-cohesion self-assessment of the municipality. The answers are SYNTHETIC: made up for the demo, not real residents' answers.".to_owned()),
            (Locale::Ar, "تقييم ذاتي للتماسك الاجتماعي في البلدية. الإجابات اصطناعية: أُعدّت للعرض التوضيحي، وليست إجابات سكان حقيقيين.".to_owned()),
            (Locale::Tr, "Belediyenin sosyal uyum öz değerlendirmesi. Yanıtlar sentetiktir: tanıtım için üretilmiştir, gerçek sakinlerin yanıtları değildir.".to_owned()),
            (Locale::Fr, "Auto-évaluation de la cohésion sociale de la municipalité. Les réponses sont synthétiques : inventées pour la démonstration, ce ne sont pas celles de vrais habitants.".to_owned()),
            (Locale::De, "Selbsteinschätzung des sozialen Zusammenhalts der Kommune. Die Antworten sind synthetisch: für die Demo erfunden, nicht die Antworten echter Einwohner.".to_owned()),
        ]),
    )
    .map_err(|e| DemoError::Invalid(format!("cohesion survey description: {e}")))?;
    let opens = fielded_on - chrono::Duration::days(30);
    let s = survey::ActiveModel {
        slug: Set(format!("cohesion-{}-{label}", m.slug)),
        title: Set(title),
        description: Set(Some(description)),
        status: Set(SurveyStatus::Closed.code().to_owned()),
        results_audience: Set(ResultsAudience::Staff.code().to_owned()),
        opens_at: Set(opens.and_hms_opt(0, 0, 0).map(|t| t.and_utc())),
        closes_at: Set(fielded_on
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())),
        event_id: Set(None),
        synthetic: Set(true),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let f = form::ActiveModel {
        survey_id: Set(s.id),
        number: Set(1),
        source_kind: Set("markdown".to_owned()),
        source: Set(source.as_bytes().to_vec()),
        questions: Set(i32::try_from(input_count(parsed)).unwrap_or(i32::MAX)),
        created_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    outbox::record(tx, "survey", s.id, Op::Created).await?;
    Ok((s.id, f.id))
}

/// The demo's plans aimed at indicators, each started from the earliest
/// wave: Şanlıurfa's on the indicator that rose most by the latest wave,
/// its target halfway there (met); Amman's on the one that rose least, its
/// target five points above anything it reached, due at the end of 2025
/// (not met). A municipality's plan already there is left as it is.
pub async fn load_plans(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    use crate::cohesion::entities::plan as cohesion_plan;
    use crate::cohesion::plans::{self, Aim, PlanInput};
    use crate::cohesion::scoring::WaveScores;
    let invalid = |e: crate::cohesion::error::CohesionError| DemoError::Invalid(e.to_string());
    for (slug, met) in [("sanliurfa", true), ("amman", false)] {
        let Some(m) = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq(slug))
            .one(tx)
            .await?
        else {
            return Err(DemoError::Invalid(format!("cohesion plan: no {slug}")));
        };
        let existing = cohesion_plan::Entity::find()
            .filter(cohesion_plan::Column::MunicipalityId.eq(m.id))
            .one(tx)
            .await?;
        if existing.is_some() {
            report.unchanged += 1;
            continue;
        }
        let waves = wave::Entity::find()
            .filter(wave::Column::MunicipalityId.eq(m.id))
            .filter(wave::Column::Scores.is_not_null())
            .order_by_asc(wave::Column::Number)
            .all(tx)
            .await?;
        let (Some(first), Some(last)) = (waves.first(), waves.last()) else {
            return Err(DemoError::Invalid(format!(
                "cohesion plan: {slug} has no waves"
            )));
        };
        let scores = |w: &wave::Model| -> Result<WaveScores, DemoError> {
            w.scores
                .clone()
                .and_then(|v| serde_json::from_value(v).ok())
                .ok_or_else(|| DemoError::Invalid(format!("cohesion plan: wave {}", w.id)))
        };
        let (s0, s1) = (scores(first)?, scores(last)?);
        // Each indicator's rise from the first wave to the latest.
        let mut rises: Vec<(f64, &crate::cohesion::scoring::Figure, f64)> = s0
            .indicators
            .iter()
            .filter_map(|f| {
                let b = f.score?;
                let l = s1.indicator(&f.key)?.score?;
                Some((l - b, f, l))
            })
            .collect();
        rises.sort_by(|a, b| a.0.total_cmp(&b.0));
        let picked = if met { rises.last() } else { rises.first() };
        let Some(&(_, figure, latest)) = picked else {
            return Err(DemoError::Invalid(format!(
                "cohesion plan: {slug} unscored"
            )));
        };
        let baseline = figure.score.unwrap_or_default();
        let (target, target_on) = if met {
            let t = ((baseline + latest) / 2.0).round();
            (t, NaiveDate::from_ymd_opt(2026, 6, 30))
        } else {
            let t = (baseline.max(latest) + 5.0).round().min(100.0);
            (t, NaiveDate::from_ymd_opt(2025, 12, 31))
        };
        let target_on = target_on.ok_or_else(|| DemoError::Invalid("bad date".into()))?;
        let f = framework::Entity::find_by_id(first.framework_id)
            .one(tx)
            .await?
            .ok_or_else(|| DemoError::Invalid("cohesion plan: no framework".into()))?;
        let view = FrameworkView::of(f).map_err(invalid)?;
        let indicator = view
            .definition
            .indicators()
            .find(|(_, i)| i.key == figure.key)
            .map(|(_, i)| i.clone())
            .ok_or_else(|| DemoError::Invalid("cohesion plan: no indicator".into()))?;
        let title = format!(
            "{}: {}",
            m.name.text(Locale::En),
            indicator.name.text(Locale::En)
        );
        let aim = Aim {
            municipality: m.clone(),
            key: figure.key.clone(),
            indicator,
            wave: first.clone(),
            figure: figure.clone(),
        };
        let input = PlanInput {
            target,
            target_on,
            title: Some(title),
        };
        plans::insert(
            tx,
            &crate::audit::Origin::cli(),
            &aim,
            input,
            Locale::En,
            now,
        )
        .await
        .map_err(invalid)?;
        report.created += 1;
    }
    Ok(())
}
