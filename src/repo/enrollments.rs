//! Applications (`enrollments`), the seat counters on `editions` and `country_seats`, and
//! invitations. Seats are taken by conditional updates, so two requests can never both get
//! the last seat, whatever the database.

use sqlx::FromRow;

use super::Conn;
use crate::db::{Timestamp, now};
use crate::domain::enrollment::{Application, WAITLISTED};

/// One application with the applicant's account details.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Enrollment {
    pub id: i64,
    pub edition_id: i64,
    pub user_id: i64,
    pub state: String,
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub position: String,
    pub motivation: String,
    pub consent_listed: i64,
    pub consent_photos: i64,
    pub consent_contact: i64,
    pub queue_number: Option<i64>,
    pub waitlist_reason: String,
    pub offer_expires_at: Option<String>,
    pub holds_seat: i64,
    pub submitted_at: Option<String>,
    pub decided_at: Option<String>,
    /// JSON object: question id → answer.
    pub answers: String,
    pub email: String,
    pub display_name: String,
    pub preferred_language: String,
}

const COLUMNS: &str = "n.id, n.edition_id, n.user_id, n.state, n.certificate_name_latin, n.certificate_name_native, \
    n.organisation, n.organisation_type, n.country, n.position, n.motivation, n.consent_listed, n.consent_photos, \
    n.consent_contact, n.queue_number, n.waitlist_reason, n.offer_expires_at, n.holds_seat, n.submitted_at, \
    n.decided_at, n.answers, u.email, u.display_name, u.preferred_language";

/// Takes the edition's row lock (PostgreSQL) so that every enrollment change of one edition
/// runs one after another; SQLite's write transactions are already serialised.
pub async fn lock_edition(conn: &mut Conn, edition_id: i64) -> Result<(), sqlx::Error> {
    // A row lock, not a dummy update: updating one hot row thousands of times leaves as
    // many row versions for the next writer to walk. NO KEY: inserting an enrollment takes
    // a key-share lock on the edition (foreign key), which this must not wait for.
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query("SELECT id FROM editions WHERE id = $1 FOR NO KEY UPDATE")
            .bind(edition_id)
            .fetch_optional(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Takes up to `wanted` free seats at once (called with the edition locked); returns how
/// many were taken.
pub async fn take_seats(conn: &mut Conn, edition_id: i64, wanted: i64) -> Result<i64, sqlx::Error> {
    let (free,): (i64,) = sqlx::query_as("SELECT capacity - seats_taken FROM editions WHERE id = $1")
        .bind(edition_id)
        .fetch_one(&mut *conn)
        .await?;
    let taken = wanted.min(free.max(0));
    if taken > 0 {
        sqlx::query("UPDATE editions SET seats_taken = seats_taken + $1 WHERE id = $2")
            .bind(taken)
            .bind(edition_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(taken)
}

pub async fn by_user(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<Option<Enrollment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM enrollments n JOIN users u ON u.id = n.user_id WHERE n.edition_id = $1 AND n.user_id = $2"
    );
    sqlx::query_as(&sql).bind(edition_id).bind(user_id).fetch_optional(&mut *conn).await
}

/// Records that a person agreed to appear in the edition's participant directory.
pub async fn consent_to_listing(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE enrollments SET consent_listed = 1 WHERE edition_id = $1 AND user_id = $2")
        .bind(edition_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn by_id(conn: &mut Conn, edition_id: i64, id: i64) -> Result<Option<Enrollment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM enrollments n JOIN users u ON u.id = n.user_id WHERE n.edition_id = $1 AND n.id = $2"
    );
    sqlx::query_as(&sql).bind(edition_id).bind(id).fetch_optional(&mut *conn).await
}

/// Every application of an edition, oldest first.
pub async fn of_edition(conn: &mut Conn, edition_id: i64) -> Result<Vec<Enrollment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM enrollments n JOIN users u ON u.id = n.user_id WHERE n.edition_id = $1 \
         ORDER BY n.submitted_at, n.id"
    );
    sqlx::query_as(&sql).bind(edition_id).fetch_all(&mut *conn).await
}

/// A person's applications in every edition, with the edition slug.
pub async fn of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<(Enrollment, String)>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        enrollment: Enrollment,
        slug: String,
    }
    let sql = format!(
        "SELECT {COLUMNS}, e.slug FROM enrollments n JOIN users u ON u.id = n.user_id \
         JOIN editions e ON e.id = n.edition_id WHERE n.user_id = $1 ORDER BY e.starts_on DESC"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(user_id).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|r| (r.enrollment, r.slug)).collect())
}

