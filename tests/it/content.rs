//! Importing `course_content/`: everything or nothing, idempotent, changed lessons updated in
//! place, removed lessons archived with their progress kept; the CLI reports file:line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use wta_academy::content::read_all;
use wta_academy::domain::role::Role;
use wta_academy::services::content_import::import;

use crate::support::TestApp;

/// A copy of the repository's content in a temporary folder, to change freely.
fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("course_content"), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[rocket::async_test]
async fn a_valid_import_writes_everything_and_a_second_changes_nothing() {
    let app = TestApp::new().await;
    let first = app.import_content().await;
    assert_eq!((first.programs_added, first.editions_added), (2, 4));
    assert_eq!((first.modules_added, first.lessons_added), (8, 32));
    assert_eq!(app.count("SELECT COUNT(*) FROM module_texts WHERE language = 'ko'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_texts WHERE language = 'ko'").await, 4);
    let sessions = app.count("SELECT COUNT(*) FROM edition_sessions").await;
    assert_eq!(sessions, 7 + 5 + 9 + 4);
    assert_eq!(app.count("SELECT COUNT(*) FROM course_modules").await, 4 + 4 + 8 + 2);

    let second = app.import_content().await;
    assert!(second.is_unchanged(), "second import changed: {second}");
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_sessions").await, sessions);
}

#[rocket::async_test]
async fn a_changed_lesson_is_updated_in_place_and_a_removed_one_archived_with_its_progress() {
    let app = TestApp::new().await;
    let dir = content_copy();
    import(&app.state.db, &read_all(dir.path()).unwrap()).await.unwrap();
    let learner = app.create_user("learner@example.org", "Learner", Role::Participant).await;
    app.enroll("itw-2019", learner).await;
    let edition = app.edition_id("itw-2019").await;
    let kept = lesson_id(&app, "ownership-models").await;
    let removed = lesson_id(&app, "stakeholders-and-legal-frameworks").await;
    {
        let mut conn = app.conn().await;
        wta_academy::repo::learning::mark_done(&mut conn, edition, learner, kept).await.unwrap();
        wta_academy::repo::learning::mark_done(&mut conn, edition, learner, removed).await.unwrap();
    }

    // Change one lesson's text and delete another.
    let changed = std::fs::read_dir(dir.path().join("modules/02-stp-governance"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("ownership-models") && !p.to_string_lossy().contains(".ko."))
        .unwrap();
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n\nA closing paragraph added in this revision of the lesson.\n");
    std::fs::write(&changed, text).unwrap();
    let gone = std::fs::read_dir(dir.path().join("modules/02-stp-governance"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("stakeholders-and-legal-frameworks"))
        .unwrap();
    std::fs::remove_file(gone).unwrap();

    let report = import(&app.state.db, &read_all(dir.path()).unwrap()).await.unwrap();
    assert_eq!((report.lessons_updated, report.lessons_archived, report.lessons_added), (1, 1, 0), "{report}");
    assert_eq!(lesson_id(&app, "ownership-models").await, kept, "updated in place, same id");
    let (body,): (String,) = sqlx::query_as("SELECT body FROM lesson_texts WHERE lesson_id = $1 AND language = 'en'")
        .bind(kept)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(body.contains("added in this revision"));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM lessons WHERE id = {removed} AND archived = 1")).await, 1);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM lesson_progress WHERE user_id = {learner}")).await,
        2,
        "progress on the archived lesson is kept"
    );
    // The archived lesson no longer appears in the course.
    let mut conn = app.conn().await;
    let lessons = wta_academy::repo::library::course_lessons(&mut conn, edition, "en").await.unwrap();
    assert!(lessons.iter().all(|l| l.lesson_id != removed));
    assert!(lessons.iter().any(|l| l.lesson_id == kept));
}

async fn lesson_id(app: &TestApp, slug: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM lessons WHERE slug = $1")
        .bind(slug)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

fn cli(args: &[&str], app: &TestApp) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wta-academy"))
        .args(args)
        .env("WTA_DATABASE_URL", &app.state.config.database_url)
        .env("WTA_DATA_DIR", app.dir.path())
        .env("WTA_LOG", "error")
        .output()
        .unwrap()
}

/// Each broken copy: what to break, and what the report must say (file and line).
/// Changes a copy of the content folder.
type Breakage = Box<dyn Fn(&Path)>;

