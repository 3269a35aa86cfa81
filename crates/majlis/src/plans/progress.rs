//! A plan's progress and an indicator's attainment, from plain numbers.
//!
//! Roll-up: each step counts with its weight; a done step counts 100 %
//! (whatever percent it shows), a step not started 0 %, a step in progress
//! its percent (0–100). Cancelled steps and steps of weight 0 are left out
//! of both sums. Progress = Σ weight × percent / Σ weight, rounded to a
//! whole percent half away from zero; `None` when no weight is left.
//!
//! Attainment: (latest − baseline) / (target − baseline), clamped to
//! 0–100 % and rounded the same way. Dividing by (target − baseline) keeps
//! the sign right when the target is below the baseline (fewer people
//! waiting, say). `None` without a measurement, and when target and
//! baseline are equal (the forms refuse it).

use chrono::NaiveDate;

use super::StepStatus;

/// What roll-up needs of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepFigures {
    pub status: StepStatus,
    pub percent: u8,
    pub weight: u32,
}

/// The plan's progress in whole percent, or `None` with no weight to count.
pub fn roll_up(steps: impl IntoIterator<Item = StepFigures>) -> Option<u8> {
    let (mut num, mut den) = (0u64, 0u64);
    for s in steps {
        let percent = match s.status {
            StepStatus::Cancelled => continue,
            StepStatus::Done => 100,
            StepStatus::NotStarted => 0,
            StepStatus::InProgress => u64::from(s.percent.min(100)),
        };
        num += u64::from(s.weight) * percent;
        den += u64::from(s.weight);
    }
    if den == 0 {
        return None;
    }
    // Half away from zero, in integers: (2n + d) / 2d.
    Some(((2 * num + den) / (2 * den)).min(100) as u8)
}

/// The measurement that counts: the latest by date (the last recorded of
/// one day).
pub fn latest<'a, M>(
    measurements: impl IntoIterator<Item = &'a M>,
    key: impl Fn(&M) -> (NaiveDate, i32),
) -> Option<&'a M>
where
    M: 'a,
{
    measurements.into_iter().max_by_key(|m| key(m))
}

/// The share of the way from baseline to target reached by `latest`, as a
/// fraction clamped to 0–1; `None` without a measurement or with no way to
/// go (target equal to the baseline).
pub fn attainment_fraction(baseline: f64, target: f64, latest: Option<f64>) -> Option<f64> {
    let latest = latest?;
    let way = target - baseline;
    if way == 0.0 || !way.is_finite() || !latest.is_finite() {
        return None;
    }
    Some(((latest - baseline) / way).clamp(0.0, 1.0))
}

