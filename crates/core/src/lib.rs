//! Sportello's domain: what a Libretto draft is, what a submission and a saved simulation
//! are, and (in later modules) the rules that judge them.
//!
//! This crate knows nothing of browsers, HTTP or storage engines: the app, the reference
//! CPI server and the command-line tools all call it unchanged, so a rule or a validation
//! lives here once. It is not a UI model: it holds no signals and no view state.

pub mod belfiore;
pub mod codice_fiscale;
pub mod content_hash;
pub mod cpi;
pub mod csv;
pub mod draft;
pub mod evidence;
pub mod lang;
pub mod libretto;
pub mod money;
pub mod programmes;
pub mod records;

pub use draft::{Draft, DraftId, Libretto, LifecycleState};
pub use lang::Lang;
pub use records::{EvidenceMeta, OutboxItem, SimulationRecord, SubmissionRecord};
