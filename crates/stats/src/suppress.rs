//! Disclosure control of a table of counts: primary and complementary cell
//! suppression, with an exact audit.
//!
//! # The table
//!
//! A [`Table`] holds counts: rows are the answer categories of one question,
//! columns the groups (countries, population bands…). A one-way table (no
//! grouping) has one column. The page shows, besides the cells, the margins:
//! each row's total (an answer across all groups), each column's total (a
//! group's base n) and the grand total. Every margin is the sum of its line;
//! a question whose answers do not add up to the base (`select_multiple`)
//! is published as one table per choice (chosen / not chosen), which does.
//!
//! # Rules
//!
//! With a threshold `k` (default [`DEFAULT_THRESHOLD`] = 5):
//!
//! 1. **Small group.** A column whose total is below `k` is suppressed as a
//!    whole: its cells and its total ([`Reason::SmallGroup`]).
//! 2. **Primary.** Every other value below `k` is suppressed
//!    ([`Reason::Primary`]): cells *and* margins, **zero included**. In a small
//!    table a zero is as telling as a one: "none of the 3 municipalities of
//!    country X reported tensions" discloses each of them. A row total of zero
//!    would likewise give away every cell of its row.
//! 3. **Complementary.** No suppressed value may be recomputable from what is
//!    shown ([`Reason::Complementary`]). The audit ([`exposed`]) finds the
//!    suppressed values that the shown ones pin to a single value, and
//!    [`suppress`] adds suppressions until the audit finds none.
//!
//! A line of a single cell (each row of a one-way table) has a margin equal to
//! its cell; the two always share their status, so the app may print either.
//!
//! # The audit: an exact method (network flow)
//!
//! What a reader knows is: every shown value, the equations "margin = sum of
//! its line" for every line, and that counts are non-negative integers. The
//! set of tables consistent with that is the set of integer flows of a
//! network:
//!
//! ```text
//!   s ──R_i──▶ row i ──c_ij──▶ col j ──C_j──▶ t ──T──▶ s
//! ```
//!
//! one edge per suppressed cell (from its row node to its column node), one
//! edge per row total (source to row), per column total (column to sink) and
//! one for the grand total (sink back to source), so that a consistent table
//! is exactly a circulation. Shown cells are constants and are left out (they
//! are subtracted from their margins). An edge whose value is shown is fixed
//! (lower = upper bound); every other edge has bounds `[0, ∞)`. The network
//! matrix is totally unimodular, so integer and real bounds coincide.
//!
//! The true table is a feasible circulation `f`. Any other feasible
//! circulation is `f + g` where `g` is a circulation in the residual network
//! of `f`. So a suppressed value on edge `e = u → v` can rise by at most
//! the maximum flow from `v` to `u` in the residual network without `e`
//! (unbounded when that flow is unbounded), and fall by at most
//! `min(f(e), max flow from u to v)`. [`intervals`] computes both maximum
//! flows (Dinic's algorithm) for every suppressed value and so gives its exact
//! interval `[min, max]` over all non-negative integer tables consistent with
//! what is shown; [`exposed`] returns the values whose interval is one value.
//!
//! # Choosing complementary suppressions
//!
//! A suppressed value is exposed exactly when its edge lies on no cycle of
//! the residual network. [`suppress`] repeats, while [`exposed`] is not
//! empty:
//!
//! 1. take the first exposed value (cells in row order, then row totals,
//!    column totals, the grand total);
//! 2. find the cheapest set of shown values whose suppression would close
//!    a cycle through its edge: a shortest path (Dijkstra) from one end of
//!    the edge to the other, where the arcs already in the residual network
//!    cost nothing and the arcs a shown value would bring cost its weight.
//!    A cell weighs its count + 1 (the smallest counts go first, and fewer
//!    of them); a margin weighs more than all the cells together, plus its
//!    value. So complementary cells are taken inside the lines as long as a
//!    choice of cells is left, and a line's margin goes only when no cells
//!    can do it (for instance when every cell of the line is already
//!    suppressed and the other lines are shown in full). Both directions
//!    (raising the value, and lowering it when it is above zero) are tried;
//!    the cheaper wins;
//! 3. suppress that set, and audit again.
//!
//! [`suppress_keeping`] takes a list of values the page prints anyway (the
//! number who answered, the groups' bases): they weigh more than all other
//! values together, so they go only when nothing else can protect a value.
//!
//! The path only estimates the capacities the opened values will bring, so
//! the result is never trusted: the loop ends only when the exact audit is
//! empty. Every round suppresses at least one more value (a cheapest path
//! of cost zero would mean the value was not exposed; the fallback then
//! takes the cheapest shown value of its lines), and a table with nothing
//! shown has nothing exposed, so the loop ends. This is a greedy heuristic:
//! it keeps information loss small, not provably minimal.
//!
//! # What the audit does not cover
//!
//! It covers one table. The app must not publish elsewhere a value this
//! table suppresses (for instance the same group's base in another
//! question's table), and must not print a percentage whose base is
//! suppressed (a shown count and its percentage give the base away). A
//! suppressed value whose interval is narrow (say [3, 4]) is not *exposed*
//! in the sense above but is not well protected either; the rules do not ask
//! for a protection interval.

use std::collections::VecDeque;

use crate::describe::Share;

/// The default threshold: counts below 5 are suppressed.
pub const DEFAULT_THRESHOLD: u64 = 5;

/// The default size under which a group is small for [`percent_hidden`].
pub const DEFAULT_SMALL_GROUP: u64 = 10;

