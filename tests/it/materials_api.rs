//! Materials through the JSON API on both stores (list, upload, replace, versions, restore,
//! delete, download), and the edition page grouping them by module and session.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use serde_json::Value;
use wta_academy::domain::role::Role;
use wta_academy::services::materials::{self, MaterialInput};

use crate::materials::{ED, app_on, multipart, pdf, user};
use crate::support::s3_server::http_get;
use crate::support::{PASSWORD, TestApp};

const LESSON: &str = "technopolis-models-around-the-world";

async fn json(r: rocket::local::asynchronous::LocalResponse<'_>) -> (Status, Value) {
    let status = r.status();
    let text = r.into_string().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn post_file(app: &TestApp, path: &str, fields: &[(&str, &str)], name: &str, data: &[u8]) -> (Status, Value) {
    let (ct, body) = multipart(None, fields, name, data);
    json(app.client.post(path.to_string()).header(ct).body(body).dispatch().await).await
}

/// The bytes a download link serves, following the presigned redirect on S3.
async fn fetch(app: &TestApp, path: &str) -> (Status, Vec<u8>) {
    let r = app.get(path).await;
    match r.status() {
        Status::SeeOther => {
            let location = r.headers().get_one("Location").unwrap().to_string();
            let (status, _, body) = http_get(&location);
            (Status::new(status), body)
        }
        s => (s, r.into_bytes().await.unwrap_or_default()),
    }
}

async fn api(s3: bool) {
    let (app, _server) = app_on(s3, 2 * 1024 * 1024).await;
    let learner = user(&app, "learner@example.org", Role::Participant).await;
    app.enroll(ED, learner.id).await;
    user(&app, "outsider@example.org", Role::Participant).await;
    let trainer = user(&app, "trainer@example.org", Role::Participant).await;
    app.assign_trainer(ED, trainer.id).await;
    app.login("trainer@example.org", PASSWORD).await;

    let v1 = pdf(40_000);
    let fields = [
        ("title", "Technopolis case studies"),
        ("visibility", "participants"),
        ("module", "triple-helix"),
        ("lesson", LESSON),
    ];
    let (status, m) =
        post_file(&app, "/api/v1/editions/itw-2027/materials", &fields, "Case studies – Daejeon.pdf", &v1).await;
    assert_eq!(status, Status::Created, "{m}");
    assert_eq!((m["version"].as_i64(), m["kind"].as_str(), m["size"].as_u64()), (Some(1), Some("pdf"), Some(40_009)));
    assert!(m["lesson_id"].is_i64() && m["module_id"].is_i64() && m["session_id"].is_null());
    let id = m["id"].as_i64().unwrap();

    // The page's one-list form of the same choice works too; a lesson outside the course does not.
    let (status, _) = post_file(
        &app,
        "/api/v1/editions/itw-2027/materials",
        &[("title", "Reading list"), ("visibility", "public"), ("attach", &format!("lesson:triple-helix/{LESSON}"))],
        "reading.txt",
        b"Etzkowitz, The Triple Helix\n",
    )
    .await;
    assert_eq!(status, Status::Created);
    let (status, e) = post_file(
        &app,
        "/api/v1/editions/itw-2027/materials",
        &[("title", "Nowhere"), ("visibility", "public"), ("module", "triple-helix"), ("lesson", "no-such-lesson")],
        "a.pdf",
        &pdf(10),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(e["error"]["fields"]["lesson"], "This lesson is not part of the edition's course.");
    let (status, e) =
        post_file(&app, "/api/v1/editions/itw-2027/materials", &fields, "setup.pdf", b"MZ\x90\x00program").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(e["error"]["fields"]["file"].as_str().unwrap().starts_with("This type of file is not accepted."));
    let (status, e) = post_file(&app, "/api/v1/editions/gif-2019/materials", &fields, "a.pdf", &pdf(10)).await;
    assert_eq!((status, e["error"]["code"].as_str()), (Status::NotFound, Some("not_found")), "not their edition");
    let (status, e) =
        post_file(&app, "/api/v1/editions/itw-2027/materials", &fields, "big.pdf", &pdf(3 * 1024 * 1024)).await;
    assert_eq!(status, Status::PayloadTooLarge, "{e}");
    assert_eq!(e["error"]["message"], "The file is larger than the upload limit.");
    let (ct, body) = (
        rocket::http::ContentType::new("multipart", "form-data").with_params(("boundary", "B")),
        "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nNo file\r\n--B--\r\n",
    );
    let (status, e) =
        json(app.client.post("/api/v1/editions/itw-2027/materials").header(ct).body(body).dispatch().await).await;
    assert_eq!(
        (status, e["error"]["fields"]["file"].as_str()),
        (Status::UnprocessableEntity, Some("Choose a file to upload."))
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 2, "refusals left no row");

    // A new version, then the first one restored.
    let v2 = pdf(50_000);
    let (status, m) =
        post_file(&app, &format!("/api/v1/materials/{id}/versions"), &[], "Case studies v2.pdf", &v2).await;
    assert_eq!((status, m["version"].as_i64()), (Status::Ok, Some(2)));
    let (status, versions) = json(app.get(&format!("/api/v1/materials/{id}/versions")).await).await;
    assert_eq!(status, Status::Ok);
    let versions = versions.as_array().unwrap().clone();
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[0]["number"].as_i64(), versions[0]["current"].as_bool()), (Some(2), Some(true)));
    assert_eq!(fetch(&app, &format!("/api/v1/materials/{id}/download")).await, (Status::Ok, v2.clone()));
    let first = versions[1]["id"].as_i64().unwrap();
    let (status, m) =
        json(app.client.post(format!("/api/v1/materials/{id}/versions/{first}/restore")).dispatch().await).await;
    assert_eq!(
        (status, m["version"].as_i64(), m["file_name"].as_str()),
        (Status::Ok, Some(1), Some("Case studies – Daejeon.pdf"))
    );

    // The enrolled participant lists and downloads it; an outsider sees only the public one.
    app.logout().await;
    assert_eq!(app.login("learner@example.org", PASSWORD).await, Status::SeeOther);
    let (_, list) = json(app.get("/api/v1/editions/itw-2027/materials").await).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(fetch(&app, &format!("/api/v1/materials/{id}/download")).await, (Status::Ok, v1.clone()));
    let (status, _) = json(app.get(&format!("/api/v1/materials/{id}/versions")).await).await;
    assert_eq!(status, Status::NotFound, "participants do not see versions");
    let (status, _) = json(app.client.delete(format!("/api/v1/materials/{id}")).dispatch().await).await;
    assert_eq!(status, Status::NotFound, "participants cannot delete");
    app.logout().await;
    app.login("outsider@example.org", PASSWORD).await;
    let (_, list) = json(app.get("/api/v1/editions/itw-2027/materials").await).await;
    assert_eq!(
        list.as_array().unwrap().iter().map(|m| m["title"].as_str().unwrap()).collect::<Vec<_>>(),
        ["Reading list"]
    );
    assert_eq!(fetch(&app, &format!("/api/v1/materials/{id}/download")).await.0, Status::NotFound);

    // The trainer deletes it: gone from the list and the link.
    app.logout().await;
    app.login("trainer@example.org", PASSWORD).await;
    let r = app.client.delete(format!("/api/v1/materials/{id}")).dispatch().await;
    assert_eq!(r.status(), Status::NoContent);
    let (_, list) = json(app.get("/api/v1/editions/itw-2027/materials").await).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(fetch(&app, &format!("/api/v1/materials/{id}/download")).await.0, Status::NotFound);
    let (status, e) =
        json(app.client.post(format!("/api/v1/materials/{id}/versions/{first}/restore")).dispatch().await).await;
    assert_eq!((status, e["error"]["code"].as_str()), (Status::NotFound, Some("not_found")));
}

