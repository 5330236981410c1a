//! The front page and the stylesheet.

use rocket::http::ContentType;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;
use serde_json::json;

use super::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![home, stylesheet]
}

#[get("/")]
fn home(ctx: Ctx<'_>) -> Template {
    ctx.render("home", json!({}))
}

const CSS: &str = include_str!("../../templates/assets/app.css");

/// The one stylesheet, compiled into the binary so a deployment is a single file.
#[get("/assets/app.css")]
fn stylesheet() -> (ContentType, rocket::response::content::RawCss<&'static str>) {
    (ContentType::CSS, rocket::response::content::RawCss(CSS))
}
