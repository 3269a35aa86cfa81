//! Personal links for many residents at once: the focal point pastes a
//! list (one respondent a line: `email`, `Name <email>` or `Name, email`,
//! then optionally the respondent's stratum after a comma, semicolon or
//! tab), at most [`MAX_LINES`] lines. Every bad line is refused with its
//! number and nothing is sent; an address repeated in the list, or already
//! given a link for the wave, is skipped (each address gets one link, so
//! one response). Each link goes through the surveys activity's own rule
//! (`queue_link_in`), all in one write transaction, after cohesion's policy
//! check (`RunCohesionWave`).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::entities::{framework, link as cohesion_link, wave};
use super::error::CohesionError;
use super::rules::FrameworkView;
use crate::accounts::Email;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::policy::Actor;
use crate::surveys::entities::{link, survey};
use crate::surveys::error::SurveyError;
use crate::surveys::rules::links::{NewLink, check_link, queue_link_in};

/// The most respondents one list may hold (lines with text).
pub const MAX_LINES: usize = 500;

/// The longest name kept, in characters.
pub const MAX_NAME: usize = 200;

/// A respondent read from line `line` (1-based) of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Respondent {
    pub line: usize,
    /// The address when the line gives no name.
    pub name: String,
    pub email: String,
    pub stratum: Option<String>,
}

/// Why line `line` was refused (`line` 0: the list as a whole), with the
/// Fluent id of the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub message: &'static str,
}

/// A list read: the respondents to send to, and the lines skipped because
/// their address came earlier in the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct List {
    pub respondents: Vec<Respondent>,
    pub repeated: Vec<usize>,
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(|c| c == '"' || c == '\'').trim()
}

/// One line's name, address and stratum as written (unchecked), or the
/// Fluent id of why it cannot be read.
fn split_line(line: &str) -> Result<(String, String, Option<String>), &'static str> {
    let is_sep = |c: char| c == ',' || c == ';' || c == '\t';
    if let Some(open) = line.find('<') {
        let Some(close) = line[open..].find('>').map(|c| open + c) else {
            return Err("cohesion-links-error-format");
        };
        let name = unquote(line[..open].trim().trim_end_matches(is_sep));
        let email = line[open + 1..close].trim();
        let rest = line[close + 1..].trim();
        let stratum = match rest.strip_prefix(is_sep) {
            Some(s) => Some(unquote(s).to_owned()).filter(|s| !s.is_empty()),
            None if rest.is_empty() => None,
            None => return Err("cohesion-links-error-format"),
        };
        return Ok((name.to_owned(), email.to_owned(), stratum));
    }
    let fields: Vec<&str> = line.split(is_sep).map(unquote).collect();
    let at: Vec<usize> = (0..fields.len())
        .filter(|i| fields[*i].contains('@'))
        .collect();
    let [at] = at[..] else {
        return Err(if at.is_empty() {
            "cohesion-links-error-email"
        } else {
            "cohesion-links-error-format"
        });
    };
    let (name, stratum) = match (at, fields.len()) {
        (0, 1) => ("", None),
        (0, 2) => ("", Some(fields[1])),
        (1, 2) => (fields[0], None),
        (1, 3) => (fields[0], Some(fields[2])),
        _ => return Err("cohesion-links-error-format"),
    };
    Ok((
        name.to_owned(),
        fields[at].to_owned(),
        stratum.filter(|s| !s.is_empty()).map(str::to_owned),
    ))
}

