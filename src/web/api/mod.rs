//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//! Errors are `{ "error": { "code", "message", "fields" } }`.

pub mod auth;
pub mod me;

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "WTA Academy API", description = "Programs, editions, enrollment and certificates of the UNESCO-WTA training workshops."),
    paths(auth::login, auth::logout, me::me),
    components(schemas(auth::LoginRequest, me::MeResponse, ErrorBody, ErrorDetail)),
    tags((name = "auth", description = "Sessions"), (name = "me", description = "The signed-in person"))
)]
pub struct ApiDoc;

/// The error body every API failure answers with.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable code, e.g. `invalid_input`, `unauthenticated`, `not_found`.
    pub code: String,
    /// A sentence for people, in the caller's language.
    pub message: String,
    /// Per-field messages for `invalid_input`.
    pub fields: std::collections::BTreeMap<String, String>,
}

#[get("/api/openapi.json")]
fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

pub fn routes() -> Vec<Route> {
    let mut r = routes![openapi];
    r.extend(auth::routes());
    r.extend(me::routes());
    r
}

/// Refuses state-changing API calls that a browser marks as sent by another site.
pub struct SameSite;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SameSite {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        if req.headers().get_one("Sec-Fetch-Site") == Some("cross-site") {
            Outcome::Error((Status::Forbidden, ()))
        } else {
            Outcome::Success(SameSite)
        }
    }
}
