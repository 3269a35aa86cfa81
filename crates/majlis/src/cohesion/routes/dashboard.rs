//! `GET /municipalities/{slug}/cohesion`: the index, the domains (radar
//! and table), each indicator against the peers' median and interquartile
//! range (or why it is hidden), the trend across waves (chart and table),
//! the items with the instruments they cite, and the rules the figures
//! follow. `POST` saves the municipality's choices (published, named to
//! peers): its focal points and staff.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use chrono::Utc;
use serde::Deserialize;

use super::peer_group;
use crate::app::AppState;
use crate::audit::origin_of;
use crate::cohesion::benchmark::Benchmark;
use crate::cohesion::charts::{self, Spoke, TrendPoint};
use crate::cohesion::rules::{self, Dashboard};
use crate::cohesion::scoring::{Figure, MIN_BASE};
use crate::cohesion::{PeerGroup, benchmark::MIN_PEERS};
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

/// A row of a table of figures, as printed.
pub(super) struct Row {
    pub key: String,
    pub name: String,
    /// The domain's name (indicators), the indicator's (items).
    pub parent: String,
    pub score: String,
    pub favourable: String,
    pub agree: String,
    pub n: String,
    pub median: String,
    pub iqr: String,
    pub peers: String,
    /// Why the benchmark is hidden ("" when shown).
    pub hidden: String,
    /// Items: the instrument cited and the direction.
    pub instrument: String,
    pub reversed: bool,
    /// Not comparable with the previous wave (another framework version
    /// changed it).
    pub changed: bool,
}

pub(super) struct TrendRow {
    pub label: String,
    pub fielded_on: String,
    pub n: String,
    pub framework: String,
    pub index: String,
    pub domains: Vec<String>,
    pub comparable: bool,
}

#[derive(Template)]
#[template(path = "cohesion/templates/dashboard.html")]
pub(super) struct DashboardPage {
    pub ctx: PageCtx,
    pub d: Dashboard,
    pub name: String,
    groups: Vec<(&'static str, String, bool)>,
    pub latest: Option<Latest>,
    pub domain_names: Vec<String>,
    pub trend: Vec<TrendRow>,
    radar: String,
    trend_chart: String,
    pub rule_missing: String,
    pub rule_benchmark: String,
    /// The latest scored wave's municipal questionnaire, when it was scored.
    pub municipal: Option<MunicipalView>,
}

/// A wave's municipal questionnaire as the page and the PDF show it.
pub(super) struct MunicipalView {
    pub submitted: bool,
    /// Its score, a whole number, or "no question answered".
    pub score: String,
    pub answered: i64,
    pub unanswered: i64,
    /// Section name, score, answered, unanswered.
    pub sections: Vec<(String, String, i64, i64)>,
    pub rows: Vec<MunicipalRow>,
    /// Documents attached to the whole response.
    pub whole: i64,
}

pub(super) struct MunicipalRow {
    pub key: String,
    pub question: String,
    /// The answer's label, or "not answered".
    pub answer: String,
    pub answered: bool,
    pub instrument: String,
    /// Documents attached to this answer.
    pub documents: i64,
}

/// The municipal questionnaire of wave `w` (its stored scores `m`) with
/// the documents counted, in the reader's language.
pub(super) fn municipal_view(
    ctx: &PageCtx,
    d: &Dashboard,
    w: &crate::cohesion::rules::WaveView,
    m: &crate::cohesion::scoring::MunicipalScores,
) -> Option<MunicipalView> {
    let q = w.framework.definition.municipal_or_shipped()?;
    let count = |question: &str| {
        d.evidence
            .get(&(w.row.id, question.to_owned()))
            .map_or(0, |n| i64::try_from(*n).unwrap_or(i64::MAX))
    };
    let unanswered = ctx.t("cohesion-municipal-unanswered");
    let rows = m
        .questions
        .iter()
        .map(|a| {
            let asked = q.questions().find(|(_, x)| x.question == a.question);
            let answer = a
                .answer
                .as_ref()
                .map(|name| {
                    q.choice
                        .iter()
                        .find(|c| c.name == *name)
                        .map_or_else(|| name.clone(), |c| ctx.text(&c.label).to_owned())
                })
                .unwrap_or_else(|| unanswered.clone());
            MunicipalRow {
                key: a.question.clone(),
                question: asked
                    .map_or_else(|| a.question.clone(), |(_, x)| ctx.text(&x.text).to_owned()),
                answer,
                answered: a.score.is_some(),
                instrument: asked.map(|(_, x)| x.instrument.clone()).unwrap_or_default(),
                documents: count(&a.question),
            }
        })
        .collect();
    let sections = m
        .sections
        .iter()
        .map(|s| {
            let name = q
                .section
                .iter()
                .find(|x| x.key == s.key)
                .map_or_else(|| s.key.clone(), |x| ctx.text(&x.name).to_owned());
            (
                name,
                municipal_score(ctx, s.score),
                i64::try_from(s.answered).unwrap_or(i64::MAX),
                i64::try_from(s.unanswered).unwrap_or(i64::MAX),
            )
        })
        .collect();
    Some(MunicipalView {
        submitted: m.submitted,
        score: municipal_score(ctx, m.score),
        answered: i64::try_from(m.answered).unwrap_or(i64::MAX),
        unanswered: i64::try_from(m.unanswered).unwrap_or(i64::MAX),
        sections,
        rows,
        whole: count(""),
    })
}

/// A municipal score as printed: a whole number, or "no question answered".
fn municipal_score(ctx: &PageCtx, v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{v:.0}"),
        None => ctx.t("cohesion-municipal-no-score"),
    }
}

