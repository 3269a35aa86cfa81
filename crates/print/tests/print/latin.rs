//! Sheets in Latin script, the data-not-markup guarantee, empty fields,
//! embedded fonts.

use majlis_print::{Chapter, Compendium, Sheet};

use crate::fixtures::*;
use crate::tools::*;

#[test]
fn english_sheet_prints_title_facts_sections_and_footer() {
    let sheet = english_sheet();
    let pdf = save(
        "english-sheet",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let text = pdf_text(&pdf, None);

    assert_contains(&text, &sheet.title);
    assert_contains(&text, "Şahinbey Municipality · Gaziantep, Türkiye");
    for (label, value) in [
        ("Period", "2015–2017"),
        ("Themes", "Social inclusion; Livelihoods"),
        ("Contact", "Ayşe Yılmaz"),
        ("Department", "Social Services"),
    ] {
        assert_contains(&text, label);
        assert_contains(&text, value);
    }
    assert_contains(&text, "ayse@example.org");
    for heading in ["Challenge", "Approach and activities", "Results"] {
        assert_contains(&text, heading);
    }
    assert_contains(
        &text,
        "The district counted more than 40 000 newcomers in two years.",
    );
    assert_contains(&text, "Sixty women sold meals to schools and offices.");
    assert_contains(
        &text,
        "Majlis good practice sheet · printed for the network",
    );
    assert_page_number(&text, "1 / 1");
    // A fact without value and a section without text are left out.
    assert_lacks(&text, "Status");
    assert_lacks(&text, "Lessons");

    assert_eq!(pages(&pdf), 1);
    assert_eq!(info(&pdf, "Title"), sheet.title);
    assert!(info(&pdf, "Page size").contains("(A4)"));
    // Left-to-right: the title starts at the left margin.
    let words = words(&pdf, 1);
    let first = find_word(&words, "Women's");
    assert!((first.x_min - MARGIN).abs() < 2.0, "{first:?}");
}

#[test]
fn turkish_letters_survive() {
    let pdf = save(
        "english-sheet-turkish",
        &printer().practice_sheet(&english_sheet()).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    for word in [
        "İstanbul",
        "Şahinbey",
        "Türkiye",
        "Ayşe Yılmaz",
        "ığüşöç",
        "İĞÜŞÖÇ",
    ] {
        assert_contains(&text, word);
    }

    let sheet = turkish_sheet();
    let pdf = save(
        "turkish-sheet",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, "Şanlıurfa'da göçmen çocuklar için yaz okulu");
    assert_contains(&text, "Haliliye Belediyesi · Şanlıurfa, Türkiye");
    assert_contains(&text, "öğretmenler ığüşöç harflerini öğretti.");
    assert_contains(&text, "Dört yüz öğrenci İstanbul");
}

#[test]
fn french_and_german_letters_survive() {
    let mut sheet = english_sheet();
    sheet.lang = "fr".into();
    sheet.title = "Cuisine coopérative à Sfax : été, Noël, œuvre".into();
    sheet.sections[2].text = "Größere Straßen in Köln; Übergänge für Ärzte.".into();
    sheet.facts[0].value = "déjà façade — « guillemets »".into();
    let pdf = save(
        "french-sheet",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, "Cuisine coopérative à Sfax : été, Noël, œuvre");
    assert_contains(&text, "Größere Straßen in Köln; Übergänge für Ärzte.");
    assert_contains(&text, "déjà façade — « guillemets »");
}

const MARKUP: &str = r#"#set page(width: 1pt) *bold* $x$ <label> @ref"#;
const MORE_MARKUP: &str =
    r#"= Heading #panic("boom") #include "/data.json" [a] {b} \ _c_ `raw` // comment /* x"#;

#[test]
fn text_is_data_never_markup() {
    let mut sheet = english_sheet();
    sheet.title = MARKUP.into();
    sheet.subtitle = Some(MORE_MARKUP.into());
    sheet.facts[0].label = "#emph[label]".into();
    sheet.facts[0].value = "$1 + 1$".into();
    sheet.sections[0].heading = "<h> @h".into();
    sheet.sections[0].text = format!("{MORE_MARKUP}\n\n#pagebreak() #pagebreak()");
    sheet.footer = Some("#counter(page).display() \\".into());
    let pdf = save(
        "injection-sheet",
        &printer().practice_sheet(&sheet).expect("render"),
    );

    let text = pdf_text(&pdf, None);
    assert_contains(&text, MARKUP);
    assert_contains(&text, MORE_MARKUP);
    assert_contains(&text, "#emph[label]");
    assert_contains(&text, "$1 + 1$");
    assert_contains(&text, "<h> @h");
    assert_contains(&text, "#pagebreak() #pagebreak()");
    assert_contains(&text, "#counter(page).display() \\");
    assert_eq!(info(&pdf, "Title"), MARKUP);
    // `#set page(width: 1pt)` and `#pagebreak()` did nothing.
    assert_eq!(pages(&pdf), 1);
    assert!(info(&pdf, "Page size").contains("(A4)"));

    let book = Compendium {
        title: MARKUP.into(),
        contents_label: MORE_MARKUP.into(),
        chapters: vec![Chapter {
            title: MARKUP.into(),
            introduction: MORE_MARKUP.into(),
            practices: vec![sheet],
        }],
        ..mixed_compendium()
    };
    let pdf = save(
        "injection-compendium",
        &printer().compendium(&book).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, MARKUP);
    assert_contains(&text, MORE_MARKUP);
    assert!(info(&pdf, "Page size").contains("(A4)"));
}

#[test]
fn empty_optional_fields_and_sections_render() {
    let empty = Sheet {
        lang: String::new(),
        title: String::new(),
        subtitle: None,
        facts: vec![],
        sections: vec![],
        footer: None,
    };
    let pdf = save(
        "empty-sheet",
        &printer().practice_sheet(&empty).expect("render"),
    );
    assert_eq!(pages(&pdf), 1);

    let blanks = Sheet {
        lang: "tr".into(),
        title: "Only a title".into(),
        subtitle: Some("  ".into()),
        facts: vec![fact("", ""), fact("Period", " "), fact("", "no label")],
        sections: vec![
            section("", ""),
            section("Results", "\n\n \n"),
            section("", "Text without heading."),
        ],
        footer: Some(String::new()),
    };
    let pdf = save(
        "blank-sheet",
        &printer().practice_sheet(&blanks).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, "Only a title");
    assert_contains(&text, "no label");
    assert_contains(&text, "Text without heading.");
    assert_lacks(&text, "Period");
    assert_lacks(&text, "Results");

    let book = Compendium {
        lang: String::new(),
        title: String::new(),
        subtitle: None,
        edition: None,
        publisher: None,
        contents_label: String::new(),
        introduction_heading: String::new(),
        introduction: String::new(),
        chapters: vec![],
        footer: None,
    };
    let pdf = save(
        "empty-compendium",
        &printer().compendium(&book).expect("render"),
    );
    assert!(pages(&pdf) >= 1);

    let book = Compendium {
        introduction: " \n ".into(),
        subtitle: Some(String::new()),
        edition: Some(String::new()),
        publisher: Some(String::new()),
        footer: None,
        chapters: vec![
            Chapter {
                title: "A chapter without practices".into(),
                introduction: String::new(),
                practices: vec![],
            },
            Chapter {
                title: "A chapter of empty practices".into(),
                introduction: String::new(),
                practices: vec![empty, blanks],
            },
        ],
        ..mixed_compendium()
    };
    let pdf = save(
        "blank-compendium",
        &printer().compendium(&book).expect("render"),
    );
    let text = pdf_text(&pdf, None);
    assert_contains(&text, "A chapter without practices");
    assert_contains(&text, "Only a title");
    assert_lacks(&text, "Introduction");
}

#[test]
fn long_sheet_breaks_pages_with_footer_and_numbers_on_each() {
    let mut sheet = english_sheet();
    let paragraph = "The municipality and its partners met every month to review the work. \
                     Volunteers kept a register of the families they visited. ";
    sheet.sections = (1..=8)
        .map(|i| {
            section(
                &format!("Section {i}"),
                &[paragraph.repeat(4), paragraph.repeat(3)].join("\n\n"),
            )
        })
        .collect();
    let pdf = save(
        "long-sheet",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let n = pages(&pdf);
    assert!((2..=4).contains(&n), "{n} pages");
    for (i, page) in page_texts(&pdf).iter().enumerate() {
        assert_contains(page, "Majlis good practice sheet · printed for the network");
        assert_page_number(page, &format!("{} / {n}", i + 1));
    }
}

#[test]
fn fonts_are_embedded() {
    let pdf = save(
        "fonts-compendium",
        &printer().compendium(&mixed_compendium()).expect("render"),
    );
    let fonts = fonts(&pdf);
    for family in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoNaskhArabic-Regular",
        "NotoNaskhArabic-Bold",
    ] {
        assert!(
            fonts.iter().any(|(name, _)| name.ends_with(family)),
            "{family} not in {fonts:?}"
        );
    }
    assert!(fonts.iter().all(|(_, embedded)| *embedded), "{fonts:?}");
    assert!(
        fonts.iter().all(|(name, _)| name.contains("Noto")),
        "{fonts:?}"
    );
}

#[test]
fn output_is_deterministic_and_printer_is_shared_across_threads() {
    let sheet = english_sheet();
    let first = printer().practice_sheet(&sheet).expect("render");
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let sheet = sheet.clone();
            std::thread::spawn(move || printer().practice_sheet(&sheet).expect("render"))
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().expect("thread"), first);
    }
}
