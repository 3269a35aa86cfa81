//! Survey results for Majlis: descriptive figures, disclosure control of
//! tables of counts, and accessible SVG charts.
//!
//! The crate knows nothing of the app, HTTP or databases: it takes tallies
//! and returns numbers, decisions and SVG text.
//!
//! - [`describe`]: n, mean, median and quartiles of a histogram; shares and
//!   whole percentages.
//! - [`suppress`](mod@suppress): primary and complementary suppression of a two-way table
//!   with its margins, and an exact audit of what a reader can recompute.
//! - [`chart`]: horizontal bar charts, grouped bar charts and box-plot lines
//!   (left-to-right and right-to-left) as self-contained, accessible SVG.
//! - [`timeline`](mod@timeline): a Gantt-like timeline of spans and marks, and a line
//!   chart of measurements between a baseline and a target, in the same style.
//!
//! ```
//! use majlis_stats::{CellRef, Share, Status, Table, exposed, suppress};
//!
//! // "Did social tensions increase?" by country: yes / no / don't know.
//! let table = Table::new(vec![vec![20, 17], vec![3, 9], vec![6, 0]])?;
//! let decision = suppress(&table, majlis_stats::DEFAULT_THRESHOLD);
//! assert!(!decision.is_shown(CellRef::Cell { row: 1, col: 0 })); // the 3
//! assert!(exposed(&table, &decision).is_empty());
//! // The 3 and the 0 protect each other through the 6 and the 9 (a
//! // rectangle); the "yes" row and every margin stay.
//! let hidden: Vec<CellRef> = decision.suppressed();
//! assert_eq!(hidden, [(1, 0), (1, 1), (2, 0), (2, 1)].map(|(row, col)| CellRef::Cell { row, col }));
//! assert_eq!(decision.status(CellRef::Cell { row: 0, col: 0 }), Status::Shown);
//! let share = Share::new(table.cell(0, 0), table.col_total(0));
//! assert_eq!(share.percent(), Some(69)); // "69%, n = 29"
//! # Ok::<(), majlis_stats::TableError>(())
//! ```

pub mod chart;
pub mod describe;
pub mod suppress;
pub mod timeline;

pub use chart::{
    Bar, BarChart, BoxPlot, Category, Direction, GroupedBarChart, bar_chart, box_plot,
    grouped_bar_chart,
};
pub use describe::{Share, Summary};
pub use suppress::{
    CellRef, DEFAULT_SMALL_GROUP, DEFAULT_THRESHOLD, Decision, Interval, Reason, Status, Table,
    TableError, exposed, intervals, percent_hidden, suppress, suppress_keeping,
};
pub use timeline::{LineChart, Mark, Point, Span, Timeline, line_chart, timeline};
