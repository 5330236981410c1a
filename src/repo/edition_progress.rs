//! The statements behind the trainers' progress view: an edition's participants with the
//! activity counters their enrollment carries (kept by triggers, see migration 0006), read in
//! one query, and the course and timetable sizes the shares are taken of.

use sqlx::FromRow;

use super::Conn;

/// One participant of an edition with their counters.
#[derive(Debug, Clone, FromRow)]
pub struct ProgressRow {
    pub enrollment_id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub name_latin: String,
    pub name_native: String,
    pub country: String,
    pub organisation: String,
    pub state: String,
    pub lessons_done: i64,
    pub present: i64,
    pub late: i64,
    pub excused: i64,
    pub absent: i64,
    pub has_certificate: i64,
}

/// The participants (accepted or completed) of an edition, limited to one country and one
/// state when given (empty for any). Unordered: the caller sorts, since the two engines
/// collate text differently.
pub async fn participants(
    conn: &mut Conn,
    edition_id: i64,
    country: &str,
    state: &str,
) -> Result<Vec<ProgressRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.id AS enrollment_id, e.user_id, u.display_name, u.email, e.certificate_name_latin AS name_latin, \
                e.certificate_name_native AS name_native, e.country, e.organisation, e.state, e.lessons_done, \
                e.sessions_present AS present, e.sessions_late AS late, e.sessions_excused AS excused, \
                e.sessions_absent AS absent, e.has_certificate \
         FROM enrollments e JOIN users u ON u.id = e.user_id \
         WHERE e.edition_id = $1 AND e.state IN ('accepted', 'completed') \
           AND ($2 = '' OR e.country = $2) AND ($3 = '' OR e.state = $3)",
    )
    .bind(edition_id)
    .bind(country)
    .bind(state)
    .fetch_all(&mut *conn)
    .await
}

/// The countries of an edition's participants, for the filter's choices.
pub async fn countries(conn: &mut Conn, edition_id: i64) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT country FROM enrollments \
         WHERE edition_id = $1 AND state IN ('accepted', 'completed') AND country <> ''",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}

/// How many lessons the edition's course has (as the completion rules count them: archived
/// lessons and modules left out) and how many of its sessions had begun at `now`.
pub async fn size(conn: &mut Conn, edition_id: i64, now: &str) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM course_modules c JOIN modules m ON m.id = c.module_id \
                 JOIN lessons l ON l.module_id = m.id \
                 WHERE c.edition_id = $1 AND l.archived = 0 AND m.archived = 0) AS lessons, \
                (SELECT COUNT(*) FROM edition_sessions s WHERE s.edition_id = $1 AND s.starts_at <= $2) AS held",
    )
    .bind(edition_id)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}
