//! Where a read gets its connection. Pages that usually find what they show in memory hold a
//! `LazyConn`, which takes a pool connection only when a read needs one; the functions they
//! call take any `Reads`, so other callers pass the connection or transaction they hold.

use std::future::{Future, ready};

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Transaction};

use super::Conn;

/// Something that can lend a connection for a read.
pub trait Reads: Send {
    fn conn(&mut self) -> impl Future<Output = Result<&mut Conn, sqlx::Error>> + Send;
}

impl Reads for Conn {
    fn conn(&mut self) -> impl Future<Output = Result<&mut Conn, sqlx::Error>> + Send {
        ready(Ok(self))
    }
}

impl Reads for PoolConnection<Any> {
    fn conn(&mut self) -> impl Future<Output = Result<&mut Conn, sqlx::Error>> + Send {
        ready(Ok(&mut **self))
    }
}

impl Reads for Transaction<'_, Any> {
    fn conn(&mut self) -> impl Future<Output = Result<&mut Conn, sqlx::Error>> + Send {
        ready(Ok(&mut **self))
    }
}

/// A pool connection taken on first use and kept for the rest of the request.
pub struct LazyConn {
    pool: AnyPool,
    taken: Option<PoolConnection<Any>>,
}

impl LazyConn {
    pub fn new(pool: AnyPool) -> Self {
        LazyConn { pool, taken: None }
    }
}

impl Reads for LazyConn {
    async fn conn(&mut self) -> Result<&mut Conn, sqlx::Error> {
        if self.taken.is_none() {
            self.taken = Some(self.pool.acquire().await?);
        }
        match self.taken.as_mut() {
            Some(c) => Ok(&mut **c),
            None => Err(sqlx::Error::PoolClosed),
        }
    }
}
