//! A participant's application to an edition: the form (prefilled from the profile), its
//! state with waitlist position or offer deadline, withdrawing and taking up an offer.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::csrf::CsrfForm;
use super::guards::SignedIn;
use super::manage::{NoFields, Page};
use super::present;
use super::view::Ctx;
use crate::db::Timestamp;
use crate::domain::enrollment::ApplicationInput;
use crate::domain::organisation::ORGANISATION_TYPES;
use crate::domain::{FieldErrors, countries, schedule};
use crate::error::AppError;
use crate::msg;
use crate::services::{ServiceError, enrollment, learning};

pub fn routes() -> Vec<Route> {
    routes![application_page, submit, withdraw, accept_offer]
}

const FIELDS: [&str; 10] = [
    "form",
    "answers",
    "certificate_name_latin",
    "certificate_name_native",
    "organisation",
    "organisation_type",
    "country",
    "position",
    "motivation",
    "invitation",
];

fn page_url(slug: &str) -> String {
    format!("/editions/{slug}/application")
}

/// The page: the form (to apply, or to edit while allowed) and the current state.
async fn page(
    ctx: &Ctx<'_>,
    user: &SignedIn,
    slug: &str,
    input: Option<&ApplicationInput>,
    errors: &FieldErrors,
    invitation: &str,
) -> Result<Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let mine = enrollment::mine(&mut conn, &ed, &user.0).await?;
    let stored = mine.as_ref().map(|(e, _)| ApplicationInput {
        certificate_name_latin: e.certificate_name_latin.clone(),
        certificate_name_native: e.certificate_name_native.clone(),
        organisation: e.organisation.clone(),
        organisation_type: e.organisation_type.clone(),
        country: e.country.clone(),
        position: e.position.clone(),
        motivation: e.motivation.clone(),
        consent_listed: if e.consent_listed != 0 { "1".into() } else { String::new() },
        consent_photos: if e.consent_photos != 0 { "1".into() } else { String::new() },
        consent_contact: if e.consent_contact != 0 { "1".into() } else { String::new() },
        invitation: String::new(),
        answers: serde_json::from_str::<std::collections::BTreeMap<String, String>>(&e.answers)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, a)| (format!("q_{id}"), a))
            .collect(),
    });
    let p = &user.0.profile;
    let from_profile = ApplicationInput {
        certificate_name_latin: p.certificate_name_latin.clone(),
        certificate_name_native: p.certificate_name_native.clone(),
        organisation: p.organisation.clone(),
        organisation_type: p.organisation_type.clone(),
        country: p.country.clone(),
        position: p.position.clone(),
        invitation: invitation.to_string(),
        ..ApplicationInput::default()
    };
    let form = input.cloned().or(stored).unwrap_or(from_profile);
    let questions = crate::repo::enrollments::questions_of(&mut conn, ed.id).await?;
    // Each question's own problem, when the form came back with errors.
    let problems: Vec<(String, &'static str)> = if errors.for_field("answers").is_some() {
        crate::domain::questions::check_answers(&questions, &form.answers).err().unwrap_or_default()
    } else {
        Vec::new()
    };
    let question_rows: Vec<Value> = questions
        .iter()
        .map(|q| {
            let field = q.field();
            let value = form.answers.get(&field).cloned().unwrap_or_default();
            json!({
                "field": field, "label": q.label, "required": q.required != 0,
                "is_short": q.kind == "short", "is_long": q.kind == "long", "is_choice": q.kind == "choice",
                "choices": q.choice_list().iter().map(|c| json!({ "value": c, "selected": *c == value })).collect::<Vec<_>>(),
                "value": value,
                "error": problems.iter().find(|(f, _)| *f == field).map(|(_, k)| ctx.t(k)),
            })
        })
        .collect();
    let status = mine.as_ref().map(|(_, s)| {
        let deadline = s.offer_expires_at.as_deref().and_then(Timestamp::parse).map(|t| schedule::display(t, &ed.time_zone));
        json!({
            "state": s.state, "state_text": ctx.t(&format!("application-state-{}", s.state)),
            "position": s.waitlist_position, "deadline": deadline, "may_edit": s.may_edit, "may_withdraw": s.may_withdraw,
            "offered": s.state == "offered",
        })
    });
    let can_apply = mine.is_none() && (ed.is_open(crate::db::now()) || !invitation.is_empty());
    let show_form = can_apply || status.as_ref().is_some_and(|s| s["may_edit"] == true);
    Ok(json!({
        "edition": present::edition(&ed, ctx.lang, None),
        "status": status,
        "can_apply": can_apply,
        "show_form": show_form,
        "form": form,
        "questions": question_rows,
        "consent_listed": !form.consent_listed.is_empty(),
        "consent_photos": !form.consent_photos.is_empty(),
        "consent_contact": !form.consent_contact.is_empty(),
        "errors": ctx.errors(&FIELDS, errors),
        "countries": countries::sorted_for(ctx.lang).iter().map(|(c, n)| json!({ "code": c, "name": n, "selected": *c == form.country })).collect::<Vec<_>>(),
        "organisation_types": ORGANISATION_TYPES.iter().map(|c| json!({ "code": c, "name": ctx.t(&format!("org-type-{c}")), "selected": *c == form.organisation_type })).collect::<Vec<_>>(),
        "page_title": ed.title,
    }))
}

