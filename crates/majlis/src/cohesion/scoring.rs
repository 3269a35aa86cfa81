//! Scoring a wave: pure functions, no database.
//!
//! **Items.** An answer is a choice name: a number on the item's scale
//! (1–5, 0–10, or 1/0 for yes/no); anything else ("dont_know", out of the
//! scale, not answered) is missing. It is normalised to 0–100 ((v − min) /
//! (max − min) × 100) and turned round (100 − x) when agreeing is bad for
//! cohesion (`direction = "lower"`). Beside the score an item keeps its raw
//! "% agree" (4–5 of 5, 6–10 of 10, yes), as tension monitoring reports it,
//! and "% favourable" (agree for a "higher" item, disagree for a "lower"
//! one: 1–2 of 5, 0–4 of 10, no).
//!
//! **Missing answers (the stated rule).** For each respondent, an
//! indicator is the weighted mean of the items they answered, *if those
//! items carry at least half of the indicator's weight*; otherwise the
//! respondent has no score for that indicator. The wave's indicator is the
//! mean over the respondents who have one. A domain is the weighted mean of
//! its indicators and the index the weighted mean of the domains, each
//! only when the parts that have a score carry at least half of the weight;
//! otherwise it is missing. Any figure resting on fewer than
//! [`MIN_BASE`] respondents is not given (as survey results suppress small
//! cells). With every answer given, an indicator is exactly the weighted
//! mean of its items' scores.
//!
//! **Strata.** When a wave gives the share of each stratum in the
//! population (a value of the framework's stratum question → share), each
//! respondent weighs share ÷ (the stratum's respondents ÷ respondents in
//! the given strata): post-stratification. Respondents of a stratum
//! without a share are left out (and counted as such); shares of strata
//! nobody answered for are spread over the others.
//!
//! "% favourable" of indicators, domains and the index is the weighted
//! mean of their parts' "% favourable", under the same half-weight rule.
//!
//! **The municipal questionnaire** ([`score_municipal`]): the focal
//! point's one response per wave. Each answer scores yes 100, partly 50,
//! no 0 (as MIPEX scores its indicators); a question not answered (or
//! answered with anything else) is left out of every mean and counted as
//! unanswered. A section's score is the mean of its answered questions,
//! and the questionnaire's the mean of all its answered questions (each
//! question counting the same); no answered question, no score. One
//! municipality's own answers: no minimum base applies.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::framework::{self, Definition};
use super::{Direction, Scale};

/// The fewest respondents a figure may rest on.
pub const MIN_BASE: u64 = 5;

/// A score of the index, a domain, an indicator or an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The domain's or indicator's key, the item's question, "index".
    pub key: String,
    /// The domain of an indicator, the indicator of an item ("" otherwise).
    pub parent: String,
    /// 0–100, one decimal; `None`: missing (see the module's rule).
    pub score: Option<f64>,
    /// % of favourable answers, one decimal.
    pub favourable: Option<f64>,
    /// Items only: the raw % agreeing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agree: Option<f64>,
    /// Respondents the figure rests on (the index and domains: every
    /// respondent scored).
    pub n: u64,
    /// What makes it comparable across framework versions.
    pub fingerprint: String,
}

/// A wave's scores, as stored with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveScores {
    /// Respondents scored.
    pub n: u64,
    /// Respondents left out: a stratum without a share when weighted.
    pub left_out: u64,
    pub weighted: bool,
    pub index: Figure,
    pub domains: Vec<Figure>,
    pub indicators: Vec<Figure>,
    pub items: Vec<Figure>,
    /// The municipal questionnaire's answers, scored (waves without one,
    /// and those scored before it was, carry none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipal: Option<MunicipalScores>,
}

