//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//! Errors are `{ "error": { "code", "message", "fields" } }`.

pub mod attendance;
pub mod auth;
pub mod catalogue;
pub mod certificates;
pub mod enrollment;
pub mod materials;
pub mod me;
pub mod progress;
pub mod survey;

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "WTA Academy API", description = "Programs, editions, enrollment and certificates of the UNESCO-WTA training workshops."),
    paths(
        auth::login, auth::logout, me::me,
        catalogue::list_programs, catalogue::get_edition, catalogue::list_sessions, catalogue::list_modules,
        catalogue::get_lesson, progress::my_progress, progress::set_progress,
        enrollment::apply, enrollment::withdraw, enrollment::accept_offer, enrollment::my_applications,
        enrollment::queue, enrollment::decide, enrollment::import,
        materials::list, materials::upload, materials::versions, materials::replace, materials::restore,
        materials::remove, materials::download,
        certificates::mine, certificates::checklist, certificates::pdf, certificates::verify, certificates::issue,
        certificates::issue_all, certificates::revoke, certificates::reissue, certificates::zip,
        attendance::roster_of, attendance::set_mark, attendance::checkin, attendance::import,
        survey::questions, survey::submit, survey::results,
    ),
    components(schemas(
        auth::LoginRequest, me::MeResponse, ErrorBody, ErrorDetail,
        catalogue::ProgramOut, catalogue::EditionSummary, catalogue::EditionOut, catalogue::SessionOut,
        catalogue::LessonOut, catalogue::LessonRef, crate::services::learning::Outline,
        crate::services::learning::OutlineModule, crate::services::learning::OutlineLesson,
        progress::EditionProgress, progress::ModuleProgress, progress::ProgressRequest,
        crate::domain::enrollment::ApplicationInput, crate::services::enrollment::Status,
        crate::services::enrollment::Decision, enrollment::QueueEntry, enrollment::DecisionResult,
        enrollment::ImportAnswer, crate::services::roster::Preview, crate::services::roster::PreviewRow,
        crate::services::roster::ImportResult,
        materials::MaterialOut, materials::VersionOut, materials::UploadBody, materials::FileBody,
        certificates::CertificateOut, certificates::IssueRequest, certificates::IssueAnswer, certificates::RevokeRequest,
        crate::services::certificates::Snapshot, crate::services::certificates::SnapshotSignatory,
        crate::services::certificates::Verification, crate::services::certificates::BulkReport,
        crate::services::certificates::Issued, crate::domain::completion::Checklist, crate::domain::completion::Item,
        attendance::SessionRef, attendance::RosterOut, attendance::MarkRequest, attendance::MarkOut,
        attendance::CheckinRequest, attendance::CheckinOut, crate::services::attendance::RosterRow,
        crate::services::attendance::Counts, crate::services::attendance::CheckinOutcome,
        crate::services::attendance_import::ImportReport, crate::services::attendance_import::ImportLine,
        survey::SubmitRequest, survey::AnswerIn, crate::services::survey::SurveyOut,
        crate::services::survey::QuestionOut, crate::services::survey::SurveyResults,
        crate::services::survey::QuestionResult, crate::services::survey::TextAnswer,
        crate::domain::survey::LikertSummary,
    )),
    tags(
        (name = "auth", description = "Sessions"), (name = "me", description = "The signed-in person"),
        (name = "catalogue", description = "Programs, editions, sessions and course content"),
        (name = "enrollment", description = "Applications, decisions and participant lists"),
        (name = "materials", description = "Files of an edition: upload, versions, download"),
        (name = "certificates", description = "Completion, certificates and their public verification"),
        (name = "attendance", description = "Session rosters, check-in codes and online attendance imports"),
        (name = "survey", description = "The feedback survey of an edition: questions, answers, results"),
    ),
    modifiers(&CommonErrors)
)]
pub struct ApiDoc;

/// The answers any operation can give besides its own, all with the error body: a body that
/// cannot be read (400), a path that matches no operation, or a body of a type the operation
/// does not take, which Rocket also answers with 404 (404), a body over the limit (413), a
/// multipart body where another type was expected (415), a path parameter of the wrong type
/// (422), and the database or file store not answering (503). Added where an operation does
/// not already describe them.
struct CommonErrors;

const COMMON_ERRORS: [(&str, &str); 6] = [
    ("400", "The body cannot be read (not JSON, or not the documented shape)"),
    ("404", "No such resource, or a body of another content type than the one documented"),
    ("413", "The body is larger than the operation takes"),
    ("415", "A body of a media type the operation does not take"),
    ("422", "A path parameter of the wrong type, or invalid fields"),
    ("503", "The database or the file store is not answering; nothing was changed"),
];

impl utoipa::Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
            for op in operations.into_iter().flatten() {
                for (status, description) in COMMON_ERRORS {
                    op.responses.responses.entry(status.to_string()).or_insert_with(|| {
                        let body = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
                        RefOr::T(
                            ResponseBuilder::new().description(description).content("application/json", body).build(),
                        )
                    });
                }
            }
        }
    }
}

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
    r.extend(catalogue::routes());
    r.extend(progress::routes());
    r.extend(enrollment::routes());
    r.extend(materials::routes());
    r.extend(certificates::routes());
    r.extend(attendance::routes());
    r.extend(survey::routes());
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
