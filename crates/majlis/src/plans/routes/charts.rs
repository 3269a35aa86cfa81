//! A plan's timeline and its indicators' line charts, as `majlis-stats`
//! draws them, with the texts in the reader's language.

use chrono::{Datelike, NaiveDate};
use majlis_stats::chart::Direction;
use majlis_stats::{LineChart, Mark, Point, Span, Timeline, line_chart, timeline};

use crate::plans::StepStatus;
use crate::plans::rules::{IndicatorView, PlanDetail, day, figures};
use crate::web::PageCtx;

/// A day as a day number for the charts.
fn n(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn direction(ctx: &PageCtx) -> Direction {
    if ctx.dir() == "rtl" {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// A gridline at each 1 January between the first and last day.
fn years(days: impl Iterator<Item = NaiveDate>) -> Vec<(i64, String)> {
    let years: Vec<i32> = days.map(|d| d.year()).collect();
    let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max()) else {
        return Vec::new();
    };
    // At most about ten ticks, however many years the chart spans.
    let span = usize::try_from(*hi + 1 - *lo).unwrap_or(0);
    let step = span.div_ceil(10).max(1);
    (*lo..=*hi + 1)
        .step_by(step)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .map(|d| (n(d), d.year().to_string()))
        .collect()
}

/// From–to of a step as printed ("2019-03-01 – 2019-06-30").
pub fn dates(from: &Option<NaiveDate>, to: &Option<NaiveDate>) -> String {
    match (from, to) {
        (None, None) => String::new(),
        _ => format!("{} – {}", day(from), day(to)),
    }
}

/// The timeline of steps and milestones.
pub fn plan_timeline(ctx: &PageCtx, d: &PlanDetail) -> String {
    let spans = d
        .steps
        .iter()
        .map(|s| {
            let f = figures(s);
            let done = match f.status {
                StepStatus::Done => 1.0,
                StepStatus::InProgress => f64::from(f.percent) / 100.0,
                StepStatus::NotStarted | StepStatus::Cancelled => 0.0,
            };
            let when = dates(&s.starts_on, &s.due_on);
            let status = ctx.t(&f.status.label_id());
            let percent = ctx.t1("progress-percent", "n", i64::from(f.percent));
            let shown = [when, status, percent]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            Span {
                label: ctx.text(&s.title).to_owned(),
                start: s.starts_on.map(n),
                end: s.due_on.map(n),
                done,
                shown,
            }
        })
        .collect();
    let marks = d
        .milestones
        .iter()
        .map(|m| Mark {
            label: ctx.text(&m.title).to_owned(),
            at: n(m.reached_on.unwrap_or(m.due_on)),
            reached: m.reached_on.is_some(),
            shown: match m.reached_on {
                Some(r) => ctx.t1("plan-milestone-reached-on", "date", r.to_string()),
                None => ctx.t1("plan-milestone-due-on", "date", m.due_on.to_string()),
            },
        })
        .collect();
    let days = d
        .steps
        .iter()
        .flat_map(|s| [s.starts_on, s.due_on])
        .flatten()
        .chain(d.milestones.iter().map(|m| m.due_on));
    timeline(&Timeline {
        id: format!("plan-{}-timeline", d.plan.row.id),
        title: ctx.t("plan-timeline"),
        description: ctx.t1("plan-timeline-desc", "steps", d.steps.len() as i64)
            + " "
            + &ctx.t1(
                "plan-timeline-milestones",
                "count",
                d.milestones.len() as i64,
            ),
        spans,
        marks,
        ticks: years(days),
        direction: direction(ctx),
    })
}

/// A value as printed (no needless decimals).
pub fn value(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// One indicator's line chart.
pub fn indicator_chart(ctx: &PageCtx, i: &IndicatorView) -> String {
    let r = &i.row;
    let point = |d: NaiveDate, v: f64| Point {
        day: n(d),
        value: v,
        shown: format!("{d}: {} {}", value(v), r.unit),
    };
    let latest = i
        .latest()
        .map(|m| format!("{} {}", value(m.value), r.unit))
        .unwrap_or_else(|| ctx.t("plan-not-measured"));
    let days = [r.baseline_on, r.target_on]
        .into_iter()
        .chain(i.measurements.iter().map(|m| m.measured_on));
    line_chart(&LineChart {
        id: format!("indicator-{}", r.id),
        title: ctx.text(&r.name).to_owned(),
        description: ctx.locale.t_args(
            "plan-chart-desc",
            &[
                (
                    "baseline",
                    format!("{} {}", value(r.baseline_value), r.unit).into(),
                ),
                ("baseline_on", r.baseline_on.to_string().into()),
                (
                    "target",
                    format!("{} {}", value(r.target_value), r.unit).into(),
                ),
                ("target_on", r.target_on.to_string().into()),
                ("latest", latest.into()),
            ],
        ),
        baseline: point(r.baseline_on, r.baseline_value),
        target: point(r.target_on, r.target_value),
        measurements: i
            .measurements
            .iter()
            .map(|m| point(m.measured_on, m.value))
            .collect(),
        ticks: years(days),
        target_label: ctx.t("plan-target"),
        baseline_label: ctx.t("plan-baseline"),
        direction: direction(ctx),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, 6, 1).unwrap_or_default()
    }

    #[test]
    fn year_ticks_are_thinned_to_about_ten() {
        assert_eq!(years([d(2020), d(2022)].into_iter()).len(), 4);
        let wide = years([d(1900), d(2100)].into_iter());
        assert!(wide.len() <= 11, "{}", wide.len());
        assert_eq!(wide[0].1, "1900");
        assert!(years(std::iter::empty()).is_empty());
    }
}
