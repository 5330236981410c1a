//! Password reset by e-mail, delivered through a real SMTP server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::smtp_sink::SmtpSink;
use crate::support::{PASSWORD, TestApp};

fn reset_link(body: &str) -> String {
    let start = body.find("http://academy.test/password/reset/").expect("link in body");
    body[start..].split_whitespace().next().unwrap().trim_start_matches("http://academy.test").to_string()
}

#[rocket::async_test]
async fn reset_mail_arrives_intact_over_smtp_and_the_link_works_once() {
    let sink = SmtpSink::start();
    let smtp = sink.url();
    let app = TestApp::with(|c| c.smtp_url = Some(smtp)).await;
    let id = app.create_user("thao@example.vn", "Nguyễn Thị Phương Thảo", Role::Participant).await;
    sqlx::query("UPDATE users SET preferred_language = 'vi' WHERE id = $1")
        .bind(id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();

    let r = app.post_form("/password/forgot", &[("email", "thao@example.vn")]).await;
    assert_eq!(r.status(), Status::Ok);
    let sent = app.state.mailer.deliver_pending(&app.state.db).await.unwrap();
    assert_eq!(sent, 1);

    let messages = sink.wait_for(1);
    assert_eq!(messages.len(), 1);
    let parsed = mailparse::parse_mail(&messages[0]).unwrap();
    let subject = parsed.headers.iter().find(|h| h.get_key() == "Subject").unwrap().get_value();
    assert_eq!(subject, wta_academy::i18n::t("vi", "mail-reset-subject"), "Vietnamese subject, intact");
    let to = parsed.headers.iter().find(|h| h.get_key() == "To").unwrap().get_value();
    assert!(to.contains("Nguyễn Thị Phương Thảo"), "recipient name intact: {to}");
    let body = parsed.get_body().unwrap();
    assert!(body.contains("Nguyễn Thị Phương Thảo"), "name intact in the body");

    let link = reset_link(&body);
    assert_eq!(app.get(&link).await.status(), Status::Ok);
    let r =
        app.post_form(&link, &[("password", "a-brand-new-secret"), ("password_confirm", "a-brand-new-secret")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(app.login("thao@example.vn", "a-brand-new-secret").await, Status::SeeOther);
    app.logout().await;

    // A used link is refused and changes nothing.
    let again =
        app.post_form(&link, &[("password", "yet-another-secret"), ("password_confirm", "yet-another-secret")]).await;
    assert_eq!(again.status(), Status::NotFound);
    assert!(
        again.into_string().await.unwrap().contains("Liên kết") || app.get(&link).await.status() == Status::NotFound
    );
    assert_eq!(app.login("thao@example.vn", "a-brand-new-secret").await, Status::SeeOther);
}

#[rocket::async_test]
async fn expired_links_are_refused_and_unknown_addresses_reveal_nothing() {
    let app = TestApp::new().await;
    app.create_user("x@example.org", "X", Role::Participant).await;
    let known = app.post_form("/password/forgot", &[("email", "x@example.org")]).await.into_string().await.unwrap();
    let unknown =
        app.post_form("/password/forgot", &[("email", "nobody@example.org")]).await.into_string().await.unwrap();
    let sentence = "If an account exists for this address";
    assert!(known.contains(sentence) && unknown.contains(sentence));
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox").await, 1, "one mail, to the known address only");

    let body: (String,) = sqlx::query_as("SELECT body_text FROM outbox").fetch_one(&app.state.db.pool).await.unwrap();
    let link = reset_link(&body.0);
    let past = wta_academy::db::now().plus_minutes(-1).db();
    sqlx::query("UPDATE password_resets SET expires_at = $1").bind(&past).execute(&app.state.db.pool).await.unwrap();
    assert_eq!(app.get(&link).await.status(), Status::NotFound);
    let r =
        app.post_form(&link, &[("password", "a-brand-new-secret"), ("password_confirm", "a-brand-new-secret")]).await;
    assert_eq!(r.status(), Status::NotFound);
    assert_eq!(app.login("x@example.org", PASSWORD).await, Status::SeeOther, "password unchanged");
}

#[rocket::async_test]
async fn without_smtp_mail_is_written_as_files() {
    let app = TestApp::new().await;
    app.create_user("f@example.org", "Анна Иванова", Role::Participant).await;
    app.post_form("/password/forgot", &[("email", "f@example.org")]).await;
    assert_eq!(app.state.mailer.deliver_pending(&app.state.db).await.unwrap(), 1);
    let files: Vec<_> = std::fs::read_dir(app.dir.path().join("mail")).unwrap().flatten().collect();
    let eml = files.iter().find(|f| f.path().extension().is_some_and(|e| e == "eml")).expect("an .eml file");
    let parsed_bytes = std::fs::read(eml.path()).unwrap();
    let parsed = mailparse::parse_mail(&parsed_bytes).unwrap();
    assert!(parsed.get_body().unwrap().contains("Анна Иванова"));
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").await, 0);
}
