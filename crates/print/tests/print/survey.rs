//! Survey results: key figures, one table per question with bars that grow
//! from the report's start side, questions in their own direction, the
//! footer once per page, short questions kept on one page, and the
//! data-not-markup guarantee.

use std::path::Path;
use std::process::Command;

use majlis_print::{Fact, SurveyQuestion, SurveyReport, SurveyRow};

use crate::fixtures::fact;
use crate::tools::*;

fn row(label: &str, cells: &[&str], bar: Option<f64>) -> SurveyRow {
    SurveyRow {
        label: label.into(),
        cells: cells.iter().map(|c| (*c).into()).collect(),
        bar,
    }
}

fn numbers(pairs: &[(&str, &str)]) -> Vec<Fact> {
    pairs.iter().map(|(l, v)| fact(l, v)).collect()
}

const TITLE: &str = "Survey before the Beirut meeting 2017: results";
const FOOTER: &str = "Majlis · survey results · answers are synthetic";
const Q_TENSIONS: &str = "Since 2015, have tensions between refugees and the host community in your municipality increased, stayed the same or decreased?";
const Q_SERVICES: &str = "Which municipal services are under the most pressure?";
const Q_REFUGEES: &str = "How many refugees live in your municipality?";

/// Three questions: one by country (groups), one with a suppressed row, one
/// with numbers only.
fn english_survey() -> SurveyReport {
    SurveyReport {
        lang: "en".into(),
        title: TITLE.into(),
        subtitle: Some("Results · 10 of 12 municipalities answered".into()),
        facts: vec![
            fact("Response rate", "83% (10/12)"),
            fact("Open", "3 April – 30 April 2017"),
            fact("Closed by", ""),
        ],
        note: "Cells with fewer than 5 answers are suppressed, and so is one more cell where the totals would reveal them.\n\n\
               The answers in this demonstration are synthetic."
            .into(),
        questions: vec![
            SurveyQuestion {
                label: Q_TENSIONS.into(),
                lang: "en".into(),
                base: "Answered: 7 · not answered: 3".into(),
                columns: vec![
                    "Answer".into(),
                    "All (n = 7)".into(),
                    "Jordan (n = 3)".into(),
                    "Lebanon (n = 4)".into(),
                ],
                rows: vec![
                    row("Increased", &["86%", "100%", "75%"], Some(0.86)),
                    row("Stayed the same", &["14%", "0%", "25%"], Some(0.14)),
                    row("Decreased", &["0%", "0%", "0%"], Some(0.0)),
                ],
                numbers: vec![],
            },
            SurveyQuestion {
                label: Q_SERVICES.into(),
                lang: "en".into(),
                base: "Answered: 10 · not answered: 0".into(),
                columns: vec!["Answer".into(), "All (n = 10)".into()],
                rows: vec![
                    row("Water supply", &["60%"], Some(0.6)),
                    row("Housing", &["30%"], Some(0.3)),
                    row("Waste collection", &["suppressed"], None),
                ],
                numbers: vec![],
            },
            SurveyQuestion {
                label: Q_REFUGEES.into(),
                lang: "en".into(),
                base: "Answered: 9 · not answered: 1".into(),
                columns: vec![],
                rows: vec![],
                numbers: numbers(&[
                    ("Mean", "12,480"),
                    ("Median", "9,000"),
                    ("Quartiles", "4,250 – 18,100"),
                    ("Mode", ""),
                ]),
            },
        ],
        footer: Some(FOOTER.into()),
    }
}

const AR_TITLE: &str = "نتائج الاستبيان قبل اجتماع بيروت 2017";
const AR_FOOTER: &str = "مجلس · نتائج الاستبيان";
const AR_TENSIONS: &str = "هل ازدادت التوترات بين اللاجئين والمجتمع المضيف في بلديتكم منذ عام 2015؟";
const AR_REFUGEES: &str = "كم عدد اللاجئين في بلديتكم؟";
const AR_SUPPRESSED: &str = "محجوب";

