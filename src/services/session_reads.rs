//! Session lookups read together. Every signed-in request reads its session; the requests that
//! arrive while one read is running are answered by the next, one statement for all of them,
//! on a connection kept for this. Per request that saves taking a pool connection, a statement
//! and the pool's test of the connection when it goes back (a round trip on PostgreSQL).
//!
//! A lookup joins the next statement to start, never one already running, so each answer is
//! read after its request arrived: a session ended or a standing changed anywhere is seen by
//! the next request, as with a read of its own.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::{AnyConnection, AnyPool, Connection};
use tokio::sync::{mpsc, oneshot};

use crate::repo::users::{self, SESSIONS_AT_ONCE, SessionUser};

/// After the database could not be reached, lookups fail at once for this long instead of each
/// waiting on another attempt: an outage answers 503 quickly and recovery is tried soon.
const RETRY_AFTER: Duration = Duration::from_millis(250);
/// A kept connection idle for longer is tested before use, as the pool does (the server may
/// have closed it meanwhile).
const TEST_WHEN_IDLE: Duration = Duration::from_secs(1);
/// A statement that takes longer is given up and its connection dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

type Answer = Result<Option<SessionUser>, String>;

struct Lookup {
    hash: String,
    answer: oneshot::Sender<Answer>,
}

/// The queue to the reading task, started on first use in the running runtime.
#[derive(Default)]
pub struct SessionReads {
    queue: Mutex<Option<mpsc::UnboundedSender<Lookup>>>,
    statements: Arc<AtomicU64>,
}

impl SessionReads {
    /// The session whose id hashes to `hash`, read from `pool`'s database after this call.
    pub async fn read(&self, pool: &AnyPool, hash: String) -> Result<Option<SessionUser>, sqlx::Error> {
        let (answer, answered) = oneshot::channel();
        self.queue_for(pool)?.send(Lookup { hash, answer }).map_err(|_| read_failed("the session reader stopped"))?;
        match answered.await {
            Ok(Ok(found)) => Ok(found),
            Ok(Err(message)) => Err(read_failed(message)),
            Err(_) => Err(read_failed("the session reader stopped")),
        }
    }

    /// How many statements have been run so far (each answers one or more lookups).
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// The running task's queue; a new task when there is none or its runtime has ended.
    fn queue_for(&self, pool: &AnyPool) -> Result<mpsc::UnboundedSender<Lookup>, sqlx::Error> {
        let mut queue = self.queue.lock().map_err(|_| read_failed("lock poisoned"))?;
        if let Some(q) = queue.as_ref().filter(|q| !q.is_closed()) {
            return Ok(q.clone());
        }
        let (q, lookups) = mpsc::unbounded_channel();
        tokio::spawn(read_sessions(pool.clone(), lookups, self.statements.clone()));
        *queue = Some(q.clone());
        Ok(q)
    }
}

/// A failed lookup, as the pages' callers see any database error (they answer 503).
fn read_failed(message: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(message.into()))
}

/// The reading task: takes every lookup waiting, reads them in one statement, answers each.
async fn read_sessions(pool: AnyPool, mut lookups: mpsc::UnboundedReceiver<Lookup>, statements: Arc<AtomicU64>) {
    let mut kept: Option<(AnyConnection, Instant)> = None;
    let mut retry_at: Option<Instant> = None;
    while let Some(first) = lookups.recv().await {
        let mut batch = vec![first];
        while batch.len() < SESSIONS_AT_ONCE {
            match lookups.try_recv() {
                Ok(l) => batch.push(l),
                Err(_) => break,
            }
        }
        let answers = match connection(&pool, &mut kept, &mut retry_at).await {
            Err(message) => Err(message),
            Ok(conn) => {
                let mut hashes: Vec<&str> = batch.iter().map(|l| l.hash.as_str()).collect();
                hashes.sort_unstable();
                hashes.dedup();
                statements.fetch_add(1, Ordering::Relaxed);
                match tokio::time::timeout(READ_TIMEOUT, users::by_sessions(conn, &hashes)).await {
                    Ok(Ok(rows)) => Ok(rows.into_iter().collect::<HashMap<_, _>>()),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(_) => Err("the session read timed out".to_string()),
                }
            }
        };
        match answers {
            Ok(found) => {
                if let Some((_, used)) = kept.as_mut() {
                    *used = Instant::now();
                }
                for l in batch {
                    let _ = l.answer.send(Ok(found.get(&l.hash).cloned()));
                }
            }
            Err(message) => {
                // The connection may have died with the server: the next lookups take a new one.
                kept = None;
                tracing::warn!(error = %message, "session read failed");
                for l in batch {
                    let _ = l.answer.send(Err(message.clone()));
                }
            }
        }
    }
}

/// The kept connection, tested when idle for a while; else a new one from the pool (kept
/// outside it, so no test runs when a read ends). While `retry_at` is ahead, no attempt.
async fn connection<'k>(
    pool: &AnyPool,
    kept: &'k mut Option<(AnyConnection, Instant)>,
    retry_at: &mut Option<Instant>,
) -> Result<&'k mut AnyConnection, String> {
    if let Some((conn, used)) = kept.as_mut() {
        if used.elapsed() > TEST_WHEN_IDLE && conn.ping().await.is_err() {
            *kept = None;
        }
    }
    if kept.is_none() {
        if retry_at.is_some_and(|at| Instant::now() < at) {
            return Err("the database could not be reached a moment ago".to_string());
        }
        match pool.acquire().await {
            Ok(c) => {
                *retry_at = None;
                *kept = Some((c.detach(), Instant::now()));
            }
            Err(e) => {
                *retry_at = Some(Instant::now() + RETRY_AFTER);
                return Err(e.to_string());
            }
        }
    }
    kept.as_mut().map(|(c, _)| c).ok_or_else(|| "no connection".to_string())
}
