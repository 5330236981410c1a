//! A small per-address limiter for public lookups (certificate verification): a fixed window
//! per client address, kept in memory on each instance. Behind several instances the limit
//! applies per instance, which still bounds guessing far below what a code's 99 bits allow.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};

pub struct Limiter {
    window: Duration,
    max: u32,
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Limiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Limiter { window, max, seen: Mutex::new(HashMap::new()) }
    }

    /// Counts one request from `ip`; false when it is over the limit.
    pub fn allow(&self, ip: IpAddr, at: Instant) -> bool {
        let Ok(mut seen) = self.seen.lock() else { return true };
        if seen.len() > 100_000 {
            // Forget finished windows so the map cannot grow without bound.
            seen.retain(|_, (start, _)| at.duration_since(*start) < self.window);
        }
        let entry = seen.entry(ip).or_insert((at, 0));
        if at.duration_since(entry.0) >= self.window {
            *entry = (at, 0);
        }
        entry.1 += 1;
        entry.1 <= self.max
    }
}

/// Verification lookups per address and minute, unless `WTA_VERIFY_PER_MINUTE` says otherwise.
pub const VERIFY_PER_MINUTE: u32 = 30;

/// Counts a verify lookup; `check` refuses it with 429 and a message when over the limit.
pub struct VerifyQuota(bool);

impl VerifyQuota {
    pub fn check(&self) -> Result<(), crate::error::AppError> {
        if self.0 {
            Ok(())
        } else {
            Err(crate::error::AppError::Refused(Status::TooManyRequests, crate::msg!("err-verify-throttled")))
        }
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for VerifyQuota {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let Some(limiter) = req.rocket().state::<VerifyLimiter>() else { return Outcome::Success(VerifyQuota(true)) };
        let ip = req.client_ip().unwrap_or(IpAddr::from([0, 0, 0, 0]));
        Outcome::Success(VerifyQuota(limiter.0.allow(ip, Instant::now())))
    }
}

/// The limiter of the verify routes, managed by the app.
pub struct VerifyLimiter(pub Limiter);

impl VerifyLimiter {
    pub fn per_minute(max: u32) -> Self {
        VerifyLimiter(Limiter::new(max, Duration::from_secs(60)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_allows_max_then_refuses_until_it_ends() {
        let l = Limiter::new(3, Duration::from_secs(60));
        let ip = IpAddr::from([10, 0, 0, 1]);
        let t = Instant::now();
        assert!((0..3).all(|_| l.allow(ip, t)));
        assert!(!l.allow(ip, t + Duration::from_secs(59)));
        assert!(l.allow(IpAddr::from([10, 0, 0, 2]), t), "another address has its own window");
        assert!(l.allow(ip, t + Duration::from_secs(61)));
    }
}
