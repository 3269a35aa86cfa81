//! The municipal questionnaire of a wave and its evidence: each wave
//! started with a framework that has one opens a second campaign (the
//! framework's municipal questionnaire, asked of the municipality and
//! answered by its focal point through the surveys activity's own pages).
//! The focal point (or staff) attaches documents to an answer (a question
//! of that questionnaire) or to the response as a whole; each is a file
//! checked by content and size through the library's uploads (`majlis-files`)
//! and kept as a `cohesion_evidence` row. The XLSForm subset has no `file`
//! question, so evidence lives here, keyed by wave and question name.
//!
//! Who may read the evidence is decided by the policy
//! (`ViewCohesionEvidence`): the municipality's people and the network's
//! coordinators, never its peers nor the public. A document attached by
//! mistake is removed (`RemoveCohesionEvidence`) by whoever may attach one
//! while the questionnaire still takes answers, and by the network's
//! coordinators at any time; its stored file is then left to the library's
//! unused-file collector, which learns what evidence holds through
//! [`held_files`] (registered at the top, `app::file_holders`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use majlis_files::{FileKind, Stored};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

use super::entities::{evidence, framework, municipal, wave};
use super::error::CohesionError;
use super::framework::Municipal;
use super::rules::FrameworkView;
use crate::accounts::affiliation;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::library::entities::file_object;
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, EvidenceRef, authorize, can};
use crate::surveys::entities::{response, survey};

/// The most documents one wave may hold.
pub const MAX_PER_WAVE: usize = 50;

/// What a document attached to a wave may be: documents, spreadsheets,
/// presentations and photographs (of a signed decision, a notice).
pub fn accepted(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Pdf
            | FileKind::Docx
            | FileKind::Xlsx
            | FileKind::Pptx
            | FileKind::Odt
            | FileKind::Ods
            | FileKind::Odp
            | FileKind::Jpeg
            | FileKind::Png
    )
}

/// Whether a file's name says what its content is: a name without an
/// extension says nothing; one with an extension must have the content's
/// (`jpeg` counting for JPEG).
pub fn name_agrees(name: &str, kind: FileKind) -> bool {
    let Some((_, ext)) = name.rsplit_once('.') else {
        return true;
    };
    let ext = ext.to_ascii_lowercase();
    ext == kind.extension() || (kind == FileKind::Jpeg && ext == "jpeg")
}

/// A wave's municipal questionnaire as its page shows it.
#[derive(Clone, Debug)]
pub struct MunicipalStatus {
    /// The campaign the focal point answers.
    pub survey: survey::Model,
    /// The municipality submitted its response.
    pub submitted: bool,
    /// The questionnaire still takes answers (its documents may be
    /// removed by its focal points).
    pub collecting: bool,
    /// The questions (name, text) an answer's evidence may name.
    pub questionnaire: Municipal,
    pub evidence: Vec<Evidence>,
}

/// A document attached to a wave.
#[derive(Clone, Debug)]
pub struct Evidence {
    pub row: evidence::Model,
    pub kind: Option<FileKind>,
    pub size: i64,
}

/// The digests of the stored files that evidence holds, for the library's
/// unused-file collector (`library::files::Holds`).
pub fn held_files() -> SelectStatement {
    Query::select()
        .column(evidence::Column::FileSha256)
        .from(evidence::Entity)
        .to_owned()
}

/// Whether `actor` may remove the documents of a municipal questionnaire
/// of municipality `id` (what the page offers).
pub fn may_remove(actor: Option<&Actor>, id: i32, collecting: bool) -> bool {
    can(
        actor,
        Action::RemoveCohesionEvidence {
            municipality: id,
            collecting,
        },
    )
}

