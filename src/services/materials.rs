//! Trainers' materials: upload (object first, row second), replace with a new version,
//! restore an earlier one, delete softly, and hand a file to someone allowed to see it.

use tokio::io::{AsyncRead, AsyncReadExt};

use super::editions_admin::record;
use super::learning::{Access, access, edition};
use super::{ServiceError, ServiceResult};
use crate::domain::material::{self, SNIFF_BYTES, VISIBILITIES};
use crate::domain::user::User;
use crate::domain::{FieldErrors, names};
use crate::msg;
use crate::repo::materials::{self as repo, Material, NewMaterial, NewVersion};
use crate::repo::{Conn, library, programs, schedule};
use crate::services::content_cache::Content;
use crate::state::AppState;
use crate::storage::{Download, StorageError, Stored, new_key};

/// What describes a material (the file comes separately).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MaterialInput {
    pub title: String,
    pub description: String,
    pub visibility: String,
    /// A module slug of the edition's course, or empty.
    pub module: String,
    /// A lesson slug of that module, or empty.
    pub lesson: String,
    /// A session id of the edition, or empty.
    pub session: String,
}

impl MaterialInput {
    /// Fills module, lesson or session from one choice of a form's "attach to" list:
    /// `module:<slug>`, `lesson:<module>/<lesson>`, `session:<id>`, or empty for the edition.
    pub fn attach_to(&mut self, choice: &str) {
        let choice = choice.trim();
        if let Some(m) = choice.strip_prefix("module:") {
            self.module = m.to_string();
        } else if let Some(l) = choice.strip_prefix("lesson:") {
            let (m, l) = l.split_once('/').unwrap_or((l, ""));
            (self.module, self.lesson) = (m.to_string(), l.to_string());
            if self.lesson.is_empty() {
                self.lesson = "?".into(); // refused by the check below as an unknown lesson
            }
        } else if let Some(s) = choice.strip_prefix("session:") {
            self.session = s.to_string();
        } else if !choice.is_empty() {
            self.session = "?".into();
        }
    }
}

fn storage_error(e: StorageError) -> ServiceError {
    match e {
        StorageError::TooLarge(_) => ServiceError::field("file", msg!("err-file-too-large")),
        StorageError::Upload(_) => ServiceError::field("file", msg!("err-file-unreadable")),
        StorageError::NotFound => ServiceError::NotFound,
        StorageError::Unavailable(detail) => {
            tracing::warn!(%detail, "file store unavailable");
            ServiceError::Unavailable(msg!("err-storage-unavailable"))
        }
    }
}

