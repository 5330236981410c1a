//! The signed-in person's own progress, and marking a lesson done or not done.

use rocket::serde::json::Json;
use rocket::{Route, get, put, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::SameSite;
use crate::error::AppError;
use crate::repo::programs;
use crate::services::learning::{self, Outline};
use crate::state::AppState;
use crate::web::guards::{Lang, SignedIn};

pub fn routes() -> Vec<Route> {
    routes![my_progress, set_progress]
}

#[derive(Serialize, ToSchema)]
pub struct ModuleProgress {
    pub module: String,
    pub done: usize,
    pub total: usize,
    pub percent: u32,
}

#[derive(Serialize, ToSchema)]
pub struct EditionProgress {
    pub edition: String,
    pub title: String,
    /// `participant` or `trainer`; trainers have no progress of their own.
    pub role: String,
    pub done: usize,
    pub total: usize,
    pub percent: u32,
    pub modules: Vec<ModuleProgress>,
}

fn progress_of(edition: &str, title: &str, role: &str, o: &Outline) -> EditionProgress {
    EditionProgress {
        edition: edition.into(),
        title: title.into(),
        role: role.into(),
        done: o.done,
        total: o.total,
        percent: o.percent,
        modules: o
            .modules
            .iter()
            .map(|m| ModuleProgress { module: m.slug.clone(), done: m.done, total: m.total, percent: m.percent })
            .collect(),
    }
}

/// Progress in every edition the caller takes part in or trains.
#[utoipa::path(get, path = "/api/v1/me/progress", tag = "me",
    responses((status = 200, description = "Progress per edition", body = [EditionProgress]),
              (status = 401, description = "Not signed in", body = super::ErrorBody)))]
#[get("/api/v1/me/progress")]
pub async fn my_progress(
    state: &rocket::State<AppState>,
    user: SignedIn,
    lang: Lang,
) -> Result<Json<Vec<EditionProgress>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let content = state.content.at(&mut conn).await?;
    let mut out = Vec::new();
    for (e, how) in programs::editions_of_user(&mut conn, user.0.id).await? {
        let learner = (how == "participant").then_some(user.0.id);
        let o = learning::outline(&mut conn, &content, None, &e, learner, lang.0).await?;
        out.push(progress_of(&e.slug, &e.title, &how, &o));
    }
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
pub struct ProgressRequest {
    pub done: bool,
}

/// Marks a lesson done (or not done). A locked lesson is refused (422); only enrolled
/// participants have progress (trainers and coordinators get 422, others 404).
#[utoipa::path(put, path = "/api/v1/editions/{slug}/modules/{module}/{lesson}/progress", tag = "me",
    params(("slug" = String, Path, description = "Edition slug"), ("module" = String, Path, description = "Module slug"),
           ("lesson" = String, Path, description = "Lesson slug")),
    request_body = ProgressRequest,
    responses((status = 200, description = "Progress in the edition after the change", body = EditionProgress),
              (status = 401, description = "Not signed in", body = super::ErrorBody),
              (status = 404, description = "No such lesson, or the caller is not enrolled", body = super::ErrorBody),
              (status = 422, description = "The lesson is locked", body = super::ErrorBody)))]
#[put("/api/v1/editions/<slug>/modules/<module>/<lesson>/progress", format = "json", data = "<body>")]
#[allow(clippy::too_many_arguments)] // three path segments, the body and four guards
pub async fn set_progress(
    state: &rocket::State<AppState>,
    user: SignedIn,
    lang: Lang,
    _same_site: SameSite,
    slug: &str,
    module: &str,
    lesson: &str,
    body: Json<ProgressRequest>,
) -> Result<Json<EditionProgress>, AppError> {
    let o = learning::set_done(state, slug, module, lesson, &user.0, body.done, lang.0).await?;
    let mut conn = state.db.pool.acquire().await?;
    let e = learning::edition(&mut conn, slug).await?;
    Ok(Json(progress_of(&e.slug, &e.title, "participant", &o)))
}
