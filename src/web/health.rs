//! Probes for load balancers and the Prometheus endpoint.

use rocket::http::{ContentType, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::serde::json::Json;
use rocket::{Route, State, get, routes};
use serde_json::{Value, json};

use crate::state::AppState;

pub fn routes() -> Vec<Route> {
    routes![live, ready, metrics]
}

/// The process is up.
#[get("/health/live")]
fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The instance can serve: the database and the file store answer. 503 otherwise, so the
/// balancer skips it.
#[get("/health/ready")]
async fn ready(state: &State<AppState>) -> (Status, Json<Value>) {
    let wait = std::time::Duration::from_secs(3);
    let (db, storage) =
        tokio::join!(async { tokio::time::timeout(wait, state.db.ping()).await.unwrap_or(false) }, async {
            tokio::time::timeout(wait, state.storage.ping()).await.unwrap_or(false)
        },);
    let ok = db && storage;
    let status = if ok { Status::Ok } else { Status::ServiceUnavailable };
    let word = |ok: bool| if ok { "ok" } else { "failing" };
    (status, Json(json!({ "status": word(ok), "checks": { "database": word(db), "storage": word(storage) } })))
}

/// `Authorization: Bearer <WTA_METRICS_TOKEN>` when a token is configured.
struct MetricsAccess;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for MetricsAccess {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let Some(state) = req.rocket().state::<AppState>() else {
            return Outcome::Error((Status::InternalServerError, ()));
        };
        let Some(expected) = &state.config.metrics_token else { return Outcome::Success(MetricsAccess) };
        let sent = req.headers().get_one("Authorization").and_then(|h| h.strip_prefix("Bearer "));
        if sent.is_some_and(|s| crate::services::tokens::constant_time_eq(s, expected)) {
            Outcome::Success(MetricsAccess)
        } else {
            Outcome::Error((Status::NotFound, ()))
        }
    }
}

#[get("/metrics")]
fn metrics(state: &State<AppState>, _access: MetricsAccess) -> (ContentType, String) {
    let pool = &state.db.pool;
    let text = state.metrics.render(pool.size(), pool.num_idle(), pool.options().get_max_connections());
    (ContentType::new("text", "plain").with_params(("version", "0.0.4")), text)
}
