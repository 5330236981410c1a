//! Completion rules, issuing (automatic, bulk, despite the rules, concurrent), revoking,
//! re-issuing after a name correction, the public verify page and API, and the files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use rocket::http::{ContentType, Status};
use serde_json::{Value, json};
use wta_academy::db::now;
use wta_academy::domain::completion::Rules;
use wta_academy::domain::role::Role;
use wta_academy::domain::user::User;
use wta_academy::repo::certificates::{self as repo, Settings};
use wta_academy::repo::programs::Edition;
use wta_academy::services::ServiceError;
use wta_academy::services::certificates::{self as service, Issued};

use crate::support::{PASSWORD, TestApp};

const ED: &str = "itw-2027";

async fn person(app: &TestApp, email: &str, role: Role) -> User {
    let id = app.create_user(email, "Person", role).await;
    let mut conn = app.conn().await;
    wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap()
}

async fn edition(app: &TestApp) -> Edition {
    let mut conn = app.conn().await;
    wta_academy::repo::programs::edition_by_slug(&mut conn, ED).await.unwrap().unwrap()
}

/// An accepted participant with certificate names; returns (user, enrollment id).
async fn participant(app: &TestApp, email: &str, latin: &str, native: &str) -> (User, i64) {
    let u = person(app, email, Role::Participant).await;
    app.enroll(ED, u.id).await;
    let (id,): (i64,) = sqlx::query_as(
        "UPDATE enrollments SET certificate_name_latin = $1, certificate_name_native = $2 \
         WHERE user_id = $3 RETURNING id",
    )
    .bind(latin)
    .bind(native)
    .bind(u.id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    (u, id)
}

async fn set_rules(app: &TestApp, rules: Rules) {
    let ed = edition(app).await;
    let mut conn = app.conn().await;
    let s = Settings { rules, learning_hours: Some(40), language: "ko".into() };
    repo::save_settings(&mut conn, ed.id, &s).await.unwrap();
}

/// Marks the first `n` lessons of the course done for `user`.
async fn do_lessons(app: &TestApp, user: i64, n: i64) {
    do_lessons_from(app, user, 0, n).await;
}

async fn lesson_count(app: &TestApp) -> i64 {
    let ed = edition(app).await;
    let mut conn = app.conn().await;
    i64::try_from(wta_academy::repo::library::course_lessons(&mut conn, ed.id, "en").await.unwrap().len()).unwrap()
}

#[rocket::async_test]
async fn certificates_follow_the_rules_once_and_tell_the_participant() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let coordinator = person(&app, "coord@example.org", Role::Coordinator).await;
    let (learner, enrollment) = participant(&app, "minh@example.org", "Nguyen Van Minh", "Nguyễn Văn Minh").await;
    let total = lesson_count(&app).await;
    assert!(total >= 4, "the course has lessons");

    // No rules: nothing is issued automatically.
    assert!(service::issue_if_due(&app.state, &ed, learner.id).await.unwrap().is_none());
    // Half the lessons required.
    set_rules(&app, Rules { lessons_pct: Some(50), attendance_pct: None, survey: false }).await;
    let half = (total + 1) / 2;
    do_lessons(&app, learner.id, half - 1).await;
    assert!(service::issue_if_due(&app.state, &ed, learner.id).await.unwrap().is_none(), "one lesson short");
    match service::issue(&app.state, Some(&coordinator), &ed, enrollment).await {
        Err(ServiceError::Refused(k)) => assert_eq!(k, "err-certificate-rules-not-met"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates").await, 0);

    do_lessons_from(&app, learner.id, half - 1, 1).await;
    let c = service::issue_if_due(&app.state, &ed, learner.id).await.unwrap().expect("issued when the rule is met");
    assert_eq!(
        (c.state.as_str(), c.name_latin.as_str(), c.name_native.as_str()),
        ("valid", "Nguyen Van Minh", "Nguyễn Văn Minh")
    );
    assert!(service::issue_if_due(&app.state, &ed, learner.id).await.unwrap().is_none(), "once");
    let (again, how) = service::issue(&app.state, Some(&coordinator), &ed, enrollment).await.unwrap();
    assert_eq!((again.id, how), (c.id, Issued::Existing), "issuing is idempotent");
    let (state,): (String,) = sqlx::query_as("SELECT state FROM enrollments WHERE id = $1")
        .bind(enrollment)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(state, "completed");
    let snapshot = service::Snapshot::parse(&c.snapshot).unwrap();
    assert_eq!((snapshot.hours, snapshot.language.as_str()), (Some(40), "ko"));
    assert_eq!(snapshot.dates, wta_academy::domain::certificate::date_range(&ed.starts_on, &ed.ends_on));
    let (subject, body): (String, String) =
        sqlx::query_as("SELECT subject, body_text FROM outbox WHERE to_email = 'minh@example.org'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(subject.contains(&ed.title) && body.contains("/my/certificates"), "{subject}\n{body}");
}

/// Marks `n` lessons done for `user`, after the first `skip`.
async fn do_lessons_from(app: &TestApp, user: i64, skip: i64, n: i64) {
    let ed = edition(app).await;
    let mut conn = app.conn().await;
    let lessons = wta_academy::repo::library::course_lessons(&mut conn, ed.id, "en").await.unwrap();
    for l in lessons.iter().skip(usize::try_from(skip).unwrap()).take(usize::try_from(n).unwrap()) {
        sqlx::query(
            "INSERT INTO lesson_progress (edition_id, user_id, lesson_id, completed_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(ed.id)
        .bind(user)
        .bind(l.lesson_id)
        .bind(now().db())
        .execute(&mut *conn)
        .await
        .unwrap();
    }
}

#[rocket::async_test]
async fn attendance_and_survey_rules_count_as_the_checklist_says() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let (learner, _) = participant(&app, "anna@example.org", "Anna Smirnova", "Анна Смирнова").await;
    set_rules(&app, Rules { lessons_pct: None, attendance_pct: Some(75), survey: true }).await;
    let sessions: Vec<(i64,)> = sqlx::query_as("SELECT id FROM edition_sessions WHERE edition_id = $1 ORDER BY id")
        .bind(ed.id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let n = i64::try_from(sessions.len()).unwrap();
    assert!(n >= 4, "the edition has sessions");
    // Just below 75 %: attended ⌈0.75 n⌉ - 1 sessions, then one excused (it no longer counts).
    let needed = (75 * n + 99) / 100;
    let mark = |sid: i64, status: &'static str| {
        let pool = app.state.db.pool.clone();
        let uid = learner.id;
        async move {
            sqlx::query(
                "INSERT INTO session_attendance (session_id, user_id, status, source, marked_at) VALUES ($1, $2, $3, 'roster', $4)",
            )
            .bind(sid)
            .bind(uid)
            .bind(status)
            .bind(now().db())
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    for (sid,) in sessions.iter().take(usize::try_from(needed - 1).unwrap()) {
        mark(*sid, "present").await;
    }
    let mut conn = app.conn().await;
    let list = service::checklist(&mut conn, ed.id, learner.id).await.unwrap();
    assert_eq!(list.items.len(), 2);
    assert!(!list.items[0].met && !list.items[1].met && !list.complete);
    assert_eq!((list.items[0].done, list.items[0].total), (needed - 1, n));
    // The edition page counts sessions under the attendance rule, not lessons.
    app.login("anna@example.org", PASSWORD).await;
    let page = app.get("/editions/itw-2027").await.into_string().await.unwrap();
    assert!(page.contains(&format!("{} of {n} sessions attended", needed - 1)), "attendance bar counts sessions");
    // An excused absence leaves the denominator; attending one more meets the threshold too.
    mark(sessions[usize::try_from(needed - 1).unwrap()].0, "late").await;
    let list = service::checklist(&mut conn, ed.id, learner.id).await.unwrap();
    assert!(list.items[0].met, "{:?}", list.items[0]);
    sqlx::query("INSERT INTO survey_submissions (edition_id, user_id, submitted_at) VALUES ($1, $2, $3)")
        .bind(ed.id)
        .bind(learner.id)
        .bind(now().db())
        .execute(&mut *conn)
        .await
        .unwrap();
    assert!(service::checklist(&mut conn, ed.id, learner.id).await.unwrap().complete);
    drop(conn);
    assert!(
        service::issue_due_everywhere(
            &app.state,
            wta_academy::db::Timestamp::parse(&format!("{}T12:00:00Z", ed.ends_on)).unwrap()
        )
        .await
        .unwrap()
            == 1
    );
}

#[rocket::async_test]
async fn concurrent_issues_give_one_certificate() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let coordinator = person(&app, "coord@example.org", Role::Coordinator).await;
    let (_, enrollment) = participant(&app, "li@example.org", "Li Ming", "李明").await;
    set_rules(&app, Rules { lessons_pct: Some(0), ..Rules::default() }).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (state, ed, c) = (app.state.clone(), ed.clone(), coordinator.clone());
        tasks.push(tokio::spawn(async move { service::issue(&state, Some(&c), &ed, enrollment).await }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.unwrap().unwrap().0.id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "every request answered with the same certificate");
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates").await, 1);
}

#[rocket::async_test]
async fn revoke_correct_reissue_and_verify() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let coordinator = person(&app, "coord@example.org", Role::Coordinator).await;
    let (learner, enrollment) = participant(&app, "sukru@example.org", "Sukru Caglar", "").await;
    // Issued despite the rules: the reason is required and audited.
    set_rules(&app, Rules { lessons_pct: Some(100), ..Rules::default() }).await;
    let refused = service::complete_despite_rules(&app.state, &coordinator, &ed, enrollment, "  ").await;
    assert!(matches!(refused, Err(ServiceError::Invalid(_))));
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates").await, 0);
    let (first, how) =
        service::complete_despite_rules(&app.state, &coordinator, &ed, enrollment, "Completed the course offline")
            .await
            .unwrap();
    assert_eq!(how, Issued::New);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'enrollment.complete_override' AND after_json LIKE '%offline%'").await,
        1
    );

    // The participant asks for a correction; bad names are refused and nothing is stored.
    for (latin, native) in [("Şükrü\u{7}Çağlar", ""), (&*"A".repeat(300), ""), ("김민준", "")] {
        let r = service::request_correction(&app.state, &learner, &ed, latin, native, "typo").await;
        assert!(matches!(r, Err(ServiceError::Invalid(_))), "{latin:?}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM name_corrections").await, 0);
    let cid =
        service::request_correction(&app.state, &learner, &ed, "Şükrü Çağlar", "", "Turkish letters").await.unwrap();
    assert!(matches!(
        service::request_correction(&app.state, &learner, &ed, "Sukru Çağlar", "", "again").await,
        Err(ServiceError::Refused("err-correction-pending"))
    ));
    let fresh = service::decide_correction(&app.state, &coordinator, cid, true, "").await.unwrap().expect("re-issued");
    assert_eq!(fresh.name_latin, "Şükrü Çağlar");
    let mut conn = app.conn().await;
    let old = repo::by_id(&mut conn, first.id).await.unwrap().unwrap();
    assert_eq!((old.state.as_str(), old.superseded_by), ("superseded", Some(fresh.id)), "kept, never deleted");
    let v = service::verify(&app.state, &mut conn, &first.code.to_lowercase().replace('-', " ")).await.unwrap();
    assert_eq!((v.status.as_str(), v.superseded_by.as_deref()), ("superseded", Some(fresh.code.as_str())));
    drop(conn);

    // Revoking needs a reason; afterwards the page says revoked, with date and reason.
    assert!(matches!(service::revoke(&app.state, &coordinator, fresh.id, "").await, Err(ServiceError::Invalid(_))));
    assert!(matches!(service::revoke(&app.state, &learner, fresh.id, "mine").await, Err(ServiceError::NotFound)));
    service::revoke(&app.state, &coordinator, fresh.id, "Issued by mistake").await.unwrap();
    assert!(matches!(
        service::revoke(&app.state, &coordinator, fresh.id, "twice").await,
        Err(ServiceError::Refused("err-certificate-not-valid"))
    ));
    let page = app.get(&format!("/verify/{}", fresh.code)).await.into_string().await.unwrap();
    assert!(page.contains("This certificate was revoked on") && page.contains("Issued by mistake"), "{page}");
    assert!(page.contains("Şükrü Çağlar") && page.contains(&ed.title));
    assert!(!page.contains("sukru@example.org"), "only what the certificate shows");
    let old_page = app.get(&format!("/verify/{}", first.code)).await.into_string().await.unwrap();
    assert!(old_page.contains("replaced by a newer one") && old_page.contains(&format!("/verify/{}", fresh.code)));
    // The revoked one is not issued again automatically or in bulk.
    let report = service::issue_all(&app.state, &coordinator, &ed).await.unwrap();
    assert_eq!(report.revoked, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates WHERE state = 'valid'").await, 0);
}

#[rocket::async_test]
async fn verification_is_public_json_and_rate_limited_and_guesses_find_nothing() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let coordinator = person(&app, "coord@example.org", Role::Coordinator).await;
    let (_, enrollment) = participant(&app, "fatima@example.org", "Fatima Al-Zahraa", "فاطمة الزهراء").await;
    set_rules(&app, Rules { lessons_pct: Some(0), ..Rules::default() }).await;
    let (c, _) = service::issue(&app.state, Some(&coordinator), &ed, enrollment).await.unwrap();

    let r = app.get(&format!("/api/v1/verify/{}", c.code)).await;
    assert_eq!(r.status(), Status::Ok);
    let v: Value = serde_json::from_str(&r.into_string().await.unwrap()).unwrap();
    assert_eq!((v["status"].as_str(), v["name_native"].as_str()), (Some("valid"), Some("فاطمة الزهراء")));
    assert!(v.get("email").is_none() && v.get("user_id").is_none());
    let page = app.get(&format!("/verify/{}", c.code)).await;
    assert_eq!(page.status(), Status::Ok);
    assert!(page.into_string().await.unwrap().contains("This certificate is valid."));
    let r = app.get("/verify/ABCD-EFGH-JKMN-PQRS-TUVW").await;
    assert_eq!(r.status(), Status::NotFound);
    assert!(r.into_string().await.unwrap().contains("No certificate has this code."));
    let r = app.get("/api/v1/verify/not-a-code").await;
    assert_eq!(r.status(), Status::NotFound);
    let r = app.get(&format!("/verify?code={}", c.code.to_lowercase().replace('-', ""))).await;
    assert_eq!(
        (r.status(), r.headers().get_one("Location")),
        (Status::SeeOther, Some(format!("/verify/{}", c.code).as_str()))
    );

    // 10,000 random codes find nothing.
    let mut conn = app.conn().await;
    for _ in 0..10_000 {
        let guess = wta_academy::domain::certificate::new_code();
        assert!(matches!(service::verify(&app.state, &mut conn, &guess).await, Err(ServiceError::NotFound)));
    }
    drop(conn);
    // Lookups per address are limited (this test has made 5 so far).
    let mut last = Status::Ok;
    for _ in 0..30 {
        last = app.get(&format!("/api/v1/verify/{}", c.code)).await.status();
    }
    assert_eq!(last, Status::TooManyRequests);
    let r = app.get(&format!("/verify/{}", c.code)).await;
    assert_eq!(r.status(), Status::TooManyRequests);
    assert!(r.into_string().await.unwrap().contains("Too many lookups"));
}

/// A small real PNG: a dark stroke on white.
fn signature_png() -> Vec<u8> {
    let (w, h) = (120u32, 40u32);
    let mut data = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let ink = (i64::from(y) - 20 - (i64::from(x) / 10 % 4) * 3).abs() < 2;
            data.push(if ink { 20 } else { 255 });
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&data).unwrap();
    out
}

#[rocket::async_test]
async fn pages_files_and_the_command_line() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let (learner, enrollment) = participant(&app, "heo@example.org", "Heo Tae-jeong", "허태정").await;
    person(&app, "other@example.org", Role::Participant).await;
    set_rules(&app, Rules { lessons_pct: Some(0), ..Rules::default() }).await;

    // The participant sees the checklist; looking issues the certificate that is due.
    app.login("heo@example.org", PASSWORD).await;
    let page = app.get("/editions/itw-2027").await.into_string().await.unwrap();
    assert!(page.contains("Your path to the certificate") && page.contains("You have met every requirement."));
    let mut conn = app.conn().await;
    let c = repo::valid_of(&mut conn, enrollment).await.unwrap().expect("issued on sight");
    drop(conn);
    let mine = app.get("/my/certificates").await.into_string().await.unwrap();
    assert!(mine.contains(&c.code) && mine.contains("허태정"));
    let r = app.get(&format!("/certificates/{}/download", c.id)).await;
    assert_eq!((r.status(), r.content_type()), (Status::Ok, Some(ContentType::PDF)));
    let pdf = r.into_bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let api: Value =
        serde_json::from_str(&app.get("/api/v1/me/certificates").await.into_string().await.unwrap()).unwrap();
    assert_eq!(api[0]["code"], c.code.as_str());
    // A name correction through the page.
    let r = app
        .post_form(
            "/editions/itw-2027/name-correction",
            &[("name_latin", "Heo Taejeong"), ("name_native", "허태정"), ("reason", "spelling")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM name_corrections WHERE state = 'pending'").await, 1);

    // Someone else gets 404 for the file.
    app.logout().await;
    app.login("other@example.org", PASSWORD).await;
    assert_eq!(app.get(&format!("/certificates/{}/download", c.id)).await.status(), Status::NotFound);
    assert_eq!(app.get("/manage/editions/itw-2027/certificates").await.status(), Status::NotFound);

    // The coordinator's desk: the holder, the pending correction, bulk issue, ZIP, preview.
    app.logout().await;
    app.login_as(Role::Coordinator).await;
    let desk = app.get("/manage/editions/itw-2027/certificates").await.into_string().await.unwrap();
    assert!(desk.contains("Heo Tae-jeong") && desk.contains(&c.code) && desk.contains("Heo Taejeong"));
    // The page's own list of certificate languages does not replace the site's language switcher.
    let switcher = &desk[desk.find("class=\"lang-switch\"").unwrap()..];
    let switcher = &switcher[..switcher.find("</form>").unwrap()];
    assert_eq!(switcher.matches("name=\"lang\"").count(), 4, "{switcher}");
    assert!(switcher.contains("value=\"en\" lang=\"en\" aria-current=\"true\""), "{switcher}");
    // A signatory with a scanned signature; a file that is not an image is refused.
    let token = app.csrf().await;
    let fields = [("name", "Kim Seo-yeon"), ("title", "Secretary General")];
    let (ct, body) = crate::materials::multipart_named(Some(&token), &fields, "image", "sig.png", &signature_png());
    let r =
        app.client.post("/manage/editions/itw-2027/certificates/signatories").header(ct).body(body).dispatch().await;
    assert_eq!(r.status(), Status::SeeOther);
    let (ct, body) =
        crate::materials::multipart_named(Some(&token), &fields, "image", "sig.png", b"%PDF-1.7 not an image");
    app.client.post("/manage/editions/itw-2027/certificates/signatories").header(ct).body(body).dispatch().await;
    let desk = app.get("/manage/editions/itw-2027/certificates").await.into_string().await.unwrap();
    assert!(desk.contains("The signature must be a PNG or JPEG image."));
    assert_eq!(app.count("SELECT COUNT(*) FROM certificate_signatories WHERE signature_key <> ''").await, 1);
    let (_, second) = participant(&app, "sato@example.org", "Sato Hanako", "佐藤花子").await;
    let r = app.post_form("/manage/editions/itw-2027/certificates/issue-all", &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let mut conn = app.conn().await;
    assert!(repo::valid_of(&mut conn, second).await.unwrap().is_some());
    drop(conn);
    let mut conn = app.conn().await;
    let signed = repo::valid_of(&mut conn, second).await.unwrap().unwrap();
    drop(conn);
    assert!(signed.snapshot.contains("signatures/"), "the snapshot keeps the signature");
    let pdf = app.get(&format!("/certificates/{}/download", signed.id)).await.into_bytes().await.unwrap();
    assert!(
        pdf.windows(13).any(|w| w == b"/Subtype /Ima") || pdf.windows(14).any(|w| w == b"/Subtype/Image"),
        "the signature image is drawn"
    );
    let r = app.get("/manage/editions/itw-2027/certificates.zip").await;
    assert_eq!((r.status(), r.content_type()), (Status::Ok, Some(ContentType::ZIP)));
    let zip = r.into_bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    assert_eq!(archive.len(), 2);
    let names: Vec<String> = (0..2).map(|i| archive.by_index(i).unwrap().name().unwrap().to_string()).collect();
    assert!(names.iter().any(|n| n.starts_with("Heo-Tae-jeong-") && n.ends_with(".pdf")), "{names:?}");
    let r = app
        .get("/manage/editions/itw-2027/certificates/preview?name=Kim+Min-jun&native=%EA%B9%80%EB%AF%BC%EC%A4%80")
        .await;
    let preview = r.into_string().await.unwrap();
    assert!(preview.contains("/certificates/specimen.pdf?name") && preview.contains("Kim+Min-jun"), "{preview}");
    let r = app
        .get("/manage/editions/itw-2027/certificates/specimen.pdf?name=Kim+Min-jun&native=%EA%B9%80%EB%AF%BC%EC%A4%80")
        .await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_bytes().await.unwrap().starts_with(b"%PDF-"));
    let r = app.get("/manage/editions/itw-2027/certificates/specimen.pdf?name=%07bad").await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    // Revoking without a reason through the form changes nothing.
    let r = app.post_form(&format!("/manage/certificates/{}/revoke", c.id), &[("reason", "")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates WHERE state = 'revoked'").await, 0);
    let r = app
        .post_json(&format!("/api/v1/certificates/{}/revoke", c.id), json!({ "reason": "Withdrawn by the organisers" }))
        .await;
    assert_eq!(r.status(), Status::Ok);
    let _ = learner;

    // The command line renders the same specimen and names the edition.
    let out_file = app.dir.path().join("specimen.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_wta-academy"))
        .args([
            "certificate",
            "preview",
            "--edition",
            ED,
            "--name",
            "Nguyen Thi Phuong Thao",
            "--native-name",
            "Nguyễn Thị Phương Thảo",
            "--out",
        ])
        .arg(&out_file)
        .env("WTA_DATABASE_URL", &app.state.config.database_url)
        .env("WTA_DATA_DIR", app.dir.path())
        .env("WTA_LOG", "error")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&ed.title));
    assert!(std::fs::read(&out_file).unwrap().starts_with(b"%PDF-"));
    let bad = Command::new(env!("CARGO_BIN_EXE_wta-academy"))
        .args(["certificate", "preview", "--edition", "no-such-edition", "--name", "X", "--out"])
        .arg(&out_file)
        .env("WTA_DATABASE_URL", &app.state.config.database_url)
        .env("WTA_DATA_DIR", app.dir.path())
        .env("WTA_LOG", "error")
        .output()
        .unwrap();
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("no edition no-such-edition"));
}

/// Verifications asked at the same moment are read in one statement, each answered with its own
/// certificate (or none), and each reads the database after it was asked: a revocation made
/// straight in the database, as another instance would, shows on the next verification.
#[tokio::test]
async fn verifications_asked_together_are_read_in_one_statement_and_see_a_revocation_at_once() {
    let app = TestApp::new().await;
    app.import_content().await;
    let ed = edition(&app).await;
    let coordinator = person(&app, "coord@example.org", Role::Coordinator).await;
    set_rules(&app, Rules { lessons_pct: Some(0), ..Rules::default() }).await;
    let mut codes = Vec::new();
    for (email, name) in
        [("anna@example.org", "Anna Petrova"), ("li@example.org", "Li Ming"), ("tran@example.org", "Tran Liem")]
    {
        let (_, enrollment) = participant(&app, email, name, "").await;
        let (c, _) = service::issue(&app.state, Some(&coordinator), &ed, enrollment).await.unwrap();
        codes.push((c.code.clone(), Some(name)));
        // The same code as a person types it: lower case, without dashes.
        codes.push((c.code.to_lowercase().replace('-', ""), Some(name)));
    }
    codes.push((wta_academy::domain::certificate::new_code(), None));
    codes.push((wta_academy::domain::certificate::new_code(), None));
    let before = app.state.certificate_reads.statements();
    // On this single-threaded runtime every verification below is queued before the reading
    // task first runs, so the statement count is exact.
    let mut asked = tokio::task::JoinSet::new();
    for (code, expected) in codes.clone() {
        let state = app.state.clone();
        asked.spawn(async move {
            let mut conn = wta_academy::repo::LazyConn::new(state.db.pool.clone());
            let found = match service::verify(&state, &mut conn, &code).await {
                Ok(v) => Some(v.name_latin),
                Err(ServiceError::NotFound) => None,
                Err(e) => panic!("{e}"),
            };
            (found, expected.map(str::to_string))
        });
    }
    let mut answered = 0;
    while let Some(result) = asked.join_next().await {
        let (found, expected) = result.unwrap();
        assert_eq!(found, expected);
        answered += 1;
    }
    assert_eq!(answered, codes.len());
    assert_eq!(app.state.certificate_reads.statements() - before, 1, "8 verifications, one statement");

    let code = codes[0].0.clone();
    let page = app.get(&format!("/verify/{code}")).await.into_string().await.unwrap();
    assert!(page.contains("This certificate is valid."), "{page}");
    let mut conn = app.conn().await;
    sqlx::query("UPDATE certificates SET state = 'revoked', revoked_at = $1, revoke_reason = 'Revoked elsewhere' WHERE code = $2")
        .bind(now().db())
        .bind(&code)
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    let page = app.get(&format!("/verify/{code}")).await.into_string().await.unwrap();
    assert!(page.contains("This certificate was revoked on") && page.contains("Revoked elsewhere"), "{page}");
    assert_eq!(app.state.certificate_reads.statements() - before, 3, "each page read the certificate");
}
