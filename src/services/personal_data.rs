//! A person's own data as one JSON document, for the download on their profile page.

use serde_json::{Value, json};

use super::{ServiceError, ServiceResult};
use crate::db::now;
use crate::repo::{audit, personal_data as repo};
use crate::state::AppState;

/// Stored JSON text as JSON; empty text is null and anything unreadable stays text.
fn embedded(text: &str) -> Value {
    if text.is_empty() { Value::Null } else { serde_json::from_str(text).unwrap_or_else(|_| json!(text)) }
}

pub async fn export(state: &AppState, user_id: i64) -> ServiceResult<Value> {
    let mut conn = state.db.pool.acquire().await?;
    let account = repo::account(&mut conn, user_id).await?.ok_or(ServiceError::NotFound)?;
    let enrollments: Vec<Value> = repo::enrollments(&mut conn, user_id)
        .await?
        .into_iter()
        .map(|e| {
            let answers = embedded(&e.answers);
            let mut v = json!(e);
            v["answers"] = answers;
            v
        })
        .collect();
    let actions: Vec<Value> = audit::by_actor(&mut conn, user_id)
        .await?
        .into_iter()
        .map(|a| {
            json!({
                "at": a.at, "action": a.action, "subject_type": a.subject_type, "subject_id": a.subject_id,
                "before": embedded(&a.before_json), "after": embedded(&a.after_json), "reason": a.reason,
            })
        })
        .collect();
    Ok(json!({
        "exported_at": now().rfc3339(),
        "account": account,
        "enrollments": enrollments,
        "lesson_progress": repo::progress(&mut conn, user_id).await?,
        "attendance": repo::attendance(&mut conn, user_id).await?,
        "survey_submissions": repo::survey_submissions(&mut conn, user_id).await?,
        "survey_answers": repo::survey_answers(&mut conn, user_id).await?,
        "certificates": repo::certificates(&mut conn, user_id).await?,
        "name_corrections": repo::name_corrections(&mut conn, user_id).await?,
        "materials_uploaded": repo::materials(&mut conn, user_id).await?,
        "audit_entries": actions,
    }))
}
