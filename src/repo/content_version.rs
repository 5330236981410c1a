//! The `content_version` row: raised by triggers whenever course or timetable content changes.

use super::Conn;

/// The current content version.
pub async fn current(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    let (v,): (i64,) = sqlx::query_as("SELECT version FROM content_version WHERE id = 1").fetch_one(&mut *conn).await?;
    Ok(v)
}
