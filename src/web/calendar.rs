//! iCalendar feeds: one public feed per edition, and a personal feed per person behind a
//! secret link (calendar apps cannot sign in), which its owner can renew.

use rocket::http::Header;
use rocket::response::{Flash, Redirect, Responder};
use rocket::{Route, get, post, routes};

use super::csrf::CsrfForm;
use super::guards::SignedIn;
use super::manage::NoFields;
use super::view::Ctx;
use crate::error::AppError;
use crate::msg;
use crate::repo::learning as progress;
use crate::services::{calendar, learning, tokens};
use crate::state::AppState;

pub fn routes() -> Vec<Route> {
    routes![edition_feed, personal_feed, renew_link]
}

/// A `text/calendar` body that calendar apps may cache for a few minutes.
#[derive(Responder)]
#[response(content_type = "text/calendar")]
pub struct Ics {
    body: String,
    cache: Header<'static>,
    disposition: Header<'static>,
}

impl Ics {
    fn new(body: String, file: &str) -> Self {
        Ics {
            body,
            cache: Header::new("Cache-Control", "private, max-age=300"),
            disposition: Header::new("Content-Disposition", format!("inline; filename=\"{file}\"")),
        }
    }
}

#[get("/editions/<slug>/calendar.ics")]
async fn edition_feed(state: &rocket::State<AppState>, slug: &str) -> Result<Ics, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let body = calendar::edition_feed(&mut conn, &ed, &state.config).await?;
    Ok(Ics::new(body, &format!("{}.ics", ed.slug)))
}

#[get("/calendar/<token>/sessions.ics")]
async fn personal_feed(state: &rocket::State<AppState>, token: &str) -> Result<Ics, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let user = progress::user_of_calendar_token(&mut conn, token).await?.ok_or(AppError::NotFound)?;
    let body = calendar::personal_feed(&mut conn, user, &state.config).await?;
    Ok(Ics::new(body, "sessions.ics"))
}

/// Creates the personal feed link, or replaces it so the old one stops working.
#[post("/my/calendar", data = "<_form>")]
async fn renew_link(ctx: Ctx<'_>, user: SignedIn, _form: CsrfForm<NoFields>) -> Result<Flash<Redirect>, AppError> {
    let mut tx = ctx.state.db.begin_write().await?;
    progress::set_calendar_token(&mut tx, user.0.id, &tokens::random_token()).await?;
    tx.commit().await?;
    Ok(ctx.flash_success("/my".into(), msg!("flash-calendar-link")))
}
