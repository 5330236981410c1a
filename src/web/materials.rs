//! Materials in the browser: trainers upload, replace, restore and delete; anyone allowed
//! downloads (a presigned redirect to the object store, or the file itself with ranges).

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{ContentType, Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Flash, Redirect, Responder, Response};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::csrf::{self, CsrfForm, SameOrigin};
use super::guards::{MaybeUser, SignedIn};
use super::manage::NoFields;
use super::materials_view::{Places, human_size, material_json};
use super::present;
use super::view::Ctx;
use crate::domain::material::VISIBILITIES;
use crate::error::AppError;
use crate::msg;
use crate::repo::materials as repo;
use crate::services::learning;
use crate::services::materials::{self, MaterialInput};
use crate::storage::{Download, content_disposition};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![manage_page, upload, replace, restore, delete, download]
}

fn manage_url(slug: &str) -> String {
    format!("/manage/editions/{slug}/materials")
}

#[get("/manage/editions/<slug>/materials")]
async fn manage_page(ctx: Ctx<'_>, user: SignedIn, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    if !learning::access(&mut conn, &ed, Some(&user.0)).await?.can_teach() {
        return Err(AppError::NotFound);
    }
    let content = ctx.content(&mut conn).await?;
    let places = Places::of(&mut conn, &content, &ed, ctx.lang).await?;
    let mut rows = Vec::new();
    for m in repo::of_edition(&mut conn, ed.id).await? {
        let versions: Vec<Value> = repo::versions(&mut conn, m.id)
            .await?
            .into_iter()
            .map(|(id, number, name, size, at)| {
                json!({ "id": id, "number": number, "file_name": name, "size": human_size(size), "at": at.get(..16).unwrap_or_default(), "current": id == m.version_id })
            })
            .collect();
        let mut j = material_json(&m);
        j["versions"] = json!(versions);
        j["visibility_name"] = json!(ctx.t(&format!("visibility-{}", m.visibility)));
        j["attached"] = json!(places.describe(&m, ctx.lang));
        rows.push(j);
    }
    Ok(ctx.render(
        "manage/materials",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "materials": rows,
            "visibilities": VISIBILITIES.iter().map(|v| json!({ "code": v, "name": ctx.t(&format!("visibility-{v}")) })).collect::<Vec<_>>(),
            "attach_groups": places.choices(ctx.lang),
            "max_mb": ctx.state.config.max_upload_bytes / (1024 * 1024),
            "page_title": ctx.t("materials-title"),
        }),
    ))
}

#[derive(FromForm)]
struct UploadForm<'r> {
    csrf_token: Option<String>,
    title: Option<String>,
    description: Option<String>,
    visibility: Option<String>,
    /// `module:<slug>`, `lesson:<module>/<lesson>`, `session:<id>` or empty.
    attach: Option<String>,
    file: TempFile<'r>,
}

/// Why an upload form could not be read, as people should hear it: a file over the limit is
/// 413 "larger than the upload limit"; a missing file or a broken body names the file field.
pub fn unreadable_upload(errors: &rocket::form::Errors<'_>) -> AppError {
    use rocket::form::error::ErrorKind;
    if errors.iter().any(|e| matches!(e.kind, ErrorKind::InvalidLength { .. })) {
        return AppError::Refused(Status::PayloadTooLarge, msg!("err-file-too-large"));
    }
    let missing = errors.iter().any(|e| matches!(e.kind, ErrorKind::Missing) && e.is_for("file"));
    let mut f = crate::domain::FieldErrors::new();
    f.add("file", if missing { msg!("err-file-missing") } else { msg!("err-file-unreadable") });
    AppError::Invalid(f)
}

/// A refusal of an unreadable upload form, as a message on the page it came from.
fn refuse_upload(ctx: &Ctx<'_>, to: String, errors: &rocket::form::Errors<'_>) -> Flash<Redirect> {
    let key = match unreadable_upload(errors) {
        AppError::Invalid(f) => f.0.first().map_or(msg!("err-file-unreadable"), |e| e.key),
        other => other.message_key(),
    };
    ctx.flash_error(to, key)
}

