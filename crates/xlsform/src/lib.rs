//! XLSForm for Majlis: reads forms (`.xlsx`, and the markdown-table form of
//! the conformance cases), checks them, writes them back, and evaluates
//! them against answers on the server. It knows nothing of the application.
//!
//! # The subset
//! - Sheets `survey`, `choices`, `settings`; any other sheet with content is
//!   refused as not supported.
//! - Types `text integer decimal select_one select_multiple note date
//!   calculate range acknowledge`, groups (`begin_group`/`end_group`, with
//!   `field-list` appearance). Other XLSForm types (repeats, geo, media,
//!   metadata, `or_other`, from-file selects…) are refused as not supported.
//! - Survey columns `type name label hint required required_message relevant
//!   constraint constraint_message calculation default choice_filter
//!   appearance parameters`; `label`, `hint`, `constraint_message` and
//!   `required_message` take `::Language (code)` forms. Choice columns
//!   `list_name name label(::…)` plus any plain column (for choice filters).
//!   Settings `form_id form_title version default_language
//!   allow_choice_duplicates`.
//! - Expressions: see [`expr`].
//!
//! Anything else present in a form is refused with "not supported: <feature>
//! (sheet, row)", never ignored.

pub mod answers;
mod check;
pub mod error;
pub mod expr;
pub mod form;
pub mod sheet;
mod write;

pub use answers::{Answers, ConstraintError, Context, Evaluation, Problem};
pub use error::{ErrorKind, FormError, FormErrors, Location};
pub use form::{Choice, ChoiceList, Form, Group, Item, Kind, Language, Question, Settings, Text};
pub use sheet::Workbook;
