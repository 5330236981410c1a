//! Who takes part in an edition (`enrollments`), what they have completed
//! (`lesson_progress`), trainers' notes on lessons, and personal calendar feeds.

use super::Conn;
use crate::db::now;

/// States in which a person may follow the course.
pub const ACTIVE_STATES: [&str; 2] = ["accepted", "completed"];

pub async fn enrollment_state(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT state FROM enrollments WHERE edition_id = $1 AND user_id = $2")
        .bind(edition_id)
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0))
}

/// Whether the person trains edition `edition_id`, and their application's state there, in
/// one read (every edition page asks both).
pub async fn standing(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<(bool, Option<String>), sqlx::Error> {
    let (trains, state): (i64, Option<String>) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM edition_trainers WHERE edition_id = $1 AND user_id = $2), \
         (SELECT state FROM enrollments WHERE edition_id = $1 AND user_id = $2)",
    )
    .bind(edition_id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok((trains > 0, state))
}

/// Records a person as accepted into an edition (demo data and tests; the enrollment
/// workflow builds on this table).
pub async fn accept(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    if enrollment_state(conn, edition_id, user_id).await?.is_some() {
        return Ok(false);
    }
    let at = now().db();
    // The application's details come from the person's profile.
    sqlx::query(
        "INSERT INTO enrollments (edition_id, user_id, state, holds_seat, certificate_name_latin, \
         certificate_name_native, organisation, organisation_type, country, position, submitted_at, decided_at, \
         created_at, updated_at) \
         SELECT $1, id, 'accepted', 1, certificate_name_latin, certificate_name_native, organisation, \
         organisation_type, country, position, $3, $3, $3, $3 FROM users WHERE id = $2",
    )
    .bind(edition_id)
    .bind(user_id)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    // The seat is counted even beyond capacity: this is for demo data and tests.
    super::enrollments::take_seat(conn, edition_id, true).await?;
    Ok(true)
}

/// Lesson ids a person has completed in an edition.
pub async fn completed(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT lesson_id FROM lesson_progress WHERE edition_id = $1 AND user_id = $2")
            .bind(edition_id)
            .bind(user_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Marks a lesson done (once; a repeat changes nothing). True when it was new.
pub async fn mark_done(conn: &mut Conn, edition_id: i64, user_id: i64, lesson_id: i64) -> Result<bool, sqlx::Error> {
    let r = sqlx::query(
        "INSERT INTO lesson_progress (edition_id, user_id, lesson_id, completed_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (edition_id, user_id, lesson_id) DO NOTHING",
    )
    .bind(edition_id)
    .bind(user_id)
    .bind(lesson_id)
    .bind(now().db())
    .execute(&mut *conn)
    .await?;
    Ok(r.rows_affected() > 0)
}

pub async fn mark_not_done(
    conn: &mut Conn,
    edition_id: i64,
    user_id: i64,
    lesson_id: i64,
) -> Result<bool, sqlx::Error> {
    let r = sqlx::query("DELETE FROM lesson_progress WHERE edition_id = $1 AND user_id = $2 AND lesson_id = $3")
        .bind(edition_id)
        .bind(user_id)
        .bind(lesson_id)
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() > 0)
}

/// The trainers' note on a lesson for one edition: (body, author name, updated at).
pub async fn note(
    conn: &mut Conn,
    edition_id: i64,
    lesson_id: i64,
) -> Result<Option<(String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT n.body, u.display_name, n.updated_at FROM lesson_notes n JOIN users u ON u.id = n.author_id \
         WHERE n.edition_id = $1 AND n.lesson_id = $2",
    )
    .bind(edition_id)
    .bind(lesson_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Sets (or with an empty body removes) the note.
pub async fn set_note(
    conn: &mut Conn,
    edition_id: i64,
    lesson_id: i64,
    author_id: i64,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM lesson_notes WHERE edition_id = $1 AND lesson_id = $2")
        .bind(edition_id)
        .bind(lesson_id)
        .execute(&mut *conn)
        .await?;
    if !body.is_empty() {
        sqlx::query(
            "INSERT INTO lesson_notes (edition_id, lesson_id, body, author_id, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(edition_id)
        .bind(lesson_id)
        .bind(body)
        .bind(author_id)
        .bind(now().db())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn calendar_token(conn: &mut Conn, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT token FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0))
}

pub async fn set_calendar_token(conn: &mut Conn, user_id: i64, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO calendar_feeds (user_id, token, created_at) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(token)
        .bind(now().db())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn user_of_calendar_token(conn: &mut Conn, token: &str) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token = $1 AND u.is_active = 1",
    )
    .bind(token)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| r.0))
}