/// The municipal questionnaire of a wave, scored (the module's rule).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalScores {
    /// The municipality submitted its response.
    pub submitted: bool,
    /// 0–100, one decimal; `None`: no question answered.
    pub score: Option<f64>,
    pub answered: u64,
    pub unanswered: u64,
    /// Per section of the questionnaire, in its order.
    pub sections: Vec<MunicipalSectionScore>,
    /// Per question, in the questionnaire's order.
    pub questions: Vec<MunicipalAnswer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalSectionScore {
    pub key: String,
    pub score: Option<f64>,
    pub answered: u64,
    pub unanswered: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalAnswer {
    /// The question's name in the questionnaire's form.
    pub question: String,
    /// Its section's key.
    pub section: String,
    /// `yes`, `partly` or `no`; `None`: not answered.
    pub answer: Option<String>,
    /// 100, 50 or 0; `None`: not answered.
    pub score: Option<f64>,
}

/// The score of one answer to the municipal questionnaire.
pub fn municipal_answer_score(answer: &str) -> Option<f64> {
    match answer.trim() {
        "yes" => Some(100.0),
        "partly" => Some(50.0),
        "no" => Some(0.0),
        _ => None,
    }
}

/// Score the municipal questionnaire `q` from the municipality's answers
/// (question → choice name; `None`: not submitted, every question
/// unanswered).
pub fn score_municipal(
    q: &framework::Municipal,
    answers: Option<&BTreeMap<String, String>>,
) -> MunicipalScores {
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let mean =
        |xs: &[f64]| (!xs.is_empty()).then(|| round(xs.iter().sum::<f64>() / xs.len() as f64));
    let mut questions = Vec::new();
    let mut sections = Vec::new();
    let mut all = Vec::new();
    for s in &q.section {
        let mut scored = Vec::new();
        for x in &s.question {
            let given = answers.and_then(|a| a.get(&x.question));
            let score = given.and_then(|a| municipal_answer_score(a));
            if let Some(v) = score {
                scored.push(v);
            }
            questions.push(MunicipalAnswer {
                question: x.question.clone(),
                section: s.key.clone(),
                answer: score.and(given.map(|a| a.trim().to_owned())),
                score,
            });
        }
        sections.push(MunicipalSectionScore {
            key: s.key.clone(),
            score: mean(&scored),
            answered: scored.len() as u64,
            unanswered: (s.question.len() - scored.len()) as u64,
        });
        all.extend(scored);
    }
    MunicipalScores {
        submitted: answers.is_some(),
        score: mean(&all),
        answered: all.len() as u64,
        unanswered: (questions.len() - all.len()) as u64,
        sections,
        questions,
    }
}

impl WaveScores {
    pub fn domain(&self, key: &str) -> Option<&Figure> {
        self.domains.iter().find(|f| f.key == key)
    }

    pub fn indicator(&self, key: &str) -> Option<&Figure> {
        self.indicators.iter().find(|f| f.key == key)
    }

    pub fn item(&self, key: &str) -> Option<&Figure> {
        self.items.iter().find(|f| f.key == key)
    }
}

/// An answer on an item's scale: its normalised score (0–100, before the
/// direction is applied), whether it agrees, whether it disagrees.
pub fn normalise(scale: Scale, answer: &str) -> Option<(f64, bool, bool)> {
    let v: i64 = answer.trim().parse().ok()?;
    match scale {
        Scale::Agree5 if (1..=5).contains(&v) => Some(((v - 1) as f64 * 25.0, v >= 4, v <= 2)),
        Scale::Scale10 if (0..=10).contains(&v) => Some((v as f64 * 10.0, v >= 6, v <= 4)),
        Scale::YesNo if v == 0 || v == 1 => Some((v as f64 * 100.0, v == 1, v == 0)),
        _ => None,
    }
}

/// An item's score for one answer, with the direction applied, and
/// whether the answer agrees and whether it is favourable.
pub fn item_score(scale: Scale, direction: Direction, answer: &str) -> Option<(f64, bool, bool)> {
    let (x, agree, disagree) = normalise(scale, answer)?;
    Some(match direction {
        Direction::Higher => (x, agree, agree),
        Direction::Lower => (100.0 - x, agree, disagree),
    })
}

/// Sums for one stratum.
#[derive(Clone, Default)]
struct Sums {
    respondents: u64,
    /// Per item: Σ score, answered, agreeing, favourable.
    items: Vec<(f64, u64, u64, u64)>,
    /// Per indicator: Σ respondent scores, respondents with one.
    indicators: Vec<(f64, u64)>,
}

struct ItemRef<'d> {
    question: &'d str,
    scale: Scale,
    direction: Direction,
    weight: f64,
    indicator: usize,
}

