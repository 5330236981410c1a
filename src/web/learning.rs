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
    let mut conn = conn.take();
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
    let is_participant = access == Access::Participant;
    // The article is the same for every reader of this lesson with the same lock and module
    // progress: the lesson's text and trainers' note come from the content.
    let progress = if is_participant { module_progress } else { None };
    let variant = article_variant(&view, progress);
    let article_html = ctx.content_fragment(&content, "learning/lesson_article", ed.id, variant, || {
        let note = view.note.as_ref().map(|(body, author, _)| {
            json!({ "html": crate::content::render::to_html(body, |_, _| String::new()), "author": author })
        });
        json!({
            "lesson": {
                "language": view.language, "title": view.title, "duration_minutes": view.duration_minutes,
                "locked": view.locked, "learning_outcomes": view.learning_outcomes, "html": view.html,
            },
            "shown_in_other_language": view.language != ctx.lang,
            "is_participant": is_participant,
            "module_progress": progress.map(|(d, t, p)| json!({ "done": d, "total": t, "percent": p })),
            "note": note,
        })
    })?;
    Ok(ctx.render(
        "learning/lesson",
        json!({
            "edition": { "slug": ed.slug, "title": ed.title },
            "lesson": {
                "module_slug": view.module_slug, "module_title": view.module_title,
                "locked": view.locked, "done": view.done,
            },
            "article_html": &*article_html,
            "url": lesson_url(slug, module, lesson),
            "previous": link(&view.previous),
            "next": link(&view.next),
            // Trainers edit the note in a form below the lesson.
            "note": access.can_teach().then(|| view.note.as_ref().map(|(body, _, _)| json!({ "body": body }))).flatten(),
            "can_read": access.can_read(),
            "can_teach": access.can_teach(),
            "is_participant": is_participant,
            "page_title": view.title,
        }),
    ))
}

/// What keys a lesson's rendered article besides the content and language: the lesson, its
/// text's language (a fallback to English shows a notice), whether it is locked, and the
/// reader's progress in its module when they are a participant.
fn article_variant(view: &learning::LessonView, progress: Option<(usize, usize, u32)>) -> String {
    let progress = progress.map_or_else(String::new, |(d, t, p)| format!("{d}/{t}/{p}"));
    format!("{}/{}|{}|{}|{progress}", view.module_slug, view.slug, view.language, u8::from(view.locked))
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
    // Each edition's lessons done come from the person's copy in memory when unchanged.
    let person = ctx.person();
    let mut rows = Vec::new();
    for (ed, how) in programs::editions_of_user(&mut conn, user.0.id).await? {
        let is_participant = how == "participant";
        let outline =
            learning::outline(&mut conn, &content, person, &ed, is_participant.then_some(user.0.id), ctx.lang).await?;
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
