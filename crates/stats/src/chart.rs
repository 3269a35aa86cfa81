//! Accessible SVG charts: horizontal bars of shares, and a box-plot line of
//! a number's five figures.
//!
//! Every chart is one self-contained `<svg>` string: no script, no style
//! sheet, no external font (the font list names installed fonts only), all
//! text escaped. It scales with its container through `viewBox` alone.
//!
//! Accessibility: the root has `role="img"` and `aria-labelledby` naming its
//! `<title>` and `<desc>`; each bar is a `<g>` with its own `<title>` (its
//! label and printed value), which pointers show as a tooltip. The page puts
//! the table of the same figures beside the chart.
//!
//! Right to left: with [`Direction::Rtl`] the geometry itself is mirrored
//! (bars grow from the right edge, labels sit on the right), the text
//! elements carry `direction="rtl"` and `text-anchor="start"`, which SVG
//! resolves to the right end of right-to-left text. Nothing relies on CSS.
//!
//! Colours, against the white background: text `#1a1a1a` (17.4:1), bars
//! `#1d4f91` (8.1:1), the outline of a suppressed bar `#595959` (7.0:1); the
//! WCAG AA minimums are 4.5:1 for text and 3:1 for graphics.

use std::fmt::Write as _;

/// The reading direction of the page the chart goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// One bar: a label, a value on the chart's scale (`None`: suppressed) and
/// the text printed at the bar's end ("86%", "suppressed"…), already
/// translated and formatted by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub shown: String,
}

/// A horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// A prefix for the ids of the chart's `<title>` and `<desc>`, unique on
    /// the page (e.g. the question's name); characters other than ASCII
    /// letters, digits, `-` and `_` are dropped.
    pub id: String,
    pub title: String,
    pub description: String,
    pub bars: Vec<Bar>,
    /// The value of a full-length bar (100 for percentages).
    pub max: f64,
    pub direction: Direction,
}

/// Width of the view box; everything scales from it.
pub const WIDTH: f64 = 440.0;
pub(crate) const MARGIN: f64 = 8.0;
pub(crate) const FONT_SIZE: f64 = 16.0;
pub(crate) const LINE_HEIGHT: f64 = 20.0;
pub(crate) const BAR_HEIGHT: f64 = 22.0;
/// Room kept after the longest bar for its printed value.
const VALUE_ROOM: f64 = 112.0;
pub(crate) const GAP: f64 = 14.0;
/// An estimate of the average advance of a character, for wrapping labels.
const CHAR_WIDTH: f64 = FONT_SIZE * 0.55;

pub const TEXT_COLOUR: &str = "#1a1a1a";
pub const BAR_COLOUR: &str = "#1d4f91";
pub const SUPPRESSED_COLOUR: &str = "#595959";
pub(crate) const FONTS: &str = "'Noto Sans', 'Noto Naskh Arabic', system-ui, sans-serif";

/// The length of the longest bar.
pub const BAR_AREA: f64 = WIDTH - 2.0 * MARGIN - VALUE_ROOM;

/// The horizontal position of a bar (or any span of the chart) that starts
/// `offset` after the reading start and is `width` long.
pub(crate) fn span_x(direction: Direction, offset: f64, width: f64) -> f64 {
    match direction {
        Direction::Ltr => MARGIN + offset,
        Direction::Rtl => WIDTH - MARGIN - offset - width,
    }
}

/// The anchor point of text that starts `offset` after the reading start.
pub(crate) fn text_x(direction: Direction, offset: f64) -> f64 {
    match direction {
        Direction::Ltr => MARGIN + offset,
        Direction::Rtl => WIDTH - MARGIN - offset,
    }
}

pub(crate) fn dir_attrs(direction: Direction) -> &'static str {
    match direction {
        Direction::Ltr => r#"direction="ltr" text-anchor="start""#,
        Direction::Rtl => r#"direction="rtl" text-anchor="start""#,
    }
}

/// The bar length for a value on a scale whose full length is `max`.
fn length(value: f64, max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0 && value.is_finite()) {
        return 0.0;
    }
    (value / max).clamp(0.0, 1.0) * BAR_AREA
}

