//! Attendance: trainers mark a session's roster through the form and the API; people who
//! do not teach the edition get 404; participants check in with the session's changing
//! code, and every refusal changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use serde_json::{Value, json};
use wta_academy::db::Timestamp;
use wta_academy::domain::attendance::{checkin_code, minute_of};
use wta_academy::domain::role::Role;
use wta_academy::domain::user::User;
use wta_academy::services::ServiceError;
use wta_academy::services::attendance::{CheckinOutcome, check_in};

use crate::support::{PASSWORD, TestApp};

pub const ED: &str = "itw-2027";

pub async fn user(app: &TestApp, email: &str, name: &str) -> User {
    let id = app.create_user(email, name, Role::Participant).await;
    let mut conn = app.conn().await;
    wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap()
}

/// An edition with a trainer, two participants and someone outside it; the first session.
pub struct Class {
    pub app: TestApp,
    pub trainer: User,
    pub anna: User,
    pub bao: User,
    pub outsider: User,
    pub session: i64,
}

pub async fn class() -> Class {
    let app = TestApp::new().await;
    app.import_content().await;
    let trainer = user(&app, "trainer@example.org", "Kim Trainer").await;
    app.assign_trainer(ED, trainer.id).await;
    let anna = user(&app, "anna@example.org", "Anna Schmidt").await;
    let bao = user(&app, "bao@example.vn", "Nguyễn Thị Bảo").await;
    let outsider = user(&app, "outsider@example.org", "Olu Outsider").await;
    app.enroll(ED, anna.id).await;
    app.enroll(ED, bao.id).await;
    let session = app.first_session(ED).await;
    Class { app, trainer, anna, bao, outsider, session }
}