/// A two-way table of counts (rows = answer categories, columns = groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    rows: usize,
    cols: usize,
    cells: Vec<u64>,
}

/// Why a table cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("a table needs at least one row and one column")]
    Empty,
    #[error("row {row} has {found} cells where the first row has {expected}")]
    Ragged {
        row: usize,
        expected: usize,
        found: usize,
    },
    #[error("the counts add up to more than {}", Table::MAX_TOTAL)]
    TooLarge,
}

impl Table {
    /// The largest grand total accepted (2⁶¹ − 1), so that no sum in the
    /// audit can overflow.
    pub const MAX_TOTAL: u64 = u64::MAX / 8;

    /// A table from its rows. Every row must have the same, non-zero length
    /// and the counts must add up to at most [`Table::MAX_TOTAL`].
    pub fn new(rows: Vec<Vec<u64>>) -> Result<Table, TableError> {
        let cols = rows.first().map_or(0, Vec::len);
        if cols == 0 {
            return Err(TableError::Empty);
        }
        let mut cells = Vec::with_capacity(rows.len() * cols);
        for (i, row) in rows.iter().enumerate() {
            if row.len() != cols {
                return Err(TableError::Ragged {
                    row: i,
                    expected: cols,
                    found: row.len(),
                });
            }
            cells.extend_from_slice(row);
        }
        let total = cells
            .iter()
            .try_fold(0_u64, |sum, &c| sum.checked_add(c))
            .filter(|&t| t <= Table::MAX_TOTAL);
        if total.is_none() {
            return Err(TableError::TooLarge);
        }
        Ok(Table {
            rows: rows.len(),
            cols,
            cells,
        })
    }

    /// A one-way table (a single column) of the counts of each category.
    pub fn one_way(counts: &[u64]) -> Result<Table, TableError> {
        Table::new(counts.iter().map(|&c| vec![c]).collect())
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The count of a cell; 0 outside the table.
    pub fn cell(&self, row: usize, col: usize) -> u64 {
        if row < self.rows && col < self.cols {
            self.cells[row * self.cols + col]
        } else {
            0
        }
    }

    pub fn row_total(&self, row: usize) -> u64 {
        (0..self.cols).map(|j| self.cell(row, j)).sum()
    }

    pub fn col_total(&self, col: usize) -> u64 {
        (0..self.rows).map(|i| self.cell(i, col)).sum()
    }

    pub fn grand_total(&self) -> u64 {
        self.cells.iter().sum()
    }

    /// The value of any cell or margin.
    pub fn value(&self, at: CellRef) -> u64 {
        match at {
            CellRef::Cell { row, col } => self.cell(row, col),
            CellRef::RowTotal(row) => self.row_total(row),
            CellRef::ColTotal(col) => self.col_total(col),
            CellRef::GrandTotal => self.grand_total(),
        }
    }

    /// Every cell and margin, in the audit's order: cells row by row, row
    /// totals, column totals, the grand total.
    pub fn refs(&self) -> Vec<CellRef> {
        let mut out = Vec::with_capacity(self.cells.len() + self.rows + self.cols + 1);
        for row in 0..self.rows {
            for col in 0..self.cols {
                out.push(CellRef::Cell { row, col });
            }
        }
        out.extend((0..self.rows).map(CellRef::RowTotal));
        out.extend((0..self.cols).map(CellRef::ColTotal));
        out.push(CellRef::GrandTotal);
        out
    }
}

/// A cell or a margin of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellRef {
    Cell {
        row: usize,
        col: usize,
    },
    /// The total of a row (an answer across all groups).
    RowTotal(usize),
    /// The total of a column (a group's base n).
    ColTotal(usize),
    GrandTotal,
}

impl CellRef {
    fn is_margin(self) -> bool {
        !matches!(self, CellRef::Cell { .. })
    }
}

/// Why a value is suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Below the threshold (zero included).
    Primary,
    /// In a group whose base is below the threshold.
    SmallGroup,
    /// Suppressed so that another suppressed value cannot be recomputed.
    Complementary,
}

/// Whether a value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Shown,
    Suppressed(Reason),
}

impl Status {
    pub fn is_shown(self) -> bool {
        self == Status::Shown
    }
}

/// The status of every cell and margin of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    rows: usize,
    cols: usize,
    cells: Vec<Status>,
    row_totals: Vec<Status>,
    col_totals: Vec<Status>,
    grand_total: Status,
}

impl Decision {
    /// Everything shown (the starting point; also for auditing a pattern of
    /// one's own with [`Decision::set`] and [`exposed`]).
    pub fn all_shown(table: &Table) -> Decision {
        Decision {
            rows: table.rows,
            cols: table.cols,
            cells: vec![Status::Shown; table.cells.len()],
            row_totals: vec![Status::Shown; table.rows],
            col_totals: vec![Status::Shown; table.cols],
            grand_total: Status::Shown,
        }
    }

    /// The status of a value. A reference outside the table reads as shown.
    pub fn status(&self, at: CellRef) -> Status {
        let found = match at {
            CellRef::Cell { row, col } if row < self.rows && col < self.cols => {
                self.cells.get(row * self.cols + col)
            }
            CellRef::Cell { .. } => None,
            CellRef::RowTotal(row) => self.row_totals.get(row),
            CellRef::ColTotal(col) => self.col_totals.get(col),
            CellRef::GrandTotal => Some(&self.grand_total),
        };
        found.copied().unwrap_or(Status::Shown)
    }

