//! Trainers of an edition (and coordinators) add, change and remove its live sessions.

use super::editions_admin::record;
use super::learning::{access, edition};
use super::{ServiceError, ServiceResult};
use crate::domain::FieldErrors;
use crate::domain::edition::{EditionFrame, SessionInput};
use crate::domain::schedule::parse_date;
use crate::domain::user::User;
use crate::msg;
use crate::repo::programs::Edition;
use crate::repo::{Conn, library, schedule};
use crate::state::AppState;

/// The edition, if `user` may edit its sessions (else not found).
pub async fn teachable(conn: &mut Conn, slug: &str, user: &User) -> ServiceResult<Edition> {
    let ed = edition(conn, slug).await?;
    if access(conn, &ed, Some(user)).await?.can_teach() { Ok(ed) } else { Err(ServiceError::NotFound) }
}

/// Creates (`id` None) or changes a session; returns its id.
pub async fn save(
    state: &AppState,
    user: &User,
    edition_slug: &str,
    id: Option<i64>,
    input: &SessionInput,
) -> ServiceResult<i64> {
    let mut tx = state.db.begin_write().await?;
    let ed = teachable(&mut tx, edition_slug, user).await?;
    let before = match id {
        Some(id) => Some(schedule::by_id(&mut tx, ed.id, id).await?.ok_or(ServiceError::NotFound)?),
        None => None,
    };
    let frame = EditionFrame {
        starts_on: parse_date(&ed.starts_on).ok_or_else(|| ServiceError::Internal("stored date".into()))?,
        ends_on: parse_date(&ed.ends_on).ok_or_else(|| ServiceError::Internal("stored date".into()))?,
        time_zone: ed.time_zone.clone(),
    };
    let mut errors = FieldErrors::new();
    let spec = match input.validate(&frame) {
        Ok(s) => Some(s),
        Err(e) => {
            errors = e;
            None
        }
    };
    let mut module_id = None;
    if !input.module.trim().is_empty() {
        let course = library::course_modules(&mut tx, ed.id, "en").await?;
        match course.iter().find(|m| m.slug == input.module.trim()) {
            Some(m) => module_id = Some(m.module_id),
            None => errors.add("module", msg!("err-module-not-in-course")),
        }
    }
    let trainers = schedule::trainers(&mut tx, ed.id).await?;
    let mut trainer_ids = Vec::new();
    for t in input.trainers.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        match t.parse::<i64>().ok().filter(|id| trainers.iter().any(|x| x.user_id == *id)) {
            Some(id) => trainer_ids.push(id),
            None => errors.add("trainers", msg!("err-trainer-unknown")),
        }
    }
    errors.clone().into_result()?;
    let Some(spec) = spec else { return Err(errors.into()) };
    let session_id = match &before {
        Some(b) => {
            schedule::update(&mut tx, b.id, &spec, module_id).await?;
            b.id
        }
        None => schedule::insert(&mut tx, ed.id, "", &spec, module_id).await?,
    };
    schedule::set_session_trainers(&mut tx, session_id, &trainer_ids).await?;
    let before_json = before.as_ref().map_or(
        serde_json::Value::Null,
        |b| serde_json::json!({ "title": b.title, "starts_at": b.starts_at, "ends_at": b.ends_at, "room": b.room }),
    );
    let after = serde_json::json!({
        "session": session_id, "title": spec.title, "starts_at": spec.starts_at.db(), "ends_at": spec.ends_at.db(),
        "room": spec.room,
    });
    let action = if before.is_some() { "session.update" } else { "session.create" };
    record(&mut tx, user, action, &ed.slug, before_json, after).await?;
    tx.commit().await?;
    Ok(session_id)
}

pub async fn delete(state: &AppState, user: &User, edition_slug: &str, id: i64) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let ed = teachable(&mut tx, edition_slug, user).await?;
    let s = schedule::by_id(&mut tx, ed.id, id).await?.ok_or(ServiceError::NotFound)?;
    schedule::delete(&mut tx, s.id).await?;
    let before = serde_json::json!({ "session": s.id, "title": s.title, "starts_at": s.starts_at });
    record(&mut tx, user, "session.delete", &ed.slug, before, serde_json::Value::Null).await?;
    tx.commit().await?;
    Ok(())
}
