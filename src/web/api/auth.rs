//! API sessions: the same cookie the pages use.

use rocket::http::{Cookie, Status};
use rocket::serde::json::Json;
use rocket::{Route, post, routes};
use serde::Deserialize;

use super::SameSite;
use super::me::MeResponse;
use crate::error::AppError;
use crate::msg;
use crate::services::{ServiceError, accounts, sessions};
use crate::state::AppState;
use crate::web::auth::set_session_cookie;
use crate::web::guards::{ClientIp, SESSION_COOKIE, UserAgent, session_token};

pub fn routes() -> Vec<Route> {
    routes![login, logout]
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// Log in; sets the session cookie.
#[utoipa::path(
    post, path = "/api/v1/auth/login", tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = MeResponse),
        (status = 401, description = "Wrong email or password", body = super::ErrorBody),
        (status = 429, description = "Too many failed attempts", body = super::ErrorBody),
    )
)]
#[post("/api/v1/auth/login", format = "json", data = "<body>")]
pub async fn login(
    state: &rocket::State<AppState>,
    cookies: &rocket::http::CookieJar<'_>,
    ip: ClientIp,
    agent: UserAgent,
    _same_site: SameSite,
    body: Json<LoginRequest>,
) -> Result<Json<MeResponse>, AppError> {
    match accounts::log_in(state, &body.email, &body.password, &ip.0).await {
        Ok(user) => {
            let token = sessions::start(state, user.id, &agent.0).await?;
            set_session_cookie(cookies, state, token);
            Ok(Json(MeResponse::from(&user)))
        }
        Err(ServiceError::Refused(_)) => Err(AppError::Refused(Status::Unauthorized, msg!("err-login-failed"))),
        Err(e) => Err(e.into()),
    }
}

/// Log out; ends this session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204, description = "Logged out")))]
#[post("/api/v1/auth/logout")]
pub async fn logout(
    state: &rocket::State<AppState>,
    cookies: &rocket::http::CookieJar<'_>,
    _same_site: SameSite,
) -> Result<Status, AppError> {
    if let Some(token) = session_token(cookies) {
        sessions::end(state, &token).await?;
    }
    cookies.remove_private(Cookie::build(SESSION_COOKIE).path("/"));
    Ok(Status::NoContent)
}
