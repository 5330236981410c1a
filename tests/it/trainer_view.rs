//! The participants' progress for an edition's trainers and coordinators (page, CSV, XLSX)
//! and the participant directory, with who may see what.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;

use rocket::http::Status;
use wta_academy::db::{Timestamp, now};
use wta_academy::domain::role::Role;
use wta_academy::i18n::t;

use crate::support::{PASSWORD, TestApp};

const ED: &str = "itw-2027";

/// The people of the fixture: a trainer of the edition and three participants.
struct Fixture {
    lessons: i64,
}

const TRAINER: &str = "trainer.park@example.org";
const LIEM: &str = "liem@example.vn";
const HEO: &str = "heo@example.kr";
const ANNA: &str = "anna@example.ru";

/// An accepted participant with the application's details.
async fn participant(app: &TestApp, email: &str, details: [&str; 5], consent: i64, state: &str) -> i64 {
    let [latin, native, country, organisation, position] = details;
    let id = app.create_user(email, latin, Role::Participant).await;
    app.enroll(ED, id).await;
    sqlx::query(
        "UPDATE enrollments SET certificate_name_latin = $1, certificate_name_native = $2, country = $3, \
         organisation = $4, position = $5, consent_listed = $6, state = $7 WHERE user_id = $8",
    )
    .bind(latin)
    .bind(native)
    .bind(country)
    .bind(organisation)
    .bind(position)
    .bind(consent)
    .bind(state)
    .bind(id)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    id
}

async fn do_lessons(app: &TestApp, user: i64, n: usize) {
    let ed = app.edition_id(ED).await;
    let mut conn = app.conn().await;
    let lessons = wta_academy::repo::library::course_lessons(&mut conn, ed, "en").await.unwrap();
    for l in lessons.iter().take(n) {
        wta_academy::repo::learning::mark_done(&mut conn, ed, user, l.lesson_id).await.unwrap();
    }
}

async fn mark(app: &TestApp, session: i64, user: i64, status: &str) {
    sqlx::query(
        "INSERT INTO session_attendance (session_id, user_id, status, source, marked_at) VALUES ($1, $2, $3, 'roster', $4)",
    )
    .bind(session)
    .bind(user)
    .bind(status)
    .bind(now().db())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

/// Liêm (Viet Nam, listed): 3 lessons, present, present, late and excused at the four sessions
/// held. Heo (Korea, not listed): no lesson, present once and absent three times. Anna
/// (Russia, listed, completed): every lesson, no marks.
async fn setup(app: &TestApp) -> Fixture {
    app.import_content().await;
    let trainer = app.create_user(TRAINER, "Park Seo-yeon", Role::Participant).await;
    app.assign_trainer(ED, trainer).await;
    let liem = participant(
        app,
        LIEM,
        ["Tran Thanh Liem", "Trần Thanh Liêm", "VN", "Binh Duong Science Park", "Director"],
        1,
        "accepted",
    )
    .await;
    let heo =
        participant(app, HEO, ["Heo Tae-jeong", "허태정", "KR", "Daejeon Technopolis", "Mayor"], 0, "accepted").await;
    let anna =
        participant(app, ANNA, ["Anna Smirnova", "Анна Смирнова", "RU", "Akademgorodok", "Analyst"], 1, "completed")
            .await;
    // Four sessions held (moved into the past); the others are still to come.
    let ed = app.edition_id(ED).await;
    let sessions: Vec<(i64,)> = sqlx::query_as("SELECT id FROM edition_sessions WHERE edition_id = $1 ORDER BY id")
        .bind(ed)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert!(sessions.len() > 4, "the edition has more than four sessions");
    for (i, (sid,)) in sessions.iter().take(4).enumerate() {
        let day = Timestamp::parse(&format!("2020-03-0{}T09:00:00Z", i + 1)).unwrap().db();
        let end = Timestamp::parse(&format!("2020-03-0{}T10:00:00Z", i + 1)).unwrap().db();
        sqlx::query("UPDATE edition_sessions SET starts_at = $1, ends_at = $2 WHERE id = $3")
            .bind(day)
            .bind(end)
            .bind(sid)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    let s: Vec<i64> = sessions.iter().map(|s| s.0).collect();
    for (sid, status) in s.iter().zip(["present", "present", "late", "excused"]) {
        mark(app, *sid, liem, status).await;
    }
    for (sid, status) in s.iter().zip(["present", "absent", "absent", "absent"]) {
        mark(app, *sid, heo, status).await;
    }
    let mut conn = app.conn().await;
    let lessons = wta_academy::repo::library::course_lessons(&mut conn, ed, "en").await.unwrap().len();
    drop(conn);
    do_lessons(app, liem, 3).await;
    do_lessons(app, anna, lessons).await;
    Fixture { lessons: i64::try_from(lessons).unwrap() }
}

async fn login(app: &TestApp, email: &str) {
    app.logout().await;
    assert_eq!(app.login(email, PASSWORD).await, Status::SeeOther, "login as {email}");
}

async fn page(app: &TestApp, path: &str) -> (Status, String) {
    let r = app.get(path).await;
    (r.status(), r.into_string().await.unwrap_or_default())
}

/// The data row of the table that names `who` (from its `<tr>` to its `</tr>`).
fn row_of<'a>(html: &'a str, who: &str) -> &'a str {
    let at = html.find(&format!("<th scope=\"row\">{who}")).unwrap_or_else(|| panic!("a row for {who}"));
    let start = html[..at].rfind("<tr>").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    &html[start..end]
}