/// Draws a horizontal bar chart as an SVG document.
pub fn bar_chart(chart: &BarChart) -> String {
    let id = clean_id(&chart.id);
    let dir = chart.direction;
    let mut body = String::new();
    let mut y = MARGIN;
    for (index, bar) in chart.bars.iter().enumerate() {
        let _ = write!(
            body,
            r#"<g id="{id}-bar-{index}"><title>{}</title>"#,
            escape(&format!("{}: {}", bar.label, bar.shown))
        );
        y = label(&mut body, dir, y, &bar.label, false);
        bar_row(&mut body, dir, 0.0, BAR_AREA, y, bar, chart.max);
        body.push_str("</g>");
        y += BAR_HEIGHT + GAP;
    }
    let height = (y - GAP + MARGIN).max(2.0 * MARGIN);
    document(&id, &chart.title, &chart.description, dir, height, &body)
}

/// Writes a label (wrapped to the chart's width) whose first line's top is
/// at `y`; returns where the next element starts.
pub(crate) fn label(body: &mut String, dir: Direction, y: f64, text: &str, bold: bool) -> f64 {
    let lines = wrap(text, ((WIDTH - 2.0 * MARGIN) / CHAR_WIDTH) as usize);
    let _ = write!(
        body,
        r#"<text x="{}" y="{}" {}{} fill="{TEXT_COLOUR}">"#,
        num(text_x(dir, 0.0)),
        num(y + FONT_SIZE),
        dir_attrs(dir),
        if bold { r#" font-weight="bold""# } else { "" }
    );
    for (k, line) in lines.iter().enumerate() {
        if k == 0 {
            let _ = write!(body, "<tspan>{}</tspan>", escape(line));
        } else {
            let _ = write!(
                body,
                r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                num(text_x(dir, 0.0)),
                num(LINE_HEIGHT),
                escape(line)
            );
        }
    }
    body.push_str("</text>");
    y + LINE_HEIGHT * lines.len().max(1) as f64 + 4.0
}

/// Writes one bar whose top is at `y`, starting `offset` after the reading
/// start on a scale `area` long: its baseline, the bar (or the outline of a
/// suppressed one) and its printed value.
fn bar_row(body: &mut String, dir: Direction, offset: f64, area: f64, y: f64, bar: &Bar, max: f64) {
    let end = match bar.value {
        Some(value) => {
            let w = length(value, max) * area / BAR_AREA;
            let _ = write!(
                body,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{BAR_COLOUR}"/>"#,
                num(span_x(dir, offset, w)),
                num(y),
                num(w),
                num(BAR_HEIGHT)
            );
            w
        }
        None => {
            // Suppressed: an empty outlined bar across the scale, so that it
            // reads as "somewhere in here", with its text after it.
            let _ = write!(
                body,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{SUPPRESSED_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>"#,
                num(span_x(dir, offset + 1.0, area - 2.0)),
                num(y + 1.0),
                num(area - 2.0),
                num(BAR_HEIGHT - 2.0)
            );
            area
        }
    };
    // The bar's baseline, so that a zero still shows where it starts.
    let _ = write!(
        body,
        r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{SUPPRESSED_COLOUR}" stroke-width="2"/>"#,
        num(y - 2.0),
        num(y + BAR_HEIGHT + 2.0),
        x = num(text_x(dir, offset)),
    );
    let _ = write!(
        body,
        r#"<text x="{}" y="{}" {} fill="{TEXT_COLOUR}">{}</text>"#,
        num(text_x(dir, offset + end + 6.0)),
        num(y + BAR_HEIGHT - 6.0),
        dir_attrs(dir),
        escape(&bar.shown)
    );
}

/// One answer category of a [`GroupedBarChart`]: its label and one bar per
/// group, each [`Bar::label`] being the group's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub label: String,
    pub bars: Vec<Bar>,
}

/// A bar chart disaggregated by a grouping (country, population band…):
/// for each answer category, one bar per group with the group's name before
/// it. Groups are told apart by their printed names, not by colour.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedBarChart {
    /// As [`BarChart::id`].
    pub id: String,
    pub title: String,
    pub description: String,
    pub categories: Vec<Category>,
    pub max: f64,
    pub direction: Direction,
}

