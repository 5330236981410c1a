//! The page a participant's phone opens from a session's QR code. Opening it checks them
//! in (one scan, no further tap): the code in the address changes every minute and only
//! marks the signed-in person present, so the page cannot be used against anyone else.
//! Signed-out visitors go through the login page and come back here.

use rocket::http::Status;
use rocket::{Route, get, routes};
use serde_json::json;

use super::guards::SignedIn;
use super::present;
use super::view::Ctx;
use crate::db::now;
use crate::error::AppError;
use crate::i18n::{FluentValue, t_args};
use crate::msg;
use crate::services::ServiceError;
use crate::services::attendance::{self as service, CheckinOutcome};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![checkin]
}

#[get("/checkin/<session>/<code>")]
async fn checkin(ctx: Ctx<'_>, user: SignedIn, session: i64, code: &str) -> Result<(Status, HtmlPage), AppError> {
    match service::check_in(ctx.state, &user.0, session, code, now()).await {
        Ok(c) => {
            let title = FluentValue::from(c.session.title.clone());
            let message = match c.outcome {
                CheckinOutcome::Marked => t_args(ctx.lang, msg!("checkin-marked"), &[("session", title)]),
                CheckinOutcome::AlreadyPresent => t_args(ctx.lang, msg!("checkin-already"), &[("session", title)]),
                CheckinOutcome::Kept => {
                    let status = FluentValue::from(ctx.t(&format!("attendance-status-{}", c.status)));
                    t_args(ctx.lang, msg!("checkin-kept"), &[("session", title), ("status", status)])
                }
            };
            Ok(ctx.render_status(
                Status::Ok,
                "attendance/checkin_result",
                json!({
                    "ok": true,
                    "title": ctx.t("checkin-done-title"),
                    "message": message,
                    "edition": present::edition(&c.edition, ctx.lang, None),
                    "page_title": ctx.t("checkin-done-title"),
                }),
            ))
        }
        Err(ServiceError::Refused(key)) => Ok(ctx.render_status(
            Status::UnprocessableEntity,
            "attendance/checkin_result",
            json!({
                "ok": false,
                "title": ctx.t("checkin-refused-title"),
                "message": ctx.t(key),
                "edition": null,
                "page_title": ctx.t("checkin-refused-title"),
            }),
        )),
        Err(e) => Err(e.into()),
    }
}
