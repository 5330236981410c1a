//! Cross-site request forgery protection for HTML forms. Every form carries a hidden
//! `csrf_token` equal to the token in an encrypted cookie; `CsrfForm<T>` (used instead of
//! `Form<T>` by every form handler) refuses a submission without it, or one that a browser
//! marks as coming from another site. The JSON API needs `Content-Type: application/json`,
//! which another site cannot send without the browser asking first.

use rocket::data::{self, Data, FromData, ToByteUnit};
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::Request;

use crate::services::tokens::{constant_time_eq, random_token};
use crate::state::AppState;

pub const CSRF_COOKIE: &str = "wta_csrf";
pub const CSRF_FIELD: &str = "csrf_token";

/// This browser's token, created on first use.
pub fn token(cookies: &CookieJar<'_>, secure: bool) -> String {
    if let Some(c) = cookies.get_private(CSRF_COOKIE) {
        return c.value().to_string();
    }
    let t = random_token();
    let cookie =
        Cookie::build((CSRF_COOKIE, t.clone())).http_only(true).same_site(SameSite::Lax).secure(secure).path("/");
    cookies.add_private(cookie);
    t
}

/// A form that passed the CSRF check. Form structs derive `Deserialize` with
/// `#[serde(default)]`, so missing fields are empty and unknown ones are ignored.
pub struct CsrfForm<T>(pub T);

/// Why a submission was refused before reaching its handler.
#[derive(Debug)]
pub enum FormRefusal {
    CrossSite,
    MissingToken,
    TooLarge,
    Unreadable,
    Malformed,
}

/// True when the submitted token is this browser's token.
pub fn verify(cookies: &CookieJar<'_>, sent: &str) -> bool {
    cookies.get_private(CSRF_COOKIE).is_some_and(|c| constant_time_eq(sent, c.value()))
}

/// Refuses (403) requests a browser marks as coming from another site; for handlers that
/// read their body themselves (file uploads) and check the token with `verify`.
pub struct SameOrigin;

#[rocket::async_trait]
impl<'r> rocket::request::FromRequest<'r> for SameOrigin {
    type Error = FormRefusal;
    async fn from_request(req: &'r Request<'_>) -> rocket::request::Outcome<Self, FormRefusal> {
        if cross_site(req) {
            rocket::request::Outcome::Error((Status::Forbidden, FormRefusal::CrossSite))
        } else {
            rocket::request::Outcome::Success(SameOrigin)
        }
    }
}

fn cross_site(req: &Request<'_>) -> bool {
    if req.headers().get_one("Sec-Fetch-Site") == Some("cross-site") {
        return true;
    }
    let Some(origin) = req.headers().get_one("Origin") else { return false };
    if origin == "null" {
        return true;
    }
    let Ok(origin) = url::Url::parse(origin) else { return true };
    let host = req.headers().get_one("Host").unwrap_or_default();
    let same_host = origin.host_str().is_some_and(|h| {
        let with_port = origin.port().map_or_else(|| h.to_string(), |p| format!("{h}:{p}"));
        with_port == host || h == host
    });
    let configured = req.rocket().state::<AppState>().is_some_and(|s| s.config.public_url.origin() == origin.origin());
    !(same_host || configured)
}

#[rocket::async_trait]
impl<'r, T> FromData<'r> for CsrfForm<T>
where
    T: serde::de::DeserializeOwned + Send + 'static,
{
    type Error = FormRefusal;

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        if cross_site(req) {
            return data::Outcome::Error((Status::Forbidden, FormRefusal::CrossSite));
        }
        let limit = req.limits().get("form").unwrap_or_else(|| 64.kibibytes());
        let body = match data.open(limit).into_string().await {
            Ok(s) if s.is_complete() => s.into_inner(),
            Ok(_) => return data::Outcome::Error((Status::PayloadTooLarge, FormRefusal::TooLarge)),
            Err(_) => return data::Outcome::Error((Status::BadRequest, FormRefusal::Unreadable)),
        };
        let sent =
            url::form_urlencoded::parse(body.as_bytes()).find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.into_owned());
        let expected = req.cookies().get_private(CSRF_COOKIE).map(|c| c.value().to_string());
        match (sent, expected) {
            (Some(s), Some(e)) if constant_time_eq(&s, &e) => {}
            _ => return data::Outcome::Error((Status::Forbidden, FormRefusal::MissingToken)),
        }
        match serde_html_form::from_str::<T>(&body) {
            Ok(v) => data::Outcome::Success(CsrfForm(v)),
            Err(_) => data::Outcome::Error((Status::UnprocessableEntity, FormRefusal::Malformed)),
        }
    }
}
