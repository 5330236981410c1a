//! The feedback survey through the API: the questions (participants, trainers,
//! coordinators), a participant's answers (once), and the results (coordinators).

use std::collections::BTreeMap;

use rocket::http::Status;
use rocket::request::Request;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{Route, get, post, routes};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::SameSite;
use crate::error::{AppError, json_error};
use crate::i18n::t;
use crate::msg;
use crate::services::survey::{self as service, SubmitError, SurveyOut, SurveyResults};
use crate::state::AppState;
use crate::web::guards::{Coordinator, Lang, SignedIn};

pub fn routes() -> Vec<Route> {
    routes![questions, submit, results]
}

/// One answer: `likert` (1–5) for a scale question, `text` for a free-text one.
#[derive(Deserialize, ToSchema)]
pub struct AnswerIn {
    pub question_id: i64,
    pub likert: Option<i64>,
    pub text: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct SubmitRequest {
    pub answers: Vec<AnswerIn>,
}

/// The survey of an edition as the caller sees it.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/survey", tag = "survey",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "The questions in order, and whether the caller may still answer", body = SurveyOut),
              (status = 404, description = "No such edition, or the caller takes no part in it", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/survey")]
pub async fn questions(
    state: &rocket::State<AppState>,
    user: SignedIn,
    slug: &str,
) -> Result<Json<SurveyOut>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let (_, _, s) = service::view(&mut conn, slug, &user.0).await?;
    Ok(Json(s))
}

/// A refusal of a submission: the project's JSON error, with a message per question
/// (`fields`: `q_<question id>`) when answers were wrong.
pub enum Refusal {
    Answers(String, Value),
    Other(AppError),
}

impl<'r> Responder<'r, 'static> for Refusal {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        match self {
            Refusal::Answers(message, fields) => {
                json_error(Status::UnprocessableEntity, "invalid_input", &message, fields).respond_to(req)
            }
            Refusal::Other(e) => e.respond_to(req),
        }
    }
}

/// Answer the survey (participants of the edition, once). Required questions must be
/// answered; scale answers are 1 to 5; texts up to 2000 characters without control
/// characters.
#[utoipa::path(post, path = "/api/v1/editions/{slug}/survey", tag = "survey",
    params(("slug" = String, Path, description = "Edition slug")),
    request_body = SubmitRequest,
    responses((status = 204, description = "Recorded"),
              (status = 404, description = "No such edition, or the caller takes no part in it", body = super::ErrorBody),
              (status = 422, description = "Wrong answers (per question in `fields`), already answered, or not a participant", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/survey", format = "json", data = "<body>")]
pub async fn submit(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _s: SameSite,
    lang: Lang,
    slug: &str,
    body: Json<SubmitRequest>,
) -> Result<Status, Refusal> {
    let given: BTreeMap<i64, String> = body
        .answers
        .iter()
        .map(|a| (a.question_id, a.likert.map(|v| v.to_string()).or_else(|| a.text.clone()).unwrap_or_default()))
        .collect();
    match service::submit(state, &user.0, slug, &given).await {
        Ok(()) => Ok(Status::NoContent),
        Err(SubmitError::Answers(problems)) => {
            let fields: serde_json::Map<String, Value> =
                problems.iter().map(|p| (format!("q_{}", p.question_id), json!(t(lang.0, p.key)))).collect();
            Err(Refusal::Answers(t(lang.0, msg!("err-invalid-input")), Value::Object(fields)))
        }
        Err(SubmitError::Service(e)) => Err(Refusal::Other(e.into())),
    }
}

/// The results: per scale question the count of each value, the number of answers and the
/// mean; the text answers, with names only when the survey is not anonymous.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/survey/results", tag = "survey",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "The results", body = SurveyResults),
              (status = 404, description = "No such edition, or not a coordinator", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/survey/results")]
pub async fn results(
    state: &rocket::State<AppState>,
    c: Coordinator,
    slug: &str,
) -> Result<Json<SurveyResults>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let (_, r) = service::results(&mut conn, slug, &c.0).await?;
    Ok(Json(r))
}