/// The uploaded file's name as the browser sent it (with its extension).
pub fn sent_name(file: &TempFile<'_>) -> String {
    // The raw name is only metadata: the service refuses path-like or control characters.
    file.raw_name().map(|n| n.dangerous_unsafe_unsanitized_raw().as_str().to_string()).unwrap_or_default()
}

#[post("/manage/editions/<slug>/materials", data = "<form>")]
async fn upload(
    ctx: Ctx<'_>,
    user: SignedIn,
    _o: SameOrigin,
    slug: &str,
    form: Result<Form<UploadForm<'_>>, rocket::form::Errors<'_>>,
) -> Result<Flash<Redirect>, AppError> {
    let form = match form {
        Ok(f) => f,
        Err(e) => return Ok(refuse_upload(&ctx, manage_url(slug), &e)),
    };
    if !form.csrf_token.as_deref().is_some_and(|t| csrf::verify(ctx.cookies, t)) {
        return Err(AppError::Refused(Status::Forbidden, msg!("err-csrf")));
    }
    let mut input = MaterialInput {
        title: form.title.clone().unwrap_or_default(),
        description: form.description.clone().unwrap_or_default(),
        visibility: form.visibility.clone().unwrap_or_default(),
        ..MaterialInput::default()
    };
    input.attach_to(form.attach.as_deref().unwrap_or_default());
    let name = sent_name(&form.file);
    let file = form.file.open().await.map_err(|e| AppError::Internal(e.to_string()))?;
    let r = materials::upload(ctx.state, &user.0, slug, &input, &name, file).await;
    ctx.flash_outcome(manage_url(slug), r, msg!("flash-material-saved"))
}

#[derive(FromForm)]
struct ReplaceForm<'r> {
    csrf_token: Option<String>,
    file: TempFile<'r>,
}

#[post("/materials/<id>/replace", data = "<form>")]
async fn replace(
    ctx: Ctx<'_>,
    user: SignedIn,
    _o: SameOrigin,
    id: i64,
    form: Result<Form<ReplaceForm<'_>>, rocket::form::Errors<'_>>,
) -> Result<Flash<Redirect>, AppError> {
    let back = back_to(&ctx, id).await?;
    let form = match form {
        Ok(f) => f,
        Err(e) => return Ok(refuse_upload(&ctx, back, &e)),
    };
    if !form.csrf_token.as_deref().is_some_and(|t| csrf::verify(ctx.cookies, t)) {
        return Err(AppError::Refused(Status::Forbidden, msg!("err-csrf")));
    }
    let name = sent_name(&form.file);
    let file = form.file.open().await.map_err(|e| AppError::Internal(e.to_string()))?;
    let r = materials::replace(ctx.state, &user.0, id, &name, file).await;
    ctx.flash_outcome(back, r, msg!("flash-material-saved"))
}

/// The management page of the material's edition.
async fn back_to(ctx: &Ctx<'_>, id: i64) -> Result<String, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let m = repo::by_id(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let ed = crate::repo::programs::edition_by_id(&mut conn, m.edition_id).await?.ok_or(AppError::NotFound)?;
    Ok(manage_url(&ed.slug))
}

#[post("/materials/<id>/versions/<version>/restore", data = "<_form>")]
async fn restore(
    ctx: Ctx<'_>,
    user: SignedIn,
    id: i64,
    version: i64,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    let back = back_to(&ctx, id).await?;
    let r = materials::restore(ctx.state, &user.0, id, version).await;
    ctx.flash_outcome(back, r, msg!("flash-material-saved"))
}

#[post("/materials/<id>/delete", data = "<_form>")]
async fn delete(ctx: Ctx<'_>, user: SignedIn, id: i64, _form: CsrfForm<NoFields>) -> Result<Flash<Redirect>, AppError> {
    let back = back_to(&ctx, id).await?;
    materials::delete(ctx.state, &user.0, id).await?;
    Ok(ctx.flash_success(back, msg!("flash-material-deleted")))
}

/// The `Range: bytes=a-b` header, when present.
pub struct RangeHeader(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for RangeHeader {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        Outcome::Success(RangeHeader(req.headers().get_one("Range").map(str::to_string)))
    }
}

