//! Coordinators create, edit and clone editions and assign trainers; trainers edit their
//! edition's sessions. Invalid forms get field messages and change nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::TestApp;

async fn body(r: rocket::local::asynchronous::LocalResponse<'_>) -> String {
    r.into_string().await.unwrap_or_default()
}

fn edition_form<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("program", "itw"),
        ("slug", "itw-2028"),
        ("number", "24"),
        ("title", "24th UNESCO-WTA International Training Workshop"),
        ("theme", "Parks and the energy transition"),
        ("summary", "Five days in Daejeon."),
        ("starts_on", "2028-10-16"),
        ("ends_on", "2028-10-20"),
        ("venue", "Daejeon Convention Center"),
        ("city", "Daejeon"),
        ("country", "KR"),
        ("time_zone", "Asia/Seoul"),
        ("mode", "on-site"),
        ("capacity", "35"),
        ("working_languages", "en"),
        ("working_languages", "ko"),
        ("applications_open", "2027-11-01T09:00"),
        ("applications_close", "2028-06-30T18:00"),
        ("admission_mode", "reviewed"),
        ("modules", "triple-helix"),
        ("modules", "stp-governance"),
    ];
    for (k, v) in overrides {
        fields.retain(|(f, _)| f != k);
        fields.push((k, v));
    }
    fields
}