/// Scores respondents one at a time, then the wave.
pub struct Scorer<'d> {
    def: &'d Definition,
    items: Vec<ItemRef<'d>>,
    /// Per indicator: the total weight of its items.
    indicator_weight: Vec<f64>,
    shares: Option<BTreeMap<String, f64>>,
    /// Sums per stratum ("" for an unweighted wave); strata are few.
    strata: Vec<(String, Sums)>,
    left_out: u64,
    /// Reused per respondent: Σ w·x and Σ w per indicator.
    scratch: Vec<(f64, f64)>,
}

impl<'d> Scorer<'d> {
    /// `shares`: stratum → its share of the population (any positive
    /// numbers; only their ratios count), or `None` for an unweighted wave.
    pub fn new(def: &'d Definition, shares: Option<BTreeMap<String, f64>>) -> Self {
        let mut items = Vec::new();
        let mut indicator_weight = Vec::new();
        for (n, (_, i)) in def.indicators().enumerate() {
            indicator_weight.push(i.item.iter().map(|it| it.weight).sum());
            for it in &i.item {
                items.push(ItemRef {
                    question: &it.question,
                    scale: it.scale,
                    direction: it.direction,
                    weight: it.weight,
                    indicator: n,
                });
            }
        }
        let shares = shares.map(|s| {
            s.into_iter()
                .filter(|(_, v)| v.is_finite() && *v > 0.0)
                .collect::<BTreeMap<_, _>>()
        });
        let scratch = vec![(0.0, 0.0); indicator_weight.len()];
        Scorer {
            def,
            items,
            indicator_weight,
            shares,
            strata: Vec::new(),
            left_out: 0,
            scratch,
        }
    }

