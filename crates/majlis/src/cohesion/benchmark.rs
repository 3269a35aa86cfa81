//! Comparing a municipality with its peers, pure.
//!
//! A peer is another municipality with a scored wave; its latest wave
//! counts. It qualifies for a figure (an indicator, a domain, the index)
//! when it is in the chosen group (the same country, population band or
//! band of refugees per 100 residents, or the whole network), its figure
//! has a score and was measured the same way (the same fingerprint: a
//! framework version that changed the figure's items is not comparable).
//! The network's median and interquartile range (type-7 quartiles, as
//! survey results compute them) are shown only when at least [`MIN_PEERS`]
//! peers qualify; otherwise the reason is. Every scored municipality is in
//! the anonymous benchmark; only those that chose so are named.

use serde::Serialize;

use super::PeerGroup;
use super::scoring::Figure;

/// The fewest peers a benchmark may rest on.
pub const MIN_PEERS: usize = 5;

/// What a municipality is grouped by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Groups {
    pub country: String,
    /// "" when unknown.
    pub population: String,
    pub refugees: String,
}

impl Groups {
    /// The group value a peer must share, `None` when this municipality's
    /// is unknown.
    fn value(&self, g: PeerGroup) -> Option<&str> {
        let v = match g {
            PeerGroup::All => return Some(""),
            PeerGroup::Country => &self.country,
            PeerGroup::Population => &self.population,
            PeerGroup::Refugees => &self.refugees,
        };
        (!v.is_empty()).then_some(v.as_str())
    }
}

/// A figure against its peers.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Benchmark {
    Shown {
        peers: usize,
        median: f64,
        q1: f64,
        q3: f64,
    },
    /// Fewer than [`MIN_PEERS`] peers qualify.
    TooFewPeers { peers: usize, needed: usize },
    /// This municipality's group is not known (no population or refugee
    /// figure in its profile).
    UnknownGroup,
    /// Peers are compared on the latest wave only.
    EarlierWave,
}

impl Benchmark {
    /// The Fluent id of the reason it is hidden.
    pub fn reason_id(&self) -> Option<&'static str> {
        match self {
            Benchmark::Shown { .. } => None,
            Benchmark::TooFewPeers { .. } => Some("cohesion-benchmark-too-few"),
            Benchmark::UnknownGroup => Some("cohesion-benchmark-unknown-group"),
            Benchmark::EarlierWave => Some("cohesion-benchmark-earlier-wave"),
        }
    }
}

/// The benchmark of `own` among `peers` (each with its groups and the
/// same-level figure of its latest wave, when it has it).
pub fn benchmark<'a>(
    own: &Figure,
    me: &Groups,
    group: PeerGroup,
    peers: impl Iterator<Item = (&'a Groups, Option<&'a Figure>)>,
) -> Benchmark {
    let Some(wanted) = me.value(group) else {
        return Benchmark::UnknownGroup;
    };
    let values: Vec<f64> = peers
        .filter(|(g, _)| group == PeerGroup::All || g.value(group) == Some(wanted))
        .filter_map(|(_, f)| f)
        .filter(|f| f.fingerprint == own.fingerprint)
        .filter_map(|f| f.score)
        .collect();
    if values.len() < MIN_PEERS {
        return Benchmark::TooFewPeers {
            peers: values.len(),
            needed: MIN_PEERS,
        };
    }
    let s = majlis_stats::Summary::of_values(&values);
    match (s.median, s.q1, s.q3) {
        (Some(median), Some(q1), Some(q3)) => Benchmark::Shown {
            peers: values.len(),
            median: round(median),
            q1: round(q1),
            q3: round(q3),
        },
        _ => Benchmark::TooFewPeers {
            peers: 0,
            needed: MIN_PEERS,
        },
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(score: Option<f64>, fp: &str) -> Figure {
        Figure {
            key: "trust".into(),
            parent: "vertical".into(),
            score,
            favourable: None,
            agree: None,
            n: 100,
            fingerprint: fp.into(),
        }
    }

    fn groups(country: &str, population: &str) -> Groups {
        Groups {
            country: country.into(),
            population: population.into(),
            refugees: String::new(),
        }
    }

    #[test]
    fn shown_from_five_comparable_peers_only() {
        let me = groups("TR", "over-1m");
        let own = fig(Some(50.0), "a");
        let tr = groups("TR", "over-1m");
        let jo = groups("JO", "over-1m");
        let figs = [
            fig(Some(40.0), "a"),
            fig(Some(60.0), "a"),
            fig(Some(70.0), "a"),
            fig(Some(20.0), "a"),
            fig(None, "a"),
            fig(Some(90.0), "b"),
            fig(Some(30.0), "a"),
        ];
        let peers = [&tr, &tr, &jo, &jo, &tr, &tr, &jo];
        let all = || peers.iter().copied().zip(figs.iter().map(Some));
        // Network: 40, 60, 70, 20, 30 qualify (no score, another
        // fingerprint left out): median 40, q1 30, q3 60.
        assert_eq!(
            benchmark(&own, &me, PeerGroup::All, all()),
            Benchmark::Shown {
                peers: 5,
                median: 40.0,
                q1: 30.0,
                q3: 60.0
            }
        );
        // Turkey: 40, 60 only.
        assert_eq!(
            benchmark(&own, &me, PeerGroup::Country, all()),
            Benchmark::TooFewPeers {
                peers: 2,
                needed: 5
            }
        );
        // Four comparable peers: hidden.
        let four = || all().take(4);
        assert!(matches!(
            benchmark(&own, &me, PeerGroup::All, four()),
            Benchmark::TooFewPeers { peers: 4, .. }
        ));
        // No refugee figure of its own: no group to compare with.
        assert_eq!(
            benchmark(&own, &me, PeerGroup::Refugees, all()),
            Benchmark::UnknownGroup
        );
    }
}
