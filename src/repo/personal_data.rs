//! What the product holds about one person, read for their own download. Secrets (the
//! password hash, session, reset and calendar tokens) are never selected.

use serde::Serialize;
use sqlx::FromRow;

use super::Conn;

#[derive(Debug, FromRow, Serialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub position: String,
    pub preferred_language: String,
    pub time_zone: String,
    pub is_active: i64,
    pub created_at: String,
    pub updated_at: String,
}

pub async fn account(conn: &mut Conn, user_id: i64) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email, display_name, role, certificate_name_latin, certificate_name_native, organisation, \
                organisation_type, country, position, preferred_language, time_zone, is_active, created_at, updated_at \
         FROM users WHERE id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct Enrollment {
    pub id: i64,
    pub edition: String,
    pub edition_title: String,
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
    pub answers: String,
    pub waitlist_reason: String,
    pub offer_expires_at: Option<String>,
    pub submitted_at: Option<String>,
    pub decided_at: Option<String>,
    pub completed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub async fn enrollments(conn: &mut Conn, user_id: i64) -> Result<Vec<Enrollment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT n.id, e.slug AS edition, e.title AS edition_title, n.state, n.certificate_name_latin, \
                n.certificate_name_native, n.organisation, n.organisation_type, n.country, n.position, n.motivation, \
                n.consent_listed, n.consent_photos, n.consent_contact, n.answers, n.waitlist_reason, \
                n.offer_expires_at, n.submitted_at, n.decided_at, n.completed_at, n.created_at, n.updated_at \
         FROM enrollments n JOIN editions e ON e.id = n.edition_id WHERE n.user_id = $1 ORDER BY n.id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct Progress {
    pub edition: String,
    pub module: String,
    pub lesson: String,
    pub completed_at: String,
}

pub async fn progress(conn: &mut Conn, user_id: i64) -> Result<Vec<Progress>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.slug AS edition, m.slug AS module, l.slug AS lesson, p.completed_at \
         FROM lesson_progress p JOIN editions e ON e.id = p.edition_id JOIN lessons l ON l.id = p.lesson_id \
         JOIN modules m ON m.id = l.module_id WHERE p.user_id = $1 ORDER BY p.completed_at",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct Attendance {
    pub edition: String,
    pub session: String,
    pub starts_at: String,
    pub status: String,
    pub source: String,
    pub minutes: Option<i64>,
    pub marked_at: String,
}

pub async fn attendance(conn: &mut Conn, user_id: i64) -> Result<Vec<Attendance>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.slug AS edition, s.title AS session, s.starts_at, a.status, a.source, a.minutes, a.marked_at \
         FROM session_attendance a JOIN edition_sessions s ON s.id = a.session_id \
         JOIN editions e ON e.id = s.edition_id WHERE a.user_id = $1 ORDER BY s.starts_at",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct SurveySubmission {
    pub edition: String,
    pub submitted_at: String,
}

pub async fn survey_submissions(conn: &mut Conn, user_id: i64) -> Result<Vec<SurveySubmission>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.slug AS edition, s.submitted_at FROM survey_submissions s JOIN editions e ON e.id = s.edition_id \
         WHERE s.user_id = $1 ORDER BY s.submitted_at",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

/// Answers kept with the person's name; anonymous answers carry no user and are not theirs
/// to read back.
#[derive(Debug, FromRow, Serialize)]
pub struct SurveyAnswer {
    pub edition: String,
    pub question: String,
    pub likert: Option<i64>,
    pub text: String,
    pub submitted_at: String,
}

pub async fn survey_answers(conn: &mut Conn, user_id: i64) -> Result<Vec<SurveyAnswer>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.slug AS edition, q.prompt AS question, a.likert, a.text, r.submitted_at \
         FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id \
         JOIN survey_questions q ON q.id = a.question_id JOIN editions e ON e.id = r.edition_id \
         WHERE r.user_id = $1 ORDER BY r.id, q.position",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct Certificate {
    pub code: String,
    pub edition: String,
    pub state: String,
    pub name_latin: String,
    pub name_native: String,
    pub issued_at: String,
    pub revoked_at: Option<String>,
    pub revoke_reason: Option<String>,
}

pub async fn certificates(conn: &mut Conn, user_id: i64) -> Result<Vec<Certificate>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.code, e.slug AS edition, c.state, c.name_latin, c.name_native, c.issued_at, c.revoked_at, \
                c.revoke_reason \
         FROM certificates c JOIN editions e ON e.id = c.edition_id WHERE c.user_id = $1 ORDER BY c.id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct NameCorrection {
    pub edition: String,
    pub name_latin: String,
    pub name_native: String,
    pub reason: String,
    pub state: String,
    pub requested_at: String,
    pub decided_at: Option<String>,
    pub decision_note: String,
}

pub async fn name_corrections(conn: &mut Conn, user_id: i64) -> Result<Vec<NameCorrection>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.slug AS edition, c.name_latin, c.name_native, c.reason, c.state, c.requested_at, c.decided_at, \
                c.decision_note \
         FROM name_corrections c JOIN enrollments n ON n.id = c.enrollment_id JOIN editions e ON e.id = n.edition_id \
         WHERE n.user_id = $1 ORDER BY c.id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, FromRow, Serialize)]
pub struct Material {
    pub edition: String,
    pub title: String,
    pub created_at: String,
}

/// Materials the person created or uploaded a version of.
pub async fn materials(conn: &mut Conn, user_id: i64) -> Result<Vec<Material>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.slug AS edition, m.title, m.created_at FROM materials m JOIN editions e ON e.id = m.edition_id \
         WHERE m.created_by = $1 OR m.id IN (SELECT material_id FROM material_versions WHERE uploaded_by = $1) \
         ORDER BY m.id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}