/// Room for a group's name before its bar.
const GROUP_ROOM: f64 = 120.0;
/// Characters of a group's name that fit in [`GROUP_ROOM`].
const GROUP_CHARS: usize = 11;

/// Draws a grouped horizontal bar chart as an SVG document.
pub fn grouped_bar_chart(chart: &GroupedBarChart) -> String {
    let id = clean_id(&chart.id);
    let dir = chart.direction;
    let area = BAR_AREA - GROUP_ROOM;
    let mut body = String::new();
    let mut y = MARGIN;
    for (index, category) in chart.categories.iter().enumerate() {
        let _ = write!(
            body,
            r#"<g id="{id}-category-{index}"><title>{}</title>"#,
            escape(&category.label)
        );
        y = label(&mut body, dir, y, &category.label, true);
        for bar in &category.bars {
            let _ = write!(
                body,
                r#"<g><title>{}</title>"#,
                escape(&format!("{}, {}: {}", category.label, bar.label, bar.shown))
            );
            let _ = write!(
                body,
                r#"<text x="{}" y="{}" {} fill="{TEXT_COLOUR}">{}</text>"#,
                num(text_x(dir, 0.0)),
                num(y + BAR_HEIGHT - 6.0),
                dir_attrs(dir),
                escape(&shorten(&bar.label, GROUP_CHARS))
            );
            bar_row(&mut body, dir, GROUP_ROOM, area, y, bar, chart.max);
            body.push_str("</g>");
            y += BAR_HEIGHT + 6.0;
        }
        body.push_str("</g>");
        y += GAP;
    }
    let height = (y - GAP - 6.0 + MARGIN).max(2.0 * MARGIN);
    document(&id, &chart.title, &chart.description, dir, height, &body)
}

/// The text cut to `chars` characters, with an ellipsis when cut.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let kept: String = text.chars().take(chars.saturating_sub(1)).collect();
    let mut out = kept.trim_end().to_owned();
    out.push('…');
    out
}

/// The five figures of a number drawn as a box-plot line: whiskers from the
/// minimum to the maximum, a box from the first to the third quartile, a
/// mark at the median, and the printed minimum, median and maximum below.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxPlot {
    /// As [`BarChart::id`].
    pub id: String,
    pub title: String,
    pub description: String,
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
    /// The ends of the axis (`scale.0 < scale.1`); figures outside are drawn
    /// at the ends.
    pub scale: (f64, f64),
    /// The texts printed under the minimum, the median and the maximum.
    pub shown: [String; 3],
    pub direction: Direction,
}

