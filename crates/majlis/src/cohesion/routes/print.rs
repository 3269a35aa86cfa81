//! `GET /municipalities/{slug}/cohesion.pdf`: the dashboard printed (A4)
//! through `majlis-print`, in the reader's language (Arabic right to left):
//! the index, the domains, the indicators against the peers, the trend
//! across waves with each wave's n, the municipal questionnaire's answers
//! (policies, services, data), and the rules the figures follow. Not
//! found wherever the page is not found (an unpublished dashboard for
//! readers other than its municipality and staff).

use axum::extract::{Path, State};
use axum::response::Response;

use super::dashboard::{DashboardPage, Row, build};
use super::peer_group;
use crate::app::AppState;
use crate::cohesion::rules;
use crate::web::{AppError, PageCtx, Params};

/// `GET /municipalities/{slug}/cohesion.pdf[?peers=…]`
pub(super) async fn dashboard_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = peer_group(&params)?;
    let d = rules::dashboard(state.db.read(), ctx.actor(), &slug, group).await?;
    let doc = report(&build(ctx, d));
    let bytes = crate::web::pdf::print(doc, |p, d| p.survey_report(d)).await?;
    Ok(crate::web::pdf::pdf_response(
        bytes,
        &format!("{slug}-cohesion.pdf"),
    ))
}

/// A score as a bar's share (none for "not enough answers").
fn bar(score: &str) -> Option<f64> {
    score.parse::<f64>().ok().map(|v| v / 100.0)
}

/// A benchmark's cells: median, IQR, peers, or why it is hidden.
fn benchmark(r: &Row) -> [String; 3] {
    if r.hidden.is_empty() {
        [r.median.clone(), r.iqr.clone(), r.peers.clone()]
    } else {
        [r.hidden.clone(), String::new(), String::new()]
    }
}

