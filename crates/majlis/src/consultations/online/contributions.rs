//! What peers write on an open dilemma: questions, then ideas, experiences
//! and links (a link to this site's library is recognised); the presenter's
//! answers, the second phase, and what helped.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    Set, SqlErr,
};

use super::opening::text_field;
use super::{TEXT_MAX, load, status_of, touch};
use crate::audit::{self, Origin};
use crate::consultations::entities::{contribution, dilemma};
use crate::consultations::error::{ConsultError, invalid};
use crate::consultations::{ContributionKind, DilemmaStatus};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, DilemmaRef, authorize, can};

/// A contribution as its form gives it.
#[derive(Clone, Debug)]
pub struct ContributionInput {
    pub lang: Locale,
    pub kind: ContributionKind,
    pub text: String,
    pub practice: Option<i32>,
    pub resource: Option<i32>,
    pub url: Option<String>,
    /// The form's one-time key (hex, 16–64 characters).
    pub client_key: Option<String>,
    /// Said by someone without an account (recorded at a clinic).
    pub author_name: Option<String>,
}

/// Whether a contribution was stored, or was a second send of one already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    New(i32),
    Again(i32),
}

/// The id chosen in the select `name`, if it is one of `allowed`.
pub(super) fn pick(
    raw: &RawForm,
    name: &'static str,
    allowed: &[i32],
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    match raw.get(name).trim() {
        "" => None,
        v => {
            let id = v.parse::<i32>().ok().filter(|id| allowed.contains(id));
            if id.is_none() {
                errors.push(FieldError {
                    field: name,
                    message: "form-error-unknown",
                });
            }
            id
        }
    }
}

/// A contribution's web address that is a page of this site's library:
/// `("practice", id)` for `{public_url}/practices/{id}`, `("resource", id)`
/// for `{public_url}/library/{id}` (a query or fragment aside). Shared that
/// way, it is linked like a practice or document chosen from the lists.
pub fn library_link(url: &str, public_url: &str) -> Option<(&'static str, i32)> {
    let url = url::Url::parse(url.trim()).ok()?;
    let site = url::Url::parse(public_url).ok()?;
    if url.origin() != site.origin() {
        return None;
    }
    let path = url.path().strip_prefix(site.path().trim_end_matches('/'))?;
    let (field, id) = if let Some(id) = path.strip_prefix("/practices/") {
        ("practice", id)
    } else {
        ("resource", path.strip_prefix("/library/")?)
    };
    let id = id.trim_end_matches('/');
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        .then(|| id.parse().ok())
        .flatten()
        .map(|id| (field, id))
}

/// A one-time form key: 16 to 64 hexadecimal digits.
pub fn client_key(s: &str) -> Option<String> {
    let s = s.trim();
    ((16..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| s.to_ascii_lowercase())
}

/// Parse a contribution form.
pub fn parse_contribution(
    raw: &RawForm,
    lang: Locale,
    practices: &[i32],
    resources: &[i32],
) -> Result<ContributionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = ContributionKind::from_code(raw.get("kind"));
    if kind.is_none() {
        errors.push(FieldError {
            field: "kind",
            message: "form-error-required",
        });
    }
    let practice = pick(raw, "practice", practices, &mut errors);
    let resource = pick(raw, "resource", resources, &mut errors);
    let url = match raw.get("url").trim() {
        "" => None,
        u if u.len() <= 1000
            && (u.starts_with("https://") || u.starts_with("http://"))
            && url::Url::parse(u).is_ok() =>
        {
            Some(u.to_owned())
        }
        _ => {
            errors.push(FieldError {
                field: "url",
                message: "consultation-error-url",
            });
            None
        }
    };
    let is_link = kind == Some(ContributionKind::Link);
    let text = text_field(raw, "text", TEXT_MAX, true, &mut errors);
    if is_link && practice.is_none() && resource.is_none() && url.is_none() {
        errors.push(FieldError {
            field: "practice",
            message: "consultation-error-link-missing",
        });
    }
    let author_name = match raw.get("author_name").trim() {
        "" => None,
        n if n.chars().count() <= 200 => Some(n.to_owned()),
        _ => {
            errors.push(FieldError {
                field: "author_name",
                message: "form-error-too-long",
            });
            None
        }
    };
    match (kind, errors.is_empty()) {
        (Some(kind), true) => Ok(ContributionInput {
            lang,
            kind,
            text,
            practice,
            resource,
            url,
            client_key: client_key(raw.get("key")),
            author_name,
        }),
        _ => Err(errors),
    }
}

