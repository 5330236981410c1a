//! Following a course: module and lesson pages, "mark as done", trainers' lesson notes, and
//! "My learning" with progress per edition.

use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde::Deserialize;
use serde_json::{Value, json};

use super::catalogue::viewer_zone;
use super::csrf::CsrfForm;
use super::guards::{PageConn, SignedIn};
use super::present;
use super::view::Ctx;
use crate::error::AppError;
use crate::msg;
use crate::repo::programs;
use crate::services::ServiceError;
use crate::services::learning::{self, Access};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![module_page, lesson_page, mark_done, save_note, my_learning]
}

fn lesson_url(edition: &str, module: &str, lesson: &str) -> String {
    format!("/editions/{edition}/modules/{module}/{lesson}")
}

/// The learner whose progress a page shows: the signed-in participant, else nobody.
fn learner(ctx: &Ctx<'_>, access: Access) -> Option<i64> {
    (access == Access::Participant).then(|| ctx.user.as_ref().map(|u| u.id)).flatten()
}

#[get("/editions/<slug>/modules/<module>")]
async fn module_page(ctx: Ctx<'_>, slug: &str, module: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let content = ctx.content(&mut conn).await?;
    let ed = learning::shown_edition(&mut conn, &content, slug).await?;
    let person = ctx.person();
    let (access, _) = learning::standing(&mut conn, person, &ed, ctx.user.as_ref()).await?;
    let outline = learning::outline(&mut conn, &content, person, &ed, learner(&ctx, access), ctx.lang).await?;
    let m = outline.modules.iter().find(|m| m.slug == module).ok_or(AppError::NotFound)?;
    let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(Value::Array(Vec::new()));
    Ok(ctx.render(
        "learning/module",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "module": m,
            "learning_outcomes": parse(&m.text.learning_outcomes),
            "further_reading": parse(&m.text.further_reading),
            "self_check": if access.can_read() { parse(&m.text.self_check) } else { Value::Array(Vec::new()) },
            "can_read": access.can_read(),
            "is_participant": access == Access::Participant,
            "page_title": m.title,
        }),
    ))
}

#[get("/editions/<slug>/modules/<module>/<lesson>")]
async fn lesson_page(
    conn: PageConn,
    ctx: Ctx<'_>,
    slug: &str,
    module: &str,
    lesson: &str,
) -> Result<HtmlPage, AppError> {
    let mut conn = conn.take().await?;
    let content = ctx.content(&mut conn).await?;
    let ed = learning::shown_edition(&mut conn, &content, slug).await?;
    let person = ctx.person();
    let (access, _) = learning::standing(&mut conn, person, &ed, ctx.user.as_ref()).await?;
    let (view, outline) =
        learning::lesson(&mut conn, &content, person, &ed, access, learner(&ctx, access), module, lesson, ctx.lang)
            .await?;
    let module_progress = outline.modules.iter().find(|m| m.slug == module).map(|m| (m.done, m.total, m.percent));
    let link = |n: &Option<(String, String, String)>| {
        n.as_ref().map(|(m, l, title)| json!({ "url": lesson_url(slug, m, l), "title": title }))
    };
    let note = view.note.as_ref().map(|(body, author, at)| {
        json!({
            "html": crate::content::render::to_html(body, |_, _| String::new()),
            "body": body, "author": author, "at": at,
        })
    });
    Ok(ctx.render(
        "learning/lesson",
        json!({
            "edition": { "slug": ed.slug, "title": ed.title },
            "lesson": view,
            "url": lesson_url(slug, module, lesson),
            "previous": link(&view.previous),
            "next": link(&view.next),
            "note": note,
            "shown_in_other_language": view.language != ctx.lang,
            "module_progress": module_progress.map(|(d, t, p)| json!({ "done": d, "total": t, "percent": p })),
            "course_progress": json!({ "done": outline.done, "total": outline.total, "percent": outline.percent }),
            "can_read": access.can_read(),
            "can_teach": access.can_teach(),
            "is_participant": access == Access::Participant,
            "page_title": view.title,
        }),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DoneForm {
    done: String,
}

#[post("/editions/<slug>/modules/<module>/<lesson>/done", data = "<form>")]
async fn mark_done(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    module: &str,
    lesson: &str,
    form: CsrfForm<DoneForm>,
) -> Result<Flash<Redirect>, AppError> {
    let back = lesson_url(slug, module, lesson);
    let done = match form.0.done.as_str() {
        "1" | "true" => true,
        "0" | "false" => false,
        _ => return Ok(ctx.flash_error(back, msg!("err-invalid-input"))),
    };
    match learning::set_done(ctx.state, slug, module, lesson, &user.0, done, ctx.lang).await {
        Ok(_) => {
            Ok(ctx.flash_success(back, if done { msg!("flash-lesson-done") } else { msg!("flash-lesson-undone") }))
        }
        Err(ServiceError::Refused(key)) => Ok(ctx.flash_error(back, key)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoteForm {
    note: String,
}

#[post("/editions/<slug>/modules/<module>/<lesson>/note", data = "<form>")]
async fn save_note(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    module: &str,
    lesson: &str,
    form: CsrfForm<NoteForm>,
) -> Result<Flash<Redirect>, AppError> {
    let back = lesson_url(slug, module, lesson);
    let r = learning::set_note(ctx.state, slug, module, lesson, &user.0, &form.0.note).await;
    ctx.flash_outcome(back, r, msg!("flash-note-saved"))
}

#[get("/my")]
async fn my_learning(ctx: Ctx<'_>, user: SignedIn) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let viewer = viewer_zone(&ctx);
    let content = ctx.content(&mut conn).await?;
    let mut rows = Vec::new();
    for (ed, how) in programs::editions_of_user(&mut conn, user.0.id).await? {
        let is_participant = how == "participant";
        let outline =
            learning::outline(&mut conn, &content, None, &ed, is_participant.then_some(user.0.id), ctx.lang).await?;
        let next = outline
            .modules
            .iter()
            .flat_map(|m| m.lessons.iter().map(move |l| (m, l)))
            .find(|(_, l)| !l.done)
            .map(|(m, l)| json!({ "url": lesson_url(&ed.slug, &m.slug, &l.slug), "title": l.title }));
        rows.push(json!({
            "edition": present::edition(&ed, ctx.lang, viewer.as_deref()),
            "role": how,
            "is_participant": is_participant,
            "progress": { "done": outline.done, "total": outline.total, "percent": outline.percent },
            "next": if is_participant { next } else { None },
        }));
    }
    let token = crate::repo::learning::calendar_token(&mut conn, user.0.id).await?;
    let feed = token.map(|t| ctx.state.config.link(&format!("/calendar/{t}/sessions.ics")));
    Ok(ctx.render("learning/my", json!({ "editions": rows, "calendar_url": feed })))
}
