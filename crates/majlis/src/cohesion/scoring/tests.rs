//! Scoring against examples computed by hand (the sums are in the comments).

use std::collections::BTreeMap;

use super::*;
use crate::cohesion::framework::{Choice, Domain, Indicator, Item, Stratum};
use crate::i18n::{Locale, TrText};

fn t(s: &str) -> TrText {
    TrText::new(Locale::En, s).unwrap()
}

fn item(q: &str, scale: Scale, direction: Direction, weight: f64) -> Item {
    Item {
        question: q.into(),
        text: t(q),
        direction,
        scale,
        weight,
        instrument: "test".into(),
    }
}

fn indicator(key: &str, weight: f64, item: Vec<Item>) -> Indicator {
    Indicator {
        key: key.into(),
        name: t(key),
        weight,
        item,
    }
}

fn def(domain: Vec<(&str, f64, Vec<Indicator>)>) -> Definition {
    Definition {
        stratum: Stratum {
            question: "group".into(),
            page: t("About you"),
            label: t("You are"),
            choice: vec![Choice {
                name: "host".into(),
                label: t("host"),
            }],
        },
        intro: t("intro"),
        domain: domain
            .into_iter()
            .map(|(key, weight, indicator)| Domain {
                key: key.into(),
                name: t(key),
                weight,
                indicator,
            })
            .collect(),
        scale: Vec::new(),
        municipal: None,
    }
}

