//! Multi-row inserts: rows are gathered and written as one `INSERT … VALUES (…), (…)` per
//! few thousand values, inside transactions committed every so many rows, so that a million
//! rows take seconds rather than a million round trips.

use sqlx::{Any, Transaction};

use crate::db::{Backend, Db};

/// Bound values per statement: well under SQLite's 32,766 and PostgreSQL's 65,535.
const VALUES_PER_STATEMENT: usize = 8_000;
/// Rows per transaction: large enough to be fast, small enough to keep the lock short.
const ROWS_PER_TRANSACTION: usize = 100_000;

/// One value to bind. Nulls carry their column's type, as PostgreSQL checks it.
#[derive(Debug, Clone)]
pub enum V {
    I(i64),
    T(String),
    NullInt,
    NullText,
}

impl From<i64> for V {
    fn from(v: i64) -> Self {
        V::I(v)
    }
}

impl From<&str> for V {
    fn from(v: &str) -> Self {
        V::T(v.to_string())
    }
}

impl From<String> for V {
    fn from(v: String) -> Self {
        V::T(v)
    }
}

impl From<Option<String>> for V {
    fn from(v: Option<String>) -> Self {
        v.map_or(V::NullText, V::T)
    }
}

impl From<Option<i64>> for V {
    fn from(v: Option<i64>) -> Self {
        v.map_or(V::NullInt, V::I)
    }
}

/// Rows for one table, written in chunks on a transaction of its own.
pub struct Inserter {
    db: Db,
    tx: Option<Transaction<'static, Any>>,
    table: &'static str,
    columns: &'static [&'static str],
    pending: Vec<V>,
    since_commit: usize,
    pub written: u64,
}

impl Inserter {
    pub fn new(db: &Db, table: &'static str, columns: &'static [&'static str]) -> Self {
        Self { db: db.clone(), tx: None, table, columns, pending: Vec::new(), since_commit: 0, written: 0 }
    }

    fn rows_per_statement(&self) -> usize {
        (VALUES_PER_STATEMENT / self.columns.len().max(1)).max(1)
    }

    /// Adds one row (its values in the order of the columns).
    pub async fn push(&mut self, row: Vec<V>) -> Result<(), sqlx::Error> {
        self.pending.extend(row);
        if self.pending.len() >= self.rows_per_statement() * self.columns.len() {
            self.flush().await?;
        }
        Ok(())
    }

    async fn flush(&mut self) -> Result<(), sqlx::Error> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let width = self.columns.len();
        let rows = self.pending.len() / width;
        let mut sql = format!("INSERT INTO {} ({}) VALUES ", self.table, self.columns.join(", "));
        for r in 0..rows {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..width {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push('$');
                sql.push_str(&(r * width + c + 1).to_string());
            }
            sql.push(')');
        }
        let mut q = sqlx::query(&sql);
        for v in self.pending.drain(..) {
            q = match v {
                V::I(i) => q.bind(i),
                V::T(s) => q.bind(s),
                V::NullInt => q.bind(None::<i64>),
                V::NullText => q.bind(None::<String>),
            };
        }
        if self.tx.is_none() {
            let mut tx = self.db.begin_write().await?;
            if self.db.backend == Backend::Postgres {
                // A statement of thousands of rows, each firing a trigger, may outlast the
                // server's per-statement limit on a busy machine.
                sqlx::query("SET LOCAL statement_timeout = 0").execute(&mut *tx).await?;
            }
            self.tx = Some(tx);
        }
        if let Some(tx) = self.tx.as_mut() {
            q.execute(&mut **tx).await?;
        }
        self.written += rows as u64;
        self.since_commit += rows;
        if self.since_commit >= ROWS_PER_TRANSACTION {
            self.commit().await?;
        }
        Ok(())
    }

    async fn commit(&mut self) -> Result<(), sqlx::Error> {
        if let Some(tx) = self.tx.take() {
            tx.commit().await?;
        }
        self.since_commit = 0;
        Ok(())
    }

    /// Writes what is left and commits; returns the rows written in all.
    pub async fn finish(mut self) -> Result<u64, sqlx::Error> {
        self.flush().await?;
        self.commit().await?;
        Ok(self.written)
    }
}