    pub fn is_shown(&self, at: CellRef) -> bool {
        self.status(at).is_shown()
    }

    /// Sets the status of a value; a reference outside the table is ignored.
    pub fn set(&mut self, at: CellRef, status: Status) {
        let slot = match at {
            CellRef::Cell { row, col } if row < self.rows && col < self.cols => {
                self.cells.get_mut(row * self.cols + col)
            }
            CellRef::Cell { .. } => None,
            CellRef::RowTotal(row) => self.row_totals.get_mut(row),
            CellRef::ColTotal(col) => self.col_totals.get_mut(col),
            CellRef::GrandTotal => Some(&mut self.grand_total),
        };
        if let Some(slot) = slot {
            *slot = status;
        }
    }

    /// The share to print for a value: a cell out of its column's base, a
    /// row total out of the grand total, a column total out of the grand
    /// total. `None` when the value or its base is suppressed (a percentage
    /// next to a shown count would give a suppressed base away) or for the
    /// grand total itself. The caller still applies [`percent_hidden`].
    pub fn shown_share(&self, table: &Table, at: CellRef) -> Option<Share> {
        let base = match at {
            CellRef::Cell { col, .. } => CellRef::ColTotal(col),
            CellRef::RowTotal(_) | CellRef::ColTotal(_) => CellRef::GrandTotal,
            CellRef::GrandTotal => return None,
        };
        (self.is_shown(at) && self.is_shown(base))
            .then(|| Share::new(table.value(at), table.value(base)))
    }

    /// Every suppressed value, in the audit's order.
    pub fn suppressed(&self) -> Vec<CellRef> {
        self.all_refs()
            .into_iter()
            .filter(|&at| !self.is_shown(at))
            .collect()
    }

    fn all_refs(&self) -> Vec<CellRef> {
        Table {
            rows: self.rows,
            cols: self.cols,
            cells: vec![0; self.rows * self.cols],
        }
        .refs()
    }
}

/// Whether a percentage must not be printed: 0% and 100% are hidden in a
/// group whose base is under `small_group` (default
/// [`DEFAULT_SMALL_GROUP`]), since "all of them" or "none of them" says
/// something about every member of a small group. A base of zero has no
/// percentage at all.
pub fn percent_hidden(count: u64, base: u64, small_group: u64) -> bool {
    base == 0 || (base < small_group && (count == 0 || count >= base))
}

/// The primary and complementary suppression of a table (see the module
/// documentation). The result always leaves [`exposed`] empty.
pub fn suppress(table: &Table, threshold: u64) -> Decision {
    suppress_keeping(table, threshold, &[])
}

/// [`suppress`], where the values in `keep` (those the page prints anyway,
/// such as the number who answered the question, or the groups' bases) are
/// taken as complementary suppressions only when nothing else can protect a
/// value: they weigh more than any set of other values. A kept value under
/// the threshold is still suppressed by the primary rule.
pub fn suppress_keeping(table: &Table, threshold: u64, keep: &[CellRef]) -> Decision {
    let mut decision = primary(table, threshold);
    loop {
        let exposed_now = exposed(table, &decision);
        let Some(&target) = exposed_now.first() else {
            return decision;
        };
        let choice = complement_for(table, &decision, target, keep);
        if choice.is_empty() {
            // Nothing is shown any more, so nothing can be exposed; this is
            // unreachable, but ending here keeps the loop finite regardless.
            return decision;
        }
        for at in choice {
            mark(
                table,
                &mut decision,
                at,
                Status::Suppressed(Reason::Complementary),
            );
        }
    }
}

/// Rules 1 and 2: small groups and values under the threshold.
fn primary(table: &Table, threshold: u64) -> Decision {
    let mut decision = Decision::all_shown(table);
    for col in 0..table.cols {
        if table.col_total(col) < threshold {
            let small = Status::Suppressed(Reason::SmallGroup);
            mark(table, &mut decision, CellRef::ColTotal(col), small);
            for row in 0..table.rows {
                mark(table, &mut decision, CellRef::Cell { row, col }, small);
            }
        }
    }
    for at in table.refs() {
        if decision.is_shown(at) && table.value(at) < threshold {
            mark(
                table,
                &mut decision,
                at,
                Status::Suppressed(Reason::Primary),
            );
        }
    }
    decision
}

/// Suppresses a shown value, and with the same reason every shown value that
/// is structurally the same number (a one-cell line and its margin). A value
/// already suppressed keeps its first reason.
fn mark(table: &Table, decision: &mut Decision, at: CellRef, status: Status) {
    let mut pending = vec![at];
    while let Some(at) = pending.pop() {
        if !decision.is_shown(at) {
            continue;
        }
        decision.set(at, status);
        pending.extend(twins(table, at));
    }
}

/// The values equal to `at` in every table of this shape.
fn twins(table: &Table, at: CellRef) -> Vec<CellRef> {
    let (one_col, one_row) = (table.cols == 1, table.rows == 1);
    let mut out = Vec::new();
    match at {
        CellRef::Cell { row, col } => {
            if one_col {
                out.push(CellRef::RowTotal(row));
            }
            if one_row {
                out.push(CellRef::ColTotal(col));
            }
        }
        CellRef::RowTotal(row) => {
            if one_col {
                out.push(CellRef::Cell { row, col: 0 });
            }
            if one_row {
                out.push(CellRef::GrandTotal);
            }
        }
        CellRef::ColTotal(col) => {
            if one_row {
                out.push(CellRef::Cell { row: 0, col });
            }
            if one_col {
                out.push(CellRef::GrandTotal);
            }
        }
        CellRef::GrandTotal => {
            if one_col {
                out.push(CellRef::ColTotal(0));
            }
            if one_row {
                out.push(CellRef::RowTotal(0));
            }
        }
    }
    out
}

