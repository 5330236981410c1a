//! Coordinators list, create, edit and clone editions and assign their trainers.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::Page;
use crate::domain::FieldErrors;
use crate::domain::edition::{ADMISSION_MODES, EditionInput, MODES};
use crate::domain::languages::LANGUAGES;
use crate::domain::{countries, time_zone};
use crate::error::AppError;
use crate::msg;
use crate::repo::{library, programs, schedule};
use crate::services::editions_admin::{self, CloneInput};
use crate::services::{ServiceError, learning};
use crate::web::csrf::CsrfForm;
use crate::web::guards::Coordinator;
use crate::web::page::HtmlPage;
use crate::web::present;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![list, new_form, create, edit_form, update, clone_form, clone, add_trainer, remove_trainer]
}

const EDITION_FIELDS: [&str; 22] = [
    "program",
    "slug",
    "number",
    "title",
    "theme",
    "summary",
    "starts_on",
    "ends_on",
    "venue",
    "city",
    "country",
    "time_zone",
    "mode",
    "capacity",
    "working_languages",
    "applications_open",
    "applications_close",
    "admission_mode",
    "sequential",
    "modules",
    "offer_hours",
    "country_quota",
];

#[get("/manage/editions")]
async fn list(ctx: Ctx<'_>, _c: Coordinator) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let rows: Vec<Value> =
        programs::all_editions(&mut conn).await?.iter().rev().map(|e| present::edition(e, ctx.lang, None)).collect();
    Ok(ctx.render("manage/editions", json!({ "editions": rows })))
}

/// The edition form with its choices, the values typed and the field errors.
async fn edition_form(
    ctx: &Ctx<'_>,
    input: &EditionInput,
    errors: &FieldErrors,
    action: &str,
    is_new: bool,
) -> Result<Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let program_list = programs::all_programs(&mut conn).await?;
    let modules = library::library(&mut conn, ctx.lang).await?;
    let selected = |list: &[String], code: &str| list.iter().any(|x| x == code);
    Ok(json!({
        "form": input,
        "form_action": action,
        "is_new": is_new,
        "errors": ctx.errors(&EDITION_FIELDS, errors),
        "programs": program_list.iter().map(|p| json!({ "code": p.slug, "name": p.name, "selected": p.slug == input.program })).collect::<Vec<_>>(),
        "modes": MODES.iter().map(|m| json!({ "code": m, "name": ctx.t(&format!("mode-{m}")), "selected": *m == input.mode })).collect::<Vec<_>>(),
        "admission_modes": ADMISSION_MODES.iter().map(|m| json!({ "code": m, "name": ctx.t(&format!("admission-{m}")), "selected": *m == input.admission_mode })).collect::<Vec<_>>(),
        "languages": LANGUAGES.iter().map(|(c, n)| json!({ "code": c, "name": n, "checked": selected(&input.working_languages, c) })).collect::<Vec<_>>(),
        "modules": modules.iter().map(|(_, slug, title)| json!({ "code": slug, "name": title, "checked": selected(&input.modules, slug) })).collect::<Vec<_>>(),
        "countries": countries::sorted_for(ctx.lang).iter().map(|(c, n)| json!({ "code": c, "name": n, "selected": *c == input.country })).collect::<Vec<_>>(),
        "time_zones": time_zone::all_names(),
        "applications_open_value": input.applications_open.replacen(' ', "T", 1),
        "applications_close_value": input.applications_close.replacen(' ', "T", 1),
        "sequential_checked": !input.sequential.is_empty(),
    }))
}

#[get("/manage/editions/new")]
async fn new_form(ctx: Ctx<'_>, _c: Coordinator) -> Result<HtmlPage, AppError> {
    let input = EditionInput {
        time_zone: "Asia/Seoul".into(),
        country: "KR".into(),
        city: "Daejeon".into(),
        mode: "blended".into(),
        admission_mode: "reviewed".into(),
        working_languages: vec!["en".into()],
        ..EditionInput::default()
    };
    let data = edition_form(&ctx, &input, &FieldErrors::new(), "/manage/editions/new", true).await?;
    Ok(ctx.render("manage/edition_form", data))
}

