//! Programs, editions, their sessions, modules and lessons as JSON. Times are UTC
//! (RFC 3339) with the edition's time zone alongside, so clients can show either.

use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::schedule;
use crate::error::AppError;
use crate::repo::programs::{self, Edition};
use crate::repo::schedule as sessions;
use crate::services::learning::{self, Access};
use crate::state::AppState;
use crate::web::guards::{Lang, MaybeUser};
use crate::web::present;

pub fn routes() -> Vec<Route> {
    routes![list_programs, get_edition, list_sessions, list_modules, get_lesson]
}

#[derive(Serialize, ToSchema)]
pub struct EditionSummary {
    pub slug: String,
    pub number: i64,
    pub title: String,
    pub theme: String,
    /// First day, `YYYY-MM-DD` in the edition's time zone.
    pub starts_on: String,
    pub ends_on: String,
    /// `upcoming`, `running` or `past`.
    pub phase: String,
    pub accepting_applications: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ProgramOut {
    pub slug: String,
    pub name: String,
    pub short_name: String,
    pub description: String,
    pub editions: Vec<EditionSummary>,
}

#[derive(Serialize, ToSchema)]
pub struct EditionOut {
    pub slug: String,
    pub program: String,
    pub number: i64,
    pub title: String,
    pub theme: String,
    pub summary: String,
    pub starts_on: String,
    pub ends_on: String,
    pub venue: String,
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// IANA time zone of the edition; session times are shown in it.
    pub time_zone: String,
    /// `on-site`, `online` or `blended`.
    pub mode: String,
    pub capacity: i64,
    pub working_languages: Vec<String>,
    /// RFC 3339, UTC.
    pub applications_open_at: Option<String>,
    pub applications_close_at: Option<String>,
    pub accepting_applications: bool,
    /// `open` or `reviewed`.
    pub admission_mode: String,
    pub sequential: bool,
    pub phase: String,
    /// Module slugs in course order.
    pub modules: Vec<String>,
    pub trainers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i64,
    pub title: String,
    /// `lecture`, `workshop`, `site-visit` or `panel`.
    pub kind: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    /// Wall-clock start and end in the edition's time zone, `YYYY-MM-DD HH:MM`.
    pub local_start: String,
    pub local_end: String,
    pub time_zone: String,
    pub room: String,
    pub online_url: String,
    pub module: Option<String>,
    pub trainers: Vec<String>,
    /// Rises with every change (as in the iCalendar feed).
    pub sequence: i64,
}

#[derive(Serialize, ToSchema)]
pub struct LessonRef {
    pub module: String,
    pub lesson: String,
    pub title: String,
}

#[derive(Serialize, ToSchema)]
pub struct LessonOut {
    pub module: String,
    pub slug: String,
    pub title: String,
    /// The language the text is in (English when no translation exists).
    pub language: String,
    pub languages: Vec<String>,
    pub duration_minutes: i64,
    pub learning_outcomes: Vec<String>,
    /// The lesson as cleaned HTML; empty while the lesson is locked.
    pub html: String,
    pub done: bool,
    pub locked: bool,
    pub preview: bool,
    pub previous: Option<LessonRef>,
    pub next: Option<LessonRef>,
}

fn summary(e: &Edition) -> EditionSummary {
    EditionSummary {
        slug: e.slug.clone(),
        number: e.number,
        title: e.title.clone(),
        theme: e.theme.clone(),
        starts_on: e.starts_on.clone(),
        ends_on: e.ends_on.clone(),
        phase: present::phase(e).into(),
        accepting_applications: e.is_open(crate::db::now()),
    }
}

/// Every program with its editions, oldest edition first.
#[utoipa::path(get, path = "/api/v1/programs", tag = "catalogue",
    responses((status = 200, description = "Programs and their editions", body = [ProgramOut])))]
#[get("/api/v1/programs")]
pub async fn list_programs(state: &rocket::State<AppState>) -> Result<Json<Vec<ProgramOut>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let editions = programs::all_editions(&mut conn).await?;
    let out = programs::all_programs(&mut conn)
        .await?
        .into_iter()
        .map(|p| ProgramOut {
            editions: editions.iter().filter(|e| e.program_id == p.id).map(summary).collect(),
            slug: p.slug,
            name: p.name,
            short_name: p.short_name,
            description: p.description,
        })
        .collect();
    Ok(Json(out))
}