impl DashboardPage {
    fn score(&self, v: &Option<f64>) -> String {
        shown(&self.ctx, *v)
    }

    /// The plans column: shown to who may plan, or once a plan exists.
    fn plan_column(&self) -> bool {
        self.d.may_plan || !self.d.plans.is_empty()
    }

    /// An indicator's link to its plan: "open" when it has one, "start"
    /// for who may start one, "" else.
    fn plan_link(&self, key: &str) -> &'static str {
        if self.d.plans.contains_key(key) {
            "open"
        } else if self.d.may_plan {
            "start"
        } else {
            ""
        }
    }
}

pub(super) struct Latest {
    pub label: String,
    pub fielded_on: String,
    pub n: String,
    pub framework: String,
    weighted: bool,
    left_out: i64,
    pub index: Row,
    pub domains: Vec<Row>,
    pub indicators: Vec<Row>,
    items: Vec<Row>,
}

/// A score as printed: a whole number, or "not enough answers".
pub(super) fn shown(ctx: &PageCtx, v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{v:.0}"),
        None => ctx.t("cohesion-missing"),
    }
}

fn percent(ctx: &PageCtx, v: Option<f64>) -> String {
    match v {
        Some(v) => ctx.t1("progress-percent", "n", v.round() as i64),
        None => "–".into(),
    }
}

fn row(ctx: &PageCtx, f: &Figure, name: String, parent: String, b: Option<&Benchmark>) -> Row {
    let (median, iqr, peers, hidden) = match b {
        Some(Benchmark::Shown {
            peers,
            median,
            q1,
            q3,
        }) => (
            format!("{median:.0}"),
            format!("{q1:.0}–{q3:.0}"),
            peers.to_string(),
            String::new(),
        ),
        Some(b @ Benchmark::TooFewPeers { peers, .. }) => (
            String::new(),
            String::new(),
            peers.to_string(),
            b.reason_id()
                .map(|id| ctx.t1(id, "needed", MIN_PEERS as i64))
                .unwrap_or_default(),
        ),
        Some(b) => (
            String::new(),
            String::new(),
            String::new(),
            b.reason_id().map(|id| ctx.t(id)).unwrap_or_default(),
        ),
        None => Default::default(),
    };
    Row {
        key: f.key.clone(),
        name,
        parent,
        score: shown(ctx, f.score),
        favourable: percent(ctx, f.favourable),
        agree: percent(ctx, f.agree),
        n: ctx.num(&i64::try_from(f.n).unwrap_or(i64::MAX)),
        median,
        iqr,
        peers,
        hidden,
        instrument: String::new(),
        reversed: false,
        changed: false,
    }
}

