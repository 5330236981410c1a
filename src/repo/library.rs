//! The module library: `modules`, `module_texts`, `lessons`, `lesson_texts`, and the
//! `course_modules` that put modules into an edition's course.

use sqlx::FromRow;

use super::Conn;
use crate::db::now;

#[derive(Debug, Clone, FromRow)]
pub struct ModuleRow {
    pub id: i64,
    pub slug: String,
    pub position: i64,
    pub archived: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct ModuleText {
    pub module_id: i64,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub learning_outcomes: String,
    pub further_reading: String,
    pub self_check: String,
    pub checksum: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct LessonRow {
    pub id: i64,
    pub module_id: i64,
    pub slug: String,
    pub position: i64,
    pub duration_minutes: i64,
    pub archived: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct LessonText {
    pub lesson_id: i64,
    pub language: String,
    pub title: String,
    pub learning_outcomes: String,
    pub body: String,
    pub words: i64,
    pub checksum: String,
}

pub async fn all_modules(conn: &mut Conn) -> Result<Vec<ModuleRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, position, archived FROM modules ORDER BY position, id").fetch_all(&mut *conn).await
}

pub async fn insert_module(conn: &mut Conn, slug: &str, position: i64) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO modules (slug, position, archived, created_at, updated_at) VALUES ($1, $2, 0, $3, $3) RETURNING id",
    )
    .bind(slug)
    .bind(position)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn set_module_state(conn: &mut Conn, id: i64, position: i64, archived: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE modules SET position = $1, archived = $2, updated_at = $3 WHERE id = $4")
        .bind(position)
        .bind(i64::from(archived))
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn module_texts(conn: &mut Conn, module_id: i64) -> Result<Vec<ModuleText>, sqlx::Error> {
    sqlx::query_as(
        "SELECT module_id, language, title, summary, learning_outcomes, further_reading, self_check, checksum \
         FROM module_texts WHERE module_id = $1 ORDER BY language",
    )
    .bind(module_id)
    .fetch_all(&mut *conn)
    .await
}

/// Inserts or replaces one language of a module.
pub async fn put_module_text(conn: &mut Conn, t: &ModuleText) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM module_texts WHERE module_id = $1 AND language = $2")
        .bind(t.module_id)
        .bind(&t.language)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO module_texts (module_id, language, title, summary, learning_outcomes, further_reading, \
         self_check, checksum) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(t.module_id)
    .bind(&t.language)
    .bind(&t.title)
    .bind(&t.summary)
    .bind(&t.learning_outcomes)
    .bind(&t.further_reading)
    .bind(&t.self_check)
    .bind(&t.checksum)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn delete_module_text(conn: &mut Conn, module_id: i64, language: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM module_texts WHERE module_id = $1 AND language = $2")
        .bind(module_id)
        .bind(language)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

const LESSON_COLUMNS: &str = "id, module_id, slug, position, duration_minutes, archived";

pub async fn lessons_of_module(conn: &mut Conn, module_id: i64) -> Result<Vec<LessonRow>, sqlx::Error> {
    let sql = format!("SELECT {LESSON_COLUMNS} FROM lessons WHERE module_id = $1 ORDER BY position, id");
    sqlx::query_as(&sql).bind(module_id).fetch_all(&mut *conn).await
}

pub async fn insert_lesson(
    conn: &mut Conn,
    module_id: i64,
    slug: &str,
    position: i64,
    duration: i64,
) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO lessons (module_id, slug, position, duration_minutes, archived, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 0, $5, $5) RETURNING id",
    )
    .bind(module_id)
    .bind(slug)
    .bind(position)
    .bind(duration)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn set_lesson_state(
    conn: &mut Conn,
    id: i64,
    position: i64,
    duration: i64,
    archived: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE lessons SET position = $1, duration_minutes = $2, archived = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(position)
    .bind(duration)
    .bind(i64::from(archived))
    .bind(now().db())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn lesson_texts_meta(conn: &mut Conn, lesson_id: i64) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT language, checksum FROM lesson_texts WHERE lesson_id = $1")
        .bind(lesson_id)
        .fetch_all(&mut *conn)
        .await
}

pub async fn put_lesson_text(conn: &mut Conn, t: &LessonText) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM lesson_texts WHERE lesson_id = $1 AND language = $2")
        .bind(t.lesson_id)
        .bind(&t.language)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO lesson_texts (lesson_id, language, title, learning_outcomes, body, words, checksum) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(t.lesson_id)
    .bind(&t.language)
    .bind(&t.title)
    .bind(&t.learning_outcomes)
    .bind(&t.body)
    .bind(t.words)
    .bind(&t.checksum)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn delete_lesson_text(conn: &mut Conn, lesson_id: i64, language: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM lesson_texts WHERE lesson_id = $1 AND language = $2")
        .bind(lesson_id)
        .bind(language)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// One lesson's text in `language`, else in English.
pub async fn lesson_text(conn: &mut Conn, lesson_id: i64, language: &str) -> Result<Option<LessonText>, sqlx::Error> {
    sqlx::query_as(
        "SELECT lesson_id, language, title, learning_outcomes, body, words, checksum FROM lesson_texts \
         WHERE lesson_id = $1 AND language IN ($2, 'en') ORDER BY CASE WHEN language = $2 THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(lesson_id)
    .bind(language)
    .fetch_optional(&mut *conn)
    .await
}

/// A lesson of a course, in order, with its title in the wanted language (else English).
#[derive(Debug, Clone, FromRow)]
pub struct CourseLesson {
    pub module_id: i64,
    pub module_slug: String,
    pub module_position: i64,
    pub lesson_id: i64,
    pub lesson_slug: String,
    pub lesson_position: i64,
    pub duration_minutes: i64,
    pub title: String,
}

/// Every live lesson of an edition's course, in course order.
pub async fn course_lessons(
    conn: &mut Conn,
    edition_id: i64,
    language: &str,
) -> Result<Vec<CourseLesson>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id AS module_id, m.slug AS module_slug, c.position AS module_position, l.id AS lesson_id, \
         l.slug AS lesson_slug, l.position AS lesson_position, l.duration_minutes, \
         COALESCE((SELECT t.title FROM lesson_texts t WHERE t.lesson_id = l.id AND t.language = $2), \
                  (SELECT t.title FROM lesson_texts t WHERE t.lesson_id = l.id AND t.language = 'en'), l.slug) AS title \
         FROM course_modules c JOIN modules m ON m.id = c.module_id JOIN lessons l ON l.module_id = m.id \
         WHERE c.edition_id = $1 AND l.archived = 0 AND m.archived = 0 \
         ORDER BY c.position, l.position",
    )
    .bind(edition_id)
    .bind(language)
    .fetch_all(&mut *conn)
    .await
}

/// A module of a course with its text in the wanted language (else English).
#[derive(Debug, Clone, FromRow)]
pub struct CourseModule {
    pub module_id: i64,
    pub slug: String,
    pub position: i64,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub learning_outcomes: String,
    pub further_reading: String,
    pub self_check: String,
}

pub async fn course_modules(
    conn: &mut Conn,
    edition_id: i64,
    language: &str,
) -> Result<Vec<CourseModule>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id AS module_id, m.slug, c.position, t.language, t.title, t.summary, t.learning_outcomes, \
         t.further_reading, t.self_check \
         FROM course_modules c JOIN modules m ON m.id = c.module_id JOIN module_texts t ON t.module_id = m.id \
         WHERE c.edition_id = $1 AND m.archived = 0 AND t.language = \
           (SELECT CASE WHEN EXISTS (SELECT 1 FROM module_texts x WHERE x.module_id = m.id AND x.language = $2) \
            THEN $2 ELSE 'en' END) \
         ORDER BY c.position",
    )
    .bind(edition_id)
    .bind(language)
    .fetch_all(&mut *conn)
    .await
}

