//! Following a course: who may read what, marking lessons done, progress bars, sequential
//! locking, trainers' notes, and the same through the API.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use serde_json::json;
use wta_academy::domain::role::Role;

use crate::support::TestApp;

const M1: &str = "/editions/itw-2027/modules/triple-helix";

async fn body(r: rocket::local::asynchronous::LocalResponse<'_>) -> String {
    r.into_string().await.unwrap_or_default()
}

#[rocket::async_test]
async fn the_catalogue_shows_programs_and_editions_from_the_seeds() {
    let app = TestApp::new().await;
    app.import_content().await;
    let page = body(app.get("/catalogue").await).await;
    for text in [
        "UNESCO-WTA International Training Workshop",
        "Global Innovation Forum",
        "23rd UNESCO-WTA International Training Workshop",
        "Science &amp; Technology Park and Smart City",
        "Towards a Smart City from Sustainability Context",
        "Science City Governance",
        "Applications open",
    ] {
        assert!(page.contains(text), "catalogue shows {text:?}");
    }
    // Upcoming editions come before past ones; past ones newest first.
    let upcoming = page.find("/editions/itw-2027").unwrap();
    let y2019 = page.find("/editions/itw-2019").unwrap();
    let y2005 = page.find("/editions/itw-2005").unwrap();
    assert!(upcoming < y2019 && y2019 < y2005);
}

#[rocket::async_test]
async fn only_previews_are_open_to_people_outside_the_edition() {
    let app = TestApp::new().await;
    app.import_content().await;
    let preview = format!("{M1}/origins-of-the-triple-helix");
    let second = format!("{M1}/technopolis-models-around-the-world");
    assert_eq!(app.get(&preview).await.status(), Status::Ok, "first lesson is a public preview");
    assert_eq!(app.get(&second).await.status(), Status::NotFound);
    let outsider = app.login_as(Role::Participant).await;
    assert_eq!(app.get(&second).await.status(), Status::NotFound, "not enrolled: 404");
    // Enrolled in another edition only: still 404 here.
    app.enroll("itw-2019", outsider).await;
    assert_eq!(app.get(&second).await.status(), Status::NotFound);
    app.enroll("itw-2027", outsider).await;
    let locked = body(app.get(&second).await).await;
    assert!(locked.contains("This lesson opens when"), "enrolled: the lesson is there, locked until the first is done");
    let page = body(app.get(&preview).await).await;
    assert!(page.contains("Mark as done"));
    // Unknown lessons and modules are 404 to everyone.
    assert_eq!(app.get(&format!("{M1}/no-such-lesson")).await.status(), Status::NotFound);
    assert_eq!(app.get("/editions/itw-2027/modules/no-such-module").await.status(), Status::NotFound);
    assert_eq!(app.get("/editions/no-such-edition").await.status(), Status::NotFound);
}

