//! Accessible SVG charts over time: a Gantt-like timeline of spans (a
//! plan's steps) and marks (its milestones), and a line chart of an
//! indicator's measurements between its baseline and its target.
//!
//! They follow [`chart`](crate::chart): one self-contained `<svg>` string,
//! `role="img"` with `<title>` and `<desc>`, a `<title>` per item, text
//! escaped, sized by `viewBox`; the page puts a table of the same figures
//! beside. Time is given as day numbers (any epoch: the caller's, e.g.
//! days since 1970-01-01) with labels already formatted, so the crate
//! stays free of a calendar library.
//!
//! Right to left: with [`Direction::Rtl`] time runs from the right edge to
//! the left (the earliest day on the right), labels sit on the right and
//! the value axis of the line chart on the right too.

use std::fmt::Write as _;

use crate::chart::{
    BAR_COLOUR, BAR_HEIGHT, Direction, FONT_SIZE, GAP, MARGIN, SUPPRESSED_COLOUR, TEXT_COLOUR,
    WIDTH, clean_id, dir_attrs, document, escape, label, num, span_x, text_x,
};

/// A span of time: a step from its start to its end. A span with one day
/// only is drawn as a point; with none, as its label and `shown` only.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub label: String,
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The part done, 0–1 (filled from the span's start).
    pub done: f64,
    /// The text printed under the bar ("1 Mar – 30 Jun 2019 · 40 %").
    pub shown: String,
}

/// A day marked on the timeline: a milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub label: String,
    pub at: i64,
    /// Reached: a filled diamond; otherwise an outline.
    pub reached: bool,
    pub shown: String,
}

/// A Gantt-like timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub id: String,
    pub title: String,
    pub description: String,
    pub spans: Vec<Span>,
    pub marks: Vec<Mark>,
    /// Gridlines with their labels (years, say), drawn when inside the range.
    pub ticks: Vec<(i64, String)>,
    pub direction: Direction,
}

/// The colour of what is planned but not done (outline): 7.0:1 on white.
const PLANNED_COLOUR: &str = SUPPRESSED_COLOUR;
/// A target line and its marker: 5.9:1 on white.
pub const TARGET_COLOUR: &str = "#a3410b";
const FULL: f64 = WIDTH - 2.0 * MARGIN;
const AXIS_HEIGHT: f64 = FONT_SIZE + 10.0;

/// The range of days drawn: the earliest and latest given, widened to a
/// day at least.
fn range(days: impl Iterator<Item = i64>) -> Option<(i64, i64)> {
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for d in days {
        lo = lo.min(d);
        hi = hi.max(d);
    }
    (lo <= hi).then(|| (lo, hi.max(lo.saturating_add(1))))
}

/// Where day `d` falls, from the reading start, on an axis `full` long.
fn at(d: i64, (lo, hi): (i64, i64), full: f64) -> f64 {
    ((d - lo) as f64 / (hi - lo) as f64).clamp(0.0, 1.0) * full
}

fn axis(
    body: &mut String,
    dir: Direction,
    range: (i64, i64),
    ticks: &[(i64, String)],
    top: f64,
    bottom: f64,
) {
    for (day, text) in ticks
        .iter()
        .filter(|(d, _)| (range.0..=range.1).contains(d))
    {
        let x = text_x(dir, at(*day, range, FULL));
        let _ = write!(
            body,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{PLANNED_COLOUR}" stroke-width="1" stroke-dasharray="2 4"/>"#,
            num(top),
            num(bottom),
            x = num(x),
        );
        let _ = write!(
            body,
            r#"<text x="{}" y="{}" {} fill="{TEXT_COLOUR}">{}</text>"#,
            num(x + if dir == Direction::Rtl { -3.0 } else { 3.0 }),
            num(top + FONT_SIZE),
            dir_attrs(dir),
            escape(text)
        );
    }
}