/// One edition.
#[utoipa::path(get, path = "/api/v1/editions/{slug}", tag = "catalogue",
    params(("slug" = String, Path, description = "Edition slug, e.g. itw-2027")),
    responses((status = 200, description = "The edition", body = EditionOut),
              (status = 404, description = "No such edition", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>")]
pub async fn get_edition(state: &rocket::State<AppState>, slug: &str) -> Result<Json<EditionOut>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let e = learning::edition(&mut conn, slug).await?;
    let modules = crate::repo::library::course_module_slugs(&mut conn, e.id).await?;
    let trainers = sessions::trainers(&mut conn, e.id).await?.into_iter().map(|t| t.display_name).collect();
    Ok(Json(EditionOut {
        program: e.program_slug.clone(),
        number: e.number,
        title: e.title.clone(),
        theme: e.theme.clone(),
        summary: e.summary.clone(),
        starts_on: e.starts_on.clone(),
        ends_on: e.ends_on.clone(),
        venue: e.venue.clone(),
        city: e.city.clone(),
        country: e.country.clone(),
        time_zone: e.time_zone.clone(),
        mode: e.mode.clone(),
        capacity: e.capacity,
        working_languages: e.languages(),
        applications_open_at: e.open_at().map(|t| t.rfc3339()),
        applications_close_at: e.close_at().map(|t| t.rfc3339()),
        accepting_applications: e.is_open(crate::db::now()),
        admission_mode: e.admission_mode.clone(),
        sequential: e.sequential != 0,
        phase: present::phase(&e).into(),
        modules,
        trainers,
        slug: e.slug,
    }))
}

/// The edition's timetable.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/sessions", tag = "catalogue",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "Sessions in time order", body = [SessionOut]),
              (status = 404, description = "No such edition", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/sessions")]
pub async fn list_sessions(state: &rocket::State<AppState>, slug: &str) -> Result<Json<Vec<SessionOut>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let e = learning::edition(&mut conn, slug).await?;
    let trainers = sessions::trainers_of_sessions(&mut conn, e.id).await?;
    let out = sessions::of_edition(&mut conn, e.id)
        .await?
        .into_iter()
        .map(|s| SessionOut {
            id: s.id,
            starts_at: s.start().rfc3339(),
            ends_at: s.end().rfc3339(),
            local_start: schedule::local_text(s.start(), &e.time_zone),
            local_end: schedule::local_text(s.end(), &e.time_zone),
            time_zone: e.time_zone.clone(),
            trainers: trainers.iter().filter(|(sid, _, _)| *sid == s.id).map(|(_, _, n)| n.clone()).collect(),
            title: s.title,
            kind: s.kind,
            room: s.room,
            online_url: s.online_url,
            module: s.module_slug,
            sequence: s.sequence,
        })
        .collect();
    Ok(Json(out))
}

/// The course outline; for an enrolled participant, with their progress and locks.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/modules", tag = "catalogue",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "Modules and lessons in course order", body = crate::services::learning::Outline),
              (status = 404, description = "No such edition", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/modules")]
pub async fn list_modules(
    state: &rocket::State<AppState>,
    user: MaybeUser,
    lang: Lang,
    slug: &str,
) -> Result<Json<learning::Outline>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let e = learning::edition(&mut conn, slug).await?;
    let access = learning::access(&mut conn, &e, user.0.as_ref()).await?;
    let learner = (access == Access::Participant).then(|| user.0.as_ref().map(|u| u.id)).flatten();
    let content = state.content.at(&mut conn).await?;
    Ok(Json(learning::outline(&mut conn, &content, None, &e, learner, lang.0).await?))
}

/// One lesson. People not enrolled (nor training, nor coordinating) see only the first
/// lesson of each module; any other lesson is "not found" to them.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/modules/{module}/{lesson}", tag = "catalogue",
    params(("slug" = String, Path, description = "Edition slug"), ("module" = String, Path, description = "Module slug"),
           ("lesson" = String, Path, description = "Lesson slug")),
    responses((status = 200, description = "The lesson", body = LessonOut),
              (status = 404, description = "No such lesson, or not open to the caller", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/modules/<module>/<lesson>")]
pub async fn get_lesson(
    state: &rocket::State<AppState>,
    user: MaybeUser,
    lang: Lang,
    slug: &str,
    module: &str,
    lesson: &str,
) -> Result<Json<LessonOut>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let e = learning::edition(&mut conn, slug).await?;
    let access = learning::access(&mut conn, &e, user.0.as_ref()).await?;
    let learner = (access == Access::Participant).then(|| user.0.as_ref().map(|u| u.id)).flatten();
    let content = state.content.at(&mut conn).await?;
    let (v, _) = learning::lesson(&mut conn, &content, None, &e, access, learner, module, lesson, lang.0).await?;
    let to_ref =
        |n: Option<(String, String, String)>| n.map(|(module, lesson, title)| LessonRef { module, lesson, title });
    Ok(Json(LessonOut {
        module: v.module_slug,
        slug: v.slug,
        title: v.title,
        language: v.language,
        languages: v.languages,
        duration_minutes: v.duration_minutes,
        learning_outcomes: v.learning_outcomes,
        html: v.html,
        done: v.done,
        locked: v.locked,
        preview: v.preview,
        previous: to_ref(v.previous),
        next: to_ref(v.next),
    }))
}
