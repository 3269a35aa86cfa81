//! A person's own time zone (account settings): an IANA name from the list
//! offered, or none. Event pages then show an event's times in it too, when
//! it reads a different clock than the venue's.

use std::sync::LazyLock;

use chrono_tz::Tz;
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, DbErr};

use super::person;
use crate::db::Db;
use crate::db::outbox::{self, Op};

/// The zone typed is not one of the list's.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown time zone")]
pub struct UnknownZone;

/// The zones offered: the IANA database's places ("Europe/Istanbul"), in
/// alphabetical order, and UTC; the old aliases ("US/Eastern", "Turkey")
/// left out.
pub fn zone_names() -> &'static [&'static str] {
    static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        const AREAS: [&str; 9] = [
            "Africa/",
            "America/",
            "Antarctica/",
            "Asia/",
            "Atlantic/",
            "Australia/",
            "Europe/",
            "Indian/",
            "Pacific/",
        ];
        let mut v: Vec<&'static str> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| tz.name())
            .filter(|n| AREAS.iter().any(|a| n.starts_with(a)))
            .collect();
        v.push("UTC");
        v.sort_unstable();
        v
    });
    &NAMES
}

/// What the form's field holds: empty for none, else one of [`zone_names`].
pub fn parse_zone(typed: &str) -> Result<Option<Tz>, UnknownZone> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match zone_names().binary_search(&typed) {
        Ok(i) => zone_names()[i].parse().map(Some).map_err(|_| UnknownZone),
        Err(_) => Err(UnknownZone),
    }
}

/// Keep (or clear) a person's time zone.
pub async fn set_time_zone(db: &Db, p: &person::Model, zone: Option<Tz>) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    let mut am: person::ActiveModel = p.clone().into();
    am.time_zone = Set(zone.map(|z| z.name().to_owned()));
    am.update(&tx).await?;
    outbox::record(&tx, "person", p.id, Op::Updated).await?;
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_checked_against_the_list() {
        assert_eq!(parse_zone(""), Ok(None));
        assert_eq!(
            parse_zone(" Europe/Istanbul "),
            Ok(Some(Tz::Europe__Istanbul))
        );
        assert_eq!(parse_zone("UTC"), Ok(Some(Tz::UTC)));
        assert_eq!(parse_zone("Europe/Atlantis"), Err(UnknownZone));
        assert_eq!(parse_zone("Turkey"), Err(UnknownZone));
        assert!(zone_names().len() > 300);
        assert!(zone_names().windows(2).all(|w| w[0] < w[1]));
    }
}