/// Draws a timeline as an SVG document: a row per span, then a row per
/// mark, under an axis of ticks.
pub fn timeline(t: &Timeline) -> String {
    let id = clean_id(&t.id);
    let dir = t.direction;
    let days = t
        .spans
        .iter()
        .flat_map(|s| [s.start, s.end])
        .flatten()
        .chain(t.marks.iter().map(|m| m.at));
    let range = range(days).unwrap_or((0, 1));
    let mut body = String::new();
    let mut y = MARGIN + AXIS_HEIGHT;
    for (index, s) in t.spans.iter().enumerate() {
        let _ = write!(
            body,
            r#"<g id="{id}-span-{index}"><title>{}</title>"#,
            escape(&format!("{}: {}", s.label, s.shown))
        );
        y = label(&mut body, dir, y, &s.label, false);
        if let (Some(a), Some(b)) = (s.start.or(s.end), s.end.or(s.start)) {
            let (a, b) = (a.min(b), a.max(b));
            let from = at(a, range, FULL);
            let width = (at(b, range, FULL) - from).max(4.0);
            let _ = write!(
                body,
                r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="{PLANNED_COLOUR}" stroke-width="2"/>"##,
                num(span_x(dir, from, width)),
                num(y),
                num(width),
                num(BAR_HEIGHT)
            );
            let done = if s.done.is_finite() {
                s.done.clamp(0.0, 1.0)
            } else {
                0.0
            };
            if done > 0.0 {
                let _ = write!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{BAR_COLOUR}"/>"#,
                    num(span_x(dir, from, width * done)),
                    num(y),
                    num(width * done),
                    num(BAR_HEIGHT)
                );
            }
            y += BAR_HEIGHT + 4.0;
        }
        let _ = write!(
            body,
            r#"<text x="{}" y="{}" {} fill="{TEXT_COLOUR}">{}</text>"#,
            num(text_x(dir, 0.0)),
            num(y + FONT_SIZE),
            dir_attrs(dir),
            escape(&s.shown)
        );
        body.push_str("</g>");
        y += FONT_SIZE + 4.0 + GAP;
    }
    for (index, m) in t.marks.iter().enumerate() {
        let _ = write!(
            body,
            r#"<g id="{id}-mark-{index}"><title>{}</title>"#,
            escape(&format!("{}: {}", m.label, m.shown))
        );
        y = label(&mut body, dir, y, &m.label, false);
        let cx = text_x(dir, at(m.at, range, FULL));
        let cy = y + BAR_HEIGHT / 2.0;
        let r = BAR_HEIGHT / 2.0;
        let _ = write!(
            body,
            r##"<path d="M{} {}L{} {}L{} {}L{} {}Z" fill="{}" stroke="{TARGET_COLOUR}" stroke-width="2"/>"##,
            num(cx),
            num(cy - r),
            num(cx + r),
            num(cy),
            num(cx),
            num(cy + r),
            num(cx - r),
            num(cy),
            if m.reached { TARGET_COLOUR } else { "#ffffff" }
        );
        y += BAR_HEIGHT + 4.0;
        let _ = write!(
            body,
            r#"<text x="{}" y="{}" {} fill="{TEXT_COLOUR}">{}</text>"#,
            num(text_x(dir, 0.0)),
            num(y + FONT_SIZE),
            dir_attrs(dir),
            escape(&m.shown)
        );
        body.push_str("</g>");
        y += FONT_SIZE + 4.0 + GAP;
    }
    let mut grid = String::new();
    axis(&mut grid, dir, range, &t.ticks, MARGIN, y - GAP);
    let height = (y - GAP + MARGIN).max(MARGIN * 2.0 + AXIS_HEIGHT);
    document(&id, &t.title, &t.description, dir, height, &(grid + &body))
}

/// A point of a line chart: a day, a value and its printed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub day: i64,
    pub value: f64,
    pub shown: String,
}

/// An indicator's line chart: the baseline and the target as points with
/// a dashed line at the target's level, the measurements joined by a line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub id: String,
    pub title: String,
    pub description: String,
    pub baseline: Point,
    pub target: Point,
    pub measurements: Vec<Point>,
    pub ticks: Vec<(i64, String)>,
    /// Printed beside the target's level ("target") and the baseline's.
    pub target_label: String,
    pub baseline_label: String,
    pub direction: Direction,
}

const PLOT_HEIGHT: f64 = 180.0;
/// Room kept at the value-axis side for the level labels.
const VALUE_ROOM: f64 = 96.0;

