//! Applying and deciding through the pages and the API, with mail through a real SMTP
//! server; invitations; participant lists from CSV.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::{ContentType, Status};
use wta_academy::domain::role::Role;

use crate::enrollment::open_edition;
use crate::support::smtp_sink::SmtpSink;
use crate::support::{PASSWORD, TestApp};

const APP: &str = "/editions/itw-2027/application";

fn fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("certificate_name_latin", "Tran Thanh Liem"),
        ("certificate_name_native", "Trần Thanh Liêm"),
        ("organisation", "Binh Duong Smart City Office"),
        ("organisation_type", "city-government"),
        ("country", "VN"),
        ("position", "Deputy director"),
        ("motivation", "Our province is planning a second science park."),
        ("consent_listed", "1"),
    ]
}

async fn body(r: rocket::local::asynchronous::LocalResponse<'_>) -> String {
    r.into_string().await.unwrap_or_default()
}

async fn id_of(app: &TestApp, user: i64) -> String {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM enrollments WHERE user_id = $1")
        .bind(user)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id.to_string()
}

fn subjects(messages: &[Vec<u8>]) -> Vec<String> {
    messages
        .iter()
        .map(|m| {
            let parsed = mailparse::parse_mail(m).unwrap();
            parsed.headers.iter().find(|h| h.get_key() == "Subject").unwrap().get_value()
        })
        .collect()
}

