//! The command line, run as an operator would, against the test app's database.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use rocket::http::Status;

use crate::support::TestApp;

fn run(app: &TestApp, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wta-academy"))
        .args(args)
        .env("WTA_DATABASE_URL", &app.state.config.database_url)
        .env("WTA_DATA_DIR", app.dir.path())
        .env("WTA_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

#[rocket::async_test]
async fn user_add_then_log_in_through_the_page_and_the_api() {
    let app = TestApp::new().await;
    let out = run(
        &app,
        &["user", "add", "--email", "Kim@KAIST.example", "--name", "김지영", "--role", "coordinator"],
        Some("a-long-secret-pass\n"),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("kim@kaist.example"));
    assert_eq!(app.login("kim@kaist.example", "a-long-secret-pass").await, Status::SeeOther);
    app.logout().await;
    let r = app
        .post_json(
            "/api/v1/auth/login",
            serde_json::json!({ "email": "kim@kaist.example", "password": "a-long-secret-pass" }),
        )
        .await;
    assert_eq!(r.status(), Status::Ok);
}

#[rocket::async_test]
async fn a_generated_password_is_printed_once_and_works() {
    let app = TestApp::new().await;
    let out = run(&app, &["user", "add", "--email", "gen@example.org", "--name", "Gen"], None);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let password = stdout.lines().find_map(|l| l.strip_prefix("password (shown once): ")).expect("password printed");
    assert_eq!(password.chars().count(), 20);
    assert_eq!(app.login("gen@example.org", password).await, Status::SeeOther);
}

#[rocket::async_test]
async fn set_role_and_bad_input() {
    let app = TestApp::new().await;
    app.create_user("p@example.org", "P", wta_academy::domain::role::Role::Participant).await;
    let out = run(&app, &["user", "set-role", "--email", "p@example.org", "--role", "admin"], None);
    assert!(out.status.success());
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE role = 'admin'").await, 1);

    let out = run(&app, &["user", "set-role", "--email", "p@example.org", "--role", "king"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role"));
    let out = run(&app, &["user", "add", "--email", "p@example.org", "--name", "Again"], Some("a-long-secret-pass"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let out = run(&app, &["user", "add", "--email", "weak@example.org", "--name", "W"], Some("password123"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1, "nothing added");
}

#[rocket::async_test]
async fn a_bad_setting_stops_with_one_line_naming_the_key() {
    let app = TestApp::new().await;
    let out = Command::new(env!("CARGO_BIN_EXE_wta-academy"))
        .arg("migrate")
        .env("WTA_SESSION_MAX_DAYS", "forever")
        .env("WTA_DATA_DIR", app.dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("WTA_SESSION_MAX_DAYS"), "{err}");
}

#[rocket::async_test]
async fn demo_scale_generates_once() {
    let app = TestApp::new().await;
    let out = run(&app, &["demo", "--scale", "300"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("generated 300 participants"), "{stdout}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email LIKE '%@scale.example.org'").await, 300);
    assert_eq!(app.count("SELECT COUNT(*) FROM editions").await, 20);
    let out = run(&app, &["demo", "--scale", "300"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing added"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email LIKE '%@scale.example.org'").await, 300);
}
