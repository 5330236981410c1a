//! The `certificates`, `certificate_signatories` and `name_corrections` tables, an edition's
//! certificate settings, and the figures completion rules are judged on.

use std::sync::LazyLock;

use sqlx::FromRow;

use super::Conn;
use crate::db::now;
use crate::domain::completion::{Done, Rules};

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Certificate {
    pub id: i64,
    pub enrollment_id: i64,
    pub edition_id: i64,
    pub user_id: i64,
    pub code: String,
    pub name_latin: String,
    pub name_native: String,
    pub state: String,
    pub snapshot: String,
    pub issued_at: String,
    pub issued_by: Option<i64>,
    pub revoked_at: Option<String>,
    pub revoke_reason: Option<String>,
    pub superseded_by: Option<i64>,
}

const COLUMNS: &str = "id, enrollment_id, edition_id, user_id, code, name_latin, name_native, state, snapshot, \
    issued_at, issued_by, revoked_at, revoke_reason, superseded_by";

pub struct NewCertificate<'a> {
    pub enrollment_id: i64,
    pub edition_id: i64,
    pub user_id: i64,
    pub code: &'a str,
    pub name_latin: &'a str,
    pub name_native: &'a str,
    pub snapshot: &'a str,
    pub issued_by: Option<i64>,
}

/// Inserts a valid certificate; fails on the one-valid-per-enrollment index when another
/// request issued one first.
pub async fn insert(conn: &mut Conn, c: &NewCertificate<'_>) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO certificates (enrollment_id, edition_id, user_id, code, name_latin, name_native, state, snapshot, \
         issued_at, issued_by) VALUES ($1, $2, $3, $4, $5, $6, 'valid', $7, $8, $9) RETURNING id",
    )
    .bind(c.enrollment_id)
    .bind(c.edition_id)
    .bind(c.user_id)
    .bind(c.code)
    .bind(c.name_latin)
    .bind(c.name_native)
    .bind(c.snapshot)
    .bind(now().db())
    .bind(c.issued_by)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<Certificate>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM certificates WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn by_code(conn: &mut Conn, code: &str) -> Result<Option<Certificate>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM certificates WHERE code = $1"))
        .bind(code)
        .fetch_optional(&mut *conn)
        .await
}

/// The certificates among `codes`, each with its code, in one statement (see
/// `services::read_together`). At most `repo::AT_ONCE` codes.
pub async fn by_codes(conn: &mut Conn, codes: &[&str]) -> Result<Vec<(String, Certificate)>, sqlx::Error> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    static SQL: LazyLock<super::InList> =
        LazyLock::new(|| super::InList::new(&format!("SELECT {COLUMNS} FROM certificates WHERE code IN")));
    let rows: Vec<Certificate> = SQL.query(codes)?.fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|c| (c.code.clone(), c)).collect())
}

/// The enrollment's valid certificate, if any.
pub async fn valid_of(conn: &mut Conn, enrollment_id: i64) -> Result<Option<Certificate>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM certificates WHERE enrollment_id = $1 AND state = 'valid'"))
        .bind(enrollment_id)
        .fetch_optional(&mut *conn)
        .await
}

/// Every certificate of an enrollment, newest first.
pub async fn of_enrollment(conn: &mut Conn, enrollment_id: i64) -> Result<Vec<Certificate>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM certificates WHERE enrollment_id = $1 ORDER BY id DESC"))
        .bind(enrollment_id)
        .fetch_all(&mut *conn)
        .await
}

/// Every certificate of a person's enrollment in an edition, newest first.
pub async fn of_person(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<Vec<Certificate>, sqlx::Error> {
    // Built once: every participant's edition page runs it.
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {} FROM enrollments n JOIN certificates c ON c.enrollment_id = n.id \
             WHERE n.edition_id = $1 AND n.user_id = $2 ORDER BY c.id DESC",
            super::qualified(COLUMNS, "c")
        )
    });
    sqlx::query_as(&SQL).bind(edition_id).bind(user_id).fetch_all(&mut *conn).await
}

pub async fn of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<Certificate>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM certificates WHERE user_id = $1 ORDER BY id DESC"))
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await
}

pub async fn of_edition(conn: &mut Conn, edition_id: i64) -> Result<Vec<Certificate>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM certificates WHERE edition_id = $1 ORDER BY id"))
        .bind(edition_id)
        .fetch_all(&mut *conn)
        .await
}

pub async fn revoke(conn: &mut Conn, id: i64, reason: &str, by: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE certificates SET state = 'revoked', revoked_at = $1, revoke_reason = $2, revoked_by = $3 \
         WHERE id = $4 AND state = 'valid'",
    )
    .bind(now().db())
    .bind(reason)
    .bind(by)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a valid certificate superseded (before its successor is inserted).
pub async fn supersede(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE certificates SET state = 'superseded' WHERE id = $1 AND state = 'valid'")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_successor(conn: &mut Conn, id: i64, successor: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE certificates SET superseded_by = $1 WHERE id = $2")
        .bind(successor)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// An edition's certificate settings and completion rules.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Settings {
    pub rules: Rules,
    pub learning_hours: Option<i64>,
    /// A second language printed beside English, or empty.
    pub language: String,
}

/// rule_lessons_pct, rule_attendance_pct, rule_survey, learning_hours, certificate_language
type SettingsRow = (Option<i64>, Option<i64>, i64, Option<i64>, String);

