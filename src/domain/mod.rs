//! Pure rules and value types. Nothing here does I/O.

pub mod attendance;
pub mod attendance_csv;
pub mod audit_query;
pub mod certificate;
pub mod completion;
pub mod countries;
pub mod csv_export;
pub mod edition_progress;
pub mod email;
pub mod enrollment;
pub mod languages;
pub mod material;
pub mod names;
pub mod organisation;
pub mod paging;
pub mod password;
pub mod questions;
pub mod report_figures;
pub mod report_filter;
pub mod role;
pub mod roster;
pub mod survey;
pub mod time_zone;
pub mod validation;

pub use validation::FieldErrors;
pub mod edition;
pub mod schedule;
pub mod user;
