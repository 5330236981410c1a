//! The error type of web handlers and its one mapping to responses: a page in the user's
//! language for the site, a JSON body `{ "error": { code, message, fields } }` for the API.

use rocket::http::{ContentType, Status};
use rocket::request::Request;
use rocket::response::{self, Responder};
use serde_json::json;

use crate::domain::FieldErrors;
use crate::i18n::t;
use crate::msg;
use crate::services::ServiceError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("refused: {1}")]
    Refused(Status, &'static str),
    #[error("not found")]
    NotFound,
    #[error("unauthenticated")]
    Unauthenticated,
    #[error("too many attempts")]
    Throttled,
    #[error("temporarily unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<ServiceError> for AppError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(f) => AppError::Invalid(f),
            ServiceError::Refused(k) => AppError::Refused(Status::UnprocessableEntity, k),
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::Throttled => AppError::Throttled,
            ServiceError::Db(e) => AppError::from(e),
            ServiceError::Internal(m) => AppError::Internal(m),
            ServiceError::Unavailable(k) => AppError::Refused(Status::ServiceUnavailable, k),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        if is_outage(&e) { AppError::Unavailable(e.to_string()) } else { AppError::Internal(e.to_string()) }
    }
}

/// Errors that mean "the database is not reachable right now" rather than a bug.
pub fn is_outage(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_))
        || matches!(e, sqlx::Error::Database(db) if db.code().is_some_and(|c| c.starts_with("57P") || c.starts_with("08")))
}

impl AppError {
    pub fn status(&self) -> Status {
        match self {
            AppError::Invalid(_) => Status::UnprocessableEntity,
            AppError::Refused(s, _) => *s,
            AppError::NotFound => Status::NotFound,
            AppError::Unauthenticated => Status::Unauthorized,
            AppError::Throttled => Status::TooManyRequests,
            AppError::Unavailable(_) => Status::ServiceUnavailable,
            AppError::Internal(_) => Status::InternalServerError,
        }
    }

    /// The catalog key of the message shown to people.
    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => msg!("err-invalid-input"),
            AppError::Refused(_, k) => k,
            _ => status_message_key(self.status()),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "invalid_input",
            AppError::Refused(..) => "refused",
            AppError::NotFound => "not_found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Throttled => "too_many_attempts",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

/// The message key for a bare status (catchers and errors without a specific message).
pub fn status_message_key(status: Status) -> &'static str {
    match status.code {
        400 => msg!("err-bad-request"),
        401 => msg!("err-unauthenticated"),
        403 => msg!("err-forbidden"),
        404 => msg!("err-not-found"),
        413 => msg!("err-too-large"),
        422 => msg!("err-unprocessable"),
        429 => msg!("err-throttled"),
        503 => msg!("err-unavailable"),
        _ => msg!("err-internal"),
    }
}

/// The JSON error body of the API.
pub fn json_error(
    status: Status,
    code: &str,
    message: &str,
    fields: serde_json::Value,
) -> (Status, (ContentType, String)) {
    let body = json!({ "error": { "code": code, "message": message, "fields": fields } }).to_string();
    (status, (ContentType::JSON, body))
}

impl<'r> Responder<'r, 'static> for AppError {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let status = self.status();
        match &self {
            AppError::Internal(m) => tracing::error!(error = %m, path = %req.uri(), "internal error"),
            AppError::Unavailable(m) => tracing::warn!(error = %m, path = %req.uri(), "dependency unavailable"),
            _ => {}
        }
        let lang = crate::web::guards::pick_language(req, None);
        if req.uri().path().starts_with("/api/") {
            let fields = match &self {
                AppError::Invalid(f) => {
                    let mut m = serde_json::Map::new();
                    for e in &f.0 {
                        m.entry(e.field.to_string()).or_insert_with(|| json!(t(lang, e.key)));
                    }
                    serde_json::Value::Object(m)
                }
                _ => json!({}),
            };
            return json_error(status, self.code(), &t(lang, self.message_key()), fields).respond_to(req);
        }
        crate::web::errors::error_page(req, status, self.message_key()).respond_to(req)
    }
}