#[rocket::async_test]
async fn a_participant_applies_a_coordinator_accepts_and_the_mail_arrives() {
    let sink = SmtpSink::start();
    let smtp = sink.url();
    let app = TestApp::with(|c| c.smtp_url = Some(smtp)).await;
    app.import_content().await;
    open_edition(&app, "reviewed", 1).await;
    let liem = app.create_user("liem@example.vn", "Trần Thanh Liêm", Role::Participant).await;
    let second = app.create_user("an@example.vn", "Nguyễn Văn An", Role::Participant).await;
    sqlx::query("UPDATE users SET preferred_language = 'vi' WHERE id = $1")
        .bind(liem)
        .execute(&app.state.db.pool)
        .await
        .unwrap();

    // The edition page leads to the form; the form is prefilled and validated.
    app.login("liem@example.vn", PASSWORD).await;
    assert!(body(app.get("/editions/itw-2027").await).await.contains(&format!("href=\"{APP}\"")));
    let r = app.post_form(APP, &[("motivation", "")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = body(r).await;
    assert!(
        page.contains(&wta_academy::i18n::t("vi", "err-motivation-required")),
        "message in the applicant's language"
    );
    // Screen readers hear the message with the field it belongs to.
    assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"motivation-error\""));
    assert!(page.contains("id=\"motivation-error\""));
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 0);
    assert_eq!(app.post_form(APP, &fields()).await.status(), Status::SeeOther);
    let r = app.post_form(APP, &fields()).await;
    assert_eq!(r.status(), Status::SeeOther, "a second post edits the same application");
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 1);
    let page = body(app.get(APP).await).await;
    assert!(page.contains(&wta_academy::i18n::t("vi", "application-state-submitted")));

    app.logout().await;
    app.login("an@example.vn", PASSWORD).await;
    app.post_form(APP, &fields()).await;

    // The coordinator accepts Liêm with a message.
    app.login_as(Role::Coordinator).await;
    let queue = body(app.get("/manage/editions/itw-2027/applications?country=VN").await).await;
    assert!(queue.contains("Trần Thanh Liêm") && queue.contains("Nguyễn Văn An"));
    let liem_id = id_of(&app, liem).await;
    let r = app
        .post_form(
            "/manage/editions/itw-2027/applications/decide",
            &[("ids", &liem_id), ("decision", "accepted"), ("message", "Hẹn gặp ở Daejeon!")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let an_id = id_of(&app, second).await;
    // No place left for An without a reason; the refusal says so and changes nothing.
    app.post_form("/manage/editions/itw-2027/applications/decide", &[("ids", &an_id), ("decision", "accepted")]).await;
    let queue = body(app.get("/manage/editions/itw-2027/applications").await).await;
    assert!(queue.contains("Not enough free places"));
    app.post_form("/manage/editions/itw-2027/applications/decide", &[("ids", &an_id), ("decision", "waitlisted")])
        .await;
    let queue = body(app.get("/manage/editions/itw-2027/applications?state=waitlisted").await).await;
    assert!(queue.contains("(#1)") && !queue.contains("liem@example.vn"), "filtered, with the place in line");

    app.state.mailer.deliver_pending(&app.state.db).await.unwrap();
    let messages = sink.wait_for(4);
    let sent = subjects(&messages);
    let accepted = wta_academy::i18n::t_args(
        "vi",
        "mail-enrollment-accepted-subject",
        &[("edition", wta_academy::i18n::FluentValue::from("23rd UNESCO-WTA International Training Workshop"))],
    );
    assert!(sent.iter().any(|s| s == &accepted), "Vietnamese acceptance mail: {sent:?}");
    let liem_mail = messages
        .iter()
        .map(|m| mailparse::parse_mail(m).unwrap())
        .find(|m| m.get_body().unwrap().contains("Hẹn gặp ở Daejeon!"));
    assert!(liem_mail.is_some(), "the coordinator's message is in the mail");

    app.logout().await;
    app.login("liem@example.vn", PASSWORD).await;
    let page = body(app.get(APP).await).await;
    assert!(page.contains(&wta_academy::i18n::t("vi", "application-state-accepted")));
    // Liêm withdraws: An, first on the waiting list, is offered the place by mail.
    assert_eq!(app.post_form(&format!("{APP}/withdraw"), &[]).await.status(), Status::SeeOther);
    app.logout().await;
    app.login("an@example.vn", PASSWORD).await;
    let page = body(app.get(APP).await).await;
    assert!(page.contains("A place is offered to you") && page.contains("KST"), "offer with its deadline");
    app.state.mailer.deliver_pending(&app.state.db).await.unwrap();
    let all = sink.wait_for(6);
    assert!(subjects(&all).iter().any(|s| s.starts_with("A seat is offered to you")));
    assert_eq!(app.post_form(&format!("{APP}/accept-offer"), &[]).await.status(), Status::SeeOther);
    assert!(body(app.get(APP).await).await.contains("Accepted"));
}

#[rocket::async_test]
async fn invitations_are_bound_to_their_address_and_used_once() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 10).await;
    // Applications closed: only invited people can apply.
    sqlx::query("UPDATE editions SET applications_close_at = applications_open_at WHERE slug = 'itw-2027'")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let coordinator = app.create_user("c@example.org", "Coordinator", Role::Coordinator).await;
    let mut conn = app.conn().await;
    let c = wta_academy::repo::users::by_id(&mut conn, coordinator).await.unwrap().unwrap();
    drop(conn);
    let link = wta_academy::services::invitations::invite(&app.state, &c, "itw-2027", "guest@example.org", true)
        .await
        .unwrap();
    let path = link.trim_start_matches("http://academy.test").to_string();
    let token = path.split("invitation=").nth(1).unwrap().to_string();

    // Someone else cannot use it.
    app.create_user("other@example.org", "Other", Role::Participant).await;
    app.login("other@example.org", PASSWORD).await;
    let mut f = fields();
    f.push(("invitation", &token));
    let r = app.post_form(APP, &f).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(body(r).await.contains("This invitation was sent to another email address."));
    let r = app.post_form(APP, &fields()).await;
    assert!(body(r).await.contains("Applications to this edition are not open."));

    // Anonymous visitors are sent to log in and come back with the token.
    app.logout().await;
    let r = app.get(&path).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(r.headers().get_one("Location").unwrap().contains("invitation%3D"));
    app.create_user("guest@example.org", "Guest", Role::Participant).await;
    app.login("guest@example.org", PASSWORD).await;
    assert!(body(app.get(&path).await).await.contains(&format!("value=\"{token}\"")), "the form carries the token");
    assert_eq!(app.post_form(APP, &f).await.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'accepted'").await, 1, "skips review");
    // Used once.
    app.create_user("guest2@example.org", "Guest Two", Role::Participant).await;
    app.login("guest2@example.org", PASSWORD).await;
    assert!(body(app.post_form(APP, &f).await).await.contains("invitation"));
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 1);
}

