//! Property tests of disclosure control.
//!
//! (a) no value under the threshold is shown, and small groups go whole;
//! (b) the audit finds nothing exposed after suppression;
//! (c) independently of the audit, for small tables a brute-force search
//!     over every non-negative integer table consistent with what is shown
//!     finds a second value for every suppressed cell and margin;
//! (d) the audit's intervals equal the brute-force minimum and maximum for
//!     random suppression patterns (grand total shown, so all are bounded).

use majlis_stats::{
    CellRef, Decision, Reason, Status, Table, exposed, intervals, suppress, suppress_keeping,
};
use proptest::prelude::*;

fn table(max_rows: usize, max_cols: usize, max_count: u64) -> impl Strategy<Value = Table> {
    (1..=max_rows, 1..=max_cols).prop_flat_map(move |(rows, cols)| {
        prop::collection::vec(prop::collection::vec(0..=max_count, cols), rows)
            .prop_map(|cells| Table::new(cells).expect("rectangular by construction"))
    })
}

/// The margins picked by a mask: those the page would print anyway.
fn kept_margins(t: &Table, mask: &[bool]) -> Vec<CellRef> {
    t.refs()
        .into_iter()
        .filter(|at| !matches!(at, CellRef::Cell { .. }))
        .zip(mask)
        .filter(|&(_, &keep)| keep)
        .map(|(at, _)| at)
        .collect()
}

/// A partly filled table: `None` for a hidden cell not yet chosen.
type Grid = Vec<Vec<Option<u64>>>;

/// The brute-force search over consistent tables.
struct Search<'a> {
    table: &'a Table,
    decision: &'a Decision,
    /// Hidden cells, in search order.
    hidden: Vec<(usize, usize)>,
    cap: u64,
}

impl<'a> Search<'a> {
    fn new(table: &'a Table, decision: &'a Decision, first: Option<(usize, usize)>) -> Self {
        let mut hidden: Vec<(usize, usize)> = (0..table.rows())
            .flat_map(|r| (0..table.cols()).map(move |c| (r, c)))
            .filter(|&(row, col)| !decision.is_shown(CellRef::Cell { row, col }))
            .collect();
        if let Some(first) = first {
            hidden.retain(|&x| x != first);
            hidden.insert(0, first);
        }
        // A cell that is not pinned changes by one along a cycle of the
        // residual network, and no other cell changes by more than one: so a
        // box one above the largest count holds a second value for it.
        let cap = (0..table.rows())
            .flat_map(|r| (0..table.cols()).map(move |c| (r, c)))
            .map(|(r, c)| table.cell(r, c))
            .max()
            .unwrap_or(0)
            + 1;
        Search {
            table,
            decision,
            hidden,
            cap,
        }
    }

    /// The value of every cell of a candidate table.
    fn cell(&self, grid: &Grid, row: usize, col: usize) -> Option<u64> {
        grid[row][col]
    }

    /// Whether the partial table can still meet every shown margin
    /// (each shown margin lies between its partial sum and the partial sum
    /// plus `cap` for every open cell), and meets them all when complete.
    fn possible(&self, grid: &Grid, cap: u64) -> bool {
        let t = self.table;
        let check = |cells: Vec<(usize, usize)>, target: u64| {
            let mut sum = 0;
            let mut open = 0;
            for (r, c) in cells {
                match self.cell(grid, r, c) {
                    Some(v) => sum += v,
                    None => open += 1,
                }
            }
            sum <= target && target <= sum + open * cap
        };
        for r in 0..t.rows() {
            if self.decision.is_shown(CellRef::RowTotal(r))
                && !check((0..t.cols()).map(|c| (r, c)).collect(), t.row_total(r))
            {
                return false;
            }
        }
        for c in 0..t.cols() {
            if self.decision.is_shown(CellRef::ColTotal(c))
                && !check((0..t.rows()).map(|r| (r, c)).collect(), t.col_total(c))
            {
                return false;
            }
        }
        if self.decision.is_shown(CellRef::GrandTotal) {
            let all = (0..t.rows())
                .flat_map(|r| (0..t.cols()).map(move |c| (r, c)))
                .collect();
            if !check(all, t.grand_total()) {
                return false;
            }
        }
        true
    }