#[rocket::async_test]
async fn a_trainer_sees_progress_and_attendance_without_emails() {
    let app = TestApp::new().await;
    let fx = setup(&app).await;
    login(&app, TRAINER).await;
    let (status, html) = page(&app, "/editions/itw-2027/progress").await;
    assert_eq!(status, Status::Ok);
    for email in [LIEM, HEO, ANNA] {
        assert!(!html.contains(email), "no e-mail address for trainers: {email}");
    }
    assert!(!html.contains("mailto:"));
    // Sorted by name: Anna, Heo, Tran.
    let (a, h, l) = (
        html.find("Anna Smirnova").unwrap(),
        html.find("Heo Tae-jeong").unwrap(),
        html.find("Tran Thanh Liem").unwrap(),
    );
    assert!(a < h && h < l, "by name");
    let liem = row_of(&html, "Tran Thanh Liem");
    assert!(liem.contains("(Trần Thanh Liêm)"), "{liem}");
    assert!(liem.contains("Viet Nam") || liem.contains("Vietnam"), "{liem}");
    let pct = 3 * 100 / fx.lessons;
    assert!(liem.contains(&format!("3 / {} · {pct}%", fx.lessons)), "{liem}");
    assert!(liem.contains(&format!("<progress max=\"100\" value=\"{pct}\"")), "{liem}");
    // Present, present, late of four held; the excused one leaves the denominator.
    assert!(liem.contains("3 / 4 · 100%"), "{liem}");
    let heo = row_of(&html, "Heo Tae-jeong");
    assert!(heo.contains("(허태정)") && heo.contains("1 / 4 · 25%"), "{heo}");
    assert!(heo.contains(&format!("0 / {} · 0%", fx.lessons)), "{heo}");
    let anna = row_of(&html, "Anna Smirnova");
    assert!(anna.contains(&format!("{0} / {0} · 100%", fx.lessons)) && anna.contains("0 / 4 · 0%"), "{anna}");
    assert!(anna.contains("Completed"), "{anna}");
    // Summary: 3 participants, lessons (3 + 0 + all) over 3 × all, attendance 4 of 11, 1 completed.
    let avg = (3 + fx.lessons) * 100 / (3 * fx.lessons);
    assert!(html.contains(&format!("<dd>{avg}%</dd>")), "average lesson progress {avg}");
    assert!(html.contains(&format!("<dd>{}%</dd>", 4 * 100 / 11)), "attendance rate");
    assert!(html.contains("<dd>3</dd>") && html.contains("<dd>1</dd>"), "participants and completed");

    // Filters in the address.
    let (_, vn) = page(&app, "/editions/itw-2027/progress?country=VN").await;
    assert!(vn.contains("Tran Thanh Liem") && !vn.contains("Heo Tae-jeong") && !vn.contains("Anna Smirnova"));
    let (_, done) = page(&app, "/editions/itw-2027/progress?state=completed").await;
    assert!(done.contains("Anna Smirnova") && !done.contains("Tran Thanh Liem"));
    let (_, q) = page(&app, "/editions/itw-2027/progress?q=LI%C3%8AM").await;
    assert!(q.contains("Tran Thanh Liem") && !q.contains("Heo Tae-jeong"), "search in the native name, any case");
    let (_, sorted) = page(&app, "/editions/itw-2027/progress?sort=lessons").await;
    assert!(sorted.find("Anna Smirnova").unwrap() < sorted.find("Tran Thanh Liem").unwrap());
    assert!(sorted.find("Tran Thanh Liem").unwrap() < sorted.find("Heo Tae-jeong").unwrap());

    // The CSV has the same numbers, and no e-mail column.
    let r = app.get("/editions/itw-2027/progress.csv").await;
    assert_eq!(r.status(), Status::Ok);
    let disposition = r.headers().get_one("Content-Disposition").unwrap().to_string();
    assert!(disposition.contains("progress-itw-2027.csv"), "{disposition}");
    let csv = r.into_string().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(!lines[0].contains("Email") && !csv.contains('@'), "{}", lines[0]);
    let liem: Vec<&str> = lines.iter().find(|l| l.starts_with("Tran Thanh Liem,")).unwrap().split(',').collect();
    let total = fx.lessons.to_string();
    assert_eq!(liem[1], "Trần Thanh Liêm");
    assert_eq!(
        &liem[4..],
        ["Accepted", "3", total.as_str(), &format!("{:.1}", 300.0 / fx.lessons as f64), "3", "4", "1", "100.0", "No"]
    );
    let heo: Vec<&str> = lines.iter().find(|l| l.starts_with("Heo Tae-jeong,")).unwrap().split(',').collect();
    assert_eq!(&heo[5..], ["0", total.as_str(), "0.0", "1", "4", "0", "25.0", "No"]);

    // The XLSX is a zip whose shared strings keep the names intact.
    let r = app.get("/editions/itw-2027/progress.xlsx").await;
    assert_eq!(r.status(), Status::Ok);
    let bytes = r.into_bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip file");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = String::new();
    archive.by_name("xl/sharedStrings.xml").unwrap().read_to_string(&mut strings).unwrap();
    for name in ["Trần Thanh Liêm", "허태정", "Анна Смирнова", "Lessons in the course"] {
        assert!(strings.contains(name), "{name} in the workbook");
    }
    assert!(!strings.contains('@'), "no e-mail in the trainer's workbook");
}

