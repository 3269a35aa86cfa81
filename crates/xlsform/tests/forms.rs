//! Reading, writing back and evaluating a real form (tests/forms/challenges.md,
//! English and Arabic), and the wording of errors.

use chrono::NaiveDate;
use majlis_xlsform::answers::Context;
use majlis_xlsform::{Answers, ErrorKind, Form, Item, Kind, Workbook};

fn challenges() -> Form {
    let md = include_str!("forms/challenges.md");
    Form::from_markdown(md).unwrap_or_else(|e| panic!("{e}"))
}

fn ctx(language: Option<&str>) -> Context<'_> {
    Context {
        language,
        today: NaiveDate::from_ymd_opt(2016, 5, 20).unwrap(),
    }
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn the_model_has_groups_languages_and_settings() {
    let form = challenges();
    assert_eq!(form.settings.form_id.as_deref(), Some("challenges_2016"));
    assert_eq!(
        form.settings.default_language.as_deref(),
        Some("English (en)")
    );
    let codes: Vec<_> = form.languages.iter().map(|l| l.code.as_deref()).collect();
    assert_eq!(codes, [Some("en"), Some("ar")]);
    let Item::Group(profile) = &form.items[0] else {
        panic!("first item is the profile group")
    };
    assert!(profile.field_list());
    assert_eq!(profile.items.len(), 5);
    assert_eq!(form.questions().len(), 13);
    let population = form.question("population").unwrap();
    assert_eq!(population.kind, Kind::Integer);
    assert_eq!(population.row, 5);
    assert_eq!(population.label.get(Some("ar"), &form), Some("عدد السكان"));
    assert_eq!(
        form.question("satisfaction").unwrap().kind,
        Kind::Range {
            start: 1.0,
            end: 5.0,
            step: 1.0
        }
    );
}

#[test]
fn round_trip_through_xlsx_keeps_the_form() {
    let form = challenges();
    let book = form.to_workbook();
    let bytes = book.to_xlsx().unwrap();
    let back = Form::from_xlsx(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, form);
    // And once more: the written workbook reads back to the same cells.
    let again = Workbook::from_xlsx(&back.to_workbook().to_xlsx().unwrap()).unwrap();
    assert_eq!(again, Workbook::from_xlsx(&bytes).unwrap());
}

#[test]
fn relevance_chain_constraints_and_required() {
    let form = challenges();
    // Nothing answered: the tensions group depends on the population.
    let r = form.evaluate(&Answers::new(), &ctx(None));
    assert!(!r.relevant["tensions"]);
    assert!(!r.relevant["tension_increase"]);
    assert!(r.relevant["profile"]);
    assert_eq!(r.required_missing, ["country", "population", "consent"]);
    assert_eq!(r.calculated["refugee_share"], "");
    // Defaults fill what was not answered.
    assert_eq!(r.values["satisfaction"], "3");

    let a = answers(&[
        ("country", "jo"),
        ("governorate", "amman"),
        ("population", "4000000"),
        ("refugees", "1000000"),
        ("tension_increase", "yes"),
        ("tension_causes", "jobs other"),
        ("survey_date", "2016-05-10"),
        ("consent", "OK"),
    ]);
    let r = form.evaluate(&a, &ctx(None));
    assert!(r.relevant["tensions"] && r.relevant["tension_causes"] && r.relevant["other_cause"]);
    assert_eq!(r.calculated["refugee_share"], "25");
    assert_eq!(r.calculated["summary"], "Jordan: 1000000");
    assert_eq!(r.required_missing, ["other_cause"]);
    assert!(r.constraint_errors.is_empty(), "{:?}", r.constraint_errors);

    // "no" switches the causes off, and with them the required "other".
    let mut b = a.clone();
    b.insert("tension_increase".into(), "no".into());
    let r = form.evaluate(&b, &ctx(None));
    assert!(!r.relevant["tension_causes"] && !r.relevant["other_cause"]);
    assert!(r.required_missing.is_empty());
    assert_eq!(
        r.values["tension_causes"], "",
        "skipped answers are emptied"
    );
}