    /// Depth-first over the hidden cells; `leaf` returns true to stop.
    /// `skip` leaves one value out of the first cell's domain.
    fn run(
        &self,
        grid: &mut Grid,
        depth: usize,
        skip: Option<u64>,
        leaf: &mut dyn FnMut(&Grid) -> bool,
    ) -> bool {
        if !self.possible(grid, self.cap) {
            return false;
        }
        let Some(&(r, c)) = self.hidden.get(depth) else {
            return leaf(grid);
        };
        for v in 0..=self.cap {
            if depth == 0 && skip == Some(v) {
                continue;
            }
            grid[r][c] = Some(v);
            if self.run(grid, depth + 1, skip, leaf) {
                grid[r][c] = None;
                return true;
            }
        }
        grid[r][c] = None;
        false
    }

    fn start_grid(&self) -> Grid {
        let t = self.table;
        (0..t.rows())
            .map(|row| {
                (0..t.cols())
                    .map(|col| {
                        self.decision
                            .is_shown(CellRef::Cell { row, col })
                            .then(|| t.cell(row, col))
                    })
                    .collect()
            })
            .collect()
    }
}

fn value_in(grid: &Grid, at: CellRef) -> u64 {
    let get = |r: usize, c: usize| grid[r][c].unwrap_or(0);
    let (rows, cols) = (grid.len(), grid.first().map_or(0, Vec::len));
    match at {
        CellRef::Cell { row, col } => get(row, col),
        CellRef::RowTotal(r) => (0..cols).map(|c| get(r, c)).sum(),
        CellRef::ColTotal(c) => (0..rows).map(|r| get(r, c)).sum(),
        CellRef::GrandTotal => (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .map(|(r, c)| get(r, c))
            .sum(),
    }
}

/// Brute force: can `at` take a value other than its true one in some
/// non-negative integer table consistent with every shown value?
fn has_second_value(table: &Table, decision: &Decision, at: CellRef) -> bool {
    let truth = table.value(at);
    match at {
        CellRef::Cell { row, col } => {
            let search = Search::new(table, decision, Some((row, col)));
            let mut grid = search.start_grid();
            search.run(&mut grid, 0, Some(truth), &mut |_| true)
        }
        _ => {
            let search = Search::new(table, decision, None);
            let mut grid = search.start_grid();
            search.run(&mut grid, 0, None, &mut |g| value_in(g, at) != truth)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// (a) and (b) on tables up to 6×5, counts 0..30, thresholds 2..6,
    /// with and without margins to keep.
    #[test]
    fn nothing_sensitive_shown_and_nothing_exposed(
        t in table(6, 5, 29),
        threshold in 2_u64..=6,
        keep in prop::collection::vec(any::<bool>(), 6 + 5 + 1),
        use_keep in any::<bool>(),
    ) {
        let d = if use_keep {
            suppress_keeping(&t, threshold, &kept_margins(&t, &keep))
        } else {
            suppress(&t, threshold)
        };
        for at in t.refs() {
            if t.value(at) < threshold {
                prop_assert!(!d.is_shown(at), "{at:?} = {} shown, threshold {threshold}", t.value(at));
            }
        }
        for col in 0..t.cols() {
            if t.col_total(col) < threshold {
                prop_assert_eq!(d.status(CellRef::ColTotal(col)), Status::Suppressed(Reason::SmallGroup));
                for row in 0..t.rows() {
                    prop_assert_eq!(
                        d.status(CellRef::Cell { row, col }),
                        Status::Suppressed(Reason::SmallGroup)
                    );
                }
            }
        }
        // Complementary suppressions only where something else was
        // suppressed first.
        let reasons: Vec<Status> = t.refs().into_iter().map(|at| d.status(at)).collect();
        if !reasons.iter().any(|s| matches!(s, Status::Suppressed(Reason::Primary | Reason::SmallGroup))) {
            prop_assert!(reasons.iter().all(|s| s.is_shown()));
        }
        prop_assert_eq!(exposed(&t, &d), Vec::<CellRef>::new());
    }

    /// (c) brute force on tables up to 3×3 with counts up to 8 (with and
    /// without margins to keep).
    #[test]
    fn brute_force_finds_a_second_value_for_every_suppressed_value(
        t in table(3, 3, 8),
        threshold in 2_u64..=6,
        keep in prop::collection::vec(any::<bool>(), 3 + 3 + 1),
        use_keep in any::<bool>(),
    ) {
        let d = if use_keep {
            suppress_keeping(&t, threshold, &kept_margins(&t, &keep))
        } else {
            suppress(&t, threshold)
        };
        for at in d.suppressed() {
            prop_assert!(
                has_second_value(&t, &d, at),
                "{at:?} (true value {}) is recomputable from {:?}", t.value(at), d
            );
        }
    }

    /// (d) the audit's intervals are exact: random patterns on tables up to
    /// 2×3 / 3×2 with counts up to 4, the grand total shown.
    #[test]
    fn intervals_equal_brute_force_bounds(
        t in table(3, 3, 4).prop_filter("at most six cells", |t| t.rows() * t.cols() <= 6),
        mask in prop::collection::vec(any::<bool>(), 6 + 3 + 3),
    ) {
        let mut d = Decision::all_shown(&t);
        let mut bits = mask.into_iter();
        for at in t.refs() {
            if at != CellRef::GrandTotal && bits.next().unwrap_or(false) {
                d.set(at, Status::Suppressed(Reason::Primary));
            }
        }
        // Every cell lies within [0, T]: enumerate all tables in that box.
        let mut search = Search::new(&t, &d, None);
        search.cap = t.grand_total();
        let suppressed = d.suppressed();
        let mut lo: Vec<u64> = vec![u64::MAX; suppressed.len()];
        let mut hi: Vec<u64> = vec![0; suppressed.len()];
        let mut grid = search.start_grid();
        search.run(&mut grid, 0, None, &mut |g| {
            for (k, &at) in suppressed.iter().enumerate() {
                let v = value_in(g, at);
                lo[k] = lo[k].min(v);
                hi[k] = hi[k].max(v);
            }
            false
        });
        let audit = intervals(&t, &d);
        prop_assert_eq!(audit.len(), suppressed.len());
        for (k, (at, interval)) in audit.into_iter().enumerate() {
            prop_assert_eq!(at, suppressed[k]);
            prop_assert_eq!(interval.min, lo[k], "min of {:?}", at);
            prop_assert_eq!(interval.max, Some(hi[k]), "max of {:?}", at);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// (e) the same with any pattern, the grand total included, on tables of
    /// at most four cells with counts up to 2. Unbounded values exist now; the
    /// search box is [0, 2T + 1] per cell, which holds a table reaching each
    /// bounded extreme (a cell moves by at most T on the way to it) and a
    /// value above T for each unbounded one.
    #[test]
    fn intervals_match_brute_force_with_unbounded_values(
        t in table(4, 4, 2).prop_filter("at most four cells", |t| t.rows() * t.cols() <= 4),
        mask in prop::collection::vec(any::<bool>(), 4 + 4 + 4 + 1),
    ) {
        let mut d = Decision::all_shown(&t);
        for (at, hide) in t.refs().into_iter().zip(mask) {
            if hide {
                d.set(at, Status::Suppressed(Reason::Primary));
            }
        }
        let total = t.grand_total();
        let mut search = Search::new(&t, &d, None);
        search.cap = 2 * total + 1;
        let suppressed = d.suppressed();
        let mut lo: Vec<u64> = vec![u64::MAX; suppressed.len()];
        let mut hi: Vec<u64> = vec![0; suppressed.len()];
        let mut grid = search.start_grid();
        search.run(&mut grid, 0, None, &mut |g| {
            for (k, &at) in suppressed.iter().enumerate() {
                let v = value_in(g, at);
                lo[k] = lo[k].min(v);
                hi[k] = hi[k].max(v);
            }
            false
        });
        for (k, (at, interval)) in intervals(&t, &d).into_iter().enumerate() {
            prop_assert_eq!(at, suppressed[k]);
            prop_assert_eq!(interval.min, lo[k], "min of {:?}", at);
            match interval.max {
                Some(max) => prop_assert_eq!(max, hi[k], "max of {:?}", at),
                None => prop_assert!(hi[k] > total, "{:?} unbounded but brute force stays at {}", at, hi[k]),
            }
        }
    }
}