/// The shown values to suppress so that `target` is no longer exposed: the
/// cheapest set that closes a cycle through the target's edge (see the
/// module documentation), or, should that find nothing, the cheapest shown
/// value of the target's lines.
fn complement_for(
    table: &Table,
    decision: &Decision,
    target: CellRef,
    keep: &[CellRef],
) -> Vec<CellRef> {
    let network = Network::build(table, decision);
    let cheapest_cycle = network.cheapest_opening(table, decision, target, keep);
    if !cheapest_cycle.is_empty() {
        return cheapest_cycle;
    }
    let mut candidates: Vec<CellRef> = lines_of(table, target)
        .into_iter()
        .flatten()
        .filter(|&at| at != target && decision.is_shown(at))
        .collect();
    if candidates.is_empty() {
        candidates = table
            .refs()
            .into_iter()
            .filter(|&at| decision.is_shown(at))
            .collect();
    }
    candidates
        .into_iter()
        .min_by_key(|&at| (weight(table, at, keep), at))
        .into_iter()
        .collect()
}

/// The cost of suppressing a shown value as a complement. A cell weighs its
/// count + 1, so all cells together weigh at most `T + cells`; a margin
/// weighs more than that, plus its value; a kept value weighs more than all
/// other values together, plus its value.
fn weight(table: &Table, at: CellRef, keep: &[CellRef]) -> u128 {
    let total = u128::from(table.grand_total());
    let value = u128::from(table.value(at));
    let margin = total + table.cells.len() as u128 + 1;
    let margins = (table.rows + table.cols + 2) as u128;
    let kept = (margin + total) * margins + margin;
    if keep.contains(&at) {
        kept + value
    } else if at.is_margin() {
        margin + value
    } else {
        value + 1
    }
}

/// The equations a value takes part in, each as the list of its members.
fn lines_of(table: &Table, at: CellRef) -> Vec<Vec<CellRef>> {
    let row_line = |row: usize| {
        let mut line: Vec<CellRef> = (0..table.cols)
            .map(|col| CellRef::Cell { row, col })
            .collect();
        line.push(CellRef::RowTotal(row));
        line
    };
    let col_line = |col: usize| {
        let mut line: Vec<CellRef> = (0..table.rows)
            .map(|row| CellRef::Cell { row, col })
            .collect();
        line.push(CellRef::ColTotal(col));
        line
    };
    let row_totals = || {
        let mut line: Vec<CellRef> = (0..table.rows).map(CellRef::RowTotal).collect();
        line.push(CellRef::GrandTotal);
        line
    };
    let col_totals = || {
        let mut line: Vec<CellRef> = (0..table.cols).map(CellRef::ColTotal).collect();
        line.push(CellRef::GrandTotal);
        line
    };
    match at {
        CellRef::Cell { row, col } => vec![row_line(row), col_line(col)],
        CellRef::RowTotal(row) => vec![row_line(row), row_totals()],
        CellRef::ColTotal(col) => vec![col_line(col), col_totals()],
        CellRef::GrandTotal => vec![row_totals(), col_totals()],
    }
}

/// The values a suppressed value can take given what is shown: every
/// integer in `[min, max]` is possible (`max = None`: no upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub min: u64,
    pub max: Option<u64>,
}

impl Interval {
    /// True when the interval holds exactly one value: the value is exposed.
    pub fn is_single(&self) -> bool {
        self.max == Some(self.min)
    }
}

/// The suppressed values whose interval is a single value, i.e. that a
/// reader can recompute from the shown values (see the module
/// documentation for the method). Empty after [`suppress`].
pub fn exposed(table: &Table, decision: &Decision) -> Vec<CellRef> {
    intervals(table, decision)
        .into_iter()
        .filter(|(_, interval)| interval.is_single())
        .map(|(at, _)| at)
        .collect()
}

/// The exact interval of every suppressed value over all non-negative
/// integer tables consistent with the shown values.
pub fn intervals(table: &Table, decision: &Decision) -> Vec<(CellRef, Interval)> {
    let network = Network::build(table, decision);
    table
        .refs()
        .into_iter()
        .filter(|&at| !decision.is_shown(at))
        .map(|at| (at, network.interval(table, at)))
        .collect()
}

/// "Unbounded" in the flow computations; far above any real count sum.
const INF: u64 = u64::MAX / 4;

/// The circulation network of a table and a decision.
struct Network {
    nodes: usize,
    /// `(from, to, flow, fixed, what)`.
    edges: Vec<Edge>,
}

struct Edge {
    from: usize,
    to: usize,
    flow: u64,
    fixed: bool,
    what: CellRef,
}

impl Network {
    const SOURCE: usize = 0;
    const SINK: usize = 1;

    fn row_node(row: usize) -> usize {
        2 + row
    }

    fn col_node(table: &Table, col: usize) -> usize {
        2 + table.rows + col
    }

