//! The public catalogue: programs with their upcoming, open and past editions, and one
//! edition's page with its theme, dates, course, timetable and trainers.

use rocket::{Route, get, routes};
use serde_json::{Value, json};

use super::present;
use super::view::Ctx;
use crate::error::AppError;
use crate::repo::programs;
use crate::services::content_cache::Timetable;
use crate::services::learning::{self, Access};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![catalogue, edition_page]
}

/// The signed-in person's time zone, when their profile names one.
pub fn viewer_zone(ctx: &Ctx<'_>) -> Option<String> {
    ctx.user.as_ref().map(|u| u.profile.time_zone.clone()).filter(|z| !z.is_empty())
}

#[get("/catalogue")]
async fn catalogue(ctx: Ctx<'_>) -> Result<HtmlPage, AppError> {
    let catalogue = match ctx.cached_catalogue() {
        Some(c) => c,
        None => {
            let mut conn = ctx.state.db.pool.acquire().await?;
            ctx.content(&mut conn).await?.catalogue(&mut conn).await?
        }
    };
    let editions = &catalogue.editions;
    let viewer = viewer_zone(&ctx);
    let groups: Vec<Value> = catalogue
        .programs
        .iter()
        .map(|p| {
            let mine: Vec<_> = editions.iter().filter(|e| e.program_id == p.id).collect();
            let pick = |phase: &str| -> Vec<Value> {
                let mut v: Vec<Value> = mine
                    .iter()
                    .filter(|e| present::phase(e) == phase)
                    .map(|e| present::edition(e, ctx.lang, viewer.as_deref()))
                    .collect();
                // Editions come newest first; what is still ahead reads soonest first.
                if phase != "past" {
                    v.reverse();
                }
                v
            };
            let mut current = pick("running");
            current.extend(pick("upcoming"));
            json!({
                "slug": p.slug, "name": p.name, "short_name": p.short_name, "description": p.description,
                "current": current, "past": pick("past"),
            })
        })
        .collect();
    Ok(ctx.render("catalogue/index", json!({ "programs": groups })))
}

#[get("/editions/<slug>")]
async fn edition_page(ctx: Ctx<'_>, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let content = ctx.content(&mut conn).await?;
    let ed = learning::shown_edition(&mut conn, &content, slug).await?;
    let (access, enrollment) = learning::standing(&mut conn, &ed, ctx.user.as_ref()).await?;
    let learner = (access == Access::Participant).then(|| ctx.user.as_ref().map(|u| u.id)).flatten();
    let outline = learning::outline(&mut conn, &content, &ed, learner, ctx.lang).await?;
    let viewer = viewer_zone(&ctx);
    let timetable = content.timetable(&mut conn, ed.id).await?;
    let sessions = sessions_json(&ed, &timetable, viewer.as_deref());
    let trainers: Vec<Value> = timetable
        .trainers
        .iter()
        .map(|t| json!({ "display_name": t.display_name, "organisation": t.organisation, "country": t.country }))
        .collect();
    let visible = crate::services::materials::visible(&mut conn, &ed, access).await?;
    // The course's places (modules, lessons, sessions) are read only when there is a file to place.
    let materials = if visible.is_empty() {
        Vec::new()
    } else {
        super::materials_view::Places::of(&mut conn, &ed, ctx.lang).await?.group(&visible, ctx.lang)
    };
    let survey_open = crate::services::survey::is_open(&mut conn, ed.id).await?;
    let mut checklist = Value::Null;
    if let (Access::Participant, Some(u)) = (access, ctx.user.as_ref()) {
        drop(conn);
        // A certificate that became due is issued as soon as its holder looks.
        let seen = crate::services::certificates::on_sight(ctx.state, &ed, u.id).await?;
        checklist = json!({
            "items": seen.checklist.items, "complete": seen.checklist.complete,
            "certificate": seen.certificate.as_ref().map(super::certificates::certificate_json),
        });
    }
    let edition = present::edition(&ed, ctx.lang, viewer.as_deref());
    Ok(ctx.render(
        "catalogue/edition",
        json!({
            "edition": edition,
            "course_progress": json!({ "percent": outline.percent, "done": outline.done, "total": outline.total }),
            "outline": outline,
            "access": access,
            "can_read": access.can_read(),
            "can_teach": access.can_teach(),
            "is_participant": access == Access::Participant,
            "enrollment": enrollment,
            "timetable": present::timetable(sessions),
            "trainers": trainers,
            "materials": materials,
            "checklist": checklist,
            "survey_open": survey_open,
            "page_title": ed.title,
        }),
    ))
}

/// An edition's sessions as JSON, in time order, with their trainers.
pub fn sessions_json(ed: &programs::Edition, timetable: &Timetable, viewer: Option<&str>) -> Vec<Value> {
    timetable
        .sessions
        .iter()
        .map(|s| {
            let names: Vec<Value> = timetable
                .session_trainers
                .iter()
                .filter(|(sid, _, _)| *sid == s.id)
                .map(|(_, uid, name)| json!({ "id": uid, "display_name": name }))
                .collect();
            present::session(ed, s, names, viewer)
        })
        .collect()
}
