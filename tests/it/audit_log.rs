//! The coordinators' audit log (search, pages, CSV and XLSX export), the rule that nothing but
//! `record()` writes it, and a participant's download of their own data.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rocket::http::Status;
use serde_json::Value;
use wta_academy::domain::role::Role;

use crate::support::{PASSWORD, TestApp};

const ED: &str = "itw-2027";

/// Adds an entry with a chosen time, as `record()` would have written it then.
async fn entry(app: &TestApp, at: &str, actor: Option<i64>, action: &str, subject: (&str, &str), reason: &str) {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before_json, after_json, reason) \
         VALUES ($1, $2, $3, $4, $5, '', '{\"note\":\"<b>bold</b>\"}', $6)",
    )
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(subject.0)
    .bind(subject.1)
    .bind(reason)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

async fn page(app: &TestApp, query: &str) -> String {
    let r = app.get(&format!("/manage/audit?{query}")).await;
    assert_eq!(r.status(), Status::Ok, "{query}");
    r.into_string().await.unwrap()
}

/// Attribute text as a browser reads it (templates escape `=` and `&` in links).
fn attr(html: &str) -> String {
    html.replace("&#x3D;", "=").replace("&amp;", "&")
}

/// The actions listed on a page, in order.
fn actions(html: &str) -> Vec<String> {
    html.split("<td><code>").skip(1).filter_map(|s| s.split("</code>").next()).map(str::to_string).collect()
}