    /// The question names the scorer reads (the stratum's first).
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.def.stratum.question.as_str())
            .chain(self.items.iter().map(|i| i.question))
    }

    /// Add one respondent; `answer` gives the answer to a question.
    pub fn add<'a>(&mut self, answer: impl Fn(&str) -> Option<&'a str>) {
        let stratum = match &self.shares {
            Some(shares) => {
                let s = answer(&self.def.stratum.question).unwrap_or_default();
                if !shares.contains_key(s) {
                    self.left_out += 1;
                    return;
                }
                s
            }
            None => "",
        };
        let at = match self.strata.iter().position(|(k, _)| k == stratum) {
            Some(at) => at,
            None => {
                let sums = Sums {
                    respondents: 0,
                    items: vec![(0.0, 0, 0, 0); self.items.len()],
                    indicators: vec![(0.0, 0); self.indicator_weight.len()],
                };
                self.strata.push((stratum.to_owned(), sums));
                self.strata.len() - 1
            }
        };
        let sums = &mut self.strata[at].1;
        sums.respondents += 1;
        self.scratch.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for (k, it) in self.items.iter().enumerate() {
            let Some((x, agree, fav)) =
                answer(it.question).and_then(|a| item_score(it.scale, it.direction, a))
            else {
                continue;
            };
            let s = &mut sums.items[k];
            s.0 += x;
            s.1 += 1;
            s.2 += u64::from(agree);
            s.3 += u64::from(fav);
            let r = &mut self.scratch[it.indicator];
            r.0 += it.weight * x;
            r.1 += it.weight;
        }
        for (k, (wx, w)) in self.scratch.iter().enumerate() {
            if *w > 0.0 && *w * 2.0 >= self.indicator_weight[k] {
                sums.indicators[k].0 += wx / w;
                sums.indicators[k].1 += 1;
            }
        }
    }

    /// The wave's scores.
    pub fn finish(self) -> WaveScores {
        // Each stratum's weight per respondent.
        let total: u64 = self.strata.iter().map(|(_, s)| s.respondents).sum();
        let weight_of = |stratum: &str, sums: &Sums| -> f64 {
            match &self.shares {
                None => 1.0,
                Some(shares) => {
                    let present: f64 = self.strata.iter().filter_map(|(k, _)| shares.get(k)).sum();
                    let share = shares.get(stratum).copied().unwrap_or(0.0) / present;
                    share * total as f64 / sums.respondents as f64
                }
            }
        };
        let weights: Vec<(f64, &Sums)> = self
            .strata
            .iter()
            .map(|(k, s)| (weight_of(k, s), s))
            .collect();
        let round = |x: f64| (x * 10.0).round() / 10.0;
        let share = |num: f64, den: f64| (den > 0.0).then(|| round(num / den * 100.0));

        let mut items = Vec::new();
        for (k, (ind, it)) in self.def.items().enumerate() {
            let (mut sx, mut sn, mut sa, mut sf, mut n) = (0.0, 0.0, 0.0, 0.0, 0);
            for (w, s) in &weights {
                let (x, c, a, f) = s.items[k];
                sx += w * x;
                sn += w * c as f64;
                sa += w * a as f64;
                sf += w * f as f64;
                n += c;
            }
            let enough = n >= MIN_BASE;
            items.push(Figure {
                key: it.question.clone(),
                parent: ind.key.clone(),
                score: (enough && sn > 0.0).then(|| round(sx / sn)),
                favourable: share(sf, sn).filter(|_| enough),
                agree: share(sa, sn).filter(|_| enough),
                n,
                fingerprint: format!(
                    "{}:{}:{}:{}",
                    it.question,
                    it.direction.code(),
                    it.scale.code(),
                    it.weight
                ),
            });
        }

        let mut indicators = Vec::new();
        let mut item_at = 0;
        for (k, (d, i)) in self.def.indicators().enumerate() {
            let (mut sx, mut sn, mut n) = (0.0, 0.0, 0);
            for (w, s) in &weights {
                let (x, c) = s.indicators[k];
                sx += w * x;
                sn += w * c as f64;
                n += c;
            }
            let own = &items[item_at..item_at + i.item.len()];
            item_at += i.item.len();
            let favourable = half_weighted(
                i.item
                    .iter()
                    .zip(own)
                    .map(|(it, f)| (it.weight, f.favourable)),
            );
            let enough = n >= MIN_BASE;
            indicators.push(Figure {
                key: i.key.clone(),
                parent: d.key.clone(),
                score: (enough && sn > 0.0).then(|| round(sx / sn)),
                favourable: favourable.filter(|_| enough).map(round),
                agree: None,
                n,
                fingerprint: framework::fingerprint(i),
            });
        }

        let mut domains = Vec::new();
        let mut at = 0;
        for d in &self.def.domain {
            let own = &indicators[at..at + d.indicator.len()];
            at += d.indicator.len();
            let parts = || d.indicator.iter().zip(own);
            domains.push(Figure {
                key: d.key.clone(),
                parent: String::new(),
                score: half_weighted(parts().map(|(i, f)| (i.weight, f.score))).map(round),
                favourable: half_weighted(parts().map(|(i, f)| (i.weight, f.favourable)))
                    .map(round),
                agree: None,
                n: total,
                fingerprint: framework::domain_fingerprint(d),
            });
        }
        let parts = || self.def.domain.iter().zip(&domains);
        let index = Figure {
            key: "index".into(),
            parent: String::new(),
            score: half_weighted(parts().map(|(d, f)| (d.weight, f.score))).map(round),
            favourable: half_weighted(parts().map(|(d, f)| (d.weight, f.favourable))).map(round),
            agree: None,
            n: total,
            fingerprint: framework::index_fingerprint(self.def),
        };
        WaveScores {
            n: total,
            left_out: self.left_out,
            weighted: self.shares.is_some(),
            index,
            domains,
            indicators,
            items,
            municipal: None,
        }
    }
}

/// The weighted mean of the parts that have a value, when they carry at
/// least half of the total weight.
pub fn half_weighted(parts: impl Iterator<Item = (f64, Option<f64>)>) -> Option<f64> {
    let (mut total, mut present, mut sum) = (0.0, 0.0, 0.0);
    for (w, v) in parts {
        total += w;
        if let Some(v) = v {
            present += w;
            sum += w * v;
        }
    }
    (present > 0.0 && present * 2.0 >= total).then(|| sum / present)
}

/// Score respondents given as question → answer maps.
pub fn score<'a>(
    def: &Definition,
    shares: Option<BTreeMap<String, f64>>,
    respondents: impl IntoIterator<Item = &'a BTreeMap<String, String>>,
) -> WaveScores {
    let mut s = Scorer::new(def, shares);
    for r in respondents {
        s.add(|q| r.get(q).map(String::as_str));
    }
    s.finish()
}

#[cfg(test)]
mod tests;
