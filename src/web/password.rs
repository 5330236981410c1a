//! Forgotten passwords, reset links, changing one's password, logging out everywhere.

use rocket::http::{Cookie, Status};
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde::Deserialize;
use serde_json::json;

use super::csrf::CsrfForm;
use super::guards::{SESSION_COOKIE, SignedIn, session_token};
use super::view::Ctx;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::msg;
use crate::repo;
use crate::services::{ServiceError, accounts, sessions};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![forgot_page, forgot, reset_page, reset, security_page, change_password, end_all_sessions]
}

#[get("/password/forgot")]
fn forgot_page(ctx: Ctx<'_>) -> HtmlPage {
    ctx.render("auth/forgot", json!({ "sent": false }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ForgotForm {
    email: String,
}

/// Answers the same whether or not the address has an account.
#[post("/password/forgot", data = "<form>")]
async fn forgot(ctx: Ctx<'_>, form: CsrfForm<ForgotForm>) -> Result<HtmlPage, AppError> {
    accounts::request_reset(ctx.state, &form.0.email, ctx.lang).await?;
    Ok(ctx.render("auth/forgot", json!({ "sent": true })))
}

const RESET_FIELDS: [&str; 2] = ["password", "password_confirm"];

#[get("/password/reset/<token>")]
async fn reset_page(ctx: Ctx<'_>, token: &str) -> Result<(Status, HtmlPage), AppError> {
    if accounts::reset_token_is_valid(ctx.state, token).await? {
        let errors = ctx.errors(&RESET_FIELDS, &FieldErrors::new());
        Ok((Status::Ok, ctx.render("auth/reset", json!({ "token": token, "errors": errors, "invalid": false }))))
    } else {
        Ok(ctx.render_status(Status::NotFound, "auth/reset", json!({ "token": "", "errors": {}, "invalid": true })))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewPasswordForm {
    password: String,
    password_confirm: String,
}

#[post("/password/reset/<token>", data = "<form>")]
async fn reset(
    ctx: Ctx<'_>,
    token: &str,
    form: CsrfForm<NewPasswordForm>,
) -> Result<Result<Flash<Redirect>, (Status, HtmlPage)>, AppError> {
    match accounts::reset_password(ctx.state, token, &form.0.password, &form.0.password_confirm).await {
        Ok(_) => Ok(Ok(ctx.flash_success("/login".into(), msg!("flash-password-reset")))),
        Err(ServiceError::Invalid(errors)) => Ok(Err(ctx.render_status(
            Status::UnprocessableEntity,
            "auth/reset",
            json!({ "token": token, "errors": ctx.errors(&RESET_FIELDS, &errors), "invalid": false }),
        ))),
        Err(ServiceError::Refused(_)) => Ok(Err(ctx.render_status(
            Status::NotFound,
            "auth/reset",
            json!({ "token": "", "errors": {}, "invalid": true }),
        ))),
        Err(e) => Err(e.into()),
    }
}

const CHANGE_FIELDS: [&str; 3] = ["current_password", "password", "password_confirm"];

async fn security_context(ctx: &Ctx<'_>, user_id: i64, errors: &FieldErrors) -> Result<serde_json::Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let sessions = repo::sessions::count_for_user(&mut conn, user_id).await?;
    Ok(json!({ "errors": ctx.errors(&CHANGE_FIELDS, errors), "session_count": sessions }))
}

#[get("/account/security")]
async fn security_page(ctx: Ctx<'_>, user: SignedIn) -> Result<HtmlPage, AppError> {
    let data = security_context(&ctx, user.0.id, &FieldErrors::new()).await?;
    Ok(ctx.render("account/security", data))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ChangePasswordForm {
    current_password: String,
    password: String,
    password_confirm: String,
}

#[post("/account/password", data = "<form>")]
async fn change_password(
    ctx: Ctx<'_>,
    user: SignedIn,
    form: CsrfForm<ChangePasswordForm>,
) -> Result<Result<Flash<Redirect>, (Status, HtmlPage)>, AppError> {
    let f = form.0;
    let token = session_token(ctx.cookies);
    match accounts::change_password(
        ctx.state,
        &user.0,
        &f.current_password,
        &f.password,
        &f.password_confirm,
        token.as_deref(),
    )
    .await
    {
        Ok(()) => Ok(Ok(ctx.flash_success("/account/security".into(), msg!("flash-password-changed")))),
        Err(ServiceError::Invalid(errors)) => {
            let data = security_context(&ctx, user.0.id, &errors).await?;
            Ok(Err(ctx.render_status(Status::UnprocessableEntity, "account/security", data)))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmptyForm {}

/// Ends every session of the account, this one included.
#[post("/account/sessions/end-all", data = "<_form>")]
async fn end_all_sessions(
    ctx: Ctx<'_>,
    user: SignedIn,
    _form: CsrfForm<EmptyForm>,
) -> Result<Flash<Redirect>, AppError> {
    sessions::end_others(ctx.state, user.0.id, None).await?;
    ctx.cookies.remove_private(Cookie::build(SESSION_COOKIE).path("/"));
    Ok(ctx.flash_success("/login".into(), msg!("flash-logged-out-everywhere")))
}
