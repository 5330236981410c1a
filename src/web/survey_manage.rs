//! Coordinators write an edition's feedback survey (questions, order, anonymity) and read
//! its results.

use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::json;

use super::csrf::CsrfForm;
use super::guards::Coordinator;
use super::manage::NoFields;
use super::present;
use super::view::Ctx;
use crate::domain::survey::{KINDS, LIKERT_VALUES, QuestionInput};
use crate::error::AppError;
use crate::msg;
use crate::services::survey as service;
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![manage_page, add_question, move_question, remove_question, settings, results]
}

fn manage_url(slug: &str) -> String {
    format!("/manage/editions/{slug}/survey")
}

#[get("/manage/editions/<slug>/survey")]
async fn manage_page(ctx: Ctx<'_>, c: Coordinator, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let m = service::manage(&mut conn, slug, &c.0).await?;
    let participants = crate::repo::attendance::participants(&mut conn, m.edition.id).await?.len();
    let last = m.questions.len().saturating_sub(1);
    Ok(ctx.render(
        "survey/manage",
        json!({
            "edition": present::edition(&m.edition, ctx.lang, None),
            "questions": m.questions.iter().enumerate().map(|(i, q)| json!({
                "id": q.id,
                "number": i + 1,
                "prompt": q.prompt,
                "kind_name": ctx.t(&format!("survey-kind-{}", q.kind)),
                "required": q.required != 0,
                "first": i == 0,
                "last": i == last,
            })).collect::<Vec<_>>(),
            "kinds": KINDS.iter().map(|k| json!({ "code": k, "name": ctx.t(&format!("survey-kind-{k}")) })).collect::<Vec<_>>(),
            "anonymous": m.anonymous,
            "submissions": m.submissions,
            "participants": participants,
            "locked": m.submissions > 0,
            "page_title": ctx.t("survey-manage-title"),
        }),
    ))
}

#[post("/manage/editions/<slug>/survey/questions", data = "<form>")]
async fn add_question(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<QuestionInput>,
) -> Result<Flash<Redirect>, AppError> {
    let r = service::add_question(ctx.state, &c.0, slug, &form.0).await;
    ctx.flash_outcome(manage_url(slug), r, msg!("flash-survey-saved"))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    direction: String,
}

#[post("/manage/editions/<slug>/survey/questions/<id>/move", data = "<form>")]
async fn move_question(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    id: i64,
    form: CsrfForm<MoveForm>,
) -> Result<Flash<Redirect>, AppError> {
    let up = form.0.direction == "up";
    let r = service::move_question(ctx.state, &c.0, slug, id, up).await;
    ctx.flash_outcome(manage_url(slug), r, msg!("flash-survey-saved"))
}

#[post("/manage/editions/<slug>/survey/questions/<id>/delete", data = "<_form>")]
async fn remove_question(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    id: i64,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    let r = service::remove_question(ctx.state, &c.0, slug, id).await;
    ctx.flash_outcome(manage_url(slug), r, msg!("flash-survey-question-removed"))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SettingsForm {
    anonymous: String,
}

#[post("/manage/editions/<slug>/survey/settings", data = "<form>")]
async fn settings(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<SettingsForm>,
) -> Result<Flash<Redirect>, AppError> {
    let anonymous = matches!(form.0.anonymous.as_str(), "1" | "on" | "true");
    let r = service::set_anonymous(ctx.state, &c.0, slug, anonymous).await;
    ctx.flash_outcome(manage_url(slug), r, msg!("flash-survey-saved"))
}

#[get("/manage/editions/<slug>/survey/results")]
async fn results(ctx: Ctx<'_>, c: Coordinator, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let (ed, r) = service::results(&mut conn, slug, &c.0).await?;
    let questions: Vec<serde_json::Value> = r
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let likert = q.likert.as_ref().map(|l| {
                json!({
                    "answers": l.answers,
                    "mean": l.mean.map(|m| format!("{m:.2}")),
                    "rows": LIKERT_VALUES.iter().zip(l.counts).map(|(v, n)| json!({
                        "value": v,
                        "label": ctx.t(&format!("survey-scale-{v}")),
                        "count": n,
                        // The bar's scale: the answers, at least one so an empty bar still draws.
                        "max": l.answers.max(1),
                    })).collect::<Vec<_>>(),
                })
            });
            json!({
                "number": i + 1,
                "prompt": q.question.prompt,
                "likert": likert,
                "texts": q.texts,
                "is_text": q.question.kind == "text",
            })
        })
        .collect();
    Ok(ctx.render(
        "survey/results",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "anonymous": r.anonymous,
            "submissions": r.submissions,
            "participants": r.participants,
            "questions": questions,
            "page_title": ctx.t("survey-results-title"),
        }),
    ))
}
