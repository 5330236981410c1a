//! Periodic housekeeping: expired sessions and old login failures are removed. Safe to run
//! on every instance at once (each statement is an idempotent delete).

use std::time::Duration;

use rocket::Shutdown;

use crate::db::now;
use crate::repo;
use crate::services::sessions;
use crate::state::AppState;

const EVERY: Duration = Duration::from_secs(15 * 60);
/// How often expired seat offers are passed on and the daily digest is considered.
const OFFERS_EVERY: Duration = Duration::from_secs(60);

/// Ends seat offers whose time ran out (passing each seat on) and sends the coordinators'
/// daily digest once a day. Safe on every instance: each offer changes in a transaction
/// that re-checks its state, and the digest is claimed once per day in the database.
pub async fn enrollment(state: AppState, shutdown: Shutdown) {
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        if let Err(e) = crate::services::enrollment::expire_offers(&state, now()).await {
            tracing::warn!(error = %e, "jobs: expiring offers");
        }
        if let Err(e) = crate::services::enrollment::daily_digest(&state, now()).await {
            tracing::warn!(error = %e, "jobs: applications digest");
        }
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(OFFERS_EVERY) => {}
        }
    }
}

/// How often certificates that became due are looked for.
const CERTIFICATES_EVERY: Duration = Duration::from_secs(5 * 60);

/// Issues certificates whose rules were met (safe on every instance: issuing is idempotent).
pub async fn certificates(state: AppState, shutdown: Shutdown) {
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        match crate::services::certificates::issue_due_everywhere(&state, now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(issued = n, "jobs: certificates issued"),
            Err(e) => tracing::warn!(error = %e, "jobs: certificates"),
        }
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(CERTIFICATES_EVERY) => {}
        }
    }
}

pub async fn housekeeping(state: AppState, shutdown: Shutdown) {
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        if let Err(e) = sessions::purge(&state).await {
            tracing::warn!(error = %e, "housekeeping: sessions");
        }
        match state.db.pool.acquire().await {
            Ok(mut conn) => {
                if let Err(e) = repo::login_failures::purge_before(&mut conn, now().plus_minutes(-60)).await {
                    tracing::warn!(error = %e, "housekeeping: login failures");
                }
            }
            Err(e) => tracing::warn!(error = %e, "housekeeping: database unavailable"),
        }
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(EVERY) => {}
        }
    }
}
