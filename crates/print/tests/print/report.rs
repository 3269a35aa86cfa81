//! Consultation reports: sessions, dilemmas in their own direction, contents,
//! wrap-ups, and the data-not-markup guarantee.

use majlis_print::{ConsultationReport, ReportSession};

use crate::fixtures::*;
use crate::tools::*;

#[test]
fn english_report_prints_sessions_dilemmas_and_wrapups() {
    let report = english_report();
    let pdf = save(
        "english-report",
        &printer().consultation_report(&report).expect("render"),
    );
    let pages = page_texts(&pdf);
    let all = pages.join(" ");

    // The first page: title block, introduction and contents.
    assert_contains(&pages[0], &report.title);
    assert_contains(&pages[0], "Urban Academy on Integration · April 2018");
    assert_contains(
        &pages[0],
        "Peers from other cities discussed each one in small groups.",
    );
    assert_contains(&pages[0], "Contents");
    assert_eq!(info(&pdf, "Title"), report.title);
    assert!(info(&pdf, "Page size").contains("(A4)"));

    for (label, value) in [
        ("Facilitator", "Ceri Hutton, MigrationWork"),
        ("Experts", "Ana Silva, OECD"),
        ("Rapporteur", "Lena Vos, EUROCITIES"),
    ] {
        assert_contains(&all, label);
        assert_contains(&all, value);
    }
    assert_contains(&all, "Paul Meyer, ILO");
    assert_contains(&all, "The session looked at the first steps into work.");
    assert_contains(&all, &format!("Question 1: {REPORT_QUESTION}"));
    assert_contains(&all, REPORT_PRESENTER);
    for heading in [
        "Information on the dilemma",
        "Open questions",
        "Ideas and practices shared",
        "Result of the discussion",
    ] {
        assert_contains(&all, heading);
    }
    assert_contains(&all, "Who pays for the assessment? Who carries it out?");
    assert_contains(&all, REPORT_RESULT);
    assert_contains(&all, "Question 3: How to avoid concentrating newcomers");
    assert_contains(&all, "Wrap-up");
    assert_contains(&all, REPORT_WRAPUP_AUTHOR);
    assert_contains(
        &all,
        "Skills are lost when newcomers wait. Cities can act early.",
    );
    // Empty values and texts are left out, and so is the heading of a
    // session without wrap-ups.
    assert_lacks(&all, "Observer");
    assert_lacks(&all, "Follow-up");
    assert_lacks(&all, "Closing words");

    // Each session starts a page; the contents give that page's number, and
    // every page carries the footer and its number.
    for title in REPORT_SESSIONS {
        let page = pages
            .iter()
            .position(|p| p.starts_with(title))
            .unwrap_or_else(|| panic!("{title} does not start a page: {pages:#?}"))
            + 1;
        let after = pages[0]
            .split(title)
            .nth(1)
            .unwrap_or_else(|| panic!("{title} not in the contents: {}", pages[0]));
        let number = after
            .split_whitespace()
            .find(|w| w.chars().all(|c| c.is_ascii_digit()))
            .expect("a page number");
        assert_eq!(number, page.to_string(), "{title}");
    }
    // The questions are listed in the contents too.
    assert_contains(&pages[0], &format!("Question 1: {REPORT_QUESTION}"));
    for (i, page) in pages.iter().enumerate() {
        assert_contains(page, "Urban Academy on Integration · report");
        assert_page_number(page, &(i + 1).to_string());
    }

    // Left to right: the question's label starts at the left margin.
    let session = pages
        .iter()
        .position(|p| p.starts_with(REPORT_SESSIONS[0]))
        .expect("first session") as u32
        + 1;
    let words = words(&pdf, session);
    let label = find_word(&words, "Question");
    assert!((label.x_min - MARGIN).abs() < 2.0, "{label:?}");

    let png = png(&pdf, "english-report", 1, 2);
    assert!(std::fs::metadata(&png[1]).expect("png").len() > 5_000);
}

