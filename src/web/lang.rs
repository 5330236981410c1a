//! The language switcher shown on every page: a small form, so it works without JavaScript.

use rocket::http::{Cookie, SameSite};
use rocket::response::Redirect;
use rocket::{Route, post, routes};
use serde::Deserialize;

use super::auth::safe_next;
use super::csrf::CsrfForm;
use super::guards::{LANG_COOKIE, MaybeUser};
use super::view::Ctx;
use crate::domain::languages;
use crate::error::AppError;
use crate::repo;

pub fn routes() -> Vec<Route> {
    routes![switch]
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SwitchForm {
    lang: String,
    next: String,
}

/// Remembers the choice in a cookie and, for a signed-in person, in their profile.
#[post("/lang", data = "<form>")]
async fn switch(ctx: Ctx<'_>, user: MaybeUser, form: CsrfForm<SwitchForm>) -> Result<Redirect, AppError> {
    let f = form.0;
    let next = safe_next(Some(&f.next));
    if !languages::is_supported(&f.lang) {
        return Ok(Redirect::to(next));
    }
    let cookie = Cookie::build((LANG_COOKIE, f.lang.clone()))
        .same_site(SameSite::Lax)
        .secure(ctx.state.config.cookies_secure())
        .path("/")
        .max_age(rocket::time::Duration::days(365));
    ctx.cookies.add(cookie);
    if let Some(u) = user.0 {
        let mut conn = ctx.state.db.pool.acquire().await?;
        repo::users::set_preferred_language(&mut conn, u.id, &f.lang).await?;
    }
    Ok(Redirect::to(next))
}
