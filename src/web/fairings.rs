//! Per-request plumbing: a request id, one structured log line, metrics, and the security
//! headers Shield does not set (Content-Security-Policy, Referrer-Policy).

use std::time::Instant;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Data, Request, Response};

use crate::state::AppState;

/// The request's id: the proxy's `X-Request-Id` when it is sane, else a fresh one.
#[derive(Clone)]
pub struct RequestId(pub String);

struct Started(Instant);

pub struct RequestLog;

pub const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

#[rocket::async_trait]
impl Fairing for RequestLog {
    fn info(&self) -> Info {
        Info { name: "request id, log, metrics, security headers", kind: Kind::Request | Kind::Response }
    }

    async fn on_request(&self, req: &mut Request<'_>, _: &mut Data<'_>) {
        let incoming = req
            .headers()
            .get_one("X-Request-Id")
            .filter(|v| !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        let id = incoming.map(str::to_string).unwrap_or_else(|| {
            let t = crate::services::tokens::random_token();
            t.chars().filter(char::is_ascii_alphanumeric).take(16).collect()
        });
        req.local_cache(|| RequestId(id));
        req.local_cache(|| Started(Instant::now()));
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let id = req.local_cache(|| RequestId(String::new())).0.clone();
        let elapsed = req.local_cache(|| Started(Instant::now())).0.elapsed().as_secs_f64();
        let route = req.route().map_or_else(|| "unmatched".to_string(), |r| r.uri.origin.path().to_string());
        let status = res.status().code;
        if let Some(state) = req.rocket().state::<AppState>() {
            state.metrics.record(req.method().as_str(), &route, status, elapsed);
        }
        tracing::info!(
            request_id = %id,
            method = %req.method(),
            path = %req.uri().path(),
            route = %route,
            status,
            ms = (elapsed * 1000.0 * 10.0).round() / 10.0,
            "request"
        );
        res.set_header(Header::new("X-Request-Id", id));
        res.set_header(Header::new("Content-Security-Policy", CSP));
        res.set_header(Header::new("Referrer-Policy", "same-origin"));
        if res.headers().get_one("Cache-Control").is_none() {
            res.set_header(Header::new("Cache-Control", "no-store"));
        }
    }
}
