//! Dates, times, time zones, numbers and the order of names, as readers of
//! each locale write them: the one formatter every page, feed and mail
//! uses, through `majlis-locale` (ICU4X). One date style everywhere: the day
//! with the month's name ("10 November 2016", "10 Kasım 2016",
//! "10 نوفمبر 2016"), ranges collapsed ("10–12 November 2016"), times on the
//! locale's clock, always with the zone they are in.

use std::cmp::Ordering;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use majlis_locale::{self as icu, Clock, Day, Lang};

use super::Locale;

fn day(d: NaiveDate) -> Day {
    Day::new(
        d.year(),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn clock<T: Timelike>(t: &T) -> Clock {
    Clock::new(
        u8::try_from(t.hour()).unwrap_or(0),
        u8::try_from(t.minute()).unwrap_or(0),
    )
}

impl Locale {
    fn icu(self) -> Lang {
        match self {
            Locale::En => Lang::En,
            Locale::Ar => Lang::Ar,
            Locale::Tr => Lang::Tr,
            Locale::Fr => Lang::Fr,
            Locale::De => Lang::De,
        }
    }

    /// Group the digits of a whole number as readers of this locale expect
    /// ("12,345", "12.345", "12 345"; Arabic pages keep Western digits).
    pub fn number(self, n: i64) -> String {
        icu::number(self.icu(), n)
    }

    /// Compare two names in this locale's alphabetical order.
    pub fn collate(self, a: &str, b: &str) -> Ordering {
        icu::compare(self.icu(), a, b)
    }

    /// Sort by the name `key` gives, in this locale's alphabetical order
    /// (Turkish ı before i, ç after c; Arabic in its alphabet's order).
    pub fn sort_by_name<T>(self, items: &mut [T], key: impl Fn(&T) -> &str) {
        icu::sort_by_name(self.icu(), items, key)
    }

    /// A day: "10 November 2016".
    pub fn date(self, d: NaiveDate) -> String {
        icu::date(self.icu(), day(d))
    }

    /// From one day to another, collapsed: "10–12 November 2016".
    pub fn date_range(self, from: NaiveDate, to: NaiveDate) -> String {
        icu::date_range(self.icu(), day(from), day(to))
    }

    /// A month (1–12) of a year: "November 2016".
    pub fn month_year(self, year: i32, month: u32) -> String {
        icu::month_year(self.icu(), year, u8::try_from(month).unwrap_or(1))
    }

    /// A month's name (1–12) standing alone, for a choice: "November".
    pub fn month_name(self, month: u32) -> String {
        icu::month_name(self.icu(), u8::try_from(month).unwrap_or(0))
    }

    /// The day of an instant, in UTC (publication dates, deadlines).
    pub fn day_of(self, t: DateTime<Utc>) -> String {
        self.date(t.date_naive())
    }

    /// An instant's day and time in a zone, the zone named after it:
    /// "10 November 2016 at 09:00 (Türkiye Time)".
    pub fn date_time_in(self, t: DateTime<Utc>, tz: Tz) -> String {
        let local = t.with_timezone(&tz).naive_local();
        format!(
            "{} ({})",
            icu::date_time(self.icu(), day(local.date()), clock(&local.time())),
            self.zone_name(tz)
        )
    }

    /// An instant's day and time in UTC: "10 November 2016 at 09:00 UTC".
    pub fn date_time_utc(self, t: DateTime<Utc>) -> String {
        format!(
            "{} UTC",
            icu::date_time(self.icu(), day(t.date_naive()), clock(&t.time()))
        )
    }

    /// From one instant to another as read in a zone, collapsed, without
    /// the zone's name: "10–12 November 2016, 09:00–17:00".
    pub fn span_in(self, from: DateTime<Utc>, to: DateTime<Utc>, tz: Tz) -> String {
        let (a, b) = (
            from.with_timezone(&tz).naive_local(),
            to.with_timezone(&tz).naive_local(),
        );
        icu::date_time_range(
            self.icu(),
            (day(a.date()), clock(&a.time())),
            (day(b.date()), clock(&b.time())),
        )
    }

    /// A time zone as this locale names it ("Türkiye Time", "توقيت تركيا"),
    /// else its IANA name.
    pub fn zone_name(self, tz: Tz) -> String {
        icu::zone_name(self.icu(), tz.name()).unwrap_or_else(|| tz.name().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_the_venue_zone() {
        let tz: Tz = "Europe/Istanbul".parse().unwrap_or(Tz::UTC);
        let from = "2016-11-10T06:00:00Z"
            .parse::<DateTime<Utc>>()
            .unwrap_or_default();
        let to = "2016-11-12T14:00:00Z"
            .parse::<DateTime<Utc>>()
            .unwrap_or_default();
        assert_eq!(
            Locale::En.span_in(from, to, tz),
            "10–12 November 2016, 09:00–17:00"
        );
        assert_eq!(
            Locale::Tr.span_in(from, to, tz),
            "10–12 Kasım 2016, 09:00–17:00"
        );
        assert_eq!(
            Locale::En.date_time_in(from, tz),
            "10 November 2016 at 09:00 (Türkiye Time)"
        );
    }
}
