//! Collation, dates, times, time-zone names and numbers for Majlis's five
//! locales (English, Arabic, Turkish, French, German), through ICU4X with its
//! compiled CLDR data. Knows nothing of the app: it takes plain values (a
//! language, a calendar day, a clock time, an IANA zone name) and gives text.
//!
//! One date style everywhere: the long form with the month's name
//! ("10 November 2016", "10 Kasım 2016", "10 نوفمبر 2016"), ranges collapsed
//! as CLDR's interval patterns say ("10–12 November 2016"), 24-hour times.
//! English dates are written day first (CLDR's `en-GB`), as across the
//! network's countries; Arabic keeps Western digits (`-u-nu-latn`), as the
//! platform's numbers always have, and the Gregorian calendar with CLDR's
//! Arabic month names.
//!
//! Formatters are built once per language, on first use, and shared.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu::calendar::{Date, Gregorian};
use icu::collator::options::CollatorOptions;
use icu::collator::{Collator, CollatorBorrowed};
use icu::datetime::fieldsets::{self, zone};
use icu::datetime::input::{DateTime, Time};
use icu::datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu::decimal::input::Decimal;
use icu::decimal::{DecimalFormatter, options::DecimalFormatterOptions};
use icu::locale::{Locale, locale};
use icu::time::zone::IanaParser;

/// One of the platform's five languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ar,
    Tr,
    Fr,
    De,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ar, Lang::Tr, Lang::Fr, Lang::De];

    fn index(self) -> usize {
        self as usize
    }

    /// The CLDR locale dates, times and numbers are written in.
    fn format_locale(self) -> Locale {
        match self {
            Lang::En => locale!("en-GB"),
            Lang::Ar => locale!("ar-u-nu-latn"),
            Lang::Tr => locale!("tr"),
            Lang::Fr => locale!("fr"),
            Lang::De => locale!("de"),
        }
    }

    /// The CLDR locale names are sorted in.
    fn collation_locale(self) -> Locale {
        match self {
            Lang::En => locale!("en"),
            Lang::Ar => locale!("ar"),
            Lang::Tr => locale!("tr"),
            Lang::Fr => locale!("fr"),
            Lang::De => locale!("de"),
        }
    }
}

/// A day of the Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }
}

/// A time of day on a 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock {
    pub hour: u8,
    pub minute: u8,
}

impl Clock {
    pub fn new(hour: u8, minute: u8) -> Clock {
        Clock { hour, minute }
    }
}

// ---------------------------------------------------------------------------
// Collation

struct Collators([CollatorBorrowed<'static>; 5]);

fn collators() -> &'static Option<Collators> {
    static C: OnceLock<Option<Collators>> = OnceLock::new();
    C.get_or_init(|| {
        let make = |l: Lang| {
            Collator::try_new(l.collation_locale().into(), CollatorOptions::default()).ok()
        };
        Some(Collators([
            make(Lang::En)?,
            make(Lang::Ar)?,
            make(Lang::Tr)?,
            make(Lang::Fr)?,
            make(Lang::De)?,
        ]))
    })
}

/// Compare two names as a reader of `lang` expects them in a list
/// (Turkish: c < ç < d, ı < i; Arabic in its alphabet's order; Latin names
/// in Arabic lists after Arabic ones, as CLDR's Arabic tailoring puts them).
pub fn compare(lang: Lang, a: &str, b: &str) -> Ordering {
    match collators() {
        Some(c) => c.0[lang.index()].compare(a, b),
        None => a.cmp(b),
    }
}

/// Sort `items` by the name `key` gives, collated for `lang`.
pub fn sort_by_name<T>(lang: Lang, items: &mut [T], key: impl Fn(&T) -> &str) {
    match collators() {
        Some(c) => {
            let c = &c.0[lang.index()];
            items.sort_by(|a, b| c.compare(key(a), key(b)));
        }
        None => items.sort_by(|a, b| key(a).cmp(key(b))),
    }
}

// ---------------------------------------------------------------------------
// Dates and times

type DateFmt = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>;
type MonthFmt = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YM>;
type MonthNameFmt = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::M>;
type DateTimeFmt = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMDT>;
type TimeFmt = NoCalendarFormatter<fieldsets::T>;
type DayFmt = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::D>;
type DayMonthFmt = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MD>;
type ZoneFmt = NoCalendarFormatter<zone::Location>;

struct Formatters {
    date: DateFmt,
    month: MonthFmt,
    month_name: MonthNameFmt,
    date_time: DateTimeFmt,
    time: TimeFmt,
    day: DayFmt,
    day_month: DayMonthFmt,
    zone: ZoneFmt,
    number: DecimalFormatter,
}

impl Formatters {
    fn new(lang: Lang) -> Option<Formatters> {
        let locale = lang.format_locale();
        let prefs = || (&locale).into();
        Some(Formatters {
            date: DateFmt::try_new(prefs(), fieldsets::YMD::long()).ok()?,
            month: MonthFmt::try_new(prefs(), fieldsets::YM::long()).ok()?,
            month_name: MonthNameFmt::try_new(prefs(), fieldsets::M::long()).ok()?,
            date_time: DateTimeFmt::try_new(prefs(), fieldsets::YMD::long().with_time_hm()).ok()?,
            time: TimeFmt::try_new(prefs(), fieldsets::T::hm()).ok()?,
            day: DayFmt::try_new(prefs(), fieldsets::D::long()).ok()?,
            day_month: DayMonthFmt::try_new(prefs(), fieldsets::MD::long()).ok()?,
            zone: ZoneFmt::try_new(prefs(), zone::Location).ok()?,
            number: DecimalFormatter::try_new((&locale).into(), DecimalFormatterOptions::default())
                .ok()?,
        })
    }
}

fn formatters(lang: Lang) -> Option<&'static Formatters> {
    static F: OnceLock<[Option<Formatters>; 5]> = OnceLock::new();
    F.get_or_init(|| Lang::ALL.map(Formatters::new))[lang.index()].as_ref()
}