/// Draws a box-plot line as an SVG document.
pub fn box_plot(plot: &BoxPlot) -> String {
    let id = clean_id(&plot.id);
    let dir = plot.direction;
    let full = WIDTH - 2.0 * MARGIN;
    let (lo, hi) = plot.scale;
    let at = |v: f64| {
        if !(lo.is_finite() && hi.is_finite() && hi > lo && v.is_finite()) {
            return 0.0;
        }
        ((v - lo) / (hi - lo)).clamp(0.0, 1.0) * full
    };
    let (min, q1, median, q3, max) = (
        at(plot.min),
        at(plot.q1),
        at(plot.median),
        at(plot.q3),
        at(plot.max),
    );
    let mid = MARGIN + BAR_HEIGHT / 2.0;
    let mut body = String::new();
    let _ = write!(
        body,
        r#"<g id="{id}-figures"><title>{}</title>"#,
        escape(&plot.description)
    );
    let _ = write!(
        body,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{BAR_COLOUR}" stroke-width="2"/>"#,
        num(text_x(dir, min)),
        num(mid),
        num(text_x(dir, max)),
        num(mid)
    );
    for end in [min, max] {
        let _ = write!(
            body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{BAR_COLOUR}" stroke-width="2"/>"#,
            num(text_x(dir, end)),
            num(MARGIN),
            num(text_x(dir, end)),
            num(MARGIN + BAR_HEIGHT)
        );
    }
    let _ = write!(
        body,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="{BAR_COLOUR}" stroke-width="2"/>"##,
        num(span_x(dir, q1, q3 - q1)),
        num(MARGIN),
        num(q3 - q1),
        num(BAR_HEIGHT)
    );
    let _ = write!(
        body,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{TEXT_COLOUR}" stroke-width="4"/>"#,
        num(text_x(dir, median)),
        num(MARGIN),
        num(text_x(dir, median)),
        num(MARGIN + BAR_HEIGHT)
    );
    let baseline = MARGIN + BAR_HEIGHT + 4.0 + FONT_SIZE;
    let anchors = ["start", "middle", "end"];
    for ((offset, text), anchor) in [min, median, max].iter().zip(&plot.shown).zip(anchors) {
        let _ = write!(
            body,
            r#"<text x="{}" y="{}" direction="{}" text-anchor="{anchor}" fill="{TEXT_COLOUR}">{}</text>"#,
            num(text_x(dir, *offset)),
            num(baseline),
            if dir == Direction::Rtl { "rtl" } else { "ltr" },
            escape(text)
        );
    }
    body.push_str("</g>");
    let height = baseline + 6.0 + MARGIN;
    document(&id, &plot.title, &plot.description, dir, height, &body)
}

/// The `<svg>` element around a chart's body.
pub(crate) fn document(
    id: &str,
    title: &str,
    description: &str,
    dir: Direction,
    height: f64,
    body: &str,
) -> String {
    let direction = match dir {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    };
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" "#,
            r#"role="img" aria-labelledby="{id}-title {id}-desc" direction="{direction}" "#,
            r#"font-family="{fonts}" font-size="{size}">"#,
            r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
            r##"<rect width="100%" height="100%" fill="#ffffff"/>{body}</svg>"##
        ),
        w = num(WIDTH),
        h = num(height),
        id = id,
        direction = direction,
        fonts = FONTS,
        size = num(FONT_SIZE),
        title = escape(title),
        desc = escape(description),
        body = body
    )
}

/// Escapes text for XML content and attribute values, and drops the
/// characters XML 1.0 does not allow.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An id prefix of ASCII letters, digits, `-` and `_`, never empty.
pub(crate) fn clean_id(id: &str) -> String {
    let kept: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if kept.is_empty() {
        "chart".to_owned()
    } else {
        kept
    }
}

