//! A reader that counts and hashes what passes through it and stops past a limit.

use std::pin::Pin;
use std::task::{Context, Poll};

use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, ReadBuf};

pub struct Metered<R> {
    inner: R,
    pub bytes: u64,
    limit: u64,
    hasher: Sha256,
    pub over_limit: bool,
}

impl<R> Metered<R> {
    pub fn new(inner: R, limit: u64) -> Self {
        Self { inner, bytes: 0, limit, hasher: Sha256::new(), over_limit: false }
    }

    pub fn digest(&self) -> String {
        hex::encode(self.hasher.clone().finalize())
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for Metered<R> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let new = &buf.filled()[before..];
                this.bytes += new.len() as u64;
                if this.bytes > this.limit {
                    this.over_limit = true;
                    return Poll::Ready(Err(std::io::Error::other("the file is larger than the limit")));
                }
                this.hasher.update(new);
                Poll::Ready(Ok(()))
            }
            other => other,
        }
    }
}
