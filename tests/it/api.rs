//! The JSON API: login with the page's cookie, /me, errors as JSON, the OpenAPI document.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::{ContentType, Status};
use serde_json::{Value, json};
use wta_academy::domain::role::Role;

use crate::support::{PASSWORD, TestApp};

async fn body(r: rocket::local::asynchronous::LocalResponse<'_>) -> Value {
    serde_json::from_str(&r.into_string().await.unwrap()).unwrap()
}

#[rocket::async_test]
async fn api_login_sets_the_page_session() {
    let app = TestApp::new().await;
    app.create_user("api@example.org", "李明", Role::Coordinator).await;
    let r = app.post_json("/api/v1/auth/login", json!({ "email": "api@example.org", "password": PASSWORD })).await;
    assert_eq!(r.status(), Status::Ok);
    let me = body(r).await;
    assert_eq!(me["display_name"], "李明");
    assert_eq!(me["role"], "coordinator");
    let me = body(app.get("/api/v1/me").await).await;
    assert_eq!(me["email"], "api@example.org");
    // The same cookie opens the pages.
    assert_eq!(app.get("/profile").await.status(), Status::Ok);
    assert_eq!(app.client.post("/api/v1/auth/logout").dispatch().await.status(), Status::NoContent);
    assert_eq!(app.get("/api/v1/me").await.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn api_errors_are_json() {
    let app = TestApp::new().await;
    let r =
        app.post_json("/api/v1/auth/login", json!({ "email": "no@example.org", "password": "wrong-password" })).await;
    assert_eq!(r.status(), Status::Unauthorized);
    let e = body(r).await;
    assert_eq!(e["error"]["code"], "refused");
    assert_eq!(e["error"]["message"], "The email address or password is not correct.");

    let malformed = app.client.post("/api/v1/auth/login").header(ContentType::JSON).body("{not json").dispatch().await;
    assert_eq!(malformed.status(), Status::BadRequest);
    assert!(body(malformed).await["error"]["message"].is_string());

    let wrong_type = app.client.post("/api/v1/auth/login").header(ContentType::Form).body("email=a").dispatch().await;
    assert!(wrong_type.status() == Status::NotFound || wrong_type.status() == Status::UnsupportedMediaType);
    assert!(body(wrong_type).await["error"]["code"].is_string());

    let anonymous = app.get("/api/v1/me").await;
    assert_eq!(anonymous.status(), Status::Unauthorized);
    assert_eq!(body(anonymous).await["error"]["code"], "unauthenticated");
    let unknown = app.get("/api/v1/nothing-here").await;
    assert_eq!(unknown.status(), Status::NotFound);
    assert_eq!(body(unknown).await["error"]["code"], "not_found");
}

#[rocket::async_test]
async fn openapi_lists_the_api() {
    let app = TestApp::new().await;
    let doc = body(app.get("/api/openapi.json").await).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with('3'));
    for path in ["/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/me"] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    assert!(doc["components"]["schemas"]["MeResponse"].is_object());
    // Every operation also documents the errors any request can meet, with the error body;
    // an operation's own description of a status is kept.
    let login = &doc["paths"]["/api/v1/auth/login"]["post"]["responses"];
    for status in ["400", "404", "413", "415", "422", "503"] {
        let schema = &login[status]["content"]["application/json"]["schema"]["$ref"];
        assert_eq!(schema, "#/components/schemas/ErrorBody", "{status}");
    }
    let upload = &doc["paths"]["/api/v1/editions/{slug}/materials"]["post"]["responses"]["503"]["description"];
    assert!(upload.as_str().unwrap().contains("Files cannot be stored"), "{upload}");
    // And those errors really come as that body: a login that is not JSON.
    let r =
        app.client.post("/api/v1/auth/login").header(rocket::http::ContentType::Plain).body("email=a").dispatch().await;
    assert_eq!(r.status(), rocket::http::Status::NotFound);
    assert_eq!(body(r).await["error"]["code"], "not_found");
}
