//! Frameworks as coordinators add them: a framework file (TOML, written
//! like the one the network ships) read into a checked definition, every
//! refusal naming its line and field; a preview against the previous
//! version of the same framework (which indicators changed and so become
//! not comparable across versions); and the file saved as a new version.
//! No HTTP here: refusals are [`CohesionError::BadFile`].

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::framework;
use super::error::CohesionError;
use super::framework::{DefinitionError, FrameworkFile, fingerprint};
use super::rules::FrameworkView;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::TrText;
use crate::policy::{Action, Actor, authorize};

/// The largest framework file taken, in bytes (the shipped one is 26 kB).
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// What is wrong with a framework file: the line (1-based; 0 when it is
/// about the whole file), the field, and the Fluent id of the message
/// (whose arguments are `line`, `field` and `latest`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub line: usize,
    pub field: String,
    pub message: &'static str,
    /// The latest saved version (for `cohesion-fw-error-version`).
    pub latest: i32,
}

impl FileProblem {
    fn new(line: usize, field: impl Into<String>, message: &'static str) -> Self {
        FileProblem {
            line,
            field: field.into(),
            message,
            latest: 0,
        }
    }
}

/// The line (1-based) of a byte offset.
fn line_at(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The key written on a line (`key = …`), or the table it opens (`[a.b]`).
fn key_on(text: &str, line: usize) -> String {
    let l = text
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .trim();
    if let Some((k, _)) = l.split_once('=') {
        k.trim().to_owned()
    } else {
        l.trim_matches(|c| c == '[' || c == ']').trim().to_owned()
    }
}

/// The first text between backticks in a message of the TOML reader.
fn quoted(message: &str) -> Option<String> {
    let (_, rest) = message.split_once('`')?;
    let (inside, _) = rest.split_once('`')?;
    Some(inside.to_owned())
}

fn toml_problem(text: &str, e: &toml::de::Error) -> FileProblem {
    let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(0);
    let m = e.message();
    if m.starts_with("missing field") {
        FileProblem::new(
            line,
            quoted(m).unwrap_or_default(),
            "cohesion-fw-error-missing",
        )
    } else if m.starts_with("unknown field") {
        FileProblem::new(
            line,
            quoted(m).unwrap_or_default(),
            "cohesion-fw-error-unknown",
        )
    } else if m.starts_with("invalid") || m.starts_with("unknown variant") {
        FileProblem::new(line, key_on(text, line), "cohesion-fw-error-value")
    } else {
        FileProblem::new(line, key_on(text, line), "cohesion-fw-error-syntax")
    }
}

/// The line where `value` is written as a quoted string: the first, or the
/// last (a name used twice is wrong where it comes again).
fn line_of_value(text: &str, value: &str, last: bool) -> usize {
    let needle = format!("\"{value}\"");
    let mut found = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(&needle))
        .map(|(i, _)| i + 1);
    if last {
        found.last().unwrap_or(0)
    } else {
        found.next().unwrap_or(0)
    }
}

/// The line of the first `key = …` at the top of a line.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
        .unwrap_or(0)
}

fn definition_problem(text: &str, e: DefinitionError) -> FileProblem {
    match e {
        DefinitionError::BadName(s) => {
            FileProblem::new(line_of_value(text, &s, false), s, "cohesion-fw-error-name")
        }
        DefinitionError::Duplicate(s) => FileProblem::new(
            line_of_value(text, &s, true),
            s,
            "cohesion-fw-error-duplicate",
        ),
        DefinitionError::BadWeight(s) => FileProblem::new(
            line_of_value(text, &s, false),
            s,
            "cohesion-fw-error-weight",
        ),
        DefinitionError::Empty(s) => {
            let line = if s == "the framework" {
                line_of_key(text, "domain")
            } else {
                line_of_value(text, &s, false)
            };
            let field = if s == "the framework" {
                "definition".to_owned()
            } else {
                s
            };
            FileProblem::new(line, field, "cohesion-fw-error-empty")
        }
    }
}

fn slug_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Read a framework file: TOML of the shipped framework's shape, its
/// definition checked ([`super::framework::Definition::check`]), a choice
/// list for every scale its items use, and a questionnaire the surveys
/// activity can read.
pub fn read(text: &str) -> Result<FrameworkFile, FileProblem> {
    if text.trim().is_empty() {
        return Err(FileProblem::new(0, "source", "cohesion-fw-error-no-file"));
    }
    if text.len() > MAX_FILE_BYTES {
        return Err(FileProblem::new(0, "source", "cohesion-fw-error-too-large"));
    }
    let mut file: FrameworkFile = toml::from_str(text).map_err(|e| toml_problem(text, &e))?;
    if !slug_ok(&file.slug) {
        return Err(FileProblem::new(
            line_of_key(text, "slug"),
            "slug",
            "cohesion-fw-error-slug",
        ));
    }
    if file.version < 1 {
        return Err(FileProblem::new(
            line_of_key(text, "version"),
            "version",
            "cohesion-fw-error-value",
        ));
    }
    file.definition
        .check()
        .map_err(|e| definition_problem(text, e))?;
    let offered: BTreeSet<_> = file.scale.iter().map(|s| s.scale).collect();
    if let Some((_, it)) = file
        .definition
        .items()
        .find(|(_, it)| !offered.contains(&it.scale))
    {
        return Err(FileProblem::new(
            line_of_value(text, it.scale.code(), false),
            it.scale.code(),
            "cohesion-fw-error-scale",
        ));
    }
    if let Err(problems) =
        crate::surveys::rules::parse_source("markdown", file.questionnaire().as_bytes())
    {
        return Err(FileProblem::new(
            0,
            problems.join("; "),
            "cohesion-fw-error-questionnaire",
        ));
    }
    // The municipal questionnaire, when the file has one, is a form too.
    if let Some(m) = &file.definition.municipal
        && let Err(problems) =
            crate::surveys::rules::parse_source("markdown", m.questionnaire().as_bytes())
    {
        return Err(FileProblem::new(
            0,
            problems.join("; "),
            "cohesion-fw-error-questionnaire",
        ));
    }
    // The scales travel with the stored definition.
    file.definition.scale = file.scale.clone();
    Ok(file)
}

