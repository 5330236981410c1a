//! Signing up, logging in and out.

use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde::Deserialize;
use serde_json::json;

use super::csrf::CsrfForm;
use super::guards::{ClientIp, SESSION_COOKIE, UserAgent, session_token};
use super::view::Ctx;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::msg;
use crate::services::{ServiceError, accounts, sessions};
use crate::state::AppState;
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![login_page, login, logout, signup_page, signup]
}

/// Only paths of this site are followed after logging in (no open redirects).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && !n.contains("://") => {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

/// Sets the session cookie for a fresh session.
pub fn set_session_cookie(cookies: &CookieJar<'_>, state: &AppState, token: String) {
    let cookie = Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.cookies_secure())
        .path("/")
        .max_age(rocket::time::Duration::days(state.config.session_max_days));
    cookies.add_private(cookie);
}

#[get("/login?<next>")]
fn login_page(ctx: Ctx<'_>, next: Option<&str>) -> HtmlPage {
    ctx.render("auth/login", json!({ "form": { "email": "", "next": safe_next(next) }, "error": null }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[post("/login", data = "<form>")]
async fn login(
    ctx: Ctx<'_>,
    ip: ClientIp,
    agent: UserAgent,
    form: CsrfForm<LoginForm>,
) -> Result<Result<Redirect, (Status, HtmlPage)>, AppError> {
    let f = form.0;
    let next = safe_next(Some(&f.next));
    let refuse = |status: Status, key: &str| {
        ctx.render_status(
            status,
            "auth/login",
            json!({ "form": { "email": f.email, "next": next }, "error": ctx.t(key) }),
        )
    };
    match accounts::log_in(ctx.state, &f.email, &f.password, &ip.0).await {
        Ok(user) => {
            let token = sessions::start(ctx.state, user.id, &agent.0).await?;
            set_session_cookie(ctx.cookies, ctx.state, token);
            Ok(Ok(Redirect::to(next)))
        }
        Err(ServiceError::Throttled) => Ok(Err(refuse(Status::TooManyRequests, msg!("err-throttled")))),
        Err(ServiceError::Refused(key)) => Ok(Err(refuse(Status::UnprocessableEntity, key))),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmptyForm {}

#[post("/logout", data = "<_form>")]
async fn logout(ctx: Ctx<'_>, _form: CsrfForm<EmptyForm>) -> Result<Flash<Redirect>, AppError> {
    if let Some(token) = session_token(ctx.cookies) {
        sessions::end(ctx.state, &token).await?;
    }
    ctx.cookies.remove_private(Cookie::build(SESSION_COOKIE).path("/"));
    Ok(ctx.flash_success("/".into(), msg!("flash-logged-out")))
}

const SIGNUP_FIELDS: [&str; 4] = ["email", "display_name", "password", "password_confirm"];

#[get("/signup")]
fn signup_page(ctx: Ctx<'_>) -> HtmlPage {
    let errors = ctx.errors(&SIGNUP_FIELDS, &FieldErrors::new());
    ctx.render("auth/signup", json!({ "form": { "email": "", "display_name": "" }, "errors": errors }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SignUpForm {
    email: String,
    display_name: String,
    password: String,
    password_confirm: String,
}

#[post("/signup", data = "<form>")]
async fn signup(
    ctx: Ctx<'_>,
    agent: UserAgent,
    form: CsrfForm<SignUpForm>,
) -> Result<Result<Flash<Redirect>, (Status, HtmlPage)>, AppError> {
    let f = form.0;
    let input = accounts::SignUp {
        email: f.email.clone(),
        display_name: f.display_name.clone(),
        password: f.password,
        password_confirm: f.password_confirm,
        language: ctx.lang.to_string(),
    };
    match accounts::sign_up(ctx.state, input).await {
        Ok(user) => {
            let token = sessions::start(ctx.state, user.id, &agent.0).await?;
            set_session_cookie(ctx.cookies, ctx.state, token);
            Ok(Ok(ctx.flash_success("/profile".into(), msg!("flash-signed-up"))))
        }
        Err(ServiceError::Invalid(errors)) => Ok(Err(ctx.render_status(
            Status::UnprocessableEntity,
            "auth/signup",
            json!({ "form": { "email": f.email, "display_name": f.display_name }, "errors": ctx.errors(&SIGNUP_FIELDS, &errors) }),
        ))),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/profile")), "/profile");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