/// Module slugs of a course in order.
pub async fn course_module_slugs(conn: &mut Conn, edition_id: i64) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT m.slug FROM course_modules c JOIN modules m ON m.id = c.module_id WHERE c.edition_id = $1 ORDER BY c.position",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Replaces an edition's course with `module_ids` in this order.
pub async fn set_course(conn: &mut Conn, edition_id: i64, module_ids: &[i64]) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM course_modules WHERE edition_id = $1").bind(edition_id).execute(&mut *conn).await?;
    for (i, m) in module_ids.iter().enumerate() {
        sqlx::query("INSERT INTO course_modules (edition_id, module_id, position) VALUES ($1, $2, $3)")
            .bind(edition_id)
            .bind(*m)
            .bind(i64::try_from(i).unwrap_or(i64::MAX) + 1)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Live (not archived) module ids by slug, in library order, with their English titles.
pub async fn library(conn: &mut Conn, language: &str) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id, m.slug, COALESCE((SELECT t.title FROM module_texts t WHERE t.module_id = m.id AND t.language = $1), \
         (SELECT t.title FROM module_texts t WHERE t.module_id = m.id AND t.language = 'en'), m.slug) \
         FROM modules m WHERE m.archived = 0 ORDER BY m.position, m.id",
    )
    .bind(language)
    .fetch_all(&mut *conn)
    .await
}

/// Languages a lesson is written in.
pub async fn lesson_languages(conn: &mut Conn, lesson_id: i64) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT language FROM lesson_texts WHERE lesson_id = $1 ORDER BY language")
            .bind(lesson_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
