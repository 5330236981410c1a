//! Trainers of an edition (and coordinators) list, add, change and remove its sessions.
//! Everyone else gets "not found", as if the pages did not exist.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::{NoFields, Page};
use crate::domain::FieldErrors;
use crate::domain::edition::{SESSION_KINDS, SessionInput};
use crate::domain::schedule;
use crate::error::AppError;
use crate::msg;
use crate::repo::programs::Edition;
use crate::repo::{library, schedule as sessions};
use crate::services::{ServiceError, sessions_admin};
use crate::web::catalogue::sessions_json;
use crate::web::csrf::CsrfForm;
use crate::web::guards::SignedIn;
use crate::web::page::HtmlPage;
use crate::web::present;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![list, new_form, create, edit_form, update, delete]
}

const FIELDS: [&str; 8] = ["title", "kind", "starts_at", "ends_at", "room", "online_url", "module", "trainers"];

#[get("/manage/editions/<slug>/sessions")]
async fn list(ctx: Ctx<'_>, user: SignedIn, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = sessions_admin::teachable(&mut conn, slug, &user.0).await?;
    let timetable = ctx.content(&mut conn).await?.timetable(&mut conn, ed.id).await?;
    let mut rows = sessions_json(&ed, &timetable, None);
    let counts = crate::services::attendance::counts_by_session(&mut conn, ed.id).await?;
    for r in &mut rows {
        let c = r["id"].as_i64().and_then(|id| counts.get(&id)).copied().unwrap_or_default();
        r["attendance"] = json!(c);
    }
    Ok(ctx.render(
        "manage/sessions",
        json!({ "edition": present::edition(&ed, ctx.lang, None), "timetable": present::timetable(rows) }),
    ))
}

async fn form_page(
    ctx: &Ctx<'_>,
    ed: &Edition,
    input: &SessionInput,
    errors: &FieldErrors,
    action: String,
    is_new: bool,
) -> Result<Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let modules = library::course_modules(&mut conn, ed.id, ctx.lang).await?;
    let trainers = sessions::trainers(&mut conn, ed.id).await?;
    Ok(json!({
        "edition": present::edition(ed, ctx.lang, None),
        "form": input,
        "form_action": action,
        "is_new": is_new,
        "errors": ctx.errors(&FIELDS, errors),
        "kinds": SESSION_KINDS.iter().map(|k| json!({ "code": k, "name": ctx.t(&format!("session-kind-{k}")), "selected": *k == input.kind })).collect::<Vec<_>>(),
        "modules": modules.iter().map(|m| json!({ "code": m.slug, "name": m.title, "selected": m.slug == input.module })).collect::<Vec<_>>(),
        "trainers": trainers.iter().map(|t| {
            let id = t.user_id.to_string();
            json!({ "code": id, "name": t.display_name, "checked": input.trainers.contains(&id) })
        }).collect::<Vec<_>>(),
        "starts_value": input.starts_at.replacen(' ', "T", 1),
        "ends_value": input.ends_at.replacen(' ', "T", 1),
        "date_min": format!("{}T00:00", ed.starts_on),
        "date_max": format!("{}T23:59", ed.ends_on),
        "delete_action": null,
    }))
}

#[get("/manage/editions/<slug>/sessions/new")]
async fn new_form(ctx: Ctx<'_>, user: SignedIn, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = sessions_admin::teachable(&mut conn, slug, &user.0).await?;
    drop(conn);
    let input = SessionInput {
        kind: "lecture".into(),
        starts_at: format!("{} 09:30", ed.starts_on),
        ends_at: format!("{} 11:00", ed.starts_on),
        ..SessionInput::default()
    };
    let action = format!("/manage/editions/{slug}/sessions/new");
    let data = form_page(&ctx, &ed, &input, &FieldErrors::new(), action, true).await?;
    Ok(ctx.render("manage/session_form", data))
}

/// Saves the form; with errors, answers the form again (422) with the values typed.
async fn save(
    ctx: &Ctx<'_>,
    user: &SignedIn,
    slug: &str,
    id: Option<i64>,
    input: &SessionInput,
) -> Result<Page, AppError> {
    match sessions_admin::save(ctx.state, &user.0, slug, id, input).await {
        Ok(_) => {
            Ok(Page::Done(ctx.flash_success(format!("/manage/editions/{slug}/sessions"), msg!("flash-session-saved"))))
        }
        Err(ServiceError::Invalid(errors)) => {
            let mut conn = ctx.state.db.pool.acquire().await?;
            let ed = sessions_admin::teachable(&mut conn, slug, &user.0).await?;
            drop(conn);
            let action = match id {
                Some(id) => format!("/manage/editions/{slug}/sessions/{id}/edit"),
                None => format!("/manage/editions/{slug}/sessions/new"),
            };
            let data = form_page(ctx, &ed, input, &errors, action, id.is_none()).await?;
            Ok(Page::Form(ctx.render_status(Status::UnprocessableEntity, "manage/session_form", data)))
        }
        Err(e) => Err(e.into()),
    }
}

#[post("/manage/editions/<slug>/sessions/new", data = "<form>")]
async fn create(ctx: Ctx<'_>, user: SignedIn, slug: &str, form: CsrfForm<SessionInput>) -> Result<Page, AppError> {
    save(&ctx, &user, slug, None, &form.0).await
}

#[get("/manage/editions/<slug>/sessions/<id>/edit")]
async fn edit_form(ctx: Ctx<'_>, user: SignedIn, slug: &str, id: i64) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = sessions_admin::teachable(&mut conn, slug, &user.0).await?;
    let s = sessions::by_id(&mut conn, ed.id, id).await?.ok_or(AppError::NotFound)?;
    let trainers: Vec<String> = sessions::trainers_of_sessions(&mut conn, ed.id)
        .await?
        .iter()
        .filter(|(sid, _, _)| *sid == id)
        .map(|(_, uid, _)| uid.to_string())
        .collect();
    drop(conn);
    let input = SessionInput {
        title: s.title.clone(),
        kind: s.kind.clone(),
        starts_at: schedule::local_text(s.start(), &ed.time_zone),
        ends_at: schedule::local_text(s.end(), &ed.time_zone),
        room: s.room.clone(),
        online_url: s.online_url.clone(),
        module: s.module_slug.clone().unwrap_or_default(),
        trainers,
    };
    let action = format!("/manage/editions/{slug}/sessions/{id}/edit");
    let mut data = form_page(&ctx, &ed, &input, &FieldErrors::new(), action, false).await?;
    data["delete_action"] = json!(format!("/manage/editions/{slug}/sessions/{id}/delete"));
    Ok(ctx.render("manage/session_form", data))
}

#[post("/manage/editions/<slug>/sessions/<id>/edit", data = "<form>")]
async fn update(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    id: i64,
    form: CsrfForm<SessionInput>,
) -> Result<Page, AppError> {
    save(&ctx, &user, slug, Some(id), &form.0).await
}

#[post("/manage/editions/<slug>/sessions/<id>/delete", data = "<_form>")]
async fn delete(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    id: i64,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    sessions_admin::delete(ctx.state, &user.0, slug, id).await?;
    Ok(ctx.flash_success(format!("/manage/editions/{slug}/sessions"), msg!("flash-session-deleted")))
}
