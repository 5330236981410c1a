//! Lookups by key read together. Pages that every request reads one row for (its session; a
//! certificate's verification) queue the key; the requests that arrive while one read is
//! running are answered by the next, one statement for all of them, on a connection kept for
//! this. Per request that saves taking a pool connection, a statement and the pool's test of
//! the connection when it goes back (a round trip on PostgreSQL).
//!
//! A lookup joins the next statement to start, never one already running, so each answer is
//! read after its request arrived: a session ended, a standing changed or a certificate revoked
//! anywhere is seen by the next request, as with a read of its own.

use std::collections::HashMap;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::{AnyConnection, AnyPool, Connection};
use tokio::sync::{mpsc, oneshot};

use crate::repo::AT_ONCE;

/// After the database could not be reached, lookups fail at once for this long instead of each
/// waiting on another attempt: an outage answers 503 quickly and recovery is tried soon.
const RETRY_AFTER: Duration = Duration::from_millis(250);
/// A kept connection idle for longer is tested before use, as the pool does (the server may
/// have closed it meanwhile).
const TEST_WHEN_IDLE: Duration = Duration::from_secs(1);
/// A statement that takes longer is given up and its connection dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// The rows found among up to `AT_ONCE` keys, each with its key.
pub type Found<'c, Row> = Pin<Box<dyn Future<Output = Result<Vec<(String, Row)>, sqlx::Error>> + Send + 'c>>;

/// One kind of lookup: what it reads for a list of keys in one statement.
pub trait Lookup: Send + Sync + 'static {
    type Row: Clone + Send + 'static;
    /// What is read, for messages ("session", "certificate").
    const WHAT: &'static str;
    fn read<'c>(conn: &'c mut AnyConnection, keys: &'c [&'c str]) -> Found<'c, Self::Row>;
}

type Answer<Row> = Result<Option<Row>, String>;

struct Ask<Row> {
    key: String,
    answer: oneshot::Sender<Answer<Row>>,
}

/// The queue to the reading task, started on first use in the running runtime.
pub struct ReadTogether<L: Lookup> {
    queue: Mutex<Option<mpsc::UnboundedSender<Ask<L::Row>>>>,
    statements: Arc<AtomicU64>,
    kind: PhantomData<L>,
}

impl<L: Lookup> Default for ReadTogether<L> {
    fn default() -> Self {
        ReadTogether { queue: Mutex::default(), statements: Arc::default(), kind: PhantomData }
    }
}

impl<L: Lookup> ReadTogether<L> {
    /// The row for `key`, read from `pool`'s database after this call.
    pub async fn read(&self, pool: &AnyPool, key: String) -> Result<Option<L::Row>, sqlx::Error> {
        let (answer, answered) = oneshot::channel();
        let stopped = || read_failed(format!("the {} reader stopped", L::WHAT));
        self.queue_for(pool)?.send(Ask { key, answer }).map_err(|_| stopped())?;
        match answered.await {
            Ok(Ok(found)) => Ok(found),
            Ok(Err(message)) => Err(read_failed(message)),
            Err(_) => Err(stopped()),
        }
    }

    /// How many statements have been run so far (each answers one or more lookups).
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// The running task's queue; a new task when there is none or its runtime has ended.
    fn queue_for(&self, pool: &AnyPool) -> Result<mpsc::UnboundedSender<Ask<L::Row>>, sqlx::Error> {
        let mut queue = self.queue.lock().map_err(|_| read_failed("lock poisoned"))?;
        if let Some(q) = queue.as_ref().filter(|q| !q.is_closed()) {
            return Ok(q.clone());
        }
        let (q, asks) = mpsc::unbounded_channel();
        tokio::spawn(read_all::<L>(pool.clone(), asks, self.statements.clone()));
        *queue = Some(q.clone());
        Ok(q)
    }
}

/// A failed lookup, as the pages' callers see any database error (they answer 503).
fn read_failed(message: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(message.into()))
}

/// The reading task: takes every lookup waiting, reads them in one statement, answers each.
async fn read_all<L: Lookup>(
    pool: AnyPool,
    mut asks: mpsc::UnboundedReceiver<Ask<L::Row>>,
    statements: Arc<AtomicU64>,
) {
    let mut kept: Option<(AnyConnection, Instant)> = None;
    let mut retry_at: Option<Instant> = None;
    while let Some(first) = asks.recv().await {
        let mut batch = vec![first];
        while batch.len() < AT_ONCE {
            match asks.try_recv() {
                Ok(ask) => batch.push(ask),
                Err(_) => break,
            }
        }
        let answers = match connection(&pool, &mut kept, &mut retry_at).await {
            Err(message) => Err(message),
            Ok(conn) => {
                let mut keys: Vec<&str> = batch.iter().map(|a| a.key.as_str()).collect();
                keys.sort_unstable();
                keys.dedup();
                statements.fetch_add(1, Ordering::Relaxed);
                match tokio::time::timeout(READ_TIMEOUT, L::read(conn, &keys)).await {
                    Ok(Ok(rows)) => Ok(rows.into_iter().collect::<HashMap<_, _>>()),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(_) => Err(format!("the {} read timed out", L::WHAT)),
                }
            }
        };
        match answers {
            Ok(found) => {
                if let Some((_, used)) = kept.as_mut() {
                    *used = Instant::now();
                }
                for ask in batch {
                    let _ = ask.answer.send(Ok(found.get(&ask.key).cloned()));
                }
            }
            Err(message) => {
                // The connection may have died with the server: the next lookups take a new one.
                kept = None;
                tracing::warn!(error = %message, what = L::WHAT, "read failed");
                for ask in batch {
                    let _ = ask.answer.send(Err(message.clone()));
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
