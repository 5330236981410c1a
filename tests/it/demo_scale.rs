//! `demo --scale`: the generated benchmark data is complete, realistic and consistent with
//! the counters the triggers keep; a second run adds nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::domain::{countries, organisation};
use wta_academy::services::{demo, demo_scale};

use crate::support::TestApp;

const N: u64 = 2_000;

async fn generated() -> TestApp {
    let app = TestApp::new().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course_content");
    demo::seed(&app.state, &dir).await.expect("demo seed");
    let report = demo_scale::generate(&app.state, N).await.expect("generated");
    assert_eq!(report.participants, N, "{report}");
    app
}

#[rocket::async_test]
async fn scale_data_is_complete_and_consistent() {
    let app = generated().await;
    assert_eq!(app.count("SELECT COUNT(*) FROM editions").await, 20);
    let programs: Vec<(String, i64)> = sqlx::query_as(
        "SELECT p.slug, COUNT(*) FROM editions e JOIN programs p ON p.id = e.program_id GROUP BY p.slug ORDER BY p.slug",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert!(programs.iter().all(|(_, n)| *n >= 5), "both programs have editions: {programs:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email LIKE '%@scale.example.org'").await, N as i64);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email LIKE '%@scale.example.org' AND role = 'participant'").await,
        N as i64
    );
    // Every edition has a course and sessions; every session a check-in secret.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM editions e WHERE NOT EXISTS (SELECT 1 FROM course_modules c WHERE c.edition_id = e.id)")
            .await,
        0
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM editions e WHERE e.source_checksum = '' AND \
             (SELECT COUNT(*) FROM edition_sessions s WHERE s.edition_id = e.id AND s.checkin_secret <> '') NOT BETWEEN 8 AND 12"
        )
        .await,
        0
    );

    // Fifty countries over the five regions, every organisation type.
    let codes: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT country FROM enrollments").fetch_all(&app.state.db.pool).await.unwrap();
    assert!(codes.len() >= 50, "{} countries", codes.len());
    let regions: std::collections::BTreeSet<&str> =
        codes.iter().filter_map(|(c,)| countries::find(c)).map(|c| c.region).collect();
    assert_eq!(regions.len(), 5, "{regions:?}");
    for t in organisation::ORGANISATION_TYPES {
        let n = app.count(&format!("SELECT COUNT(*) FROM enrollments WHERE organisation_type = '{t}'")).await;
        assert!(n > 0, "no {t}");
    }
    // Names in several scripts, Latin on certificates, copied onto the applications.
    assert!(app.count("SELECT COUNT(*) FROM users WHERE display_name LIKE 'Nguyễn%'").await > 0);
    assert!(app.count("SELECT COUNT(*) FROM users WHERE certificate_name_native LIKE '김%'").await > 0);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM enrollments n JOIN users u ON u.id = n.user_id \
             WHERE u.email LIKE '%@scale.example.org' AND (n.country <> u.country OR n.organisation_type <> u.organisation_type \
             OR n.certificate_name_latin <> u.certificate_name_latin OR n.organisation <> u.organisation)"
        )
        .await,
        0
    );

    // Some people applied twice; one edition is much larger than the others.
    let enrollments = app.count("SELECT COUNT(*) FROM enrollments n JOIN users u ON u.id = n.user_id WHERE u.email LIKE '%@scale.example.org'").await;
    assert!(enrollments > N as i64 * 105 / 100 && enrollments < N as i64 * 115 / 100, "{enrollments}");
    let (largest,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) AS n FROM enrollments GROUP BY edition_id ORDER BY n DESC LIMIT 1")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(
        largest * 100 >= enrollments * 9 && largest * 100 <= enrollments * 17,
        "largest {largest} of {enrollments}"
    );
    let listed = app.count("SELECT COUNT(*) FROM enrollments WHERE consent_listed = 1").await;
    assert!(listed * 100 > enrollments * 50 && listed * 100 < enrollments * 70, "{listed} listed");

    // States follow the calendar: completed only in past editions, undecided only in coming ones.
    let today = wta_academy::db::now().db()[..10].to_string();
    let past_open = app
        .count(&format!(
            "SELECT COUNT(*) FROM enrollments n JOIN editions e ON e.id = n.edition_id \
             WHERE e.ends_on < '{today}' AND n.state IN ('submitted', 'offered')"
        ))
        .await;
    assert_eq!(past_open, 0);
    let future_done = app
        .count(&format!(
            "SELECT COUNT(*) FROM enrollments n JOIN editions e ON e.id = n.edition_id \
             WHERE e.ends_on >= '{today}' AND n.state = 'completed'"
        ))
        .await;
    assert_eq!(future_done, 0);
    for state in ["completed", "accepted", "rejected", "withdrawn", "waitlisted", "submitted"] {
        assert!(app.count(&format!("SELECT COUNT(*) FROM enrollments WHERE state = '{state}'")).await > 0, "{state}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'waitlisted' AND (queue_number IS NULL OR waitlist_reason = '')").await,
        0
    );

    // Seats: the holding flag follows the state and the counter the flags.
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM enrollments WHERE holds_seat <> \
             CASE WHEN state IN ('accepted', 'completed', 'offered') THEN 1 ELSE 0 END"
        )
        .await,
        0
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM editions e WHERE e.seats_taken <> \
             (SELECT COUNT(*) FROM enrollments n WHERE n.edition_id = e.id AND n.holds_seat = 1) \
             OR e.seats_taken > e.capacity"
        )
        .await,
        0
    );

    // The counters agree with the activity rows.
    let lessons = app.count("SELECT COUNT(*) FROM lesson_progress").await;
    assert!(lessons > 0);
    assert_eq!(app.count("SELECT CAST(COALESCE(SUM(lessons_done), 0) AS BIGINT) FROM enrollments").await, lessons);
    for status in ["present", "late", "excused", "absent"] {
        let marks = app.count(&format!("SELECT COUNT(*) FROM session_attendance WHERE status = '{status}'")).await;
        assert!(marks > 0, "{status}");
        let counted =
            app.count(&format!("SELECT CAST(COALESCE(SUM(sessions_{status}), 0) AS BIGINT) FROM enrollments")).await;
        assert_eq!(counted, marks, "{status}");
    }
    // Those who completed did at least 80 % of the lessons and have one valid certificate.
    let completed = app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'completed'").await;
    assert!(completed > 0);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM enrollments n WHERE n.state = 'completed' AND (n.has_certificate <> 1 OR n.completed_at IS NULL \
             OR n.lessons_done * 5 < 4 * (SELECT COUNT(*) FROM course_modules c JOIN lessons l ON l.module_id = c.module_id \
                                          WHERE c.edition_id = n.edition_id) \
             OR (SELECT COUNT(*) FROM certificates c WHERE c.enrollment_id = n.id AND c.state = 'valid') <> 1)"
        )
        .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM enrollments WHERE state <> 'completed' AND has_certificate <> 0").await,
        0
    );
    assert!(app.count("SELECT COUNT(*) FROM survey_answers").await > 0);

    // A generated certificate verifies.
    let (code,): (String,) =
        sqlx::query_as("SELECT code FROM certificates c JOIN users u ON u.id = c.user_id WHERE u.email LIKE '%@scale.example.org' LIMIT 1")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let page = app.get(&format!("/verify/{code}")).await;
    assert_eq!(page.status(), Status::Ok);
    let html = page.into_string().await.unwrap();
    assert!(html.contains(&code), "the verify page names the code");

    // A second run adds nothing.
    let users = app.count("SELECT COUNT(*) FROM users").await;
    let again = demo_scale::generate(&app.state, N).await.unwrap();
    assert!(again.already.is_some(), "{again}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users);
    assert_eq!(app.count("SELECT COUNT(*) FROM editions").await, 20);
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_progress").await, lessons);
}

#[rocket::async_test]
async fn generated_people_cannot_log_in() {
    let app = generated().await;
    for password in ["", "password", demo::DEMO_PASSWORD] {
        assert_ne!(app.login("p000001@scale.example.org", password).await, Status::SeeOther);
    }
}