    fn build(table: &Table, decision: &Decision) -> Network {
        let hidden = |at: CellRef| !decision.is_shown(at);
        let mut edges = Vec::new();
        let mut row_flow = vec![0_u64; table.rows];
        let mut col_flow = vec![0_u64; table.cols];
        for (row, row_sum) in row_flow.iter_mut().enumerate() {
            for (col, col_sum) in col_flow.iter_mut().enumerate() {
                let what = CellRef::Cell { row, col };
                if hidden(what) {
                    let flow = table.cell(row, col);
                    *row_sum += flow;
                    *col_sum += flow;
                    edges.push(Edge {
                        from: Network::row_node(row),
                        to: Network::col_node(table, col),
                        flow,
                        fixed: false,
                        what,
                    });
                }
            }
        }
        for (row, &flow) in row_flow.iter().enumerate() {
            let what = CellRef::RowTotal(row);
            edges.push(Edge {
                from: Network::SOURCE,
                to: Network::row_node(row),
                flow,
                fixed: !hidden(what),
                what,
            });
        }
        for (col, &flow) in col_flow.iter().enumerate() {
            let what = CellRef::ColTotal(col);
            edges.push(Edge {
                from: Network::col_node(table, col),
                to: Network::SINK,
                flow,
                fixed: !hidden(what),
                what,
            });
        }
        edges.push(Edge {
            from: Network::SINK,
            to: Network::SOURCE,
            flow: row_flow.iter().sum(),
            fixed: !hidden(CellRef::GrandTotal),
            what: CellRef::GrandTotal,
        });
        Network {
            nodes: 2 + table.rows + table.cols,
            edges,
        }
    }

    /// The interval of a value: the true value when it is shown (or is a
    /// fixed edge), else the flow bounds of its edge shifted by the shown
    /// part of its line.
    fn interval(&self, table: &Table, at: CellRef) -> Interval {
        let truth = table.value(at);
        let Some(index) = self.edges.iter().position(|e| e.what == at && !e.fixed) else {
            return Interval {
                min: truth,
                max: Some(truth),
            };
        };
        let edge = &self.edges[index];
        let up = self.residual_max_flow(index, edge.to, edge.from, INF);
        let down = self.residual_max_flow(index, edge.from, edge.to, edge.flow);
        Interval {
            min: truth - down,
            max: (up < INF).then(|| truth + up),
        }
    }

    /// The cheapest set of shown values whose suppression puts the edge of
    /// `target` on a cycle of the residual network, so that it can change.
    ///
    /// A shortest-path search (Dijkstra) from one end of the target's edge
    /// to the other: arcs of the residual network cost nothing; the arcs a
    /// shown value would bring once suppressed cost its [`weight`].
    /// Both directions are tried (a cycle that raises the target, and one
    /// that lowers it when it is above zero), and the cheaper is taken.
    fn cheapest_opening(
        &self,
        table: &Table,
        decision: &Decision,
        target: CellRef,
        keep: &[CellRef],
    ) -> Vec<CellRef> {
        let Some(index) = self.edges.iter().position(|e| e.what == target && !e.fixed) else {
            return Vec::new();
        };
        let mut arcs: Vec<Arc> = Vec::new();
        for (i, e) in self.edges.iter().enumerate() {
            if i == index {
                continue;
            }
            let (cost, opens) = if e.fixed {
                (weight(table, e.what, keep), Some(e.what))
            } else {
                (0, None)
            };
            arcs.push((e.from, e.to, cost, opens));
            let backward = if e.fixed {
                table.value(e.what) > 0
            } else {
                e.flow > 0
            };
            if backward {
                arcs.push((e.to, e.from, cost, opens));
            }
        }
        for row in 0..table.rows {
            for col in 0..table.cols {
                let what = CellRef::Cell { row, col };
                if decision.is_shown(what) {
                    let cost = weight(table, what, keep);
                    let (r, c) = (Network::row_node(row), Network::col_node(table, col));
                    arcs.push((r, c, cost, Some(what)));
                    if table.cell(row, col) > 0 {
                        arcs.push((c, r, cost, Some(what)));
                    }
                }
            }
        }
        let edge = &self.edges[index];
        let up = shortest_path(self.nodes, &arcs, edge.to, edge.from);
        let down = if edge.flow > 0 {
            shortest_path(self.nodes, &arcs, edge.from, edge.to)
        } else {
            None
        };
        let best = match (up, down) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        let mut opened: Vec<CellRef> = best
            .map(|(_, path)| path.into_iter().filter_map(|arc| arcs[arc].3).collect())
            .unwrap_or_default();
        opened.sort();
        opened.dedup();
        opened
    }

    /// The maximum flow (capped at `limit`) from `from` to `to` in the
    /// residual network of the current flow, without edge `skip`.
    fn residual_max_flow(&self, skip: usize, from: usize, to: usize, limit: u64) -> u64 {
        if limit == 0 {
            return 0;
        }
        let mut graph = Dinic::new(self.nodes);
        for (i, e) in self.edges.iter().enumerate() {
            if i == skip || e.fixed {
                continue;
            }
            // Upper bound ∞: it can always rise; lower bound 0: it can fall
            // by its flow.
            graph.add(e.from, e.to, INF);
            if e.flow > 0 {
                graph.add(e.to, e.from, e.flow);
            }
        }
        graph.max_flow(from, to, limit)
    }
}

/// The cheapest path from `from` to `to` (Dijkstra): its cost and its arcs.
/// An arc of the shortest-path search: from, to, cost, and the shown value
/// it would open (`None` for an arc already in the residual network).
type Arc = (usize, usize, u128, Option<CellRef>);

