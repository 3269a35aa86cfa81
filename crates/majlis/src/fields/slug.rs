//! Addresses made from titles: the one place every activity turns a title
//! into the readable start of a URL slug (`/events/{slug}`, `/projects/{slug}`…).
//!
//! A title is transliterated into lower-case ASCII letters and digits, with
//! one hyphen between words: Arabic through the table below (every letter
//! written, alif and ʿayn as `a`, so «التماسك الاجتماعي» reads
//! `altmask-alajtmaay`), every other script through `deunicode` (Turkish
//! `Şanlıurfa Büyükşehir` → `sanliurfa-buyuksehir`, French `œuvre` →
//! `oeuvre`). German titles (written in German) spell umlauts out
//! (`Müllentsorgung` → `muellentsorgung`); in other languages `ü` is `u`, as
//! Turkish readers expect. Apostrophes join (`children's` → `childrens`);
//! emoji, symbols and punctuation separate words and are left out.
//!
//! An address is made once, when the item is created: editing a title never
//! changes it, so links people keep stay valid. Callers add what makes the
//! address unique (a year, a start date, a random suffix).

use crate::i18n::Locale;

/// The readable part of an address: at most `max` characters of lower-case
/// ASCII letters, digits and single hyphens, cut at a word's end when it can
/// be. Empty when nothing in `title` transliterates (emoji, punctuation).
pub fn words(title: &str, lang: Locale, max: usize) -> String {
    let mut out = String::new();
    // A separator is written only before the next word, so none trails.
    let mut gap = false;
    let mut push = |piece: &str, out: &mut String| {
        for b in piece.chars() {
            if b.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(b.to_ascii_lowercase());
            } else if b == ' ' || b == '-' {
                gap = true;
            }
        }
    };
    for c in title.chars() {
        if let Some(latin) = german(c, lang).or_else(|| arabic(c)) {
            push(latin, &mut out);
        } else if matches!(c, '\'' | '\u{2019}' | '\u{02bc}') {
            // An apostrophe joins what it stands between.
        } else if c.is_alphanumeric() || is_mark(c) {
            match deunicode::deunicode_char(c) {
                Some(latin) => push(latin, &mut out),
                None => push(" ", &mut out),
            }
        } else {
            push(" ", &mut out);
        }
    }
    cut(&out, max).to_owned()
}

/// [`words`], or `kind` (e.g. `"event"`) when the title gives none.
pub fn from_title(title: &str, lang: Locale, max: usize, kind: &str) -> String {
    let w = words(title, lang, max);
    if w.is_empty() { kind.to_owned() } else { w }
}

/// At most `max` bytes of `s` (ASCII), ending at a hyphen rather than in
/// the middle of a word when the cut leaves at least half of `max`.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let head = &s[..max];
    let ends_word = s.as_bytes().get(max) == Some(&b'-');
    let head = match head.rfind('-') {
        Some(i) if !ends_word && i >= max / 2 => &head[..i],
        _ => head,
    };
    head.trim_end_matches('-')
}

/// Combining marks (accents written apart, Arabic vowel signs): part of
/// the word they sit on, so they never split it.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}')
}

fn german(c: char, lang: Locale) -> Option<&'static str> {
    if lang != Locale::De {
        return None;
    }
    Some(match c {
        'ä' | 'Ä' => "ae",
        'ö' | 'Ö' => "oe",
        'ü' | 'Ü' => "ue",
        _ => return None,
    })
}

/// Arabic letters as a reader of Latin script would spell them, without
/// diacritics: the general-purpose tables leave alif out and write ʿayn as a
/// backtick, which would make «التماسك» `ltmsk`.
fn arabic(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'آ' | 'ٱ' | 'ى' | 'ة' | 'ع' => "a",
        'إ' | 'ئ' => "i",
        'ؤ' => "u",
        'ء' => "",
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' => "w",
        'ي' | 'ی' => "y",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        // Vowel signs, shadda, sukun, tatweel: not written.
        '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}' => "",
        '٠'..='٩' => {
            const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
            DIGITS[(c as u32 - '٠' as u32) as usize]
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_reads_in_latin_letters() {
        assert_eq!(
            words("التماسك الاجتماعي", Locale::Ar, 60),
            "altmask-alajtmaay"
        );
        assert_eq!(
            words("مركز الاندماج في أورفا ٢٠١٨", Locale::Ar, 60),
            "mrkz-alandmaj-fy-awrfa-2018"
        );
        // Vowel signs and tatweel do not split a word.
        assert_eq!(words("مَدْرَسَة الـعـلـوم", Locale::Ar, 60), "mdrsa-alalwm");
    }

    #[test]
    fn turkish_letters() {
        assert_eq!(
            words("Şanlıurfa Büyükşehir", Locale::Tr, 60),
            "sanliurfa-buyuksehir"
        );
        assert_eq!(
            words("İSTANBUL ığdır Çağ", Locale::Tr, 60),
            "istanbul-igdir-cag"
        );
    }

    #[test]
    fn german_spells_umlauts_out_in_german_only() {
        assert_eq!(
            words("Müllentsorgung in Gießen", Locale::De, 60),
            "muellentsorgung-in-giessen"
        );
        assert_eq!(words("Ärger über Öl", Locale::De, 60), "aerger-ueber-oel");
        // The same letter in a Turkish or English title is plain u.
        assert_eq!(words("Büyük Müll", Locale::En, 60), "buyuk-mull");
    }

    #[test]
    fn french_and_mixed() {
        assert_eq!(
            words("Élèves à l'œuvre : la façade", Locale::Fr, 60),
            "eleves-a-loeuvre-la-facade"
        );
        assert_eq!(
            words(
                "Project Series “Creating Encounters” — لقاء 2018!",
                Locale::En,
                80
            ),
            "project-series-creating-encounters-lqa-2018"
        );
        assert_eq!(
            words("Children’s rights", Locale::En, 60),
            "childrens-rights"
        );
    }

    #[test]
    fn nothing_to_write_falls_back_to_the_kind() {
        assert_eq!(words("🎉🎉 ?!… «»", Locale::En, 60), "");
        assert_eq!(from_title("🎉🎉", Locale::En, 60, "event"), "event");
        assert_eq!(from_title(" -- ", Locale::Ar, 60, "dilemma"), "dilemma");
        assert_eq!(from_title("🎉 Launch", Locale::En, 60, "event"), "launch");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title = "How can migrants, refugees in particular, be motivated to take part in the voluntary sector and to stay committed over time?";
        let w = words(title, Locale::En, 60);
        assert!(w.len() <= 60, "{w}");
        assert_eq!(
            w,
            "how-can-migrants-refugees-in-particular-be-motivated-to-take"
        );
        // One very long word is cut where it must be.
        let long = "a".repeat(200);
        assert_eq!(words(&long, Locale::En, 80).len(), 80);
        let arabic = "التماسك الاجتماعي ".repeat(20);
        let w = words(&arabic, Locale::Ar, 60);
        assert!(w.len() <= 60 && !w.ends_with('-'), "{w}");
    }

    #[test]
    fn only_lower_case_ascii_letters_digits_and_single_hyphens() {
        for title in [
            "  A -- B  ",
            "Ωμέγα Москва 東京",
            "x\u{202e}y\u{0301}z",
            "ﻻ ﺑﺮ",
        ] {
            let w = words(title, Locale::En, 96);
            assert!(
                !w.starts_with('-')
                    && !w.ends_with('-')
                    && !w.contains("--")
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{title} → {w}"
            );
        }
        assert_eq!(words("  A -- B  ", Locale::En, 96), "a-b");
    }
}