pub async fn settings(conn: &mut Conn, edition_id: i64) -> Result<Settings, sqlx::Error> {
    let row: Option<SettingsRow> = sqlx::query_as(
        "SELECT rule_lessons_pct, rule_attendance_pct, rule_survey, learning_hours, certificate_language \
         FROM editions WHERE id = $1",
    )
    .bind(edition_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map_or_else(Settings::default, |(l, a, s, h, lang)| Settings {
        rules: Rules { lessons_pct: l, attendance_pct: a, survey: s != 0 },
        learning_hours: h,
        language: lang,
    }))
}

pub async fn save_settings(conn: &mut Conn, edition_id: i64, s: &Settings) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE editions SET rule_lessons_pct = $1, rule_attendance_pct = $2, rule_survey = $3, learning_hours = $4, \
         certificate_language = $5 WHERE id = $6",
    )
    .bind(s.rules.lessons_pct)
    .bind(s.rules.attendance_pct)
    .bind(i64::from(s.rules.survey))
    .bind(s.learning_hours)
    .bind(&s.language)
    .bind(edition_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct SignatoryRow {
    pub id: i64,
    pub position: i64,
    pub name: String,
    pub title: String,
    pub signature_key: String,
}

pub async fn signatories(conn: &mut Conn, edition_id: i64) -> Result<Vec<SignatoryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, position, name, title, signature_key FROM certificate_signatories WHERE edition_id = $1 \
         ORDER BY position, id",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

pub async fn add_signatory(
    conn: &mut Conn,
    edition_id: i64,
    name: &str,
    title: &str,
    signature_key: &str,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO certificate_signatories (edition_id, position, name, title, signature_key) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM certificate_signatories WHERE edition_id = $1), $2, $3, $4) \
         RETURNING id",
    )
    .bind(edition_id)
    .bind(name)
    .bind(title)
    .bind(signature_key)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn remove_signatory(conn: &mut Conn, edition_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM certificate_signatories WHERE edition_id = $1 AND id = $2")
        .bind(edition_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// What one participant has done in an edition, as completion rules count it (one read:
/// every page a participant opens in the edition asks this).
pub async fn done(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<Done, sqlx::Error> {
    let (lessons_total, lessons_done, sessions, attended, excused, surveys): (i64, i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT \
               (SELECT COUNT(*) FROM course_modules c JOIN modules m ON m.id = c.module_id \
                  JOIN lessons l ON l.module_id = m.id \
                WHERE c.edition_id = $1 AND l.archived = 0 AND m.archived = 0), \
               (SELECT COUNT(*) FROM lesson_progress p JOIN lessons l ON l.id = p.lesson_id \
                  JOIN modules m ON m.id = l.module_id \
                  JOIN course_modules c ON c.module_id = m.id AND c.edition_id = p.edition_id \
                WHERE p.edition_id = $1 AND p.user_id = $2 AND l.archived = 0 AND m.archived = 0), \
               (SELECT COUNT(*) FROM edition_sessions s WHERE s.edition_id = $1), \
               (SELECT COUNT(*) FROM edition_sessions s JOIN session_attendance a ON a.session_id = s.id \
                WHERE s.edition_id = $1 AND a.user_id = $2 AND a.status IN ('present', 'late')), \
               (SELECT COUNT(*) FROM edition_sessions s JOIN session_attendance a ON a.session_id = s.id \
                WHERE s.edition_id = $1 AND a.user_id = $2 AND a.status = 'excused'), \
               (SELECT COUNT(*) FROM survey_submissions WHERE edition_id = $1 AND user_id = $2)",
        )
        .bind(edition_id)
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Done {
        lessons_done,
        lessons_total,
        sessions_attended: attended,
        sessions_counted: sessions - excused,
        survey_submitted: surveys > 0,
    })
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Correction {
    pub id: i64,
    pub enrollment_id: i64,
    pub name_latin: String,
    pub name_native: String,
    pub reason: String,
    pub state: String,
    pub requested_at: String,
    pub decided_at: Option<String>,
    pub decision_note: String,
}

const CORRECTION_COLUMNS: &str =
    "id, enrollment_id, name_latin, name_native, reason, state, requested_at, decided_at, decision_note";

pub async fn add_correction(
    conn: &mut Conn,
    enrollment_id: i64,
    latin: &str,
    native: &str,
    reason: &str,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO name_corrections (enrollment_id, name_latin, name_native, reason, state, requested_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id",
    )
    .bind(enrollment_id)
    .bind(latin)
    .bind(native)
    .bind(reason)
    .bind(now().db())
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn correction(conn: &mut Conn, id: i64) -> Result<Option<Correction>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {CORRECTION_COLUMNS} FROM name_corrections WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn corrections_of(conn: &mut Conn, enrollment_id: i64) -> Result<Vec<Correction>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CORRECTION_COLUMNS} FROM name_corrections WHERE enrollment_id = $1 ORDER BY id DESC"
    ))
    .bind(enrollment_id)
    .fetch_all(&mut *conn)
    .await
}

/// Pending corrections of an edition's enrollments.
pub async fn pending_corrections(conn: &mut Conn, edition_id: i64) -> Result<Vec<Correction>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CORRECTION_COLUMNS} FROM name_corrections WHERE state = 'pending' AND enrollment_id IN \
         (SELECT id FROM enrollments WHERE edition_id = $1) ORDER BY id"
    ))
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

pub async fn decide_correction(
    conn: &mut Conn,
    id: i64,
    state: &str,
    by: i64,
    note: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE name_corrections SET state = $1, decided_by = $2, decided_at = $3, decision_note = $4 \
         WHERE id = $5 AND state = 'pending'",
    )
    .bind(state)
    .bind(by)
    .bind(now().db())
    .bind(note)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
