//! Saving an event: creating it, changing it (one language at a time, the
//! audit entry naming what changed), and cloning it for the next edition.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, TryIntoModel,
};

use super::event_form::EventInput;
use super::{EditError, languages_column, merged};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::events::entities::{
    event, event_organisation, event_session, event_theme, session_person,
};
use crate::events::{EventStatus, OrganisationRole, Question, Questions, registration};
use crate::i18n::{Locale, TrText};
use crate::policy::{Action, Actor, can};

pub(super) fn questions_of(
    existing: Option<&Questions>,
    lang: Locale,
    new: &[(String, bool)],
) -> Option<Questions> {
    let old = existing.map(|q| q.0.as_slice()).unwrap_or_default();
    let questions: Vec<Question> = new
        .iter()
        .enumerate()
        .filter_map(|(i, (label, required))| {
            // A question keeps its translations when edited in one language.
            let mut l = match old.get(i) {
                Some(q) => q.label.clone(),
                None => TrText::new(lang, label.clone()).ok()?,
            };
            // The form shows the original where a translation is missing:
            // sent back as it was, it is not a translation.
            if l.get(lang).is_some() || l.original() != label.as_str() {
                l.set(lang, label.clone());
            }
            Some(Question {
                id: format!("q{}", i + 1),
                label: l,
                required: *required,
            })
        })
        .collect();
    (!questions.is_empty()).then_some(Questions(questions))
}

/// A new event's address: its title's words (in the language it is written
/// in), its year and a random suffix.
pub(super) fn slug_for(title: &str, lang: Locale, starts: DateTime<Utc>) -> String {
    let words = crate::fields::slug::from_title(title, lang, 60, "event");
    let nonce: u16 = rand::random();
    format!("{words}-{}-{nonce:04x}", starts.format("%Y"))
}

/// An event's themes, organisers and partners (in their order), as the form
/// shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventLinks {
    pub themes: BTreeSet<i32>,
    pub organisers: Vec<i32>,
    pub partners: Vec<i32>,
}

/// The stored links of an event.
pub async fn links_of<C: sea_orm::ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<EventLinks, DbErr> {
    let themes = event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let orgs = event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(event_id))
        .order_by_asc(event_organisation::Column::Position)
        .order_by_asc(event_organisation::Column::OrganisationId)
        .all(db)
        .await?;
    let of = |role: OrganisationRole| {
        orgs.iter()
            .filter(|o| o.role == role.code())
            .map(|o| o.organisation_id)
            .collect()
    };
    Ok(EventLinks {
        themes,
        organisers: of(OrganisationRole::Organiser),
        partners: of(OrganisationRole::Partner),
    })
}

/// An event's fields as its audit entries compare them (themes and
/// organisations by slug).
pub(super) async fn audit_fields<C: sea_orm::ConnectionTrait>(
    db: &C,
    e: &event::Model,
    links: &EventLinks,
) -> Result<audit::Fields, DbErr> {
    use crate::directory::entities::{organisation, theme};
    let theme_slugs: BTreeMap<i32, String> = theme::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.slug))
        .collect();
    let org_ids: Vec<i32> = links
        .organisers
        .iter()
        .chain(&links.partners)
        .copied()
        .collect();
    let org_slugs: BTreeMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(org_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.slug))
        .collect();
    let name =
        |m: &BTreeMap<i32, String>, id: &i32| m.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut f = audit::Fields::new();
    f.text("title", Some(&e.title))
        .text("summary", e.summary.as_ref())
        .text("context", e.context.as_ref())
        .text("objectives", e.objectives.as_ref())
        .text("expected_results", e.expected_results.as_ref())
        .text("audience", e.audience.as_ref())
        .put("kind", &e.kind)
        .put("status", &e.status)
        .put("visibility", &e.visibility)
        .opt("series", e.series_id)
        .put("starts", e.starts_at.to_rfc3339())
        .put("ends", e.ends_at.to_rfc3339())
        .put("date_approximate", e.date_approximate)
        .put("timezone", &e.timezone)
        .opt("city", e.city.as_ref())
        .opt("country", e.country_code.as_ref())
        .opt("address", e.address.as_ref())
        .put("online", e.online)
        .opt("online_url", e.online_url.as_ref())
        .put("languages", e.languages.trim_matches(','))
        .opt("interpretation", e.interpretation.as_ref())
        .opt("capacity", e.capacity)
        .put("needs_approval", e.needs_approval)
        .opt(
            "registration_opens",
            e.registration_opens.map(|t| t.to_rfc3339()),
        )
        .opt(
            "registration_closes",
            e.registration_closes.map(|t| t.to_rfc3339()),
        );
    for (i, q) in e.questions.iter().flat_map(|q| q.0.iter()).enumerate() {
        let n = format!("question{}", i + 1);
        f.text(&n, Some(&q.label))
            .put(&format!("{n}.required"), q.required);
    }
    f.list("themes", links.themes.iter().map(|t| name(&theme_slugs, t)))
        .list(
            "organisers",
            links.organisers.iter().map(|o| name(&org_slugs, o)),
        )
        .list(
            "partners",
            links.partners.iter().map(|o| name(&org_slugs, o)),
        );
    Ok(f)
}