#[post("/manage/editions/new", data = "<form>")]
async fn create(ctx: Ctx<'_>, c: Coordinator, form: CsrfForm<EditionInput>) -> Result<Page, AppError> {
    match editions_admin::create(ctx.state, &c.0, &form.0).await {
        Ok(e) => Ok(Page::Done(ctx.flash_success(format!("/editions/{}", e.slug), msg!("flash-edition-saved")))),
        Err(ServiceError::Invalid(errors)) => {
            let data = edition_form(&ctx, &form.0, &errors, "/manage/editions/new", true).await?;
            Ok(Page::Form(ctx.render_status(Status::UnprocessableEntity, "manage/edition_form", data)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The edit page: the form plus the edition's trainers.
async fn edit_page(
    ctx: &Ctx<'_>,
    slug: &str,
    input: Option<&EditionInput>,
    errors: &FieldErrors,
) -> Result<Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let stored = match input {
        Some(_) => None,
        None => Some(editions_admin::input_of(&mut conn, &ed).await?),
    };
    let trainers = schedule::trainers(&mut conn, ed.id).await?;
    drop(conn);
    let input = input.or(stored.as_ref()).ok_or(AppError::NotFound)?;
    let mut data = edition_form(ctx, input, errors, &format!("/manage/editions/{slug}/edit"), false).await?;
    data["edition"] = present::edition(&ed, ctx.lang, None);
    data["trainers"] = json!(
        trainers
            .iter()
            .map(|t| json!({ "id": t.user_id, "display_name": t.display_name, "email": t.email }))
            .collect::<Vec<_>>()
    );
    Ok(data)
}

#[get("/manage/editions/<slug>/edit")]
async fn edit_form(ctx: Ctx<'_>, _c: Coordinator, slug: &str) -> Result<HtmlPage, AppError> {
    let data = edit_page(&ctx, slug, None, &FieldErrors::new()).await?;
    Ok(ctx.render("manage/edition_form", data))
}

#[post("/manage/editions/<slug>/edit", data = "<form>")]
async fn update(ctx: Ctx<'_>, c: Coordinator, slug: &str, form: CsrfForm<EditionInput>) -> Result<Page, AppError> {
    match editions_admin::update(ctx.state, &c.0, slug, &form.0).await {
        Ok(e) => Ok(Page::Done(ctx.flash_success(format!("/editions/{}", e.slug), msg!("flash-edition-saved")))),
        Err(ServiceError::Invalid(errors)) => {
            let data = edit_page(&ctx, slug, Some(&form.0), &errors).await?;
            Ok(Page::Form(ctx.render_status(Status::UnprocessableEntity, "manage/edition_form", data)))
        }
        Err(e) => Err(e.into()),
    }
}

fn clone_page(ctx: &Ctx<'_>, source: Value, input: &CloneInput, errors: &FieldErrors) -> Value {
    json!({
        "edition": source,
        "form": input,
        "errors": ctx.errors(&["slug", "number", "title", "starts_on"], errors),
    })
}

#[get("/manage/editions/<slug>/clone")]
async fn clone_form(ctx: Ctx<'_>, _c: Coordinator, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let input = CloneInput { number: (ed.number + 1).to_string(), title: ed.title.clone(), ..CloneInput::default() };
    Ok(ctx.render(
        "manage/edition_clone",
        clone_page(&ctx, present::edition(&ed, ctx.lang, None), &input, &FieldErrors::new()),
    ))
}

#[post("/manage/editions/<slug>/clone", data = "<form>")]
async fn clone(ctx: Ctx<'_>, c: Coordinator, slug: &str, form: CsrfForm<CloneInput>) -> Result<Page, AppError> {
    match editions_admin::clone(ctx.state, &c.0, slug, &form.0).await {
        Ok(e) => {
            Ok(Page::Done(ctx.flash_success(format!("/manage/editions/{}/edit", e.slug), msg!("flash-edition-cloned"))))
        }
        Err(ServiceError::Invalid(errors)) => {
            let mut conn = ctx.state.db.pool.acquire().await?;
            let ed = learning::edition(&mut conn, slug).await?;
            let data = clone_page(&ctx, present::edition(&ed, ctx.lang, None), &form.0, &errors);
            Ok(Page::Form(ctx.render_status(Status::UnprocessableEntity, "manage/edition_clone", data)))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct TrainerForm {
    email: String,
}

#[post("/manage/editions/<slug>/trainers", data = "<form>")]
async fn add_trainer(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<TrainerForm>,
) -> Result<Flash<Redirect>, AppError> {
    let back = format!("/manage/editions/{slug}/edit");
    let r = editions_admin::add_trainer(ctx.state, &c.0, slug, &form.0.email).await;
    ctx.flash_outcome(back, r, msg!("flash-trainer-added"))
}

#[post("/manage/editions/<slug>/trainers/<user>/remove", data = "<_form>")]
async fn remove_trainer(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    user: i64,
    _form: CsrfForm<super::NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    editions_admin::remove_trainer(ctx.state, &c.0, slug, user).await?;
    Ok(ctx.flash_success(format!("/manage/editions/{slug}/edit"), msg!("flash-trainer-removed")))
}
