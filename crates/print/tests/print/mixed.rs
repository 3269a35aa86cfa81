//! An English compendium holding a Turkish-only and an Arabic-only practice.

use crate::fixtures::*;
use crate::tools::*;

#[test]
fn mixed_compendium_keeps_each_practice_in_its_language() {
    let book = mixed_compendium();
    let pdf = save(
        "mixed-compendium",
        &printer().compendium(&book).expect("render"),
    );
    let pages = page_texts(&pdf);

    assert_contains(&pages[0], "Hosting refugees: practices of municipalities");
    assert_contains(&pages[0], "Center for Mediterranean Integration");
    assert_contains(&pages[0], "May 2017");
    assert_contains(&pages[1], "Introduction");
    assert_contains(
        &pages[1],
        "Each practice is printed in the language it was written in.",
    );
    assert_eq!(info(&pdf, "Title"), book.title);
    assert_eq!(info(&pdf, "Author"), "Center for Mediterranean Integration");

    let toc = &pages[2];
    assert!(toc.starts_with("Contents"), "{toc}");
    let titles = [
        "Education",
        "Women's cooperative kitchen in İstanbul",
        "Şanlıurfa'da göçmen çocuklar için yaz okulu",
        "Social cohesion",
        ARABIC_TITLE,
    ];
    for title in titles {
        // The page on which the title appears (outside the contents), and the
        // page number printed after it in the contents: the cover is not
        // counted, so page n of the file is numbered n - 1.
        let page = pages
            .iter()
            .enumerate()
            .skip(3)
            .find(|(_, text)| text.contains(title))
            .map(|(i, _)| i + 1)
            .unwrap_or_else(|| panic!("{title} not printed"));
        let after = toc
            .split(title)
            .nth(1)
            .unwrap_or_else(|| panic!("{title} not in the contents: {toc}"));
        let number = after
            .split_whitespace()
            .find(|w| w.chars().all(|c| c.is_ascii_digit()))
            .expect("a page number");
        assert_eq!(number, (page - 1).to_string(), "{title}");
        assert_contains(&pages[page - 1], "Majlis · peer-learning network");
        assert_page_number(&pages[page - 1], &(page - 1).to_string());
    }

    // The Turkish practice is set in Turkish, the Arabic one right to left,
    // while the English pages stay left to right.
    let arabic_page = pages
        .iter()
        .rposition(|p| p.contains(ARABIC_TITLE))
        .expect("Arabic page") as u32
        + 1;
    let words_ar = words(&pdf, arabic_page);
    let first = find_word(&words_ar, "مركز");
    assert!(
        (first.x_max - (PAGE_WIDTH - MARGIN)).abs() < 2.0,
        "{first:?}"
    );
    let chapter = find_word(&words_ar, "Social");
    assert!((chapter.x_min - MARGIN).abs() < 2.0, "{chapter:?}");
    // In the contents the Arabic title keeps its order and the page number
    // stays at the right edge, as for the other entries.
    let words_toc = words(&pdf, 3);
    let entry = find_word(&words_toc, "مركز");
    let orfa = find_word(&words_toc, "أورفا");
    assert!(
        orfa.x_max < entry.x_min && orfa.x_min > MARGIN,
        "{entry:?} {orfa:?}"
    );

    let all = pages.join(" ");
    assert_contains(&all, "Dört yüz öğrenci İstanbul");
    assert_contains(&all, ARABIC_BODY);

    let png = png(&pdf, "mixed-compendium", 3, 4);
    assert!(std::fs::metadata(&png[0]).expect("png").len() > 5_000);
}