fn gregorian(d: Day) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(d.year, d.month, d.day).ok()
}

fn icu_time(c: Clock) -> Option<Time> {
    Time::try_new(c.hour, c.minute, 0, 0).ok()
}

fn iso_day(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn iso_clock(c: Clock) -> String {
    format!("{:02}:{:02}", c.hour, c.minute)
}

/// A day: "10 November 2016", "10 Kasım 2016", "10. November 2016".
pub fn date(lang: Lang, d: Day) -> String {
    match (formatters(lang), gregorian(d)) {
        (Some(f), Some(g)) => f.date.format(&g).to_string(),
        _ => iso_day(d),
    }
}

/// A month of a year: "November 2016", "Kasım 2016".
pub fn month_year(lang: Lang, year: i32, month: u8) -> String {
    match (formatters(lang), gregorian(Day::new(year, month, 1))) {
        (Some(f), Some(g)) => f.month.format(&g).to_string(),
        _ => format!("{year:04}-{month:02}"),
    }
}

/// A month's name standing alone (a choice in a form): "November",
/// "Kasım", "نوفمبر"; its number when `month` is not 1–12.
pub fn month_name(lang: Lang, month: u8) -> String {
    match (formatters(lang), gregorian(Day::new(2000, month, 1))) {
        (Some(f), Some(g)) => f.month_name.format(&g).to_string(),
        _ => month.to_string(),
    }
}

/// From one day to another, collapsed: "10–12 November 2016",
/// "28 October – 2 November 2016", "28 December 2016 – 2 January 2017";
/// one day when both are the same.
///
/// ICU4X's interval formatter (`icu_datetime::range`, unstable) has no long
/// month names yet (it asks for abbreviated names it has not loaded), so the
/// range is put together here: the first day written without what it shares
/// with the last (the year, the month), then the last day in full. That is
/// CLDR's interval pattern for all five locales, which write the day first
/// ("10.–12. November 2016" in German, "10–12 نوفمبر 2016" in Arabic).
pub fn date_range(lang: Lang, from: Day, to: Day) -> String {
    if from == to {
        return date(lang, from);
    }
    let (Some(f), Some(a), Some(b)) = (formatters(lang), gregorian(from), gregorian(to)) else {
        return format!("{} – {}", iso_day(from), iso_day(to));
    };
    let last = f.date.format(&b);
    if from.year != to.year {
        format!("{} – {last}", f.date.format(&a))
    } else if from.month != to.month {
        format!("{} – {last}", f.day_month.format(&a))
    } else {
        // CLDR's German interval keeps the first day's ordinal dot
        // ("10.–12. November"), which the day alone is written without.
        let dot = if lang == Lang::De { "." } else { "" };
        format!("{}{dot}–{last}", f.day.format(&a))
    }
}

/// A time of day: "09:00".
pub fn time(lang: Lang, c: Clock) -> String {
    match (formatters(lang), icu_time(c)) {
        (Some(f), Some(t)) => f.time.format(&t).to_string(),
        _ => iso_clock(c),
    }
}

/// A day and a time: "10 November 2016 at 09:00", "10 Kasım 2016 09:00".
pub fn date_time(lang: Lang, d: Day, c: Clock) -> String {
    match (formatters(lang), gregorian(d), icu_time(c)) {
        (Some(f), Some(date), Some(time)) => {
            f.date_time.format(&DateTime { date, time }).to_string()
        }
        _ => format!("{} {}", iso_day(d), iso_clock(c)),
    }
}

/// From a day and time to another, collapsed: the days as
/// [`date_range`] writes them, then the times ("10 November 2016,
/// 09:00–17:00"; "10–12 November 2016, 09:00–17:00": from the first day's
/// start to the last day's end). The separator is the locale's list comma.
pub fn date_time_range(lang: Lang, from: (Day, Clock), to: (Day, Clock)) -> String {
    let days = date_range(lang, from.0, to.0);
    let times = if from.1 == to.1 {
        time(lang, from.1)
    } else {
        format!("{}–{}", time(lang, from.1), time(lang, to.1))
    };
    let comma = match lang {
        Lang::Ar => "، ",
        _ => ", ",
    };
    format!("{days}{comma}{times}")
}

/// The name of an IANA time zone as readers of `lang` know it: the country
/// or city it is kept for ("Türkiye Time", "Türkiye Saati", "heure : Turquie");
/// `None` when ICU does not know the zone.
pub fn zone_name(lang: Lang, iana: &str) -> Option<String> {
    let zone = IanaParser::new().parse(iana);
    if zone.is_unknown() {
        return None;
    }
    let f = formatters(lang)?;
    Some(f.zone.format(&zone.without_offset()).to_string())
}

/// Whether `iana` names a time zone ICU knows.
pub fn is_known_zone(iana: &str) -> bool {
    !IanaParser::new().parse(iana).is_unknown()
}

// ---------------------------------------------------------------------------
// Numbers

/// A whole number with the locale's digit grouping: "12,345", "12.345",
/// "12 345".
pub fn number(lang: Lang, n: i64) -> String {
    match formatters(lang) {
        Some(f) => f.number.format_to_string(&Decimal::from(n)),
        None => n.to_string(),
    }
}

#[cfg(test)]
mod tests;