/// The same in Arabic, with the second question in English only (the form
/// has no Arabic for it).
fn arabic_survey() -> SurveyReport {
    SurveyReport {
        lang: "ar".into(),
        title: AR_TITLE.into(),
        subtitle: Some("النتائج · أجابت 10 من 12 بلدية".into()),
        facts: vec![fact("نسبة الاستجابة", "83% (10/12)")],
        note: "الإجابات في هذا العرض التوضيحي مصطنعة.".into(),
        questions: vec![
            SurveyQuestion {
                label: AR_TENSIONS.into(),
                lang: "ar".into(),
                base: "أجاب: 7 · لم يجب: 3".into(),
                columns: vec![
                    "الإجابة".into(),
                    "الكل".into(),
                    "الأردن".into(),
                    "لبنان".into(),
                ],
                rows: vec![
                    row("ازدادت", &["86%", "100%", "75%"], Some(0.86)),
                    row("بقيت كما هي", &["14%", "0%", "25%"], Some(0.14)),
                ],
                numbers: vec![],
            },
            SurveyQuestion {
                label: Q_SERVICES.into(),
                lang: "en".into(),
                base: "أجاب: 10 · لم يجب: 0".into(),
                columns: vec!["الإجابة".into(), "الكل".into()],
                rows: vec![
                    row("Water supply", &["60%"], Some(0.6)),
                    row("Housing", &["30%"], Some(0.3)),
                    row("Waste collection", &[AR_SUPPRESSED], None),
                ],
                numbers: vec![],
            },
            SurveyQuestion {
                label: AR_REFUGEES.into(),
                lang: "ar".into(),
                base: "أجاب: 9 · لم يجب: 1".into(),
                columns: vec![],
                rows: vec![],
                numbers: numbers(&[("المتوسط", "12,480"), ("الوسيط", "9,000")]),
            },
        ],
        footer: Some(AR_FOOTER.into()),
    }
}

/// The horizontal extent (in points) of the bar drawn beside the row whose
/// label is `word`: the run of the accent colour on the row's middle line
/// of page `page`, rendered at 144 dpi. `None` if the row has no bar.
fn bar_extent(pdf: &Path, page: u32, word: &str) -> Option<(f64, f64)> {
    let words = words(pdf, page);
    let label = find_word(&words, word);
    let prefix = artifacts().join(format!(
        "bar-{}-{page}",
        pdf.file_stem().and_then(|s| s.to_str()).unwrap_or("pdf")
    ));
    let status = Command::new("pdftoppm")
        .args(["-r", "144", "-singlefile", "-f", &page.to_string()])
        .args(["-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("cannot run pdftoppm (install poppler-utils)");
    assert!(status.success(), "pdftoppm failed");
    let ppm = std::fs::read(prefix.with_extension("ppm")).expect("the rendered page");
    // Binary PPM: "P6", width, height, 255, one white-space byte, RGB rows.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let width: usize = fields[1].parse().expect("a width");
    let pixels = &ppm[at + 1..];
    let scale = 2.0; // 144 dpi, 72 points per inch
    // The bar is about 6 points high and centred on the label's line.
    let y = ((label.y_min + 5.5) * scale) as usize;
    let accent = [0x1d, 0x3f, 0x66];
    let xs: Vec<usize> = (0..width)
        .filter(|x| {
            let p = &pixels[(y * width + x) * 3..][..3];
            p.iter().zip(accent).all(|(a, b)| a.abs_diff(b) < 24)
        })
        .collect();
    let (first, last) = (xs.first()?, xs.last()?);
    Some((*first as f64 / scale, (*last + 1) as f64 / scale))
}

/// Asserts that `footer` is printed exactly once on every page, with the
/// page's number.
#[track_caller]
fn assert_footer_once_per_page(pages: &[String], footer: &str) {
    let footer = normalise(footer);
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.matches(&footer).count(), 1, "page {}: {page}", i + 1);
        assert_page_number(page, &(i + 1).to_string());
    }
}

