//! Administrators manage roles and accounts; every change is audited.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::TestApp;

#[rocket::async_test]
async fn admin_changes_a_role_and_it_is_audited() {
    let app = TestApp::new().await;
    let claire = app.create_user("claire@unesco.example", "Claire Dubois", Role::Participant).await;
    app.login_as(Role::Admin).await;
    let page = app.get("/admin/users?q=claire").await.into_string().await.unwrap();
    assert!(page.contains("Claire Dubois"));
    let r = app.post_form(&format!("/admin/users/{claire}/role"), &[("role", "coordinator")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (role,): (String,) = sqlx::query_as("SELECT role FROM users WHERE id = $1")
        .bind(claire)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(role, "coordinator");
    let mut conn = app.conn().await;
    let log = wta_academy::repo::audit::for_subject(&mut conn, "user", &claire.to_string()).await.unwrap();
    assert_eq!(log[0].0, "user.role_changed");
    assert!(log[0].1.contains("participant") && log[0].2.contains("coordinator"));
}

#[rocket::async_test]
async fn unknown_roles_and_the_last_admin_are_refused() {
    let app = TestApp::new().await;
    let admin = app.login_as(Role::Admin).await;
    let r = app.post_form(&format!("/admin/users/{admin}/role"), &[("role", "superuser")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = app.get("/admin/users").await.into_string().await.unwrap();
    assert!(page.contains("Unknown role"), "clear message after redirect");
    let r = app.post_form(&format!("/admin/users/{admin}/role"), &[("role", "participant")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = app.get("/admin/users").await.into_string().await.unwrap();
    assert!(page.contains("last administrator"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE role = 'admin'").await, 1);
}

#[rocket::async_test]
async fn deactivating_ends_sessions_and_blocks_login() {
    let app = TestApp::new().await;
    let minh = app.create_user("minh@example.vn", "Nguyễn Văn Minh", Role::Participant).await;
    wta_academy::services::sessions::start(&app.state, minh, "phone").await.unwrap();
    app.login_as(Role::Admin).await;
    let r = app.post_form(&format!("/admin/users/{minh}/active"), &[("active", "0")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let n: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(minh)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n.0, 0);
    app.logout().await;
    assert_eq!(app.login("minh@example.vn", crate::support::PASSWORD).await, Status::UnprocessableEntity);
}

#[rocket::async_test]
async fn an_unknown_user_id_is_not_found() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let r = app.post_form("/admin/users/999999/role", &[("role", "coordinator")]).await;
    assert_eq!(r.status(), Status::NotFound);
    let r = app.post_form("/admin/users/not-a-number/role", &[("role", "coordinator")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
}
