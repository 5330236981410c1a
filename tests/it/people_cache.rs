//! Each signed-in person's standing in an edition (application, lessons done, certificates)
//! is kept in memory between their requests. Any change to it, written by any means, raises
//! the person's own version in the same transaction, and the version is read with the
//! session, so their next page shows the change.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use wta_academy::domain::role::Role;
use wta_academy::services::people_cache;

use crate::support::TestApp;

const EDITION: &str = "/editions/itw-2027";
const FIRST_LESSON: &str = "/editions/itw-2027/modules/triple-helix/origins-of-the-triple-helix";

async fn page(app: &TestApp, path: &str) -> (rocket::http::Status, String) {
    let r = app.get(path).await;
    let status = r.status();
    (status, r.into_string().await.unwrap_or_default())
}

async fn person_version(app: &TestApp, user: i64) -> i64 {
    app.count(&format!("SELECT COALESCE(MAX(version), 0) FROM person_versions WHERE user_id = {user}")).await
}

/// Runs statements as another instance would: straight to the database.
async fn run(app: &TestApp, statements: &[&str]) {
    let mut conn = app.conn().await;
    for sql in statements {
        sqlx::query(sql).execute(&mut *conn).await.expect(sql);
    }
}

/// The path of the edition's second lesson (not a preview: only participants may read it).
async fn second_lesson(app: &TestApp, edition: i64) -> String {
    let mut conn = app.conn().await;
    let (module, lesson): (String, String) = sqlx::query_as(&format!(
        "SELECT m.slug, l.slug FROM course_modules c JOIN modules m ON m.id = c.module_id \
         JOIN lessons l ON l.module_id = m.id WHERE c.edition_id = {edition} \
         ORDER BY c.position, l.position LIMIT 1 OFFSET 1"
    ))
    .fetch_one(&mut *conn)
    .await
    .expect("a second lesson");
    format!("/editions/itw-2027/modules/{module}/{lesson}")
}

#[rocket::async_test]
async fn a_persons_pages_follow_their_standing_changed_elsewhere() {
    let app = TestApp::new().await;
    app.import_content().await;
    let person = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", person).await;
    let edition = app.edition_id("itw-2027").await;
    run(
        &app,
        &[
            &format!("UPDATE editions SET rule_lessons_pct = 100 WHERE id = {edition}"),
            &format!("UPDATE enrollments SET certificate_name_latin = 'Tran Thanh Liem' WHERE user_id = {person}"),
        ],
    )
    .await;
    let lessons = app
        .count(&format!(
            "SELECT COUNT(*) FROM course_modules c JOIN lessons l ON l.module_id = c.module_id \
             WHERE c.edition_id = {edition} AND l.archived = 0"
        ))
        .await;
    let second = second_lesson(&app, edition).await;

    // Twice each: the second page comes from memory and still says the same.
    for _ in 0..2 {
        let edition_page = page(&app, EDITION).await.1;
        assert!(edition_page.contains(&format!("Lessons done: 0 of {lessons}")));
        assert!(edition_page.contains(&format!("0 of {lessons} lessons done")));
        assert!(edition_page.contains("<p>Accepted</p>"), "the applications box shows the state");
        assert!(page(&app, FIRST_LESSON).await.1.contains("Mark as done"));
        assert_eq!(page(&app, &second).await.0, rocket::http::Status::Ok, "a participant reads every lesson");
        assert!(page(&app, "/my").await.1.contains(&format!("0 of {lessons} lessons done")));
    }
    let before = person_version(&app, person).await;

    // Every lesson marked done elsewhere: the checklist is met, and the certificate is issued
    // as the person looks.
    run(
        &app,
        &[&format!(
            "INSERT INTO lesson_progress (edition_id, user_id, lesson_id, completed_at) \
             SELECT {edition}, {person}, l.id, '2027-10-12T09:00:00.000000Z' FROM course_modules c \
             JOIN lessons l ON l.module_id = c.module_id WHERE c.edition_id = {edition} AND l.archived = 0"
        )],
    )
    .await;
    assert!(person_version(&app, person).await >= before + lessons, "each lesson done raised the version");
    let edition_page = page(&app, EDITION).await.1;
    assert!(edition_page.contains(&format!("Lessons done: {lessons} of {lessons}")), "the progress shows");
    assert!(edition_page.contains("Download (PDF)"), "the certificate was issued on sight");
    assert!(edition_page.contains(&format!("{lessons} of {lessons} lessons done")), "the course bar moved");
    assert!(page(&app, FIRST_LESSON).await.1.contains("Mark as not done"), "the lesson shows as done");
    assert!(page(&app, "/my").await.1.contains(&format!("{lessons} of {lessons} lessons done")), "so does /my");

    // Revoked elsewhere: the download goes.
    run(&app, &[&format!("UPDATE certificates SET state = 'revoked' WHERE user_id = {person}")]).await;
    let edition_page = page(&app, EDITION).await.1;
    assert!(!edition_page.contains("Download (PDF)"), "a revoked certificate is not offered");
    assert!(edition_page.contains(&format!("Lessons done: {lessons} of {lessons}")));

    // Withdrawn elsewhere: no checklist, and lessons past the previews are closed.
    run(&app, &[&format!("UPDATE enrollments SET state = 'withdrawn' WHERE user_id = {person}")]).await;
    let edition_page = page(&app, EDITION).await.1;
    assert!(!edition_page.contains("Lessons done:"), "no checklist once withdrawn");
    assert!(edition_page.contains("<p>Withdrawn</p>"), "the applications box follows");
    assert_eq!(page(&app, &second).await.0, rocket::http::Status::NotFound, "the lesson is closed");
}

