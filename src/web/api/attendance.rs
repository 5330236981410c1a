//! Attendance through the API: a session's roster with marks, one mark set by a trainer,
//! a participant's check-in with the code from the session's screen, and the import of an
//! online meeting's report (`text/csv`).

use rocket::data::{Data, ToByteUnit};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, get, post, put, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::SameSite;
use crate::db::now;
use crate::domain::roster;
use crate::error::AppError;
use crate::msg;
use crate::services::attendance::{self as service, CheckinOutcome, Counts, RosterRow};
use crate::services::attendance_import::{self, ImportReport};
use crate::state::AppState;
use crate::web::guards::{Lang, SignedIn};

pub fn routes() -> Vec<Route> {
    routes![roster_of, set_mark, checkin, import]
}

#[derive(Serialize, ToSchema)]
pub struct SessionRef {
    pub id: i64,
    pub edition: String,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
}

/// A session's roster: every active participant of the edition with their mark.
#[derive(Serialize, ToSchema)]
pub struct RosterOut {
    pub session: SessionRef,
    pub counts: Counts,
    pub participants: Vec<RosterRow>,
}

#[derive(Deserialize, ToSchema)]
pub struct MarkRequest {
    /// `present`, `late`, `excused` or `absent`.
    pub status: String,
}

/// The participant's mark as saved, and the session's counts after it.
#[derive(Serialize, ToSchema)]
pub struct MarkOut {
    pub participant: RosterRow,
    pub counts: Counts,
}

#[derive(Deserialize, ToSchema)]
pub struct CheckinRequest {
    /// The code shown under the session's QR code (it changes every minute).
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct CheckinOut {
    pub session: SessionRef,
    pub outcome: CheckinOutcome,
    /// The caller's mark now.
    pub status: String,
}

fn session_ref(ed: &crate::repo::programs::Edition, s: &crate::repo::schedule::LiveSession) -> SessionRef {
    SessionRef {
        id: s.id,
        edition: ed.slug.clone(),
        title: s.title.clone(),
        starts_at: s.start().rfc3339(),
        ends_at: s.end().rfc3339(),
    }
}

/// The roster of a session (trainers of the edition, coordinators).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/attendance", tag = "attendance",
    params(("id" = i64, Path, description = "Session id")),
    responses((status = 200, description = "Participants by name, with their marks", body = RosterOut),
              (status = 404, description = "No such session, or the caller does not teach it", body = super::ErrorBody)))]
#[get("/api/v1/sessions/<id>/attendance")]
pub async fn roster_of(state: &rocket::State<AppState>, user: SignedIn, id: i64) -> Result<Json<RosterOut>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let r = service::roster(&mut conn, &user.0, None, id).await?;
    Ok(Json(RosterOut { session: session_ref(&r.edition, &r.session), counts: r.counts, participants: r.rows }))
}

/// Set one participant's mark (replaces whatever mark they had).
#[utoipa::path(put, path = "/api/v1/sessions/{id}/attendance/{user_id}", tag = "attendance",
    params(("id" = i64, Path, description = "Session id"), ("user_id" = i64, Path, description = "Participant's user id")),
    request_body = MarkRequest,
    responses((status = 200, description = "The mark and the session's counts", body = MarkOut),
              (status = 404, description = "No such session or participant, or the caller does not teach it", body = super::ErrorBody),
              (status = 422, description = "Not one of the four marks", body = super::ErrorBody)))]
#[put("/api/v1/sessions/<id>/attendance/<user_id>", format = "json", data = "<body>")]
pub async fn set_mark(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    id: i64,
    user_id: i64,
    body: Json<MarkRequest>,
) -> Result<Json<MarkOut>, AppError> {
    let (participant, counts) = service::set_mark(state, &user.0, None, id, user_id, &body.status).await?;
    Ok(Json(MarkOut { participant, counts }))
}

/// Check in to a running session with its current code (participants of the edition).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/checkin", tag = "attendance",
    params(("id" = i64, Path, description = "Session id")),
    request_body = CheckinRequest,
    responses((status = 200, description = "Marked present, already present, or a trainer's mark kept", body = CheckinOut),
              (status = 404, description = "No such session", body = super::ErrorBody),
              (status = 422, description = "An expired or wrong code, a session not running, or not a participant", body = super::ErrorBody)))]
#[post("/api/v1/sessions/<id>/checkin", format = "json", data = "<body>")]
pub async fn checkin(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    id: i64,
    body: Json<CheckinRequest>,
) -> Result<Json<CheckinOut>, AppError> {
    let c = service::check_in(state, &user.0, id, &body.code, now()).await?;
    Ok(Json(CheckinOut { session: session_ref(&c.edition, &c.session), outcome: c.outcome, status: c.status }))
}

/// Import an online session's attendance: `email,minutes` per line (header optional, comma
/// or semicolon, UTF-8 with or without BOM). 75 % of the session or more is present, 25 %
/// or more late, less absent; a person's lines are added up; unknown people and people not
/// in the edition are skipped; a mark set by hand stays unless it is absent. With
/// `dry_run=true` nothing is written.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/attendance/import", tag = "attendance",
    params(("id" = i64, Path, description = "Session id"), ("dry_run" = Option<bool>, Query, description = "Only check")),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "What happened to each line", body = ImportReport),
              (status = 404, description = "No such session, or the caller does not teach it", body = super::ErrorBody),
              (status = 413, description = "Larger than 5 MiB", body = super::ErrorBody),
              (status = 422, description = "A file that cannot be read; nothing was written", body = super::ErrorBody)))]
#[post("/api/v1/sessions/<id>/attendance/import?<dry_run>", data = "<body>")]
pub async fn import(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    lang: Lang,
    id: i64,
    dry_run: Option<bool>,
    body: Data<'_>,
) -> Result<Json<ImportReport>, AppError> {
    let bytes =
        body.open((roster::MAX_BYTES + 1).bytes()).into_bytes().await.map_err(|e| AppError::Internal(e.to_string()))?;
    if !bytes.is_complete() {
        return Err(AppError::Refused(Status::PayloadTooLarge, msg!("err-csv-too-large")));
    }
    let preview = dry_run.unwrap_or(false);
    Ok(Json(attendance_import::import(state, &user.0, None, id, &bytes, preview, lang.0).await?))
}