fn multipart(token: &str, file: &[u8]) -> (ContentType, Vec<u8>) {
    let boundary = "XyZboundary42";
    let mut b = Vec::new();
    if !token.is_empty() {
        b.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n")
                .as_bytes(),
        );
    }
    b.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\n")
            .as_bytes(),
    );
    b.extend_from_slice(file);
    b.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (ContentType::new("multipart", "form-data").with_params(("boundary", boundary)), b)
}

/// The confirmation form's action on a preview page.
fn confirm_action(page: &str) -> String {
    let end = page.find("/confirm\"").expect("a confirmation form") + "/confirm".len();
    let start = page[..end].rfind('"').unwrap() + 1;
    page[start..end].to_string()
}

async fn upload(app: &TestApp, with_token: bool, file: &[u8]) -> (Status, String) {
    let token = if with_token { app.csrf().await } else { String::new() };
    let (ct, data) = multipart(&token, file);
    let r = app.client.post("/manage/editions/itw-2027/import").header(ct).body(data).dispatch().await;
    (r.status(), body(r).await)
}

#[rocket::async_test]
async fn a_participant_list_is_previewed_then_imported_once() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 3).await;
    app.create_user("existing@example.org", "Existing Person", Role::Participant).await;
    app.login_as(Role::Coordinator).await;
    assert!(body(app.get("/manage/editions/itw-2027/import/template.csv").await).await.starts_with("email,name,"));

    let bad = "\u{feff}email;name;country\nnot-an-email;A;KR\nb@example.org;B;ZZ\nc@example.org;C;KR\nc@example.org;C again;KR\n";
    let (status, page) = upload(&app, true, bad.as_bytes()).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("<td>2</td>") && page.contains("email: This is not a valid email address"));
    assert!(page.contains("country: ") && page.contains("<td>5</td>"));
    assert!(page.contains("Some rows are invalid"));
    assert!(!page.contains("/confirm\""), "no confirmation for an invalid list");

    let (status, page) = upload(&app, true, b"mail,name\nx,y\n").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("The first line must name the columns"));
    let mut mixed = b"email,name\na@example.org,Jos".to_vec();
    mixed.push(0xE9);
    mixed.extend_from_slice("\nb@example.org,Trần\n".as_bytes());
    let (_, page) = upload(&app, true, &mixed).await;
    assert!(page.contains("The file is not in UTF-8"));
    let (status, _) = upload(&app, false, b"email,name\na@example.org,A\n").await;
    assert_eq!(status, Status::Forbidden, "no token, no upload");
    let big = vec![b'a'; 6 * 1024 * 1024];
    let (status, _) = upload(&app, true, &big).await;
    assert!(status == Status::PayloadTooLarge || status == Status::UnprocessableEntity, "{status}");
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email LIKE '%@example.org' AND email NOT LIKE 'coordinator%'")
            .await,
        1
    );

    let good = "email,name,certificate_name_latin,country\nexisting@example.org,Existing Person,Existing Person,KE\nnew1@example.org,Анна Смирнова,Anna Smirnova,RU\nnew2@example.org,فاطمة الزهراء,Fatima Al-Zahra,EG\nnew3@example.org,李明,Li Ming,CN\n";
    let (status, page) = upload(&app, true, good.as_bytes()).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("3 new accounts, 1 existing accounts, 0 already in the edition, 0 invalid rows."), "{page}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2, "the preview writes no account");
    let confirm = confirm_action(&page);
    assert_eq!(app.post_form(&confirm, &[]).await.status(), Status::SeeOther);
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'accepted'").await, 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'waitlisted'").await, 1, "capacity 3");
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 3, "a set-password link per new account");
    assert_eq!(app.post_form(&confirm, &[]).await.status(), Status::NotFound, "confirmed once");
    // The same list again changes nothing.
    let (_, page) = upload(&app, true, good.as_bytes()).await;
    assert!(page.contains("0 new accounts, 0 existing accounts, 4 already in the edition"));
    let confirm = confirm_action(&page);
    app.post_form(&confirm, &[]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 4);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 5);
}

