//! The feedback survey in the browser for participants: answer once; trainers and
//! coordinators see the same page without the send button.

use std::collections::BTreeMap;

use rocket::http::Status;
use rocket::response::{Flash, Redirect, Responder};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::csrf::CsrfForm;
use super::guards::SignedIn;
use super::present;
use super::view::Ctx;
use crate::domain::survey::{AnswerProblem, LIKERT_VALUES};
use crate::error::AppError;
use crate::msg;
use crate::services::survey::{self as service, SubmitError, SurveyOut};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![survey_page, submit]
}

fn survey_url(slug: &str) -> String {
    format!("/editions/{slug}/survey")
}

/// The answers a form sent: `q_<id>` → value.
fn answers_of(form: &BTreeMap<String, String>) -> BTreeMap<i64, String> {
    form.iter()
        .filter_map(|(k, v)| k.strip_prefix("q_").and_then(|id| id.parse::<i64>().ok()).map(|id| (id, v.clone())))
        .collect()
}

fn questions_json(
    ctx: &Ctx<'_>,
    s: &SurveyOut,
    given: &BTreeMap<i64, String>,
    problems: &[AnswerProblem],
) -> Vec<Value> {
    s.questions
        .iter()
        .map(|q| {
            let value = given.get(&q.id).cloned().unwrap_or_default();
            json!({
                "id": q.id,
                "field": format!("q_{}", q.id),
                "likert": q.kind == "likert",
                "prompt": q.prompt,
                "required": q.required,
                "value": value,
                "error": problems.iter().find(|p| p.question_id == q.id).map(|p| ctx.t(p.key)),
                "options": LIKERT_VALUES.iter().map(|v| json!({
                    "value": v,
                    "label": ctx.t(&format!("survey-scale-{v}")),
                    "checked": value.trim() == v.to_string(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

async fn page(
    ctx: &Ctx<'_>,
    user: &SignedIn,
    slug: &str,
    given: &BTreeMap<i64, String>,
    problems: &[AnswerProblem],
) -> Result<Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let (ed, access, s) = service::view(&mut conn, slug, &user.0).await?;
    Ok(json!({
        "edition": present::edition(&ed, ctx.lang, None),
        "questions": questions_json(ctx, &s, given, problems),
        "has_questions": !s.questions.is_empty(),
        "anonymous": s.anonymous,
        "submitted_on": s.submitted_at.as_ref().and_then(|t| t.get(..10)),
        "can_answer": s.can_answer,
        "preview": access.can_teach(),
        "has_errors": !problems.is_empty(),
        "page_title": ctx.t("survey-title"),
    }))
}

#[get("/editions/<slug>/survey")]
async fn survey_page(ctx: Ctx<'_>, user: SignedIn, slug: &str) -> Result<HtmlPage, AppError> {
    let data = page(&ctx, &user, slug, &BTreeMap::new(), &[]).await?;
    Ok(ctx.render("survey/form", data))
}

#[derive(Responder)]
// One value per response, built once: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Answered {
    Done(Flash<Redirect>),
    Form((Status, HtmlPage)),
}

#[post("/editions/<slug>/survey", data = "<form>")]
async fn submit(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    form: CsrfForm<BTreeMap<String, String>>,
) -> Result<Answered, AppError> {
    let given = answers_of(&form.0);
    match service::submit(ctx.state, &user.0, slug, &given).await {
        Ok(()) => Ok(Answered::Done(ctx.flash_success(survey_url(slug), msg!("flash-survey-submitted")))),
        Err(SubmitError::Answers(problems)) => {
            let data = page(&ctx, &user, slug, &given, &problems).await?;
            Ok(Answered::Form(ctx.render_status(Status::UnprocessableEntity, "survey/form", data)))
        }
        Err(SubmitError::Service(e)) => {
            let r: crate::services::ServiceResult<()> = Err(e);
            Ok(Answered::Done(ctx.flash_outcome(survey_url(slug), r, msg!("flash-survey-submitted"))?))
        }
    }
}
