//! Error pages in the site's look for every status, including Rocket's own failures, and
//! JSON bodies for the API.

use rocket::http::Status;
use rocket::request::Request;
use rocket::response::{Redirect, Responder};
use rocket::{Catcher, catch, catchers};
use serde_json::json;

use super::guards::{MaybeUser, known_user, pick_language};
use super::view::page_base;
use crate::error::{json_error, status_message_key};
use crate::i18n::t;
use crate::web::page::HtmlPage;

/// The error page for `status`, with the message `key`.
pub fn error_page(req: &Request<'_>, status: Status, key: &str) -> (Status, HtmlPage) {
    let user = known_user(req);
    let lang = pick_language(req, user);
    let mut ctx = page_base(lang, user, req.uri().path().as_str());
    ctx.insert("status".into(), json!(status.code));
    ctx.insert("title".into(), json!(t(lang, &format!("status-{}", title_code(status)))));
    ctx.insert("message".into(), json!(t(lang, key)));
    (status, HtmlPage::new("error", serde_json::Value::Object(ctx)))
}

fn title_code(status: Status) -> u16 {
    match status.code {
        400 | 401 | 403 | 404 | 413 | 422 | 429 | 503 => status.code,
        _ => 500,
    }
}

#[derive(Responder)]
pub enum Caught {
    Page((Status, HtmlPage)),
    Login(Redirect),
    Json((Status, (rocket::http::ContentType, String))),
}

/// Every failure Rocket itself reports (no route, a guard refusing, a body it cannot read).
#[catch(default)]
async fn any(status: Status, req: &Request<'_>) -> Caught {
    // Load the user (if any) so the page shows the right navigation.
    let _ = req.guard::<MaybeUser>().await;
    let lang = pick_language(req, known_user(req));
    if req.uri().path().starts_with("/api/") {
        let code = match status.code {
            400 => "bad_request",
            401 => "unauthenticated",
            403 => "forbidden",
            404 => "not_found",
            413 => "too_large",
            415 => "unsupported_media_type",
            422 => "unprocessable",
            429 => "too_many_attempts",
            503 => "unavailable",
            _ => "internal",
        };
        let key = if status.code == 415 { crate::msg!("err-json-required") } else { status_message_key(status) };
        return Caught::Json(json_error(status, code, &t(lang, key), json!({})));
    }
    if status == Status::Unauthorized {
        // The query is kept: an invitation link carries its token there.
        let next = req.uri().to_string();
        let to = if req.method() == rocket::http::Method::Get && next.starts_with('/') {
            format!("/login?next={}", url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>())
        } else {
            "/login".to_string()
        };
        return Caught::Login(Redirect::to(to));
    }
    let key = if status == Status::Forbidden { crate::msg!("err-csrf") } else { status_message_key(status) };
    Caught::Page(error_page(req, status, key))
}

pub fn catchers() -> Vec<Catcher> {
    catchers![any]
}