/// The page's tables and charts from the dashboard's figures.
pub(super) fn build(ctx: PageCtx, d: Dashboard) -> DashboardPage {
    let rtl = ctx.dir() == "rtl";
    let name = ctx.text(&d.municipality.name).to_owned();
    let groups = PeerGroup::ALL
        .iter()
        .map(|g| (g.code(), ctx.t(&g.label_id()), *g == d.group))
        .collect();
    let mut latest = None;
    let mut domain_names = Vec::new();
    let mut radar = String::new();
    if let Some((w, s)) = d.latest() {
        let def = &w.framework.definition;
        let previous = d
            .waves
            .iter()
            .rev()
            .filter_map(|v| v.scores.as_ref())
            .nth(1);
        let changed =
            |f: &Figure, find: &dyn Fn(&crate::cohesion::scoring::WaveScores) -> Option<String>| {
                previous.is_some_and(|p| find(p).is_none_or(|fp| fp != f.fingerprint))
            };
        let b = &d.benchmarks;
        let mut domains = Vec::new();
        for dom in &def.domain {
            let Some(f) = s.domain(&dom.key) else {
                continue;
            };
            let mut r = row(
                &ctx,
                f,
                ctx.text(&dom.name).to_owned(),
                String::new(),
                b.domains.get(&dom.key),
            );
            r.changed = changed(f, &|p| p.domain(&dom.key).map(|x| x.fingerprint.clone()));
            domains.push(r);
            domain_names.push(ctx.text(&dom.name).to_owned());
        }
        let mut indicators = Vec::new();
        let mut items = Vec::new();
        for (dom, ind) in def.indicators() {
            let Some(f) = s.indicator(&ind.key) else {
                continue;
            };
            let mut r = row(
                &ctx,
                f,
                ctx.text(&ind.name).to_owned(),
                ctx.text(&dom.name).to_owned(),
                b.indicators.get(&ind.key),
            );
            r.changed = changed(f, &|p| p.indicator(&ind.key).map(|x| x.fingerprint.clone()));
            indicators.push(r);
            for it in &ind.item {
                let Some(f) = s.item(&it.question) else {
                    continue;
                };
                let mut r = row(
                    &ctx,
                    f,
                    ctx.text(&it.text).to_owned(),
                    ctx.text(&ind.name).to_owned(),
                    None,
                );
                r.instrument = it.instrument.clone();
                r.reversed = it.direction == crate::cohesion::Direction::Lower;
                items.push(r);
            }
        }
        let spokes: Vec<Spoke> = def
            .domain
            .iter()
            .map(|dom| Spoke {
                label: ctx.text(&dom.name).to_owned(),
                own: s.domain(&dom.key).and_then(|f| f.score),
                median: match b.domains.get(&dom.key) {
                    Some(Benchmark::Shown { median, .. }) => Some(*median),
                    _ => None,
                },
            })
            .collect();
        radar = charts::radar(
            "cohesion-radar",
            &ctx.t("cohesion-radar-title"),
            &ctx.t("cohesion-radar-desc"),
            &spokes,
            rtl,
        );
        let mut index = row(
            &ctx,
            &s.index,
            ctx.t("cohesion-index"),
            String::new(),
            b.index.as_ref(),
        );
        index.changed = changed(&s.index, &|p| Some(p.index.fingerprint.clone()));
        latest = Some(Latest {
            label: w.row.label.clone(),
            fielded_on: ctx.date(&w.row.fielded_on),
            n: ctx.num(&w.row.n),
            framework: format!(
                "{} (v{})",
                ctx.text(&w.framework.title),
                w.framework.version
            ),
            weighted: s.weighted,
            left_out: i64::try_from(s.left_out).unwrap_or(i64::MAX),
            index,
            domains,
            indicators,
            items,
        });
    }
    // The trend: every wave, its index and domains, and whether each is
    // comparable with the latest.
    let last = d.latest().map(|(_, s)| s.clone());
    let keys: Vec<String> = d
        .latest()
        .map(|(w, _)| {
            w.framework
                .definition
                .domain
                .iter()
                .map(|x| x.key.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut trend = Vec::new();
    let mut points = Vec::new();
    for w in &d.waves {
        let s = w.scores.as_ref();
        let comparable = match (s, &last) {
            (Some(s), Some(l)) => s.index.fingerprint == l.index.fingerprint,
            _ => false,
        };
        let index = s.and_then(|s| s.index.score);
        trend.push(TrendRow {
            label: w.row.label.clone(),
            fielded_on: ctx.date(&w.row.fielded_on),
            n: ctx.num(&w.row.n),
            framework: format!("v{}", w.framework.version),
            index: shown(&ctx, index),
            domains: keys
                .iter()
                .map(|k| {
                    let f = s.and_then(|s| s.domain(k));
                    let text = shown(&ctx, f.and_then(|f| f.score));
                    let same = match (f, last.as_ref().and_then(|l| l.domain(k))) {
                        (Some(f), Some(l)) => f.fingerprint == l.fingerprint,
                        _ => false,
                    };
                    if same || f.is_none() {
                        text
                    } else {
                        format!("{text} †")
                    }
                })
                .collect(),
            comparable,
        });
        points.push(TrendPoint {
            label: w.row.label.clone(),
            value: index,
            comparable,
        });
    }
    let trend_chart = if d.waves.is_empty() {
        String::new()
    } else {
        charts::trend(
            "cohesion-trend",
            &ctx.t("cohesion-trend-title"),
            &ctx.t("cohesion-trend-desc"),
            &points,
            rtl,
        )
    };
    let municipal = d.latest().and_then(|(w, s)| {
        s.municipal
            .as_ref()
            .and_then(|m| municipal_view(&ctx, &d, w, m))
    });
    DashboardPage {
        municipal,
        rule_missing: ctx.t1("cohesion-rule-missing", "base", MIN_BASE as i64),
        rule_benchmark: ctx.t1("cohesion-rule-benchmark", "needed", MIN_PEERS as i64),
        ctx,
        d,
        name,
        groups,
        latest,
        domain_names,
        trend,
        radar,
        trend_chart,
    }
}

/// `GET /municipalities/{slug}/cohesion[?peers=country|population|refugees]`
pub(super) async fn dashboard_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = peer_group(&params)?;
    let ctx = ctx.with_section(Section::Municipalities);
    state
        .pages
        .visitor_page(&state.db, &ctx, || html(&state, ctx.clone(), slug, group))
        .await
}

async fn html(
    state: &AppState,
    ctx: PageCtx,
    slug: String,
    group: PeerGroup,
) -> Result<Html<String>, AppError> {
    let d = rules::dashboard(state.db.read(), ctx.actor(), &slug, group).await?;
    render(&build(ctx, d))
}

#[derive(Deserialize)]
pub(super) struct Choices {
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    by_name: Option<String>,
}

/// `POST /municipalities/{slug}/cohesion`: publish or not, named to peers
/// or not (checkboxes: absent means no).
pub(super) async fn save_choices(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<Choices>,
) -> Result<Response, AppError> {
    let yes = |v: &Option<String>| v.as_deref() == Some("yes");
    let origin = origin_of(&me, &client);
    rules::save_choices(
        &state.db,
        &origin,
        Some(&me.actor),
        &slug,
        yes(&form.published),
        yes(&form.by_name),
        Utc::now(),
    )
    .await?;
    Ok(redirect(
        format!("/municipalities/{slug}/cohesion?saved=1#choices"),
        &ctx,
    ))
}
