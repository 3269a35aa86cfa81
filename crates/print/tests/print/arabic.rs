//! Arabic: shaping, right-to-left layout, logical order of extracted text.
//!
//! `pdftotext` in its default mode rebuilds right-to-left lines in logical
//! order (the order of the input string) and wraps them in U+202B … U+202C,
//! which [`normalise`] removes. (`-raw` instead gives the content-stream
//! order, which is visual: Arabic words come out reversed and lam-alef
//! ligatures split, so the tests do not use it.)

use crate::fixtures::*;
use crate::tools::*;

#[test]
fn arabic_sheet_is_right_to_left_and_reads_in_logical_order() {
    let sheet = arabic_sheet(ARABIC_TITLE);
    let pdf = save(
        "arabic-sheet",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let text = pdf_text(&pdf, None);

    assert_contains(&text, ARABIC_TITLE);
    assert_contains(&text, "بلدية شانلي أورفا · تركيا");
    assert_contains(&text, "جهة الاتصال");
    assert_contains(&text, "أحمد الخطيب");
    assert_contains(&text, "النهج والأنشطة");
    assert_contains(&text, ARABIC_BODY);
    assert_contains(&text, "استفاد أكثر من ألف شخص من أنشطة المركز.");
    assert_contains(&text, "مجلس · ورقة ممارسة جيدة");
    // An empty section is left out.
    assert_lacks(&text, "الدروس المستفادة");
    let reversed: String = ARABIC_TITLE.chars().rev().collect();
    assert_lacks(&text, &reversed);
    assert_eq!(info(&pdf, "Title"), ARABIC_TITLE);

    // Right to left: the first word of the title ends at the right margin and
    // stands to the right of the last one.
    let words = words(&pdf, 1);
    let first = find_word(&words, "مركز");
    let last = find_word(&words, "أورفا");
    assert!(
        (first.x_max - (PAGE_WIDTH - MARGIN)).abs() < 2.0,
        "{first:?}"
    );
    assert!(last.x_max < first.x_min, "{first:?} {last:?}");

    let png = png(&pdf, "arabic-sheet", 1, 2);
    assert_eq!(png.len(), 1, "a one-page sheet");
    assert!(std::fs::metadata(&png[0]).expect("png").len() > 5_000);
}

#[test]
fn regional_language_tag_is_still_right_to_left() {
    let mut sheet = arabic_sheet("دورات اللغة للاجئين");
    sheet.lang = "ar-SY".into();
    let pdf = save(
        "arabic-sheet-ar-sy",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let words = words(&pdf, 1);
    let first = find_word(&words, "دورات");
    assert!(
        (first.x_max - (PAGE_WIDTH - MARGIN)).abs() < 2.0,
        "{first:?}"
    );
}

#[test]
fn arabic_compendium_has_contents_and_chapters_in_logical_order() {
    let book = arabic_compendium();
    let pdf = save(
        "arabic-compendium",
        &printer().compendium(&book).expect("render"),
    );
    let pages = page_texts(&pdf);
    let all = pages.join(" ");

    assert_contains(&pages[0], &book.title);
    assert_contains(&pages[0], "مركز التكامل المتوسطي");
    assert_contains(&pages[0], "أيار 2017");
    assert_contains(&pages[1], "مقدمة");
    assert_contains(&pages[1], ARABIC_BODY);
    assert_eq!(info(&pdf, "Title"), book.title);

    // The contents page lists every chapter and practice.
    let toc = pages
        .iter()
        .position(|p| p.starts_with("المحتويات"))
        .unwrap_or_else(|| panic!("no contents page in {pages:#?}"));
    assert_eq!(toc, 2, "cover, introduction, contents");
    for (chapter, practices) in ARABIC_CHAPTERS {
        assert_contains(&pages[toc], chapter);
        for title in practices {
            assert_contains(&pages[toc], title);
            // Once in the contents, once as the practice's own title.
            assert_eq!(all.matches(title).count(), 2, "{title}");
        }
    }
    assert_contains(&all, "مركز المجتمع في شانلي أورفا");
    assert_contains(&all, "دورات اللغة للاجئين");

    // Chapter pages are right to left too.
    let chapter_page = pages
        .iter()
        .position(|p| p.starts_with(ARABIC_CHAPTERS[0].0))
        .expect("the first chapter's page");
    let words = words(&pdf, chapter_page as u32 + 1);
    let word = find_word(&words, "الاندماج");
    assert!((word.x_max - (PAGE_WIDTH - MARGIN)).abs() < 2.0, "{word:?}");

    let cover = png(&pdf, "arabic-compendium", 1, 2);
    let inner = png(&pdf, "arabic-compendium", 3, 4);
    for png in cover.iter().chain(&inner) {
        assert!(
            std::fs::metadata(png).expect("png").len() > 5_000,
            "{png:?}"
        );
    }
}

#[test]
fn a_paragraph_in_another_direction_starts_at_its_own_margin() {
    // An Arabic sheet whose practice text exists only in English (the app
    // falls back to the original language), and an Arabic paragraph after it.
    let mut sheet = arabic_sheet("مركز المجتمع");
    sheet.sections = vec![section(
        "النهج والأنشطة",
        "Volunteers opened the centre every weekday afternoon and taught German to newcomers who had just arrived in the town, in small groups.\n\nافتتحت البلدية مركزاً في وسط المدينة.",
    )];
    let pdf = save(
        "arabic-sheet-english-paragraph",
        &printer().practice_sheet(&sheet).expect("render"),
    );
    let words = words(&pdf, 1);
    // The English paragraph starts at the left margin, its last line does not
    // reach the right one.
    let first = find_word(&words, "Volunteers");
    assert!((first.x_min - MARGIN).abs() < 2.0, "{first:?}");
    let last = find_word(&words, "groups.");
    assert!(last.x_max < PAGE_WIDTH - MARGIN - 20.0, "{last:?}");
    // The Arabic paragraph still starts at the right margin.
    let ar = find_word(&words, "افتتحت");
    assert!((ar.x_max - (PAGE_WIDTH - MARGIN)).abs() < 2.0, "{ar:?}");
}
