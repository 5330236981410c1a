//! Sign-up, login, logout, throttling, password change and reset, sessions.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::{PASSWORD, TestApp, accept_language};

#[rocket::async_test]
async fn sign_up_logs_in_and_keeps_unicode_names() {
    let app = TestApp::new().await;
    let r = app
        .post_form(
            "/signup",
            &[
                ("email", "Minh@Example.VN"),
                ("display_name", "Nguyễn Văn Minh"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(r.headers().get_one("Location"), Some("/profile"));
    let page = app.get("/profile").await.into_string().await.unwrap();
    assert!(page.contains("minh@example.vn"), "email is normalised");
    assert!(page.contains("Nguyễn Văn Minh"));
    let stored: (String,) =
        sqlx::query_as("SELECT display_name FROM users").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(stored.0, "Nguyễn Văn Minh");
}

#[rocket::async_test]
async fn sign_up_errors_keep_input_and_write_nothing() {
    let app = TestApp::new().await;
    app.create_user("taken@example.org", "Taken", Role::Participant).await;
    let cases: [(&str, &str, &str, &str, &str); 5] = [
        ("not-an-email", "Anna", PASSWORD, PASSWORD, "This is not a valid email address"),
        ("taken@example.org", "Anna", PASSWORD, PASSWORD, "already exists"),
        ("anna@example.org", "Anna", "short", "short", "at least 10 characters"),
        ("anna@example.org", "Anna", "password123", "password123", "too easy to guess"),
        ("anna@example.org", "Anna", PASSWORD, "something-else-entirely", "not the same"),
    ];
    for (email, name, pw, confirm, message) in cases {
        let r = app
            .post_form(
                "/signup",
                &[("email", email), ("display_name", name), ("password", pw), ("password_confirm", confirm)],
            )
            .await;
        assert_eq!(r.status(), Status::UnprocessableEntity, "{email} {pw}");
        let page = r.into_string().await.unwrap();
        assert!(page.contains(message), "{message:?} missing for {email}/{pw}");
        assert!(page.contains(&format!("value=\"{email}\"")), "typed email is kept");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1, "nothing was written");
}

#[rocket::async_test]
async fn sign_up_errors_are_in_the_visitors_language() {
    let app = TestApp::new().await;
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf_token", app.csrf().await.as_str()),
            ("email", "x"),
            ("display_name", "A"),
            ("password", "p"),
            ("password_confirm", "p"),
        ])
        .finish();
    let r = app
        .client
        .post("/signup")
        .header(rocket::http::ContentType::Form)
        .header(accept_language("ko-KR,ko;q=0.9"))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = r.into_string().await.unwrap();
    assert!(page.contains("lang=\"ko\""));
    assert!(page.contains(&wta_academy::i18n::t("ko", "err-email-invalid")));
}

#[rocket::async_test]
async fn login_logout_and_generic_failure() {
    let app = TestApp::new().await;
    app.create_user("kim@example.org", "김지영", Role::Participant).await;
    let wrong_password =
        app.post_form("/login", &[("email", "kim@example.org"), ("password", "wrong-password-1")]).await;
    assert_eq!(wrong_password.status(), Status::UnprocessableEntity);
    let a = wrong_password.into_string().await.unwrap();
    let unknown = app.post_form("/login", &[("email", "nobody@example.org"), ("password", "wrong-password-1")]).await;
    let b = unknown.into_string().await.unwrap();
    let generic = "The email address or password is not correct.";
    assert!(a.contains(generic) && b.contains(generic), "same message for both");

    assert_eq!(app.login("kim@example.org", PASSWORD).await, Status::SeeOther);
    assert!(app.get("/profile").await.into_string().await.unwrap().contains("김지영"));
    app.logout().await;
    let r = app.get("/profile").await;
    assert_eq!(r.status(), Status::SeeOther, "logged out");
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
}

#[rocket::async_test]
async fn login_follows_only_local_next() {
    let app = TestApp::new().await;
    app.create_user("a@example.org", "A", Role::Participant).await;
    let r = app
        .post_form("/login", &[("email", "a@example.org"), ("password", PASSWORD), ("next", "/account/security")])
        .await;
    assert_eq!(r.headers().get_one("Location"), Some("/account/security"));
    app.logout().await;
    let r = app
        .post_form("/login", &[("email", "a@example.org"), ("password", PASSWORD), ("next", "https://evil.example/")])
        .await;
    assert_eq!(r.headers().get_one("Location"), Some("/"));
}

#[rocket::async_test]
async fn five_failures_a_minute_are_the_limit() {
    let app = TestApp::new().await;
    app.create_user("t@example.org", "T", Role::Participant).await;
    for _ in 0..5 {
        let r = app.post_form("/login", &[("email", "t@example.org"), ("password", "not-the-password")]).await;
        assert_eq!(r.status(), Status::UnprocessableEntity);
    }
    // Even the right password is refused now, with a clear message.
    let r = app.post_form("/login", &[("email", "t@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), Status::TooManyRequests);
    assert!(r.into_string().await.unwrap().contains("Too many failed attempts"));
    // Another account from the same address is refused too (per-address limit).
    app.create_user("u@example.org", "U", Role::Participant).await;
    let r = app.post_form("/login", &[("email", "u@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), Status::TooManyRequests);
}

#[rocket::async_test]
async fn changing_the_password_ends_other_sessions() {
    let app = TestApp::new().await;
    let id = app.create_user("c@example.org", "C", Role::Participant).await;
    // Another device's session.
    wta_academy::services::sessions::start(&app.state, id, "other device").await.unwrap();
    app.login("c@example.org", PASSWORD).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 2);

    let bad = app
        .post_form(
            "/account/password",
            &[
                ("current_password", "wrong-one-here"),
                ("password", "a-new-long-secret"),
                ("password_confirm", "a-new-long-secret"),
            ],
        )
        .await;
    assert_eq!(bad.status(), Status::UnprocessableEntity);
    assert!(bad.into_string().await.unwrap().contains("current password is not correct"));

    let ok = app
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", "a-new-long-secret"),
                ("password_confirm", "a-new-long-secret"),
            ],
        )
        .await;
    assert_eq!(ok.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 1, "only this session remains");
    assert_eq!(app.get("/profile").await.status(), Status::Ok, "still logged in here");
    app.logout().await;
    assert_eq!(app.login("c@example.org", PASSWORD).await, Status::UnprocessableEntity);
    assert_eq!(app.login("c@example.org", "a-new-long-secret").await, Status::SeeOther);
}

#[rocket::async_test]
async fn log_out_everywhere_ends_every_session() {
    let app = TestApp::new().await;
    let id = app.create_user("e@example.org", "E", Role::Participant).await;
    wta_academy::services::sessions::start(&app.state, id, "phone").await.unwrap();
    app.login("e@example.org", PASSWORD).await;
    let r = app.post_form("/account/sessions/end-all", &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
    assert_eq!(app.get("/profile").await.status(), Status::SeeOther);
}

#[rocket::async_test]
async fn idle_and_expired_sessions_stop_working() {
    let app = TestApp::new().await;
    app.create_user("i@example.org", "I", Role::Participant).await;
    app.login("i@example.org", PASSWORD).await;
    assert_eq!(app.get("/profile").await.status(), Status::Ok);
    // Idle for longer than allowed.
    let long_ago = wta_academy::db::now().plus_minutes(-(app.state.config.session_idle_minutes + 1)).db();
    sqlx::query("UPDATE sessions SET last_seen_at = $1").bind(&long_ago).execute(&app.state.db.pool).await.unwrap();
    assert_eq!(app.get("/profile").await.status(), Status::SeeOther);
    // Past the absolute expiry even though recently active.
    app.login("i@example.org", PASSWORD).await;
    let past = wta_academy::db::now().plus_minutes(-1).db();
    sqlx::query("UPDATE sessions SET expires_at = $1").bind(&past).execute(&app.state.db.pool).await.unwrap();
    assert_eq!(app.get("/profile").await.status(), Status::SeeOther);
}

#[rocket::async_test]
async fn deactivated_accounts_cannot_log_in() {
    let app = TestApp::new().await;
    let id = app.create_user("d@example.org", "D", Role::Participant).await;
    sqlx::query("UPDATE users SET is_active = 0 WHERE id = $1").bind(id).execute(&app.state.db.pool).await.unwrap();
    assert_eq!(app.login("d@example.org", PASSWORD).await, Status::UnprocessableEntity);
}
