//! The coordinators' reports: counters kept by triggers, dashboards whose charts, tables and
//! downloads agree, filters in the address, personal data for coordinators only, and bad
//! filter values answered with a message.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;

use rocket::http::Status;
use wta_academy::domain::role::Role;

use crate::support::{PASSWORD, TestApp};

const ED: &str = "itw-2027";
const OLD: &str = "itw-2019";

/// A participant of `slug` with the given country, organisation type and state.
async fn person(app: &TestApp, slug: &str, email: &str, name: &str, country: &str, org_type: &str, state: &str) -> i64 {
    let id = app.create_user(email, name, Role::Participant).await;
    app.enroll(slug, id).await;
    sqlx::query(
        "UPDATE enrollments SET country = $1, organisation_type = $2, state = $3, organisation = $4, \
         certificate_name_latin = $5, consent_listed = 1 WHERE user_id = $6",
    )
    .bind(country)
    .bind(org_type)
    .bind(state)
    .bind(format!("{name} Park"))
    .bind(name)
    .bind(id)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    id
}

async fn exec(app: &TestApp, sql: &str, binds: &[i64]) {
    let mut q = sqlx::query(sql);
    for b in binds {
        q = q.bind(*b);
    }
    q.execute(&app.state.db.pool).await.unwrap();
}