/// (start, end inclusive) of a single `bytes=` range within `size`, if satisfiable.
fn parse_range(header: &str, size: u64) -> Option<(u64, u64)> {
    let spec = header.strip_prefix("bytes=")?;
    if spec.contains(',') || size == 0 {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (start, end) = if a.is_empty() {
        let n: u64 = b.parse().ok()?;
        (size.saturating_sub(n), size - 1)
    } else {
        let start: u64 = a.parse().ok()?;
        let end = if b.is_empty() { size - 1 } else { b.parse::<u64>().ok()?.min(size - 1) };
        (start, end)
    };
    (start <= end && start < size).then_some((start, end))
}

/// A file from the local store, whole or one range of it.
pub struct LocalFile {
    path: std::path::PathBuf,
    content_type: String,
    disposition: String,
    range: Option<String>,
}

impl<'r> Responder<'r, 'static> for LocalFile {
    fn respond_to(self, _req: &'r Request<'_>) -> response::Result<'static> {
        let mut file = std::fs::File::open(&self.path).map_err(|_| Status::NotFound)?;
        let size = file.metadata().map_err(|_| Status::NotFound)?.len();
        let ct = ContentType::parse_flexible(&self.content_type).unwrap_or(ContentType::Binary);
        let mut b = Response::build();
        b.header(ct)
            .raw_header("Content-Disposition", self.disposition)
            .raw_header("Accept-Ranges", "bytes")
            .raw_header("X-Content-Type-Options", "nosniff")
            .raw_header("Cache-Control", "private, max-age=300");
        match self.range.as_deref().map(|r| parse_range(r, size)) {
            Some(Some((start, end))) => {
                use std::io::Seek;
                use tokio::io::AsyncReadExt;
                let len = end - start + 1;
                file.seek(std::io::SeekFrom::Start(start)).map_err(|_| Status::InternalServerError)?;
                let taken = tokio::fs::File::from_std(file).take(len);
                b.status(Status::PartialContent)
                    .header(Header::new("Content-Range", format!("bytes {start}-{end}/{size}")))
                    .raw_header("Content-Length", len.to_string())
                    .streamed_body(taken);
            }
            Some(None) => {
                return Response::build()
                    .status(Status::RangeNotSatisfiable)
                    .header(Header::new("Content-Range", format!("bytes */{size}")))
                    .ok();
            }
            None => {
                b.sized_body(usize::try_from(size).ok(), tokio::fs::File::from_std(file));
            }
        }
        b.ok()
    }
}

#[derive(Responder)]
pub enum Served {
    Redirect(Redirect),
    File(LocalFile),
}

#[get("/materials/<id>/download")]
async fn download(
    state: &rocket::State<crate::state::AppState>,
    user: MaybeUser,
    range: RangeHeader,
    id: i64,
) -> Result<Served, AppError> {
    serve(state, user.0.as_ref(), id, range).await
}

/// The current file of material `id` after the access check: a redirect to the object
/// store, or the file itself (with ranges) from the local store.
pub async fn serve(
    state: &crate::state::AppState,
    user: Option<&crate::domain::user::User>,
    id: i64,
    range: RangeHeader,
) -> Result<Served, AppError> {
    let (m, d) = materials::download(state, user, id).await?;
    Ok(match d {
        Download::Redirect(url) => Served::Redirect(Redirect::to(url)),
        Download::File(path) => {
            let attachment = materials::must_download(&m.content_type);
            Served::File(LocalFile {
                path,
                content_type: m.content_type,
                disposition: content_disposition(&m.file_name, attachment),
                range: range.0,
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_are_read_as_browsers_send_them() {
        assert_eq!(parse_range("bytes=0-99", 1000), Some((0, 99)));
        assert_eq!(parse_range("bytes=900-", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=-100", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=990-2000", 1000), Some((990, 999)));
        assert_eq!(parse_range("bytes=1000-", 1000), None);
        assert_eq!(parse_range("bytes=0-1,5-9", 1000), None);
        assert_eq!(parse_range("items=0-1", 1000), None);
    }
}
