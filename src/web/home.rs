//! The front page and the stylesheet.

use crate::web::page::HtmlPage;
use rocket::http::ContentType;
use rocket::{Route, get, routes};
use serde_json::json;

use super::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![home, stylesheet, script]
}

#[get("/")]
fn home(ctx: Ctx<'_>) -> HtmlPage {
    ctx.render("home", json!({}))
}

const CSS: &str = include_str!("../../templates/assets/app.css");

/// The one stylesheet, compiled into the binary so a deployment is a single file.
#[get("/assets/app.css")]
fn stylesheet() -> (ContentType, rocket::response::content::RawCss<&'static str>) {
    (ContentType::CSS, rocket::response::content::RawCss(CSS))
}

const JS: &str = include_str!("../../templates/assets/app.js");

/// The one script: shows session times in the reader's own time zone.
#[get("/assets/app.js")]
fn script() -> (ContentType, rocket::response::content::RawJavaScript<&'static str>) {
    (ContentType::JavaScript, rocket::response::content::RawJavaScript(JS))
}