/// Read a pasted list against the strata of the wave's framework (their
/// names; empty: the framework has none): every problem with its line, or
/// the respondents in order, an address repeated in the list skipped.
pub fn parse_list(text: &str, strata: &[String]) -> Result<List, Vec<LineProblem>> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(vec![LineProblem {
            line: 0,
            message: "cohesion-links-error-empty",
        }]);
    }
    if lines.len() > MAX_LINES {
        return Err(vec![LineProblem {
            line: 0,
            message: "cohesion-links-error-too-many",
        }]);
    }
    let mut problems = Vec::new();
    let mut list = List::default();
    let mut seen = BTreeSet::new();
    for (n, l) in lines {
        let mut refuse = |message| problems.push(LineProblem { line: n, message });
        let (name, email, stratum) = match split_line(l) {
            Ok(x) => x,
            Err(message) => {
                refuse(message);
                continue;
            }
        };
        let Ok(email) = Email::parse(&email) else {
            refuse("cohesion-links-error-email");
            continue;
        };
        let name = crate::i18n::clean_text(&name);
        if name.chars().count() > MAX_NAME {
            refuse("cohesion-links-error-name");
            continue;
        }
        let stratum = match stratum {
            None => None,
            Some(_) if strata.is_empty() => {
                refuse("cohesion-links-error-no-strata");
                continue;
            }
            Some(s) => match strata.iter().find(|k| k.eq_ignore_ascii_case(&s)) {
                Some(k) => Some(k.clone()),
                None => {
                    refuse("cohesion-links-error-stratum");
                    continue;
                }
            },
        };
        if !seen.insert(email.as_str().to_owned()) {
            list.repeated.push(n);
            continue;
        }
        list.respondents.push(Respondent {
            line: n,
            name: if name.is_empty() {
                email.as_str().to_owned()
            } else {
                name
            },
            email: email.as_str().to_owned(),
            stratum,
        });
    }
    if problems.is_empty() {
        Ok(list)
    } else {
        Err(problems)
    }
}

/// The strata names of a framework's stratum question.
pub fn strata_of(f: &FrameworkView) -> Vec<String> {
    f.definition
        .stratum
        .choice
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

/// What sending a list did: links sent, and the lines skipped (repeated
/// in the list, or an address the wave had already sent a link to).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub sent: usize,
    pub repeated: Vec<usize>,
    pub already: Vec<usize>,
}

/// The wave `number` of municipality `slug` collecting answers, its
/// campaign and its framework, for someone who may run its waves.
async fn collecting(
    conn: &impl sea_orm::ConnectionTrait,
    actor: &Actor,
    slug: &str,
    number: i32,
    now: DateTime<Utc>,
) -> Result<
    (
        i32,
        wave::Model,
        crate::surveys::rules::Survey,
        FrameworkView,
    ),
    CohesionError,
