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

/// Runs statements as another instance would, without parameters.
async fn run(app: &TestApp, statements: &[&str]) {
    let mut conn = app.conn().await;
    for sql in statements {
        sqlx::query(sql).execute(&mut *conn).await.expect(sql);
    }
}

#[rocket::async_test]
async fn edition_page_follows_materials_survey_and_rules_changed_elsewhere() {
    let app = TestApp::new().await;
    app.import_content().await;
    let person = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", person).await;
    let edition = app.edition_id("itw-2027").await;

    let first = page(&app, EDITION).await;
    assert!(first.contains("No materials yet."));
    assert!(!first.contains("Give your feedback"));
    assert!(!first.contains("Lessons done:"));
    // Twice: the second page comes from memory and still says the same.
    assert!(page(&app, EDITION).await.contains("No materials yet."));
    let before = version(&app).await;

    run(
        &app,
        &[
            &format!(
                "INSERT INTO materials (edition_id, title, visibility, created_at, updated_at) \
                 VALUES ({edition}, 'Site visit briefing pack', 'participants', '2027-09-01T09:00:00.000000Z', '2027-09-01T09:00:00.000000Z')"
            ),
            "INSERT INTO material_versions (material_id, number, object_key, file_name, size, sha256, content_type, created_at) \
             SELECT id, 1, 'materials/briefing-v1', 'briefing.pdf', 2048, 'abc', 'application/pdf', '2027-09-01T09:00:00.000000Z' \
             FROM materials WHERE title = 'Site visit briefing pack'",
            "UPDATE materials SET current_version_id = (SELECT MAX(id) FROM material_versions) \
             WHERE title = 'Site visit briefing pack'",
            &format!(
                "INSERT INTO survey_questions (edition_id, position, kind, prompt, required) \
                 VALUES ({edition}, 1, 'likert', 'How useful was the workshop?', 1)"
            ),
            &format!("UPDATE editions SET rule_lessons_pct = 50 WHERE id = {edition}"),
        ],
    )
    .await;

    let after = page(&app, EDITION).await;
    assert!(after.contains("Site visit briefing pack"), "the new material is listed");
    assert!(after.contains("Give your feedback"), "the survey is offered");
    assert!(after.contains("Lessons done: 0 of"), "the new completion rule is on the checklist");
    assert!(version(&app).await >= before + 5, "each statement raised the content version");

    run(
        &app,
        &["UPDATE materials SET deleted_at = '2027-09-02T09:00:00.000000Z' WHERE title = 'Site visit briefing pack'"],
    )
    .await;
    assert!(page(&app, EDITION).await.contains("No materials yet."), "a removal shows at once");

    // A trainer's note under a lesson, written elsewhere, then edited.
    assert!(!page(&app, LESSON).await.contains("Bring the org chart of your park"));
    run(
        &app,
        &[&format!(
            "INSERT INTO lesson_notes (edition_id, lesson_id, body, author_id, updated_at) \
             SELECT {edition}, id, 'Bring the org chart of your park.', {person}, '2027-09-01T09:00:00.000000Z' \
             FROM lessons WHERE slug = 'origins-of-the-triple-helix'"
        )],
    )
    .await;
    assert!(page(&app, LESSON).await.contains("Bring the org chart of your park."), "the note shows");
    run(&app, &["UPDATE lesson_notes SET body = 'Bring two case studies.'"]).await;
    let lesson = page(&app, LESSON).await;
    assert!(lesson.contains("Bring two case studies.") && !lesson.contains("org chart"), "the edit shows");
}

#[rocket::async_test]
async fn materials_rules_notes_and_rendered_pieces_are_read_once_per_version() {
    use wta_academy::services::content_cache::FragmentKey;

    let app = TestApp::new().await;
    app.import_content().await;
    let edition = app.edition_id("itw-2027").await;
    let key = || FragmentKey { name: "piece", templates: 0, edition_id: edition, lang: "en", variant: String::new() };
    let mut conn = app.conn().await;
    let content = app.state.content.at(&mut conn).await.unwrap();
    let materials = content.materials(&mut conn, edition).await.unwrap();
    let settings = content.settings(&mut conn, edition).await.unwrap();
    let note = content.note(&mut conn, edition, 1).await.unwrap();
    let mut renders = 0;
    let piece = content.fragment(key(), || -> Result<String, ()> {
        renders += 1;
        Ok("<p>first</p>".into())
    });
    let piece = piece.unwrap();

    // The same version: every answer is the copy in memory, and nothing is rendered again.
    let again = app.state.content.at(&mut conn).await.unwrap();
    assert!(Arc::ptr_eq(&materials, &again.materials(&mut conn, edition).await.unwrap()));
    assert!(Arc::ptr_eq(&settings, &again.settings(&mut conn, edition).await.unwrap()));
    assert!(Arc::ptr_eq(&note, &again.note(&mut conn, edition, 1).await.unwrap()));
    let same = again.fragment(key(), || -> Result<String, ()> {
        renders += 1;
        Ok("<p>second</p>".into())
    });
    assert!(Arc::ptr_eq(&piece, &same.unwrap()));
    assert_eq!(renders, 1, "the piece was rendered once");
    drop(conn);

    // A new version reads and renders again.
    write(&app, &format!("UPDATE editions SET rule_survey = 1, certificate_language = $1 WHERE id = {edition}"), "ko")
        .await;
    let mut conn = app.conn().await;
    let changed = app.state.content.at(&mut conn).await.unwrap();
    let rules = changed.settings(&mut conn, edition).await.unwrap();
    assert!(rules.rules.survey && rules.language == "ko", "the new rules are read");
    assert!(!Arc::ptr_eq(&materials, &changed.materials(&mut conn, edition).await.unwrap()));
    let fresh = changed.fragment(key(), || -> Result<String, ()> { Ok("<p>second</p>".into()) }).unwrap();
    assert_eq!(&*fresh, "<p>second</p>");
}
