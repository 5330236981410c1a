//! Materials through the API: list an edition's (those the caller may see), upload, replace
//! with a new version, list and restore versions, delete, download. Uploads are
//! `multipart/form-data` with the same fields as the page's form.

use rocket::form::{Errors, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, delete, get, post, routes};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::material;
use crate::error::AppError;
use crate::repo::materials::Material;
use crate::services::learning;
use crate::services::materials::{self as service, MaterialInput};
use crate::state::AppState;
use crate::web::csrf::SameOrigin;
use crate::web::guards::{MaybeUser, SignedIn};
use crate::web::materials::{RangeHeader, Served, sent_name, serve, unreadable_upload};

pub fn routes() -> Vec<Route> {
    routes![list, upload, versions, replace, restore, remove, download]
}

/// A material with its current file.
#[derive(Serialize, ToSchema)]
pub struct MaterialOut {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// `public`, `participants` or `trainers`.
    pub visibility: String,
    pub module_id: Option<i64>,
    pub lesson_id: Option<i64>,
    pub session_id: Option<i64>,
    /// The name the file was uploaded with.
    pub file_name: String,
    /// Bytes.
    pub size: i64,
    /// The type judged from the file's bytes.
    pub content_type: String,
    /// `pdf`, `document`, `spreadsheet`, `slides`, `image`, `video`, `audio`, `zip`, `csv`, `text`.
    pub kind: String,
    pub sha256: String,
    /// The current version's number.
    pub version: i64,
    pub updated_at: String,
    /// Always serves the current version.
    pub download_url: String,
}

impl From<&Material> for MaterialOut {
    fn from(m: &Material) -> Self {
        MaterialOut {
            id: m.id,
            title: m.title.clone(),
            description: m.description.clone(),
            visibility: m.visibility.clone(),
            module_id: m.module_id,
            lesson_id: m.lesson_id,
            session_id: m.session_id,
            file_name: m.file_name.clone(),
            size: m.size,
            content_type: m.content_type.clone(),
            kind: material::kind(&m.content_type).to_string(),
            sha256: m.sha256.clone(),
            version: m.version,
            updated_at: m.updated_at.clone(),
            download_url: format!("/api/v1/materials/{}/download", m.id),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VersionOut {
    /// Pass this to the restore call.
    pub id: i64,
    pub number: i64,
    pub file_name: String,
    pub size: i64,
    pub uploaded_at: String,
    pub current: bool,
}

/// The fields of an upload (the OpenAPI description of the multipart body).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadBody {
    title: String,
    description: Option<String>,
    /// `public`, `participants` or `trainers`.
    visibility: String,
    /// A module slug of the edition's course.
    module: Option<String>,
    /// A lesson slug of that module.
    lesson: Option<String>,
    /// A session id of the edition.
    session: Option<String>,
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// The replacement file of a new version.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct FileBody {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[derive(FromForm)]
pub struct UploadForm<'r> {
    title: Option<String>,
    description: Option<String>,
    visibility: Option<String>,
    module: Option<String>,
    lesson: Option<String>,
    session: Option<String>,
    /// The page's one-list form of module, lesson or session (see `MaterialInput::attach_to`).
    attach: Option<String>,
    file: TempFile<'r>,
}

#[derive(FromForm)]
pub struct FileForm<'r> {
    file: TempFile<'r>,
}

/// The materials of an edition that the caller may see.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/materials", tag = "materials",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "Materials, newest first", body = [MaterialOut]),
              (status = 404, description = "No such edition", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/materials")]
pub async fn list(
    state: &rocket::State<AppState>,
    user: MaybeUser,
    slug: &str,
) -> Result<Json<Vec<MaterialOut>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let access = learning::access(&mut conn, &ed, user.0.as_ref()).await?;
    let content = state.content.at(&mut conn).await?;
    let visible = service::visible(&mut conn, &content, &ed, access).await?;
    Ok(Json(visible.iter().map(MaterialOut::from).collect()))
}

/// Attach a file to the edition, one of its modules or lessons, or a session (trainers of
/// the edition and coordinators).
#[utoipa::path(post, path = "/api/v1/editions/{slug}/materials", tag = "materials",
    params(("slug" = String, Path, description = "Edition slug")),
    request_body(content = UploadBody, content_type = "multipart/form-data"),
    responses((status = 201, description = "The new material", body = MaterialOut),
              (status = 404, description = "No such edition, or the caller does not teach it", body = super::ErrorBody),
              (status = 413, description = "Larger than the upload limit", body = super::ErrorBody),
              (status = 422, description = "Invalid fields, or an empty, disguised or disallowed file", body = super::ErrorBody),
              (status = 503, description = "Files cannot be stored right now; nothing was changed", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/materials", data = "<form>")]
pub async fn upload(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _o: SameOrigin,
    slug: &str,
    form: Result<Form<UploadForm<'_>>, Errors<'_>>,
) -> Result<(Status, Json<MaterialOut>), AppError> {
    let form = form.map_err(|e| unreadable_upload(&e))?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut input = MaterialInput {
        title: text(&form.title),
        description: text(&form.description),
        visibility: text(&form.visibility),
        module: text(&form.module),
        lesson: text(&form.lesson),
        session: text(&form.session),
    };
    if let Some(choice) = form.attach.as_deref().filter(|c| !c.trim().is_empty()) {
        input.attach_to(choice);
    }
    let name = sent_name(&form.file);
    let file = form.file.open().await.map_err(|e| AppError::Internal(e.to_string()))?;
    let m = service::upload(state, &user.0, slug, &input, &name, file).await?;
    Ok((Status::Created, Json(MaterialOut::from(&m))))
}

/// Every version of a material, newest first (for those who manage it).
#[utoipa::path(get, path = "/api/v1/materials/{id}/versions", tag = "materials",
    params(("id" = i64, Path, description = "Material id")),
    responses((status = 200, description = "Versions, newest first", body = [VersionOut]),
              (status = 404, description = "No such material, or the caller does not manage it", body = super::ErrorBody)))]
#[get("/api/v1/materials/<id>/versions")]
pub async fn versions(
    state: &rocket::State<AppState>,
    user: SignedIn,
    id: i64,
) -> Result<Json<Vec<VersionOut>>, AppError> {
    let (m, versions) = service::versions(state, &user.0, id).await?;
    Ok(Json(
        versions
            .into_iter()
            .map(|(vid, number, file_name, size, at)| VersionOut {
                id: vid,
                number,
                file_name,
                size,
                uploaded_at: at,
                current: vid == m.version_id,
            })
            .collect(),
    ))
}

/// Upload a replacement: a new version that the material's link serves from now on.
#[utoipa::path(post, path = "/api/v1/materials/{id}/versions", tag = "materials",
    params(("id" = i64, Path, description = "Material id")),
    request_body(content = FileBody, content_type = "multipart/form-data"),
    responses((status = 200, description = "The material with its new version", body = MaterialOut),
              (status = 404, description = "No such material, or the caller does not manage it", body = super::ErrorBody),
              (status = 422, description = "An empty, disguised or disallowed file", body = super::ErrorBody),
              (status = 503, description = "Files cannot be stored right now; nothing was changed", body = super::ErrorBody)))]
