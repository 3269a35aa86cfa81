//! The member map on `/network`: the region's countries as SVG paths made
//! once at development time from Natural Earth (public domain) by
//! `scripts/region-map` (committed as `region_map.txt`), and the
//! municipalities with a position as points, each a link named after its
//! municipality. A map is not mirrored in a right-to-left page: geography
//! keeps its orientation; the table beside it reads in the page's direction.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::LazyLock;

use majlis_stats::chart::escape;

/// The region's outline file, made by `scripts/region-map`.
const REGION: &str = include_str!("region_map.txt");

/// The projection the outline file was drawn in (its first line).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    lon_min: f64,
    lat_max: f64,
    x_scale: f64,
    /// Units per degree of latitude.
    k: f64,
    pub width: u32,
    pub height: u32,
    /// Each country's alpha-2 code ("-" when it has none) and path data.
    countries: Vec<(&'static str, &'static str)>,
}

static MAP: LazyLock<Region> = LazyLock::new(|| parse(REGION));

fn parse(text: &'static str) -> Region {
    let mut lines = text.lines();
    let head: Vec<f64> = lines
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    let [lon_min, lon_max, _lat_min, lat_max, x_scale, width, height] = head[..] else {
        // The file is committed with the code; a bad one is a build mistake
        // the test below catches.
        return Region {
            lon_min: 0.0,
            lat_max: 0.0,
            x_scale: 1.0,
            k: 1.0,
            width: 1,
            height: 1,
            countries: Vec::new(),
        };
    };
    Region {
        lon_min,
        lat_max,
        x_scale,
        k: width / ((lon_max - lon_min) * x_scale),
        width: width as u32,
        height: height as u32,
        countries: lines.filter_map(|l| l.split_once('\t')).collect(),
    }
}

impl Region {
    /// Where a position (millionths of a degree) falls on the map, if inside.
    pub fn point(&self, latitude_micro: i32, longitude_micro: i32) -> Option<(f64, f64)> {
        let (lat, lon) = (
            f64::from(latitude_micro) / 1e6,
            f64::from(longitude_micro) / 1e6,
        );
        let x = (lon - self.lon_min) * self.x_scale * self.k;
        let y = (self.lat_max - lat) * self.k;
        let inside = (0.0..=f64::from(self.width)).contains(&x)
            && (0.0..=f64::from(self.height)).contains(&y);
        inside.then_some((x, y))
    }
}

/// A point of the map: a municipality's page, its name, its position.
#[derive(Clone, Debug)]
pub struct Point {
    pub href: String,
    pub name: String,
    pub latitude_micro: i32,
    pub longitude_micro: i32,
}

/// The map as inline SVG: member countries shaded, each point a link
/// with its municipality's name (`aria-label`, and a `<title>` pointers
/// show). Points outside the region are left out (the table beside lists
/// every one).
pub fn member_map(label: &str, members: &BTreeSet<String>, points: &[Point]) -> String {
    let map = &*MAP;
    let mut svg = String::with_capacity(20_000);
    let _ = write!(
        svg,
        r#"<svg class="member-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="group" aria-label="{label}" direction="ltr"><rect width="{w}" height="{h}" fill="{SEA}"/><g aria-hidden="true" stroke="{BORDER}" stroke-width="0.6" stroke-linejoin="round">"#,
        w = map.width,
        h = map.height,
        label = escape(label),
    );
    for (code, d) in &map.countries {
        let fill = if members.contains(*code) {
            MEMBER_LAND
        } else {
            LAND
        };
        let _ = write!(svg, r#"<path fill="{fill}" d="{d}"/>"#);
    }
    svg.push_str("</g>");
    for p in points {
        let Some((x, y)) = map.point(p.latitude_micro, p.longitude_micro) else {
            continue;
        };
        let _ = write!(
            svg,
            r#"<a href="{href}" aria-label="{name}"><title>{name}</title><circle cx="{x:.1}" cy="{y:.1}" r="7"/></a>"#,
            href = escape(&p.href),
            name = escape(&p.name),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Colours (against each other and the points, whose colour the style
/// sheet sets: `.member-map circle`): sea, land, member land, borders.
const SEA: &str = "#eaf1f8";
const LAND: &str = "#f7f7f4";
const MEMBER_LAND: &str = "#d9e4d0";
const BORDER: &str = "#8a8f96";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_outline_parses() {
        let map = &*MAP;
        assert_eq!((map.width, map.height), (800, 687));
        assert!(map.countries.iter().any(|(c, _)| *c == "TR"));
        assert!(map.countries.iter().any(|(c, _)| *c == "DE"));
        assert!(map.countries.iter().all(|(_, d)| d.starts_with('M')));
    }

    #[test]
    fn points_fall_where_the_towns_are() {
        let map = &*MAP;
        // Berlin lies north-east of Milan; Amman south-east of Istanbul.
        let berlin = map.point(52_520_000, 13_405_000).unwrap();
        let milan = map.point(45_464_200, 9_190_000).unwrap();
        assert!(berlin.0 > milan.0 && berlin.1 < milan.1);
        let istanbul = map.point(41_008_200, 28_978_400).unwrap();
        let amman = map.point(31_953_900, 35_910_600).unwrap();
        assert!(amman.0 > istanbul.0 && amman.1 > istanbul.1);
        // Outside the region: not on the map.
        assert_eq!(map.point(-33_868_800, 151_209_300), None);
    }

    #[test]
    fn points_are_named_links_and_text_is_escaped() {
        let points = [Point {
            href: "/municipalities/a?lang=en".into(),
            name: "A <b>&".into(),
            latitude_micro: 41_000_000,
            longitude_micro: 29_000_000,
        }];
        let members = BTreeSet::from(["TR".to_owned()]);
        let svg = member_map("Map", &members, &points);
        assert!(svg.contains(r#"aria-label="A &lt;b&gt;&amp;""#));
        assert!(svg.contains(r#"href="/municipalities/a?lang=en""#));
        assert!(svg.contains(MEMBER_LAND));
    }
}