/// A coordinator who saved the certificate settings through the page, an admin's role change
/// in January 2025, a system entry in February 2025 and an entry about an enrollment.
async fn fixture(app: &TestApp) -> (i64, i64) {
    app.import_content().await;
    let admin = app.create_user("head@example.org", "Head Admin", Role::Admin).await;
    let learner = app.create_user("learner@example.org", "Learner", Role::Participant).await;
    app.enroll(ED, learner).await;
    let (enrollment,): (i64,) = sqlx::query_as("SELECT id FROM enrollments WHERE user_id = $1")
        .bind(learner)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    entry(app, "2025-01-15T10:00:00.000000Z", Some(admin), "user.role_changed", ("user", &learner.to_string()), "")
        .await;
    entry(app, "2025-02-01T00:00:00.000000Z", None, "certificate.issue", (ED, "x"), "=HYPERLINK(\"http://evil\")")
        .await;
    entry(
        app,
        "2025-02-02T08:00:00.000000Z",
        Some(admin),
        "enrollment.state",
        ("enrollment", &enrollment.to_string()),
        "",
    )
    .await;
    let coord = app.create_user("Coord.Kim@example.org", "Kim Coordinator", Role::Coordinator).await;
    assert_eq!(app.login("coord.kim@example.org", PASSWORD).await, Status::SeeOther);
    let r = app.post_form(&format!("/manage/editions/{ED}/certificates/settings"), &[("lessons", "80")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    (coord, learner)
}

#[rocket::async_test]
async fn audit_log_lists_real_actions_and_filters_combine() {
    let app = TestApp::new().await;
    fixture(&app).await;

    let all = page(&app, "").await;
    assert_eq!(actions(&all), ["certificate.settings", "enrollment.state", "certificate.issue", "user.role_changed"]);
    assert!(all.contains("Kim Coordinator") && all.contains("coord.kim@example.org"), "who acted");
    assert!(all.contains("lessons_pct&quot;:80"), "the settings change is shown as compact JSON");
    assert!(all.contains(">system<"), "entries without an actor are the system's");
    assert!(all.contains("&lt;b&gt;bold&lt;/b&gt;") && !all.contains("<b>bold</b>"), "JSON is escaped");
    assert!(all.contains("href=\"/manage/audit\""), "linked from the navigation");

    assert_eq!(actions(&page(&app, "action=certificate.").await), ["certificate.settings", "certificate.issue"]);
    assert_eq!(actions(&page(&app, "action=certificate%25").await), Vec::<String>::new(), "% is not a wildcard");
    assert_eq!(actions(&page(&app, "actor=KIM%40").await), ["certificate.settings"]);
    assert_eq!(actions(&page(&app, "actor=head").await), ["enrollment.state", "user.role_changed"]);
    assert_eq!(
        actions(&page(&app, &format!("subject={ED}")).await),
        ["certificate.settings", "enrollment.state"],
        "an edition's own entries and those of its enrollments"
    );
    let id = app.edition_id(ED).await;
    assert_eq!(actions(&page(&app, &format!("subject={id}")).await), ["certificate.settings", "enrollment.state"]);
    assert_eq!(actions(&page(&app, "from=2025-01-15&to=2025-01-15").await), ["user.role_changed"], "to is inclusive");
    assert_eq!(actions(&page(&app, "from=2025-02-01&to=2025-02-28").await), ["enrollment.state", "certificate.issue"]);
    assert_eq!(actions(&page(&app, "to=2025-01-31").await), ["user.role_changed"]);
    assert_eq!(actions(&page(&app, "actor=head&from=2025-02-01&to=2025-12-31").await), ["enrollment.state"]);
    assert_eq!(actions(&page(&app, "action=user.&actor=kim").await), Vec::<String>::new());
    let kept = page(&app, "action=certificate.&from=2025-02-01").await;
    assert!(
        kept.contains("value=\"certificate.\"") && kept.contains("value=\"2025-02-01\""),
        "the form keeps the search"
    );
    assert!(attr(&kept).contains("/manage/audit.csv?action=certificate.&from=2025-02-01"), "export of the same search");
}

#[rocket::async_test]
async fn audit_log_explains_bad_searches_without_failing() {
    let app = TestApp::new().await;
    fixture(&app).await;
    for (query, message) in [
        ("from=2025-13-01", "The “from” date must be written as YYYY-MM-DD"),
        ("to=tomorrow", "The “to” date must be written as YYYY-MM-DD"),
        ("from=2025-03-01&to=2025-02-01", "The “to” date is before the “from” date."),
        ("page=0", "The page number must be a whole number from 1."),
        ("page=-1", "The page number must be a whole number from 1."),
        ("page=99999999999999999999999", "The page number must be a whole number from 1."),
    ] {
        let html = page(&app, query).await;
        assert!(html.contains(message), "{query}: {message}");
        assert!(actions(&html).is_empty(), "{query}: no entries under a message");
    }
    let far = page(&app, "page=1000000000").await;
    assert!(actions(&far).is_empty() && far.contains("No entries match this search."));
    assert_eq!(actions(&page(&app, "subject=%00%27%3B--&actor=%25%5F").await), Vec::<String>::new());
    assert_eq!(actions(&page(&app, "unknown=1&action=user.").await), ["user.role_changed"], "unknown keys are ignored");
}

#[rocket::async_test]
async fn audit_log_pages_by_fifty_newest_first() {
    let app = TestApp::new().await;
    fixture(&app).await;
    bulk(&app, 60, "2024-06-01T00:00:00.000000Z").await;
    let first = page(&app, "action=bulk.").await;
    assert_eq!(actions(&first).len(), 50);
    assert!(attr(&first).contains("href=\"?action=bulk.&page=2\""), "a link to the next page keeps the filter");
    let second = page(&app, "action=bulk.&page=2").await;
    assert_eq!(actions(&second).len(), 10);
    assert!(attr(&second).contains("page=1\"") && !attr(&second).contains("page=3\""));
    assert!(first.contains("bulk-60") && second.contains("bulk-1<"), "newest first");
}

/// `n` entries `bulk.entry` with reasons `bulk-1` … `bulk-n` (oldest first).
async fn bulk(app: &TestApp, n: i64, at: &str) {
    sqlx::query(
        "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $1) \
         INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before_json, after_json, reason) \
         SELECT $2, NULL, 'bulk.entry', 'edition', 'itw-2027', '', '', 'bulk-' || CAST(i AS TEXT) FROM k ORDER BY i",
    )
    .bind(n)
    .bind(at)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

#[rocket::async_test]
async fn audit_log_csv_has_every_matching_row_and_neutralises_formulas() {
    let app = TestApp::new().await;
    fixture(&app).await;
    bulk(&app, 1203, "2024-06-01T00:00:00.000000Z").await;
    let r = app.get("/manage/audit.csv").await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(rocket::http::ContentType::CSV));
    let disposition = r.headers().get_one("Content-Disposition").unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\"audit-log.csv\""), "{disposition}");
    let body = r.into_string().await.unwrap();
    assert!(
        body.starts_with("\u{feff}at,actor_name,actor_email,action,subject_type,subject_id,reason,before,after,id\r\n")
    );
    let lines: Vec<&str> = body.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 4 + 1203, "header and every row across batches, not one page");
    assert!(body.contains(",system,,certificate.issue,itw-2027,x,\"'=HYPERLINK(\"\"http://evil\"\")\","));
    assert!(!body.contains(",=HYPERLINK") && !body.contains(",\"=HYPERLINK"), "no cell starts with =");
    assert!(body.contains("Kim Coordinator,coord.kim@example.org,certificate.settings"));
    let ids: Vec<i64> = lines[1..].iter().map(|l| l.rsplit(',').next().unwrap().parse().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first, each row once");

    let filtered = app.get("/manage/audit.csv?action=certificate.&from=2025-01-01").await.into_string().await.unwrap();
    assert_eq!(filtered.trim_end().split("\r\n").count(), 3, "header, settings and issue");
    let bad = app.get("/manage/audit.csv?from=2025-99-01").await;
    assert_eq!(bad.status(), Status::Ok);
    assert_eq!(
        bad.into_string().await.unwrap().trim_end().split("\r\n").count(),
        1,
        "a bad search gives the header alone"
    );

    // The same search as a workbook: every row across batches, the header first.
    let xlsx = app.get("/manage/audit.xlsx").await;
    assert_eq!(xlsx.status(), Status::Ok);
    assert!(xlsx.headers().get_one("Content-Disposition").unwrap().contains("audit-log.xlsx"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.into_bytes().await.unwrap())).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
    assert_eq!(sheet.matches("<row ").count(), 1 + 4 + 1203, "header and every entry");
    assert!(sheet.contains("actor_email") && sheet.contains("coord.kim@example.org"));
}