/// Reads the head of the upload, judges its type, then streams head and rest to the store.
async fn store<R: AsyncRead + Unpin + Send>(
    state: &AppState,
    edition_id: i64,
    file_name: &str,
    mut reader: R,
) -> ServiceResult<(Stored, &'static str)> {
    let mut head = vec![0u8; SNIFF_BYTES];
    let mut filled = 0;
    while filled < head.len() {
        let n = reader
            .read(&mut head[filled..])
            .await
            .map_err(|_| ServiceError::field("file", msg!("err-file-unreadable")))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    head.truncate(filled);
    if head.is_empty() {
        return Err(ServiceError::field("file", msg!("err-file-empty")));
    }
    let content_type =
        material::sniff(&head, file_name).ok_or_else(|| ServiceError::field("file", msg!("err-file-type")))?;
    let limit = state.config.max_upload_bytes;
    let key = new_key(&format!("materials/{edition_id}"));
    let stream = std::io::Cursor::new(head).chain(reader);
    let stored = state.storage.put(&key, stream, limit, content_type).await.map_err(storage_error)?;
    Ok((stored, content_type))
}

/// The edition, if `user` may manage its materials (else not found).
async fn teachable(conn: &mut Conn, slug: &str, user: &User) -> ServiceResult<programs::Edition> {
    let ed = edition(conn, slug).await?;
    if access(conn, &ed, Some(user)).await?.can_teach() { Ok(ed) } else { Err(ServiceError::NotFound) }
}

/// A description that passed the checks.
struct Checked {
    title: String,
    description: String,
    visibility: &'static str,
    module_id: Option<i64>,
    lesson_id: Option<i64>,
    session_id: Option<i64>,
}

/// Checks the description against the edition: title, visibility, module, lesson and session.
async fn check(conn: &mut Conn, ed: &programs::Edition, input: &MaterialInput) -> ServiceResult<Checked> {
    let mut e = FieldErrors::new();
    let title = e.check(
        "title",
        names::short_text(&input.title)
            .and_then(|t| if t.is_empty() { Err(msg!("err-title-required")) } else { Ok(t) }),
    );
    let description = e.check("description", crate::domain::edition::long_text(&input.description));
    let visibility = VISIBILITIES.iter().find(|v| **v == input.visibility.trim()).copied();
    if visibility.is_none() {
        e.add("visibility", msg!("err-visibility-unknown"));
    }
    let mut module_id = None;
    let mut lesson_id = None;
    if !input.module.trim().is_empty() {
        let course = library::course_modules(conn, ed.id, "en").await?;
        match course.iter().find(|m| m.slug == input.module.trim()) {
            Some(m) => module_id = Some(m.module_id),
            None => e.add("module", msg!("err-module-not-in-course")),
        }
    }
    if !input.lesson.trim().is_empty() {
        let lessons = library::course_lessons(conn, ed.id, "en").await?;
        match lessons.iter().find(|l| l.module_slug == input.module.trim() && l.lesson_slug == input.lesson.trim()) {
            Some(l) => lesson_id = Some(l.lesson_id),
            None => e.add("lesson", msg!("err-lesson-not-in-course")),
        }
    }
    let mut session_id = None;
    if !input.session.trim().is_empty() {
        match input.session.trim().parse::<i64>() {
            Ok(id) if schedule::by_id(conn, ed.id, id).await?.is_some() => session_id = Some(id),
            _ => e.add("session", msg!("err-session-unknown")),
        }
    }
    e.clone().into_result()?;
    match (title, description, visibility) {
        (Some(t), Some(d), Some(v)) => {
            Ok(Checked { title: t, description: d, visibility: v, module_id, lesson_id, session_id })
        }
        _ => Err(e.into()),
    }
}

/// Attaches a new file to an edition. Nothing is stored when the description is invalid;
/// the object is removed again when the row cannot be written.
pub async fn upload<R: AsyncRead + Unpin + Send>(
    state: &AppState,
    user: &User,
    slug: &str,
    input: &MaterialInput,
    file_name: &str,
    reader: R,
) -> ServiceResult<Material> {
    let name = material::file_name(file_name).map_err(|k| ServiceError::field("file", k))?;
    let mut conn = state.db.pool.acquire().await?;
    let ed = teachable(&mut conn, slug, user).await?;
    let c = check(&mut conn, &ed, input).await?;
    drop(conn);
    let (stored, content_type) = store(state, ed.id, &name, reader).await?;
    let written = async {
        let mut tx = state.db.begin_write().await?;
        let new = NewMaterial {
            edition_id: ed.id,
            module_id: c.module_id,
            lesson_id: c.lesson_id,
            session_id: c.session_id,
            title: &c.title,
            description: &c.description,
            visibility: c.visibility,
            created_by: user.id,
        };
        let id = repo::insert(&mut tx, &new).await?;
        let version = NewVersion {
            object_key: &stored.key,
            file_name: &name,
            size: i64::try_from(stored.size).unwrap_or(i64::MAX),
            sha256: &stored.sha256,
            content_type,
            uploaded_by: user.id,
        };
        repo::add_version(&mut tx, id, &version).await?;
        let after = serde_json::json!({ "material": id, "title": c.title, "file": name, "size": stored.size });
        record(&mut tx, user, "material.upload", &ed.slug, serde_json::Value::Null, after).await?;
        let m = repo::by_id(&mut tx, id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok::<_, ServiceError>(m)
    }
    .await;
    if written.is_err() {
        let _ = state.storage.delete(&stored.key).await;
    }
    written
}

/// The material `id` if `user` may manage it.
async fn managed(conn: &mut Conn, user: &User, id: i64) -> ServiceResult<(Material, programs::Edition)> {
    let m = repo::by_id(conn, id).await?.filter(|m| m.deleted_at.is_none()).ok_or(ServiceError::NotFound)?;
    let ed = programs::edition_by_id(conn, m.edition_id).await?.ok_or(ServiceError::NotFound)?;
    if !access(conn, &ed, Some(user)).await?.can_teach() {
        return Err(ServiceError::NotFound);
    }
    Ok((m, ed))
}

/// Uploads a replacement: a new version that the material's link serves from now on.
pub async fn replace<R: AsyncRead + Unpin + Send>(
    state: &AppState,
    user: &User,
    id: i64,
    file_name: &str,
    reader: R,
) -> ServiceResult<Material> {
    let name = material::file_name(file_name).map_err(|k| ServiceError::field("file", k))?;
    let mut conn = state.db.pool.acquire().await?;
    let (m, ed) = managed(&mut conn, user, id).await?;
    drop(conn);
    let (stored, content_type) = store(state, ed.id, &name, reader).await?;
    let written = async {
        let mut tx = state.db.begin_write().await?;
        let version = NewVersion {
            object_key: &stored.key,
            file_name: &name,
            size: i64::try_from(stored.size).unwrap_or(i64::MAX),
            sha256: &stored.sha256,
            content_type,
            uploaded_by: user.id,
        };
        let number = repo::add_version(&mut tx, m.id, &version).await?;
        let after = serde_json::json!({ "material": m.id, "version": number, "file": name });
        record(&mut tx, user, "material.replace", &ed.slug, serde_json::Value::Null, after).await?;
        let after = repo::by_id(&mut tx, m.id).await?.ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok::<_, ServiceError>(after)
    }
    .await;
    if written.is_err() {
        let _ = state.storage.delete(&stored.key).await;
    }
    written
}

/// A material and its versions, newest first, for someone who manages it.
pub async fn versions(state: &AppState, user: &User, id: i64) -> ServiceResult<(Material, Vec<repo::VersionRow>)> {
    let mut conn = state.db.pool.acquire().await?;
    let (m, _) = managed(&mut conn, user, id).await?;
    let versions = repo::versions(&mut conn, m.id).await?;
    Ok((m, versions))
}

/// Makes an earlier version current again.
pub async fn restore(state: &AppState, user: &User, id: i64, version_id: i64) -> ServiceResult<Material> {
    let mut tx = state.db.begin_write().await?;
    let (m, ed) = managed(&mut tx, user, id).await?;
    let versions = repo::versions(&mut tx, m.id).await?;
    let Some(v) = versions.iter().find(|v| v.0 == version_id) else { return Err(ServiceError::NotFound) };
    repo::set_current(&mut tx, m.id, v.0).await?;
    let after = serde_json::json!({ "material": m.id, "version": v.1 });
    record(&mut tx, user, "material.restore", &ed.slug, serde_json::json!({ "version": m.version }), after).await?;
    let after = repo::by_id(&mut tx, m.id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    Ok(after)
}

/// Hides a material at once; `storage gc` removes its objects after 30 days.
pub async fn delete(state: &AppState, user: &User, id: i64) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let (m, ed) = managed(&mut tx, user, id).await?;
    repo::soft_delete(&mut tx, m.id).await?;
    record(
        &mut tx,
        user,
        "material.delete",
        &ed.slug,
        serde_json::json!({ "material": m.id, "title": m.title }),
        serde_json::Value::Null,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// May someone with `a` in the edition see a material of this visibility?
pub fn may_see(visibility: &str, a: Access) -> bool {
    match visibility {
        "public" => true,
        "participants" => a.can_read(),
        _ => a.can_teach(),
    }
}

/// The materials of an edition that someone with access `a` may see.
pub async fn visible(
    conn: &mut impl crate::repo::Reads,
    content: &Content<'_>,
    ed: &programs::Edition,
    a: Access,
) -> ServiceResult<Vec<Material>> {
    Ok(content.materials(conn, ed.id).await?.iter().filter(|m| may_see(&m.visibility, a)).cloned().collect())
}

/// Anything a browser could run is always downloaded, never shown inline.
pub fn must_download(content_type: &str) -> bool {
    !(content_type == "application/pdf"
        || content_type.starts_with("image/")
        || content_type.starts_with("video/")
        || content_type.starts_with("audio/"))
}

/// The current file of material `id` for `user`, after the access check (404 otherwise).
pub async fn download(state: &AppState, user: Option<&User>, id: i64) -> ServiceResult<(Material, Download)> {
    let mut conn = state.db.pool.acquire().await?;
    let m = repo::by_id(&mut conn, id).await?.filter(|m| m.deleted_at.is_none()).ok_or(ServiceError::NotFound)?;
    let ed = programs::edition_by_id(&mut conn, m.edition_id).await?.ok_or(ServiceError::NotFound)?;
    let a = access(&mut conn, &ed, user).await?;
    drop(conn);
    if !may_see(&m.visibility, a) {
        return Err(ServiceError::NotFound);
    }
    let d = state
        .storage
        .download(&m.object_key, &m.file_name, must_download(&m.content_type))
        .await
        .map_err(storage_error)?;
    Ok((m, d))
}