fn answers(rows: &[&[(&str, &str)]]) -> Vec<BTreeMap<String, String>> {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|(q, v)| (q.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn answers_are_normalised_and_reversed() {
    use Direction::*;
    assert_eq!(
        item_score(Scale::Agree5, Higher, "4"),
        Some((75.0, true, true))
    );
    assert_eq!(
        item_score(Scale::Agree5, Lower, "4"),
        Some((25.0, true, false))
    );
    assert_eq!(
        item_score(Scale::Agree5, Lower, "2"),
        Some((75.0, false, true))
    );
    assert_eq!(
        item_score(Scale::Scale10, Higher, "6"),
        Some((60.0, true, true))
    );
    assert_eq!(
        item_score(Scale::Scale10, Lower, "3"),
        Some((70.0, false, true))
    );
    assert_eq!(
        item_score(Scale::YesNo, Lower, "0"),
        Some((100.0, false, true))
    );
    // Not on the scale, or "don't know": missing.
    assert_eq!(item_score(Scale::Agree5, Higher, "0"), None);
    assert_eq!(item_score(Scale::Agree5, Higher, "6"), None);
    assert_eq!(item_score(Scale::Scale10, Higher, "11"), None);
    assert_eq!(item_score(Scale::YesNo, Higher, "2"), None);
    assert_eq!(item_score(Scale::Agree5, Higher, "dont_know"), None);
}

#[test]
fn weights_and_reversed_items() {
    // a: agree5, higher, weight 2; b: agree5, lower, weight 1.
    let d = def(vec![(
        "horizontal",
        1.0,
        vec![indicator(
            "relations",
            1.0,
            vec![
                item("a", Scale::Agree5, Direction::Higher, 2.0),
                item("b", Scale::Agree5, Direction::Lower, 1.0),
            ],
        )],
    )]);
    // Respondent scores (a, b reversed → (2a + b) / 3):
    // r1 5,1 → 100,100 → 100;  r2 4,2 → 75,75 → 75;  r3 3,3 → 50,50 → 50;
    // r4 2,5 → 25,0 → 16.67;   r5 1,4 → 0,25 → 8.33.   Mean: 250 / 5 = 50.
    let rows = answers(&[
        &[("a", "5"), ("b", "1")],
        &[("a", "4"), ("b", "2")],
        &[("a", "3"), ("b", "3")],
        &[("a", "2"), ("b", "5")],
        &[("a", "1"), ("b", "4")],
    ]);
    let s = score(&d, None, &rows);
    assert_eq!(s.n, 5);
    let a = s.item("a").unwrap();
    // a: (100 + 75 + 50 + 25 + 0) / 5 = 50; agree (4–5): r1, r2 = 40 %.
    assert_eq!(
        (a.score, a.agree, a.favourable, a.n),
        (Some(50.0), Some(40.0), Some(40.0), 5)
    );
    let b = s.item("b").unwrap();
    // b reversed: (100 + 75 + 50 + 0 + 25) / 5 = 50; raw agree (4–5): r4, r5
    // = 40 %; favourable (disagree, 1–2): r1, r2 = 40 %.
    assert_eq!(
        (b.score, b.agree, b.favourable),
        (Some(50.0), Some(40.0), Some(40.0))
    );
    let i = s.indicator("relations").unwrap();
    // The same as the weighted mean of the items: (2·50 + 50) / 3 = 50.
    assert_eq!((i.score, i.favourable, i.n), (Some(50.0), Some(40.0), 5));
    assert_eq!(s.domain("horizontal").unwrap().score, Some(50.0));
    assert_eq!(s.index.score, Some(50.0));
    assert!(!s.weighted);
}

#[test]
fn an_indicator_needs_half_of_its_weight_answered() {
    // a, b weight 1, c weight 2: a respondent needs answers weighing ≥ 2.
    let d = def(vec![(
        "vertical",
        1.0,
        vec![indicator(
            "trust",
            1.0,
            vec![
                item("a", Scale::Agree5, Direction::Higher, 1.0),
                item("b", Scale::Agree5, Direction::Higher, 1.0),
                item("c", Scale::Agree5, Direction::Higher, 2.0),
            ],
        )],
    )]);
    let rows = answers(&[
        // weight 1 answered: no score.
        &[("a", "5")],
        // c alone weighs 2: 100.
        &[("c", "5")],
        // a and b weigh 2: 0.
        &[("a", "1"), ("b", "1")],
        // all: (100 + 100 + 2·0) / 4 = 50.
        &[("a", "5"), ("b", "5"), ("c", "1")],
        // all: 50.
        &[("a", "3"), ("b", "3"), ("c", "3")],
        // nothing scored.
        &[("a", "dont_know"), ("b", "dont_know"), ("c", "dont_know")],
        // c: 75 ("don't know" to a is missing).
        &[("a", "dont_know"), ("c", "4")],
    ]);
    let s = score(&d, None, &rows);
    assert_eq!(s.n, 7);
    let i = s.indicator("trust").unwrap();
    // Five respondents have a score: (100 + 0 + 50 + 50 + 75) / 5 = 55.
    assert_eq!((i.score, i.n), (Some(55.0), 5));
    // Each item was answered by four: under the base of five, not given.
    for q in ["a", "b", "c"] {
        let f = s.item(q).unwrap();
        assert!(
            f.n < MIN_BASE && f.score.is_none() && f.agree.is_none(),
            "{q}: {f:?}"
        );
    }
    // So the indicator's % favourable (from its items) is missing too.
    assert_eq!(i.favourable, None);
    assert_eq!(s.index.score, Some(55.0));
}

#[test]
fn fewer_than_five_respondents_give_no_score() {
    let d = def(vec![(
        "safety",
        1.0,
        vec![indicator(
            "safe",
            1.0,
            vec![item("a", Scale::YesNo, Direction::Higher, 1.0)],
        )],
    )]);
    let rows = answers(&[&[("a", "1")], &[("a", "1")], &[("a", "0")], &[("a", "1")]]);
    let s = score(&d, None, &rows);
    assert_eq!(s.indicator("safe").unwrap().score, None);
    assert_eq!(s.index.score, None);
}

#[test]
fn domains_and_the_index_need_half_of_their_weight() {
    assert_eq!(
        half_weighted([(1.0, Some(80.0)), (3.0, None)].into_iter()),
        None
    );
    assert_eq!(
        half_weighted([(1.0, None), (3.0, Some(40.0))].into_iter()),
        Some(40.0)
    );
    // Exactly half is enough.
    assert_eq!(
        half_weighted([(1.0, Some(80.0)), (1.0, None)].into_iter()),
        Some(80.0)
    );
    // (1·80 + 3·40) / 4 = 50.
    assert_eq!(
        half_weighted([(1.0, Some(80.0)), (3.0, Some(40.0))].into_iter()),
        Some(50.0)
    );
    assert_eq!(half_weighted(std::iter::empty()), None);

    // Through a wave: "jobs" has no answers, "services" weighs 1 of 3.
    let d = def(vec![
        (
            "pressure",
            1.0,
            vec![
                indicator(
                    "services",
                    1.0,
                    vec![item("s", Scale::Agree5, Direction::Lower, 1.0)],
                ),
                indicator(
                    "jobs",
                    2.0,
                    vec![item("j", Scale::Agree5, Direction::Lower, 1.0)],
                ),
            ],
        ),
        (
            "safety",
            1.0,
            vec![indicator(
                "safe",
                1.0,
                vec![item("n", Scale::Scale10, Direction::Higher, 1.0)],
            )],
        ),
    ]);
    // s = 2 for everyone → reversed 75; n = 8 → 80.
    let one: &[(&str, &str)] = &[("s", "2"), ("n", "8")];
    let rows = answers(&[one; 5]);
    let s = score(&d, None, &rows);
    assert_eq!(s.indicator("services").unwrap().score, Some(75.0));
    assert_eq!(s.indicator("jobs").unwrap().score, None);
    assert_eq!(
        s.domain("pressure").unwrap().score,
        None,
        "1 of 3 is under half"
    );
    assert_eq!(s.domain("safety").unwrap().score, Some(80.0));
    // The index: safety weighs 1 of 2, exactly half.
    assert_eq!(s.index.score, Some(80.0));
}

#[test]
fn strata_weights_post_stratify() {
    let d = def(vec![(
        "participation",
        1.0,
        vec![indicator(
            "civic",
            1.0,
            vec![item("took_part", Scale::YesNo, Direction::Higher, 1.0)],
        )],
    )]);
    // 8 hosts, 6 of them yes (75 %); 2 refugees, none yes; one "other"
    // respondent, whose stratum has no share.
    let mut rows: Vec<&[(&str, &str)]> = Vec::new();
    let yes: &[(&str, &str)] = &[("group", "host"), ("took_part", "1")];
    let no: &[(&str, &str)] = &[("group", "host"), ("took_part", "0")];
    let refugee: &[(&str, &str)] = &[("group", "refugee"), ("took_part", "0")];
    let other: &[(&str, &str)] = &[("group", "other"), ("took_part", "1")];
    rows.extend([yes; 6]);
    rows.extend([no; 2]);
    rows.extend([refugee; 2]);
    rows.push(other);
    let rows = answers(&rows);
    // Unweighted (everyone): 7 of 11 → 63.6.
    let s = score(&d, None, &rows);
    assert_eq!(s.indicator("civic").unwrap().score, Some(63.6));
    // Half and half: hosts weigh 0.5·10/8, refugees 0.5·10/2, so the score is
    // 0.5·75 + 0.5·0 = 37.5; the "other" respondent is left out.
    let shares = BTreeMap::from([("host".to_string(), 0.5), ("refugee".to_string(), 0.5)]);
    let s = score(&d, Some(shares), &rows);
    assert!(s.weighted);
    assert_eq!((s.n, s.left_out), (10, 1));
    let f = s.indicator("civic").unwrap();
    assert_eq!((f.score, f.agree, f.n), (Some(37.5), None, 10));
    assert_eq!(s.item("took_part").unwrap().agree, Some(37.5));
    // A share of a stratum nobody answered for is spread over the others.
    let shares = BTreeMap::from([("host".to_string(), 1.0), ("absent".to_string(), 3.0)]);
    let only_hosts = answers(&[yes, yes, yes, no, no]);
    let s = score(&d, Some(shares), &only_hosts);
    assert_eq!(s.indicator("civic").unwrap().score, Some(60.0));
}

#[test]
fn a_changed_item_makes_its_indicator_not_comparable() {
    let relations = || {
        indicator(
            "relations",
            1.0,
            vec![item(
                "relations_good",
                Scale::Agree5,
                Direction::Higher,
                1.0,
            )],
        )
    };
    let v1 = def(vec![(
        "horizontal",
        1.0,
        vec![
            relations(),
            indicator(
                "trust",
                1.0,
                vec![item("trust_people", Scale::Scale10, Direction::Higher, 1.0)],
            ),
        ],
    )]);
    // Version 2 adds an item to "trust"; "relations" is unchanged.
    let v2 = def(vec![(
        "horizontal",
        1.0,
        vec![
            relations(),
            indicator(
                "trust",
                1.0,
                vec![
                    item("trust_people", Scale::Scale10, Direction::Higher, 1.0),
                    item("trust_neighbours", Scale::Agree5, Direction::Higher, 1.0),
                ],
            ),
        ],
    )]);
    let one: &[(&str, &str)] = &[
        ("relations_good", "4"),
        ("trust_people", "7"),
        ("trust_neighbours", "5"),
    ];
    let rows = answers(&[one; 5]);
    let (s1, s2) = (score(&v1, None, &rows), score(&v2, None, &rows));
    let same =
        |k: &str| s1.indicator(k).unwrap().fingerprint == s2.indicator(k).unwrap().fingerprint;
    assert!(same("relations"));
    assert!(!same("trust"));
    assert_ne!(
        s1.domain("horizontal").unwrap().fingerprint,
        s2.domain("horizontal").unwrap().fingerprint
    );
    assert_ne!(s1.index.fingerprint, s2.index.fingerprint);
    // A changed direction or weight counts as a change too.
    let mut v3 = v1.clone();
    v3.domain[0].indicator[0].item[0].direction = Direction::Lower;
    assert_ne!(
        framework::fingerprint(&v1.domain[0].indicator[0]),
        framework::fingerprint(&v3.domain[0].indicator[0])
    );
    // The order of items does not.
    let mut v4 = v2.clone();
    v4.domain[0].indicator[1].item.reverse();
    assert_eq!(
        framework::fingerprint(&v2.domain[0].indicator[1]),
        framework::fingerprint(&v4.domain[0].indicator[1])
    );
}

#[test]
fn the_municipal_questionnaire_scores_yes_partly_no_and_counts_the_unanswered() {
    use crate::cohesion::framework::{Municipal, MunicipalQuestion, MunicipalSection};
    let question = |q: &str| MunicipalQuestion {
        question: q.into(),
        text: t(q),
        instrument: "ICC Index".into(),
    };
    let q = Municipal {
        intro: t("intro"),
        choice: Vec::new(),
        section: vec![
            MunicipalSection {
                key: "policies".into(),
                name: t("Policies"),
                question: vec![question("p1"), question("p2"), question("p3")],
            },
            MunicipalSection {
                key: "data".into(),
                name: t("Data"),
                question: vec![question("d1"), question("d2")],
            },
        ],
    };
    // p1 yes (100), p2 partly (50), p3 not answered; d1 no (0), d2 "maybe"
    // (not a choice: unanswered).
    let given = answers(&[&[
        ("p1", "yes"),
        ("p2", "partly"),
        ("d1", "no"),
        ("d2", "maybe"),
    ]]);
    let s = score_municipal(&q, Some(&given[0]));
    assert!(s.submitted);
    // Policies: (100 + 50) / 2 = 75; data: 0 / 1 = 0; all: 150 / 3 = 50.
    assert_eq!(s.sections[0].score, Some(75.0));
    assert_eq!((s.sections[0].answered, s.sections[0].unanswered), (2, 1));
    assert_eq!(s.sections[1].score, Some(0.0));
    assert_eq!((s.sections[1].answered, s.sections[1].unanswered), (1, 1));
    assert_eq!(s.score, Some(50.0));
    assert_eq!((s.answered, s.unanswered), (3, 2));
    let d2 = s.questions.iter().find(|a| a.question == "d2").unwrap();
    assert_eq!((d2.answer.as_deref(), d2.score), (None, None));
    let p2 = s.questions.iter().find(|a| a.question == "p2").unwrap();
    assert_eq!(
        (p2.answer.as_deref(), p2.score),
        (Some("partly"), Some(50.0))
    );
    // One third: (100 + 0 + 0) / 3 = 33.3.
    let third = answers(&[&[("p1", "yes"), ("p2", "no"), ("p3", "no")]]);
    assert_eq!(
        score_municipal(&q, Some(&third[0])).sections[0].score,
        Some(33.3)
    );
    // Not submitted: nothing answered, no score.
    let none = score_municipal(&q, None);
    assert!(!none.submitted);
    assert_eq!((none.score, none.answered, none.unanswered), (None, 0, 5));
}