#[rocket::async_test]
async fn audit_log_is_for_coordinators_only() {
    let app = TestApp::new().await;
    for path in ["/manage/audit", "/manage/audit.csv", "/manage/audit?action=user."] {
        assert_eq!(app.get(path).await.status(), Status::SeeOther, "anonymous {path}");
    }
    app.login_as(Role::Participant).await;
    for path in ["/manage/audit", "/manage/audit.csv", "/manage/audit?action=user."] {
        assert_eq!(app.get(path).await.status(), Status::NotFound, "participant {path}");
    }
    let html = app.get("/profile").await.into_string().await.unwrap();
    assert!(!html.contains("href=\"/manage/audit\""), "participants are not shown the link");
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn audit_log_is_only_ever_appended_to() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 50, "the sources are read");
    let mut writers = Vec::new();
    for f in &files {
        // Whitespace folded so that a statement split over lines is still found.
        let text = std::fs::read_to_string(f).unwrap().to_uppercase().split_whitespace().collect::<Vec<_>>().join(" ");
        for bad in ["UPDATE AUDIT_LOG", "DELETE FROM AUDIT_LOG", "TRUNCATE AUDIT_LOG", "DROP TABLE AUDIT_LOG"] {
            assert!(!text.contains(bad), "{} contains {bad}", f.display());
        }
        if text.contains("INSERT INTO AUDIT_LOG") {
            writers.push(f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string());
        }
    }
    assert_eq!(writers, ["src/repo/audit.rs"], "only record() writes the log");
}

#[rocket::async_test]
async fn audit_my_data_download_holds_the_callers_data_only() {
    let app = TestApp::new().await;
    app.import_content().await;
    assert_eq!(app.get("/profile/data.json").await.status(), Status::SeeOther, "anonymous go to the login page");
    let me = app.create_user("ana@example.org", "Ana Lima", Role::Participant).await;
    let other = app.create_user("otto@example.org", "Otto Other", Role::Participant).await;
    for (user, code) in [(me, "AAAA-BBBB-CCCC-DDDD-EEEE"), (other, "ZZZZ-YYYY-XXXX-WWWW-VVVV")] {
        app.enroll(ED, user).await;
        sqlx::query(
            "INSERT INTO certificates (enrollment_id, edition_id, user_id, code, name_latin, state, snapshot, issued_at) \
             SELECT id, edition_id, user_id, $1, 'Name', 'valid', '{}', '2027-09-01T00:00:00.000000Z' \
             FROM enrollments WHERE user_id = $2",
        )
        .bind(code)
        .bind(user)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    entry(&app, "2027-01-01T00:00:00.000000Z", Some(me), "enrollment.state", ("enrollment", "1"), "mine").await;
    entry(&app, "2027-01-01T00:00:00.000000Z", Some(other), "enrollment.state", ("enrollment", "2"), "theirs").await;

    assert_eq!(app.login("ana@example.org", PASSWORD).await, Status::SeeOther);
    let r = app.get("/profile/data.json").await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(rocket::http::ContentType::JSON));
    assert_eq!(r.headers().get_one("Content-Disposition"), Some("attachment; filename=\"wta-academy-data.json\""));
    let body = r.into_string().await.unwrap();
    let data: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(data["account"]["email"], "ana@example.org");
    assert_eq!(data["account"]["display_name"], "Ana Lima");
    assert_eq!(data["enrollments"][0]["edition"], ED);
    assert_eq!(data["enrollments"][0]["state"], "accepted");
    assert_eq!(data["certificates"][0]["code"], "AAAA-BBBB-CCCC-DDDD-EEEE");
    assert_eq!(data["certificates"].as_array().unwrap().len(), 1);
    assert_eq!(data["audit_entries"][0]["reason"], "mine");
    assert_eq!(data["audit_entries"][0]["after"]["note"], "<b>bold</b>");
    for key in [
        "lesson_progress",
        "attendance",
        "survey_submissions",
        "survey_answers",
        "name_corrections",
        "materials_uploaded",
    ] {
        assert!(data[key].is_array(), "{key} is listed");
    }
    for absent in ["otto@example.org", "Otto Other", "ZZZZ-YYYY", "theirs", "password", "$argon2", "token"] {
        assert!(!body.contains(absent), "the download holds {absent}");
    }
    let profile = app.get("/profile").await.into_string().await.unwrap();
    assert!(profile.contains("href=\"/profile/data.json\""), "linked from the profile page");
}
