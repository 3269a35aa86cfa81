//! Putting a dilemma: its form, the draft, and opening it for a period.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use super::{PERIOD_MAX, QUESTION_MAX, TEXT_MAX, load, status_of, touch};
use crate::accounts::person;
use crate::audit::{self, Origin};
use crate::consultations::entities::{dilemma, dilemma_participant, dilemma_theme};
use crate::consultations::error::{ConsultError, invalid};
use crate::consultations::{DilemmaStatus, DilemmaVisibility, HelpSought, ParticipantRole};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, authorize};

/// A dilemma as its form gives it.
#[derive(Clone, Debug)]
pub struct DilemmaInput {
    pub lang: Locale,
    pub question: String,
    pub information: String,
    pub themes: Vec<i32>,
    pub help: Vec<HelpSought>,
    pub country: Option<String>,
    pub city: String,
    pub municipality: Option<i32>,
    pub visibility: DilemmaVisibility,
    pub period_days: i32,
}

/// What a dilemma form may refer to.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    /// Municipalities the writer is affiliated with (any, for staff).
    pub municipalities: &'a [i32],
}

pub(in crate::consultations) fn text_field(
    raw: &RawForm,
    name: &'static str,
    max: usize,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let v = raw.get(name).trim().to_owned();
    if required && v.is_empty() {
        errors.push(FieldError {
            field: name,
            message: "form-error-required",
        });
    } else if v.chars().count() > max {
        errors.push(FieldError {
            field: name,
            message: "form-error-too-long",
        });
    }
    v
}

/// Parse the dilemma form; every problem is reported at once.
pub fn parse_dilemma(
    raw: &RawForm,
    lang: Locale,
    known: &Known<'_>,
) -> Result<DilemmaInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let question = text_field(raw, "question", QUESTION_MAX, true, &mut errors);
    if !question.is_empty() && question.chars().count() < 10 {
        errors.push(FieldError {
            field: "question",
            message: "consultation-error-question-short",
        });
    }
    let information = text_field(raw, "information", TEXT_MAX, false, &mut errors);
    let city = text_field(raw, "city", 200, false, &mut errors);
    let themes = distinct(
        raw,
        "theme",
        "themes",
        |t| t.parse::<i32>().ok().filter(|id| known.themes.contains(id)),
        &mut errors,
    );
    let help = distinct(raw, "help", "help", HelpSought::from_code, &mut errors);
    let country = match raw.get("country").trim() {
        "" => None,
        c if known.countries.iter().any(|k| k == c) => Some(c.to_owned()),
        _ => {
            errors.push(FieldError {
                field: "country",
                message: "form-error-unknown",
            });
            None
        }
    };
    let municipality = match raw.get("municipality").trim() {
        "" => None,
        m => match m
            .parse::<i32>()
            .ok()
            .filter(|id| known.municipalities.contains(id))
        {
            Some(id) => Some(id),
            None => {
                errors.push(FieldError {
                    field: "municipality",
                    message: "consultation-error-municipality",
                });
                None
            }
        },
    };
    let visibility = match DilemmaVisibility::from_code(raw.get("visibility")) {
        Some(v) => v,
        None => {
            errors.push(FieldError {
                field: "visibility",
                message: "form-error-required",
            });
            DilemmaVisibility::Members
        }
    };
    let period_days = period(raw, &mut errors);
    if errors.is_empty() {
        Ok(DilemmaInput {
            lang,
            question,
            information,
            themes,
            help,
            country,
            city,
            municipality,
            visibility,
            period_days,
        })
    } else {
        Err(errors)
    }
}

/// Each value of the field `name` that `parse` knows, once; an unknown one
/// is refused as `field`.
fn distinct<T: PartialEq>(
    raw: &RawForm,
    name: &str,
    field: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    let mut out = Vec::new();
    for v in raw.all(name) {
        match parse(v) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => errors.push(FieldError {
                field,
                message: "form-error-unknown",
            }),
        }
    }
    out
}

