//! Applications through the API: apply, withdraw, accept an offer, list one's own; for
//! coordinators the queue, decisions and participant lists (CSV).

use rocket::data::{Data, ToByteUnit};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, get, post, routes};
use serde::Serialize;
use utoipa::ToSchema;

use super::SameSite;
use crate::domain::enrollment::ApplicationInput;
use crate::domain::roster;
use crate::error::AppError;
use crate::msg;
use crate::repo::enrollments as repo;
use crate::services::enrollment::{self, Decision, Status as ApplicationStatus};
use crate::services::roster::{ImportResult, Preview};
use crate::services::{learning, roster as lists};
use crate::state::AppState;
use crate::web::guards::{Coordinator, Lang, SignedIn};

pub fn routes() -> Vec<Route> {
    routes![apply, withdraw, accept_offer, my_applications, queue, decide, import]
}

/// Submit (or, when one exists and may still change, update) the caller's application.
#[utoipa::path(post, path = "/api/v1/editions/{slug}/application", tag = "enrollment",
    params(("slug" = String, Path, description = "Edition slug")),
    request_body = ApplicationInput,
    responses((status = 200, description = "The application's state", body = ApplicationStatus),
              (status = 401, description = "Not signed in", body = super::ErrorBody),
              (status = 404, description = "No such edition", body = super::ErrorBody),
              (status = 422, description = "Invalid fields, closed window, already applied or full", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/application", format = "json", data = "<body>")]
pub async fn apply(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    slug: &str,
    body: Json<ApplicationInput>,
) -> Result<Json<ApplicationStatus>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let exists = repo::by_user(&mut conn, ed.id, user.0.id).await?.is_some();
    drop(conn);
    let s = if exists {
        enrollment::edit(state, &user.0, slug, &body).await?
    } else {
        enrollment::apply(state, &user.0, slug, &body).await?
    };
    Ok(Json(s))
}

/// Withdraw the caller's application (a held place goes to the waiting list).
#[utoipa::path(post, path = "/api/v1/editions/{slug}/application/withdraw", tag = "enrollment",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "The application's state", body = ApplicationStatus),
              (status = 404, description = "No application", body = super::ErrorBody),
              (status = 422, description = "Cannot be withdrawn in its state", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/application/withdraw")]
pub async fn withdraw(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    slug: &str,
) -> Result<Json<ApplicationStatus>, AppError> {
    Ok(Json(enrollment::withdraw(state, &user.0, slug).await?))
}

/// Take up an offered place before its deadline.
#[utoipa::path(post, path = "/api/v1/editions/{slug}/application/accept-offer", tag = "enrollment",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "The application's state", body = ApplicationStatus),
              (status = 422, description = "No open offer", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/application/accept-offer")]
pub async fn accept_offer(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    slug: &str,
) -> Result<Json<ApplicationStatus>, AppError> {
    Ok(Json(enrollment::accept_offer(state, &user.0, slug).await?))
}

/// The caller's applications in every edition.
#[utoipa::path(get, path = "/api/v1/me/applications", tag = "enrollment",
    responses((status = 200, description = "Applications, newest edition first", body = [ApplicationStatus]),
              (status = 401, description = "Not signed in", body = super::ErrorBody)))]
#[get("/api/v1/me/applications")]
pub async fn my_applications(
    state: &rocket::State<AppState>,
    user: SignedIn,
) -> Result<Json<Vec<ApplicationStatus>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let mut out = Vec::new();
    for (e, slug) in repo::of_user(&mut conn, user.0.id).await? {
        let ed = learning::edition(&mut conn, &slug).await?;
        out.push(enrollment::status_of(&mut conn, &ed, &e).await?);
    }
    Ok(Json(out))
}

#[derive(Serialize, ToSchema)]
pub struct QueueEntry {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub state: String,
    pub country: String,
    pub organisation: String,
    pub organisation_type: String,
    pub waitlist_reason: String,
    pub submitted_at: Option<String>,
}

/// Every application of an edition (coordinators).
#[utoipa::path(get, path = "/api/v1/editions/{slug}/applications", tag = "enrollment",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "Applications, oldest first", body = [QueueEntry]),
              (status = 404, description = "No such edition, or not a coordinator", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/applications")]
pub async fn queue(
    state: &rocket::State<AppState>,
    _c: Coordinator,
    slug: &str,
) -> Result<Json<Vec<QueueEntry>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let out = repo::of_edition(&mut conn, ed.id)
        .await?
        .into_iter()
        .map(|e| QueueEntry {
            id: e.id,
            name: e.display_name,
            email: e.email,
            state: e.state,
            country: e.country,
            organisation: e.organisation,
            organisation_type: e.organisation_type,
            waitlist_reason: e.waitlist_reason,
            submitted_at: e.submitted_at,
        })
        .collect();
    Ok(Json(out))
}

#[derive(Serialize, ToSchema)]
pub struct DecisionResult {
    pub changed: u32,
}

/// Accept, waitlist or reject several applications at once (all or none).
#[utoipa::path(post, path = "/api/v1/editions/{slug}/applications/decisions", tag = "enrollment",
    params(("slug" = String, Path, description = "Edition slug")),
    request_body = Decision,
    responses((status = 200, description = "How many applications changed", body = DecisionResult),
              (status = 422, description = "Not allowed, or not enough places without an override reason", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/applications/decisions", format = "json", data = "<body>")]
pub async fn decide(
    state: &rocket::State<AppState>,
    c: Coordinator,
    _s: SameSite,
    slug: &str,
    body: Json<Decision>,
) -> Result<Json<DecisionResult>, AppError> {
    Ok(Json(DecisionResult { changed: enrollment::decide(state, &c.0, slug, &body).await? }))
}

#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum ImportAnswer {
    Preview(Preview),
    Done(ImportResult),
}

/// Enroll the participants of a CSV body (`text/csv`). With `dry_run=true` the rows are
/// only checked and listed; otherwise all are imported in one transaction, or none when
/// any row is invalid.
#[utoipa::path(post, path = "/api/v1/editions/{slug}/imports", tag = "enrollment",
    params(("slug" = String, Path, description = "Edition slug"), ("dry_run" = Option<bool>, Query, description = "Only check")),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "The preview (dry run) or what was imported", body = ImportAnswer),
              (status = 413, description = "Larger than 5 MiB", body = super::ErrorBody),
              (status = 422, description = "An unreadable file or invalid rows", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/imports?<dry_run>", data = "<body>")]
pub async fn import(
    state: &rocket::State<AppState>,
    c: Coordinator,
    _s: SameSite,
    lang: Lang,
    slug: &str,
    dry_run: Option<bool>,
    body: Data<'_>,
) -> Result<Json<ImportAnswer>, AppError> {
    let bytes =
        body.open((roster::MAX_BYTES + 1).bytes()).into_bytes().await.map_err(|e| AppError::Internal(e.to_string()))?;
    if !bytes.is_complete() {
        return Err(AppError::Refused(Status::PayloadTooLarge, msg!("err-csv-too-large")));
    }
    let text = roster::decode(&bytes).map_err(|p| AppError::Refused(Status::UnprocessableEntity, p.key()))?;
    if dry_run.unwrap_or(false) {
        return Ok(Json(ImportAnswer::Preview(lists::dry_run(state, slug, text.as_bytes(), lang.0).await?)));
    }
    Ok(Json(ImportAnswer::Done(lists::import_text(state, Some(&c.0), slug, &text).await?)))
}