#[test]
fn english_survey_prints_figures_tables_and_bars() {
    let report = english_survey();
    let pdf = save(
        "english-survey",
        &printer().survey_report(&report).expect("render"),
    );
    let pages = page_texts(&pdf);
    let all = pages.join(" ");
    println!("english survey: {} page(s)", pages.len());

    assert!(pages[0].starts_with(TITLE), "{}", pages[0]);
    assert_contains(&pages[0], "Results · 10 of 12 municipalities answered");
    assert_eq!(info(&pdf, "Title"), TITLE);
    assert!(info(&pdf, "Page size").contains("(A4)"));
    // pdftotext reads a label/value grid column by column.
    for piece in [
        "Response rate",
        "83% (10/12)",
        "Open",
        "3 April – 30 April 2017",
    ] {
        assert_contains(&all, piece);
    }
    assert_lacks(&all, "Closed by");
    assert_contains(&all, "The answers in this demonstration are synthetic.");

    // The question with groups: header, then each row's label and cells.
    assert_contains(&all, Q_TENSIONS);
    assert_contains(&all, "Answered: 7 · not answered: 3");
    assert_contains(
        &all,
        "Answer All (n = 7) Jordan (n = 3) Lebanon (n = 4) Increased 86% 100% 75% \
         Stayed the same 14% 0% 25% Decreased 0% 0% 0%",
    );
    // The question with a suppressed row.
    assert_contains(
        &all,
        "Answer All (n = 10) Water supply 60% Housing 30% Waste collection suppressed",
    );
    // The question with numbers; an empty figure is left out.
    assert_contains(&all, Q_REFUGEES);
    for piece in [
        "Mean",
        "12,480",
        "Median",
        "9,000",
        "Quartiles",
        "4,250 – 18,100",
    ] {
        assert_contains(&all, piece);
    }
    assert_lacks(&all, "Mode");
    assert_footer_once_per_page(&pages, FOOTER);

    // Left to right: the question starts at the left margin, and the bars
    // start together at the left of their column (beside the right margin)
    // with lengths in proportion to the shares; no bar for the suppressed
    // row.
    let words = words(&pdf, 1);
    let since = find_word(&words, "Since");
    assert!((since.x_min - MARGIN).abs() < 2.0, "{since:?}");
    let water = bar_extent(&pdf, 1, "Water").expect("a bar for water");
    let housing = bar_extent(&pdf, 1, "Housing").expect("a bar for housing");
    let increased = bar_extent(&pdf, 1, "Increased").expect("a bar");
    assert!(water.0 > PAGE_WIDTH / 2.0, "{water:?}");
    assert!((water.0 - housing.0).abs() < 1.0, "{water:?} {housing:?}");
    assert!(
        (water.0 - increased.0).abs() < 1.0,
        "{water:?} {increased:?}"
    );
    assert!(water.1 < PAGE_WIDTH - MARGIN, "{water:?}");
    let (w, h, i) = (
        water.1 - water.0,
        housing.1 - housing.0,
        increased.1 - increased.0,
    );
    assert!((w / h - 2.0).abs() < 0.1, "60% {w} pt, 30% {h} pt");
    assert!((i / w - 0.86 / 0.6).abs() < 0.1, "86% {i} pt, 60% {w} pt");
    assert_eq!(bar_extent(&pdf, 1, "Waste"), None);
    assert_eq!(bar_extent(&pdf, 1, "Decreased"), None, "a bar of 0%");

    let png = png(&pdf, "english-survey", 1, 1);
    assert!(std::fs::metadata(&png[0]).expect("png").len() > 5_000);
}

#[test]
fn arabic_survey_runs_right_to_left_with_english_questions_left_to_right() {
    let report = arabic_survey();
    let pdf = save(
        "arabic-survey",
        &printer().survey_report(&report).expect("render"),
    );
    let pages = page_texts(&pdf);
    let all = pages.join(" ");
    println!("arabic survey: {} page(s)", pages.len());

    // The first line of the text layer is the Arabic title.
    let raw = run("pdftotext", &["-enc", "UTF-8", "-l", "1"], &pdf);
    let first_line = raw.lines().map(normalise).find(|l| !l.is_empty());
    assert_eq!(first_line.as_deref(), Some(AR_TITLE), "{raw}");
    assert_eq!(info(&pdf, "Title"), AR_TITLE);

    assert_contains(&all, "نسبة الاستجابة");
    // pdftotext puts the brackets of a number in an Arabic line on the
    // wrong side (the page itself is right).
    assert_contains(&all, "83%");
    assert_contains(&all, "10/12");
    assert_contains(&all, "الإجابات في هذا العرض التوضيحي مصطنعة.");
    assert_contains(&all, AR_TENSIONS.trim_end_matches('؟'));
    let reversed: String = AR_TENSIONS.chars().rev().collect();
    assert_lacks(&all, &reversed);
    for word in ["الإجابة", "الأردن", "لبنان", "ازدادت", "86%", "100%", "75%"]
    {
        assert_contains(&all, word);
    }
    assert_contains(&all, Q_SERVICES.trim_end_matches('?'));
    assert_contains(&all, "Waste collection");
    assert_contains(&all, AR_SUPPRESSED);
    assert_contains(&all, AR_REFUGEES.trim_end_matches('؟'));
    for figure in ["المتوسط", "12,480", "الوسيط", "9,000"] {
        assert_contains(&all, figure);
    }
    assert_footer_once_per_page(&pages, AR_FOOTER);

    // The Arabic question and its rows run from the right margin; the
    // English question stays left to right, from the left margin.
    let words = words(&pdf, 1);
    let right = PAGE_WIDTH - MARGIN;
    let has = find_word(&words, "هل");
    assert!((has.x_max - right).abs() < 2.0, "{has:?}");
    let which = find_word(&words, "Which");
    let pressure = find_word(&words, "pressure?");
    assert!((which.x_min - MARGIN).abs() < 2.0, "{which:?}");
    assert!(
        (which.y_min - pressure.y_min).abs() < 2.0 && which.x_max < pressure.x_min,
        "{which:?} {pressure:?}"
    );

    // English choices sit at the right of their column, beside its header,
    // and read left to right.
    let water_word = find_word(&words, "Water");
    let supply = find_word(&words, "supply");
    assert!(
        (water_word.x_max.max(supply.x_max) - right).abs() < 8.0,
        "{supply:?}"
    );
    assert!(water_word.x_max < supply.x_min, "{water_word:?} {supply:?}");

    // The table is mirrored: the bars are on the left and grow from the
    // right end of their column.
    // (The question holds "ازدادت" too; "بقيت" is only a row's label.)
    let same = bar_extent(&pdf, 1, "بقيت").expect("a bar");
    let water = bar_extent(&pdf, 1, "Water").expect("a bar for water");
    let housing = bar_extent(&pdf, 1, "Housing").expect("a bar for housing");
    assert!(water.1 < PAGE_WIDTH / 2.0, "{water:?}");
    assert!(water.0 > MARGIN, "{water:?}");
    assert!((water.1 - housing.1).abs() < 1.0, "{water:?} {housing:?}");
    assert!((water.1 - same.1).abs() < 1.0, "{water:?} {same:?}");
    let (w, h, s) = (water.1 - water.0, housing.1 - housing.0, same.1 - same.0);
    assert!((w / h - 2.0).abs() < 0.1, "60% {w} pt, 30% {h} pt");
    assert!((s / w - 0.14 / 0.6).abs() < 0.1, "14% {s} pt, 60% {w} pt");
    assert_eq!(bar_extent(&pdf, 1, "Waste"), None);

    let png = png(&pdf, "arabic-survey", 1, 1);
    assert!(std::fs::metadata(&png[0]).expect("png").len() > 5_000);
}