/// The municipal questionnaires of `waves` (ids) with their evidence, for
/// the waves page (four queries, whatever the waves).
pub async fn of_waves(
    conn: &impl ConnectionTrait,
    municipality_id: i32,
    waves: &[(i32, Option<&FrameworkView>)],
    now: DateTime<Utc>,
) -> Result<HashMap<i32, MunicipalStatus>, CohesionError> {
    let ids: Vec<i32> = waves.iter().map(|(id, _)| *id).collect();
    let rows = municipal::Entity::find()
        .filter(municipal::Column::WaveId.is_in(ids.clone()))
        .all(conn)
        .await?;
    let surveys: HashMap<i32, survey::Model> = survey::Entity::find()
        .filter(survey::Column::Id.is_in(rows.iter().map(|r| r.survey_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let submitted: Vec<i32> = response::Entity::find()
        .filter(response::Column::SurveyId.is_in(surveys.keys().copied()))
        .filter(response::Column::MunicipalityId.eq(municipality_id))
        .filter(response::Column::SubmittedAt.is_not_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.survey_id)
        .collect();
    let files = evidence_of(conn, &ids).await?;
    let mut out = HashMap::new();
    for r in rows {
        let Some(s) = surveys.get(&r.survey_id) else {
            continue;
        };
        let Some(q) = waves
            .iter()
            .find(|(id, _)| *id == r.wave_id)
            .and_then(|(_, f)| f.as_ref())
            .and_then(|f| f.definition.municipal_or_shipped())
        else {
            continue;
        };
        out.insert(
            r.wave_id,
            MunicipalStatus {
                submitted: submitted.contains(&s.id),
                collecting: crate::surveys::rules::Survey::of(s.clone()).accepting(now),
                survey: s.clone(),
                questionnaire: q,
                evidence: files
                    .iter()
                    .filter(|e| e.row.wave_id == r.wave_id)
                    .cloned()
                    .collect(),
            },
        );
    }
    Ok(out)
}

/// The documents of some waves, oldest first, with their stored kind and
/// size (two queries).
async fn evidence_of(
    conn: &impl ConnectionTrait,
    wave_ids: &[i32],
) -> Result<Vec<Evidence>, CohesionError> {
    let rows = evidence::Entity::find()
        .filter(evidence::Column::WaveId.is_in(wave_ids.to_vec()))
        .order_by_asc(evidence::Column::Id)
        .all(conn)
        .await?;
    let objects: HashMap<String, file_object::Model> = file_object::Entity::find()
        .filter(file_object::Column::Sha256.is_in(rows.iter().map(|r| r.file_sha256.clone())))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| (f.sha256.clone(), f))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let f = objects.get(&row.file_sha256);
            Evidence {
                kind: f.and_then(|f| f.kind.parse().ok()),
                size: f.map_or(0, |f| f.size),
                row,
            }
        })
        .collect())
}

/// Wave `number` of municipality `m` with its municipal questionnaire (not
/// found without one).
async fn municipal_wave(
    conn: &impl ConnectionTrait,
    m: &municipality::Model,
    number: i32,
) -> Result<(wave::Model, Municipal), CohesionError> {
    let w = super::waves::numbered(conn, m.id, number).await?;
    municipal::Entity::find_by_id(w.id)
        .one(conn)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let f = framework::Entity::find_by_id(w.framework_id)
        .one(conn)
        .await?
        .ok_or_else(|| CohesionError::Invalid(format!("wave {}: no framework", w.id)))?;
    let q = FrameworkView::of(f)?
        .definition
        .municipal_or_shipped()
        .ok_or(CohesionError::NotFound)?;
    Ok((w, q))
}

/// The refusal of a document attached: the field `evidence_file` and why.
fn bad_file(message: &'static str) -> CohesionError {
    CohesionError::BadValues(vec![FieldError {
        field: "evidence_file",
        message,
    }])
}