#[rocket::async_test]
async fn the_api_applies_lists_and_imports() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "open", 5).await;
    app.login_as(Role::Participant).await;
    let body_json: serde_json::Value = serde_json::json!({
        "certificate_name_latin": "Li Ming", "certificate_name_native": "李明", "organisation": "Zhongguancun Science Park",
        "organisation_type": "stp", "country": "CN", "position": "Park manager", "motivation": "To learn from Daedeok.",
    });
    let r = app.post_json("/api/v1/editions/itw-2027/application", body_json).await;
    assert_eq!(r.status(), Status::Ok);
    let s: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert_eq!(s["state"], "accepted", "open admission takes a free place at once");
    let mine: serde_json::Value = serde_json::from_str(&body(app.get("/api/v1/me/applications").await).await).unwrap();
    assert_eq!(mine[0]["edition"], "itw-2027");
    let r = app.post_json("/api/v1/editions/itw-2027/application", serde_json::json!({ "motivation": "" })).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let err: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert!(err["error"]["fields"]["certificate_name_latin"].is_string());

    app.login_as(Role::Coordinator).await;
    let csv = "email,name\nx1@example.org,Xuan\nx2@example.org,Yoon\n";
    let r = app
        .client
        .post("/api/v1/editions/itw-2027/imports?dry_run=true")
        .header(ContentType::CSV)
        .body(csv)
        .dispatch()
        .await;
    let p: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert_eq!(p["new"], 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 1);
    let r = app.client.post("/api/v1/editions/itw-2027/imports").header(ContentType::CSV).body(csv).dispatch().await;
    let done: serde_json::Value = serde_json::from_str(&body(r).await).unwrap();
    assert_eq!((done["accounts_created"].as_u64(), done["enrolled"].as_u64()), (Some(2), Some(2)));
    let queue: serde_json::Value =
        serde_json::from_str(&body(app.get("/api/v1/editions/itw-2027/applications").await).await).unwrap();
    assert_eq!(queue.as_array().unwrap().len(), 3);
}

#[rocket::async_test]
async fn extra_questions_are_asked_checked_and_shown_to_coordinators() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 10).await;
    app.login_as(Role::Coordinator).await;
    let q = "/manage/editions/itw-2027/questions";
    app.post_form(q, &[("kind", "choice"), ("label", "Diet"), ("choices", "Only one")]).await;
    assert!(body(app.get("/manage/editions/itw-2027/applications").await).await.contains("List at least two choices"));
    app.post_form(
        q,
        &[("kind", "choice"), ("label", "Diet"), ("choices", "None\nVegetarian\nHalal"), ("required", "1")],
    )
    .await;
    app.post_form(q, &[("kind", "long"), ("label", "Your park in numbers")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_questions").await, 2);
    let (diet,): (i64,) = sqlx::query_as("SELECT id FROM edition_questions WHERE label = 'Diet'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let field = format!("q_{diet}");

    app.login_as(Role::Participant).await;
    let page = body(app.get(APP).await).await;
    assert!(page.contains("Diet *") && page.contains("<option value=\"Halal\""));
    let mut f = fields();
    f.push((&field, "Pizza"));
    let r = app.post_form(APP, &f).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(body(r).await.contains("Choose one of the answers offered."));
    f.pop();
    let r = app.post_form(APP, &f).await;
    assert!(body(r).await.contains("Please answer this question."));
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 0);
    f.push((&field, "Halal"));
    assert_eq!(app.post_form(APP, &f).await.status(), Status::SeeOther);
    assert!(body(app.get(APP).await).await.contains("<option value=\"Halal\" selected"), "the answer is kept");

    app.login_as(Role::Coordinator).await;
    let queue = body(app.get("/manage/editions/itw-2027/applications").await).await;
    assert!(queue.contains("<strong>Diet</strong>: Halal"));
}
