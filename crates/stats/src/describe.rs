//! Descriptive figures: n, mean, median, quartiles, extremes, and shares.
//!
//! The app keeps tallies rather than raw lists, so the main entry point takes
//! a histogram of `(value, count)` pairs; [`Summary::of_values`] is the same
//! for a plain list.
//!
//! # Quartile method
//!
//! Quartiles and the median use **linear interpolation between closest
//! ranks**: the method of Excel's `QUARTILE.INC` / `PERCENTILE.INC`, of
//! LibreOffice's `QUARTILE`, and R's `quantile(type = 7)`. With the `n`
//! values sorted as `x[0] ≤ … ≤ x[n-1]`, the quantile `p` is at position
//! `h = (n - 1) · p`; with `k = ⌊h⌋` it is `x[k] + (h - k) · (x[k+1] - x[k])`.
//! For `p` = ¼, ½, ¾ the position is computed in integers, so no rounding
//! error enters before the final interpolation.
//!
//! Values that are not finite (NaN, ±∞) cannot be figures of an answer and are
//! left out (they count neither in `n` nor anywhere else). With `n = 0` every
//! figure is `None`, never NaN.

/// n, mean, median, quartiles and extremes of a set of numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// How many values (the sum of the counts).
    pub n: u64,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    /// First quartile (25th percentile, inclusive method).
    pub q1: Option<f64>,
    pub median: Option<f64>,
    /// Third quartile (75th percentile, inclusive method).
    pub q3: Option<f64>,
    pub max: Option<f64>,
}

impl Summary {
    /// The summary of a histogram: each `(value, count)` stands for `count`
    /// answers equal to `value`. Pairs may come in any order and a value may
    /// appear more than once; pairs with a count of zero or a value that is
    /// not finite are ignored.
    pub fn of(values: &[(f64, u64)]) -> Summary {
        let mut bins: Vec<(f64, u64)> = values
            .iter()
            .copied()
            .filter(|&(v, c)| c > 0 && v.is_finite())
            .collect();
        bins.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Counted in u128 so that no tally can overflow; `n` saturates.
        let total: u128 = bins.iter().map(|&(_, c)| u128::from(c)).sum();
        if total == 0 {
            return Summary {
                n: 0,
                mean: None,
                min: None,
                q1: None,
                median: None,
                q3: None,
                max: None,
            };
        }
        Summary {
            n: u64::try_from(total).unwrap_or(u64::MAX),
            mean: Some(mean(&bins, total)),
            min: bins.first().map(|&(v, _)| v),
            q1: Some(quantile(&bins, total, 1, 4)),
            median: Some(quantile(&bins, total, 1, 2)),
            q3: Some(quantile(&bins, total, 3, 4)),
            max: bins.last().map(|&(v, _)| v),
        }
    }

    /// The summary of a plain list of values (each counts once).
    pub fn of_values(values: &[f64]) -> Summary {
        let bins: Vec<(f64, u64)> = values.iter().map(|&v| (v, 1)).collect();
        Summary::of(&bins)
    }
}

/// The mean, with Neumaier's compensated summation so that large tallies of
/// decimal values do not drift.
fn mean(bins: &[(f64, u64)], n: u128) -> f64 {
    let mut sum = 0.0_f64;
    let mut compensation = 0.0_f64;
    for &(value, count) in bins {
        let term = value * count as f64;
        let t = sum + term;
        if sum.abs() >= term.abs() {
            compensation += (sum - t) + term;
        } else {
            compensation += (term - t) + sum;
        }
        sum = t;
    }
    let mean = (sum + compensation) / n as f64;
    // All values lie in [min, max]; keep the mean there despite rounding.
    let lo = bins.first().map_or(mean, |b| b.0);
    let hi = bins.last().map_or(mean, |b| b.0);
    mean.clamp(lo, hi)
}

/// The value of rank `k` (0-based) in the sorted histogram.
fn nth(bins: &[(f64, u64)], k: u128) -> f64 {
    let mut seen = 0_u128;
    for &(value, count) in bins {
        seen += u128::from(count);
        if k < seen {
            return value;
        }
    }
    // k < n always holds for the callers; the last value is the safe answer.
    bins.last().map_or(f64::NAN, |b| b.0)
}

/// The quantile `num/den` (type 7). `n ≥ 1`.
fn quantile(bins: &[(f64, u64)], n: u128, num: u128, den: u128) -> f64 {
    // h = (n - 1) · num / den, split into whole part k and fraction.
    let scaled = (n - 1) * num;
    let k = scaled / den;
    let rest = scaled % den;
    let lower = nth(bins, k);
    if rest == 0 {
        return lower;
    }
    let upper = nth(bins, k + 1);
    lower + (upper - lower) * (rest as f64 / den as f64)
}

/// A count out of a base, e.g. 37 of the 43 municipalities that answered.
/// The app prints it as "86%, n = 43"; this type gives the numbers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Share {
    pub count: u64,
    pub base: u64,
}

impl Share {
    pub fn new(count: u64, base: u64) -> Share {
        Share { count, base }
    }

