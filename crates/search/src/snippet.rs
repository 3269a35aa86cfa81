//! Highlighted snippets and hit titles.

use std::collections::BTreeMap;

use tantivy::Score;
use tantivy::snippet::SnippetGenerator;

use crate::analysis::Analyzers;
use crate::index::{Fields, Stored};
use crate::lang::Lang;

/// Longest snippet fragment, in bytes (tantivy measures fragments in bytes).
const MAX_FRAGMENT_BYTES: usize = 240;
/// Longest plain excerpt when nothing can be highlighted, in characters.
const MAX_EXCERPT_CHARS: usize = 160;
/// How much of a text (in bytes) is searched for a snippet: a long document
/// (a report's extracted text) is not analysed whole for every hit; one
/// matching only further on gets a plain excerpt.
const MAX_SCANNED_BYTES: usize = 16 * 1024;

/// The start of `text` searched for a snippet, cut on a character boundary.
fn scanned(text: &str) -> &str {
    if text.len() <= MAX_SCANNED_BYTES {
        return text;
    }
    let mut end = MAX_SCANNED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Which of a hit's indexed fields hold some term to highlight: a text
/// whose field holds none has nothing to highlight in that analysis, and is
/// not analysed for it. The fields were written by the very analysers the
/// highlighter uses, so the answer is exact. (Hits of another language than
/// the query's, found through a concept or a theme, had every text
/// analysed twice for nothing: a third of the time of some queries.)
#[derive(Clone, Copy)]
pub(crate) struct Present {
    /// Per language ([`Lang::index`]) and part ([`TITLE`], [`SUMMARY`],
    /// [`BODY`]): the stemmed field holds one of the language's terms.
    pub(crate) parts: [[bool; 3]; 5],
    /// The neutral field holds one of the neutral terms.
    pub(crate) neutral: bool,
}

pub(crate) const TITLE: usize = 0;
pub(crate) const SUMMARY: usize = 1;
pub(crate) const BODY: usize = 2;

impl Default for Present {
    /// Nothing known: every text is analysed.
    fn default() -> Self {
        Present {
            parts: [[true; 3]; 5],
            neutral: true,
        }
    }
}

/// What to highlight: the query's terms in each analyser (the neutral ones
/// including the typo and prefix expansions).
pub(crate) struct Highlighter {
    pub(crate) neutral_terms: BTreeMap<String, Score>,
    pub(crate) lang_terms: [BTreeMap<String, Score>; 5],
    pub(crate) analyzers: Analyzers,
    pub(crate) fields: Fields,
    /// Whether some query word was expanded (typos, prefix of the last word).
    pub(crate) has_expansions: bool,
    /// Highlights that make a snippet good enough: the query's content words.
    pub(crate) enough: usize,
    /// What the hit being highlighted holds.
    pub(crate) present: Present,
}

struct Best {
    highlights: usize,
    html: String,
}

impl Highlighter {
    pub(crate) fn is_empty(&self) -> bool {
        self.neutral_terms.is_empty() && self.lang_terms.iter().all(BTreeMap::is_empty)
    }

    /// The snippet of `text` (in field language `lang`) with the most
    /// highlighted words, among the stemmed and the neutral analyses.
    fn snippet(&mut self, text: &str, lang: Option<Lang>, part: usize) -> Best {
        let (text, whole) = (scanned(text), text.len());
        let mut best = Best {
            highlights: 0,
            html: String::new(),
        };
        if let Some(lang) = lang {
            let terms = &self.lang_terms[lang.index()];
            if !terms.is_empty() && self.present.parts[lang.index()][part] {
                let analyzer = self.analyzers.get(Some(lang)).clone();
                let generator = SnippetGenerator::new(
                    terms.clone(),
                    analyzer,
                    self.fields.body[lang.index()],
                    MAX_FRAGMENT_BYTES,
                );
                consider(&mut best, &generator, text, whole);
            }
        }
        // The unstemmed pass finds what the stemmed one missed: typo and
        // prefix expansions, words the field's language does not stem alike.
        // With no expansion and a stemmed highlight already, it would find
        // the same words again: skipped (it doubled the cost of snippets).
        let needed = (best.highlights == 0 || self.has_expansions) && self.present.neutral;
        if needed && !self.neutral_terms.is_empty() {
            let generator = SnippetGenerator::new(
                self.neutral_terms.clone(),
                self.analyzers.get(None).clone(),
                self.fields.text,
                MAX_FRAGMENT_BYTES,
            );
            consider(&mut best, &generator, text, whole);
        }
        best
    }

    /// The snippet of the summary or body with the most highlights (of the
    /// title when only the title matches); a plain excerpt of the first
    /// summary or body when nothing can be highlighted (theme matches).
    pub(crate) fn best_snippet(&mut self, stored: &Stored) -> String {
        let doc = &stored.doc;
        let mut best = Best {
            highlights: 0,
            html: String::new(),
        };
        if !self.is_empty() {
            let texts = doc
                .summaries
                .iter()
                .zip(&stored.summary_langs)
                .map(|(text, lang)| (text, lang, SUMMARY))
                .chain(
                    doc.bodies
                        .iter()
                        .zip(&stored.body_langs)
                        .map(|(text, lang)| (text, lang, BODY)),
                );
            for ((_, text), lang, part) in texts {
                let candidate = self.snippet(text, *lang, part);
                if candidate.highlights > best.highlights {
                    best = candidate;
                }
                // As many highlights as the query has words: the further
                // texts (translations, the body after the summary) are not
                // analysed for a snippet that can hardly be better.
                if best.highlights >= self.enough {
                    break;
                }
            }
            // Only the title matches: the title is the best field.
            if best.highlights == 0 {
                for ((_, text), lang) in doc.titles.iter().zip(&stored.title_langs) {
                    let candidate = self.snippet(text, *lang, TITLE);
                    if candidate.highlights > best.highlights {
                        best = candidate;
                    }
                }
            }
        }
        if best.highlights > 0 {
            best.html
        } else {
            excerpt(
                doc.summaries
                    .iter()
                    .chain(&doc.bodies)
                    .map(|(_, t)| t.as_str()),
            )
        }
    }

    /// The title to show: one in the filtered languages if any, else the
    /// one with most highlighted words, else the first.
    pub(crate) fn title(&mut self, stored: &Stored, languages: &[String]) -> String {
        let titles = &stored.doc.titles;
        if !languages.is_empty() {
            for ((given, text), resolved) in titles.iter().zip(&stored.title_langs) {
                let code = given
                    .as_deref()
                    .map(crate::document::norm_language)
                    .or_else(|| resolved.map(|l| l.code().to_owned()));
                if code.is_some_and(|c| languages.contains(&c)) {
                    return text.clone();
                }
            }
        }
        let mut best: Option<(usize, &str)> = None;
        if !self.is_empty() && titles.len() > 1 {
            for ((_, text), lang) in titles.iter().zip(&stored.title_langs) {
                let highlights = self.snippet(text, *lang, TITLE).highlights;
                if best.is_none_or(|(h, _)| highlights > h) {
                    best = Some((highlights, text));
                }
            }
        }
        match best {
            Some((_, text)) => text.to_owned(),
            None => titles.first().map(|(_, t)| t.clone()).unwrap_or_default(),
        }
    }
}

/// Keeps the snippet of `text` (the scanned start of a text `whole` bytes
/// long) if it highlights more than `best`.
fn consider(best: &mut Best, generator: &SnippetGenerator, text: &str, whole: usize) {
    let mut snippet = generator.snippet(text);
    let highlights = snippet.highlighted().len();
    if highlights > best.highlights {
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        let range = snippet.fragment_range();
        let mut html = String::new();
        if range.start > 0 {
            html.push('…');
        }
        html.push_str(&snippet.to_html());
        if range.end < whole {
            html.push('…');
        }
        *best = Best { highlights, html };
    }
}

/// The start of the first non-empty text, HTML-escaped, cut at a word
/// boundary.
pub(crate) fn excerpt<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let Some(text) = texts.into_iter().map(str::trim).find(|t| !t.is_empty()) else {
        return String::new();
    };
    let mut cut = text.len();
    if let Some((index, _)) = text.char_indices().nth(MAX_EXCERPT_CHARS) {
        cut = text[..index]
            .rfind(char::is_whitespace)
            .filter(|&space| space > index / 2)
            .unwrap_or(index);
    }
    let mut html = escape_html(text[..cut].trim_end());
    if cut < text.len() {
        html.push('…');
    }
    html
}

/// Escapes `& < > " '`.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_escaped_and_cut() {
        assert_eq!(
            excerpt(["", " <b>x</b> & y "]),
            "&lt;b&gt;x&lt;/b&gt; &amp; y"
        );
        let long = "word ".repeat(100);
        let e = excerpt([long.as_str()]);
        assert!(e.ends_with('…') && e.chars().count() <= MAX_EXCERPT_CHARS + 1);
    }
}