fn shortest_path(nodes: usize, arcs: &[Arc], from: usize, to: usize) -> Option<(u128, Vec<usize>)> {
    let mut outgoing = vec![Vec::new(); nodes];
    for (k, arc) in arcs.iter().enumerate() {
        outgoing[arc.0].push(k);
    }
    let mut dist = vec![u128::MAX; nodes];
    let mut via: Vec<Option<usize>> = vec![None; nodes];
    let mut queue = std::collections::BinaryHeap::new();
    dist[from] = 0;
    queue.push(std::cmp::Reverse((0_u128, from)));
    while let Some(std::cmp::Reverse((d, node))) = queue.pop() {
        if d > dist[node] {
            continue;
        }
        for &k in &outgoing[node] {
            let (_, next, cost, _) = arcs[k];
            let nd = d.saturating_add(cost);
            if nd < dist[next] {
                dist[next] = nd;
                via[next] = Some(k);
                queue.push(std::cmp::Reverse((nd, next)));
            }
        }
    }
    if dist[to] == u128::MAX {
        return None;
    }
    let mut path = Vec::new();
    let mut node = to;
    while node != from {
        let k = via[node]?;
        path.push(k);
        node = arcs[k].0;
    }
    path.reverse();
    Some((dist[to], path))
}

/// A small maximum-flow solver (Dinic's algorithm).
struct Dinic {
    /// Per node, indices into `to` / `cap`.
    adjacent: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<u64>,
}

impl Dinic {
    fn new(nodes: usize) -> Dinic {
        Dinic {
            adjacent: vec![Vec::new(); nodes],
            to: Vec::new(),
            cap: Vec::new(),
        }
    }

    /// An arc and its reverse (capacity 0) at indices `k` and `k ^ 1`.
    fn add(&mut self, from: usize, to: usize, cap: u64) {
        self.adjacent[from].push(self.to.len());
        self.to.push(to);
        self.cap.push(cap);
        self.adjacent[to].push(self.to.len());
        self.to.push(from);
        self.cap.push(0);
    }

    fn max_flow(&mut self, source: usize, sink: usize, limit: u64) -> u64 {
        if source == sink {
            return limit;
        }
        let mut total = 0_u64;
        while total < limit {
            let Some(level) = self.levels(source, sink) else {
                break;
            };
            let mut next = vec![0_usize; self.adjacent.len()];
            loop {
                let pushed = self.push(source, sink, limit - total, &level, &mut next);
                if pushed == 0 {
                    break;
                }
                total += pushed;
                if total >= limit {
                    break;
                }
            }
        }
        total.min(limit)
    }

    fn levels(&self, source: usize, sink: usize) -> Option<Vec<usize>> {
        let mut level = vec![usize::MAX; self.adjacent.len()];
        level[source] = 0;
        let mut queue = VecDeque::from([source]);
        while let Some(node) = queue.pop_front() {
            for &arc in &self.adjacent[node] {
                let to = self.to[arc];
                if self.cap[arc] > 0 && level[to] == usize::MAX {
                    level[to] = level[node] + 1;
                    queue.push_back(to);
                }
            }
        }
        (level[sink] != usize::MAX).then_some(level)
    }

