//! Materials on both file stores: who may upload and see them, versions, bad files, and a
//! store that is down. The S3 cases run against s3s-fs, which checks signatures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use wta_academy::config::StorageConfig;
use wta_academy::domain::role::Role;
use wta_academy::domain::user::User;
use wta_academy::services::ServiceError;
use wta_academy::services::materials::{self, MaterialInput};
use wta_academy::storage::Download;

use crate::support::TestApp;
use crate::support::s3_server::{S3Server, http_get};

pub const ED: &str = "itw-2027";

pub fn pdf(n: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    v.extend((0..n).map(|i| u8::try_from(i % 200).unwrap() + 32));
    v
}

fn input(visibility: &str) -> MaterialInput {
    MaterialInput {
        title: "Governance models of science parks".into(),
        description: "Slides of the first lecture.".into(),
        visibility: visibility.into(),
        module: "stp-governance".into(),
        ..MaterialInput::default()
    }
}

pub async fn user(app: &TestApp, email: &str, role: Role) -> User {
    let id = app.create_user(email, "Person", role).await;
    let mut conn = app.conn().await;
    wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap()
}

/// A test app on the local store, or on a fresh S3 server (kept alive by the return value).
pub async fn app_on(s3: bool, max_bytes: u64) -> (TestApp, Option<S3Server>) {
    let server = s3.then(S3Server::start);
    let settings = server.as_ref().map(S3Server::settings);
    let app = TestApp::with(move |c| {
        if let Some(s) = settings {
            c.storage = StorageConfig::S3(s);
        }
        c.max_upload_bytes = max_bytes;
    })
    .await;
    app.import_content().await;
    (app, server)
}

async fn objects(app: &TestApp) -> usize {
    app.state.storage.list("").await.unwrap().len()
}

async fn upload_and_see(s3: bool) {
    let (app, _server) = app_on(s3, 2 * 1024 * 1024).await;
    let trainer = user(&app, "trainer@example.org", Role::Participant).await;
    app.assign_trainer(ED, trainer.id).await;
    let learner = user(&app, "learner@example.org", Role::Participant).await;
    app.enroll(ED, learner.id).await;
    let outsider = user(&app, "outsider@example.org", Role::Participant).await;
    let coordinator = user(&app, "coord@example.org", Role::Coordinator).await;

    let data = pdf(300_000);
    let m = materials::upload(&app.state, &trainer, ED, &input("participants"), "Bài giảng 1.pdf", &data[..])
        .await
        .unwrap();
    assert_eq!(
        (m.version, m.size, m.content_type.as_str()),
        (1, i64::try_from(data.len()).unwrap(), "application/pdf")
    );
    assert_eq!(app.state.storage.sha256(&m.object_key).await.unwrap(), m.sha256);
    assert!(m.object_key.starts_with("materials/") && !m.object_key.contains("Bài"), "generated key");

    // Participants of the edition see it; others do not.
    let mut conn = app.conn().await;
    let ed = wta_academy::repo::programs::edition_by_slug(&mut conn, ED).await.unwrap().unwrap();
    for (who, seen) in [(Some(&learner), 1), (Some(&outsider), 0), (None, 0)] {
        let access = wta_academy::services::learning::access(&mut conn, &ed, who).await.unwrap();
        let content = app.state.content.at(&mut conn).await.unwrap();
        assert_eq!(materials::visible(&mut conn, &content, &ed, access).await.unwrap().len(), seen);
    }
    drop(conn);
    assert!(matches!(materials::download(&app.state, Some(&outsider), m.id).await, Err(ServiceError::NotFound)));
    let (_, d) = materials::download(&app.state, Some(&learner), m.id).await.unwrap();
    match d {
        Download::Redirect(url) => {
            assert!(s3);
            let (status, _, body) = http_get(&url);
            assert_eq!((status, body.len()), (200, data.len()));
        }
        Download::File(path) => {
            assert!(!s3);
            assert_eq!(std::fs::read(path).unwrap(), data);
        }
    }

    // Only trainers of the edition and coordinators upload; nothing is stored otherwise.
    for who in [&learner, &outsider] {
        let r = materials::upload(&app.state, who, ED, &input("public"), "x.pdf", &pdf(10)[..]).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{r:?}");
    }
    let r = materials::upload(&app.state, &trainer, "itw-2019", &input("public"), "x.pdf", &pdf(10)[..]).await;
    assert!(matches!(r, Err(ServiceError::NotFound)), "a trainer of one edition only");
    assert_eq!(objects(&app).await, 1);

    // Versions: a replacement is served; the earlier one can be restored.
    let v2 = materials::replace(&app.state, &coordinator, m.id, "Bài giảng 1 (sửa).pdf", &pdf(1000)[..]).await.unwrap();
    assert_eq!((v2.version, v2.file_name.as_str()), (2, "Bài giảng 1 (sửa).pdf"));
    let restored = materials::restore(&app.state, &trainer, m.id, m.version_id).await.unwrap();
    assert_eq!(restored.version, 1);
    assert_eq!(objects(&app).await, 2, "both versions kept");

    // Trainers-only material; public material.
    let private =
        materials::upload(&app.state, &trainer, ED, &input("trainers"), "notes.txt", &b"Room keys at the desk."[..])
            .await
            .unwrap();
    assert!(matches!(materials::download(&app.state, Some(&learner), private.id).await, Err(ServiceError::NotFound)));
    let public =
        materials::upload(&app.state, &trainer, ED, &input("public"), "map.png", &b"\x89PNG\r\n\x1a\nrest"[..])
            .await
            .unwrap();
    assert!(materials::download(&app.state, None, public.id).await.is_ok());

    // Deleting hides it at once.
    materials::delete(&app.state, &trainer, public.id).await.unwrap();
    assert!(matches!(materials::download(&app.state, None, public.id).await, Err(ServiceError::NotFound)));
}

