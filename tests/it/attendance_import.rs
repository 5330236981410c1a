//! Importing an online session's attendance from the meeting report: thresholds at and
//! around 25 % and 75 %, a byte-order mark, semicolons, people on several lines, unknown and
//! not-enrolled people, a trainer's mark kept, previews that write nothing, unreadable files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::{ContentType, Status};
use serde_json::Value;

use crate::attendance::{ED, class, json_of, user};
use crate::support::{PASSWORD, TestApp};

/// Makes the session exactly 100 minutes long, so that 25 % and 75 % are whole minutes.
async fn hundred_minutes(app: &TestApp, session: i64) {
    sqlx::query("UPDATE edition_sessions SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind("2027-10-11T00:30:00.000000Z")
        .bind("2027-10-11T02:10:00.000000Z")
        .bind(session)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

async fn marks(app: &TestApp, session: i64) -> Vec<(String, String, String, Option<i64>)> {
    sqlx::query_as(
        "SELECT u.email, a.status, a.source, a.minutes FROM session_attendance a JOIN users u ON u.id = a.user_id \
         WHERE a.session_id = $1 ORDER BY u.email",
    )
    .bind(session)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

/// A multipart form with these text fields only.
fn form(fields: &[(&str, &str)]) -> (ContentType, Vec<u8>) {
    let boundary = "AttendanceBoundary3";
    let mut b = Vec::new();
    for (name, value) in fields {
        b.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    b.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (ContentType::new("multipart", "form-data").with_params(("boundary", boundary)), b)
}

async fn post_multipart(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (Status, String) {
    let (ct, body) = form(fields);
    let r = app.client.post(path.to_string()).header(ct).body(body).dispatch().await;
    (r.status(), r.into_string().await.unwrap_or_default())
}

#[rocket::async_test]
async fn a_report_marks_people_by_their_share_of_the_session() {
    let c = class().await;
    let app = &c.app;
    hundred_minutes(app, c.session).await;
    for (email, name) in [("c75@example.org", "Chen"), ("d74@example.org", "Dara"), ("e24@example.org", "Elif")] {
        let u = user(app, email, name).await;
        app.enroll(ED, u.id).await;
    }
    app.login("trainer@example.org", PASSWORD).await;
    // A trainer's hand mark stays; the report would make Elif absent anyway.
    let put = format!("/api/v1/sessions/{}/attendance/{}", c.session, c.bao.id);
    app.put_json(&put, serde_json::json!({ "status": "excused" })).await;
    let path = format!("/manage/editions/{ED}/sessions/{}/attendance/import", c.session);
    let page = app.get(&path).await.into_string().await.unwrap();
    assert!(page.contains("100 minutes counts as present"), "the page names the session's length");

    // Semicolons, a header, decimal commas, and Anna on two lines (40 + 35 = 75 %: present).
    let report = "Email;Minutes\n\
                  anna@example.org;40\n\
                  C75@example.org;75\n\
                  d74@example.org;74,9\n\
                  e24@example.org;24\n\
                  bao@example.vn;100\n\
                  nobody@example.org;90\n\
                  outsider@example.org;90\n\
                  anna@example.org;35\n\
                  broken-line;12\n";
    let token = app.csrf().await;
    let (status, html) = post_multipart(app, &path, &[("csrf_token", &token), ("csv", report)]).await;
    assert_eq!(status, Status::Ok, "{html}");
    assert!(html.contains("Check before importing"));
    assert!(html.contains("4 marked, 1 kept as set by hand, 3 skipped."), "{html}");
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 1, "a preview writes nothing");

    let (status, html) = post_multipart(app, &path, &[("csrf_token", &token), ("csv", report), ("confirm", "1")]).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Attendance imported"));
    for text in [
        "<td>7</td><td>nobody@example.org</td><td>90</td><td>Skipped<br><span class=\"muted\">No account has this email address.",
        "<td>8</td><td>outsider@example.org</td><td>90</td><td>Skipped<br><span class=\"muted\">This person is not a participant of this edition.",
        "<td>9</td><td>anna@example.org</td><td>35</td><td>Added up<br><span class=\"muted\">Added to the minutes on line 2.",
        "<td>6</td><td>bao@example.vn</td><td>100</td><td>Kept: Excused",
    ] {
        assert!(html.contains(text), "the report shows {text:?}");
    }
    assert!(html.contains("<td>10</td><td>broken-line</td>"), "an unreadable line is listed with its number");
    let got = marks(app, c.session).await;
    let expect = [
        ("anna@example.org", "present", "import", Some(75)),
        ("bao@example.vn", "excused", "roster", None),
        ("c75@example.org", "present", "import", Some(75)),
        ("d74@example.org", "late", "import", Some(74)),
        ("e24@example.org", "absent", "import", Some(24)),
    ];
    assert_eq!(got.len(), expect.len());
    for (g, e) in got.iter().zip(expect) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str(), g.3), e);
    }
    let audit = app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'attendance.import'").await;
    assert_eq!(audit, 1, "the import is in the audit log, the preview is not");
}

#[rocket::async_test]
async fn the_api_reads_a_bom_and_commas_and_a_dry_run_writes_nothing() {
    let c = class().await;
    let app = &c.app;
    hundred_minutes(app, c.session).await;
    app.login("trainer@example.org", PASSWORD).await;
    let url = format!("/api/v1/sessions/{}/attendance/import", c.session);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    // No header: 25 minutes is exactly 25 %, late; 24 would be absent.
    bytes.extend_from_slice(b"anna@example.org,25\r\nbao@example.vn,24.9\r\n");
    let send = |dry: bool, body: Vec<u8>| {
        let target = if dry { format!("{url}?dry_run=true") } else { url.clone() };
        app.client.post(target).header(ContentType::CSV).body(body).dispatch()
    };
    let (status, report) = json_of(send(true, bytes.clone()).await).await;
    assert_eq!(status, Status::Ok, "{report}");
    assert_eq!((report["preview"].as_bool(), report["marked"].as_u64()), (Some(true), Some(2)), "{report}");
    assert_eq!(report["session_minutes"].as_i64(), Some(100));
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 0);
    let (status, report) = json_of(send(false, bytes).await).await;
    assert_eq!(status, Status::Ok);
    let lines: Vec<(i64, String)> = report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["line"].as_i64().unwrap(), l["status"].as_str().unwrap_or_default().to_string()))
        .collect();
    assert_eq!(lines, [(1, "late".to_string()), (2, "absent".to_string())]);
    assert_eq!(marks(app, c.session).await.len(), 2);

    // A file in another encoding is refused whole: nothing changes.
    let mut latin1 = b"anna@example.org,90\nbao@example.vn,9".to_vec();
    latin1.push(0xE9);
    let (status, body) = json_of(send(false, latin1).await).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(body["error"]["code"], "invalid_input");
    assert!(body["error"]["fields"]["file"].as_str().unwrap().contains("UTF-8"), "{body}");
    let (status, _) = json_of(send(false, b"  \n".to_vec()).await).await;
    assert_eq!(status, Status::UnprocessableEntity, "an empty file");
    let statuses: Vec<String> = marks(app, c.session).await.into_iter().map(|m| m.1).collect();
    assert_eq!(statuses, ["late", "absent"], "unchanged by the refused files");

    // Participants cannot import.
    app.logout().await;
    app.login("anna@example.org", PASSWORD).await;
    let (status, body): (Status, Value) = json_of(send(false, b"anna@example.org,100\n".to_vec()).await).await;
    assert_eq!((status, body["error"]["code"].as_str()), (Status::NotFound, Some("not_found")));
}

#[rocket::async_test]
async fn the_import_form_refuses_a_missing_token_and_an_unreadable_file() {
    let c = class().await;
    let app = &c.app;
    app.login("trainer@example.org", PASSWORD).await;
    let path = format!("/manage/editions/{ED}/sessions/{}/attendance/import", c.session);
    let (status, _) = post_multipart(app, &path, &[("csv", "anna@example.org,90"), ("confirm", "1")]).await;
    assert_eq!(status, Status::Forbidden);
    let token = app.csrf().await;
    let (status, html) = post_multipart(app, &path, &[("csrf_token", &token), ("csv", "")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("role=\"alert\""), "the page says why");
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 0);
}
