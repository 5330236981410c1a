//! Layout, languages, error pages and bad input at the edges.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::{ContentType, Status};
use wta_academy::domain::role::Role;

use crate::support::{TestApp, accept_language};

#[rocket::async_test]
async fn home_page_follows_accept_language() {
    let app = TestApp::new().await;
    for (header, lang) in [("vi-VN,vi;q=0.9", "vi"), ("ko", "ko"), ("fr-FR", "fr"), ("de-DE", "en")] {
        let r = app.client.get("/").header(accept_language(header)).dispatch().await;
        assert_eq!(r.status(), Status::Ok);
        let page = r.into_string().await.unwrap();
        assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{header} → {lang}");
        assert!(page.contains(&wta_academy::i18n::t(lang, "home-title")));
    }
}

#[rocket::async_test]
async fn the_switcher_wins_over_the_browser_and_is_kept_in_the_profile() {
    let app = TestApp::new().await;
    let id = app.login_as(Role::Participant).await;
    let r = app.post_form("/lang", &[("lang", "fr"), ("next", "/profile")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(r.headers().get_one("Location"), Some("/profile"));
    let page = app.client.get("/").header(accept_language("ko")).dispatch().await.into_string().await.unwrap();
    assert!(page.contains("<html lang=\"fr\""));
    let mut conn = app.conn().await;
    assert_eq!(wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap().profile.preferred_language, "fr");
    // An unknown language changes nothing.
    app.post_form("/lang", &[("lang", "xx"), ("next", "/")]).await;
    let page = app.get("/").await.into_string().await.unwrap();
    assert!(page.contains("<html lang=\"fr\""));
}

#[rocket::async_test]
async fn error_pages_share_the_layout_and_language() {
    let app = TestApp::new().await;
    let r = app.client.get("/no/such/page").header(accept_language("ko")).dispatch().await;
    assert_eq!(r.status(), Status::NotFound);
    let page = r.into_string().await.unwrap();
    assert!(page.contains("lang=\"ko\""));
    assert!(page.contains(&wta_academy::i18n::t("ko", "err-not-found")));
    assert!(page.contains("/assets/app.css"), "same layout");
}

#[rocket::async_test]
async fn oversized_and_malformed_forms_get_clear_pages() {
    let app = TestApp::new().await;
    let token = app.csrf().await;
    let huge = format!("csrf_token={token}&email={}", "a".repeat(200_000));
    let r = app.client.post("/login").header(ContentType::Form).body(huge).dispatch().await;
    assert_eq!(r.status(), Status::PayloadTooLarge);
    assert!(r.into_string().await.unwrap().contains("too large"));
    let r = app
        .client
        .post("/login")
        .header(ContentType::Form)
        .body(format!("csrf_token={token}&email=%ZZ%"))
        .dispatch()
        .await;
    assert!(r.status().code < 500, "malformed encoding is not a server error: {}", r.status());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

#[rocket::async_test]
async fn pages_need_no_javascript_and_escape_input() {
    let app = TestApp::new().await;
    app.create_user("x@example.org", "<script>alert(1)</script>", Role::Participant).await;
    app.login("x@example.org", crate::support::PASSWORD).await;
    let page = app.get("/profile").await.into_string().await.unwrap();
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&lt;script&gt;"));
    assert!(!page.contains("<script"), "no scripts at all");
    assert!(page.contains("name=\"viewport\""), "readable on a phone");
}

#[rocket::async_test]
async fn the_stylesheet_is_served() {
    let app = TestApp::new().await;
    let r = app.get("/assets/app.css").await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(ContentType::CSS));
}

#[rocket::async_test]
async fn every_page_has_its_own_title() {
    let app = TestApp::new().await;
    app.import_content().await;
    let title = |page: &str| page.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap().to_string();
    // Fixed titles, in the page's language, and titles the page sets itself.
    for (path, key) in [("/catalogue", "catalogue-title"), ("/login", "login-title"), ("/signup", "signup-title")] {
        let r = app.client.get(path).header(accept_language("ko")).dispatch().await;
        let expected = format!("{} · {}", wta_academy::i18n::t("ko", key), wta_academy::i18n::t("ko", "app-name"));
        assert_eq!(title(&r.into_string().await.unwrap()), expected, "{path}");
    }
    let edition = app.get("/editions/itw-2027").await.into_string().await.unwrap();
    assert!(title(&edition).starts_with("23rd UNESCO-WTA International Training Workshop · "), "{}", title(&edition));
}