#[rocket::async_test]
async fn coordinators_see_emails_others_get_not_found() {
    let app = TestApp::new().await;
    setup(&app).await;
    let other = app.create_user("trainer.other@example.org", "Other Trainer", Role::Participant).await;
    app.assign_trainer("itw-2019", other).await;

    login(&app, "trainer.other@example.org").await;
    for path in ["/editions/itw-2027/progress", "/editions/itw-2027/progress.csv", "/editions/itw-2027/progress.xlsx"] {
        assert_eq!(app.get(path).await.status(), Status::NotFound, "trainer of another edition: {path}");
    }
    assert_eq!(app.get("/editions/itw-2019/progress").await.status(), Status::Ok, "their own edition");
    login(&app, LIEM).await;
    for path in ["/editions/itw-2027/progress", "/editions/itw-2027/progress.csv", "/editions/itw-2027/progress.xlsx"] {
        assert_eq!(app.get(path).await.status(), Status::NotFound, "a participant: {path}");
    }
    app.logout().await;
    let r = app.get("/editions/itw-2027/progress").await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(r.headers().get_one("Location").unwrap().starts_with("/login"), "anonymous visitors log in");
    assert_eq!(app.get("/editions/no-such-edition/progress").await.status(), Status::SeeOther);

    app.login_as(Role::Coordinator).await;
    let (status, html) = page(&app, "/editions/itw-2027/progress").await;
    assert_eq!(status, Status::Ok);
    assert!(row_of(&html, "Tran Thanh Liem").contains(LIEM) && row_of(&html, "Heo Tae-jeong").contains(HEO));
    let csv = app.get("/editions/itw-2027/progress.csv").await.into_string().await.unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.contains("Email address"), "{header}");
    assert!(csv.lines().any(|l| l.starts_with("Tran Thanh Liem,Trần Thanh Liêm,liem@example.vn,")), "{csv}");
    assert_eq!(app.get("/editions/no-such-edition/progress").await.status(), Status::NotFound);
    // Linked from the coordinator's editions and the edition page.
    let (_, list) = page(&app, "/manage/editions").await;
    assert!(list.contains("/editions/itw-2027/progress"));
    let (_, ed) = page(&app, "/editions/itw-2027").await;
    assert!(ed.contains("/editions/itw-2027/progress") && ed.contains("/editions/itw-2027/participants"));
}

