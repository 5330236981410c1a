//! Database access shared by every layer below `web/`: the pool, the backend it talks to,
//! migrations and the portable column types.

pub mod types;

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyPool, Connection, Executor, Transaction};

pub use types::{Timestamp, now};

/// Which engine a pool talks to; a few statements differ (locking, upserts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Self {
        if url.starts_with("postgres") { Self::Postgres } else { Self::Sqlite }
    }
}

/// The pool with the backend it was opened for.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

/// Errors from opening or migrating the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database: {0}")]
    Connect(sqlx::Error),
    #[error("cannot create the data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Opens a pool; SQLite gets WAL, foreign keys, a busy timeout and memory-mapped reads
    /// (pages come from the OS cache without a copy per read) on every connection,
    /// PostgreSQL a short connect timeout so an outage turns into a quick 503.
    pub async fn connect(url: &str, max_connections: u32, connect_timeout: Duration) -> Result<Self, DbError> {
        install_default_drivers();
        let backend = Backend::from_url(url);
        if backend == Backend::Sqlite {
            ensure_sqlite_parent(url)?;
        }
        let options = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(connect_timeout)
            // The pool tests every connection when it is released; testing it again when it
            // is taken would add a round trip to every acquire (a third of a page's database
            // calls). Only a connection idle for over a second, which may have died with the
            // server meanwhile, is tested before use.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for > Duration::from_secs(1) {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    match backend {
                        Backend::Sqlite => {
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                                 PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; \
                                 PRAGMA mmap_size = 1073741824;",
                            )
                            .await?;
                        }
                        Backend::Postgres => {
                            conn.execute("SET statement_timeout = '30s'").await?;
                            // The reports' grouped reads cross the JIT threshold at scale, and
                            // compiling them costs more than it saves (measured at 100,000).
                            conn.execute("SET jit = off").await?;
                        }
                    }
                    Ok(())
                })
            });
        let pool = options.connect(&with_pg_connect_timeout(url, connect_timeout)).await.map_err(DbError::Connect)?;
        Ok(Self { pool, backend })
    }

    /// Applies the migrations of this backend's folder.
    pub async fn migrate(&self) -> Result<(), DbError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Starts a write transaction that holds the write lock from its first statement.
    /// On SQLite a plain BEGIN upgrades late and fails with "database is busy" under
    /// concurrent writers; BEGIN IMMEDIATE queues on the busy timeout instead.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// True when a trivial query answers (readiness probe).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

fn ensure_sqlite_parent(url: &str) -> Result<(), DbError> {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|e| DbError::DataDir(parent.display().to_string(), e))?;
        }
    }
    Ok(())
}

/// Adds `connect_timeout` to a PostgreSQL URL unless the operator already set one.
fn with_pg_connect_timeout(url: &str, timeout: Duration) -> String {
    if !url.starts_with("postgres") || url.contains("connect_timeout=") {
        return url.to_string();
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}connect_timeout={}", timeout.as_secs().max(1))
}

/// True when the error is a unique-constraint violation (both engines).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => {
            db.code().is_some_and(|c| c == "23505" || c == "2067" || c == "1555")
                || db.message().contains("UNIQUE constraint failed")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_follows_url() {
        assert_eq!(Backend::from_url("postgres://x/y"), Backend::Postgres);
        assert_eq!(Backend::from_url("sqlite://data/a.db"), Backend::Sqlite);
    }

    #[test]
    fn pg_urls_get_a_connect_timeout() {
        let d = Duration::from_secs(3);
        assert_eq!(with_pg_connect_timeout("postgres://h/db", d), "postgres://h/db?connect_timeout=3");
        assert_eq!(
            with_pg_connect_timeout("postgres://h/db?sslmode=disable", d),
            "postgres://h/db?sslmode=disable&connect_timeout=3"
        );
        assert_eq!(with_pg_connect_timeout("sqlite://a.db", d), "sqlite://a.db");
    }
}