    /// The whole percent, rounded half away from zero (85.5 → 86), computed
    /// in integers. `None` when the base is zero.
    pub fn percent(&self) -> Option<u64> {
        if self.base == 0 {
            return None;
        }
        // round(100·c / b) = ⌊(200·c + b) / (2·b)⌋ for non-negative c, b.
        let c = u128::from(self.count);
        let b = u128::from(self.base);
        let p = (200 * c + b) / (2 * b);
        Some(u64::try_from(p).unwrap_or(u64::MAX))
    }

    /// The exact fraction `count / base` (for drawing), `None` when the base
    /// is zero.
    pub fn fraction(&self) -> Option<f64> {
        (self.base > 0).then(|| self.count as f64 / self.base as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn empty_gives_none_not_nan() {
        let s = Summary::of(&[]);
        assert_eq!(s.n, 0);
        assert_eq!(
            (s.mean, s.min, s.q1, s.median, s.q3, s.max),
            (None, None, None, None, None, None)
        );
        let s = Summary::of(&[(3.0, 0), (f64::NAN, 4)]);
        assert_eq!(s.n, 0);
        assert_eq!(s.mean, None);
    }

    #[test]
    fn quartiles_match_excel_quartile_inc() {
        // Excel: QUARTILE.INC({1,2,3,4,5,6,7,8,9,10}, 1) = 3.25, 2 = 5.5, 3 = 7.75
        let s = Summary::of_values(&[10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]);
        assert_eq!(s.n, 10);
        assert!(close(s.q1, 3.25), "{s:?}");
        assert!(close(s.median, 5.5), "{s:?}");
        assert!(close(s.q3, 7.75), "{s:?}");
        assert!(close(s.mean, 5.5));
        assert_eq!((s.min, s.max), (Some(1.0), Some(10.0)));
        // R: quantile(c(7, 15, 36, 39, 40, 41), type = 7) = 7, 20.25, 37.5, 39.75, 41
        let s = Summary::of_values(&[36.0, 7.0, 40.0, 15.0, 41.0, 39.0]);
        assert!(close(s.q1, 20.25), "{s:?}");
        assert!(close(s.median, 37.5), "{s:?}");
        assert!(close(s.q3, 39.75), "{s:?}");
    }

    #[test]
    fn histogram_equals_expanded_list() {
        let hist = [(4.0, 3), (1.0, 2), (9.5, 1), (4.0, 1), (2.0, 0)];
        let list = [4.0, 4.0, 4.0, 1.0, 1.0, 9.5, 4.0];
        assert_eq!(Summary::of(&hist), Summary::of_values(&list));
        let s = Summary::of(&hist);
        assert_eq!(s.n, 7);
        // sorted: 1 1 4 4 4 4 9.5 → h(¼) = 1.5 → 1 + .5·3 = 2.5; median 4; h(¾) = 4.5 → 4
        assert!(close(s.q1, 2.5), "{s:?}");
        assert!(close(s.median, 4.0));
        assert!(close(s.q3, 4.0));
        assert!(close(s.mean, 27.5 / 7.0));
    }

    #[test]
    fn single_value() {
        let s = Summary::of(&[(-2.5, 1)]);
        assert_eq!(s.n, 1);
        for v in [s.mean, s.min, s.q1, s.median, s.q3, s.max] {
            assert_eq!(v, Some(-2.5));
        }
    }

    #[test]
    fn large_counts_do_not_overflow() {
        let s = Summary::of(&[(1.0, u64::MAX / 2), (3.0, u64::MAX / 2)]);
        assert_eq!(s.n, u64::MAX - 1);
        assert!(close(s.mean, 2.0));
        assert!(close(s.median, 2.0), "{s:?}");
        assert!(close(s.q1, 1.0));
        assert!(close(s.q3, 3.0));
        // More answers than a u64 holds: n saturates, the figures stay right.
        let s = Summary::of(&[(1.0, u64::MAX), (2.0, u64::MAX), (2.0, 2)]);
        assert_eq!(s.n, u64::MAX);
        assert!(close(s.median, 2.0), "{s:?}");
        assert!(close(s.q1, 1.0), "{s:?}");
    }

    #[test]
    fn share_percent_rounds_half_away_from_zero() {
        assert_eq!(Share::new(37, 43).percent(), Some(86)); // 86.05
        assert_eq!(Share::new(1, 8).percent(), Some(13)); // 12.5 → 13
        assert_eq!(Share::new(3, 8).percent(), Some(38)); // 37.5 → 38
        assert_eq!(Share::new(1, 200).percent(), Some(1)); // 0.5 → 1
        assert_eq!(Share::new(1, 201).percent(), Some(0)); // 0.497 → 0
        assert_eq!(Share::new(0, 5).percent(), Some(0));
        assert_eq!(Share::new(5, 5).percent(), Some(100));
        assert_eq!(Share::new(5, 6).percent(), Some(83)); // the 2016 response rate
        assert_eq!(Share::new(0, 0).percent(), None);
        assert_eq!(Share::new(u64::MAX, u64::MAX).percent(), Some(100));
        assert_eq!(Share::new(3, 4).fraction(), Some(0.75));
        assert_eq!(Share::new(3, 0).fraction(), None);
    }
}