async fn counters(app: &TestApp, user: i64, slug: &str) -> (i64, i64, i64, i64, i64, i64) {
    let ed = app.edition_id(slug).await;
    sqlx::query_as(
        "SELECT lessons_done, sessions_present, sessions_late, sessions_excused, sessions_absent, has_certificate \
         FROM enrollments WHERE user_id = $1 AND edition_id = $2",
    )
    .bind(user)
    .bind(ed)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

async fn lessons(app: &TestApp, slug: &str) -> Vec<i64> {
    let ed = app.edition_id(slug).await;
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT l.id FROM course_modules cm JOIN lessons l ON l.module_id = cm.module_id WHERE cm.edition_id = $1 \
         ORDER BY cm.position, l.id",
    )
    .bind(ed)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

async fn sessions(app: &TestApp, slug: &str) -> Vec<i64> {
    let ed = app.edition_id(slug).await;
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM edition_sessions WHERE edition_id = $1 ORDER BY starts_at, id")
            .bind(ed)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

async fn lesson_done(app: &TestApp, slug: &str, user: i64, lesson: i64) {
    let ed = app.edition_id(slug).await;
    exec(
        app,
        "INSERT INTO lesson_progress (edition_id, user_id, lesson_id, completed_at) VALUES ($1, $2, $3, '2019-06-01T00:00:00Z')",
        &[ed, user, lesson],
    )
    .await;
}

async fn mark(app: &TestApp, session: i64, user: i64, status: &str) {
    sqlx::query(
        "INSERT INTO session_attendance (session_id, user_id, status, source, marked_at) \
         VALUES ($1, $2, $3, 'roster', '2019-06-01T00:00:00Z')",
    )
    .bind(session)
    .bind(user)
    .bind(status)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

#[rocket::async_test]
async fn activity_counters_follow_every_change() {
    let app = TestApp::new().await;
    app.import_content().await;
    let p = person(&app, OLD, "liem@example.org", "Tran Thanh Liem", "VN", "stp", "accepted").await;
    let ls = lessons(&app, OLD).await;
    let ss = sessions(&app, OLD).await;
    assert!(ls.len() >= 3 && ss.len() >= 3, "the 2019 edition has lessons and sessions");

    lesson_done(&app, OLD, p, ls[0]).await;
    lesson_done(&app, OLD, p, ls[1]).await;
    mark(&app, ss[0], p, "present").await;
    mark(&app, ss[1], p, "late").await;
    mark(&app, ss[2], p, "excused").await;
    assert_eq!(counters(&app, p, OLD).await, (2, 1, 1, 1, 0, 0));

    exec(&app, "UPDATE session_attendance SET status = 'absent' WHERE session_id = $1 AND user_id = $2", &[ss[0], p])
        .await;
    exec(&app, "DELETE FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2", &[p, ls[0]]).await;
    assert_eq!(counters(&app, p, OLD).await, (1, 0, 1, 1, 1, 0));

    // Deleting a session takes its marks off the counters as well.
    let mut conn = app.conn().await;
    wta_academy::repo::schedule::delete(&mut conn, ss[1]).await.unwrap();
    drop(conn);
    assert_eq!(counters(&app, p, OLD).await, (1, 0, 0, 1, 1, 0));

    // A mark in another edition's session does not count here.
    let other = person(&app, ED, "other@example.org", "Other", "KR", "stp", "accepted").await;
    mark(&app, sessions(&app, ED).await[0], other, "present").await;
    assert_eq!(counters(&app, p, OLD).await, (1, 0, 0, 1, 1, 0));
    assert_eq!(counters(&app, other, ED).await.1, 1);
}

#[rocket::async_test]
async fn certificate_counter_follows_issue_and_revoke() {
    let app = TestApp::new().await;
    app.import_content().await;
    let p = person(&app, OLD, "anna@example.org", "Anna Petrova", "RU", "university", "accepted").await;
    let coordinator = app.create_user("boss@example.org", "Boss", Role::Coordinator).await;
    let user = wta_academy::repo::users::by_id(&mut *app.conn().await, coordinator).await.unwrap().unwrap();
    let enrollment: (i64,) = sqlx::query_as("SELECT id FROM enrollments WHERE user_id = $1")
        .bind(p)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let ed = wta_academy::services::learning::edition_named(&app.state, OLD).await.unwrap();
    let (cert, _) = wta_academy::services::certificates::complete_despite_rules(
        &app.state,
        &user,
        &ed,
        enrollment.0,
        "Attended on site; the records were lost",
    )
    .await
    .unwrap();
    assert_eq!(counters(&app, p, OLD).await.5, 1);
    wta_academy::services::certificates::revoke(&app.state, &user, cert.id, "Issued by mistake").await.unwrap();
    assert_eq!(counters(&app, p, OLD).await.5, 0);
}

/// Two editions, people from four regions; lessons and attendance in 2019.
struct Fixture {
    liem: i64,
}

async fn fixture(app: &TestApp) -> Fixture {
    app.import_content().await;
    let liem = person(app, OLD, "liem@example.org", "Tran Thanh Liem", "VN", "stp", "completed").await;
    let kim = person(app, OLD, "kim@example.org", "Kim Min-jun", "KR", "stp", "accepted").await;
    let li = person(app, OLD, "li@example.org", "Li Ming", "CN", "university", "accepted").await;
    person(app, OLD, "amara@example.org", "Amara Okafor", "NG", "stp", "accepted").await;
    person(app, OLD, "sofia@example.org", "=HYPERLINK(\"x\")", "BR", "company", "rejected").await;
    person(app, ED, "fatima@example.org", "Fatima Haddad", "JO", "city-government", "submitted").await;
    // Liem also applies to 2027: an alumnus with two editions.
    app.enroll(ED, liem).await;
    exec(app, "UPDATE enrollments SET country = 'VN', organisation_type = 'stp', state = 'accepted' WHERE user_id = $1 AND edition_id = $2", &[liem, app.edition_id(ED).await]).await;
    let ls = lessons(app, OLD).await;
    let ss = sessions(app, OLD).await;
    for l in &ls {
        lesson_done(app, OLD, liem, *l).await;
    }
    lesson_done(app, OLD, kim, ls[0]).await;
    mark(app, ss[0], liem, "present").await;
    mark(app, ss[0], kim, "late").await;
    mark(app, ss[0], li, "excused").await;
    mark(app, ss[1], liem, "present").await;
    Fixture { liem }
}

async fn coordinator(app: &TestApp) {
    app.create_user("coord@example.org", "Coord", Role::Coordinator).await;
    assert_eq!(app.login("coord@example.org", PASSWORD).await, Status::SeeOther);
}

async fn html(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status(), Status::Ok, "{path}");
    r.into_string().await.unwrap()
}

/// The rows of the table `key` on a report page, as text cells.
fn table(html: &str, key: &str) -> Vec<Vec<String>> {
    let start = html.find(&format!("data-table=\"{key}\"")).unwrap_or_else(|| panic!("table {key}"));
    let body = &html[start..];
    let body = &body[body.find("<tbody>").unwrap()..body.find("</tbody>").unwrap()];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split(['<', '>'])
                .collect::<Vec<_>>()
                .windows(2)
                .filter(|w| w[0].starts_with("td") || w[0].starts_with("th"))
                .map(|w| w[1].trim().to_string())
                .collect()
        })
        .collect()
}

/// The bars of the chart of section `key`: (label, shown value).
fn chart_bars(html: &str, key: &str) -> Vec<(String, String)> {
    let start = html.find(&format!("id=\"{key}-heading\"")).unwrap();
    let section = &html[start..];
    let svg = &section[section.find("<svg").unwrap()..section.find("</svg>").unwrap()];
    svg.split("<g><title>")
        .skip(1)
        .map(|g| {
            let texts: Vec<String> = g
                .split("<text")
                .skip(1)
                .map(|t| t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_string())
                .collect();
            (texts.first().cloned().unwrap_or_default(), texts.last().cloned().unwrap_or_default())
        })
        .collect()
}

