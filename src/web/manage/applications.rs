//! The coordinators' queue of applications: filters, counts against capacity and quota,
//! decisions on one or many, invitations, and participant lists from CSV.

use std::collections::BTreeMap;

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{ContentType, Status};
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::Page;
use crate::domain::enrollment::{DECISIONS, STATES};
use crate::domain::organisation::ORGANISATION_TYPES;
use crate::domain::{countries, roster};
use crate::error::AppError;
use crate::msg;
use crate::repo::enrollments as repo;
use crate::services::enrollment::{self, Decision};
use crate::services::{ServiceError, invitations, learning, roster as lists};
use crate::web::csrf::{self, CsrfForm, SameOrigin};
use crate::web::guards::Coordinator;
use crate::web::page::HtmlPage;
use crate::web::present;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![queue, decide, invite, import_page, upload, confirm, template, add_question, remove_question]
}

fn queue_url(slug: &str) -> String {
    format!("/manage/editions/{slug}/applications")
}

#[get("/manage/editions/<slug>/applications?<state>&<country>&<region>&<org_type>")]
async fn queue(
    ctx: Ctx<'_>,
    _c: Coordinator,
    slug: &str,
    state: Option<&str>,
    country: Option<&str>,
    region: Option<&str>,
    org_type: Option<&str>,
) -> Result<HtmlPage, AppError> {
    let (state, country, region, org_type) = (
        state.unwrap_or_default(),
        country.unwrap_or_default(),
        region.unwrap_or_default(),
        org_type.unwrap_or_default(),
    );
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let all = repo::of_edition(&mut conn, ed.id).await?;
    let mut by_state: BTreeMap<&str, usize> = STATES.iter().map(|s| (*s, 0)).collect();
    let mut seats_by_country: BTreeMap<String, usize> = BTreeMap::new();
    for e in &all {
        *by_state.entry(e.state.as_str()).or_default() += 1;
        if e.holds_seat != 0 {
            *seats_by_country.entry(e.country.clone()).or_default() += 1;
        }
    }
    let questions = repo::questions_of(&mut conn, ed.id).await?;
    // Places in line from one read of the waiting list, not one query per row.
    let positions: BTreeMap<i64, usize> =
        repo::waitlist(&mut conn, ed.id).await?.iter().enumerate().map(|(i, e)| (e.id, i + 1)).collect();
    let region_of = |c: &str| countries::find(c).map_or("", |c| c.region);
    let mut rows = Vec::new();
    for e in all.iter().filter(|e| {
        (state.is_empty() || e.state == state)
            && (country.is_empty() || e.country == country)
            && (region.is_empty() || region_of(&e.country) == region)
            && (org_type.is_empty() || e.organisation_type == org_type)
    }) {
        let position = positions.get(&e.id).copied();
        let given: BTreeMap<String, String> = serde_json::from_str(&e.answers).unwrap_or_default();
        let answers: Vec<Value> = questions
            .iter()
            .filter_map(|q| given.get(&q.id.to_string()).map(|a| json!({ "label": q.label, "answer": a })))
            .collect();
        rows.push(json!({
            "id": e.id, "name": e.display_name, "email": e.email, "latin": e.certificate_name_latin,
            "native": e.certificate_name_native, "organisation": e.organisation,
            "organisation_type": if e.organisation_type.is_empty() { String::new() } else { ctx.t(&format!("org-type-{}", e.organisation_type)) },
            "country": countries::find(&e.country).map_or(e.country.clone(), |c| c.name(ctx.lang).to_string()),
            "state": e.state, "state_text": ctx.t(&format!("application-state-{}", e.state)),
            "position": position,
            "reason": if e.waitlist_reason.is_empty() { String::new() } else { ctx.t(&format!("waitlist-reason-{}", e.waitlist_reason)) },
            "motivation": e.motivation, "submitted_at": e.submitted_at,
            "answers": answers,
        }));
    }
    let options = |list: Vec<(String, String)>, chosen: &str| -> Vec<Value> {
        list.into_iter().map(|(code, name)| json!({ "code": code, "name": name, "selected": code == chosen })).collect()
    };
    let quota_rows: Vec<Value> = seats_by_country
        .iter()
        .map(|(c, n)| json!({ "country": countries::find(c).map_or(c.clone(), |x| x.name(ctx.lang).to_string()), "taken": n, "full": ed.country_quota.is_some_and(|q| i64::try_from(*n).unwrap_or(0) >= q) }))
        .collect();
    Ok(ctx.render(
        "manage/applications",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "seats_taken": ed.seats_taken,
            "seats_free": (ed.capacity - ed.seats_taken).max(0),
            "quota": ed.country_quota,
            "quota_rows": quota_rows,
            "counts": by_state.iter().map(|(s, n)| json!({ "state": s, "name": ctx.t(&format!("application-state-{s}")), "count": n })).collect::<Vec<_>>(),
            "rows": rows,
            "states": options(STATES.iter().map(|s| ((*s).to_string(), ctx.t(&format!("application-state-{s}")))).collect(), state),
            "regions": options(countries::REGIONS.iter().map(|r| ((*r).to_string(), ctx.t(&format!("region-{r}")))).collect(), region),
            "org_types": options(ORGANISATION_TYPES.iter().map(|o| ((*o).to_string(), ctx.t(&format!("org-type-{o}")))).collect(), org_type),
            "countries": options(countries::sorted_for(ctx.lang).iter().map(|(c, n)| ((*c).to_string(), (*n).to_string())).collect(), country),
            "questions": questions.iter().map(|q| json!({ "id": q.id, "label": q.label, "kind": ctx.t(&format!("question-kind-{}", q.kind)), "required": q.required != 0, "choices": q.choice_list().join(" · ") })).collect::<Vec<_>>(),
            "question_kinds": crate::domain::questions::KINDS.iter().map(|k| json!({ "code": k, "name": ctx.t(&format!("question-kind-{k}")) })).collect::<Vec<_>>(),
            "decisions": DECISIONS.iter().map(|d| json!({ "code": d, "name": ctx.t(&format!("decision-{d}")) })).collect::<Vec<_>>(),
            "page_title": ctx.t("applications-title"),
        }),
    ))
}