#[rocket::async_test]
async fn invalid_edition_forms_get_field_messages_and_write_nothing() {
    let app = TestApp::new().await;
    app.import_content().await;
    app.login_as(Role::Coordinator).await;
    let before = app.count("SELECT COUNT(*) FROM editions").await;
    for (overrides, message) in [
        (vec![("ends_on", "2028-10-10")], "The end must come after the start."),
        (vec![("starts_on", "2028-02-30")], "Enter a date as YYYY-MM-DD."),
        (vec![("capacity", "-3")], "Enter a number of seats of 1 or more."),
        (vec![("capacity", "0")], "Enter a number of seats of 1 or more."),
        (vec![("time_zone", "Asia/Daejeon")], "time zone"),
        (vec![("mode", "hybrid")], "Choose on site, online or blended."),
        (vec![("slug", "ITW 2028!")], "lowercase letters"),
        (vec![("slug", "itw-2027")], "Another edition already uses this short name."),
        (vec![("number", "23")], "This program already has an edition with this number."),
        (vec![("applications_close", "2027-10-01T09:00")], "The end must come after the start."),
        (vec![("modules", "underwater-basket-weaving")], "One of the chosen modules does not exist."),
        (vec![("program", "nope")], "Choose a program."),
    ] {
        let fields = edition_form(&overrides);
        let r = app.post_form("/manage/editions/new", &fields).await;
        assert_eq!(r.status(), Status::UnprocessableEntity, "{overrides:?}");
        let page = body(r).await;
        assert!(page.contains(message), "{overrides:?} → {message:?}");
        assert!(page.contains("value=\"Parks and the energy transition\""), "typed values are kept");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM editions").await, before);

    let r = app.post_form("/manage/editions/new", &edition_form(&[])).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = body(app.get("/editions/itw-2028").await).await;
    assert!(page.contains("Parks and the energy transition"));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'edition.create'").await, 1);
}

#[rocket::async_test]
async fn editing_keeps_sessions_inside_the_edition() {
    let app = TestApp::new().await;
    app.import_content().await;
    app.login_as(Role::Coordinator).await;
    let page = body(app.get("/manage/editions/itw-2027/edit").await).await;
    assert!(page.contains("value=\"2027-06-30T18:00\""), "application window in the edition's clock time");
    // Shortening the edition would strand the sessions of its last day.
    let mut fields =
        edition_form(&[("slug", "itw-2027"), ("number", "23"), ("starts_on", "2027-10-11"), ("ends_on", "2027-10-13")]);
    fields.retain(|(k, _)| *k != "modules");
    fields.push(("modules", "triple-helix"));
    let r = app.post_form("/manage/editions/itw-2027/edit", &fields).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(body(r).await.contains("Some sessions would fall outside these dates"));
    let (ends,): (String,) = sqlx::query_as("SELECT ends_on FROM editions WHERE slug = 'itw-2027'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(ends, "2027-10-15");
}

#[rocket::async_test]
async fn cloning_copies_course_and_sessions_shifted_to_the_new_start() {
    let app = TestApp::new().await;
    app.import_content().await;
    app.login_as(Role::Coordinator).await;
    let trainer = app.create_user("trainer@example.org", "Park Seo-yeon", Role::Participant).await;
    app.assign_trainer("itw-2027", trainer).await;

    let r = app
        .post_form(
            "/manage/editions/itw-2027/clone",
            &[("slug", "itw-2027"), ("number", "23"), ("title", ""), ("starts_on", "soon")],
        )
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = body(r).await;
    assert!(page.contains("Enter a title."));
    assert!(page.contains("Enter a date as YYYY-MM-DD."));
    let r = app
        .post_form(
            "/manage/editions/itw-2027/clone",
            &[("slug", "itw-2027"), ("number", "23"), ("title", "Copy"), ("starts_on", "2028-10-09")],
        )
        .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = body(r).await;
    assert!(page.contains("Another edition already uses this short name."));
    assert!(page.contains("This program already has an edition with this number."));

    let r = app
        .post_form(
            "/manage/editions/itw-2027/clone",
            &[
                ("slug", "itw-2028"),
                ("number", "24"),
                ("title", "24th UNESCO-WTA International Training Workshop"),
                ("starts_on", "2028-10-09"),
            ],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let (starts, ends, open): (String, String, Option<String>) =
        sqlx::query_as("SELECT starts_on, ends_on, applications_open_at FROM editions WHERE slug = 'itw-2028'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((starts.as_str(), ends.as_str()), ("2028-10-09", "2028-10-13"));
    assert_eq!(open, None, "the application window is left for the coordinator");
    let new_id = app.edition_id("itw-2028").await;
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM course_modules WHERE edition_id = {new_id}")).await, 8);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM edition_sessions WHERE edition_id = {new_id}")).await, 9);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM edition_trainers WHERE edition_id = {new_id}")).await, 0);
    // Monday 09:30 in Daejeon stays Monday 09:30: 2027-10-11 → 2028-10-09 is 364 days.
    let page = body(app.get("/editions/itw-2028").await).await;
    assert!(page.contains("2028-10-09"));
    assert!(page.contains("09:30–11:00 KST"));
    let (first,): (String,) =
        sqlx::query_as(&format!("SELECT MIN(starts_at) FROM edition_sessions WHERE edition_id = {new_id}"))
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(first.starts_with("2028-10-09T00:30:00"), "09:30 KST is 00:30 UTC: {first}");
}

#[rocket::async_test]
async fn trainers_add_change_and_remove_sessions_within_the_edition() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = app.login_as(Role::Participant).await;
    app.assign_trainer("itw-2027", me).await;
    let base = "/manage/editions/itw-2027/sessions";
    let before = app.count("SELECT COUNT(*) FROM edition_sessions").await;
    let fields = |starts: &'static str, ends: &'static str| {
        vec![
            ("title", "Clinic: your park's business plan"),
            ("kind", "workshop"),
            ("starts_at", starts),
            ("ends_at", ends),
            ("room", "Room 105"),
            ("online_url", ""),
            ("module", "stp-governance"),
        ]
    };
    for (starts, ends, message) in [
        ("2027-10-20T09:00", "2027-10-20T10:00", "must take place between the edition"),
        ("2027-10-12T11:00", "2027-10-12T10:00", "The end must come after the start."),
        ("next tuesday", "2027-10-12T10:00", "Enter a date and time"),
    ] {
        let r = app.post_form(&format!("{base}/new"), &fields(starts, ends)).await;
        assert_eq!(r.status(), Status::UnprocessableEntity, "{starts}–{ends}");
        let page = body(r).await;
        assert!(page.contains(message), "{message}");
    }
    let mut bad_module = fields("2027-10-12T17:00", "2027-10-12T18:00");
    bad_module.retain(|(k, _)| *k != "module");
    bad_module.push(("module", "no-such-module"));
    let r = app.post_form(&format!("{base}/new"), &bad_module).await;
    assert!(body(r).await.contains("This module is not part of the edition"));
    let mut bad_url = fields("2027-10-12T17:00", "2027-10-12T18:00");
    bad_url.retain(|(k, _)| *k != "online_url");
    bad_url.push(("online_url", "javascript:alert(1)"));
    let r = app.post_form(&format!("{base}/new"), &bad_url).await;
    assert!(body(r).await.contains("Enter a full web address"));
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_sessions").await, before);

    let mut ok = fields("2027-10-12T17:00", "2027-10-12T18:00");
    let me_text = me.to_string();
    ok.push(("trainers", &me_text));
    assert_eq!(app.post_form(&format!("{base}/new"), &ok).await.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_sessions").await, before + 1);
    let (id, sequence): (i64, i64) = sqlx::query_as("SELECT id, sequence FROM edition_sessions WHERE title = $1")
        .bind("Clinic: your park's business plan")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let page = body(app.get("/editions/itw-2027").await).await;
    assert!(page.contains("17:00–18:00 KST") && page.contains("Test Person"));

    let moved = fields("2027-10-12T18:00", "2027-10-12T19:00");
    assert_eq!(app.post_form(&format!("{base}/{id}/edit"), &moved).await.status(), Status::SeeOther);
    let (sequence_after,): (i64,) = sqlx::query_as("SELECT sequence FROM edition_sessions WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(sequence_after, sequence + 1);
    assert_eq!(app.post_form(&format!("{base}/{id}/delete"), &[]).await.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_sessions").await, before);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'session.%'").await, 3);
}

#[rocket::async_test]
async fn coordinators_assign_and_remove_trainers_by_email() {
    let app = TestApp::new().await;
    app.import_content().await;
    let trainer = app.create_user("claire@example.org", "Claire Dubois", Role::Participant).await;
    app.login_as(Role::Coordinator).await;
    let r = app.post_form("/manage/editions/itw-2027/trainers", &[("email", "nobody@example.org")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = body(app.get("/manage/editions/itw-2027/edit").await).await;
    assert!(page.contains("No account uses this email."));
    app.post_form("/manage/editions/itw-2027/trainers", &[("email", "Claire@Example.org")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_trainers").await, 1);
    assert!(body(app.get("/editions/itw-2027").await).await.contains("Claire Dubois"));
    app.post_form(&format!("/manage/editions/itw-2027/trainers/{trainer}/remove"), &[]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_trainers").await, 0);
}

#[rocket::async_test]
async fn times_show_in_the_edition_zone_and_the_viewers_own() {
    let app = TestApp::new().await;
    app.import_content().await;
    let page = body(app.get("/editions/itw-2027").await).await;
    assert!(page.contains("09:30–11:00 KST"));
    assert!(page.contains("datetime=\"2027-10-11T00:30:00Z\""), "UTC instant for the reader's browser");
    assert!(page.contains("Applications are open until <strong>2027-06-30 18:00 KST</strong>"));

    let me = app.login_as(Role::Participant).await;
    sqlx::query("UPDATE users SET time_zone = 'Europe/Paris' WHERE id = $1")
        .bind(me)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let page = body(app.get("/editions/itw-2027").await).await;
    assert!(page.contains("and below in yours, Europe/Paris"));
    assert!(page.contains("2027-10-11 02:30–04:00 CEST (Europe/Paris)"), "CEST is UTC+2 in October");
    assert!(page.contains("2027-06-30 11:00 CEST"), "the deadline in the viewer's zone");

    let sessions: serde_json::Value =
        serde_json::from_str(&body(app.get("/api/v1/editions/itw-2027/sessions").await).await).unwrap();
    assert_eq!(sessions[0]["starts_at"], "2027-10-11T00:30:00Z");
    assert_eq!(sessions[0]["local_start"], "2027-10-11 09:30");
    assert_eq!(sessions[0]["time_zone"], "Asia/Seoul");
}