#[post("/api/v1/materials/<id>/versions", data = "<form>")]
pub async fn replace(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _o: SameOrigin,
    id: i64,
    form: Result<Form<FileForm<'_>>, Errors<'_>>,
) -> Result<Json<MaterialOut>, AppError> {
    let form = form.map_err(|e| unreadable_upload(&e))?;
    let name = sent_name(&form.file);
    let file = form.file.open().await.map_err(|e| AppError::Internal(e.to_string()))?;
    let m = service::replace(state, &user.0, id, &name, file).await?;
    Ok(Json(MaterialOut::from(&m)))
}

/// Make an earlier version current again.
#[utoipa::path(post, path = "/api/v1/materials/{id}/versions/{version}/restore", tag = "materials",
    params(("id" = i64, Path, description = "Material id"), ("version" = i64, Path, description = "Version id")),
    responses((status = 200, description = "The material", body = MaterialOut),
              (status = 404, description = "No such material or version", body = super::ErrorBody)))]
#[post("/api/v1/materials/<id>/versions/<version>/restore")]
pub async fn restore(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _o: SameOrigin,
    id: i64,
    version: i64,
) -> Result<Json<MaterialOut>, AppError> {
    let m = service::restore(state, &user.0, id, version).await?;
    Ok(Json(MaterialOut::from(&m)))
}

/// Delete a material: hidden at once, its files removed by `storage gc` after 30 days.
#[utoipa::path(delete, path = "/api/v1/materials/{id}", tag = "materials",
    params(("id" = i64, Path, description = "Material id")),
    responses((status = 204, description = "Deleted"),
              (status = 404, description = "No such material, or the caller does not manage it", body = super::ErrorBody)))]
#[delete("/api/v1/materials/<id>")]
pub async fn remove(
    state: &rocket::State<AppState>,
    user: SignedIn,
    _o: SameOrigin,
    id: i64,
) -> Result<Status, AppError> {
    service::delete(state, &user.0, id).await?;
    Ok(Status::NoContent)
}

/// The current file: a redirect to a presigned link valid for 5 minutes (S3), or the file
/// itself with `Range` support (local store). Not found for those who may not see it.
#[utoipa::path(get, path = "/api/v1/materials/{id}/download", tag = "materials",
    params(("id" = i64, Path, description = "Material id")),
    responses((status = 200, description = "The file"), (status = 206, description = "The requested range"),
              (status = 303, description = "A presigned link to the file"),
              (status = 404, description = "No such material, or not visible to the caller", body = super::ErrorBody),
              (status = 503, description = "The file store is unavailable", body = super::ErrorBody)))]
#[get("/api/v1/materials/<id>/download")]
pub async fn download(
    state: &rocket::State<AppState>,
    user: MaybeUser,
    range: RangeHeader,
    id: i64,
) -> Result<Served, AppError> {
    serve(state, user.0.as_ref(), id, range).await
}
