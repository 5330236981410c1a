//! The feedback survey: questions (`survey_questions`), who has answered
//! (`survey_submissions`), and the answers (`survey_responses`, `survey_answers`).

use super::Conn;
use crate::domain::survey::{NewQuestion, Question};

pub async fn questions(conn: &mut Conn, edition_id: i64) -> Result<Vec<Question>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, position, kind, prompt, required FROM survey_questions WHERE edition_id = $1 \
         ORDER BY position, id",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

/// Whether the edition has a survey (any question).
pub async fn has_questions(conn: &mut Conn, edition_id: i64) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM (SELECT 1 FROM survey_questions WHERE edition_id = $1 LIMIT 1) q")
            .bind(edition_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n > 0)
}

/// Adds a question after the last one.
pub async fn insert_question(conn: &mut Conn, edition_id: i64, q: &NewQuestion) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO survey_questions (edition_id, position, kind, prompt, required) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM survey_questions WHERE edition_id = $1), $2, $3, $4) \
         RETURNING id",
    )
    .bind(edition_id)
    .bind(q.kind)
    .bind(&q.prompt)
    .bind(i64::from(q.required))
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn delete_question(conn: &mut Conn, edition_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let r = sqlx::query("DELETE FROM survey_questions WHERE edition_id = $1 AND id = $2")
        .bind(edition_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() > 0)
}

pub async fn set_position(conn: &mut Conn, id: i64, position: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE survey_questions SET position = $1 WHERE id = $2")
        .bind(position)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn is_anonymous(conn: &mut Conn, edition_id: i64) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT survey_anonymous FROM editions WHERE id = $1")
        .bind(edition_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_some_and(|r| r.0 != 0))
}

pub async fn set_anonymous(conn: &mut Conn, edition_id: i64, anonymous: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE editions SET survey_anonymous = $1 WHERE id = $2")
        .bind(i64::from(anonymous))
        .bind(edition_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn submission_count(conn: &mut Conn, edition_id: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM survey_submissions WHERE edition_id = $1")
        .bind(edition_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}

/// When the person answered, if they have.
pub async fn submitted_at(conn: &mut Conn, edition_id: i64, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT submitted_at FROM survey_submissions WHERE edition_id = $1 AND user_id = $2")
            .bind(edition_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|r| r.0))
}

/// Records that the person answered; false when they already had (the key decides, so two
/// submissions at once give one).
pub async fn insert_submission(conn: &mut Conn, edition_id: i64, user_id: i64, at: &str) -> Result<bool, sqlx::Error> {
    let r = sqlx::query(
        "INSERT INTO survey_submissions (edition_id, user_id, submitted_at) VALUES ($1, $2, $3) \
         ON CONFLICT (edition_id, user_id) DO NOTHING",
    )
    .bind(edition_id)
    .bind(user_id)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(r.rows_affected() > 0)
}

pub async fn insert_response(
    conn: &mut Conn,
    edition_id: i64,
    user_id: Option<i64>,
    at: &str,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO survey_responses (edition_id, user_id, submitted_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(edition_id)
    .bind(user_id)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn insert_answer(
    conn: &mut Conn,
    response_id: i64,
    question_id: i64,
    likert: Option<i64>,
    text: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO survey_answers (response_id, question_id, likert, text) VALUES ($1, $2, $3, $4)")
        .bind(response_id)
        .bind(question_id)
        .bind(likert)
        .bind(text)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// (question id, value) of every scale answer of an edition.
pub async fn likert_values(conn: &mut Conn, edition_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.question_id, a.likert FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
         WHERE r.edition_id = $1 AND a.likert IS NOT NULL",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

/// (question id, text, the author's name when the response carries it) of every text answer.
pub async fn text_answers(conn: &mut Conn, edition_id: i64) -> Result<Vec<(i64, String, Option<String>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.question_id, a.text, u.display_name FROM survey_answers a \
         JOIN survey_responses r ON r.id = a.response_id LEFT JOIN users u ON u.id = r.user_id \
         WHERE r.edition_id = $1 AND a.likert IS NULL AND a.text <> '' ORDER BY r.id",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}
