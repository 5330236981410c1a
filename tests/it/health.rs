//! Probes and metrics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::{Header, Status};

use crate::support::TestApp;

#[rocket::async_test]
async fn live_and_ready() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/health/live").await.status(), Status::Ok);
    let r = app.get("/health/ready").await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap().contains("\"database\":\"ok\""));
}

#[rocket::async_test]
async fn ready_is_503_when_the_database_is_gone() {
    let app = TestApp::new().await;
    app.login_as(wta_academy::domain::role::Role::Participant).await;
    app.state.db.pool.close().await;
    let r = app.get("/health/ready").await;
    assert_eq!(r.status(), Status::ServiceUnavailable);
    assert!(r.into_string().await.unwrap().contains("failing"));
    // Pages that need the database say so clearly instead of failing with a 500.
    let page = app.get("/profile").await;
    assert_eq!(page.status(), Status::ServiceUnavailable);
    assert!(page.into_string().await.unwrap().contains("temporarily unavailable"));
}

#[rocket::async_test]
async fn metrics_count_requests_by_route_and_status() {
    let app = TestApp::new().await;
    app.get("/").await;
    app.get("/no-such-page").await;
    let text = app.get("/metrics").await.into_string().await.unwrap();
    assert!(text.contains("wta_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 1"), "{text}");
    assert!(text.contains("status=\"404\""));
    assert!(text.contains("wta_http_request_duration_seconds_bucket"));
    assert!(text.contains("wta_db_pool_connections{state=\"max\"}"));
}

#[rocket::async_test]
async fn metrics_token_is_enforced_when_set() {
    let app = TestApp::with(|c| c.metrics_token = Some("s3cret".into())).await;
    assert_eq!(app.get("/metrics").await.status(), Status::NotFound);
    let r = app.client.get("/metrics").header(Header::new("Authorization", "Bearer s3cret")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
}

#[rocket::async_test]
async fn every_response_has_a_request_id_and_security_headers() {
    let app = TestApp::new().await;
    let r = app.get("/").await;
    assert_eq!(r.headers().get_one("X-Request-Id").map(str::len), Some(16));
    assert!(r.headers().get_one("Content-Security-Policy").unwrap().contains("default-src 'self'"));
    assert_eq!(r.headers().get_one("X-Content-Type-Options"), Some("nosniff"));
    let r = app.client.get("/").header(Header::new("X-Request-Id", "abc-123")).dispatch().await;
    assert_eq!(r.headers().get_one("X-Request-Id"), Some("abc-123"));
}
