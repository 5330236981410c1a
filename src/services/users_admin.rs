//! Administering accounts: roles and deactivation, each change in the audit log.

use serde_json::json;

use super::{ServiceError, ServiceResult};
use crate::domain::role::Role;
use crate::domain::user::User;
use crate::msg;
use crate::repo::{self, audit::AuditEntry};
use crate::state::AppState;

pub async fn set_role(state: &AppState, actor: Option<&User>, user_id: i64, role: Role) -> ServiceResult<User> {
    let mut tx = state.db.begin_write().await?;
    let user = repo::users::by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
    if user.role == role {
        return Ok(user);
    }
    if user.role == Role::Admin && repo::users::count_admins(&mut tx).await? <= 1 {
        return Err(ServiceError::Refused(msg!("err-last-admin")));
    }
    repo::users::set_role(&mut tx, user_id, role).await?;
    repo::audit::record(
        &mut tx,
        AuditEntry {
            actor_id: actor.map(|a| a.id),
            action: "user.role_changed",
            subject_type: "user",
            subject_id: user_id.to_string(),
            before: json!({ "role": user.role }),
            after: json!({ "role": role }),
            reason: "",
        },
    )
    .await?;
    let updated = repo::users::by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    Ok(updated)
}

/// Deactivating an account also ends its sessions; the last active admin cannot be
/// deactivated.
pub async fn set_active(state: &AppState, actor: &User, user_id: i64, active: bool) -> ServiceResult<User> {
    let mut tx = state.db.begin_write().await?;
    let user = repo::users::by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
    if user.is_active == active {
        return Ok(user);
    }
    if !active && user.role == Role::Admin && repo::users::count_admins(&mut tx).await? <= 1 {
        return Err(ServiceError::Refused(msg!("err-last-admin")));
    }
    repo::users::set_active(&mut tx, user_id, active).await?;
    if !active {
        repo::sessions::delete_for_user(&mut tx, user_id, None).await?;
    }
    repo::audit::record(
        &mut tx,
        AuditEntry {
            actor_id: Some(actor.id),
            action: if active { "user.activated" } else { "user.deactivated" },
            subject_type: "user",
            subject_id: user_id.to_string(),
            before: json!({ "active": user.is_active }),
            after: json!({ "active": active }),
            reason: "",
        },
    )
    .await?;
    let updated = repo::users::by_id(&mut tx, user_id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    Ok(updated)
}