fn breakages() -> Vec<(&'static str, Breakage, &'static str)> {
    let edit = |rel: &'static str, from: &'static str, to: &'static str| -> Breakage {
        Box::new(move |root: &Path| {
            let p = root.join(rel);
            let text = std::fs::read_to_string(&p).unwrap();
            assert!(text.contains(from), "{rel} contains {from:?}");
            std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
        })
    };
    let lesson = "modules/01-triple-helix/02-technopolis-models-around-the-world.md";
    vec![
        ("missing title", edit(lesson, "title = ", "headline = "), "02-technopolis-models-around-the-world.md:"),
        ("unknown front-matter key", edit(lesson, "+++\n", "+++\ncolour = \"blue\"\n"), "colour"),
        (
            "duplicate order",
            Box::new(move |root: &Path| {
                std::fs::copy(root.join(lesson), root.join("modules/01-triple-helix/02-a-second-lesson-two.md"))
                    .unwrap();
            }),
            "order",
        ),
        (
            "unknown language",
            Box::new(move |root: &Path| {
                std::fs::copy(
                    root.join(lesson),
                    root.join("modules/01-triple-helix/02-technopolis-models-around-the-world.xx.md"),
                )
                .unwrap();
            }),
            "xx",
        ),
        (
            "broken internal link",
            edit(lesson, "\n\n", "\n\nSee [the missing lesson](99-no-such-lesson.md).\n\n"),
            "99-no-such-lesson",
        ),
        (
            "session outside the edition",
            edit(
                "programs/itw/editions/2027-governing-stps-for-the-sdgs.toml",
                "starts = 2027-10-15T13:30:00",
                "starts = 2027-10-19T13:30:00",
            ),
            "2027-governing-stps-for-the-sdgs.toml:",
        ),
        (
            "unknown time zone",
            edit(
                "programs/gif/editions/2019-smart-city-sustainability.toml",
                "time_zone = \"Asia/Seoul\"",
                "time_zone = \"Asia/Daejeon\"",
            ),
            "2019-smart-city-sustainability.toml:14",
        ),
    ]
}

#[rocket::async_test]
async fn every_kind_of_invalid_content_is_reported_with_file_and_line_and_nothing_is_written() {
    let app = TestApp::new().await;
    let ok = cli(&["content", "check"], &app);
    assert!(ok.status.success(), "the repository's content is valid: {}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("ok: 9 modules, 36 lessons, 2 programs, 4 editions"));

    for (what, breakage, expected) in breakages() {
        let dir = content_copy();
        breakage(dir.path());
        let dir_arg = dir.path().to_str().unwrap();
        let check = cli(&["content", "check", dir_arg], &app);
        let report = String::from_utf8_lossy(&check.stderr);
        assert!(!check.status.success(), "{what}: check fails");
        assert!(report.contains(expected), "{what}: report names {expected:?}:\n{report}");
        assert!(
            report.lines().any(|l| l.contains(".md:") || l.contains(".toml:") || l.contains(":1:")),
            "{what}: a file:line in\n{report}"
        );
        let imported = cli(&["content", "import", dir_arg], &app);
        assert!(!imported.status.success(), "{what}: import refuses");
        assert!(String::from_utf8_lossy(&imported.stderr).contains("nothing was imported"));
        assert_eq!(app.count("SELECT COUNT(*) FROM programs").await, 0, "{what}: nothing written");
        assert_eq!(app.count("SELECT COUNT(*) FROM lessons").await, 0, "{what}: nothing written");
    }

    let imported = cli(&["content", "import"], &app);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    assert_eq!(app.count("SELECT COUNT(*) FROM lessons").await, 32);
    let again = cli(&["content", "import"], &app);
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("programs +0 ~0; editions +0 ~0; modules +0 ~0 archived 0; lessons +0 ~0 archived 0")
    );
}

#[rocket::async_test]
async fn demo_adds_people_and_enrollments_once() {
    let app = TestApp::new().await;
    let first = cli(&["demo"], &app);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(out.contains("15 accounts added"), "{out}");
    assert!(out.contains("lessons +32"), "content imported first: {out}");
    let users = app.count("SELECT COUNT(*) FROM users").await;
    let enrollments = app.count("SELECT COUNT(*) FROM enrollments").await;
    assert_eq!(enrollments, 8 + 4);
    // Six of the 2027 participants agreed to the directory, so it is not empty in the demo.
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE consent_listed = 1").await, 6);
    let second = cli(&["demo"], &app);
    assert!(String::from_utf8_lossy(&second.stdout).contains("0 accounts added, 0 enrollments added"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users);
    let (native,): (String,) =
        sqlx::query_as("SELECT certificate_name_native FROM users WHERE email = 'liem@demo.wta-academy.org'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(native, "Trần Thanh Liêm");
    assert_eq!(
        app.login("liem@demo.wta-academy.org", wta_academy::services::demo::DEMO_PASSWORD).await,
        rocket::http::Status::SeeOther
    );
}

#[rocket::async_test]
async fn a_fresh_database_gets_the_content_at_start_and_a_filled_one_is_left_alone() {
    let app = TestApp::with(|c| c.import_content_at_start = true).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM programs").await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM lessons").await, 32);
    let page = app.get("/catalogue").await.into_string().await.unwrap();
    assert!(page.contains("Global Innovation Forum 2019"));
}