const MARKUP: &str = r#"*bold* #set page(width: 1cm) $x$ <a> @a \ \\ C:\path"#;
const MORE_MARKUP: &str = r#"= Heading #pagebreak() #panic("boom") [a] {b} _c_ `raw` // x /* y"#;

#[test]
fn survey_text_is_data_never_markup() {
    let mut report = english_survey();
    report.title = MARKUP.into();
    report.subtitle = Some(MORE_MARKUP.into());
    report.facts[0].label = "#emph[rate]".into();
    report.facts[0].value = "$1 + 1$".into();
    report.note = format!("{MORE_MARKUP}\n\n#pagebreak() #pagebreak()");
    report.footer = Some("#counter(page).display() \\".into());
    let q = &mut report.questions[1];
    q.label = MARKUP.into();
    q.base = "<b> @b".into();
    q.columns[0] = "#table.header[h]".into();
    q.rows[0].label = "*bold* choice".into();
    q.rows[0].cells[0] = "#v(10cm)".into();
    report.questions[2].numbers[0].value = "#h(1fr) #box[x]".into();
    let pdf = save(
        "injection-survey",
        &printer().survey_report(&report).expect("render"),
    );

    let text = pdf_text(&pdf, None);
    for literal in [
        MARKUP,
        MORE_MARKUP,
        "#emph[rate]",
        "$1 + 1$",
        "#pagebreak() #pagebreak()",
        "#counter(page).display() \\",
        "<b> @b",
        "#table.header[h]",
        "*bold* choice",
        "#v(10cm)",
        "#h(1fr) #box[x]",
    ] {
        assert_contains(&text, literal);
    }
    assert_eq!(info(&pdf, "Title"), MARKUP);
    assert!(info(&pdf, "Page size").contains("(A4)"));
    let plain = save(
        "injection-survey-plain",
        &printer().survey_report(&english_survey()).expect("render"),
    );
    assert_eq!(pages(&pdf), pages(&plain));
}

