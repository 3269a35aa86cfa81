//! The dashboard's charts as inline SVG (each also shown as a table on the
//! page): a radar of the domains (0–100 on every spoke, the network's
//! median as a dashed outline when it is shown) and the trend of the index
//! across waves. Labels come translated; text is escaped; an RTL page
//! mirrors the charts.

use std::f64::consts::PI;
use std::fmt::Write as _;

use majlis_stats::chart::escape;

const TEXT: &str = "#1a1a1a";
const OWN: &str = "#1d4f91";
const PEERS: &str = "#a3410b";
const GRID: &str = "#767676";
const FONTS: &str = "Noto Sans, Noto Naskh Arabic, sans-serif";

fn svg(id: &str, title: &str, desc: &str, w: f64, h: f64, rtl: bool, body: &str) -> String {
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" "#,
            r#"aria-labelledby="{id}-title {id}-desc" direction="{dir}" font-family="{fonts}" font-size="14">"#,
            r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
            r##"<rect width="100%" height="100%" fill="#ffffff"/>{body}</svg>"##
        ),
        w = w,
        h = h,
        id = id,
        dir = if rtl { "rtl" } else { "ltr" },
        fonts = FONTS,
        title = escape(title),
        desc = escape(desc),
        body = body,
    )
}

/// A spoke of the radar: its label, the municipality's score, the peers'
/// median.
pub struct Spoke {
    pub label: String,
    pub own: Option<f64>,
    pub median: Option<f64>,
}

/// The radar's width: room beside the spokes for labels of
/// [`LABEL_CHARS`] characters.
const RADAR_W: f64 = 600.0;
/// Longest line of a spoke's label, in characters (about 8 units each at
/// the charts' font size); longer names are wrapped between words.
const LABEL_CHARS: usize = 16;
/// Distance between the lines of a label.
const LINE: f64 = 16.0;