#[test]
fn arabic_report_keeps_each_dilemma_in_its_direction() {
    let report = arabic_report();
    let pdf = save(
        "arabic-report",
        &printer().consultation_report(&report).expect("render"),
    );
    let pages = page_texts(&pdf);
    let all = pages.join(" ");

    assert_contains(&pages[0], ARABIC_REPORT_TITLE);
    assert_contains(&pages[0], "أكاديمية المدن للاندماج · نيسان 2018");
    assert_eq!(info(&pdf, "Title"), ARABIC_REPORT_TITLE);
    // One session: no contents.
    assert_lacks(&all, "المحتويات");

    // pdftotext orders a whole page by its main direction, so a colon or
    // comma between two runs of Arabic words, and the final question mark
    // and bracket of an English line on an Arabic page, come out on the
    // wrong side of the space (the page itself is right, see the words'
    // positions below). Such texts are compared in pieces.
    for piece in ARABIC_SESSION.split(": ") {
        assert_contains(&all, piece);
    }
    assert_contains(&all, "سارة حداد");
    assert_contains(&all, ARABIC_QUESTION);
    let reversed: String = ARABIC_QUESTION.chars().rev().collect();
    assert_lacks(&all, &reversed);
    assert_contains(&all, "أحمد الخطيب");
    assert_contains(&all, "بلدية إربد");
    assert_contains(&all, ARABIC_BODY);
    let english = ENGLISH_QUESTION.trim_end_matches('?');
    assert_contains(&all, &format!("Question 2: {english}"));
    assert_contains(&all, "Jonas Berg, City of Malmö");
    assert_contains(
        &all,
        "The peers favoured shared funding by the city and the state.",
    );
    assert_contains(&all, "ليلى منصور");
    assert_contains(&all, "على المدن أن تبدأ العمل في وقت مبكر.");

    // The session page: the Arabic session title and dilemma run from the
    // right margin, the English dilemma from the left one.
    let session = pages
        .iter()
        .position(|p| p.contains("التعليم والعمل"))
        .expect("the session page") as u32
        + 1;
    assert!(session > 1, "the session starts a new page");
    let words = words(&pdf, session);
    let right = PAGE_WIDTH - MARGIN;
    for word in ["الجلسة", "السؤال"] {
        let w = find_word(&words, word);
        assert!((w.x_max - right).abs() < 2.0, "{w:?}");
    }
    for word in ["Question", "Jonas", "The"] {
        let w = find_word(&words, word);
        assert!((w.x_min - MARGIN).abs() < 2.0, "{w:?}");
    }
    // The English question reads left to right, its question mark last.
    let who = find_word(&words, "Who");
    let adults = find_word(&words, "adults?");
    assert!(
        (who.y_min - adults.y_min).abs() < 2.0 && who.x_max < adults.x_min,
        "{who:?} {adults:?}"
    );

    let png = png(&pdf, "arabic-report", 1, 2);
    assert!(std::fs::metadata(&png[1]).expect("png").len() > 5_000);
}

/// English text in an Arabic report (a session title, a question shown in
/// its original language under an Arabic label, a summary): each keeps its
/// own direction, so its closing quotation mark and question mark stay
/// after its last word instead of jumping to the other end of the line.
#[test]
fn english_text_in_an_arabic_report_keeps_its_punctuation() {
    const TITLE: &str = "Project Series “Creating Encounters”";
    let mut report = arabic_report();
    let session = &mut report.sessions[0];
    session.title = TITLE.into();
    session.summary = "Who volunteers, and why?".into();
    session.dilemmas[0].question = "Who joins the voluntary sector?".into();
    let pdf = save(
        "arabic-report-english-titles",
        &printer().consultation_report(&report).expect("render"),
    );
    let page = page_texts(&pdf)
        .iter()
        .position(|p| p.contains("Creating"))
        .expect("the session page") as u32
        + 1;
    // The text layer, in the order it is drawn: each English text whole,
    // its punctuation where it was written (and no marks added to it).
    let raw = run("pdftotext", &["-raw", "-enc", "UTF-8"], &pdf);
    for text in [
        TITLE,
        "Who joins the voluntary sector?",
        "Who volunteers, and why?",
    ] {
        assert!(raw.contains(text), "{text:?} not whole in:\n{raw}");
    }
    let words = words(&pdf, page);
    let same_line = |a: &Word, b: &Word| (a.y_min - b.y_min).abs() < 2.0;
    // The title reads left to right with its quotation marks around the
    // last two words: “Creating … Encounters”, never ”Project … “Creating.
    let line: Vec<&Word> = ["Project", "Series", "“Creating", "Encounters”"]
        .iter()
        .map(|w| find_word(&words, w))
        .collect();
    for pair in line.windows(2) {
        assert!(
            same_line(pair[0], pair[1]) && pair[0].x_max < pair[1].x_min,
            "{pair:?}"
        );
    }
    assert!(
        words
            .iter()
            .all(|w| !w.text.starts_with(['”', '?']) && !w.text.ends_with('“')),
        "punctuation thrown to the wrong end: {words:?}"
    );
    // The question keeps its question mark after "sector", on the same line
    // as the Arabic label on its right.
    let who = find_word(&words, "Who");
    let sector = find_word(&words, "sector?");
    let label = find_word(&words, "السؤال");
    assert!(
        same_line(sector, label) && sector.x_max < label.x_min,
        "{sector:?} {label:?}"
    );
    let joins = find_word(&words, "joins");
    assert!(same_line(joins, sector) && joins.x_max < sector.x_min);
    // The English summary reads left to right and ends with its question
    // mark, inside the report's right-to-left paragraph.
    let why = find_word(&words, "why?");
    assert!(
        same_line(who, why) && who.x_max < why.x_min,
        "{who:?} {why:?}"
    );
}

