//! Bringing peers in and closing: invitations by mail, the conclusion with
//! its rapporteur, and archiving.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{TEXT_MAX, load, status_of, touch};
use crate::accounts::person;
use crate::audit::{self, Origin};
use crate::consultations::entities::{dilemma, dilemma_participant};
use crate::consultations::error::{ConsultError, invalid};
use crate::consultations::{DilemmaStatus, ParticipantRole};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{FluentArg, Locale, TrText};
use crate::mail::Outgoing;
use crate::mail::queue;
use crate::policy::{Action, Actor, authorize};

pub(super) fn invitation_message(
    p: &person::Model,
    d: &dilemma::Model,
    inviter: &str,
    public_url: &str,
) -> Outgoing {
    let l: Locale = p.locale.parse().unwrap_or_default();
    let args: [(&'static str, FluentArg); 3] = [
        ("question", d.question.text(l).to_owned().into()),
        ("inviter", inviter.to_owned().into()),
        (
            "link",
            format!("{public_url}/consultations/{}?lang={}", d.slug, l.code()).into(),
        ),
    ];
    Outgoing {
        to_email: p.email.clone(),
        to_name: p.display_name.clone(),
        subject: l.t_args("mail-consultation-invited-subject", &args),
        body: l.t_args("mail-consultation-invited-body", &args),
        key: None,
    }
}

/// Invite peers (by person id); each gets an email in their language.
/// People already taking part are left as they are. Returns how many were
/// invited.
pub async fn invite(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    (people, role): (&[i32], ParticipantRole),
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, ConsultError> {
    if people.is_empty() {
        return Err(invalid("people", "consultation-error-nobody"));
    }
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if role == ParticipantRole::Presenter || matches!(status_of(&d), DilemmaStatus::Archived) {
        return Err(invalid("people", "consultation-error-closed"));
    }
    let inviter = person::Entity::find_by_id(actor.person_id)
        .one(&tx)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let found = person::Entity::find()
        .filter(person::Column::Id.is_in(people.to_vec()))
        .filter(person::Column::Active.eq(true))
        .all(&tx)
        .await?;
    if found.len()
        != people
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len()
    {
        return Err(invalid("people", "form-error-unknown"));
    }
    let mut invited = 0;
    for p in found {
        if dilemma_participant::Entity::find_by_id((d.id, p.id))
            .one(&tx)
            .await?
            .is_some()
        {
            continue;
        }
        dilemma_participant::ActiveModel {
            dilemma_id: Set(d.id),
            person_id: Set(p.id),
            role: Set(role.code().to_owned()),
            invited_by: Set(Some(actor.person_id)),
            created_at: Set(now),
        }
        .insert(&tx)
        .await?;
        if d.status != DilemmaStatus::Draft.code() {
            queue::enqueue(
                &tx,
                &invitation_message(&p, &d, &inviter, public_url),
                "consultation-invited",
                now,
            )
            .await?;
        }
        audit::record(
            &tx,
            origin,
            "dilemma.invite",
            "dilemma",
            d.id,
            Some(format!("person {} as {}", p.id, role.code())),
            now,
        )
        .await?;
        invited += 1;
    }
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(invited)
}

/// Write the conclusion (the result of the discussion) and close the
/// consultation. Writing it again in another language adds a translation.
pub async fn conclude(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    lang: Locale,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    set_result(db, origin, id, lang, text, Some(actor), now).await
}

/// The conclusion, checked against `actor`'s rights, or (`None`) written by
/// a clinic's recorder whose right the caller has checked.
pub(in crate::consultations) async fn set_result(
    db: &Db,
    origin: &Origin,
    id: i32,
    lang: Locale,
    text: &str,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid("result", "form-error-required"));
    }
    if text.chars().count() > TEXT_MAX {
        return Err(invalid("result", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let d = match actor {
        Some(a) => {
            let (d, r) = load(&tx, a, id, now).await?;
            authorize(Some(a), Action::ConcludeDilemma(r))?;
            d
        }
        None => dilemma::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(ConsultError::NotFound)?,
    };
    let status = status_of(&d);
    if matches!(status, DilemmaStatus::Draft | DilemmaStatus::Archived) {
        return Err(invalid("result", "consultation-error-closed"));
    }
    let result = match d.result.clone() {
        // The form shows the original where the writer's language has no
        // translation: sent back as it was, it is not a translation.
        Some(r) if r.get(lang).is_none() && crate::i18n::clean_text(text) == r.original() => r,
        Some(mut r) => {
            r.set(lang, text);
            r
        }
        None => TrText::new(lang, text).map_err(|_| invalid("result", "form-error-required"))?,
    };
    if status == DilemmaStatus::Concluded && d.result.as_ref() == Some(&result) {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let mut before = audit::Fields::new();
    before.text("result", d.result.as_ref());
    let mut after = audit::Fields::new();
    after.text("result", Some(&result));
    let changes = before.changes(&after);
    touch(
        &tx,
        origin,
        d,
        "dilemma.conclude",
        changes,
        |m| {
            m.result = Set(Some(result));
            m.status = Set(DilemmaStatus::Concluded.code().to_owned());
            if status != DilemmaStatus::Concluded {
                m.concluded_at = Set(Some(now));
                m.concluded_by = Set(origin.actor_id);
            }
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Archive a concluded dilemma (coordinators): still readable, no longer listed as current.
pub async fn archive(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    authorize(Some(actor), Action::Moderate)?;
    let tx = db.begin_write().await?;
    let (d, _) = load(&tx, actor, id, now).await?;
    if status_of(&d) != DilemmaStatus::Concluded {
        return Err(invalid("status", "consultation-error-not-concluded"));
    }
    touch(
        &tx,
        origin,
        d,
        "dilemma.archive",
        None,
        |m| m.status = Set(DilemmaStatus::Archived.code().to_owned()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