#[rocket::async_test]
async fn the_api_lists_uploads_replaces_restores_deletes_and_serves_on_the_local_store() {
    api(false).await;
}

#[rocket::async_test]
async fn the_api_lists_uploads_replaces_restores_deletes_and_serves_on_s3() {
    api(true).await;
}

#[rocket::async_test]
async fn cross_site_uploads_are_refused() {
    let (app, _server) = app_on(false, 1024 * 1024).await;
    let trainer = app.login_as(Role::Participant).await;
    app.assign_trainer(ED, trainer).await;
    let (ct, body) = multipart(None, &[("title", "T"), ("visibility", "public")], "a.pdf", &pdf(10));
    let r = app
        .client
        .post("/api/v1/editions/itw-2027/materials")
        .header(ct)
        .header(rocket::http::Header::new("Origin", "https://evil.example"))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::Forbidden);
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 0);
}

#[rocket::async_test]
async fn the_edition_page_groups_materials_by_module_and_session() {
    let (app, _server) = app_on(false, 1024 * 1024).await;
    let trainer = user(&app, "trainer@example.org", Role::Participant).await;
    app.assign_trainer(ED, trainer.id).await;
    let session = app.first_session(ED).await;
    let describe = |title: &str| MaterialInput {
        title: title.into(),
        visibility: "participants".into(),
        ..MaterialInput::default()
    };
    let mut to_lesson = describe("Lesson handout");
    to_lesson.attach_to(&format!("lesson:triple-helix/{LESSON}"));
    let mut to_session = describe("Session slides");
    to_session.attach_to(&format!("session:{session}"));
    for (input, name) in
        [(describe("Programme booklet"), "booklet.pdf"), (to_lesson, "handout.pdf"), (to_session, "slides.pdf")]
    {
        materials::upload(&app.state, &trainer, ED, &input, name, &pdf(3000)[..]).await.unwrap();
    }
    let mut bad = describe("Nowhere");
    bad.attach_to("session:999999");
    let refused = materials::upload(&app.state, &trainer, ED, &bad, "x.pdf", &pdf(10)[..]).await;
    assert!(matches!(refused, Err(wta_academy::services::ServiceError::Invalid(_))));

    let learner = app.login_as(Role::Participant).await;
    app.enroll(ED, learner).await;
    let page = app.get("/editions/itw-2027").await.into_string().await.unwrap();
    let section = &page[page.find("id=\"materials\"").unwrap()..];
    let at = |needle: &str| section.find(needle).unwrap_or_else(|| panic!("{needle} missing"));
    // Edition-wide first, then the module (with the lesson named), then the session.
    assert!(at("For the whole edition") < at("Programme booklet"));
    assert!(at("Programme booklet") < at("Module: The triple helix and technopolis models"));
    assert!(at("Module: The triple helix") < at("Lesson handout") && at("Lesson handout") < at("Session: "));
    assert!(at("Session: ") < at("Session slides"));
    assert!(section.contains("PDF · 3 kB") && section.contains("updated on"), "type, size and date shown");

    // The participant downloads; without a session the same link is not found.
    let id: (i64,) = sqlx::query_as("SELECT id FROM materials WHERE title = 'Session slides'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(fetch(&app, &format!("/materials/{}/download", id.0)).await.0, Status::Ok);
    app.logout().await;
    assert!(matches!(
        materials::download(&app.state, None, id.0).await,
        Err(wta_academy::services::ServiceError::NotFound)
    ));
}