#[post("/manage/editions/<slug>/applications/decide", data = "<form>")]
async fn decide(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<Decision>,
) -> Result<Flash<Redirect>, AppError> {
    let r = enrollment::decide(ctx.state, &c.0, slug, &form.0).await;
    ctx.flash_outcome(queue_url(slug), r, msg!("flash-decision-saved"))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    email: String,
    skip_review: String,
}

#[post("/manage/editions/<slug>/invitations", data = "<form>")]
async fn invite(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<InviteForm>,
) -> Result<Flash<Redirect>, AppError> {
    let skip = matches!(form.0.skip_review.as_str(), "1" | "on" | "true");
    let r = invitations::invite(ctx.state, &c.0, slug, &form.0.email, skip).await;
    ctx.flash_outcome(queue_url(slug), r, msg!("flash-invitation-sent"))
}

#[get("/manage/editions/<slug>/import")]
async fn import_page(ctx: Ctx<'_>, _c: Coordinator, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    Ok(ctx.render("manage/import", json!({ "edition": present::edition(&ed, ctx.lang, None), "preview": null, "error": null, "columns": roster::COLUMNS })))
}

#[derive(FromForm)]
struct Upload<'r> {
    csrf_token: Option<String>,
    file: TempFile<'r>,
}

#[post("/manage/editions/<slug>/import", data = "<form>")]
async fn upload(
    ctx: Ctx<'_>,
    c: Coordinator,
    _o: SameOrigin,
    slug: &str,
    form: Form<Upload<'_>>,
) -> Result<(Status, HtmlPage), AppError> {
    if !form.csrf_token.as_deref().is_some_and(|t| csrf::verify(ctx.cookies, t)) {
        return Err(AppError::Refused(Status::Forbidden, msg!("err-csrf")));
    }
    let mut bytes = Vec::new();
    if let Ok(mut f) = form.file.open().await {
        use rocket::tokio::io::AsyncReadExt;
        f.read_to_end(&mut bytes).await.map_err(|e| AppError::Internal(e.to_string()))?;
    }
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    drop(conn);
    let edition = present::edition(&ed, ctx.lang, None);
    let text = match roster::decode(&bytes).and_then(|t| roster::parse(&t).map(|_| t)) {
        Ok(t) => t,
        Err(p) => {
            let data = json!({ "edition": edition, "preview": null, "error": lists::file_message(ctx.lang, &p), "columns": roster::COLUMNS });
            return Ok(ctx.render_status(Status::UnprocessableEntity, "manage/import", data));
        }
    };
    let preview = lists::preview(ctx.state, &c.0, slug, text.as_bytes(), ctx.lang).await?;
    let status = if preview.invalid > 0 { Status::UnprocessableEntity } else { Status::Ok };
    Ok(ctx.render_status(
        status,
        "manage/import",
        json!({ "edition": edition, "preview": preview, "error": null, "columns": roster::COLUMNS }),
    ))
}

#[post("/manage/editions/<slug>/import/<upload>/confirm", data = "<_form>")]
async fn confirm(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    upload: i64,
    _form: CsrfForm<super::NoFields>,
) -> Result<Page, AppError> {
    match lists::confirm(ctx.state, &c.0, slug, upload).await {
        Ok(r) => {
            let text = crate::i18n::t_args(
                ctx.lang,
                "flash-import-done",
                &[
                    ("created", crate::i18n::FluentValue::from(r.accounts_created)),
                    ("enrolled", crate::i18n::FluentValue::from(r.enrolled)),
                    ("waitlisted", crate::i18n::FluentValue::from(r.waitlisted)),
                    ("skipped", crate::i18n::FluentValue::from(r.skipped)),
                ],
            );
            Ok(Page::Done(Flash::success(Redirect::to(queue_url(slug)), text)))
        }
        Err(ServiceError::Refused(key)) => {
            Ok(Page::Done(ctx.flash_error(format!("/manage/editions/{slug}/import"), key)))
        }
        Err(e) => Err(e.into()),
    }
}

#[get("/manage/editions/<_slug>/import/template.csv")]
fn template(_c: Coordinator, _slug: &str) -> (ContentType, String) {
    (ContentType::CSV, roster::template())
}

#[post("/manage/editions/<slug>/questions", data = "<form>")]
async fn add_question(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<crate::domain::questions::QuestionInput>,
) -> Result<Flash<Redirect>, AppError> {
    let r = enrollment::add_question(ctx.state, &c.0, slug, &form.0).await;
    ctx.flash_outcome(queue_url(slug), r, msg!("flash-question-added"))
}

#[post("/manage/editions/<slug>/questions/<id>/delete", data = "<_form>")]
async fn remove_question(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    id: i64,
    _form: CsrfForm<super::NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    enrollment::remove_question(ctx.state, &c.0, slug, id).await?;
    Ok(ctx.flash_success(queue_url(slug), msg!("flash-question-removed")))
}
