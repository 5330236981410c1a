//! An edition's participant directory: its participants, trainers and coordinators may open
//! it; only people who agreed to be listed appear, except to coordinators, who see everyone
//! (with their e-mail addresses) and who is not listed.

use super::learning::{Access, access, edition};
use super::{ServiceError, ServiceResult};
use crate::domain::edition_progress::shown_name;
use crate::domain::user::User;
use crate::repo::directory::{self as repo, ListedRow};
use crate::repo::programs::Edition;
use crate::state::AppState;

pub struct Directory {
    pub edition: Edition,
    /// A coordinator: everyone, e-mail addresses and the "not listed" mark.
    pub everyone: bool,
    /// By name.
    pub rows: Vec<ListedRow>,
}

/// Whether `user` may open the directory of `ed` (to show the link).
pub fn may_open(who: Access) -> bool {
    who.can_read()
}

pub async fn directory(state: &AppState, user: &User, slug: &str) -> ServiceResult<Directory> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = edition(&mut conn, slug).await?;
    let who = access(&mut conn, &ed, Some(user)).await?;
    if !may_open(who) {
        return Err(ServiceError::NotFound);
    }
    let everyone = who == Access::Coordinator;
    let mut rows: Vec<ListedRow> = repo::participants(&mut conn, ed.id, everyone).await?;
    // Sorted here: the two engines collate text differently.
    rows.sort_by_cached_key(|r| {
        (shown_name(&r.display_name, &r.name_latin, &r.name_native).0.to_lowercase(), r.user_id)
    });
    Ok(Directory { edition: ed, everyone, rows })
}
