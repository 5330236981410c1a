//! Attendance at live sessions (`session_attendance`), the sessions' check-in secrets, and
//! the participants a roster lists.

use sqlx::FromRow;

use super::Conn;
use crate::db::now;

/// An active (accepted or completed) participant of an edition, as the roster shows them.
#[derive(Debug, Clone, FromRow)]
pub struct Participant {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub country: String,
    pub organisation: String,
}

/// The participants of an edition, by name.
pub async fn participants(conn: &mut Conn, edition_id: i64) -> Result<Vec<Participant>, sqlx::Error> {
    let mut rows: Vec<Participant> = sqlx::query_as(
        "SELECT n.user_id, u.display_name, u.email, n.country, n.organisation FROM enrollments n \
         JOIN users u ON u.id = n.user_id WHERE n.edition_id = $1 AND n.state IN ('accepted', 'completed')",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await?;
    // Sorted here: the two engines collate text differently.
    rows.sort_by(|a, b| {
        a.display_name.to_lowercase().cmp(&b.display_name.to_lowercase()).then(a.user_id.cmp(&b.user_id))
    });
    Ok(rows)
}

/// How many participants an edition has (what `participants` would list).
pub async fn participant_count(conn: &mut Conn, edition_id: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM enrollments WHERE edition_id = $1 AND state IN ('accepted', 'completed')")
            .bind(edition_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n)
}

/// One person's mark at one session.
#[derive(Debug, Clone, FromRow)]
pub struct Mark {
    pub user_id: i64,
    pub status: String,
    pub source: String,
    pub minutes: Option<i64>,
    pub marked_by: Option<i64>,
    pub marked_at: String,
}

const MARK_COLUMNS: &str = "user_id, status, source, minutes, marked_by, marked_at";

pub async fn marks(conn: &mut Conn, session_id: i64) -> Result<Vec<Mark>, sqlx::Error> {
    let sql = format!("SELECT {MARK_COLUMNS} FROM session_attendance WHERE session_id = $1");
    sqlx::query_as(&sql).bind(session_id).fetch_all(&mut *conn).await
}

pub async fn mark_of(conn: &mut Conn, session_id: i64, user_id: i64) -> Result<Option<Mark>, sqlx::Error> {
    let sql = format!("SELECT {MARK_COLUMNS} FROM session_attendance WHERE session_id = $1 AND user_id = $2");
    sqlx::query_as(&sql).bind(session_id).bind(user_id).fetch_optional(&mut *conn).await
}

/// What a mark records.
pub struct NewMark<'a> {
    pub session_id: i64,
    pub user_id: i64,
    pub status: &'a str,
    pub source: &'a str,
    pub minutes: Option<i64>,
    pub marked_by: Option<i64>,
}

/// Sets a person's mark, replacing any earlier one.
pub async fn set(conn: &mut Conn, m: &NewMark<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO session_attendance (session_id, user_id, status, source, minutes, marked_by, marked_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (session_id, user_id) DO UPDATE SET \
         status = excluded.status, source = excluded.source, minutes = excluded.minutes, \
         marked_by = excluded.marked_by, marked_at = excluded.marked_at",
    )
    .bind(m.session_id)
    .bind(m.user_id)
    .bind(m.status)
    .bind(m.source)
    .bind(m.minutes)
    .bind(m.marked_by)
    .bind(now().db())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// (session id, status, count) over an edition's sessions, for active participants only.
pub async fn counts(conn: &mut Conn, edition_id: i64) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.session_id, a.status, COUNT(*) FROM session_attendance a \
         JOIN edition_sessions s ON s.id = a.session_id \
         JOIN enrollments n ON n.edition_id = s.edition_id AND n.user_id = a.user_id \
         WHERE s.edition_id = $1 AND n.state IN ('accepted', 'completed') GROUP BY a.session_id, a.status",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

/// The edition a session belongs to.
pub async fn edition_of_session(conn: &mut Conn, session_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT edition_id FROM edition_sessions WHERE id = $1")
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0))
}

/// The session's check-in secret ('' until one is made).
pub async fn checkin_secret(conn: &mut Conn, session_id: i64) -> Result<String, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT checkin_secret FROM edition_sessions WHERE id = $1")
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0).unwrap_or_default())
}

/// Stores `secret` unless the session has one already (two screens opened at once agree).
pub async fn set_checkin_secret_if_empty(conn: &mut Conn, session_id: i64, secret: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE edition_sessions SET checkin_secret = $1 WHERE id = $2 AND checkin_secret = ''")
        .bind(secret)
        .bind(session_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
