//! Signed-in sessions: an opaque random id in the cookie, its hash in the database, idle
//! and absolute expiry, and "log out everywhere".

use super::ServiceResult;
use super::read_together::{Found, Lookup};
use super::tokens::{random_token, token_hash};
use crate::db::{Timestamp, now};
use crate::domain::user::User;
use crate::repo::users::{self, SessionUser};
use crate::repo::{Conn, sessions};
use crate::state::AppState;

/// Sessions by their id's hash, read together with those of concurrent requests.
pub struct SessionsByHash;

impl Lookup for SessionsByHash {
    type Row = SessionUser;
    const WHAT: &'static str = "session";
    fn read<'c>(conn: &'c mut Conn, keys: &'c [&'c str]) -> Found<'c, SessionUser> {
        Box::pin(users::by_sessions(conn, keys))
    }
}

/// How often a session's last-seen time is written: often enough for the idle timeout,
/// rarely enough that reading pages does not turn into a write per request.
const TOUCH_EVERY_SECS: i64 = 60;

/// Starts a session and returns the cookie value.
pub async fn start(state: &AppState, user_id: i64, user_agent: &str) -> ServiceResult<String> {
    let token = random_token();
    let at = now();
    let expires = at.plus_minutes(state.config.session_max_days * 24 * 60);
    let agent: String = user_agent.chars().take(200).collect();
    let mut conn = state.db.pool.acquire().await?;
    sessions::insert(&mut conn, &token_hash(&token), user_id, at, expires, &agent).await?;
    Ok(token)
}

/// What a session read tells besides the user: the content version and the person's own
/// version, read in the same statement so that pages need no read of their own for them.
#[derive(Debug, Clone, Copy)]
pub struct Versions {
    pub content: i64,
    pub person: i64,
}

/// The active user of a session cookie with the versions read alongside, or None
/// when the session is unknown, idle too long, past its absolute expiry, or the account was
/// deactivated. The session is read together with those of concurrent requests
/// (`read_together`); a connection is taken only to end an expired session or note activity.
pub async fn resolve(state: &AppState, token: &str) -> ServiceResult<Option<(User, Versions)>> {
    let hash = token_hash(token);
    let Some(found) = state.session_reads.read(&state.db.pool, hash.clone()).await? else { return Ok(None) };
    let user = found.user;
    let (Some(last_seen_at), Some(expires_at)) =
        (Timestamp::parse(&found.last_seen_at), Timestamp::parse(&found.expires_at))
    else {
        return Ok(None);
    };
    let at = now();
    let idle_limit = last_seen_at.plus_minutes(state.config.session_idle_minutes);
    if at > expires_at || at > idle_limit {
        let mut conn = state.db.pool.acquire().await?;
        sessions::delete(&mut conn, &hash).await?;
        return Ok(None);
    }
    if !user.is_active {
        return Ok(None);
    }
    if at > last_seen_at.plus_seconds(TOUCH_EVERY_SECS) {
        let mut conn = state.db.pool.acquire().await?;
        sessions::touch(&mut conn, &hash, at).await?;
    }
    Ok(Some((user, Versions { content: found.content_version, person: found.person_version })))
}

pub async fn end(state: &AppState, token: &str) -> ServiceResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    sessions::delete(&mut conn, &token_hash(token)).await?;
    Ok(())
}

/// Ends every session of the user except the current one; returns how many ended.
pub async fn end_others(state: &AppState, user_id: i64, current_token: Option<&str>) -> ServiceResult<u64> {
    let keep = current_token.map(token_hash);
    let mut conn = state.db.pool.acquire().await?;
    Ok(sessions::delete_for_user(&mut conn, user_id, keep.as_deref()).await?)
}

/// Deletes sessions that can no longer be used (run by the housekeeping job).
pub async fn purge(state: &AppState) -> ServiceResult<u64> {
    let at = now();
    let mut conn = state.db.pool.acquire().await?;
    Ok(sessions::purge_expired(&mut conn, at, at.plus_minutes(-state.config.session_idle_minutes)).await?)
}