pub(super) async fn set_links(
    tx: &DatabaseTransaction,
    event_id: i32,
    input: &EventInput,
) -> Result<(), DbErr> {
    event_theme::Entity::delete_many()
        .filter(event_theme::Column::EventId.eq(event_id))
        .exec(tx)
        .await?;
    for t in &input.themes {
        event_theme::ActiveModel {
            event_id: Set(event_id),
            theme_id: Set(*t),
        }
        .insert(tx)
        .await?;
    }
    event_organisation::Entity::delete_many()
        .filter(event_organisation::Column::EventId.eq(event_id))
        .exec(tx)
        .await?;
    for (role, ids) in [
        (OrganisationRole::Organiser, &input.organisers),
        (OrganisationRole::Partner, &input.partners),
    ] {
        for (i, o) in ids.iter().enumerate() {
            event_organisation::ActiveModel {
                event_id: Set(event_id),
                organisation_id: Set(*o),
                role: Set(role.code().to_owned()),
                position: Set(i as i32),
            }
            .insert(tx)
            .await?;
        }
    }
    Ok(())
}

pub(super) fn apply(
    m: &mut event::ActiveModel,
    existing: Option<&event::Model>,
    input: &EventInput,
) {
    let prose = |name: &str, old: Option<TrText>| {
        merged(old, input.lang, input.prose.get(name).cloned().flatten())
    };
    if let Some(title) = prose("title", existing.map(|e| e.title.clone())) {
        m.title = Set(title);
    }
    m.summary = Set(prose("summary", existing.and_then(|e| e.summary.clone())));
    m.context = Set(prose("context", existing.and_then(|e| e.context.clone())));
    m.objectives = Set(prose(
        "objectives",
        existing.and_then(|e| e.objectives.clone()),
    ));
    m.expected_results = Set(prose(
        "expected_results",
        existing.and_then(|e| e.expected_results.clone()),
    ));
    m.audience = Set(prose("audience", existing.and_then(|e| e.audience.clone())));
    m.kind = Set(input.kind.code().to_owned());
    m.status = Set(input.status.code().to_owned());
    m.visibility = Set(input.visibility.to_owned());
    m.series_id = Set(input.series_id);
    m.starts_at = Set(input.starts_at);
    m.ends_at = Set(input.ends_at);
    // Only the month of a past event may be known; new dates are exact.
    m.date_approximate = Set(existing.is_some_and(|e| {
        e.date_approximate && e.starts_at == input.starts_at && e.ends_at == input.ends_at
    }));
    m.timezone = Set(input.timezone.name().to_owned());
    m.city = Set(input.city.clone());
    m.country_code = Set(input.country.clone());
    m.address = Set(input.address.clone());
    m.online = Set(input.online);
    m.online_url = Set(input.online_url.clone());
    m.languages = Set(languages_column(&input.languages));
    m.interpretation = Set(input.interpretation.clone());
    m.capacity = Set(input.capacity);
    m.needs_approval = Set(input.needs_approval);
    m.registration_opens = Set(input.registration_opens);
    m.registration_closes = Set(input.registration_closes);
    m.questions = Set(questions_of(
        existing.and_then(|e| e.questions.as_ref()),
        input.lang,
        &input.questions,
    ));
}