/// The print crate's input: the dashboard's tables, one block each.
fn report(p: &DashboardPage) -> majlis_print::SurveyReport {
    use majlis_print::{Fact, SurveyQuestion, SurveyReport, SurveyRow};
    let ctx = &p.ctx;
    let lang = ctx.lang().to_owned();
    let dagger = |changed: bool| if changed { " †" } else { "" };
    let mut questions = Vec::new();
    let mut facts = Vec::new();
    let mut subtitle = None;
    if let Some(l) = &p.latest {
        subtitle = Some(format!(
            "{}: {} · {} · n = {} · {}",
            ctx.t("cohesion-wave"),
            l.label,
            l.fielded_on,
            l.n,
            l.framework
        ));
        facts.push(Fact {
            label: ctx.t("cohesion-index"),
            value: format!("{} / 100", l.index.score),
        });
        facts.push(Fact {
            label: ctx.t("cohesion-favourable"),
            value: l.index.favourable.clone(),
        });
        facts.push(Fact {
            label: ctx.t("cohesion-network-median"),
            value: if l.index.median.is_empty() {
                l.index.hidden.clone()
            } else {
                format!(
                    "{} ({} {})",
                    l.index.median,
                    ctx.t("cohesion-iqr"),
                    l.index.iqr
                )
            },
        });
        let header = |first: &str| {
            vec![
                ctx.t(first),
                ctx.t("cohesion-score"),
                ctx.t("cohesion-favourable"),
                "n".to_owned(),
                ctx.t("cohesion-network-median"),
                ctx.t("cohesion-iqr"),
                ctx.t("cohesion-peer-count"),
            ]
        };
        let rows = |rs: &[Row]| {
            rs.iter()
                .map(|r| {
                    let mut cells = vec![r.score.clone(), r.favourable.clone(), r.n.clone()];
                    cells.extend(benchmark(r));
                    SurveyRow {
                        label: format!("{}{}", r.name, dagger(r.changed)),
                        cells,
                        bar: bar(&r.score),
                    }
                })
                .collect::<Vec<_>>()
        };
        questions.push(SurveyQuestion {
            label: ctx.t("cohesion-domains"),
            lang: lang.clone(),
            base: String::new(),
            columns: header("cohesion-domain"),
            rows: rows(&l.domains),
            numbers: Vec::new(),
        });
        questions.push(SurveyQuestion {
            label: ctx.t("cohesion-indicators"),
            lang: lang.clone(),
            base: format!("† {}", ctx.t("cohesion-not-comparable")),
            columns: header("cohesion-indicator"),
            rows: rows(&l.indicators),
            numbers: Vec::new(),
        });
    }
    if !p.trend.is_empty() {
        let mut columns = vec![
            ctx.t("cohesion-wave"),
            ctx.t("cohesion-fielded"),
            "n".to_owned(),
            ctx.t("cohesion-framework"),
            ctx.t("cohesion-index"),
        ];
        columns.extend(p.domain_names.iter().cloned());
        questions.push(SurveyQuestion {
            label: ctx.t("cohesion-trend"),
            lang: lang.clone(),
            base: format!("† {}", ctx.t("cohesion-not-comparable")),
            columns,
            rows: p
                .trend
                .iter()
                .map(|t| {
                    let mut cells = vec![
                        t.fielded_on.clone(),
                        t.n.clone(),
                        t.framework.clone(),
                        format!("{}{}", t.index, dagger(!t.comparable)),
                    ];
                    cells.extend(t.domains.iter().cloned());
                    SurveyRow {
                        label: t.label.clone(),
                        cells,
                        bar: None,
                    }
                })
                .collect(),
            numbers: Vec::new(),
        });
    }
    if let Some(m) = &p.municipal {
        let mut base = vec![if m.submitted {
            format!(
                "{}: {} · {}",
                ctx.t("cohesion-score"),
                m.score,
                ctx.t1("cohesion-municipal-answered-n", "n", m.answered)
            )
        } else {
            ctx.t("cohesion-municipal-not-submitted")
        }];
        if m.unanswered > 0 && m.submitted {
            base.push(ctx.t1("cohesion-municipal-unanswered-n", "n", m.unanswered));
        }
        base.extend(
            m.sections
                .iter()
                .map(|(name, score, _, _)| format!("{name}: {score}")),
        );
        if m.whole > 0 {
            base.push(ctx.t1("cohesion-municipal-whole-n", "n", m.whole));
        }
        questions.push(SurveyQuestion {
            label: ctx.t("cohesion-municipal-dashboard"),
            lang: lang.clone(),
            base: base.join(" · "),
            columns: vec![
                ctx.t("cohesion-municipal-question"),
                ctx.t("cohesion-municipal-answer-column"),
                ctx.t("cohesion-instrument"),
                ctx.t("cohesion-municipal-documents"),
            ],
            rows: m
                .rows
                .iter()
                .map(|r| SurveyRow {
                    label: r.question.clone(),
                    cells: vec![
                        r.answer.clone(),
                        r.instrument.clone(),
                        r.documents.to_string(),
                    ],
                    bar: None,
                })
                .collect(),
            numbers: Vec::new(),
        });
    }
    let mut note = vec![
        ctx.t("cohesion-rule-scores"),
        p.rule_missing.clone(),
        p.rule_benchmark.clone(),
        ctx.t("cohesion-rule-privacy"),
    ];
    if p.municipal.is_some() {
        note.push(ctx.t("cohesion-municipal-rule"));
        note.push(ctx.t("cohesion-municipal-documents-private"));
    }
    if p.d.synthetic() {
        note.insert(0, ctx.t("cohesion-synthetic"));
    }
    if !p.d.published {
        note.insert(0, ctx.t("cohesion-not-published"));
    }
    SurveyReport {
        lang,
        title: format!("{}: {}", ctx.t("cohesion-title"), p.name),
        subtitle,
        facts,
        note: note.join("\n\n"),
        questions,
        footer: Some(format!("{} · {}", ctx.t("cohesion-title"), p.name)),
    }
}
