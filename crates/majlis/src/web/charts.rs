//! Counts as a horizontal bar chart (majlis-stats) for a page that puts
//! the same figures in a table beside it: members by country on
//! `/network`, participants by country on an event's page.
//!
//! A count that was not reported has no bar (a bar of 0 would say "none");
//! the caller leaves it out of the chart and says "not reported" in its
//! table. The chart mirrors in a right-to-left page.

use majlis_stats::chart::{Bar, BarChart, Direction, bar_chart};

use super::PageCtx;

/// One row of a count chart: its label (already in the reader's language)
/// and its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    pub label: String,
    pub count: i64,
}

/// An inline SVG bar chart of counts, scaled to the largest; empty when
/// there is nothing to draw (the page's table says so).
pub fn count_chart(ctx: &PageCtx, id: &str, title: &str, rows: &[Count]) -> String {
    let max = rows.iter().map(|r| r.count).max().unwrap_or(0);
    if max <= 0 {
        return String::new();
    }
    let bars = rows
        .iter()
        .map(|r| Bar {
            label: r.label.clone(),
            value: Some(r.count as f64),
            shown: ctx.num(&r.count),
        })
        .collect();
    bar_chart(&BarChart {
        id: id.to_owned(),
        title: title.to_owned(),
        description: ctx.t("chart-table-beside"),
        bars,
        max: max as f64,
        direction: direction(ctx),
    })
}

/// The direction charts take on this page.
pub fn direction(ctx: &PageCtx) -> Direction {
    if ctx.dir() == "rtl" {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}