#[get("/editions/<slug>/application?<invitation>")]
async fn application_page(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    invitation: Option<&str>,
) -> Result<crate::web::page::HtmlPage, AppError> {
    let data = page(&ctx, &user, slug, None, &FieldErrors::new(), invitation.unwrap_or_default()).await?;
    Ok(ctx.render("enrollment/application", data))
}

#[post("/editions/<slug>/application", data = "<form>")]
async fn submit(ctx: Ctx<'_>, user: SignedIn, slug: &str, form: CsrfForm<ApplicationInput>) -> Result<Page, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let existing = enrollment::mine(&mut conn, &ed, &user.0).await?;
    drop(conn);
    let result = if existing.is_some() {
        enrollment::edit(ctx.state, &user.0, slug, &form.0).await
    } else {
        enrollment::apply(ctx.state, &user.0, slug, &form.0).await
    };
    let errors = match result {
        Ok(_) => {
            let key = if existing.is_some() { msg!("flash-application-saved") } else { msg!("flash-application-sent") };
            return Ok(Page::Done(ctx.flash_success(page_url(slug), key)));
        }
        Err(ServiceError::Invalid(errors)) => errors,
        Err(ServiceError::Refused(key)) => {
            let mut errors = FieldErrors::new();
            errors.add("form", key);
            errors
        }
        Err(e) => return Err(e.into()),
    };
    let data = page(&ctx, &user, slug, Some(&form.0), &errors, &form.0.invitation).await?;
    Ok(Page::Form(ctx.render_status(Status::UnprocessableEntity, "enrollment/application", data)))
}

#[post("/editions/<slug>/application/withdraw", data = "<_form>")]
async fn withdraw(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    match enrollment::withdraw(ctx.state, &user.0, slug).await {
        Ok(_) => Ok(ctx.flash_success(page_url(slug), msg!("flash-application-withdrawn"))),
        Err(ServiceError::Refused(key)) => Ok(ctx.flash_error(page_url(slug), key)),
        Err(e) => Err(e.into()),
    }
}

#[post("/editions/<slug>/application/accept-offer", data = "<_form>")]
async fn accept_offer(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    match enrollment::accept_offer(ctx.state, &user.0, slug).await {
        Ok(_) => Ok(ctx.flash_success(page_url(slug), msg!("flash-offer-accepted"))),
        Err(ServiceError::Refused(key)) => Ok(ctx.flash_error(page_url(slug), key)),
        Err(e) => Err(e.into()),
    }
}