#[test]
fn refused_answers_carry_the_forms_message_in_the_language() {
    let form = challenges();
    let a = answers(&[
        ("country", "jo"),
        ("governorate", "beirut"),
        ("population", "0"),
        ("refugees", "5"),
        ("survey_date", "2016-06-01"),
        ("satisfaction", "7"),
        ("consent", "OK"),
    ]);
    let ar = form.evaluate(&a, &ctx(Some("ar")));
    let by_name = |r: &majlis_xlsform::Evaluation, n: &str| {
        r.constraint_errors
            .iter()
            .find(|e| e.name == n)
            .map(|e| e.message.clone())
            .unwrap_or_else(|| panic!("no error for {n}: {:?}", r.constraint_errors))
    };
    assert_eq!(by_name(&ar, "population"), "أدخل عددًا بين 1 و20 مليونًا.");
    assert_eq!(
        by_name(&ar, "survey_date"),
        "لا يمكن أن يكون التاريخ في المستقبل."
    );
    // Beirut is not a governorate of Jordan (choice filter).
    assert!(by_name(&ar, "governorate").contains("beirut"));
    assert!(by_name(&ar, "satisfaction").contains("between 1 and 5"));
    let row = ar
        .constraint_errors
        .iter()
        .find(|e| e.name == "population")
        .unwrap()
        .row;
    assert_eq!(row, 5);
    // Without a language: the form's default (English).
    let en = form.evaluate(&a, &ctx(None));
    assert_eq!(
        by_name(&en, "population"),
        "Enter a population between 1 and 20 million."
    );
    // The choice filter offers only Jordan's governorates.
    let q = form.question("governorate").unwrap();
    let offered: Vec<_> = form
        .choices_for(q, &en.values, &ctx(None))
        .into_iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(offered, ["amman", "irbid"]);
}

#[test]
fn errors_name_sheet_row_and_column_in_plain_words() {
    let md = "
        | survey |
        | | type | name | label | relevant |
        | | integer | population | Population | |
        | | integer | refugees | Refugees | ${populaton} > 0 |
        | | select_one colours | c | Colour | |
        | | geopoint | where | Where | |
        | | text | population | Again | |
        | | begin_group | g | G | |
    ";
    let errors = Form::from_markdown(md).unwrap_err();
    let lines: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        lines,
        [
            "survey sheet, row 4, column type: choice list `colours` is not on the choices sheet",
            "not supported: type `geopoint` (survey sheet, row 5, column type)",
            "survey sheet, row 6, column name: the name `population` is already used in the same group (row 2)",
            "survey sheet, row 7, column type: `begin_group` `g` has no matching `end_group`",
        ]
    );
    // Codes and parameters let the application translate.
    assert_eq!(errors.0[0].kind.code(), "xlsform-unknown-list");
    assert_eq!(errors.0[0].kind.params(), [("list", "colours".to_owned())]);

    // References are checked once the structure is sound.
    let md = "
        | survey |
        | | type | name | label | relevant |
        | | integer | population | Population | |
        | | integer | refugees | Refugees | ${populaton} > 0 |
    ";
    let errors = Form::from_markdown(md).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "survey sheet, row 3, column relevant: `${populaton}` names no question"
    );
    assert_eq!(
        errors.0[0].kind,
        ErrorKind::UnknownReference {
            name: "populaton".into()
        }
    );
}

#[test]
fn unreadable_workbooks_are_refused_not_panicked() {
    for bytes in [&b""[..], b"PK\x03\x04garbage", b"not a zip at all"] {
        let e = Form::from_xlsx(bytes).unwrap_err();
        assert_eq!(e.0[0].kind.code(), "xlsform-unreadable");
    }
}