> {
    let m = super::waves::runnable(conn, Some(actor), slug).await?;
    let w = super::waves::numbered(conn, m.id, number).await?;
    let s = match w.survey_id {
        Some(id) => survey::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let s = s.map(crate::surveys::rules::Survey::of);
    let Some(s) = s.filter(|s| s.accepting(now)) else {
        return Err(CohesionError::BadValues(vec![FieldError {
            field: "bulk_wave",
            message: "cohesion-wave-error-link-closed",
        }]));
    };
    let f = framework::Entity::find_by_id(w.framework_id)
        .one(conn)
        .await?
        .ok_or_else(|| CohesionError::Invalid(format!("wave {}: no framework", w.id)))?;
    Ok((m.id, w, s, FrameworkView::of(f)?))
}

/// Send a personal link to every respondent of a pasted list for wave
/// `number`, in one write transaction (all or none), the invitations
/// written in `locale`. Refused: every bad line with its number (nothing
/// sent), a wave not collecting, or by the policy (not found for who may
/// not see the dashboard, forbidden for who may not run its waves).
#[allow(clippy::too_many_arguments)]
pub async fn send_list(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    number: i32,
    text: &str,
    locale: Locale,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Sent, CohesionError> {
    // Who may not run the waves is refused before the list is read.
    collecting(db.read(), actor, slug, number, now).await?;
    let tx = db.begin_write().await?;
    let (municipality_id, w, s, f) = collecting(&tx, actor, slug, number, now).await?;
    let list = parse_list(text, &strata_of(&f)).map_err(CohesionError::BadLines)?;
    let emails: Vec<String> = list.respondents.iter().map(|r| r.email.clone()).collect();
    let taken: BTreeSet<String> = link::Entity::find()
        .select_only()
        .column(link::Column::Email)
        .filter(link::Column::SurveyId.eq(s.row.id))
        .filter(link::Column::Email.is_in(emails))
        .into_tuple::<String>()
        .all(&tx)
        .await?
        .into_iter()
        .map(|e| e.to_lowercase())
        .collect();
    let mut sent = Sent {
        repeated: list.repeated,
        ..Sent::default()
    };
    for r in list.respondents {
        if taken.contains(&r.email) {
            sent.already.push(r.line);
            continue;
        }
        let line = r.line;
        let new = NewLink {
            name: r.name,
            email: r.email,
            municipality_id: Some(municipality_id),
            locale,
        };
        let refused = |e: SurveyError| match e {
            SurveyError::BadValue { message, .. } => {
                CohesionError::BadLines(vec![LineProblem { line, message }])
            }
            other => super::waves::survey_error(other),
        };
        check_link(&s, &new).map_err(refused)?;
        let id = queue_link_in(&tx, actor, origin, &s, new, public_url, now)
            .await
            .map_err(refused)?;
        cohesion_link::ActiveModel {
            link_id: Set(id),
            wave_id: Set(w.id),
            stratum: Set(r.stratum),
        }
        .insert(&tx)
        .await?;
        sent.sent += 1;
    }
    if sent.sent > 0 {
        audit::record(
            &tx,
            origin,
            "cohesion.wave.links",
            "cohesion_wave",
            w.id,
            Some(format!(
                "wave {number}: {} sent, {} repeated, {} already sent",
                sent.sent,
                sent.repeated.len(),
                sent.already.len()
            )),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    crate::mail::queue::wake();
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strata() -> Vec<String> {
        vec!["host".into(), "refugee".into()]
    }

    #[test]
    fn each_way_of_writing_a_line() {
        let list = parse_list(
            "amal@example.org\n\
             Omar Haddad <OMAR@example.org>\n\
             \"Layla Nasser\" <layla@example.org>, refugee\n\
             Can Yılmaz, can@example.org\n\
             \n\
             Dana\tdana@example.org\tHost\n\
             eve@example.org; host\n\
             amal@example.org",
            &strata(),
        )
        .unwrap();
        let got: Vec<(usize, &str, &str, Option<&str>)> = list
            .respondents
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.name.as_str(),
                    r.email.as_str(),
                    r.stratum.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "amal@example.org", "amal@example.org", None),
                (2, "Omar Haddad", "omar@example.org", None),
                (3, "Layla Nasser", "layla@example.org", Some("refugee")),
                (4, "Can Yılmaz", "can@example.org", None),
                (6, "Dana", "dana@example.org", Some("host")),
                (7, "eve@example.org", "eve@example.org", Some("host")),
            ]
        );
        assert_eq!(list.repeated, vec![8]);
    }

    #[test]
    fn every_bad_line_is_named() {
        let problems = parse_list(
            "ok@example.org\n\
             not an address\n\
             a, b@example.org, c@example.org\n\
             x@example.org, martian\n\
             Broken <y@example.org\n",
            &strata(),
        )
        .unwrap_err();
        let lines: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.message)).collect();
        assert_eq!(
            lines,
            vec![
                (2, "cohesion-links-error-email"),
                (3, "cohesion-links-error-format"),
                (4, "cohesion-links-error-stratum"),
                (5, "cohesion-links-error-format"),
            ]
        );
        let none = parse_list("x@example.org, host", &[]).unwrap_err();
        assert_eq!(none[0].message, "cohesion-links-error-no-strata");
    }

    #[test]
    fn the_limit_and_an_empty_list() {
        let at_limit: String = (0..MAX_LINES)
            .map(|i| format!("r{i}@example.org\n"))
            .collect();
        assert_eq!(
            parse_list(&at_limit, &[]).unwrap().respondents.len(),
            MAX_LINES
        );
        let over = format!("{at_limit}last@example.org");
        let p = parse_list(&over, &[]).unwrap_err();
        assert_eq!(
            (p[0].line, p[0].message),
            (0, "cohesion-links-error-too-many")
        );
        let p = parse_list(" \n\n", &[]).unwrap_err();
        assert_eq!(p[0].message, "cohesion-links-error-empty");
    }
}
