//! Course and timetable content is kept in memory between requests. A change written to the
//! database by any means (another instance, an import, a person's profile) raises the content
//! version in the same transaction, so the next page shows it; enrollment traffic does not.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use wta_academy::domain::role::Role;

use crate::support::TestApp;

const EDITION: &str = "/editions/itw-2027";
const LESSON: &str = "/editions/itw-2027/modules/triple-helix/origins-of-the-triple-helix";

async fn page(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status(), rocket::http::Status::Ok, "{path}");
    r.into_string().await.unwrap_or_default()
}

async fn version(app: &TestApp) -> i64 {
    app.count("SELECT version FROM content_version WHERE id = 1").await
}

/// Runs `sql` with one text parameter as another instance would: straight to the database.
async fn write(app: &TestApp, sql: &str, value: &str) {
    let mut conn = app.conn().await;
    let done = sqlx::query(sql).bind(value).execute(&mut *conn).await.expect("update");
    assert!(done.rows_affected() > 0, "{sql} changed a row");
}

#[rocket::async_test]
async fn pages_show_content_changed_behind_their_back() {
    let app = TestApp::new().await;
    app.import_content().await;
    let trainer = app.create_user("kim.trainer@example.org", "Kim Trainer", Role::Participant).await;
    app.assign_trainer("itw-2027", trainer).await;
    let session = app.first_session("itw-2027").await;

    // Read once, so that the content is in memory.
    let lesson = page(&app, LESSON).await;
    assert!(!lesson.contains("Written elsewhere"));
    let edition = page(&app, EDITION).await;
    assert!(edition.contains("Kim Trainer"));
    let before = version(&app).await;

    write(
        &app,
        "UPDATE lesson_texts SET title = 'Origins, rewritten', body = $1 WHERE language = 'en' AND lesson_id = \
         (SELECT id FROM lessons WHERE slug = 'origins-of-the-triple-helix')",
        "Written elsewhere: **a new opening paragraph**.",
    )
    .await;
    let lesson = page(&app, LESSON).await;
    assert!(lesson.contains("Origins, rewritten"), "the new title");
    assert!(lesson.contains("Written elsewhere: <strong>a new opening paragraph</strong>"), "the new text, rendered");

    write(
        &app,
        "UPDATE module_texts SET title = $1 WHERE language = 'en' AND module_id = \
         (SELECT id FROM modules WHERE slug = 'triple-helix')",
        "Triple Helix, second look",
    )
    .await;
    write(&app, &format!("UPDATE edition_sessions SET title = $1 WHERE id = {session}"), "Moved opening session").await;
    write(&app, &format!("UPDATE users SET display_name = $1 WHERE id = {trainer}"), "Kim Renamed").await;
    let edition = page(&app, EDITION).await;
    for text in ["Triple Helix, second look", "Moved opening session", "Kim Renamed"] {
        assert!(edition.contains(text), "the edition page shows {text:?}");
    }
    assert!(!edition.contains("Kim Trainer"));
    assert!(version(&app).await >= before + 4, "each of the four changes raised the content version");
}

#[rocket::async_test]
async fn enrollment_traffic_leaves_the_content_version_alone() {
    let app = TestApp::new().await;
    app.import_content().await;
    let before = version(&app).await;
    let person = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", person).await;
    page(&app, EDITION).await;
    page(&app, LESSON).await;
    let form = app.post_form(&format!("{LESSON}/done"), &[("done", "1")]).await;
    assert!(form.status().code < 400, "marked done");
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 1, "the mark is kept");
    assert_eq!(version(&app).await, before, "applications, seats and progress are not content");
}

#[rocket::async_test]
async fn content_is_read_once_per_version() {
    let app = TestApp::new().await;
    app.import_content().await;
    let edition = app.edition_id("itw-2027").await;
    let mut conn = app.conn().await;
    let first = app.state.content.at(&mut conn).await.unwrap().course(&mut conn, edition, "ko").await.unwrap();
    let again = app.state.content.at(&mut conn).await.unwrap().course(&mut conn, edition, "ko").await.unwrap();
    assert!(Arc::ptr_eq(&first, &again), "the second page uses the copy in memory");
    assert!(!first.modules.is_empty() && !first.lessons.is_empty());
    drop(conn);
    write(&app, "UPDATE modules SET slug = slug || $1 WHERE slug = 'triple-helix'", "-renamed").await;
    let mut conn = app.conn().await;
    let changed = app.state.content.at(&mut conn).await.unwrap().course(&mut conn, edition, "ko").await.unwrap();
    assert!(!Arc::ptr_eq(&first, &changed), "a new version reads the course again");
    assert!(changed.modules.iter().any(|m| m.slug == "triple-helix-renamed"));
}