/// How many days the dilemma stays open (14 when not given).
fn period(raw: &RawForm, errors: &mut Vec<FieldError>) -> i32 {
    match raw.get("period").trim() {
        "" => 14,
        p => match p
            .parse::<i32>()
            .ok()
            .filter(|d| (1..=PERIOD_MAX).contains(d))
        {
            Some(d) => d,
            None => {
                errors.push(FieldError {
                    field: "period",
                    message: "consultation-error-period",
                });
                14
            }
        },
    }
}

/// A URL name for a dilemma: its question's words (in the language it is
/// written in) and a random suffix.
pub fn slug_for(question: &str, lang: Locale) -> String {
    let words = crate::fields::slug::from_title(question, lang, 60, "dilemma");
    let nonce: u32 = rand::random();
    format!("{words}-{:06x}", nonce & 0xff_ffff)
}

pub(super) fn join_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().collect::<Vec<_>>().join(",")
}

/// Put a dilemma on the platform as a draft, with the actor as presenter.
pub async fn create(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    input: DilemmaInput,
    now: DateTime<Utc>,
) -> Result<String, ConsultError> {
    authorize(Some(actor), Action::CreateDilemma)?;
    let tx = db.begin_write().await?;
    let me = person::Entity::find_by_id(actor.person_id)
        .one(&tx)
        .await?
        .ok_or(ConsultError::Forbidden)?;
    let slug = slug_for(&input.question, input.lang);
    let d = dilemma::ActiveModel {
        slug: Set(slug.clone()),
        status: Set(DilemmaStatus::Draft.code().to_owned()),
        visibility: Set(input.visibility.code().to_owned()),
        question: Set(TrText::new(input.lang, input.question)
            .map_err(|_| invalid("question", "form-error-required"))?),
        information: Set(TrText::new(input.lang, input.information).ok()),
        result: Set(None),
        presenter_id: Set(Some(actor.person_id)),
        presenter_name: Set(None),
        affiliation: Set(None),
        municipality_id: Set(input.municipality),
        organisation_id: Set(None),
        city: Set(Some(input.city).filter(|c| !c.is_empty())),
        country_code: Set(input.country),
        help_sought: Set(join_codes(input.help.iter().map(|h| h.code()))),
        languages: Set(me.locale.clone()),
        session_id: Set(None),
        event_id: Set(None),
        position: Set(0),
        joint_with: Set(None),
        period_days: Set(input.period_days),
        opens_at: Set(None),
        closes_at: Set(None),
        ideas_open_at: Set(None),
        concluded_at: Set(None),
        concluded_by: Set(None),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    for t in &input.themes {
        dilemma_theme::ActiveModel {
            dilemma_id: Set(d.id),
            theme_id: Set(*t),
        }
        .insert(&tx)
        .await?;
    }
    dilemma_participant::ActiveModel {
        dilemma_id: Set(d.id),
        person_id: Set(actor.person_id),
        role: Set(ParticipantRole::Presenter.code().to_owned()),
        invited_by: Set(None),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    audit::record(&tx, origin, "dilemma.create", "dilemma", d.id, None, now).await?;
    // The presenter follows their consultation.
    crate::follows::rules::follow_automatically(
        &tx,
        actor.person_id,
        (crate::follows::TargetKind::Dilemma, d.id),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Open a draft for its period: questions only, until the presenter has
/// answered them and opens the ideas.
pub async fn open(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if status_of(&d) != DilemmaStatus::Draft {
        return Err(invalid("status", "consultation-error-not-draft"));
    }
    let days = d.period_days.clamp(1, PERIOD_MAX);
    touch(
        &tx,
        origin,
        d,
        "dilemma.open",
        None,
        |m| {
            m.status = Set(DilemmaStatus::Open.code().to_owned());
            m.opens_at = Set(Some(now));
            m.closes_at = Set(Some(now + Duration::days(days as i64)));
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