/// Draws a line chart as an SVG document.
pub fn line_chart(c: &LineChart) -> String {
    let id = clean_id(&c.id);
    let dir = c.direction;
    let all = || {
        [&c.baseline, &c.target]
            .into_iter()
            .chain(c.measurements.iter())
            .filter(|p| p.value.is_finite())
    };
    let range = range(all().map(|p| p.day)).unwrap_or((0, 1));
    let (mut lo, mut hi) = all().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.value), hi.max(p.value))
    });
    if lo > hi {
        (lo, hi) = (0.0, 1.0);
    }
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.1;
    let (lo, hi) = (lo - pad, hi + pad);
    let full = FULL - VALUE_ROOM;
    let top = MARGIN + AXIS_HEIGHT;
    let x = |day: i64| text_x(dir, at(day, range, full));
    let y = |v: f64| top + (1.0 - ((v - lo) / (hi - lo)).clamp(0.0, 1.0)) * PLOT_HEIGHT;
    let mut body = String::new();
    axis(&mut body, dir, range, &c.ticks, MARGIN, top + PLOT_HEIGHT);
    // The plot's base line.
    let _ = write!(
        body,
        r#"<line x1="{}" y1="{b}" x2="{}" y2="{b}" stroke="{PLANNED_COLOUR}" stroke-width="1"/>"#,
        num(text_x(dir, 0.0)),
        num(text_x(dir, full)),
        b = num(top + PLOT_HEIGHT),
    );
    // Levels of the baseline and the target, labelled past the plot's end.
    for (p, text, colour, dash) in [
        (&c.baseline, &c.baseline_label, PLANNED_COLOUR, "2 4"),
        (&c.target, &c.target_label, TARGET_COLOUR, "8 4"),
    ] {
        let _ = write!(
            body,
            r#"<g><title>{}</title><line x1="{}" y1="{ly}" x2="{}" y2="{ly}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/><text x="{}" y="{}" {} fill="{TEXT_COLOUR}">{}</text></g>"#,
            escape(&format!("{text}: {}", p.shown)),
            num(text_x(dir, 0.0)),
            num(text_x(dir, full)),
            num(text_x(dir, full + 6.0)),
            num(y(p.value) + FONT_SIZE / 3.0),
            dir_attrs(dir),
            escape(text),
            ly = num(y(p.value)),
        );
    }
    // The path from the baseline through the measurements, in time order.
    let mut path: Vec<&Point> = std::iter::once(&c.baseline)
        .chain(c.measurements.iter())
        .filter(|p| p.value.is_finite())
        .collect();
    path.sort_by_key(|p| p.day);
    if path.len() > 1 {
        let points: Vec<String> = path
            .iter()
            .map(|p| format!("{},{}", num(x(p.day)), num(y(p.value))))
            .collect();
        let _ = write!(
            body,
            r#"<polyline points="{}" fill="none" stroke="{BAR_COLOUR}" stroke-width="3"/>"#,
            points.join(" ")
        );
    }
    for (index, p) in c.measurements.iter().enumerate() {
        let _ = write!(
            body,
            r##"<g id="{id}-point-{index}"><title>{}</title><circle cx="{}" cy="{}" r="5" fill="{BAR_COLOUR}" stroke="#ffffff" stroke-width="1"/></g>"##,
            escape(&p.shown),
            num(x(p.day)),
            num(y(p.value)),
        );
    }
    for (p, text, colour) in [
        (&c.baseline, &c.baseline_label, PLANNED_COLOUR),
        (&c.target, &c.target_label, TARGET_COLOUR),
    ] {
        let _ = write!(
            body,
            r##"<g><title>{}</title><rect x="{}" y="{}" width="10" height="10" fill="#ffffff" stroke="{colour}" stroke-width="2"/></g>"##,
            escape(&format!("{text}: {}", p.shown)),
            num(x(p.day) - 5.0),
            num(y(p.value) - 5.0),
        );
    }
    let height = top + PLOT_HEIGHT + MARGIN;
    document(&id, &c.title, &c.description, dir, height, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::tests::{attr, parse};

    fn plan(direction: Direction) -> Timeline {
        Timeline {
            id: "plan-7".into(),
            title: "Steps & milestones".into(),
            description: "2 steps, 1 milestone".into(),
            spans: vec![
                Span {
                    label: "Language course <A1>".into(),
                    start: Some(100),
                    end: Some(200),
                    done: 0.5,
                    shown: "50%".into(),
                },
                Span {
                    label: "Evaluation".into(),
                    start: None,
                    end: None,
                    done: 0.0,
                    shown: "no dates".into(),
                },
            ],
            marks: vec![Mark {
                label: "First class".into(),
                at: 300,
                reached: true,
                shown: "reached".into(),
            }],
            ticks: vec![(150, "2019".into()), (9999, "2040".into())],
            direction,
        }
    }

    fn rects(svg: &str) -> Vec<(f64, f64)> {
        let (elements, _) = parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        elements
            .iter()
            .filter(|e| e.0 == "rect" && attr(e, "x").is_some())
            .map(|e| {
                let n = |k| attr(e, k).and_then(|v| v.parse().ok()).unwrap_or(-1.0);
                (n("x"), n("width"))
            })
            .collect()
    }

    #[test]
    fn timeline_is_well_formed_and_labelled() {
        let svg = timeline(&plan(Direction::Ltr));
        let (elements, text) = parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        let root = &elements[0];
        assert_eq!(attr(root, "role"), Some("img"));
        assert_eq!(
            attr(root, "aria-labelledby"),
            Some("plan-7-title plan-7-desc")
        );
        assert!(text.contains("Language course <A1>: 50%"));
        assert!(text.contains("First class: reached"));
        assert!(text.contains("2019") && !text.contains("2040"));
        assert!(svg.contains("&lt;A1&gt;") && !svg.contains("<A1>"));
        // The first step's outline spans the first third of the axis (days
        // 100 to 200 of 100 to 300), half of it filled.
        let r = rects(&svg);
        assert_eq!(r[0], (MARGIN, FULL / 2.0));
        assert_eq!(r[1], (MARGIN, FULL / 4.0));
    }

    #[test]
    fn timeline_runs_right_to_left_in_rtl() {
        let ltr = rects(&timeline(&plan(Direction::Ltr)));
        let rtl = rects(&timeline(&plan(Direction::Rtl)));
        assert_eq!(ltr.len(), rtl.len());
        for ((lx, lw), (rx, rw)) in ltr.iter().zip(&rtl) {
            assert_eq!(lw, rw);
            // Mirrored: the left edge in one is the right edge in the other.
            assert!((rx - (WIDTH - lx - lw)).abs() < 0.01, "{lx} {lw} {rx}");
        }
        let svg = timeline(&plan(Direction::Rtl));
        assert!(svg.contains(r#"direction="rtl""#));
    }

    #[test]
    fn an_empty_timeline_is_still_a_document() {
        let mut t = plan(Direction::Ltr);
        t.spans.clear();
        t.marks.clear();
        let svg = timeline(&t);
        assert!(parse(&svg).is_ok());
    }

    fn indicator(direction: Direction) -> LineChart {
        let p = |day, value: f64| Point {
            day,
            value,
            shown: format!("{value} weeks"),
        };
        LineChart {
            id: "indicator-3".into(),
            title: "Waiting time".into(),
            description: "From 12 to 4 weeks; 10 measured".into(),
            baseline: p(0, 12.0),
            target: p(400, 4.0),
            measurements: vec![p(200, 10.0), p(100, 11.0)],
            ticks: vec![],
            target_label: "target".into(),
            baseline_label: "baseline".into(),
            direction,
        }
    }

    #[test]
    fn line_chart_is_well_formed_and_mirrored() {
        let svg = line_chart(&indicator(Direction::Ltr));
        let (elements, text) = parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        assert_eq!(attr(&elements[0], "role"), Some("img"));
        assert!(text.contains("10 weeks") && text.contains("target: 4 weeks"));
        let circles = |svg: &str| -> Vec<f64> {
            let (elements, _) = parse(svg).unwrap_or_else(|e| panic!("{e}"));
            elements
                .iter()
                .filter(|e| e.0 == "circle")
                .filter_map(|e| attr(e, "cx").and_then(|v| v.parse().ok()))
                .collect()
        };
        let ltr = circles(&svg);
        let rtl = circles(&line_chart(&indicator(Direction::Rtl)));
        // Day 200 of 0–400 is halfway; day 100 a quarter from the start.
        let full = FULL - VALUE_ROOM;
        assert_eq!(ltr, vec![MARGIN + full / 2.0, MARGIN + full / 4.0]);
        assert_eq!(
            rtl,
            vec![WIDTH - MARGIN - full / 2.0, WIDTH - MARGIN - full / 4.0]
        );
        // The line runs through the points in time order.
        assert!(svg.contains("<polyline"));
    }

    #[test]
    fn a_line_chart_without_measurements_draws_its_levels() {
        let mut c = indicator(Direction::Ltr);
        c.measurements.clear();
        c.target.value = f64::NAN;
        let svg = line_chart(&c);
        assert!(parse(&svg).is_ok());
        assert!(!svg.contains("<polyline") && !svg.contains("NaN"));
    }
}
