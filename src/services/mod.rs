//! Use cases: each combines repo, domain rules, storage and mail in one transaction.

pub mod accounts;
pub mod attendance;
pub mod attendance_import;
pub mod calendar;
pub mod certificate_pdf;
pub mod certificates;
pub mod content_cache;
pub mod content_import;
pub mod demo;
pub mod demo_certificates;
pub mod demo_scale;
pub mod directory;
pub mod edition_progress;
pub mod editions_admin;
pub mod enrollment;
pub mod invitations;
pub mod learning;
pub mod materials;
pub mod passwords;
pub mod people_cache;
pub mod personal_data;
pub mod profile;
pub mod read_together;
pub mod reports;
pub mod roster;
pub mod sessions;
pub mod sessions_admin;
mod shelf;
pub mod storage_check;
pub mod survey;
pub mod tokens;
pub mod users_admin;

use crate::domain::FieldErrors;

/// What a use case can answer besides success. Message keys are catalog keys.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    Throttled,
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("internal: {0}")]
    Internal(String),
    /// A dependency (the file store) cannot be used right now; the key explains it.
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
}

impl ServiceError {
    /// A form-level problem reported against one field.
    pub fn field(field: &'static str, key: &'static str) -> Self {
        let mut e = FieldErrors::new();
        e.add(field, key);
        Self::Invalid(e)
    }
}

impl From<FieldErrors> for ServiceError {
    fn from(e: FieldErrors) -> Self {
        Self::Invalid(e)
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;
