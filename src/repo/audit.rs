//! The append-only `audit_log`: nothing in the product updates or deletes its rows.

use super::Conn;
use crate::db::now;

/// One decision or change worth keeping.
pub struct AuditEntry<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
    pub reason: &'a str,
}

pub async fn record(conn: &mut Conn, e: AuditEntry<'_>) -> Result<(), sqlx::Error> {
    let json = |v: &serde_json::Value| if v.is_null() { String::new() } else { v.to_string() };
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before_json, after_json, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now().db())
    .bind(e.actor_id)
    .bind(e.action)
    .bind(e.subject_type)
    .bind(&e.subject_id)
    .bind(json(&e.before))
    .bind(json(&e.after))
    .bind(e.reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest entries for one subject, for tests and history views.
pub async fn for_subject(
    conn: &mut Conn,
    subject_type: &str,
    subject_id: &str,
) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT action, before_json, after_json FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY id DESC",
    )
    .bind(subject_type)
    .bind(subject_id)
    .fetch_all(&mut *conn)
    .await
}

/// One entry as the audit log page and its export show it, with the actor's name and email
/// (empty when the system acted).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub actor_email: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub before_json: String,
    pub after_json: String,
    pub reason: String,
}

fn like_escaped(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Entries matching `f`, newest first: `limit` of them after skipping `offset`, and only
/// those older than `before_id` when it is not 0 (the export reads in batches that way).
/// A subject naming an edition (slug or id) also matches the entries of its enrollments.
pub async fn search(
    conn: &mut Conn,
    f: &crate::domain::audit_query::AuditFilter,
    before_id: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.at, a.actor_id, COALESCE(u.display_name, '') AS actor_name, \
                COALESCE(u.email, '') AS actor_email, a.action, a.subject_type, a.subject_id, \
                a.before_json, a.after_json, a.reason \
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id \
         WHERE ($1 = '' OR a.action LIKE $2 ESCAPE '\\') \
           AND ($3 = '' OR LOWER(u.email) LIKE $4 ESCAPE '\\') \
           AND ($5 = '' OR a.subject_id = $5 \
                OR (a.subject_type = 'edition' AND a.subject_id IN (SELECT slug FROM editions WHERE CAST(id AS TEXT) = $5)) \
                OR (a.subject_type = 'enrollment' AND a.subject_id IN ( \
                    SELECT CAST(n.id AS TEXT) FROM enrollments n JOIN editions e ON e.id = n.edition_id \
                    WHERE e.slug = $5 OR CAST(e.id AS TEXT) = $5))) \
           AND ($6 = '' OR a.at >= $6) \
           AND ($7 = '' OR a.at < $7) \
           AND ($8 = 0 OR a.id < $8) \
         ORDER BY a.id DESC LIMIT $9 OFFSET $10",
    )
    .bind(&f.action)
    .bind(format!("{}%", like_escaped(&f.action)))
    .bind(&f.actor)
    .bind(format!("%{}%", like_escaped(&f.actor)))
    .bind(&f.subject)
    .bind(&f.from)
    .bind(&f.until)
    .bind(before_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await
}

/// The entries where `user_id` acted, oldest first (for their own data export).
pub async fn by_actor(conn: &mut Conn, user_id: i64) -> Result<Vec<AuditRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.at, a.actor_id, COALESCE(u.display_name, '') AS actor_name, \
                COALESCE(u.email, '') AS actor_email, a.action, a.subject_type, a.subject_id, \
                a.before_json, a.after_json, a.reason \
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.actor_id = $1 ORDER BY a.id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await
}