/// Waitlisted applications in queue order.
pub async fn waitlist(conn: &mut Conn, edition_id: i64) -> Result<Vec<Enrollment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM enrollments n JOIN users u ON u.id = n.user_id \
         WHERE n.edition_id = $1 AND n.state = '{WAITLISTED}' ORDER BY n.queue_number, n.id"
    );
    sqlx::query_as(&sql).bind(edition_id).fetch_all(&mut *conn).await
}

/// 1 for the first in line, and so on.
pub async fn waitlist_position(conn: &mut Conn, edition_id: i64, queue_number: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM enrollments WHERE edition_id = $1 AND state = '{WAITLISTED}' AND queue_number <= $2"
    ))
    .bind(edition_id)
    .bind(queue_number)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// The next queue number (called with the edition locked).
pub async fn next_queue_number(conn: &mut Conn, edition_id: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(queue_number), 0) + 1 FROM enrollments WHERE edition_id = $1")
            .bind(edition_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n)
}

/// `sql` with the application's fields bound as $1 to $11 (the answers last), in the
/// order both statements below name them.
fn with_application<'q>(
    sql: &'q str,
    a: &'q Application,
    answers: &'q str,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    sqlx::query(sql)
        .bind(&a.certificate_name_latin)
        .bind(&a.certificate_name_native)
        .bind(&a.organisation)
        .bind(&a.organisation_type)
        .bind(&a.country)
        .bind(&a.position)
        .bind(&a.motivation)
        .bind(i64::from(a.consent_listed))
        .bind(i64::from(a.consent_photos))
        .bind(i64::from(a.consent_contact))
        .bind(answers)
}

pub async fn insert(
    conn: &mut Conn,
    edition_id: i64,
    user_id: i64,
    a: &Application,
    answers: &str,
) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO enrollments (certificate_name_latin, certificate_name_native, organisation, \
         organisation_type, country, position, motivation, consent_listed, consent_photos, consent_contact, answers, \
         edition_id, user_id, state, submitted_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'submitted', $14, $14, $14) RETURNING id";
    let row =
        with_application(sql, a, answers).bind(edition_id).bind(user_id).bind(now().db()).fetch_one(&mut *conn).await?;
    sqlx::Row::try_get(&row, 0)
}

pub async fn update_application(conn: &mut Conn, id: i64, a: &Application, answers: &str) -> Result<(), sqlx::Error> {
    let sql = "UPDATE enrollments SET certificate_name_latin = $1, certificate_name_native = $2, organisation = $3, \
         organisation_type = $4, country = $5, position = $6, motivation = $7, consent_listed = $8, \
         consent_photos = $9, consent_contact = $10, answers = $11, updated_at = $12 WHERE id = $13";
    with_application(sql, a, answers).bind(now().db()).bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// The new state of one application, applied only if it is still in `from`.
pub struct Transition<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub holds_seat: bool,
    pub queue_number: Option<i64>,
    pub waitlist_reason: &'a str,
    pub offer_expires_at: Option<Timestamp>,
}

