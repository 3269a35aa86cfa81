use super::*;

fn sorted(lang: Lang, names: &[&'static str]) -> Vec<&'static str> {
    let mut v = names.to_vec();
    sort_by_name(lang, &mut v, |s| s);
    v
}

#[test]
fn turkish_dotless_and_dotted_i_and_cedilla() {
    let names = ["İnegöl", "Isparta", "Çatalca", "Cizre", "Denizli"];
    // Turkish: c < ç < d, ı (I) < i (İ).
    assert_eq!(
        sorted(Lang::Tr, &names),
        ["Cizre", "Çatalca", "Denizli", "Isparta", "İnegöl"]
    );
    // Elsewhere ç is a c and İ an i with an accent.
    assert_eq!(
        sorted(Lang::En, &names),
        ["Çatalca", "Cizre", "Denizli", "İnegöl", "Isparta"]
    );
    assert_eq!(compare(Lang::Tr, "ılık", "inek"), Ordering::Less);
    assert_eq!(compare(Lang::Tr, "Ş", "T"), Ordering::Less);
}

#[test]
fn arabic_order() {
    // Hamza on the alif does not count before the following letters; the
    // byte order (أ U+0623 before ا U+0627) would put أربيل first.
    assert_eq!(
        sorted(
            Lang::Ar,
            &["أربيل", "اربد", "عمان", "بيروت", "طرابلس", "صيدا"]
        ),
        ["اربد", "أربيل", "بيروت", "صيدا", "طرابلس", "عمان"]
    );
    // Arabic names come before Latin ones on Arabic pages, after them elsewhere.
    assert_eq!(
        sorted(Lang::Ar, &["Berlin", "عمان", "Amman"]),
        ["عمان", "Amman", "Berlin"]
    );
    assert_eq!(
        sorted(Lang::En, &["Berlin", "عمان", "Amman"]),
        ["Amman", "Berlin", "عمان"]
    );
    // Vowel marks do not change the order.
    assert_eq!(
        compare(Lang::Ar, "عَمّان", "عمار"),
        compare(Lang::Ar, "عمان", "عمار")
    );
}

#[test]
fn german_and_french_accents() {
    assert_eq!(
        sorted(Lang::De, &["Zürich", "Ulm", "Überlingen", "Würzburg"]),
        ["Überlingen", "Ulm", "Würzburg", "Zürich"]
    );
    assert_eq!(
        sorted(Lang::Fr, &["Évry", "Ecully", "Fréjus", "Eze"]),
        ["Ecully", "Évry", "Eze", "Fréjus"]
    );
}

#[test]
fn one_day_in_every_locale() {
    let d = Day::new(2016, 11, 10);
    assert_eq!(date(Lang::En, d), "10 November 2016");
    assert_eq!(date(Lang::Ar, d), "10 نوفمبر 2016");
    assert_eq!(date(Lang::Tr, d), "10 Kasım 2016");
    assert_eq!(date(Lang::Fr, d), "10 novembre 2016");
    assert_eq!(date(Lang::De, d), "10. November 2016");
}

#[test]
fn ranges_collapse_in_every_locale() {
    let cases: [(Lang, [&str; 3]); 5] = [
        (
            Lang::En,
            [
                "10–12 November 2016",
                "28 October – 2 November 2016",
                "28 December 2016 – 2 January 2017",
            ],
        ),
        (
            Lang::Ar,
            [
                "10–12 نوفمبر 2016",
                "28 أكتوبر – 2 نوفمبر 2016",
                "28 ديسمبر 2016 – 2 يناير 2017",
            ],
        ),
        (
            Lang::Tr,
            [
                "10–12 Kasım 2016",
                "28 Ekim – 2 Kasım 2016",
                "28 Aralık 2016 – 2 Ocak 2017",
            ],
        ),
        (
            Lang::Fr,
            [
                "10–12 novembre 2016",
                "28 octobre – 2 novembre 2016",
                "28 décembre 2016 – 2 janvier 2017",
            ],
        ),
        (
            Lang::De,
            [
                "10.–12. November 2016",
                "28. Oktober – 2. November 2016",
                "28. Dezember 2016 – 2. Januar 2017",
            ],
        ),
    ];
    for (lang, [same_month, same_year, across_years]) in cases {
        assert_eq!(
            date_range(lang, Day::new(2016, 11, 10), Day::new(2016, 11, 12)),
            same_month,
            "{lang:?}"
        );
        assert_eq!(
            date_range(lang, Day::new(2016, 10, 28), Day::new(2016, 11, 2)),
            same_year,
            "{lang:?}"
        );
        assert_eq!(
            date_range(lang, Day::new(2016, 12, 28), Day::new(2017, 1, 2)),
            across_years,
            "{lang:?}"
        );
        assert_eq!(
            date_range(lang, Day::new(2016, 11, 10), Day::new(2016, 11, 10)),
            date(lang, Day::new(2016, 11, 10))
        );
    }
}

#[test]
fn months_times_and_time_ranges() {
    assert_eq!(month_year(Lang::En, 2019, 2), "February 2019");
    assert_eq!(month_year(Lang::Tr, 2019, 2), "Şubat 2019");
    assert_eq!(month_year(Lang::Ar, 2019, 2), "فبراير 2019");
    assert_eq!(month_year(Lang::De, 2019, 2), "Februar 2019");
    assert_eq!(month_year(Lang::Fr, 2019, 2), "février 2019");
    assert_eq!(time(Lang::En, Clock::new(9, 5)), "09:05");
    assert_eq!(time(Lang::De, Clock::new(17, 0)), "17:00");
    let day = Day::new(2016, 11, 10);
    assert_eq!(
        date_time_range(Lang::En, (day, Clock::new(9, 0)), (day, Clock::new(17, 0))),
        "10 November 2016, 09:00–17:00"
    );
    assert_eq!(
        date_time_range(
            Lang::Tr,
            (day, Clock::new(9, 0)),
            (Day::new(2016, 11, 12), Clock::new(17, 0))
        ),
        "10–12 Kasım 2016, 09:00–17:00"
    );
    let ar = date_time_range(Lang::Ar, (day, Clock::new(9, 0)), (day, Clock::new(17, 0)));
    assert!(ar.starts_with("10 نوفمبر 2016، "), "{ar}");
    assert_eq!(
        date_time(Lang::En, day, Clock::new(9, 0)),
        "10 November 2016 at 09:00"
    );
    assert_eq!(
        date_time(Lang::Tr, day, Clock::new(9, 0)),
        "10 Kasım 2016 09:00"
    );
}

#[test]
fn bad_values_fall_back_to_iso() {
    assert_eq!(date(Lang::En, Day::new(2016, 2, 30)), "2016-02-30");
    assert_eq!(time(Lang::En, Clock::new(25, 0)), "25:00");
}

#[test]
fn zone_names() {
    assert_eq!(
        zone_name(Lang::En, "Europe/Istanbul").as_deref(),
        Some("Türkiye Time")
    );
    assert_eq!(
        zone_name(Lang::Tr, "Europe/Istanbul").as_deref(),
        Some("Türkiye Saati")
    );
    assert_eq!(
        zone_name(Lang::Ar, "Europe/Istanbul").as_deref(),
        Some("توقيت تركيا")
    );
    assert!(zone_name(Lang::En, "Europe/Berlin").is_some());
    assert!(zone_name(Lang::En, "Mars/Olympus").is_none());
    assert!(is_known_zone("Asia/Beirut"));
    assert!(!is_known_zone("Asia/Atlantis"));
}

#[test]
fn numbers_grouped_as_each_locale_writes_them() {
    assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
    assert_eq!(number(Lang::Ar, 1_234_567), "1,234,567");
    assert_eq!(number(Lang::Tr, 1_234_567), "1.234.567");
    assert_eq!(number(Lang::De, 1_234_567), "1.234.567");
    assert_eq!(number(Lang::Fr, 1_234_567), "1\u{202f}234\u{202f}567");
    assert_eq!(number(Lang::En, -42), "-42");
    assert_eq!(number(Lang::De, 999), "999");
}

#[test]
fn month_names_standing_alone() {
    let names = |lang| (1..=12).map(|m| month_name(lang, m)).collect::<Vec<_>>();
    assert_eq!(names(Lang::En)[0], "January");
    assert_eq!(names(Lang::En)[10], "November");
    assert_eq!(names(Lang::Tr)[10], "Kasım");
    assert_eq!(names(Lang::De)[2], "März");
    assert_eq!(names(Lang::Fr)[7], "août");
    assert_eq!(names(Lang::Ar)[3], "أبريل");
    for lang in Lang::ALL {
        let all = names(lang);
        let distinct: std::collections::BTreeSet<_> = all.iter().collect();
        assert_eq!(distinct.len(), 12, "{lang:?}: {all:?}");
    }
    assert_eq!(month_name(Lang::En, 13), "13");
}