/// Attach a stored file (already checked by content and size, and
/// recorded unused by the upload) to wave `number`'s municipal
/// questionnaire: to the answer of `question`, or to the response when it
/// is empty. Refused: by the policy (`RunCohesionWave`: not found for who
/// may not see the dashboard, forbidden for others), a question the
/// questionnaire does not have, a kind of file that is not a document, a
/// name that says another kind than the content, or a wave already holding
/// [`MAX_PER_WAVE`] documents. The evidence row's id.
#[allow(clippy::too_many_arguments)]
pub async fn attach(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    number: i32,
    question: &str,
    file: (&str, &Stored),
    now: DateTime<Utc>,
) -> Result<i32, CohesionError> {
    let (name, stored) = file;
    let tx = db.begin_write().await?;
    let m = super::waves::runnable(&tx, Some(actor), slug).await?;
    let (w, q) = municipal_wave(&tx, &m, number).await?;
    let question = question.trim();
    if !question.is_empty() && !q.questions().any(|(_, x)| x.question == question) {
        return Err(CohesionError::BadValues(vec![FieldError {
            field: "evidence_question",
            message: "cohesion-evidence-error-question",
        }]));
    }
    if !accepted(stored.kind) {
        return Err(bad_file("cohesion-evidence-error-kind"));
    }
    if !name_agrees(name, stored.kind) {
        return Err(bad_file("cohesion-evidence-error-mismatch"));
    }
    let held = evidence::Entity::find()
        .filter(evidence::Column::WaveId.eq(w.id))
        .count(&tx)
        .await?;
    if held >= MAX_PER_WAVE as u64 {
        return Err(bad_file("cohesion-evidence-error-many"));
    }
    crate::library::files::record(&tx, stored, now).await?;
    let row = evidence::ActiveModel {
        wave_id: Set(w.id),
        question: Set(question.to_owned()),
        file_sha256: Set(stored.sha256.to_string()),
        file_name: Set(name.to_owned()),
        uploaded_by: Set(Some(actor.person_id)),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, "cohesion-evidence", row.id, Op::Created).await?;
    audit::record(
        &tx,
        origin,
        "cohesion.evidence.attached",
        "cohesion_wave",
        w.id,
        Some(format!(
            "{} wave {number}: {} ({})",
            m.slug,
            if question.is_empty() {
                "the response"
            } else {
                question
            },
            stored.sha256
        )),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// A document of wave `number` of municipality `slug` for whoever may read
/// it: not found for who may not see the dashboard (or no such document),
/// forbidden for who may see it but is neither the municipality's nor
/// staff (`ViewCohesionEvidence`). The row and the stored file's kind.
pub async fn document(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
    number: i32,
    id: i32,
) -> Result<(evidence::Model, FileKind), CohesionError> {
    let m = super::plans::visible_municipality(conn, actor, slug).await?;
    let of_municipality = match actor {
        Some(a) => {
            a.focal_point_of.contains(&m.id)
                || affiliation::Entity::find()
                    .filter(affiliation::Column::PersonId.eq(a.person_id))
                    .filter(affiliation::Column::MunicipalityId.eq(m.id))
                    .one(conn)
                    .await?
                    .is_some()
        }
        None => false,
    };
    authorize(
        actor,
        Action::ViewCohesionEvidence(EvidenceRef { of_municipality }),
    )?;
    let w = super::waves::numbered(conn, m.id, number).await?;
    let row = evidence::Entity::find_by_id(id)
        .filter(evidence::Column::WaveId.eq(w.id))
        .one(conn)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let kind = file_object::Entity::find_by_id(row.file_sha256.clone())
        .one(conn)
        .await?
        .and_then(|f| f.kind.parse::<FileKind>().ok())
        .ok_or(CohesionError::NotFound)?;
    Ok((row, kind))
}

/// Whether the municipal questionnaire of wave `wave_id` still takes
/// answers at `now` (no questionnaire: no).
async fn collecting(
    conn: &impl ConnectionTrait,
    wave_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, CohesionError> {
    let Some(row) = municipal::Entity::find_by_id(wave_id).one(conn).await? else {
        return Ok(false);
    };
    Ok(survey::Entity::find_by_id(row.survey_id)
        .one(conn)
        .await?
        .is_some_and(|s| crate::surveys::rules::Survey::of(s).accepting(now)))
}

/// Remove document `id` of wave `number` of municipality `slug`. Refused:
/// not found for who may not see the dashboard (and for a document the
/// wave does not have), forbidden by the policy (`RemoveCohesionEvidence`:
/// its focal points while the questionnaire takes answers, staff always).
/// Audited, with the outbox row. The stored file stays until the
/// unused-file collector finds nothing else holding it for the grace
/// period. The row removed.
pub async fn remove(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    number: i32,
    id: i32,
    now: DateTime<Utc>,
) -> Result<evidence::Model, CohesionError> {
    let tx = db.begin_write().await?;
    let m = super::plans::visible_municipality(&tx, Some(actor), slug).await?;
    let w = super::waves::numbered(&tx, m.id, number).await?;
    let collecting = collecting(&tx, w.id, now).await?;
    authorize(
        Some(actor),
        Action::RemoveCohesionEvidence {
            municipality: m.id,
            collecting,
        },
    )?;
    let row = evidence::Entity::find_by_id(id)
        .filter(evidence::Column::WaveId.eq(w.id))
        .one(&tx)
        .await?
        .ok_or(CohesionError::NotFound)?;
    evidence::Entity::delete_by_id(row.id).exec(&tx).await?;
    outbox::record(&tx, "cohesion-evidence", row.id, Op::Deleted).await?;
    audit::record(
        &tx,
        origin,
        "cohesion.evidence.removed",
        "cohesion_wave",
        w.id,
        Some(format!(
            "{} wave {number}: {} \"{}\" ({})",
            m.slug,
            if row.question.is_empty() {
                "the response"
            } else {
                &row.question
            },
            row.file_name,
            row.file_sha256
        )),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_must_say_what_the_content_is() {
        assert!(name_agrees("decision.pdf", FileKind::Pdf));
        assert!(name_agrees("DECISION.PDF", FileKind::Pdf));
        assert!(name_agrees("photo.jpeg", FileKind::Jpeg));
        assert!(name_agrees("photo.jpg", FileKind::Jpeg));
        assert!(name_agrees("no extension", FileKind::Pdf));
        assert!(!name_agrees("decision.docx", FileKind::Pdf));
        assert!(!name_agrees("photo.pdf", FileKind::Png));
        assert!(accepted(FileKind::Pdf) && !accepted(FileKind::Webp));
    }
}