const MARKUP: &str = r#"*bold* #set page(width: 1cm) $x$ <a> @a \ \\ C:\path"#;
const MORE_MARKUP: &str = r#"= Heading #pagebreak() #panic("boom") [a] {b} _c_ `raw` // x /* y"#;

#[test]
fn report_text_is_data_never_markup() {
    let mut report = english_report();
    report.title = MARKUP.into();
    report.subtitle = Some(MORE_MARKUP.into());
    report.introduction = format!("{MORE_MARKUP}\n\n{MARKUP}");
    report.contents_label = "#outline() <toc>".into();
    report.footer = Some("#counter(page).display() \\".into());
    let session = &mut report.sessions[0];
    session.title = MARKUP.into();
    session.people[0].label = "#emph[label]".into();
    session.people[0].value = "$1 + 1$".into();
    session.summary = MORE_MARKUP.into();
    session.wrapup_heading = "<w> @w".into();
    session.wrapups[0].author = "*author* \\".into();
    let dilemma = &mut session.dilemmas[0];
    dilemma.label = "#strong[L]".into();
    dilemma.question = MARKUP.into();
    dilemma.presenter = "_presenter_ <p>".into();
    dilemma.sections[0].heading = "== h #h(1cm)".into();
    dilemma.sections[0].text = format!("{MORE_MARKUP}\n\n#pagebreak() #pagebreak()");
    let pdf = save(
        "injection-report",
        &printer().consultation_report(&report).expect("render"),
    );

    let text = pdf_text(&pdf, None);
    for literal in [
        MARKUP,
        MORE_MARKUP,
        "#outline() <toc>",
        "#counter(page).display() \\",
        "#emph[label]",
        "$1 + 1$",
        "<w> @w",
        "*author* \\",
        &format!("#strong[L]: {MARKUP}"),
        "_presenter_ <p>",
        "== h #h(1cm)",
        "#pagebreak() #pagebreak()",
    ] {
        assert_contains(&text, literal);
    }
    assert_eq!(info(&pdf, "Title"), MARKUP);
    // `#set page(width: 1cm)` and `#pagebreak()` did nothing.
    assert!(info(&pdf, "Page size").contains("(A4)"));
    let unchanged = save(
        "injection-report-plain",
        &printer()
            .consultation_report(&english_report())
            .expect("render"),
    );
    assert_eq!(pages(&pdf), pages(&unchanged));
}

#[test]
fn empty_report_renders() {
    let empty = ConsultationReport {
        lang: String::new(),
        title: String::new(),
        subtitle: None,
        introduction: String::new(),
        contents_label: String::new(),
        sessions: vec![],
        footer: None,
    };
    let pdf = save(
        "empty-report",
        &printer().consultation_report(&empty).expect("render"),
    );
    assert_eq!(pages(&pdf), 1);

    // Blank sessions (no title, people, dilemmas or wrap-ups) and blank
    // dilemmas render too; the contents take typst's word for "Contents".
    let blank_session = ReportSession {
        title: String::new(),
        people: vec![fact("", ""), fact("Rapporteur", " ")],
        summary: " \n\n ".into(),
        dilemmas: vec![
            dilemma("", "", "", ""),
            dilemma("xx-YY", "", "Only a question", ""),
        ],
        wrapup_heading: "Wrap-up".into(),
        wrapups: vec![wrapup("", " ")],
    };
    let blanks = ConsultationReport {
        title: "Only a title".into(),
        subtitle: Some(" ".into()),
        footer: Some(String::new()),
        sessions: vec![blank_session.clone(), blank_session],
        ..empty
    };
    let pdf = save(
        "blank-report",
        &printer().consultation_report(&blanks).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, "Only a title");
    assert_contains(&text, "Contents");
    assert_contains(&text, "Only a question");
    assert_lacks(&text, "Rapporteur");
    assert_lacks(&text, "Wrap-up");
}

/// Translated labels arrive with Fluent's isolation marks around numbers
/// (U+2068 … U+2069); the PDF's text has none, so copying or searching
/// "Question 1" finds it.
#[test]
fn isolation_marks_of_translations_are_left_out() {
    let mut report = english_report();
    report.sessions[0].dilemmas[0].label = "Question \u{2068}1\u{2069}".to_owned();
    report.sessions[0].title = "Session \u{2068}Labour market\u{2069}".to_owned();
    let pdf = save(
        "report-isolates",
        &printer().consultation_report(&report).expect("render"),
    );
    let raw = run("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(raw.contains("Question 1:"), "{raw:?}");
    assert!(raw.contains("Session Labour market"), "{raw:?}");
}
