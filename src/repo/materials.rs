//! The `materials` and `material_versions` tables.

use sqlx::FromRow;

use super::Conn;
use crate::db::now;

/// A material with its current version.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Material {
    pub id: i64,
    pub edition_id: i64,
    pub module_id: Option<i64>,
    pub lesson_id: Option<i64>,
    pub session_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub visibility: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub version_id: i64,
    pub version: i64,
    pub object_key: String,
    pub file_name: String,
    pub size: i64,
    pub sha256: String,
    pub content_type: String,
}

const COLUMNS: &str = "m.id, m.edition_id, m.module_id, m.lesson_id, m.session_id, m.title, m.description, \
    m.visibility, m.updated_at, m.deleted_at, v.id AS version_id, v.number AS version, v.object_key, v.file_name, \
    v.size, v.sha256, v.content_type";

/// The fields a material is created with.
pub struct NewMaterial<'a> {
    pub edition_id: i64,
    pub module_id: Option<i64>,
    pub lesson_id: Option<i64>,
    pub session_id: Option<i64>,
    pub title: &'a str,
    pub description: &'a str,
    pub visibility: &'a str,
    pub created_by: i64,
}

/// One stored file of a material.
pub struct NewVersion<'a> {
    pub object_key: &'a str,
    pub file_name: &'a str,
    pub size: i64,
    pub sha256: &'a str,
    pub content_type: &'a str,
    pub uploaded_by: i64,
}

pub async fn insert(conn: &mut Conn, m: &NewMaterial<'_>) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO materials (edition_id, module_id, lesson_id, session_id, title, description, visibility, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(m.edition_id)
    .bind(m.module_id)
    .bind(m.lesson_id)
    .bind(m.session_id)
    .bind(m.title)
    .bind(m.description)
    .bind(m.visibility)
    .bind(m.created_by)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Adds a version and makes it current; returns its number.
pub async fn add_version(conn: &mut Conn, material_id: i64, v: &NewVersion<'_>) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (number,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(number), 0) + 1 FROM material_versions WHERE material_id = $1")
            .bind(material_id)
            .fetch_one(&mut *conn)
            .await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO material_versions (material_id, number, object_key, file_name, size, sha256, content_type, \
         uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(material_id)
    .bind(number)
    .bind(v.object_key)
    .bind(v.file_name)
    .bind(v.size)
    .bind(v.sha256)
    .bind(v.content_type)
    .bind(v.uploaded_by)
    .bind(&at)
    .fetch_one(&mut *conn)
    .await?;
    set_current(conn, material_id, id).await?;
    Ok(number)
}

pub async fn set_current(conn: &mut Conn, material_id: i64, version_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE materials SET current_version_id = $1, updated_at = $2 WHERE id = $3")
        .bind(version_id)
        .bind(now().db())
        .bind(material_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<Material>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM materials m JOIN material_versions v ON v.id = m.current_version_id WHERE m.id = $1"
    );
    sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await
}

/// The live materials of an edition, newest first.
pub async fn of_edition(conn: &mut Conn, edition_id: i64) -> Result<Vec<Material>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM materials m JOIN material_versions v ON v.id = m.current_version_id \
         WHERE m.edition_id = $1 AND m.deleted_at IS NULL ORDER BY m.updated_at DESC, m.id DESC"
    );
    sqlx::query_as(&sql).bind(edition_id).fetch_all(&mut *conn).await
}

/// (version id, number, file name, size, created at) of every version, newest first.
/// (id, number, file name, size, created at) of one stored version.
pub type VersionRow = (i64, i64, String, i64, String);

pub async fn versions(conn: &mut Conn, material_id: i64) -> Result<Vec<VersionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, number, file_name, size, created_at FROM material_versions WHERE material_id = $1 ORDER BY number DESC",
    )
    .bind(material_id)
    .fetch_all(&mut *conn)
    .await
}

pub async fn soft_delete(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE materials SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Every object key a version row points to, with its recorded size and hash.
pub async fn all_objects(conn: &mut Conn) -> Result<Vec<(String, i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT object_key, size, sha256 FROM material_versions ORDER BY id").fetch_all(&mut *conn).await
}

/// Object keys of versions whose material was deleted before `before` (RFC 3339).
pub async fn deleted_objects(conn: &mut Conn, before: &str) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT v.id, v.object_key FROM material_versions v JOIN materials m ON m.id = v.material_id \
         WHERE m.deleted_at IS NOT NULL AND m.deleted_at < $1",
    )
    .bind(before)
    .fetch_all(&mut *conn)
    .await
}

/// Removes a deleted material's rows once its objects are gone.
pub async fn purge(conn: &mut Conn, before: &str) -> Result<u64, sqlx::Error> {
    sqlx::query("UPDATE materials SET current_version_id = NULL WHERE deleted_at IS NOT NULL AND deleted_at < $1")
        .bind(before)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM material_versions WHERE material_id IN (SELECT id FROM materials WHERE deleted_at IS NOT NULL AND deleted_at < $1)",
    )
    .bind(before)
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query("DELETE FROM materials WHERE deleted_at IS NOT NULL AND deleted_at < $1")
        .bind(before)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}