#[rocket::async_test]
async fn bad_filter_values_are_explained_not_failed() {
    let app = TestApp::new().await;
    setup(&app).await;
    login(&app, TRAINER).await;
    for (query, key) in [
        ("country=XX", "trainer-progress-bad-country"),
        ("state=lost", "trainer-progress-bad-state"),
        ("sort=%3Cscript%3E", "trainer-progress-bad-sort"),
    ] {
        let (status, html) = page(&app, &format!("/editions/itw-2027/progress?{query}")).await;
        assert_eq!(status, Status::Ok, "{query}");
        assert!(html.contains(&t("en", key)), "{query}: the message");
        assert!(!html.contains("Tran Thanh Liem"), "{query}: no rows for a filter that cannot be read");
        assert!(!html.contains("<script>"), "{query}");
    }
    let r = app.get("/editions/itw-2027/progress.csv?country=XX").await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.into_string().await.unwrap().lines().count(), 1, "the header alone");
    // A trainer's page links to it; so do the sessions and "my" pages.
    for path in ["/editions/itw-2027", "/manage/editions/itw-2027/sessions", "/my"] {
        let (_, html) = page(&app, path).await;
        assert!(html.contains("/editions/itw-2027/progress"), "linked from {path}");
    }
    // In Vietnamese, with the country's name in Vietnamese.
    let r = app
        .client
        .get("/editions/itw-2027/progress?country=VN")
        .header(crate::support::accept_language("vi"))
        .dispatch()
        .await;
    let html = r.into_string().await.unwrap();
    assert!(html.contains(&t("vi", "trainer-progress-title")) && html.contains("Việt Nam"), "Vietnamese page");
}

#[rocket::async_test]
async fn the_directory_lists_who_agreed_and_coordinators_see_everyone() {
    let app = TestApp::new().await;
    setup(&app).await;
    let outsider = app.create_user("outsider@example.org", "Outsider", Role::Participant).await;
    let rejected = app.create_user("rejected@example.org", "Rejected Person", Role::Participant).await;
    app.enroll(ED, rejected).await;
    sqlx::query("UPDATE enrollments SET state = 'rejected' WHERE user_id = $1")
        .bind(rejected)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let _ = outsider;

    for who in [LIEM, TRAINER] {
        login(&app, who).await;
        let (status, html) = page(&app, "/editions/itw-2027/participants").await;
        assert_eq!(status, Status::Ok, "{who}");
        assert!(html.contains("Tran Thanh Liem") && html.contains("Anna Smirnova"), "{who}: those who agreed");
        assert!(html.contains("Binh Duong Science Park") && html.contains("Director"), "organisation and position");
        assert!(!html.contains("Heo Tae-jeong") && !html.contains("허태정"), "{who}: not who did not agree");
        assert!(!html.contains(LIEM) && !html.contains(ANNA) && !html.contains("mailto:"), "{who}: no e-mail");
        assert!(html.contains(&t("en", "directory-intro")), "the consent is explained");
        let (_, ed) = page(&app, "/editions/itw-2027").await;
        assert!(ed.contains("/editions/itw-2027/participants"), "{who}: linked from the edition page");
    }
    for who in ["outsider@example.org", "rejected@example.org"] {
        login(&app, who).await;
        assert_eq!(app.get("/editions/itw-2027/participants").await.status(), Status::NotFound, "{who}");
        let (_, ed) = page(&app, "/editions/itw-2027").await;
        assert!(!ed.contains("/editions/itw-2027/participants"), "{who}: no link");
    }
    app.login_as(Role::Coordinator).await;
    let (status, html) = page(&app, "/editions/itw-2027/participants").await;
    assert_eq!(status, Status::Ok);
    let heo = row_of(&html, "Heo Tae-jeong");
    assert!(heo.contains(&t("en", "directory-not-listed")) && heo.contains(HEO), "{heo}");
    assert!(!row_of(&html, "Tran Thanh Liem").contains(&t("en", "directory-not-listed")));
    assert!(!html.contains("Rejected Person"), "only participants");
}