#[rocket::async_test]
async fn materials_on_the_local_store() {
    upload_and_see(false).await;
}

#[rocket::async_test]
async fn materials_on_s3() {
    upload_and_see(true).await;
}

async fn bad_files_leave_nothing(s3: bool) {
    let (app, _server) = app_on(s3, 64 * 1024).await;
    let trainer = user(&app, "trainer@example.org", Role::Participant).await;
    app.assign_trainer(ED, trainer.id).await;
    let mut exe = b"MZ\x90\x00".to_vec();
    exe.extend_from_slice(&[0u8; 100]);
    let cases: Vec<(&str, Vec<u8>, MaterialInput, &str)> = vec![
        ("empty.pdf", Vec::new(), input("public"), "err-file-empty"),
        ("big.pdf", pdf(100 * 1024), input("public"), "err-file-too-large"),
        ("slides.pdf", exe, input("public"), "err-file-type"),
        ("photo.png", b"<!DOCTYPE html><script>alert(1)</script>".to_vec(), input("public"), "err-file-type"),
        ("../../etc/passwd", pdf(10), input("public"), "err-file-name"),
        ("nul\0.pdf", pdf(10), input("public"), "err-file-name"),
        ("ok.pdf", pdf(10), input("everyone"), "err-visibility-unknown"),
        ("ok.pdf", pdf(10), MaterialInput { title: String::new(), ..input("public") }, "err-title-required"),
        (
            "ok.pdf",
            pdf(10),
            MaterialInput { module: "no-such-module".into(), ..input("public") },
            "err-module-not-in-course",
        ),
    ];
    for (name, data, form, key) in cases {
        match materials::upload(&app.state, &trainer, ED, &form, name, &data[..]).await {
            Err(ServiceError::Invalid(e)) => assert_eq!(e.0.first().map(|f| f.key), Some(key), "{name}"),
            other => panic!("{name}: expected {key}, got {other:?}"),
        }
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM material_versions").await, 0);
    assert_eq!(objects(&app).await, 0, "nothing left in the store");
}

#[rocket::async_test]
async fn bad_files_leave_nothing_on_the_local_store() {
    bad_files_leave_nothing(false).await;
}

#[rocket::async_test]
async fn bad_files_leave_nothing_on_s3() {
    bad_files_leave_nothing(true).await;
}

#[rocket::async_test]
async fn with_the_store_down_uploads_are_refused_and_leave_no_row_then_succeed_again() {
    let (app, server) = app_on(true, 1024 * 1024).await;
    let mut server = server.unwrap();
    let trainer = user(&app, "trainer@example.org", Role::Participant).await;
    app.assign_trainer(ED, trainer.id).await;
    let root = server.root.clone();
    server.stop();
    let r = materials::upload(&app.state, &trainer, ED, &input("public"), "a.pdf", &pdf(100)[..]).await;
    assert!(matches!(r, Err(ServiceError::Unavailable("err-storage-unavailable"))), "{r:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 0);
    // The same store comes back on the same port: the same upload succeeds, no restart.
    let again = S3Server::start_at(server.port, &root);
    materials::upload(&app.state, &trainer, ED, &input("public"), "a.pdf", &pdf(100)[..]).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 1);
    drop(again);
}

pub fn multipart(
    token: Option<&str>,
    fields: &[(&str, &str)],
    file_name: &str,
    file: &[u8],
) -> (rocket::http::ContentType, Vec<u8>) {
    multipart_named(token, fields, "file", file_name, file)
}

/// A multipart body whose file field is called `field`.
pub fn multipart_named(
    token: Option<&str>,
    fields: &[(&str, &str)],
    field_name: &str,
    file_name: &str,
    file: &[u8],
) -> (rocket::http::ContentType, Vec<u8>) {
    let boundary = "MaterialBoundary7";
    let mut b = Vec::new();
    let mut field = |name: &str, value: &str| {
        b.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    };
    if let Some(t) = token {
        field("csrf_token", t);
    }
    for (k, v) in fields {
        field(k, v);
    }
    b.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field_name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    b.extend_from_slice(file);
    b.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (rocket::http::ContentType::new("multipart", "form-data").with_params(("boundary", boundary)), b)
}

async fn pages(s3: bool) {
    use rocket::http::{Header, Status};
    let (app, _server) = app_on(s3, 2 * 1024 * 1024).await;
    let trainer = app.login_as(Role::Participant).await;
    app.assign_trainer(ED, trainer).await;
    let data = pdf(50_000);
    let fields = [("title", "Opening slides"), ("visibility", "public"), ("attach", "module:triple-helix")];
    let (ct, body) = multipart(None, &fields, "Mở đầu.pdf", &data);
    let r = app.client.post("/manage/editions/itw-2027/materials").header(ct).body(body).dispatch().await;
    assert_eq!(r.status(), Status::Forbidden, "no token, no upload");
    let token = app.csrf().await;
    let (ct, body) = multipart(Some(&token), &fields, "Mở đầu.pdf", &data);
    let r = app.client.post("/manage/editions/itw-2027/materials").header(ct).body(body).dispatch().await;
    assert_eq!(r.status(), Status::SeeOther);
    let (ct, body) = multipart(Some(&token), &fields, "run.pdf", b"MZ\x90\x00binary");
    app.client.post("/manage/editions/itw-2027/materials").header(ct).body(body).dispatch().await;
    let page = app.get("/manage/editions/itw-2027/materials").await.into_string().await.unwrap();
    assert!(page.contains("This type of file is not accepted."), "the refusal is shown");
    let (ct, body) = multipart(Some(&token), &fields, "huge.pdf", &pdf(3 * 1024 * 1024));
    let r = app.client.post("/manage/editions/itw-2027/materials").header(ct).body(body).dispatch().await;
    assert_eq!(r.status(), Status::SeeOther, "a file over the limit comes back to the form");
    let page = app.get("/manage/editions/itw-2027/materials").await.into_string().await.unwrap();
    assert!(page.contains("The file is larger than the upload limit."), "the limit is named");
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 1);
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM materials").fetch_one(&app.state.db.pool).await.unwrap();

    // Anyone sees the public material on the edition page and can download it.
    app.logout().await;
    let page = app.get("/editions/itw-2027").await.into_string().await.unwrap();
    assert!(page.contains("Opening slides") && page.contains("Mở đầu.pdf"));
    let url = format!("/materials/{id}/download");
    if s3 {
        let r = app.get(&url).await;
        assert_eq!(r.status(), Status::SeeOther);
        let location = r.headers().get_one("Location").unwrap().to_string();
        assert!(location.starts_with("http://127.0.0.1:") && location.contains("X-Amz-Signature="));
        assert_eq!(http_get(&location).2, data);
    } else {
        let r = app.get(&url).await;
        assert_eq!(r.status(), Status::Ok);
        assert!(r.headers().get_one("Content-Disposition").unwrap().contains("filename*=UTF-8''M%E1%BB%9F"));
        assert_eq!(r.into_bytes().await.unwrap(), data);
        let r = app.client.get(url.clone()).header(Header::new("Range", "bytes=9-18")).dispatch().await;
        assert_eq!(r.status(), Status::PartialContent);
        assert_eq!(r.headers().get_one("Content-Range"), Some(format!("bytes 9-18/{}", data.len()).as_str()));
        assert_eq!(r.into_bytes().await.unwrap(), data[9..=18].to_vec());
        let r = app.client.get(url).header(Header::new("Range", "bytes=999999-")).dispatch().await;
        assert_eq!(r.status(), Status::RangeNotSatisfiable);
    }
}