/// Relevance settles however long the chain: hiding `a`'s follow-up empties
/// it, which empties the calculation reading it, which hides the next
/// question, and so on; with everything shown, every answer stays.
#[test]
fn relevance_chains_settle_through_calculations() {
    let md = "
        | survey |
        | | type | name | label | relevant | calculation |
        | | integer | a | A | | |
        | | integer | b | B | ${a} > 0 | |
        | | calculate | twice | | | ${b} * 2 |
        | | integer | c | C | ${twice} > 10 | |
        | | integer | d | D | ${c} != '' | |
        | | text | e | E | ${d} = 1 or ${a} = 9 | |
    ";
    let form = Form::from_markdown(md).unwrap_or_else(|e| panic!("{e}"));
    let given = answers(&[("a", "9"), ("b", "6"), ("c", "3"), ("d", "1"), ("e", "x")]);
    let all = form.evaluate(&given, &ctx(None));
    for name in ["a", "b", "c", "d", "e"] {
        assert!(all.relevant[name], "{name} shown");
    }
    assert_eq!(all.calculated["twice"], "12");
    assert_eq!(all.values["d"], "1");

    // a = 0 hides b; twice then has no number, which hides c, then d; e stays
    // only while a = 9.
    let hidden = form.evaluate(
        &answers(&[("a", "0"), ("b", "6"), ("c", "3"), ("d", "1"), ("e", "x")]),
        &ctx(None),
    );
    assert!(hidden.relevant["a"]);
    for name in ["b", "c", "d", "e"] {
        assert!(!hidden.relevant[name], "{name} hidden");
        assert_eq!(hidden.values[name], "", "{name} emptied");
    }
    // Arithmetic on an empty answer is NaN, as in ODK.
    assert_eq!(hidden.calculated["twice"], "NaN");
}

/// A group inside a skipped group is skipped with everything in it, even
/// when its own `relevant` holds; a skipped inner group hides only its own
/// questions; a question's own `relevant` still counts inside shown groups.
#[test]
fn nested_groups_follow_the_groups_around_them() {
    let md = "
        | survey |
        | | type | name | label | relevant |
        | | select_one yn | open | Open? | |
        | | begin_group | outer | Outer | ${open} = 'yes' |
        | | text | o1 | O1 | |
        | | begin_group | inner | Inner | ${o1} != 'skip' |
        | | text | i1 | I1 | |
        | | text | i2 | I2 | ${i1} = 'more' |
        | | end_group | | | |
        | | text | o2 | O2 | |
        | | end_group | | | |
        | | text | last | Last | |
        | choices |
        | | list_name | name | label |
        | | yn | yes | Yes |
        | | yn | no | No |
    ";
    let form = Form::from_markdown(md).unwrap_or_else(|e| panic!("{e}"));
    let shown = |pairs: &[(&str, &str)]| form.evaluate(&answers(pairs), &ctx(None)).relevant;

    let all = shown(&[("open", "yes"), ("o1", "x"), ("i1", "more")]);
    for name in ["open", "outer", "o1", "inner", "i1", "i2", "o2", "last"] {
        assert!(all[name], "{name} shown");
    }

    let inner_skipped = shown(&[("open", "yes"), ("o1", "skip"), ("i1", "more")]);
    for name in ["outer", "o1", "o2", "last"] {
        assert!(inner_skipped[name], "{name} shown");
    }
    for name in ["inner", "i1", "i2"] {
        assert!(!inner_skipped[name], "{name} skipped with the inner group");
    }

    // The inner group's own condition holds (o1 is not "skip"), but the
    // outer group is skipped.
    let outer_skipped = form.evaluate(
        &answers(&[("open", "no"), ("o1", "x"), ("i1", "more"), ("o2", "y")]),
        &ctx(None),
    );
    for name in ["outer", "o1", "inner", "i1", "i2", "o2"] {
        assert!(!outer_skipped.relevant[name], "{name} skipped");
        assert_eq!(
            outer_skipped
                .values
                .get(name)
                .map(String::as_str)
                .unwrap_or(""),
            "",
            "{name} emptied"
        );
    }
    assert!(outer_skipped.relevant["last"]);

    // Inside shown groups, i2 follows its own condition.
    let own = shown(&[("open", "yes"), ("o1", "x"), ("i1", "less")]);
    assert!(own["i1"] && !own["i2"]);
}