pub async fn transition(conn: &mut Conn, id: i64, t: &Transition<'_>) -> Result<bool, sqlx::Error> {
    let at = now().db();
    let done = sqlx::query(
        "UPDATE enrollments SET state = $1, holds_seat = $2, queue_number = $3, waitlist_reason = $4, \
         offer_expires_at = $5, decided_at = $6, updated_at = $6 WHERE id = $7 AND state = $8",
    )
    .bind(t.to)
    .bind(i64::from(t.holds_seat))
    .bind(t.queue_number)
    .bind(t.waitlist_reason)
    .bind(t.offer_expires_at.map(|t| t.db()))
    .bind(at)
    .bind(id)
    .bind(t.from)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes one of the edition's seats if one is free (or regardless, when `force`).
pub async fn take_seat(conn: &mut Conn, edition_id: i64, force: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE editions SET seats_taken = seats_taken + 1 WHERE id = $1 AND (seats_taken < capacity OR $2 = 1)",
    )
    .bind(edition_id)
    .bind(i64::from(force))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn release_seat(conn: &mut Conn, edition_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE editions SET seats_taken = seats_taken - 1 WHERE id = $1 AND seats_taken > 0")
        .bind(edition_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Takes one of a country's seats under the edition's quota (or regardless, when `force`).
pub async fn take_country_seat(
    conn: &mut Conn,
    edition_id: i64,
    country: &str,
    quota: i64,
    force: bool,
) -> Result<bool, sqlx::Error> {
    sqlx::query("INSERT INTO country_seats (edition_id, country, taken) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING")
        .bind(edition_id)
        .bind(country)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query(
        "UPDATE country_seats SET taken = taken + 1 WHERE edition_id = $1 AND country = $2 AND (taken < $3 OR $4 = 1)",
    )
    .bind(edition_id)
    .bind(country)
    .bind(quota)
    .bind(i64::from(force))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn release_country_seat(conn: &mut Conn, edition_id: i64, country: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE country_seats SET taken = taken - 1 WHERE edition_id = $1 AND country = $2 AND taken > 0")
        .bind(edition_id)
        .bind(country)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Offers whose time ran out: (edition id, enrollment id).
pub async fn expired_offers(conn: &mut Conn, at: Timestamp) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT edition_id, id FROM enrollments WHERE state = 'offered' AND offer_expires_at < $1")
        .bind(at.db())
        .fetch_all(&mut *conn)
        .await
}

/// An invitation to apply, found by its token's hash.
#[derive(Debug, Clone, FromRow)]
pub struct Invitation {
    pub id: i64,
    pub edition_id: i64,
    pub email: String,
    pub skip_review: i64,
    pub expires_at: String,
    pub used_at: Option<String>,
}

pub async fn insert_invitation(
    conn: &mut Conn,
    edition_id: i64,
    email: &str,
    token_hash: &str,
    skip_review: bool,
    expires_at: Timestamp,
    created_by: i64,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO invitations (edition_id, email, token_hash, skip_review, expires_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(edition_id)
    .bind(email)
    .bind(token_hash)
    .bind(i64::from(skip_review))
    .bind(expires_at.db())
    .bind(created_by)
    .bind(now().db())
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn invitation_by_hash(conn: &mut Conn, token_hash: &str) -> Result<Option<Invitation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, edition_id, email, skip_review, expires_at, used_at FROM invitations WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await
}

/// Marks an invitation used, once.
pub async fn use_invitation(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims a periodic job for `period` (e.g. a date) once across all instances.
pub async fn claim_job(conn: &mut Conn, name: &str, period: &str) -> Result<bool, sqlx::Error> {
    sqlx::query("INSERT INTO job_marks (name, done_for) VALUES ($1, '') ON CONFLICT DO NOTHING")
        .bind(name)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("UPDATE job_marks SET done_for = $1 WHERE name = $2 AND done_for < $1")
        .bind(period)
        .bind(name)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// New applications per edition since `since`: (edition id, title, count).
pub async fn submitted_since(conn: &mut Conn, since: Timestamp) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.id, e.title, COUNT(*) FROM enrollments n JOIN editions e ON e.id = n.edition_id \
         WHERE n.submitted_at >= $1 GROUP BY e.id, e.title ORDER BY e.title",
    )
    .bind(since.db())
    .fetch_all(&mut *conn)
    .await
}

pub async fn insert_upload(
    conn: &mut Conn,
    edition_id: i64,
    created_by: i64,
    content: &str,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO roster_uploads (edition_id, created_by, content, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(edition_id)
    .bind(created_by)
    .bind(content)
    .bind(now().db())
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// An upload's text, if it belongs to the edition and is not yet confirmed.
pub async fn pending_upload(conn: &mut Conn, edition_id: i64, id: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT content FROM roster_uploads WHERE id = $1 AND edition_id = $2 AND confirmed_at IS NULL")
            .bind(id)
            .bind(edition_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|r| r.0))
}

pub async fn confirm_upload(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE roster_uploads SET confirmed_at = $1 WHERE id = $2 AND confirmed_at IS NULL")
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Emails (lower case) of the people already in an edition, any state.
pub async fn emails_in_edition(conn: &mut Conn, edition_id: i64) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT u.email FROM enrollments n JOIN users u ON u.id = n.user_id WHERE n.edition_id = $1")
            .bind(edition_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn questions_of(
    conn: &mut Conn,
    edition_id: i64,
) -> Result<Vec<crate::domain::questions::Question>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, label, choices, required FROM edition_questions WHERE edition_id = $1 ORDER BY position, id",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

pub async fn insert_question(
    conn: &mut Conn,
    edition_id: i64,
    kind: &str,
    label: &str,
    choices: &str,
    required: bool,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO edition_questions (edition_id, position, kind, label, choices, required) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM edition_questions WHERE edition_id = $1), $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(edition_id)
    .bind(kind)
    .bind(label)
    .bind(choices)
    .bind(i64::from(required))
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn delete_question(conn: &mut Conn, edition_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM edition_questions WHERE edition_id = $1 AND id = $2")
        .bind(edition_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