pub async fn json_of(r: rocket::local::asynchronous::LocalResponse<'_>) -> (Status, Value) {
    let status = r.status();
    let text = r.into_string().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn mark_of(app: &TestApp, session: i64, user: i64) -> Option<(String, String)> {
    sqlx::query_as("SELECT status, source FROM session_attendance WHERE session_id = $1 AND user_id = $2")
        .bind(session)
        .bind(user)
        .fetch_optional(&app.state.db.pool)
        .await
        .unwrap()
}

#[rocket::async_test]
async fn trainers_mark_the_roster_through_the_form_and_the_api() {
    let c = class().await;
    let app = &c.app;
    app.login("trainer@example.org", PASSWORD).await;
    let roster = format!("/manage/editions/{ED}/sessions/{}/attendance", c.session);
    let page = app.get(&roster).await.into_string().await.unwrap();
    assert!(page.contains("Anna Schmidt") && page.contains("Nguyễn Thị Bảo"), "every participant is listed");
    assert!(!page.contains("Olu Outsider"));
    assert!(page.contains(r#"<span class="count" data-count="unmarked">2</span>"#), "two not marked yet");

    // One tap without JavaScript: a form post that comes back to the same person.
    let r = app.post_form(&roster, &[("user_id", &c.anna.id.to_string()), ("status", "present")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(r.headers().get_one("Location").unwrap(), format!("{roster}#p-{}", c.anna.id));
    assert_eq!(mark_of(app, c.session, c.anna.id).await, Some(("present".into(), "roster".into())));
    let page = app.get(&roster).await.into_string().await.unwrap();
    assert!(page.contains("The mark is saved."));
    assert!(page.contains(r#"value="present" class="mark mark-present current" aria-pressed="true""#));
    assert!(page.contains(r#"<span class="count" data-count="present">1</span>"#));

    // The same through the API, as the page's script does.
    let url = format!("/api/v1/sessions/{}/attendance/{}", c.session, c.bao.id);
    let (status, body) = json_of(app.put_json(&url, json!({ "status": "late" })).await).await;
    assert_eq!(status, Status::Ok, "{body}");
    assert_eq!(body["participant"]["status"], "late");
    assert_eq!((body["counts"]["present"].as_i64(), body["counts"]["late"].as_i64()), (Some(1), Some(1)));
    assert_eq!(body["counts"]["unmarked"].as_i64(), Some(0));
    let (status, body) = json_of(app.put_json(&url, json!({ "status": "here" })).await).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(body["error"]["fields"]["status"], "Choose present, late, excused or absent.");
    assert_eq!(mark_of(app, c.session, c.bao.id).await, Some(("late".into(), "roster".into())), "unchanged");
    let outsider = format!("/api/v1/sessions/{}/attendance/{}", c.session, c.outsider.id);
    assert_eq!(app.put_json(&outsider, json!({ "status": "present" })).await.status(), Status::NotFound);
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 2);
    let marked_by: i64 = sqlx::query_scalar("SELECT marked_by FROM session_attendance WHERE user_id = $1")
        .bind(c.bao.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(marked_by, c.trainer.id);

    let (status, list) = json_of(app.get(&format!("/api/v1/sessions/{}/attendance", c.session)).await).await;
    assert_eq!(status, Status::Ok);
    let people = list["participants"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(list["session"]["edition"], ED);
    assert!(people.iter().any(|p| p["user_id"] == c.anna.id && p["status"] == "present" && p["source"] == "roster"));

    // The sessions page links the roster and shows the counts.
    let page = app.get(&format!("/manage/editions/{ED}/sessions")).await.into_string().await.unwrap();
    assert!(page.contains(&roster));
    assert!(page.contains("Present 1 · late 1 · excused 0 · absent 0 · not marked 0"), "counts of the first session");
}

#[rocket::async_test]
async fn people_who_do_not_teach_the_edition_get_not_found() {
    let c = class().await;
    let app = &c.app;
    let other = user(app, "other-trainer@example.org", "Other Trainer").await;
    app.assign_trainer("itw-2019", other.id).await;
    let roster = format!("/manage/editions/{ED}/sessions/{}/attendance", c.session);
    let api = format!("/api/v1/sessions/{}/attendance", c.session);
    for email in ["anna@example.org", "other-trainer@example.org"] {
        app.logout().await;
        app.login(email, PASSWORD).await;
        assert_eq!(app.get(&roster).await.status(), Status::NotFound, "{email}: roster page");
        assert_eq!(app.get(&format!("{roster}/import")).await.status(), Status::NotFound, "{email}: import page");
        let screen = format!("/manage/editions/{ED}/sessions/{}/checkin", c.session);
        assert_eq!(app.get(&screen).await.status(), Status::NotFound, "{email}: check-in screen");
        let r = app.post_form(&roster, &[("user_id", &c.anna.id.to_string()), ("status", "present")]).await;
        assert_eq!(r.status(), Status::NotFound, "{email}: form");
        assert_eq!(app.get(&api).await.status(), Status::NotFound, "{email}: API roster");
        let put = app.put_json(&format!("{api}/{}", c.anna.id), json!({ "status": "present" })).await;
        assert_eq!(put.status(), Status::NotFound, "{email}: API mark");
    }
    // A trainer of another edition cannot reach this session through their own edition either.
    let through_own = format!("/manage/editions/itw-2019/sessions/{}/attendance", c.session);
    assert_eq!(app.get(&through_own).await.status(), Status::NotFound);
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_sessions WHERE checkin_secret <> ''").await, 0);
}

/// The session's secret, made by opening the trainer's check-in screen.
async fn secret_of(app: &TestApp, session: i64) -> String {
    app.logout().await;
    app.login("trainer@example.org", PASSWORD).await;
    let page = app.get(&format!("/manage/editions/{ED}/sessions/{session}/checkin")).await;
    assert_eq!(page.status(), Status::Ok);
    let html = page.into_string().await.unwrap();
    assert!(html.contains("<svg role=\"img\" class=\"qr\""), "the QR code is drawn in the page");
    assert!(html.contains(&format!("http://academy.test/checkin/{session}/")), "it points at the public address");
    app.logout().await;
    sqlx::query_scalar("SELECT checkin_secret FROM edition_sessions WHERE id = $1")
        .bind(session)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn session_start(app: &TestApp, session: i64) -> Timestamp {
    let s: String = sqlx::query_scalar("SELECT starts_at FROM edition_sessions WHERE id = $1")
        .bind(session)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    Timestamp::parse(&s).unwrap()
}

fn refusal<T>(r: Result<T, ServiceError>) -> &'static str {
    match r {
        Err(ServiceError::Refused(key)) => key,
        Err(e) => panic!("expected a refusal, got {e:?}"),
        Ok(_) => panic!("expected a refusal, got success"),
    }
}

#[rocket::async_test]
async fn checkin_codes_of_this_and_the_previous_minute_mark_present_once() {
    let c = class().await;
    let app = &c.app;
    let secret = secret_of(app, c.session).await;
    assert!(secret.len() >= 32, "a random secret is made on first use");
    let now = session_start(app, c.session).await.plus_minutes(5);
    let minute = minute_of(now);

    let code = checkin_code(&secret, c.session, minute);
    let done = check_in(&app.state, &c.anna, c.session, &code, now).await.unwrap();
    assert_eq!((done.outcome, done.status.as_str()), (CheckinOutcome::Marked, "present"));
    assert_eq!(mark_of(app, c.session, c.anna.id).await, Some(("present".into(), "checkin".into())));
    let at: String = sqlx::query_scalar("SELECT marked_at FROM session_attendance WHERE user_id = $1")
        .bind(c.anna.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let again = check_in(&app.state, &c.anna, c.session, &code.to_lowercase(), now.plus_seconds(20)).await.unwrap();
    assert_eq!(again.outcome, CheckinOutcome::AlreadyPresent, "a second scan changes nothing");
    let at_again: String = sqlx::query_scalar("SELECT marked_at FROM session_attendance WHERE user_id = $1")
        .bind(c.anna.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(at, at_again);

    // The previous minute's code still works (a photo taken just before the change).
    let previous = checkin_code(&secret, c.session, minute - 1);
    let done = check_in(&app.state, &c.bao, c.session, &previous, now).await.unwrap();
    assert_eq!(done.outcome, CheckinOutcome::Marked);
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 2);

    // Refusals, each with its message, none writing anything.
    sqlx::query("DELETE FROM session_attendance").execute(&app.state.db.pool).await.unwrap();
    let old = checkin_code(&secret, c.session, minute - 2);
    assert_eq!(refusal(check_in(&app.state, &c.anna, c.session, &old, now).await), "err-checkin-expired");
    let forged = "ABCDEFGHJK";
    assert_eq!(refusal(check_in(&app.state, &c.anna, c.session, forged, now).await), "err-checkin-invalid");
    let other_session = checkin_code(&secret, c.session + 1, minute);
    assert_eq!(refusal(check_in(&app.state, &c.anna, c.session, &other_session, now).await), "err-checkin-invalid");
    let early = session_start(app, c.session).await.plus_minutes(-31);
    let early_code = checkin_code(&secret, c.session, minute_of(early));
    assert_eq!(refusal(check_in(&app.state, &c.anna, c.session, &early_code, early).await), "err-checkin-not-running");
    let opening = session_start(app, c.session).await.plus_minutes(-30);
    let opening_code = checkin_code(&secret, c.session, minute_of(opening));
    assert_eq!(
        refusal(check_in(&app.state, &c.outsider, c.session, &opening_code, opening).await),
        "err-checkin-not-enrolled"
    );
    let late = session_start(app, c.session).await.plus_minutes(91);
    let late_code = checkin_code(&secret, c.session, minute_of(late));
    assert_eq!(refusal(check_in(&app.state, &c.anna, c.session, &late_code, late).await), "err-checkin-not-running");
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 0, "refusals wrote nothing");
    // Half an hour before the start is the first moment check-in opens.
    let done = check_in(&app.state, &c.anna, c.session, &opening_code, opening).await.unwrap();
    assert_eq!(done.outcome, CheckinOutcome::Marked);
}

#[rocket::async_test]
async fn a_check_in_never_overrides_a_trainers_mark_but_absent() {
    let c = class().await;
    let app = &c.app;
    let secret = secret_of(app, c.session).await;
    app.login("trainer@example.org", PASSWORD).await;
    let api = format!("/api/v1/sessions/{}/attendance", c.session);
    app.put_json(&format!("{api}/{}", c.anna.id), json!({ "status": "excused" })).await;
    app.put_json(&format!("{api}/{}", c.bao.id), json!({ "status": "absent" })).await;
    let now = session_start(app, c.session).await.plus_minutes(1);
    let code = checkin_code(&secret, c.session, minute_of(now));
    let kept = check_in(&app.state, &c.anna, c.session, &code, now).await.unwrap();
    assert_eq!((kept.outcome, kept.status.as_str()), (CheckinOutcome::Kept, "excused"));
    assert_eq!(mark_of(app, c.session, c.anna.id).await, Some(("excused".into(), "roster".into())));
    let arrived = check_in(&app.state, &c.bao, c.session, &code, now).await.unwrap();
    assert_eq!(arrived.outcome, CheckinOutcome::Marked, "absent turns into present when the person turns up");
    assert_eq!(mark_of(app, c.session, c.bao.id).await, Some(("present".into(), "checkin".into())));
}

/// Moves the session so that it runs now.
async fn run_now(app: &TestApp, session: i64) {
    let now = wta_academy::db::now();
    sqlx::query("UPDATE edition_sessions SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(now.plus_minutes(-10).db())
        .bind(now.plus_minutes(80).db())
        .bind(session)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

#[rocket::async_test]
async fn scanning_the_code_in_a_browser_goes_through_the_login_and_back() {
    let c = class().await;
    let app = &c.app;
    run_now(app, c.session).await;
    app.login("trainer@example.org", PASSWORD).await;
    let html =
        app.get(&format!("/manage/editions/{ED}/sessions/{}/checkin", c.session)).await.into_string().await.unwrap();
    assert!(html.contains("0 of 2 participants are here."));
    let re = regex::Regex::new(r"http://academy\.test(/checkin/\d+/([2-9A-HJ-NP-Z]{10}))").unwrap();
    let caps = re.captures(&html).expect("the page shows the check-in address");
    let (path, code) = (caps[1].to_string(), caps[2].to_string());
    app.logout().await;

    let r = app.get(&path).await;
    assert_eq!(r.status(), Status::SeeOther);
    let login = r.headers().get_one("Location").unwrap().to_string();
    assert!(login.starts_with("/login?next=%2Fcheckin%2F"), "{login}");
    let r = app.post_form("/login", &[("email", "bao@example.vn"), ("password", PASSWORD), ("next", &path)]).await;
    assert_eq!(r.headers().get_one("Location"), Some(path.as_str()), "back to the check-in after the login");
    let r = app.get(&path).await;
    assert_eq!(r.status(), Status::Ok);
    let page = r.into_string().await.unwrap();
    assert!(page.contains("You are marked present for Opening and the triple helix today."), "{page}");
    assert_eq!(mark_of(app, c.session, c.bao.id).await, Some(("present".into(), "checkin".into())));

    let r = app.get(&format!("/checkin/{}/ABCDEFGHJK", c.session)).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("This is not a valid check-in code for this session."));
    assert_eq!(app.get(&format!("/checkin/999999/{code}")).await.status(), Status::NotFound);

    // The API: the same code again is already present; the edition's outsider is refused.
    let checkin = format!("/api/v1/sessions/{}/checkin", c.session);
    let (status, body) = json_of(app.post_json(&checkin, json!({ "code": code })).await).await;
    assert_eq!((status, body["outcome"].as_str()), (Status::Ok, Some("already_present")), "{body}");
    app.logout().await;
    app.login("outsider@example.org", PASSWORD).await;
    let (status, body) = json_of(app.post_json(&checkin, json!({ "code": code })).await).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(
        body["error"]["message"],
        "You are not a participant of this edition, so no attendance can be recorded for you."
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 1);
}