/// Create an event; returns its slug.
pub async fn create(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    input: EventInput,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let title = input
        .prose
        .get("title")
        .cloned()
        .flatten()
        .unwrap_or_default();
    let slug = slug_for(&title, input.lang, input.starts_at);
    let mut m = event::ActiveModel {
        id: NotSet,
        slug: Set(slug.clone()),
        report_id: Set(None),
        takeaways: Set(None),
        figures: Set(None),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut m, None, &input);
    let tx = db.begin_write().await?;
    let e = m.insert(&tx).await?;
    set_links(&tx, e.id, &input).await?;
    audit::record(
        &tx,
        origin,
        "created",
        "event",
        e.id,
        Some(slug.clone()),
        now,
    )
    .await?;
    outbox::record(&tx, "event", e.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Change an event. A larger capacity moves people up from the waiting list.
pub async fn update(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    input: EventInput,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let existing = registration::lock_event(&tx, event_id)
        .await
        .map_err(|_| EditError::NotFound)?;
    let mut m = existing.clone().into_active_model();
    apply(&mut m, Some(&existing), &input);
    let links = EventLinks {
        themes: input.themes.clone(),
        organisers: input.organisers.clone(),
        partners: input.partners.clone(),
    };
    let old_links = links_of(&tx, event_id).await?;
    let after = m.clone().try_into_model()?;
    // An address stored before it was normalised counts as sent back unchanged.
    let mut same = after.clone();
    same.online_url = crate::fields::keep_link(existing.online_url.as_deref(), same.online_url);
    if same == existing && links == old_links {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let changes = audit_fields(&tx, &existing, &old_links)
        .await?
        .changes(&audit_fields(&tx, &after, &links).await?)
        .unwrap_or_default();
    m.updated_at = Set(now);
    let e = m.update(&tx).await?;
    set_links(&tx, e.id, &input).await?;
    registration::promote(&tx, &e, public_url, now).await?;
    audit::record(
        &tx,
        origin,
        "updated",
        "event",
        e.id,
        Some(format!("in {}: {changes}", input.lang.code())),
        now,
    )
    .await?;
    outbox::record(&tx, "event", e.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// Copy an event as a new planned one: description, themes, organisations and
/// the programme with its people (not materials, registrations or outcomes).
pub async fn clone_event(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let e = event::Entity::find_by_id(event_id)
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    let slug = slug_for(e.title.original(), e.title.orig(), e.starts_at);
    let copy = event::ActiveModel {
        id: NotSet,
        slug: Set(slug.clone()),
        status: Set(EventStatus::Planned.code().to_owned()),
        report_id: Set(None),
        takeaways: Set(None),
        figures: Set(None),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..e.clone().into_active_model()
    };
    let copy = event::ActiveModel { id: NotSet, ..copy }
        .insert(&tx)
        .await?;
    copy_links(&tx, e.id, copy.id).await?;
    copy_programme(&tx, e.id, copy.id).await?;
    audit::record(
        &tx,
        origin,
        "cloned",
        "event",
        copy.id,
        Some(format!("from {}", e.slug)),
        now,
    )
    .await?;
    outbox::record(&tx, "event", copy.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Copy an event's themes and organisations (in their roles and order).
async fn copy_links(tx: &DatabaseTransaction, from: i32, to: i32) -> Result<(), DbErr> {
    for t in event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(from))
        .all(tx)
        .await?
    {
        event_theme::ActiveModel {
            event_id: Set(to),
            theme_id: Set(t.theme_id),
        }
        .insert(tx)
        .await?;
    }
    for o in event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(from))
        .all(tx)
        .await?
    {
        event_organisation::ActiveModel {
            event_id: Set(to),
            ..o.into_active_model()
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

/// Copy an event's programme: sessions, working groups under their copied
/// parents, and the people in roles in them.
async fn copy_programme(tx: &DatabaseTransaction, from: i32, to: i32) -> Result<(), DbErr> {
    let sessions = event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(from))
        .order_by_asc(event_session::Column::Id)
        .all(tx)
        .await?;
    let people = session_person::Entity::find()
        .filter(session_person::Column::EventId.eq(from))
        .all(tx)
        .await?;
    let mut new_ids = BTreeMap::new();
    // Parents come before their groups (a group is created after its parent).
    for s in sessions
        .iter()
        .filter(|s| s.parent_id.is_none())
        .chain(sessions.iter().filter(|s| s.parent_id.is_some()))
    {
        let n = event_session::ActiveModel {
            id: NotSet,
            event_id: Set(to),
            parent_id: Set(s.parent_id.and_then(|p| new_ids.get(&p).copied())),
            ..s.clone().into_active_model()
        }
        .insert(tx)
        .await?;
        new_ids.insert(s.id, n.id);
    }
    for p in people {
        if let Some(sid) = new_ids.get(&p.session_id) {
            session_person::ActiveModel {
                id: NotSet,
                session_id: Set(*sid),
                event_id: Set(to),
                ..p.into_active_model()
            }
            .insert(tx)
            .await?;
        }
    }
    Ok(())
}