/// A question of `rows` choices, numbered `n`.
fn long_question(n: usize, rows: usize) -> SurveyQuestion {
    SurveyQuestion {
        label: format!(
            "Question {n}: to what extent did the municipality adapt its services to the newcomers in the year before the survey?"
        ),
        lang: "en".into(),
        base: format!("Answered: {} · not answered: 2", 8 + n % 3),
        columns: vec![
            "Answer".into(),
            "All".into(),
            "Jordan".into(),
            "Türkiye".into(),
        ],
        rows: (0..rows)
            .map(|r| {
                let share = ((r * 17 + n * 7) % 100) as f64 / 100.0;
                if r % 4 == 3 {
                    row(&format!("Choice {n}.{r}"), &["suppressed"; 3], None)
                } else {
                    let cell = format!("{}%", (share * 100.0).round());
                    row(
                        &format!("Choice {n}.{r}"),
                        &[cell.as_str(), "50%", "12%"],
                        Some(share),
                    )
                }
            })
            .collect(),
        numbers: if n.is_multiple_of(5) {
            numbers(&[("Mean", "4.2"), ("Median", "4")])
        } else {
            vec![]
        },
    }
}

#[test]
fn forty_questions_keep_short_questions_whole_and_the_footer_once_per_page() {
    let mut report = english_survey();
    report.questions = (1..=40).map(|n| long_question(n, 3 + n % 5)).collect();
    // One question with too many choices for a page breaks, and its
    // header is repeated on the next page.
    report.questions[20] = long_question(21, 60);
    let start = std::time::Instant::now();
    let bytes = printer().survey_report(&report).expect("render");
    let took = start.elapsed();
    let pdf = save("survey-40", &bytes);
    let pages = page_texts(&pdf);
    println!(
        "40 questions: {} pages, {} KiB, rendered in {took:?}",
        pages.len(),
        bytes.len() / 1024
    );
    assert!(pages.len() >= 5, "{} pages", pages.len());
    assert_footer_once_per_page(&pages, FOOTER);

    let page_of = |needle: &str| -> Vec<usize> {
        pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains(needle))
            .map(|(i, _)| i)
            .collect()
    };
    for (i, q) in report.questions.iter().enumerate() {
        let n = i + 1;
        let first = page_of(&format!("Question {n}: "));
        assert_eq!(first.len(), 1, "question {n} on pages {first:?}");
        let last_row = q.rows.last().expect("rows").label.clone();
        let last = page_of(&format!("{last_row} "));
        if n == 21 {
            assert!(last[0] > first[0], "the long question breaks");
            // The header starts the continuation.
            assert!(
                pages[last[0]].starts_with("Answer All Jordan Türkiye Choice 21."),
                "{}",
                pages[last[0]]
            );
        } else {
            assert_eq!(last, first, "question {n} is split");
        }
    }
}

#[test]
fn empty_and_ragged_surveys_render() {
    let empty = SurveyReport {
        lang: String::new(),
        title: String::new(),
        subtitle: None,
        facts: vec![],
        note: String::new(),
        questions: vec![],
        footer: None,
    };
    let pdf = save(
        "empty-survey",
        &printer().survey_report(&empty).expect("render"),
    );
    assert_eq!(pages(&pdf), 1);

    // Blank questions, rows with fewer or more cells than the header has
    // columns, no header, bars out of range or not a number.
    let ragged = SurveyReport {
        title: "Only a title".into(),
        note: " \n\n ".into(),
        footer: Some(String::new()),
        questions: vec![
            SurveyQuestion {
                label: String::new(),
                lang: "xx-YY".into(),
                base: String::new(),
                columns: vec![],
                rows: vec![],
                numbers: vec![fact("Mean", " ")],
            },
            SurveyQuestion {
                label: "Ragged rows".into(),
                lang: String::new(),
                base: " ".into(),
                columns: vec!["Answer".into(), "All".into()],
                rows: vec![
                    row("Short", &[], Some(1.5)),
                    row("Long", &["1", "2", "3"], Some(f64::NAN)),
                    row("Negative", &["7"], Some(-0.2)),
                ],
                numbers: vec![],
            },
            SurveyQuestion {
                label: "No header".into(),
                lang: "en".into(),
                base: String::new(),
                columns: vec![String::new(), " ".into()],
                rows: vec![row("Alone", &["42%"], None)],
                numbers: vec![],
            },
        ],
        ..empty
    };
    let pdf = save(
        "ragged-survey",
        &printer().survey_report(&ragged).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, "Only a title");
    assert_contains(&text, "Ragged rows Answer All Short Long 1 Negative 7");
    // Cells beyond the header's columns are left out.
    assert_lacks(&text, "Long 1 2");
    assert_contains(&text, "No header Alone 42%");
    assert_lacks(&text, "Mean");
    // A share above 1 is drawn full, one below 0 as none.
    let short = bar_extent(&pdf, 1, "Short").expect("a full bar");
    assert!(short.1 - short.0 > 50.0, "{short:?}");
    assert_eq!(bar_extent(&pdf, 1, "Negative"), None);
    assert_eq!(bar_extent(&pdf, 1, "Long"), None);
}
