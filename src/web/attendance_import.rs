//! Importing an online session's attendance from the meeting report: a file or pasted
//! lines, checked first (nothing written), then imported with the same text.

use rocket::form::{Errors, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::Status;
use rocket::tokio::io::AsyncReadExt;
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::attendance::{roster_url, session_json};
use super::csrf::{self, SameOrigin};
use super::guards::SignedIn;
use super::present;
use super::view::Ctx;
use crate::domain::{attendance_csv, roster};
use crate::error::AppError;
use crate::msg;
use crate::services::attendance::teachable_session;
use crate::services::roster::file_message;
use crate::services::{ServiceError, attendance_import};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![import_page, import]
}

fn import_url(slug: &str, session: i64) -> String {
    format!("{}/import", roster_url(slug, session))
}

/// The page: the form, and a report or an error when there is one.
async fn page(
    ctx: &Ctx<'_>,
    user: &SignedIn,
    slug: &str,
    id: i64,
    text: &str,
    report: Option<&attendance_import::ImportReport>,
    error: Option<String>,
) -> Result<Value, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let (ed, s) = teachable_session(&mut conn, &user.0, Some(slug), id).await?;
    let minutes = (s.end().0 - s.start().0).whole_minutes();
    let lines: Vec<Value> = report
        .map(|r| {
            r.lines
                .iter()
                .map(|l| {
                    json!({
                        "line": l.line, "email": l.email, "minutes": l.minutes, "outcome": l.outcome,
                        "outcome_name": if r.preview && l.outcome == "marked" {
                            ctx.t("attendance-import-outcome-to-mark")
                        } else {
                            ctx.t(&format!("attendance-import-outcome-{}", l.outcome))
                        },
                        "status_name": l.status.as_ref().map(|s| ctx.t(&format!("attendance-status-{s}"))),
                        "message": l.message,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(json!({
        "edition": present::edition(&ed, ctx.lang, None),
        "session": session_json(&ed, &s),
        "session_minutes": minutes,
        "action": import_url(slug, id),
        "roster_url": roster_url(slug, id),
        "text": text,
        "error": error,
        "report": report,
        "lines": lines,
        "can_confirm": report.is_some_and(|r| r.preview && r.marked > 0),
        "page_title": ctx.t("attendance-import-title"),
    }))
}

#[get("/manage/editions/<slug>/sessions/<id>/attendance/import")]
async fn import_page(ctx: Ctx<'_>, user: SignedIn, slug: &str, id: i64) -> Result<HtmlPage, AppError> {
    let data = page(&ctx, &user, slug, id, "", None, None).await?;
    Ok(ctx.render("attendance/import", data))
}

#[derive(FromForm)]
struct ImportForm<'r> {
    csrf_token: Option<String>,
    file: Option<TempFile<'r>>,
    /// Pasted lines (or, on confirmation, the text that was checked).
    csv: Option<String>,
    /// Present on the confirmation: write the marks.
    confirm: Option<String>,
}

#[post("/manage/editions/<slug>/sessions/<id>/attendance/import", data = "<form>")]
async fn import(
    ctx: Ctx<'_>,
    user: SignedIn,
    _o: SameOrigin,
    slug: &str,
    id: i64,
    form: Result<Form<ImportForm<'_>>, Errors<'_>>,
) -> Result<(Status, HtmlPage), AppError> {
    let form = match form {
        Ok(f) => f,
        Err(e) => {
            let key = match super::materials::unreadable_upload(&e) {
                AppError::Invalid(f) => f.0.first().map_or(msg!("err-file-unreadable"), |e| e.key),
                other => other.message_key(),
            };
            let data = page(&ctx, &user, slug, id, "", None, Some(ctx.t(key))).await?;
            return Ok(ctx.render_status(Status::UnprocessableEntity, "attendance/import", data));
        }
    };
    if !form.csrf_token.as_deref().is_some_and(|t| csrf::verify(ctx.cookies, t)) {
        return Err(AppError::Refused(Status::Forbidden, msg!("err-csrf")));
    }
    let mut bytes = Vec::new();
    if let Some(file) = form.file.as_ref().filter(|f| f.len() > 0) {
        let f = file.open().await.map_err(|e| AppError::Internal(e.to_string()))?;
        let limit = u64::try_from(roster::MAX_BYTES + 1).unwrap_or(u64::MAX);
        f.take(limit).read_to_end(&mut bytes).await.map_err(|e| AppError::Internal(e.to_string()))?;
    } else {
        bytes = form.csv.clone().unwrap_or_default().into_bytes();
    }
    // A whole-file problem is told with its line, and nothing is written.
    let text = match roster::decode(&bytes).and_then(|t| attendance_csv::parse(&t).map(|_| t)) {
        Ok(t) => t,
        Err(p) => {
            let typed = form.csv.clone().unwrap_or_default();
            let data = page(&ctx, &user, slug, id, &typed, None, Some(file_message(ctx.lang, &p))).await?;
            return Ok(ctx.render_status(Status::UnprocessableEntity, "attendance/import", data));
        }
    };
    let preview = form.confirm.is_none();
    match attendance_import::import(ctx.state, &user.0, Some(slug), id, text.as_bytes(), preview, ctx.lang).await {
        Ok(report) => {
            let data = page(&ctx, &user, slug, id, &text, Some(&report), None).await?;
            Ok(ctx.render_status(Status::Ok, "attendance/import", data))
        }
        Err(ServiceError::Invalid(f)) => {
            let key = f.0.first().map_or(msg!("err-invalid-input"), |e| e.key);
            let data = page(&ctx, &user, slug, id, &text, None, Some(ctx.t(key))).await?;
            Ok(ctx.render_status(Status::UnprocessableEntity, "attendance/import", data))
        }
        Err(e) => Err(e.into()),
    }
}