/// A coordinate with at most two decimals and no trailing zeros.
pub(crate) fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Splits a label into lines of at most `width` characters at spaces (a
/// longer word is cut).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// An element's name and attributes.
    pub(crate) type Element = (String, Vec<(String, String)>);

    /// Parses the whole document; returns every element as (name, attributes)
    /// and all text, or the parse error.
    pub(crate) fn parse(svg: &str) -> Result<(Vec<Element>, String), String> {
        let mut reader = Reader::from_str(svg);
        let mut elements = Vec::new();
        let mut text = String::new();
        let mut depth = 0_i32;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                    let empty =
                        svg.as_bytes().get(reader.buffer_position() as usize - 2) == Some(&b'/');
                    let name = e.name().as_ref().to_owned();
                    let mut attrs = Vec::new();
                    for a in e.attributes() {
                        let a = a.map_err(|e| e.to_string())?;
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_err(|e| e.to_string())?
                            .into_owned();
                        attrs.push((a.key.as_ref().to_owned(), value));
                    }
                    elements.push((name, attrs));
                    if !empty {
                        depth += 1;
                    }
                }
                Ok(Event::End(_)) => depth -= 1,
                Ok(Event::Text(t)) => {
                    text.push_str(&t.xml10_content());
                }
                Ok(Event::GeneralRef(r)) => {
                    let name = r.to_string();
                    text.push_str(match name.as_str() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "#39" => "'",
                        other => return Err(format!("unknown entity {other}")),
                    });
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => return Err(e.to_string()),
            }
        }
        if depth != 0 {
            return Err(format!("unbalanced: depth {depth}"));
        }
        Ok((elements, text))
    }

    pub(crate) fn attr<'a>(element: &'a Element, key: &str) -> Option<&'a str> {
        element
            .1
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn sample(direction: Direction) -> BarChart {
        BarChart {
            id: "q12".into(),
            title: "Increase in social tensions <2016> & \"after\"".into(),
            description: "86% of 43 municipalities reported an increase".into(),
            bars: vec![
                Bar {
                    label: "Yes".into(),
                    value: Some(86.0),
                    shown: "86%".into(),
                },
                Bar {
                    label: "No, a label long enough to need a second line when it is drawn in the chart".into(),
                    value: Some(9.0),
                    shown: "9%".into(),
                },
                Bar {
                    label: "Don't know <b>".into(),
                    value: None,
                    shown: "suppressed".into(),
                },
            ],
            max: 100.0,
            direction,
        }
    }

    #[test]
    fn bar_chart_is_well_formed_and_labelled() {
        let svg = bar_chart(&sample(Direction::Ltr));
        let (elements, text) = parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        let root = &elements[0];
        assert_eq!(root.0, "svg");
        assert_eq!(attr(root, "role"), Some("img"));
        assert_eq!(attr(root, "aria-labelledby"), Some("q12-title q12-desc"));
        assert!(attr(root, "viewBox").is_some_and(|v| v.starts_with("0 0 440 ")));
        assert_eq!(attr(root, "width"), None);
        let ids: Vec<&str> = elements.iter().filter_map(|e| attr(e, "id")).collect();
        assert!(ids.contains(&"q12-title") && ids.contains(&"q12-desc"));
        // One group with a title per bar.
        let groups = elements.iter().filter(|e| e.0 == "g").count();
        let titles = elements.iter().filter(|e| e.0 == "title").count();
        assert_eq!((groups, titles), (3, 4));
        assert!(text.contains("Yes: 86%"));
        assert!(text.contains("Don't know <b>: suppressed"));
        // No script, no external reference.
        assert!(!svg.contains("<script") && !svg.contains("href") && !svg.contains("@font-face"));
    }

    #[test]
    fn text_is_escaped() {
        let svg = bar_chart(&sample(Direction::Ltr));
        assert!(svg.contains("&lt;2016&gt; &amp; &quot;after&quot;"));
        assert!(svg.contains("Don&#39;t know &lt;b&gt;"));
        assert!(!svg.contains("<b>"));
        assert_eq!(escape("a\u{0}b\u{1b}c\td"), "abc d");
        let (_, text) = parse(&svg).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains("Increase in social tensions <2016> & \"after\""));
        // An id cannot break out of its attribute.
        let mut chart = sample(Direction::Ltr);
        chart.id = "x\" onload=\"alert(1)".into();
        let svg = bar_chart(&chart);
        assert!(parse(&svg).is_ok());
        assert!(svg.contains(r#"id="xonloadalert1-title""#));
    }

    fn rects(svg: &str) -> Vec<(f64, f64)> {
        let (elements, _) = parse(svg).unwrap_or_else(|e| panic!("{e}"));
        elements
            .iter()
            .filter(|e| e.0 == "rect" && attr(e, "x").is_some())
            .map(|e| {
                let get = |k| {
                    attr(e, k)
                        .and_then(|v| v.parse::<f64>().ok())
                        .unwrap_or(f64::NAN)
                };
                (get("x"), get("width"))
            })
            .collect()
    }

    #[test]
    fn rtl_mirrors_the_geometry() {
        let ltr = bar_chart(&sample(Direction::Ltr));
        let rtl = bar_chart(&sample(Direction::Rtl));
        let (l, r) = (rects(&ltr), rects(&rtl));
        assert_eq!(l.len(), 3);
        assert_eq!(l.len(), r.len());
        for ((lx, lw), (rx, rw)) in l.iter().zip(&r) {
            assert_eq!(lw, rw);
            assert!((rx - (WIDTH - lx - lw)).abs() < 0.011, "{lx} {lw} {rx}");
        }
        // The first bar starts at the left edge in Ltr and ends at the right
        // edge in Rtl.
        assert_eq!(l[0].0, MARGIN);
        assert!((r[0].0 + r[0].1 - (WIDTH - MARGIN)).abs() < 0.011);
        // 86 of 100 is 86% of the bar area.
        assert!((l[0].1 - 0.86 * BAR_AREA).abs() < 0.011);
        // Baselines sit at the reading start.
        let starts = |svg: &str| -> Vec<String> {
            let (elements, _) = parse(svg).unwrap_or_else(|e| panic!("{e}"));
            elements
                .iter()
                .filter(|e| e.0 == "line")
                .filter_map(|e| attr(e, "x1").map(str::to_owned))
                .collect()
        };
        assert_eq!(starts(&ltr), vec!["8"; 3]);
        assert_eq!(starts(&rtl), vec!["432"; 3]);
        // Text anchors: labels on the right, written right to left.
        let (elements, _) = parse(&rtl).unwrap_or_else(|e| panic!("{e}"));
        let texts: Vec<_> = elements.iter().filter(|e| e.0 == "text").collect();
        assert!(!texts.is_empty());
        for t in &texts {
            assert_eq!(attr(t, "direction"), Some("rtl"));
            assert_eq!(attr(t, "text-anchor"), Some("start"));
        }
        assert_eq!(attr(texts[0], "x"), Some("432"));
        assert_eq!(attr(&elements[0], "direction"), Some("rtl"));
    }

    #[test]
    fn suppressed_bar_is_an_empty_outline() {
        let svg = bar_chart(&sample(Direction::Ltr));
        let (elements, _) = parse(&svg).unwrap_or_else(|e| panic!("{e}"));
        let outlined: Vec<_> = elements
            .iter()
            .filter(|e| e.0 == "rect" && attr(e, "fill") == Some("none"))
            .collect();
        assert_eq!(outlined.len(), 1);
        assert_eq!(attr(outlined[0], "stroke"), Some(SUPPRESSED_COLOUR));
        assert!(svg.contains(">suppressed</text>"));
    }

    #[test]
    fn odd_values_do_not_break_the_chart() {
        let mut chart = sample(Direction::Ltr);
        chart.bars[0].value = Some(f64::NAN);
        chart.bars[1].value = Some(250.0);
        let svg = bar_chart(&chart);
        let r = rects(&svg);
        assert_eq!(r[0].1, 0.0);
        assert_eq!(r[1].1, BAR_AREA);
        chart.max = 0.0;
        assert!(
            rects(&bar_chart(&chart))
                .iter()
                .take(2)
                .all(|&(_, w)| w == 0.0)
        );
        chart.bars.clear();
        assert!(parse(&bar_chart(&chart)).is_ok());
    }

    /// WCAG relative luminance contrast against white.
    fn contrast_with_white(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        1.05 / (l + 0.05)
    }

    #[test]
    fn colours_meet_wcag_aa_on_white() {
        assert!(contrast_with_white(TEXT_COLOUR) >= 4.5);
        assert!(contrast_with_white(BAR_COLOUR) >= 3.0);
        assert!(contrast_with_white(SUPPRESSED_COLOUR) >= 3.0);
        // The figures the module documentation quotes.
        assert!((contrast_with_white(TEXT_COLOUR) - 17.4).abs() < 0.1);
        assert!(
            (contrast_with_white(BAR_COLOUR) - 8.1).abs() < 0.1,
            "{}",
            contrast_with_white(BAR_COLOUR)
        );
        assert!((contrast_with_white(SUPPRESSED_COLOUR) - 7.0).abs() < 0.1);
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(
            wrap("زيادة في التوترات الاجتماعية", 12),
            vec!["زيادة في", "التوترات", "الاجتماعية"]
        );
    }

    fn grouped(direction: Direction) -> GroupedBarChart {
        let bar = |label: &str, value: Option<f64>, shown: &str| Bar {
            label: label.into(),
            value,
            shown: shown.into(),
        };
        GroupedBarChart {
            id: "q12-by-country".into(),
            title: "Tensions by country".into(),
            description: "Jordan 90%, Lebanon 80%, Turkey suppressed".into(),
            categories: vec![
                Category {
                    label: "Increase".into(),
                    bars: vec![
                        bar("Jordan", Some(90.0), "90%"),
                        bar("Lebanon & Syria's border", Some(80.0), "80%"),
                        bar("Turkey", None, "suppressed"),
                    ],
                },
                Category {
                    label: "No change".into(),
                    bars: vec![
                        bar("Jordan", Some(10.0), "10%"),
                        bar("Lebanon & Syria's border", Some(20.0), "20%"),
                        bar("Turkey", None, "suppressed"),
                    ],
                },
            ],
            max: 100.0,
            direction,
        }
    }

    #[test]
    fn grouped_chart_is_well_formed_mirrored_and_named() {
        let ltr = grouped_bar_chart(&grouped(Direction::Ltr));
        let rtl = grouped_bar_chart(&grouped(Direction::Rtl));
        let (elements, text) = parse(&ltr).unwrap_or_else(|e| panic!("{e}\n{ltr}"));
        assert_eq!(attr(&elements[0], "role"), Some("img"));
        assert_eq!(
            attr(&elements[0], "aria-labelledby"),
            Some("q12-by-country-title q12-by-country-desc")
        );
        // A title per category and per bar, besides the chart's own.
        assert_eq!(
            elements.iter().filter(|e| e.0 == "title").count(),
            1 + 2 + 6
        );
        assert!(text.contains("Increase, Lebanon & Syria's border: 80%"));
        // The printed group name is shortened; the title keeps it whole.
        assert!(text.contains("Lebanon &…"));
        let (l, r) = (rects(&ltr), rects(&rtl));
        assert_eq!(l.len(), 6);
        for ((lx, lw), (rx, rw)) in l.iter().zip(&r) {
            assert_eq!(lw, rw);
            assert!((rx - (WIDTH - lx - lw)).abs() < 0.011, "{lx} {lw} {rx}");
        }
        // Bars start after the group names; 90 of 100 is 90% of their scale.
        assert_eq!(l[0].0, MARGIN + GROUP_ROOM);
        assert!((l[0].1 - 0.9 * (BAR_AREA - GROUP_ROOM)).abs() < 0.011);
        assert_eq!(shorten("Jordan", 13), "Jordan");
    }

    #[test]
    fn box_plot_is_well_formed_and_mirrored() {
        let plot = |direction| BoxPlot {
            id: "pop".into(),
            title: "Population".into(),
            description: "min 1 200, median 45 000, max 2 million".into(),
            min: 1200.0,
            q1: 20000.0,
            median: 45000.0,
            q3: 90000.0,
            max: 2_000_000.0,
            scale: (0.0, 2_000_000.0),
            shown: ["1 200".into(), "45 000".into(), "2 000 000".into()],
            direction,
        };
        let ltr = box_plot(&plot(Direction::Ltr));
        let rtl = box_plot(&plot(Direction::Rtl));
        let (le, _) = parse(&ltr).unwrap_or_else(|e| panic!("{e}"));
        let (re, text) = parse(&rtl).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(attr(&le[0], "role"), Some("img"));
        assert!(text.contains("45 000"));
        let l = rects(&ltr);
        let r = rects(&rtl);
        assert_eq!(l.len(), 1);
        assert!((r[0].0 - (WIDTH - l[0].0 - l[0].1)).abs() < 0.011);
        let lines = |e: &Vec<Element>| -> Vec<f64> {
            e.iter()
                .filter(|e| e.0 == "line")
                .filter_map(|e| attr(e, "x1").and_then(|v| v.parse().ok()))
                .collect()
        };
        for (a, b) in lines(&le).iter().zip(lines(&re)) {
            assert!((b - (WIDTH - a)).abs() < 0.011);
        }
    }
}