/// `text` cut between words into lines of at most `max` characters (a
/// longer word stands on a line of its own).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The radar of the domains. Missing scores sit at the centre.
pub fn radar(id: &str, title: &str, desc: &str, spokes: &[Spoke], rtl: bool) -> String {
    let (w, h, cx, cy, r) = (RADAR_W, 420.0, RADAR_W / 2.0, 210.0, 125.0);
    let n = spokes.len().max(3) as f64;
    // Clockwise from the top; mirrored (anticlockwise) on RTL pages.
    let at = |k: usize, v: f64| {
        let a = -PI / 2.0 + 2.0 * PI * k as f64 / n;
        let x = r * v / 100.0 * a.cos();
        let x = if rtl { -x } else { x };
        (cx + x, cy + r * v / 100.0 * a.sin())
    };
    let mut b = String::new();
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let pts: Vec<String> = (0..spokes.len())
            .map(|k| {
                let (x, y) = at(k, ring);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            b,
            r#"<polygon points="{}" fill="none" stroke="{GRID}" stroke-width="0.5"/>"#,
            pts.join(" ")
        );
    }
    let _ = write!(
        b,
        r#"<text x="{:.1}" y="{:.1}" fill="{TEXT}" font-size="11">100</text>"#,
        cx + 4.0,
        cy - r - 4.0
    );
    for (k, s) in spokes.iter().enumerate() {
        let (x, y) = at(k, 100.0);
        let _ = write!(
            b,
            r#"<line x1="{cx}" y1="{cy}" x2="{x:.1}" y2="{y:.1}" stroke="{GRID}" stroke-width="0.5"/>"#
        );
        let (lx, ly) = at(k, 118.0);
        let anchor = if (lx - cx).abs() < 1.0 {
            "middle"
        } else if (lx > cx) != rtl {
            "start"
        } else {
            "end"
        };
        // Long names on lines of their own, growing away from the centre.
        let lines = wrap(&s.label, LABEL_CHARS);
        let first = if ly < cy - 1.0 {
            ly + 5.0 - LINE * (lines.len() - 1) as f64
        } else {
            ly + 5.0
        };
        let _ = write!(
            b,
            r#"<text x="{lx:.1}" y="{first:.1}" text-anchor="{anchor}" fill="{TEXT}">"#
        );
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { LINE };
            let _ = write!(
                b,
                r#"<tspan x="{lx:.1}" dy="{dy}">{}</tspan>"#,
                escape(line)
            );
        }
        b.push_str("</text>");
    }
    let outline = |pick: &dyn Fn(&Spoke) -> Option<f64>| -> String {
        spokes
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let (x, y) = at(k, pick(s).unwrap_or(0.0).clamp(0.0, 100.0));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    if spokes.iter().all(|s| s.median.is_some()) && !spokes.is_empty() {
        let _ = write!(
            b,
            r#"<polygon points="{}" fill="none" stroke="{PEERS}" stroke-width="2" stroke-dasharray="6 4"/>"#,
            outline(&|s| s.median)
        );
    }
    let _ = write!(
        b,
        r#"<polygon points="{}" fill="{OWN}" fill-opacity="0.2" stroke="{OWN}" stroke-width="2.5"/>"#,
        outline(&|s| s.own)
    );
    for (k, s) in spokes.iter().enumerate() {
        if let Some(v) = s.own {
            let (x, y) = at(k, v.clamp(0.0, 100.0));
            let _ = write!(b, r#"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="{OWN}"/>"#);
        }
    }
    svg(id, title, desc, w, h, rtl, &b)
}

/// A point of the trend: the wave's label, the index (`None`: missing),
/// and whether it is comparable with the latest wave.
pub struct TrendPoint {
    pub label: String,
    pub value: Option<f64>,
    pub comparable: bool,
}

/// The index across waves, 0–100, waves evenly spaced in time order
/// (right to left on RTL pages). Only comparable waves are joined; a wave
/// measured differently is drawn hollow.
pub fn trend(id: &str, title: &str, desc: &str, points: &[TrendPoint], rtl: bool) -> String {
    let (w, h, left, right, top, bottom) = (480.0, 260.0, 44.0, 24.0, 16.0, 56.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let x_of = |k: usize| {
        let step = if points.len() > 1 {
            plot_w / (points.len() - 1) as f64
        } else {
            0.0
        };
        let x = if points.len() > 1 {
            k as f64 * step
        } else {
            plot_w / 2.0
        };
        if rtl { w - left - x } else { left + x }
    };
    let y_of = |v: f64| top + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    let mut b = String::new();
    let (axis_x, label_x, anchor) = if rtl {
        (w - left, w - left + 6.0, "start")
    } else {
        (left, left - 6.0, "end")
    };
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = y_of(v);
        let (x1, x2) = if rtl {
            (right, w - left)
        } else {
            (left, w - right)
        };
        let _ = write!(
            b,
            r#"<line x1="{x1}" y1="{y:.1}" x2="{x2}" y2="{y:.1}" stroke="{GRID}" stroke-width="0.5"/><text x="{label_x}" y="{:.1}" text-anchor="{anchor}" fill="{TEXT}" font-size="12">{v}</text>"#,
            y + 4.0
        );
    }
    let _ = write!(
        b,
        r#"<line x1="{axis_x}" y1="{top}" x2="{axis_x}" y2="{:.1}" stroke="{TEXT}" stroke-width="1"/>"#,
        top + plot_h
    );
    let joined: Vec<String> = points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.comparable)
        .filter_map(|(k, p)| p.value.map(|v| format!("{:.1},{:.1}", x_of(k), y_of(v))))
        .collect();
    if joined.len() > 1 {
        let _ = write!(
            b,
            r#"<polyline points="{}" fill="none" stroke="{OWN}" stroke-width="2.5"/>"#,
            joined.join(" ")
        );
    }
    for (k, p) in points.iter().enumerate() {
        let x = x_of(k);
        if let Some(v) = p.value {
            let fill = if p.comparable { OWN } else { "#ffffff" };
            let _ = write!(
                b,
                r#"<circle cx="{x:.1}" cy="{:.1}" r="5" fill="{fill}" stroke="{OWN}" stroke-width="2"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="{TEXT}" font-size="12">{v:.0}</text>"#,
                y_of(v),
                y_of(v) - 10.0
            );
        }
        let _ = write!(
            b,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="{TEXT}" font-size="12">{}</text>"#,
            top + plot_h + 20.0,
            escape(&p.label)
        );
    }
    svg(id, title, desc, w, h, rtl, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_labels_and_mirror() {
        let spokes: Vec<Spoke> = ["a<b", "c", "d", "e", "f"]
            .iter()
            .map(|l| Spoke {
                label: (*l).into(),
                own: Some(50.0),
                median: None,
            })
            .collect();
        let ltr = radar("r", "T", "D", &spokes, false);
        assert!(ltr.contains("a&lt;b") && !ltr.contains("a<b"));
        assert!(ltr.contains(r#"role="img""#));
        assert!(!ltr.contains("stroke-dasharray"), "no median, no outline");
        let rtl = radar("r", "T", "D", &spokes, true);
        assert_ne!(ltr, rtl);
        let points = [
            TrendPoint {
                label: "2024".into(),
                value: Some(40.0),
                comparable: false,
            },
            TrendPoint {
                label: "2025".into(),
                value: Some(60.0),
                comparable: true,
            },
        ];
        // Long names are wrapped, and every line starts or ends within the
        // chart on both sides, in both directions (about 8 units a character).
        let long: Vec<Spoke> = [
            "Horizontal cohesion",
            "Vertical cohesion",
            "Pressure on services and jobs",
            "Safety",
            "Participation and belonging",
        ]
        .iter()
        .map(|l| Spoke {
            label: (*l).into(),
            own: Some(50.0),
            median: None,
        })
        .collect();
        assert_eq!(
            wrap("Pressure on services and jobs", LABEL_CHARS),
            ["Pressure on", "services and", "jobs"]
        );
        for rtl in [false, true] {
            let svg = radar("r", "T", "D", &long, rtl);
            for text in svg.split("<text ").skip(1) {
                let attr = |name: &str| -> Option<f64> {
                    let start = text.find(&format!("{name}=\""))? + name.len() + 2;
                    text[start..].split('"').next()?.parse().ok()
                };
                let (Some(x), anchor) = (
                    attr("x"),
                    text.split("text-anchor=\"")
                        .nth(1)
                        .and_then(|t| t.split('"').next()),
                ) else {
                    continue;
                };
                let longest = text
                    .split("<tspan")
                    .skip(1)
                    .filter_map(|t| t.split('>').nth(1)?.split('<').next())
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(3) as f64;
                let width = longest * 8.0;
                let (from, to) = match (anchor, rtl) {
                    (Some("middle"), _) => (x - width / 2.0, x + width / 2.0),
                    (Some("start"), false) | (Some("end"), true) => (x, x + width),
                    _ => (x - width, x),
                };
                assert!(
                    from >= 0.0 && to <= RADAR_W,
                    "a label leaves the chart (rtl {rtl}): {text}"
                );
            }
        }
        let t = trend("t", "T", "D", &points, false);
        assert!(
            !t.contains("<polyline"),
            "a wave measured differently is not joined"
        );
        assert!(t.contains(">2025<"));
    }
}
