//! iCalendar feeds, parsed back with an independent parser: the edition's time zone, stable
//! UIDs, and changes reflected (with a higher SEQUENCE) on the next fetch.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use icalendar::{Calendar, CalendarComponent, Component, EventLike};
use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::TestApp;

async fn fetch(app: &TestApp, path: &str) -> (Calendar, String) {
    let r = app.get(path).await;
    assert_eq!(r.status(), Status::Ok, "{path}");
    assert_eq!(r.content_type().map(|c| c.to_string()).as_deref(), Some("text/calendar"));
    let text = r.into_string().await.unwrap();
    assert!(text.lines().all(|l| l.len() <= 75), "lines are folded at 75 octets");
    let cal: Calendar = text.parse().unwrap_or_else(|e| panic!("feed parses: {e}\n{text}"));
    (cal, text)
}

fn events(cal: &Calendar) -> Vec<&icalendar::Event> {
    cal.components.iter().filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None }).collect()
}

#[rocket::async_test]
async fn the_edition_feed_has_every_session_in_the_edition_zone_and_follows_changes() {
    let app = TestApp::new().await;
    app.import_content().await;
    let (cal, text) = fetch(&app, "/editions/itw-2027/calendar.ics").await;
    let list = events(&cal);
    assert_eq!(list.len(), 9);
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul"));
    let opening = list.iter().find(|e| e.get_summary() == Some("Opening and the triple helix today")).unwrap();
    let start = opening.properties().get("DTSTART").unwrap();
    assert_eq!(start.value(), "20271011T093000");
    assert_eq!(start.params().get("TZID").map(|p| p.value()), Some("Asia/Seoul"));
    assert_eq!(opening.get_location(), Some("Room 101, Daejeon Convention Center, Daejeon"));
    let uid = opening.get_uid().unwrap().to_string();
    assert!(uid.starts_with("session-") && uid.ends_with("@academy.test"));
    assert_eq!(opening.properties().get("SEQUENCE").unwrap().value(), "0");

    // A trainer moves the session by an hour: same UID, higher SEQUENCE, new time.
    let trainer = app.login_as(Role::Participant).await;
    app.assign_trainer("itw-2027", trainer).await;
    let id: i64 = uid.trim_start_matches("session-").split('@').next().unwrap().parse().unwrap();
    let r = app
        .post_form(
            &format!("/manage/editions/itw-2027/sessions/{id}/edit"),
            &[
                ("title", "Opening and the triple helix today"),
                ("kind", "lecture"),
                ("starts_at", "2027-10-11T10:30"),
                ("ends_at", "2027-10-11T12:00"),
                ("room", "Room 101"),
                ("online_url", "https://meet.wta-academy.org/itw-2027/opening"),
                ("module", "triple-helix"),
            ],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let (cal, _) = fetch(&app, "/editions/itw-2027/calendar.ics").await;
    let list = events(&cal);
    let moved = list.iter().find(|e| e.get_uid() == Some(uid.as_str())).unwrap();
    assert_eq!(moved.properties().get("DTSTART").unwrap().value(), "20271011T103000");
    assert_eq!(moved.properties().get("SEQUENCE").unwrap().value(), "1");
    assert_eq!(list.len(), 9);
    // A second fetch with no change is identical (calendar apps see nothing new).
    let (_, a) = fetch(&app, "/editions/itw-2027/calendar.ics").await;
    let (_, b) = fetch(&app, "/editions/itw-2027/calendar.ics").await;
    assert_eq!(a, b);
}

#[rocket::async_test]
async fn the_personal_feed_covers_the_persons_editions_behind_a_renewable_link() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = app.login_as(Role::Participant).await;
    app.enroll("itw-2027", me).await;
    app.enroll("itw-2019", me).await;
    let my = app.get("/my").await.into_string().await.unwrap();
    assert!(my.contains("Create my calendar link"));
    assert_eq!(app.post_form("/my/calendar", &[]).await.status(), Status::SeeOther);
    let my = app.get("/my").await.into_string().await.unwrap();
    let start = my.find("http://academy.test/calendar/").unwrap();
    let link = my[start..].split('"').next().unwrap().trim_start_matches("http://academy.test").to_string();

    app.logout().await;
    let (cal, text) = fetch(&app, &link).await;
    assert_eq!(events(&cal).len(), 9 + 5, "sessions of both editions, no sign-in needed");
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1, "one zone definition per zone");

    // Renewing the link retires the old one.
    let email: (String,) =
        sqlx::query_as("SELECT email FROM users WHERE id = $1").bind(me).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(app.login(&email.0, crate::support::PASSWORD).await, Status::SeeOther);
    app.post_form("/my/calendar", &[]).await;
    assert_eq!(app.get(&link).await.status(), Status::NotFound);
}