#[rocket::async_test]
async fn cross_edition_dashboard_chart_table_and_xlsx_agree() {
    let app = TestApp::new().await;
    fixture(&app).await;
    coordinator(&app).await;

    let all = html(&app, "/manage/reports").await;
    assert!(all.contains("href=\"/manage/reports\""), "linked from the navigation");
    let editions = table(&all, "editions");
    let y2019 = editions.iter().find(|r| r[1].starts_with("15th")).expect("2019 row");
    // Applications 5, participants 4 (Liem completed + 3 accepted), countries 4 (BR was rejected).
    assert_eq!(&y2019[3..6], ["5", "4", "4"], "{y2019:?}");
    assert_eq!(y2019[8], "1", "one completed");
    assert_eq!(y2019[9], "25.0 %", "completion rate");

    let asia = html(&app, "/manage/reports?region=asia-pacific&org_type=stp").await;
    let regions = table(&asia, "regions");
    assert_eq!(regions.len(), 1, "{regions:?}");
    assert_eq!(regions[0][0], "Asia and the Pacific");
    // Liem twice (2019 and 2027) and Kim: three participations.
    assert_eq!(regions[0][2], "3");
    let bars = chart_bars(&asia, "regions");
    assert_eq!(bars, vec![("Asia and the Pacific".to_string(), "3".to_string())], "chart and table agree");
    let countries: Vec<String> = table(&asia, "countries").iter().map(|r| r[0].clone()).collect();
    assert_eq!(countries.len(), 2);
    assert!(countries.contains(&"Viet Nam".to_string()) && countries.contains(&"Republic of Korea".to_string()));
    assert!(asia.contains("role=\"img\"") && asia.contains("<desc"), "charts are described for screen readers");
    assert!(asia.contains("<option value=\"asia-pacific\" selected>"), "the form keeps the filter");

    // The same numbers as XLSX: the regions sheet's participants cell.
    let r = app.get("/manage/reports.xlsx?region=asia-pacific&org_type=stp").await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.headers().get_one("Content-Disposition").unwrap().contains("participation.xlsx"));
    let bytes = r.into_bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml").unwrap().read_to_string(&mut workbook).unwrap();
    let names: Vec<&str> = workbook.split("<sheet name=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
    let regions_sheet = names.iter().position(|n| *n == "By UNESCO region").expect("a regions sheet") + 1;
    let mut sheet = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{regions_sheet}.xml")).unwrap().read_to_string(&mut sheet).unwrap();
    assert!(sheet.contains("<c r=\"C2\"><v>3</v></c>"), "participants of the region: {sheet}");
    let mut strings = String::new();
    zip.by_name("xl/sharedStrings.xml").unwrap().read_to_string(&mut strings).unwrap();
    assert!(strings.contains("Asia and the Pacific"));

    // One table as CSV: BOM and the same figures.
    let csv = app.get("/manage/reports.csv?region=asia-pacific&org_type=stp&table=regions").await;
    assert_eq!(csv.status(), Status::Ok);
    let text = csv.into_string().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.lines().nth(1).unwrap().starts_with("Asia and the Pacific,3,3,2,"), "{text}");
    assert_eq!(app.get("/manage/reports.csv?table=nonsense").await.status(), Status::NotFound);
}

#[rocket::async_test]
async fn edition_dashboard_counts_sessions_progress_and_states() {
    let app = TestApp::new().await;
    fixture(&app).await;
    coordinator(&app).await;
    let page = html(&app, &format!("/manage/reports/editions/{OLD}")).await;
    let sessions = table(&page, "sessions");
    // First session: Liem present, Kim late, Li excused, Amara unmarked → 2 of 3 expected.
    assert_eq!(&sessions[0][2..7], ["1", "1", "1", "0", "66.7 %"], "{sessions:?}");
    assert_eq!(&sessions[1][2..7], ["1", "0", "0", "0", "25.0 %"]);
    let states = table(&page, "states");
    let count = |s: &str| states.iter().find(|r| r[0] == s).map(|r| r[1].clone()).unwrap();
    assert_eq!((count("Accepted"), count("Completed"), count("Not accepted")), ("3".into(), "1".into(), "1".into()));
    let bands = table(&page, "progress");
    assert_eq!(bands[0], ["No lessons yet", "2"]);
    assert_eq!(bands[5], ["All lessons", "1"]);
    let band_sum: i64 = bands.iter().map(|r| r[1].parse::<i64>().unwrap()).sum();
    assert_eq!(band_sum, 4, "every participant in one band");

    // Filtered to Africa: only Amara.
    let africa = html(&app, &format!("/manage/reports/editions/{OLD}?region=africa")).await;
    assert_eq!(table(&africa, "summary")[1][1], "1");
    // The marks per session follow the filter: Viet Nam is Liem alone (present, then present);
    // Africa is Amara, never marked; a date range without the edition leaves no mark.
    let vn = html(&app, &format!("/manage/reports/editions/{OLD}?country=VN")).await;
    assert_eq!(&table(&vn, "sessions")[0][2..6], ["1", "0", "0", "0"]);
    assert_eq!(&table(&africa, "sessions")[0][2..6], ["0", "0", "0", "0"]);
    let later = html(&app, &format!("/manage/reports/editions/{OLD}?from=2030-01-01")).await;
    assert_eq!(&table(&later, "sessions")[0][2..6], ["0", "0", "0", "0"]);

    let xlsx = app.get(&format!("/manage/reports/editions/{OLD}.xlsx")).await;
    assert_eq!(xlsx.status(), Status::Ok);
    assert_eq!(&xlsx.into_bytes().await.unwrap()[..2], b"PK");
    let csv = app.get(&format!("/manage/reports/editions/{OLD}.csv?table=sessions")).await;
    assert_eq!(csv.status(), Status::Ok);
    assert!(csv.into_string().await.unwrap().contains("66.7"));
    assert_eq!(app.get("/manage/reports/editions/nowhere").await.status(), Status::NotFound);
}