#[rocket::async_test]
async fn the_pages_upload_list_and_serve_on_the_local_store() {
    pages(false).await;
}

#[rocket::async_test]
async fn the_pages_upload_list_and_serve_on_s3() {
    pages(true).await;
}

async fn verify_and_gc(s3: bool) {
    use wta_academy::services::storage_check::{self, Finding};
    let (app, _server) = app_on(s3, 1024 * 1024).await;
    let trainer = user(&app, "trainer@example.org", Role::Participant).await;
    app.assign_trainer(ED, trainer.id).await;
    let mut made = Vec::new();
    for name in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] {
        made.push(materials::upload(&app.state, &trainer, ED, &input("public"), name, &pdf(5000)[..]).await.unwrap());
    }
    let (checked, findings) = storage_check::verify(&app.state).await.unwrap();
    assert_eq!((checked, findings.len()), (4, 0));

    // Plant: a missing object, changed content of the same size, and an orphan.
    app.state.storage.delete(&made[0].object_key).await.unwrap();
    let mut changed = pdf(5000);
    changed[100] ^= 1;
    app.state.storage.put(&made[1].object_key, &changed[..], 1_000_000, "application/pdf").await.unwrap();
    app.state
        .storage
        .put("materials/1/orphan-planted", &b"%PDF-1.7 orphan"[..], 1000, "application/pdf")
        .await
        .unwrap();
    let (_, findings) = storage_check::verify(&app.state).await.unwrap();
    assert_eq!(
        findings,
        vec![
            Finding::Missing { key: made[0].object_key.clone() },
            Finding::HashDiffers { key: made[1].object_key.clone() },
        ]
    );

    // A fresh orphan is left alone (it may be an upload in flight).
    let done = storage_check::gc(&app.state).await.unwrap();
    assert!(done.orphans.is_empty());
    // A material deleted 31 days ago loses its files and rows.
    materials::delete(&app.state, &trainer, made[2].id).await.unwrap();
    let long_ago = wta_academy::db::now().plus_minutes(-31 * 24 * 60).db();
    sqlx::query("UPDATE materials SET deleted_at = $1 WHERE id = $2")
        .bind(long_ago)
        .bind(made[2].id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let done = storage_check::gc(&app.state).await.unwrap();
    assert_eq!((done.expired_objects, done.expired_materials), (1, 1));
    assert_eq!(app.state.storage.size(&made[2].object_key).await.unwrap(), None);
    assert_eq!(app.count("SELECT COUNT(*) FROM materials").await, 3);
    assert!(materials::download(&app.state, None, made[3].id).await.is_ok(), "live material untouched");

    if !s3 {
        // An orphan older than an hour goes; the command line says so and exits 1.
        let path = app.dir.path().join("objects/materials/1/orphan-planted");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(old).unwrap();
        let run = |args: &[&str]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_wta-academy"))
                .args(args)
                .env("WTA_DATABASE_URL", &app.state.config.database_url)
                .env("WTA_DATA_DIR", app.dir.path())
                .env("WTA_LOG", "error")
                .output()
                .unwrap()
        };
        let out = run(&["storage", "verify"]);
        assert!(!out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("missing object: materials/")
                && text.contains("content differs:")
                && text.contains("2 problem(s)"),
            "{text}"
        );
        let out = run(&["storage", "gc"]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("removed orphan object: materials/1/orphan-planted"));
        let out = run(&["storage", "gc"]);
        assert!(out.status.success(), "nothing left to clean");
    }
}

#[rocket::async_test]
async fn verify_and_gc_find_what_was_planted_on_the_local_store() {
    verify_and_gc(false).await;
}

#[rocket::async_test]
async fn verify_and_gc_find_what_was_planted_on_s3() {
    verify_and_gc(true).await;
}
