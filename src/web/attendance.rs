//! Attendance in the browser for trainers of the edition and coordinators: a session's
//! roster with one tap per participant (a plain form post, or the API from `app.js`), and
//! the check-in screen with the session's QR code that changes every minute.

use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::csrf::CsrfForm;
use super::guards::SignedIn;
use super::present;
use super::view::Ctx;
use crate::db::now;
use crate::domain::attendance::{self as rules, STATUSES};
use crate::domain::countries;
use crate::error::AppError;
use crate::i18n::{FluentValue, t_args};
use crate::msg;
use crate::repo::programs::Edition;
use crate::repo::schedule::LiveSession;
use crate::services::attendance::{self as service, Counts, RosterRow};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![roster_page, mark, checkin_screen]
}

pub fn roster_url(slug: &str, session: i64) -> String {
    format!("/manage/editions/{slug}/sessions/{session}/attendance")
}

/// A session's heading as the attendance pages show it.
pub fn session_json(ed: &Edition, s: &LiveSession) -> Value {
    present::session(ed, s, Vec::new(), None)
}

/// The counts as `[{code, name, count}]`, in the order of the buttons, then the unmarked.
pub fn counts_json(ctx: &Ctx<'_>, c: &Counts) -> Vec<Value> {
    let n = [c.present, c.late, c.excused, c.absent, c.unmarked];
    STATUSES
        .iter()
        .copied()
        .chain(["unmarked"])
        .zip(n)
        .map(|(code, count)| json!({ "code": code, "name": ctx.t(&format!("attendance-status-{code}")), "count": count }))
        .collect()
}

fn row_json(ctx: &Ctx<'_>, r: &RosterRow) -> Value {
    let source = match (r.source.as_deref(), r.minutes) {
        (Some("import"), Some(m)) => {
            t_args(ctx.lang, msg!("attendance-source-import-minutes"), &[("minutes", FluentValue::from(m))])
        }
        (Some(s), _) => ctx.t(&format!("attendance-source-{s}")),
        (None, _) => String::new(),
    };
    let country = countries::find(&r.country).map_or(r.country.clone(), |c| c.name(ctx.lang).to_string());
    let detail: Vec<&str> = [r.organisation.as_str(), country.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    json!({
        "user_id": r.user_id,
        "name": r.name,
        "detail": detail.join(" · "),
        "status": r.status,
        "source": source,
        "buttons": STATUSES.iter().map(|s| json!({
            "code": s,
            "name": ctx.t(&format!("attendance-status-{s}")),
            "current": r.status.as_deref() == Some(*s),
        })).collect::<Vec<_>>(),
    })
}

#[get("/manage/editions/<slug>/sessions/<id>/attendance")]
async fn roster_page(ctx: Ctx<'_>, user: SignedIn, slug: &str, id: i64) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let r = service::roster(&mut conn, &user.0, Some(slug), id).await?;
    Ok(ctx.render(
        "attendance/roster",
        json!({
            "edition": present::edition(&r.edition, ctx.lang, None),
            "session": session_json(&r.edition, &r.session),
            "counts": counts_json(&ctx, &r.counts),
            "rows": r.rows.iter().map(|row| row_json(&ctx, row)).collect::<Vec<_>>(),
            "action": roster_url(slug, id),
            "page_title": ctx.t("attendance-title"),
        }),
    ))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct MarkForm {
    user_id: String,
    status: String,
}

#[post("/manage/editions/<slug>/sessions/<id>/attendance", data = "<form>")]
async fn mark(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    id: i64,
    form: CsrfForm<MarkForm>,
) -> Result<Flash<Redirect>, AppError> {
    let participant = form.0.user_id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
    let r = service::set_mark(ctx.state, &user.0, Some(slug), id, participant, &form.0.status).await;
    // Back to the same person on the roster.
    let back = format!("{}#p-{participant}", roster_url(slug, id));
    ctx.flash_outcome(back, r, msg!("flash-attendance-saved"))
}

/// The QR code of `text` as inline SVG (drawn with attributes only, which the CSP allows).
fn qr_svg(text: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| AppError::Internal(e.to_string()))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().module_dimensions(8, 8).quiet_zone(true).build();
    // The XML declaration has no place inside an HTML page.
    let start = svg.find("<svg").unwrap_or(0);
    Ok(svg[start..].replacen("<svg ", "<svg role=\"img\" class=\"qr\" ", 1))
}

#[get("/manage/editions/<slug>/sessions/<id>/checkin")]
async fn checkin_screen(ctx: Ctx<'_>, user: SignedIn, slug: &str, id: i64) -> Result<HtmlPage, AppError> {
    let (ed, s, secret) = service::checkin_secret(ctx.state, &user.0, slug, id).await?;
    let at = now();
    let minute = rules::minute_of(at);
    let code = rules::checkin_code(&secret, s.id, minute);
    let url = ctx.state.config.link(&format!("/checkin/{}/{code}", s.id));
    let mut conn = ctx.state.db.pool.acquire().await?;
    let r = service::roster(&mut conn, &user.0, Some(slug), id).await?;
    let seconds_left = 60 - at.0.unix_timestamp().rem_euclid(60);
    Ok(ctx.render(
        "attendance/checkin_screen",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "session": session_json(&ed, &s),
            "qr": qr_svg(&url)?,
            "url": url,
            "code": code,
            "running": rules::accepts_checkin(s.start(), s.end(), at),
            "present": r.counts.present + r.counts.late,
            "total": r.rows.len(),
            "seconds_left": seconds_left,
            "roster_url": roster_url(slug, id),
            "page_title": ctx.t("checkin-screen-title"),
        }),
    ))
}