/// [`attainment_fraction`] in whole percent (half away from zero),
/// computed as `(latest - baseline) × 100 / way` so that a share such as
/// 29/200 (14.5 %) is not first turned into 0.145 (14.4999… %).
pub fn attainment(baseline: f64, target: f64, latest: Option<f64>) -> Option<u8> {
    let latest = latest?;
    let way = target - baseline;
    if way == 0.0 || !way.is_finite() || !latest.is_finite() {
        return None;
    }
    let percent = ((latest - baseline) * 100.0 / way).clamp(0.0, 100.0);
    percent.is_finite().then(|| percent.round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use StepStatus::*;

    fn s(status: StepStatus, percent: u8, weight: u32) -> StepFigures {
        StepFigures {
            status,
            percent,
            weight,
        }
    }

    #[test]
    fn progress_is_weighted_by_step() {
        // (3 × 50 + 1 × 100) / 4 = 62.5 → 63.
        assert_eq!(roll_up([s(InProgress, 50, 3), s(Done, 0, 1)]), Some(63));
        // (1 × 20 + 1 × 0 + 2 × 100) / 4 = 55.
        assert_eq!(
            roll_up([s(InProgress, 20, 1), s(NotStarted, 0, 1), s(Done, 100, 2)]),
            Some(55)
        );
        // Unweighted equal steps: the mean. (10 + 20 + 30) / 3 = 20.
        assert_eq!(
            roll_up([
                s(InProgress, 10, 1),
                s(InProgress, 20, 1),
                s(InProgress, 30, 1)
            ]),
            Some(20)
        );
    }

    #[test]
    fn a_done_step_counts_whole_and_a_step_not_started_counts_nothing() {
        assert_eq!(roll_up([s(Done, 40, 1), s(NotStarted, 70, 1)]), Some(50));
    }

    #[test]
    fn cancelled_steps_are_left_out() {
        // Only the in-progress step counts: 30.
        assert_eq!(
            roll_up([s(InProgress, 30, 1), s(Cancelled, 0, 5)]),
            Some(30)
        );
        assert_eq!(roll_up([s(Cancelled, 100, 1), s(Cancelled, 0, 2)]), None);
    }

    #[test]
    fn zero_weight_steps_count_nothing() {
        assert_eq!(
            roll_up([s(InProgress, 80, 0), s(InProgress, 20, 1)]),
            Some(20)
        );
        assert_eq!(roll_up([s(Done, 100, 0)]), None);
        assert_eq!(roll_up([]), None);
    }

    #[test]
    fn progress_rounds_half_away_from_zero() {
        // 1 / 8 = 12.5 % → 13; 2 / 3 = 66.67 → 67; 1 / 3 = 33.3 → 33.
        assert_eq!(roll_up([s(Done, 0, 1), s(NotStarted, 0, 7)]), Some(13));
        assert_eq!(roll_up([s(Done, 0, 2), s(NotStarted, 0, 1)]), Some(67));
        assert_eq!(roll_up([s(Done, 0, 1), s(NotStarted, 0, 2)]), Some(33));
    }

    #[test]
    fn attainment_runs_from_baseline_to_target() {
        // 40 → 100 people trained, 70 measured: halfway.
        assert_eq!(attainment(40.0, 100.0, Some(70.0)), Some(50));
        assert_eq!(attainment(40.0, 100.0, Some(40.0)), Some(0));
        assert_eq!(attainment(40.0, 100.0, Some(100.0)), Some(100));
        // Exactly half a percent rounds up, however the share is written.
        assert_eq!(attainment(0.0, 200.0, Some(29.0)), Some(15));
        assert_eq!(attainment(0.0, 1000.0, Some(145.0)), Some(15));
        // 1 / 3 of the way: 33.
        assert_eq!(attainment(0.0, 3.0, Some(1.0)), Some(33));
    }

    #[test]
    fn attainment_reads_right_when_the_target_is_below_the_baseline() {
        // Waiting weeks 12 → 4; 10 measured: (10 − 12) / (4 − 12) = 25 %.
        assert_eq!(attainment(12.0, 4.0, Some(10.0)), Some(25));
        assert_eq!(attainment(12.0, 4.0, Some(4.0)), Some(100));
        // Worse than the baseline: 0, not negative.
        assert_eq!(attainment(12.0, 4.0, Some(15.0)), Some(0));
        // Beyond the target: 100, not more.
        assert_eq!(attainment(12.0, 4.0, Some(2.0)), Some(100));
    }

    #[test]
    fn attainment_is_clamped_and_needs_a_measurement() {
        assert_eq!(attainment(40.0, 100.0, Some(130.0)), Some(100));
        assert_eq!(attainment(40.0, 100.0, Some(10.0)), Some(0));
        assert_eq!(attainment(40.0, 100.0, None), None);
        assert_eq!(attainment(5.0, 5.0, Some(7.0)), None);
    }

    #[test]
    fn the_latest_measurement_counts() {
        let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
        let rows = [(1, d(3, 1), 10.0), (2, d(6, 1), 30.0), (3, d(4, 1), 50.0)];
        let last = latest(rows.iter(), |r| (r.1, r.0)).map(|r| r.2);
        assert_eq!(last, Some(30.0));
        assert_eq!(attainment(0.0, 60.0, last), Some(50));
        let none: [(i32, NaiveDate, f64); 0] = [];
        assert_eq!(latest(none.iter(), |r| (r.1, r.0)).map(|r| r.2), None);
    }
}
