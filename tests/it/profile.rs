//! Editing the profile: names in every script, field messages, nothing half-saved.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::TestApp;

fn fields<'a>(
    name: &'a str,
    latin: &'a str,
    native: &'a str,
    country: &'a str,
    tz: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("display_name", name),
        ("certificate_name_latin", latin),
        ("certificate_name_native", native),
        ("organisation", "Daedeok Innopolis Foundation"),
        ("organisation_type", "stp"),
        ("country", country),
        ("position", "Director"),
        ("preferred_language", "ko"),
        ("time_zone", tz),
    ]
}

#[rocket::async_test]
async fn a_profile_in_korean_is_saved_and_shown() {
    let app = TestApp::new().await;
    let id = app.login_as(Role::Participant).await;
    let r = app.post_form("/profile", &fields("허태정", "Heo Tae-jeong", "허태정", "KR", "Asia/Seoul")).await;
    assert_eq!(r.status(), Status::SeeOther);
    let mut conn = app.conn().await;
    let u = wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(u.display_name, "허태정");
    assert_eq!(u.profile.certificate_name_latin, "Heo Tae-jeong");
    assert_eq!(u.profile.country, "KR");
    // The profile's language now drives the pages; the country shows by its Korean name.
    let page = app.get("/profile").await.into_string().await.unwrap();
    assert!(page.contains("lang=\"ko\""));
    assert!(page.contains("대한민국"));
    assert!(page.contains(&wta_academy::i18n::t("ko", "region-asia-pacific")));
}

#[rocket::async_test]
async fn bad_fields_get_messages_and_nothing_changes() {
    let app = TestApp::new().await;
    let id = app.login_as(Role::Participant).await;
    let long_name = "가".repeat(121);
    let r = app.post_form("/profile", &fields(&long_name, "김민준", "Anna\u{7}", "ZZ", "Mars/Base")).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = r.into_string().await.unwrap();
    for message in [
        "at most 120 characters",
        "Please use Latin letters here",
        "characters that cannot be printed",
        "Please choose a country from the list",
        "Please choose a time zone from the list",
    ] {
        assert!(page.contains(message), "{message:?}");
    }
    assert!(page.contains(&long_name), "typed values are kept");
    let mut conn = app.conn().await;
    let u = wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(u.display_name, "Test Person", "nothing was saved");
    assert_eq!(u.profile.country, "");
}

#[rocket::async_test]
async fn arabic_and_vietnamese_names_round_trip() {
    let app = TestApp::new().await;
    let id = app.login_as(Role::Participant).await;
    for (name, latin) in [("فاطمة الزهراء", "Fatima Al-Zahra"), ("Trần Thanh Liêm", "Tran Thanh Liem")] {
        let r = app.post_form("/profile", &fields(name, latin, name, "VN", "")).await;
        assert_eq!(r.status(), Status::SeeOther, "{name}");
        let mut conn = app.conn().await;
        let u = wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap();
        assert_eq!(u.profile.certificate_name_native, name);
    }
}