/// The phase rule: open questions at any time the dilemma runs; ideas,
/// experiences and links once the presenter has opened the second phase.
/// `recording`: a rapporteur at a clinic records what was said, in any order.
///
/// About 90 lines, a third of them the contribution's 20-field literal; the
/// phase rule is `phase_allows`.
pub async fn contribute(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    input: ContributionInput,
    recording: bool,
    now: DateTime<Utc>,
) -> Result<Stored, ConsultError> {
    // A second send of the same form: nothing more is stored.
    if let Some(key) = &input.client_key
        && let Some(c) = contribution::Entity::find()
            .filter(contribution::Column::ClientKey.eq(key.as_str()))
            .one(db.read())
            .await?
    {
        return if c.dilemma_id == id {
            Ok(Stored::Again(c.id))
        } else {
            Err(invalid("key", "form-error-unknown"))
        };
    }
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    let status = status_of(&d);
    phase_allows(actor, r, status, input.kind, recording)?;
    let body = TrText::new(input.lang, input.text.clone())
        .map_err(|_| invalid("text", "form-error-required"))?;
    let position = contribution::Entity::find()
        .filter(contribution::Column::DilemmaId.eq(d.id))
        .count(&tx)
        .await?;
    let res = contribution::ActiveModel {
        dilemma_id: Set(d.id),
        kind: Set(input.kind.code().to_owned()),
        body: Set(body),
        author_id: Set((!recording).then_some(actor.person_id)),
        // Recorded for someone else: their name, or "" when nobody was named.
        author_name: Set(if recording {
            Some(input.author_name.clone().unwrap_or_default())
        } else {
            None
        }),
        recorded_by: Set(recording.then_some(actor.person_id)),
        practice_id: Set(input.practice),
        resource_id: Set(input.resource),
        url: Set(input.url.clone()),
        answer: Set(None),
        answered_by: Set(None),
        answered_at: Set(None),
        helped: Set(false),
        hidden: Set(false),
        hidden_reason: Set(None),
        client_key: Set(input.client_key.clone()),
        position: Set(position as i32 + 1),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await;
    let c = match res {
        Ok(c) => c,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            drop(tx);
            let key = input.client_key.unwrap_or_default();
            let c = contribution::Entity::find()
                .filter(contribution::Column::ClientKey.eq(key))
                .one(db.read())
                .await?
                .ok_or(ConsultError::NotFound)?;
            return Ok(Stored::Again(c.id));
        }
        Err(e) => return Err(e.into()),
    };
    // A clinic's dilemma is "in discussion" once something is recorded.
    if recording && status == DilemmaStatus::Open {
        let mut m: dilemma::ActiveModel = d.clone().into();
        m.status = Set(DilemmaStatus::InDiscussion.code().to_owned());
        m.updated_at = Set(now);
        m.update(&tx).await?;
    }
    audit::record(
        &tx,
        origin,
        "contribution.create",
        "contribution",
        c.id,
        Some(format!("dilemma {} {}", d.id, input.kind.code())),
        now,
    )
    .await?;
    // Taking part follows the consultation (unless the person unfollowed it).
    crate::follows::rules::follow_automatically(
        &tx,
        actor.person_id,
        (crate::follows::TargetKind::Dilemma, d.id),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(Stored::New(c.id))
}

/// Whether the dilemma's phase takes a contribution of `kind` from `actor`
/// (see [`contribute`]); the refusal names the field it concerns.
fn phase_allows(
    actor: &Actor,
    r: DilemmaRef,
    status: DilemmaStatus,
    kind: ContributionKind,
    recording: bool,
) -> Result<(), ConsultError> {
    if recording {
        if status == DilemmaStatus::Archived {
            return Err(invalid("text", "consultation-error-closed"));
        }
        return Ok(());
    }
    if !can(Some(actor), Action::Contribute(r)) {
        return Err(if r.draft || !status.is_running() {
            invalid("text", "consultation-error-closed")
        } else if !r.taking_contributions {
            invalid("text", "consultation-error-period-over")
        } else {
            ConsultError::Forbidden
        });
    }
    if kind != ContributionKind::Question && status == DilemmaStatus::Open {
        return Err(invalid("kind", "consultation-error-ideas-not-open"));
    }
    Ok(())
}

pub(super) async fn own_contribution(
    tx: &DatabaseTransaction,
    dilemma_id: i32,
    cid: i32,
) -> Result<contribution::Model, ConsultError> {
    contribution::Entity::find_by_id(cid)
        .filter(contribution::Column::DilemmaId.eq(dilemma_id))
        .one(tx)
        .await?
        .ok_or(ConsultError::NotFound)
}

/// The presenter answers an open question (again to change the answer).
pub async fn answer(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    cid: i32,
    (lang, text): (Locale, &str),
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid("answer", "form-error-required"));
    }
    if text.chars().count() > TEXT_MAX {
        return Err(invalid("answer", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if !status_of(&d).is_running() {
        return Err(invalid("answer", "consultation-error-closed"));
    }
    let c = own_contribution(&tx, d.id, cid).await?;
    if c.kind != ContributionKind::Question.code() {
        return Err(invalid("answer", "consultation-error-not-question"));
    }
    let answer = match c.answer.clone() {
        Some(mut a) => {
            a.set(lang, text);
            a
        }
        None => TrText::new(lang, text).map_err(|_| invalid("answer", "form-error-required"))?,
    };
    let mut m: contribution::ActiveModel = c.into();
    m.answer = Set(Some(answer));
    m.answered_by = Set(Some(actor.person_id));
    m.answered_at = Set(Some(now));
    m.update(&tx).await?;
    audit::record(
        &tx,
        origin,
        "contribution.answer",
        "contribution",
        cid,
        None,
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// Open the second phase (ideas, experiences, links) once every open
/// question has its answer.
pub async fn open_ideas(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if status_of(&d) != DilemmaStatus::Open {
        return Err(invalid("status", "consultation-error-closed"));
    }
    let waiting = contribution::Entity::find()
        .filter(contribution::Column::DilemmaId.eq(d.id))
        .filter(contribution::Column::Kind.eq(ContributionKind::Question.code()))
        .filter(contribution::Column::Hidden.eq(false))
        .filter(contribution::Column::Answer.is_null())
        .count(&tx)
        .await?;
    if waiting > 0 {
        return Err(invalid("status", "consultation-error-unanswered"));
    }
    touch(
        &tx,
        origin,
        d,
        "dilemma.open-ideas",
        None,
        |m| {
            m.status = Set(DilemmaStatus::InDiscussion.code().to_owned());
            m.ideas_open_at = Set(Some(now));
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The presenter marks (or unmarks) a contribution that helped.
pub async fn mark_helped(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    cid: i32,
    helped: bool,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    let c = own_contribution(&tx, d.id, cid).await?;
    let mut m: contribution::ActiveModel = c.into();
    m.helped = Set(helped);
    m.update(&tx).await?;
    audit::record(
        &tx,
        origin,
        if helped {
            "contribution.helped"
        } else {
            "contribution.not-helped"
        },
        "contribution",
        cid,
        None,
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::library_link;

    #[test]
    fn library_pages_of_this_site_are_recognised() {
        let site = "https://majlis.example.org";
        for (url, want) in [
            (
                "https://majlis.example.org/practices/12",
                Some(("practice", 12)),
            ),
            (
                " https://majlis.example.org/practices/12/?lang=ar#top ",
                Some(("practice", 12)),
            ),
            (
                "https://majlis.example.org/library/7",
                Some(("resource", 7)),
            ),
            (
                "https://MAJLIS.example.org:443/library/7",
                Some(("resource", 7)),
            ),
            ("http://majlis.example.org/practices/12", None),
            ("https://other.example.org/practices/12", None),
            ("https://majlis.example.org/practices/12/edit", None),
            ("https://majlis.example.org/practices/abc", None),
            ("https://majlis.example.org/practices/", None),
            ("https://majlis.example.org/practices/99999999999", None),
            ("https://majlis.example.org/events/12", None),
            ("not a url", None),
        ] {
            assert_eq!(library_link(url, site), want, "{url}");
        }
        let under = "https://example.org/majlis/";
        assert_eq!(
            library_link("https://example.org/majlis/practices/3", under),
            Some(("practice", 3))
        );
        assert_eq!(library_link("https://example.org/practices/3", under), None);
    }
}