/// How an indicator of the new version compares with the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Not in the previous version (or there is none).
    New,
    /// Its items' questions, directions, scales or weights differ: scores
    /// are not comparable across the versions.
    Changed,
    Same,
}

impl Change {
    pub fn code(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Changed => "changed",
            Change::Same => "same",
        }
    }
}

/// A framework file read, compared with the latest saved version of the
/// same framework.
#[derive(Clone, Debug)]
pub struct Preview {
    pub file: FrameworkFile,
    pub previous: Option<FrameworkView>,
    /// Each indicator of the file, in order: its key and how it compares.
    pub changes: Vec<(String, Change)>,
    /// Indicators of the previous version the file no longer has.
    pub removed: Vec<(String, TrText)>,
}

impl Preview {
    pub fn change(&self, key: &str) -> Change {
        self.changes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, c)| *c)
            .unwrap_or(Change::New)
    }
}

/// The latest saved version of the framework `slug`.
async fn latest(
    conn: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<FrameworkView>, CohesionError> {
    framework::Entity::find()
        .filter(framework::Column::Slug.eq(slug))
        .order_by_desc(framework::Column::Version)
        .one(conn)
        .await?
        .map(FrameworkView::of)
        .transpose()
}

fn compare(
    text: &str,
    file: FrameworkFile,
    previous: Option<FrameworkView>,
) -> Result<Preview, CohesionError> {
    if let Some(p) = &previous
        && file.version <= p.version
    {
        return Err(CohesionError::BadFile(FileProblem {
            latest: p.version,
            ..FileProblem::new(
                line_of_key(text, "version"),
                "version",
                "cohesion-fw-error-version",
            )
        }));
    }
    let changes = file
        .definition
        .indicators()
        .map(|(_, i)| {
            let before = previous.as_ref().and_then(|p| {
                p.definition
                    .indicators()
                    .find(|(_, o)| o.key == i.key)
                    .map(|(_, o)| fingerprint(o))
            });
            let change = match before {
                None => Change::New,
                Some(f) if f == fingerprint(i) => Change::Same,
                Some(_) => Change::Changed,
            };
            (i.key.clone(), change)
        })
        .collect();
    let removed = previous
        .as_ref()
        .map(|p| {
            p.definition
                .indicators()
                .filter(|(_, o)| !file.definition.indicators().any(|(_, i)| i.key == o.key))
                .map(|(_, o)| (o.key.clone(), o.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    Ok(Preview {
        file,
        previous,
        changes,
        removed,
    })
}

/// Check that `actor` may add frameworks.
pub fn may_manage(actor: &Actor) -> Result<(), CohesionError> {
    Ok(authorize(Some(actor), Action::ManageCohesionFrameworks)?)
}

/// Read a framework file and compare it with the framework's latest
/// version; nothing is saved.
pub async fn preview(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    text: &str,
) -> Result<Preview, CohesionError> {
    may_manage(actor)?;
    let file = read(text).map_err(CohesionError::BadFile)?;
    let previous = latest(conn, &file.slug).await?;
    compare(text, file, previous)
}

/// Save a framework file as a new version (read and checked again, in the
/// writing transaction): the stored row.
pub async fn save(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    text: &str,
    now: DateTime<Utc>,
) -> Result<framework::Model, CohesionError> {
    may_manage(actor)?;
    let file = read(text).map_err(CohesionError::BadFile)?;
    let tx = db.begin_write().await?;
    let previous = latest(&tx, &file.slug).await?;
    let p = compare(text, file, previous)?;
    let definition = serde_json::to_value(&p.file.definition)
        .map_err(|e| CohesionError::Invalid(format!("framework {}: {e}", p.file.slug)))?;
    let row = framework::ActiveModel {
        slug: Set(p.file.slug.clone()),
        version: Set(p.file.version),
        title: Set(p.file.title.clone()),
        description: Set(Some(p.file.description.clone())),
        definition: Set(definition),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let changed = p
        .changes
        .iter()
        .filter(|(_, c)| *c == Change::Changed)
        .map(|(k, _)| k.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    outbox::record(&tx, "cohesion-framework", row.id, Op::Created).await?;
    audit::record(
        &tx,
        origin,
        "cohesion.framework",
        "cohesion_framework",
        row.id,
        Some(format!(
            "{} v{}; not comparable: {changed}",
            row.slug, row.version
        )),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// Every framework version, by framework, newest version first.
pub async fn list(
    conn: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Vec<FrameworkView>, CohesionError> {
    may_manage(actor)?;
    framework::Entity::find()
        .order_by_asc(framework::Column::Slug)
        .order_by_desc(framework::Column::Version)
        .all(conn)
        .await?
        .into_iter()
        .map(FrameworkView::of)
        .collect()
}
