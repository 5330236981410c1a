//! An edition's participant directory: who takes part, for the people of the edition. Only
//! those who agreed to be listed appear (coordinators see everyone, marked, with e-mails).

use rocket::{Route, get, routes};
use serde_json::{Value, json};

use super::guards::SignedIn;
use super::view::Ctx;
use super::{pager, present};
use crate::domain::countries;
use crate::domain::edition_progress::shown_name;
use crate::domain::paging::Window;
use crate::error::AppError;
use crate::services::directory as service;
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![page]
}

pub fn page_url(slug: &str) -> String {
    format!("/editions/{slug}/participants")
}

/// One page of 50 people; a page that is not a whole number from 1 shows the first, with a
/// message.
#[get("/editions/<slug>/participants?<page>")]
async fn page(ctx: Ctx<'_>, user: SignedIn, slug: &str, page: Option<&str>) -> Result<HtmlPage, AppError> {
    let d = service::directory(ctx.state, &user.0, slug).await?;
    let (page, problem) = pager::requested(&ctx, page);
    let window = Window::new(page, d.rows.len());
    let rows: Vec<Value> = d.rows[window.start..window.end]
        .iter()
        .map(|r| {
            let (name, native) = shown_name(&r.display_name, &r.name_latin, &r.name_native);
            json!({
                "name": name,
                "native": native,
                "organisation": r.organisation,
                "position": r.position,
                "country": countries::find(&r.country).map_or_else(|| r.country.clone(), |c| c.name(ctx.lang).to_string()),
                "email": if d.everyone { Value::from(r.email.clone()) } else { Value::Null },
                "not_listed": r.consent_listed == 0,
            })
        })
        .collect();
    Ok(ctx.render(
        "learning/participants",
        json!({
            "page_title": format!("{} · {}", ctx.t("directory-title"), d.edition.title),
            "edition": present::edition(&d.edition, ctx.lang, None),
            "everyone": d.everyone,
            "count": d.rows.len(),
            "rows": rows,
            "problems": problem.into_iter().collect::<Vec<_>>(),
            "pager": pager::json(&window, &page_url(slug), ""),
        }),
    ))
}