#[rocket::async_test]
async fn lists_hold_personal_data_and_stream_whole() {
    let app = TestApp::new().await;
    let fx = fixture(&app).await;
    coordinator(&app).await;
    let list = html(&app, &format!("/manage/reports/participants?edition={OLD}")).await;
    assert!(list.contains("liem@example.org") && list.contains("amara@example.org"));
    let asia = html(&app, "/manage/reports/participants?region=asia-pacific&q=LIEM").await;
    assert!(asia.contains("liem@example.org") && !asia.contains("kim@example.org"));

    let csv = app.get(&format!("/manage/reports/participants.csv?edition={OLD}")).await;
    assert_eq!(csv.status(), Status::Ok);
    let text = csv.into_string().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 6, "header and five applications: {text}");
    assert!(text.contains("'=HYPERLINK"), "formula neutralised");
    assert!(!text.contains(",=HYPERLINK"));

    let xlsx = app.get("/manage/reports/participants.xlsx").await;
    assert_eq!(xlsx.status(), Status::Ok);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.into_bytes().await.unwrap())).unwrap();
    // Written in constant memory: strings sit in the sheet itself.
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
    assert!(sheet.contains("fatima@example.org") && sheet.contains("Tran Thanh Liem") && sheet.contains("Viet Nam"));

    let people = html(&app, "/manage/reports/people?q=liem").await;
    assert!(people.contains(&format!("/manage/reports/people/{}", fx.liem)));
    let history = html(&app, &format!("/manage/reports/people/{}", fx.liem)).await;
    assert!(history.contains("2 applications across the editions"));
    assert!(history.find("2019").unwrap() < history.rfind("2027").unwrap(), "oldest edition first");
    assert_eq!(app.get("/manage/reports/people/999999").await.status(), Status::NotFound);
}

#[rocket::async_test]
async fn bad_filters_get_a_message_and_others_get_404() {
    let app = TestApp::new().await;
    fixture(&app).await;
    coordinator(&app).await;
    for (query, message) in [
        ("country=XX", "That country is not in the list"),
        ("region=mars", "not one of UNESCO"),
        ("org_type=army", "kind of organisation is not in the list"),
        ("state=lost", "application state is not in the list"),
        ("from=2027-01-02&to=2019-01-01", "is before the"),
        ("from=yesterday", "must be written as YYYY-MM-DD"),
        ("program=nope", "no program with that name"),
        ("edition=nope", "no edition with that name"),
    ] {
        for base in ["/manage/reports", "/manage/reports/participants", "/manage/reports/people"] {
            let page = html(&app, &format!("{base}?{query}")).await;
            assert!(page.contains(message), "{base}?{query}");
        }
    }
    let huge = html(&app, "/manage/reports/participants?page=99999999999999999999").await;
    assert!(huge.contains("The page number must be a whole number"));
    let far = html(&app, "/manage/reports/participants?page=4000000").await;
    assert!(far.contains("Nothing matches these filters."), "a page past the end is empty");
    let csv = app.get("/manage/reports/participants.csv?country=XX").await;
    assert_eq!(csv.into_string().await.unwrap().lines().count(), 1, "an unreadable filter downloads the header alone");

    for role in [Role::Participant] {
        app.login_as(role).await;
        for path in
            ["/manage/reports", "/manage/reports.xlsx", "/manage/reports/participants", "/manage/reports/people"]
        {
            assert_eq!(app.get(path).await.status(), Status::NotFound, "{path}");
        }
    }
    // A trainer of the edition is a participant account too: still no coordinator reports.
    let trainer = app.login_as(Role::Participant).await;
    app.assign_trainer(OLD, trainer).await;
    assert_eq!(app.get(&format!("/manage/reports/editions/{OLD}")).await.status(), Status::NotFound);
}
