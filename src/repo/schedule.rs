//! Live sessions of an edition (`edition_sessions`, `session_trainers`) and the trainers
//! assigned to an edition (`edition_trainers`).

use sqlx::FromRow;

use super::Conn;
use crate::db::{Timestamp, now};
use crate::domain::edition::SessionSpec;

#[derive(Debug, Clone, FromRow)]
pub struct LiveSession {
    pub id: i64,
    pub edition_id: i64,
    pub source_key: String,
    pub title: String,
    pub kind: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
    pub online_url: String,
    pub module_id: Option<i64>,
    pub module_slug: Option<String>,
    pub sequence: i64,
    pub updated_at: String,
}

impl LiveSession {
    pub fn start(&self) -> Timestamp {
        Timestamp::parse(&self.starts_at).unwrap_or_else(now)
    }
    pub fn end(&self) -> Timestamp {
        Timestamp::parse(&self.ends_at).unwrap_or_else(now)
    }
}

const COLUMNS: &str = "s.id, s.edition_id, s.source_key, s.title, s.kind, s.starts_at, s.ends_at, s.room, \
    s.online_url, s.module_id, m.slug AS module_slug, s.sequence, s.updated_at";

pub async fn of_edition(conn: &mut Conn, edition_id: i64) -> Result<Vec<LiveSession>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM edition_sessions s LEFT JOIN modules m ON m.id = s.module_id \
         WHERE s.edition_id = $1 ORDER BY s.starts_at, s.id"
    );
    sqlx::query_as(&sql).bind(edition_id).fetch_all(&mut *conn).await
}

pub async fn by_id(conn: &mut Conn, edition_id: i64, id: i64) -> Result<Option<LiveSession>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM edition_sessions s LEFT JOIN modules m ON m.id = s.module_id \
         WHERE s.edition_id = $1 AND s.id = $2"
    );
    sqlx::query_as(&sql).bind(edition_id).bind(id).fetch_optional(&mut *conn).await
}

pub async fn insert(
    conn: &mut Conn,
    edition_id: i64,
    source_key: &str,
    s: &SessionSpec,
    module_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO edition_sessions (edition_id, source_key, title, kind, starts_at, ends_at, room, online_url, \
         module_id, sequence, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10) RETURNING id",
    )
    .bind(edition_id)
    .bind(source_key)
    .bind(&s.title)
    .bind(s.kind)
    .bind(s.starts_at.db())
    .bind(s.ends_at.db())
    .bind(&s.room)
    .bind(&s.online_url)
    .bind(module_id)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Changes a session and raises its sequence, so calendar apps take the new version.
pub async fn update(conn: &mut Conn, id: i64, s: &SessionSpec, module_id: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE edition_sessions SET title = $1, kind = $2, starts_at = $3, ends_at = $4, room = $5, online_url = $6, \
         module_id = $7, sequence = sequence + 1, updated_at = $8 WHERE id = $9",
    )
    .bind(&s.title)
    .bind(s.kind)
    .bind(s.starts_at.db())
    .bind(s.ends_at.db())
    .bind(&s.room)
    .bind(&s.online_url)
    .bind(module_id)
    .bind(now().db())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM edition_sessions WHERE id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}

pub async fn set_session_trainers(conn: &mut Conn, session_id: i64, user_ids: &[i64]) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM session_trainers WHERE session_id = $1").bind(session_id).execute(&mut *conn).await?;
    for u in user_ids {
        sqlx::query("INSERT INTO session_trainers (session_id, user_id) VALUES ($1, $2)")
            .bind(session_id)
            .bind(*u)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// (session id, trainer id, trainer name) for every session of an edition.
pub async fn trainers_of_sessions(conn: &mut Conn, edition_id: i64) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT st.session_id, u.id, u.display_name FROM session_trainers st JOIN users u ON u.id = st.user_id \
         JOIN edition_sessions s ON s.id = st.session_id WHERE s.edition_id = $1 ORDER BY u.display_name",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

/// A trainer of an edition.
#[derive(Debug, Clone, FromRow)]
pub struct Trainer {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub organisation: String,
    pub country: String,
}

pub async fn trainers(conn: &mut Conn, edition_id: i64) -> Result<Vec<Trainer>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id AS user_id, u.display_name, u.email, u.organisation, u.country FROM edition_trainers t \
         JOIN users u ON u.id = t.user_id WHERE t.edition_id = $1 ORDER BY u.display_name",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

pub async fn is_trainer(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM edition_trainers WHERE edition_id = $1 AND user_id = $2")
        .bind(edition_id)
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Adds a trainer; true when they were not one already.
pub async fn add_trainer(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    if is_trainer(conn, edition_id, user_id).await? {
        return Ok(false);
    }
    sqlx::query("INSERT INTO edition_trainers (edition_id, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(edition_id)
        .bind(user_id)
        .bind(now().db())
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

pub async fn remove_trainer(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    let r = sqlx::query("DELETE FROM edition_trainers WHERE edition_id = $1 AND user_id = $2")
        .bind(edition_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM session_trainers WHERE user_id = $1 AND session_id IN \
         (SELECT id FROM edition_sessions WHERE edition_id = $2)",
    )
    .bind(user_id)
    .bind(edition_id)
    .execute(&mut *conn)
    .await?;
    Ok(r.rows_affected() > 0)
}