#[rocket::async_test]
async fn marking_done_moves_the_progress_bars_and_unlocks_the_next_lesson() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", me).await;
    let first = format!("{M1}/origins-of-the-triple-helix");
    let second = format!("{M1}/technopolis-models-around-the-world");

    // Sequential course: the second lesson is shown as locked and cannot be marked done.
    let page = body(app.get(&second).await).await;
    assert!(page.contains("This lesson opens when you have finished the lessons before it."));
    assert!(!page.contains("A simple typology"), "a locked lesson's text is not shown");
    let r = app.post_form(&format!("{second}/done"), &[("done", "1")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = body(app.get(&second).await).await;
    assert!(page.contains("This lesson opens when you have finished"), "refusal shown as a message");
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 0, "nothing recorded");

    let page = body(app.get("/editions/itw-2027").await).await;
    assert!(page.contains("0 of 32 lessons done"));
    let r = app.post_form(&format!("{first}/done"), &[("done", "1")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 1);
    // Marking it again changes nothing.
    app.post_form(&format!("{first}/done"), &[("done", "1")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 1);

    let page = body(app.get("/editions/itw-2027").await).await;
    assert!(page.contains("1 of 32 lessons done · 3%"), "course bar moved");
    assert!(page.contains("1 of 4 lessons done · 25%"), "module bar moved");
    let page = body(app.get(&second).await).await;
    assert!(page.contains("A simple typology"), "the next lesson is open now");
    assert!(page.contains(&format!("href=\"{first}\"")), "previous link");
    assert!(page.contains("roles-of-the-three-helices"), "next link");

    let my = body(app.get("/my").await).await;
    assert!(my.contains("1 of 32 lessons done"));
    assert!(my.contains("Continue: Technopolis and science city models around the world"));

    // Undoing the first lesson locks the second again.
    app.post_form(&format!("{first}/done"), &[("done", "0")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 0);
    assert!(body(app.get(&second).await).await.contains("This lesson opens when"));

    // A value other than 0/1 is refused with a message and records nothing.
    app.post_form(&format!("{first}/done"), &[("done", "maybe")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 0);
}

#[rocket::async_test]
async fn courses_without_locking_let_lessons_be_done_in_any_order() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = app.login_as(Role::Participant).await;
    app.enroll("itw-2019", me).await;
    let lessons = app.count("SELECT COUNT(*) FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.slug = 'international-cooperation'").await;
    assert_eq!(lessons, 4);
    let page = body(app.get("/editions/itw-2019/modules/international-cooperation").await).await;
    let href = page
        .match_indices("href=\"/editions/itw-2019/modules/international-cooperation/")
        .map(|(i, _)| page[i + 6..].split('"').next().unwrap().to_string())
        .last()
        .unwrap();
    assert_eq!(app.get(&href).await.status(), Status::Ok);
    assert_eq!(app.post_form(&format!("{href}/done"), &[("done", "1")]).await.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 1);
}

#[rocket::async_test]
async fn trainers_note_lessons_of_their_own_edition_only() {
    let app = TestApp::new().await;
    app.import_content().await;
    let trainer = app.login_as(Role::Participant).await;
    app.assign_trainer("itw-2027", trainer).await;
    let lesson = format!("{M1}/technopolis-models-around-the-world");
    let page = body(app.get(&lesson).await).await;
    assert!(page.contains("A simple typology"), "trainers read every lesson, unlocked");
    assert!(!page.contains("Mark as done"), "trainers have no progress");
    let r = app.post_form(&format!("{lesson}/note"), &[("note", "We visit **Daedeok** on Wednesday.")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = body(app.get(&lesson).await).await;
    assert!(page.contains("<strong>Daedeok</strong>"), "the note is rendered");
    // Marking done as a trainer is refused with a message.
    app.post_form(&format!("{lesson}/done"), &[("done", "1")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, 0);

    // No rights in another edition.
    let other = "/editions/itw-2019/modules/stp-governance/governance-bodies";
    assert_eq!(app.get(other).await.status(), Status::NotFound);
    assert_eq!(app.post_form(&format!("{other}/note"), &[("note", "x")]).await.status(), Status::NotFound);
    assert_eq!(app.get("/manage/editions/itw-2019/sessions").await.status(), Status::NotFound);
    assert_eq!(app.get("/manage/editions/itw-2027/sessions").await.status(), Status::Ok);

    // Participants of the edition see the note; it does not leak into other editions.
    let learner = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", learner).await;
    app.enroll("itw-2005", learner).await;
    app.post_form(&format!("{M1}/origins-of-the-triple-helix/done"), &[("done", "1")]).await;
    assert!(body(app.get(&lesson).await).await.contains("Daedeok</strong> on Wednesday"));
    let elsewhere =
        body(app.get("/editions/itw-2005/modules/triple-helix/technopolis-models-around-the-world").await).await;
    assert!(!elsewhere.contains("on Wednesday"));

    // A note that is too long is refused and the old one kept.
    app.login_as(Role::Coordinator).await;
    let long = "x".repeat(4001);
    app.post_form(&format!("{lesson}/note"), &[("note", &long)]).await;
    assert!(body(app.get(&lesson).await).await.contains("on Wednesday"));
}

#[rocket::async_test]
async fn lessons_fall_back_to_english_and_korean_readers_get_the_translation() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", me).await;
    app.post_form("/lang", &[("lang", "ko"), ("next", "/")]).await;
    let module = body(app.get("/editions/itw-2027/modules/monitoring-and-evaluation").await).await;
    assert!(module.contains("과학기술단지 모니터링"), "Korean module title");
    let page = body(app.get(&format!("{M1}/origins-of-the-triple-helix")).await).await;
    assert!(page.contains("lang=\"en\""), "English text marked as English on a Korean page");
}

#[rocket::async_test]
async fn the_api_gives_lessons_and_records_own_progress() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", me).await;
    let api = "/api/v1/editions/itw-2027/modules/triple-helix";
    let r = app.get(&format!("{api}/technopolis-models-around-the-world")).await;
    let lesson: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert_eq!(lesson["locked"], true);
    assert_eq!(lesson["html"], "");

    let r = app.put_json(&format!("{api}/technopolis-models-around-the-world/progress"), json!({ "done": true })).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let err: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert!(err["error"]["message"].as_str().unwrap().contains("opens when you have finished"));

    let r = app.put_json(&format!("{api}/origins-of-the-triple-helix/progress"), json!({ "done": true })).await;
    assert_eq!(r.status(), Status::Ok);
    let p: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert_eq!((p["done"].as_u64(), p["total"].as_u64()), (Some(1), Some(32)));
    let r = app.put_json(&format!("{api}/origins-of-the-triple-helix/progress"), json!({ "done": "yes" })).await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "a wrong type is refused");

    let mine: serde_json::Value = serde_json::from_str(&body(app.get("/api/v1/me/progress").await).await).unwrap();
    assert_eq!(mine[0]["edition"], "itw-2027");
    assert_eq!(mine[0]["modules"][0]["done"], 1);

    let outline: serde_json::Value =
        serde_json::from_str(&body(app.get("/api/v1/editions/itw-2027/modules").await).await).unwrap();
    assert_eq!(outline["modules"][0]["lessons"][0]["done"], true);
    assert_eq!(outline["modules"][0]["lessons"][1]["locked"], false);
    assert_eq!(outline["modules"][0]["lessons"][2]["locked"], true);

    let spec: serde_json::Value = serde_json::from_str(&body(app.get("/api/openapi.json").await).await).unwrap();
    for path in [
        "/api/v1/programs",
        "/api/v1/editions/{slug}",
        "/api/v1/editions/{slug}/sessions",
        "/api/v1/editions/{slug}/modules",
        "/api/v1/editions/{slug}/modules/{module}/{lesson}",
        "/api/v1/editions/{slug}/modules/{module}/{lesson}/progress",
        "/api/v1/me/progress",
    ] {
        assert!(spec["paths"].get(path).is_some(), "OpenAPI documents {path}");
    }
}