/// `n` more accepted participants of the edition, written straight to the tables (the sign-up
/// path is tested elsewhere), named "Zz Extra 001"… so they sort after the fixture's people.
async fn extra_participants(app: &TestApp, n: usize) {
    let ed = app.edition_id(ED).await;
    let at = now().db();
    for i in 1..=n {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, password_hash, display_name, country, created_at, updated_at) \
             VALUES ($1, 'x', $2, 'KE', $3, $3) RETURNING id",
        )
        .bind(format!("extra{i:03}@example.org"))
        .bind(format!("Zz Extra {i:03}"))
        .bind(&at)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        let mut conn = app.conn().await;
        wta_academy::repo::learning::accept(&mut conn, ed, id).await.unwrap();
        sqlx::query("UPDATE enrollments SET consent_listed = 1 WHERE user_id = $1")
            .bind(id)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
}

/// A link as the templates write it in an attribute (`&` and `=` escaped).
fn href(url: &str) -> String {
    format!("href=\"{}\"", url.replace('&', "&amp;").replace('=', "&#x3D;"))
}

fn table_rows(html: &str) -> usize {
    html.matches("<th scope=\"row\">").count()
}

#[rocket::async_test]
async fn long_lists_show_fifty_to_a_page_and_download_whole() {
    let app = TestApp::new().await;
    setup(&app).await;
    extra_participants(&app, 120).await;
    login(&app, TRAINER).await;

    // 3 fixture participants + 120: pages of 50, 50 and 23, in name order.
    let (status, first) = page(&app, "/editions/itw-2027/progress").await;
    assert_eq!(status, Status::Ok);
    assert_eq!(table_rows(&first), 50);
    assert!(first.contains("Anna Smirnova") && first.contains("Zz Extra 047") && !first.contains("Zz Extra 048"));
    assert!(first.contains("123 participants"), "the caption counts every page");
    assert!(first.contains(&format!("{} rel=\"next\"", href("/editions/itw-2027/progress?page=2"))), "next linked");
    assert!(!first.contains("rel=\"prev\""), "no page before the first");
    let (_, third) = page(&app, "/editions/itw-2027/progress?page=3").await;
    assert_eq!(table_rows(&third), 23);
    assert!(third.contains("Zz Extra 120") && third.contains("rel=\"prev\"") && !third.contains("rel=\"next\""));
    // The filter is kept from page to page; the summary still counts everyone filtered.
    let (_, kenya) = page(&app, "/editions/itw-2027/progress?country=KE&page=2").await;
    assert_eq!(table_rows(&kenya), 50);
    assert!(kenya.contains(&href("/editions/itw-2027/progress?country=KE&page=3")), "the filter kept");
    assert!(kenya.contains("<dd>120</dd>"), "the summary covers every page");
    // Past the end: an empty page that points back; a bad page: the first, with a message.
    let (status, past) = page(&app, "/editions/itw-2027/progress?page=4000000000").await;
    assert_eq!((status, table_rows(&past)), (Status::Ok, 0));
    assert!(past.contains(&t("en", "trainer-progress-none")));
    let (status, bad) = page(&app, "/editions/itw-2027/progress?page=-2").await;
    assert_eq!((status, table_rows(&bad)), (Status::Ok, 50));
    assert!(bad.contains(&t("en", "pager-bad-page")));
    // The downloads are whole: a header and 123 rows, whatever the page.
    let csv = app.get("/editions/itw-2027/progress.csv?page=2").await.into_string().await.unwrap();
    assert_eq!(csv.lines().count(), 124);

    // The directory pages the same way: Liêm, Anna and the 120 who agreed (not Heo).
    let (status, first) = page(&app, "/editions/itw-2027/participants").await;
    assert_eq!((status, table_rows(&first)), (Status::Ok, 50));
    assert!(first.contains(&format!("{} rel=\"next\"", href("/editions/itw-2027/participants?page=2"))));
    let (_, third) = page(&app, "/editions/itw-2027/participants?page=3").await;
    assert_eq!(table_rows(&third), 22);
    assert!(third.contains("Zz Extra 120") && !third.contains("rel=\"next\""));
    let (status, bad) = page(&app, "/editions/itw-2027/participants?page=zero").await;
    assert_eq!((status, table_rows(&bad)), (Status::Ok, 50));
    assert!(bad.contains(&t("en", "pager-bad-page")));
}