#[rocket::async_test]
async fn a_persons_standing_is_read_once_per_version() {
    let app = TestApp::new().await;
    app.import_content().await;
    let person = app.login_as(Role::Participant).await;
    let other = app.create_user("other@example.org", "Anna Petrova", Role::Participant).await;
    app.enroll("itw-2027", person).await;
    let edition = app.edition_id("itw-2027").await;
    let mut conn = app.conn().await;
    let at = |v: i64| Some(app.state.people.person(person, v, 1));

    let standing = people_cache::standing(&mut conn, at(3), edition, person).await.unwrap();
    let completed = people_cache::completed(&mut conn, at(3), edition, person).await.unwrap();
    let done = people_cache::done(&mut conn, at(3), edition, person).await.unwrap();
    let certificates = people_cache::certificates(&mut conn, at(3), edition, person).await.unwrap();
    assert_eq!(standing.1.as_deref(), Some("accepted"));

    // The same versions: every answer is the copy in memory.
    assert!(Arc::ptr_eq(&standing, &people_cache::standing(&mut conn, at(3), edition, person).await.unwrap()));
    assert!(Arc::ptr_eq(&completed, &people_cache::completed(&mut conn, at(3), edition, person).await.unwrap()));
    assert!(Arc::ptr_eq(&done, &people_cache::done(&mut conn, at(3), edition, person).await.unwrap()));
    assert!(Arc::ptr_eq(&certificates, &people_cache::certificates(&mut conn, at(3), edition, person).await.unwrap()));

    // A new version of the person, or a new content version, is read again.
    assert!(!Arc::ptr_eq(&standing, &people_cache::standing(&mut conn, at(4), edition, person).await.unwrap()));
    let new_content = Some(app.state.people.person(person, 4, 2));
    assert!(!Arc::ptr_eq(&done, &people_cache::done(&mut conn, new_content, edition, person).await.unwrap()));

    // Someone else's standing is never answered from this person's copy.
    let theirs = people_cache::standing(&mut conn, at(4), edition, other).await.unwrap();
    assert_eq!(theirs.1, None, "the other person has not applied");
    let again = people_cache::standing(&mut conn, at(4), edition, other).await.unwrap();
    assert!(!Arc::ptr_eq(&theirs, &again), "read each time, not kept under this person");
}