    /// One blocking-flow augmentation (depth-first, with the current-arc
    /// pointers in `next`). Recursion depth is at most the number of nodes.
    fn push(
        &mut self,
        node: usize,
        sink: usize,
        amount: u64,
        level: &[usize],
        next: &mut [usize],
    ) -> u64 {
        if node == sink {
            return amount;
        }
        while next[node] < self.adjacent[node].len() {
            let arc = self.adjacent[node][next[node]];
            let to = self.to[arc];
            if self.cap[arc] > 0 && level[to] == level[node] + 1 {
                let pushed = self.push(to, sink, amount.min(self.cap[arc]), level, next);
                if pushed > 0 {
                    self.cap[arc] -= pushed;
                    self.cap[arc ^ 1] += pushed;
                    return pushed;
                }
            }
            next[node] += 1;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suppressed_cells(d: &Decision) -> Vec<(usize, usize)> {
        d.suppressed()
            .into_iter()
            .filter_map(|at| match at {
                CellRef::Cell { row, col } => Some((row, col)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn nothing_small_nothing_suppressed() {
        let t = Table::new(vec![vec![10, 12], vec![7, 30]]).unwrap();
        let d = suppress(&t, 5);
        assert!(d.suppressed().is_empty());
        assert_eq!(d, Decision::all_shown(&t));
    }

    #[test]
    fn one_way_one_small_cell_forces_a_second() {
        // 45 answers: 37 / 2 / 6. The 2 alone would be the base minus the
        // shown cells, so a second cell must go.
        let t = Table::one_way(&[37, 2, 6]).unwrap();
        let d = suppress(&t, 5);
        assert_eq!(
            d.status(CellRef::Cell { row: 1, col: 0 }),
            Status::Suppressed(Reason::Primary)
        );
        // The smallest other cell goes, not the 37.
        assert_eq!(
            d.status(CellRef::Cell { row: 2, col: 0 }),
            Status::Suppressed(Reason::Complementary)
        );
        assert!(d.is_shown(CellRef::Cell { row: 0, col: 0 }));
        // The base stays.
        assert!(d.is_shown(CellRef::ColTotal(0)));
        assert!(d.is_shown(CellRef::GrandTotal));
        // A row total of a one-way table is its cell: same status.
        assert_eq!(
            d.status(CellRef::RowTotal(1)),
            d.status(CellRef::Cell { row: 1, col: 0 })
        );
        assert!(exposed(&t, &d).is_empty());
        let i = intervals(&t, &d);
        assert_eq!(
            i.iter()
                .find(|(at, _)| *at == CellRef::Cell { row: 1, col: 0 })
                .map(|p| p.1),
            Some(Interval {
                min: 0,
                max: Some(8)
            })
        );
    }

    #[test]
    fn one_way_two_small_cells_protect_each_other() {
        let t = Table::one_way(&[37, 2, 4]).unwrap();
        let d = suppress(&t, 5);
        assert_eq!(suppressed_cells(&d), vec![(1, 0), (2, 0)]);
        assert!(exposed(&t, &d).is_empty());
    }

    #[test]
    fn single_non_zero_row() {
        // Everyone chose the first answer. The two zeros are primary, but
        // with the 40 and the base 40 shown both are pinned to 0, so the 40
        // must go too.
        let t = Table::one_way(&[40, 0, 0]).unwrap();
        let d = suppress(&t, 5);
        assert!(!d.is_shown(CellRef::Cell { row: 0, col: 0 }));
        assert_eq!(
            d.status(CellRef::Cell { row: 0, col: 0 }),
            Status::Suppressed(Reason::Complementary)
        );
        assert!(exposed(&t, &d).is_empty());
        // The base is still shown: the reader learns 40 answered, not how.
        assert!(d.is_shown(CellRef::GrandTotal));
    }

    #[test]
    fn single_non_zero_row_by_group() {
        // Every municipality of both countries gave the first answer.
        let t = Table::new(vec![vec![12, 9], vec![0, 0], vec![0, 0]]).unwrap();
        let d = suppress(&t, 5);
        assert!(exposed(&t, &d).is_empty());
        for row in 1..3 {
            for col in 0..2 {
                assert_eq!(
                    d.status(CellRef::Cell { row, col }),
                    Status::Suppressed(Reason::Primary)
                );
            }
            assert_eq!(
                d.status(CellRef::RowTotal(row)),
                Status::Suppressed(Reason::Primary)
            );
        }
        // With the bases shown, a shown 12 or 9 would say "all of them": the
        // first row goes, with its total; the bases and the grand total stay.
        let complementary = Status::Suppressed(Reason::Complementary);
        assert_eq!(d.status(CellRef::Cell { row: 0, col: 0 }), complementary);
        assert_eq!(d.status(CellRef::Cell { row: 0, col: 1 }), complementary);
        assert_eq!(d.status(CellRef::RowTotal(0)), complementary);
        assert!(d.is_shown(CellRef::ColTotal(0)) && d.is_shown(CellRef::ColTotal(1)));
        assert!(d.is_shown(CellRef::GrandTotal));
    }

    #[test]
    fn small_group_goes_whole() {
        let t = Table::new(vec![vec![20, 3, 15], vec![10, 1, 12]]).unwrap();
        let d = suppress(&t, 5);
        for row in 0..2 {
            assert_eq!(
                d.status(CellRef::Cell { row, col: 1 }),
                Status::Suppressed(Reason::SmallGroup)
            );
        }
        assert_eq!(
            d.status(CellRef::ColTotal(1)),
            Status::Suppressed(Reason::SmallGroup)
        );
        // Its base 4 must not be recomputable from the grand total either.
        assert!(exposed(&t, &d).is_empty());
        let base = intervals(&t, &d)
            .into_iter()
            .find(|(at, _)| *at == CellRef::ColTotal(1))
            .map(|p| p.1);
        assert!(base.is_some_and(|i| !i.is_single()), "{base:?}");
    }

    #[test]
    fn two_way_rectangle() {
        // One small cell in a 2×2 table with all margins shown: the whole
        // rectangle must go (the classical pattern).
        let t = Table::new(vec![vec![2, 10], vec![9, 11]]).unwrap();
        let d = suppress(&t, 5);
        assert_eq!(suppressed_cells(&d), vec![(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert!(exposed(&t, &d).is_empty());
        // All margins stay shown.
        for at in [
            CellRef::RowTotal(0),
            CellRef::RowTotal(1),
            CellRef::ColTotal(0),
            CellRef::ColTotal(1),
            CellRef::GrandTotal,
        ] {
            assert!(d.is_shown(at), "{at:?}");
        }
        // The small cell can be anything from 0 to 11 (its row total 12,
        // column total 11).
        let i = intervals(&t, &d);
        assert_eq!(
            i[0],
            (
                CellRef::Cell { row: 0, col: 0 },
                Interval {
                    min: 0,
                    max: Some(11)
                }
            )
        );
    }

    #[test]
    fn audit_finds_a_lone_suppression() {
        let t = Table::new(vec![vec![2, 10], vec![9, 11]]).unwrap();
        let mut d = Decision::all_shown(&t);
        d.set(
            CellRef::Cell { row: 0, col: 0 },
            Status::Suppressed(Reason::Primary),
        );
        assert_eq!(exposed(&t, &d), vec![CellRef::Cell { row: 0, col: 0 }]);
        // Hiding its row too is not enough: the column still pins it.
        d.set(
            CellRef::Cell { row: 0, col: 1 },
            Status::Suppressed(Reason::Complementary),
        );
        assert_eq!(
            exposed(&t, &d),
            vec![
                CellRef::Cell { row: 0, col: 0 },
                CellRef::Cell { row: 0, col: 1 }
            ]
        );
        // Without any margin shown the first row's cells are free, but the
        // second row's total is the sum of its shown cells.
        for at in [
            CellRef::RowTotal(0),
            CellRef::RowTotal(1),
            CellRef::ColTotal(0),
            CellRef::ColTotal(1),
            CellRef::GrandTotal,
        ] {
            d.set(at, Status::Suppressed(Reason::Complementary));
        }
        assert_eq!(exposed(&t, &d), vec![CellRef::RowTotal(1)]);
        let i = intervals(&t, &d);
        let free: Vec<CellRef> = i
            .iter()
            .filter(|(_, iv)| iv.max.is_none())
            .map(|p| p.0)
            .collect();
        assert_eq!(
            free,
            vec![
                CellRef::Cell { row: 0, col: 0 },
                CellRef::Cell { row: 0, col: 1 },
                CellRef::RowTotal(0),
                CellRef::ColTotal(0),
                CellRef::ColTotal(1),
                CellRef::GrandTotal
            ]
        );
    }

    #[test]
    fn hidden_grand_total_with_shown_rows_is_exposed() {
        let t = Table::new(vec![vec![20, 30], vec![9, 11]]).unwrap();
        let mut d = Decision::all_shown(&t);
        d.set(CellRef::GrandTotal, Status::Suppressed(Reason::Primary));
        assert_eq!(exposed(&t, &d), vec![CellRef::GrandTotal]);
    }

    #[test]
    fn everything_small() {
        let t = Table::new(vec![vec![1, 2], vec![0, 1]]).unwrap();
        let d = suppress(&t, 5);
        assert!(t.refs().iter().all(|&at| !d.is_shown(at)));
        assert!(exposed(&t, &d).is_empty());
    }

    #[test]
    fn shares_only_with_shown_bases() {
        let t = Table::new(vec![vec![20, 3, 15], vec![10, 1, 12]]).unwrap();
        let d = suppress(&t, 5);
        assert_eq!(
            d.shown_share(&t, CellRef::Cell { row: 0, col: 0 }),
            Some(Share::new(20, 30))
        );
        // The small group's cells, and the grand total, have none.
        assert_eq!(d.shown_share(&t, CellRef::Cell { row: 0, col: 1 }), None);
        assert_eq!(d.shown_share(&t, CellRef::GrandTotal), None);
        let mut hidden_base = d.clone();
        hidden_base.set(
            CellRef::ColTotal(0),
            Status::Suppressed(Reason::Complementary),
        );
        assert_eq!(
            hidden_base.shown_share(&t, CellRef::Cell { row: 0, col: 0 }),
            None
        );
        // The small group's base 4 is protected by hiding the cheapest other
        // base (27) with a cell, so the grand total stays.
        assert_eq!(
            d.status(CellRef::ColTotal(2)),
            Status::Suppressed(Reason::Complementary)
        );
        assert_eq!(
            d.shown_share(&t, CellRef::RowTotal(0)),
            Some(Share::new(38, 61))
        );
    }

    #[test]
    fn kept_values_go_last() {
        // Without a preference the small group's base 4 is protected by
        // hiding the base 27 (see shares_only_with_shown_bases).
        let t = Table::new(vec![vec![20, 3, 15], vec![10, 1, 12]]).unwrap();
        let bases = [CellRef::ColTotal(0), CellRef::ColTotal(2)];
        let d = suppress_keeping(&t, 5, &bases);
        assert!(exposed(&t, &d).is_empty());
        for at in bases {
            assert!(d.is_shown(at), "{at:?}");
        }
        assert_eq!(
            d.status(CellRef::GrandTotal),
            Status::Suppressed(Reason::Complementary)
        );
        // Keeping everything that could protect it: a kept value must go.
        let all = [
            CellRef::ColTotal(0),
            CellRef::ColTotal(2),
            CellRef::GrandTotal,
        ];
        let d = suppress_keeping(&t, 5, &all);
        assert!(exposed(&t, &d).is_empty());
        assert!(all.iter().any(|&at| !d.is_shown(at)));
    }

    #[test]
    fn huge_counts_do_not_overflow() {
        let big = Table::MAX_TOTAL / 4;
        let t = Table::new(vec![vec![big, 2], vec![big, big], vec![1, big - 3]]).unwrap();
        let d = suppress(&t, 5);
        assert!(exposed(&t, &d).is_empty());
        assert!(!d.is_shown(CellRef::Cell { row: 0, col: 1 }));
        assert!(!d.is_shown(CellRef::Cell { row: 2, col: 0 }));
    }

    #[test]
    fn percent_hidden_in_small_groups() {
        assert!(percent_hidden(0, 7, 10));
        assert!(percent_hidden(7, 7, 10));
        assert!(!percent_hidden(3, 7, 10));
        assert!(!percent_hidden(0, 10, 10));
        assert!(!percent_hidden(10, 10, 10));
        assert!(percent_hidden(0, 0, 10));
    }

    #[test]
    fn ragged_and_empty_tables_are_refused() {
        assert_eq!(Table::new(vec![]), Err(TableError::Empty));
        assert_eq!(Table::new(vec![vec![]]), Err(TableError::Empty));
        assert_eq!(
            Table::new(vec![vec![1, 2], vec![3]]),
            Err(TableError::Ragged {
                row: 1,
                expected: 2,
                found: 1
            })
        );
        assert_eq!(
            Table::new(vec![vec![u64::MAX, 1]]),
            Err(TableError::TooLarge)
        );
        assert_eq!(
            Table::one_way(&[Table::MAX_TOTAL, 1]),
            Err(TableError::TooLarge)
        );
        assert!(Table::one_way(&[Table::MAX_TOTAL - 1, 1]).is_ok());
    }
}
