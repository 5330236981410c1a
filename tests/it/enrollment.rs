//! Applying, deciding, waitlist offers and their expiry, quotas, and seats under
//! concurrency, on whichever database the suite runs on.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use wta_academy::db::now;
use wta_academy::domain::enrollment::ApplicationInput;
use wta_academy::domain::role::Role;
use wta_academy::domain::user::User;
use wta_academy::services::ServiceError;
use wta_academy::services::enrollment::{self, Decision};

use crate::support::TestApp;

const ED: &str = "itw-2027";

pub fn form(country: &str) -> ApplicationInput {
    ApplicationInput {
        certificate_name_latin: "Tran Thanh Liem".into(),
        certificate_name_native: "Trần Thanh Liêm".into(),
        organisation: "Binh Duong Smart City Office".into(),
        organisation_type: "city-government".into(),
        country: country.into(),
        position: "Deputy director".into(),
        motivation: "We plan a science park next to our new university district.".into(),
        consent_listed: "1".into(),
        ..ApplicationInput::default()
    }
}

/// Opens the edition's window around now, with this admission and capacity.
pub async fn open_edition(app: &TestApp, admission: &str, capacity: i64) {
    sqlx::query("UPDATE editions SET admission_mode = $1, capacity = $2, applications_open_at = $3, applications_close_at = $4 WHERE slug = $5")
        .bind(admission)
        .bind(capacity)
        .bind(now().plus_minutes(-60).db())
        .bind(now().plus_minutes(60 * 24 * 30).db())
        .bind(ED)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

/// `n` accounts made directly (no password hashing), for load.
async fn people(app: &TestApp, n: usize, tag: &str) -> Vec<User> {
    let mut out = Vec::new();
    let mut conn = app.conn().await;
    for i in 0..n {
        let email = format!("{tag}{i}@example.org");
        let id =
            wta_academy::repo::users::insert(&mut conn, &email, "!", &format!("Person {i}"), Role::Participant, "en")
                .await
                .unwrap();
        out.push(wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap());
    }
    out
}

async fn user(app: &TestApp, id: i64) -> User {
    let mut conn = app.conn().await;
    wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap()
}

async fn state_of(app: &TestApp, user: i64) -> String {
    let (s,): (String,) = sqlx::query_as("SELECT state FROM enrollments WHERE user_id = $1")
        .bind(user)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    s
}

async fn states(app: &TestApp) -> (i64, i64, i64, i64, i64) {
    let c = |s: &'static str| format!("SELECT COUNT(*) FROM enrollments WHERE state = '{s}'");
    let (seats,): (i64,) = sqlx::query_as("SELECT seats_taken FROM editions WHERE slug = 'itw-2027'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    (
        app.count(&c("accepted")).await,
        app.count(&c("waitlisted")).await,
        app.count(&c("offered")).await,
        seats,
        app.count("SELECT COUNT(*) FROM enrollments WHERE holds_seat = 1").await,
    )
}

#[rocket::async_test]
async fn two_hundred_concurrent_applications_for_the_last_ten_seats() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "open", 12).await;
    for p in people(&app, 2, "early").await {
        app.enroll(ED, p.id).await;
    }
    let crowd = people(&app, 200, "crowd").await;
    let mut tasks = Vec::new();
    for p in crowd {
        let state = app.state.clone();
        tasks.push(tokio::spawn(async move { enrollment::apply(&state, &p, ED, &form("VN")).await }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    let errors: Vec<String> = results.iter().filter_map(|r| r.as_ref().err().map(|e| format!("{e:?}"))).collect();
    assert!(errors.is_empty(), "no error responses: {} errors, first {:?}", errors.len(), errors.first());
    let (accepted, waitlisted, offered, seats, holding) = states(&app).await;
    assert_eq!((accepted, waitlisted, offered), (12, 190, 0));
    assert_eq!((seats, holding), (12, 12));
    let mut positions: Vec<i64> =
        results.iter().filter_map(|r| r.as_ref().ok().and_then(|s| s.waitlist_position)).collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=190).collect::<Vec<_>>(), "every waitlisted person has a distinct place in line");
}

#[rocket::async_test]
async fn twenty_concurrent_submissions_by_one_person_give_one_application() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 40).await;
    let me = people(&app, 1, "eager").await.remove(0);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let (state, me) = (app.state.clone(), me.clone());
        tasks.push(tokio::spawn(async move { enrollment::apply(&state, &me, ED, &form("KR")).await }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(s) => {
                assert_eq!(s.state, "submitted");
                ok += 1;
            }
            Err(ServiceError::Refused(key)) => assert_eq!(key, "err-already-applied"),
            Err(e) => panic!("unexpected error {e:?}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 1);
}

#[rocket::async_test]
async fn concurrent_withdrawals_offer_each_freed_seat_exactly_once() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "open", 10).await;
    let all = people(&app, 40, "w").await;
    for p in &all {
        enrollment::apply(&app.state, p, ED, &form("TH")).await.unwrap();
    }
    assert_eq!(states(&app).await, (10, 30, 0, 10, 10));
    // The ten accepted withdraw at once, while the first offered people take their seats.
    let mut tasks = Vec::new();
    for p in &all[..10] {
        let (state, p) = (app.state.clone(), p.clone());
        tasks.push(tokio::spawn(async move { enrollment::withdraw(&state, &p, ED).await.map(|_| ()) }));
    }
    for p in &all[10..15] {
        let (state, p) = (app.state.clone(), p.clone());
        tasks.push(tokio::spawn(async move {
            // An offer may or may not have arrived yet: both answers are fine, errors are not.
            match enrollment::accept_offer(&state, &p, ED).await {
                Ok(_) | Err(ServiceError::Refused("err-no-offer")) => Ok(()),
                Err(e) => Err(e),
            }
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let (accepted, waitlisted, offered, seats, holding) = states(&app).await;
    assert_eq!(seats, 10, "no seat left empty");
    assert_eq!(holding, 10, "the counter matches the seats held");
    assert_eq!(accepted + offered, 10);
    assert_eq!(waitlisted, 20);
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'withdrawn'").await, 10);
    // Offers went to the first ten in line, each once.
    let (first_offered,): (i64,) = sqlx::query_as(
        "SELECT MAX(queue_number) FROM enrollments WHERE state IN ('offered', 'accepted') AND queue_number IS NOT NULL",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let (first_waiting,): (i64,) =
        sqlx::query_as("SELECT MIN(queue_number) FROM enrollments WHERE state = 'waitlisted'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(first_offered < first_waiting, "nobody was skipped in line");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%seat%offered%' OR subject LIKE '%offer%'").await,
        10
    );
}

#[rocket::async_test]
async fn reviewed_admission_waits_for_a_coordinator_and_a_withdrawal_promotes_the_waitlist() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 2).await;
    let coordinator = user(&app, app.create_user("coord@example.org", "Kim Ji-won", Role::Coordinator).await).await;
    let [a, b, c] = <[User; 3]>::try_from(people(&app, 3, "r").await).unwrap();
    let ids: Vec<i64> = {
        let mut v = Vec::new();
        for p in [&a, &b, &c] {
            let s = enrollment::apply(&app.state, p, ED, &form("VN")).await.unwrap();
            assert_eq!(s.state, "submitted");
            let (id,): (i64,) = sqlx::query_as("SELECT id FROM enrollments WHERE user_id = $1")
                .bind(p.id)
                .fetch_one(&app.state.db.pool)
                .await
                .unwrap();
            v.push(id);
        }
        v
    };
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%received%'").await, 3);
    let accept = |ids: Vec<i64>, reason: &str| Decision {
        ids,
        decision: "accepted".into(),
        message: "Welcome to Daejeon.".into(),
        override_reason: reason.into(),
    };

    // Accepting all three at once exceeds capacity: nothing changes.
    let r = enrollment::decide(&app.state, &coordinator, ED, &accept(ids.clone(), "")).await;
    assert!(matches!(r, Err(ServiceError::Refused("err-capacity-full"))), "{r:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'accepted'").await, 0);
    assert_eq!(enrollment::decide(&app.state, &coordinator, ED, &accept(ids[..2].to_vec(), "")).await.unwrap(), 2);
    let waitlist = Decision { ids: vec![ids[2]], decision: "waitlisted".into(), ..Decision::default() };
    enrollment::decide(&app.state, &coordinator, ED, &waitlist).await.unwrap();
    // A new application to the full reviewed edition is refused.
    let late = people(&app, 1, "late").await.remove(0);
    let r = enrollment::apply(&app.state, &late, ED, &form("VN")).await;
    assert!(matches!(r, Err(ServiceError::Refused("err-edition-full"))));

    // a withdraws: c is offered the seat with a deadline, then takes it.
    enrollment::withdraw(&app.state, &a, ED).await.unwrap();
    let mut conn = app.conn().await;
    let ed = wta_academy::repo::programs::edition_by_slug(&mut conn, ED).await.unwrap().unwrap();
    let (_, status) = enrollment::mine(&mut conn, &ed, &c).await.unwrap().unwrap();
    drop(conn);
    assert_eq!(status.state, "offered");
    assert!(status.offer_expires_at.is_some());
    assert_eq!(enrollment::accept_offer(&app.state, &c, ED).await.unwrap().state, "accepted");
    // Overriding capacity needs a written reason, which the audit log keeps.
    let r = enrollment::decide(&app.state, &coordinator, ED, &accept(vec![ids[0]], "")).await;
    assert!(r.is_err(), "a withdrawn application cannot be accepted");
    let extra = people(&app, 1, "vip").await.remove(0);
    sqlx::query("UPDATE editions SET admission_mode = 'reviewed', capacity = 3 WHERE slug = $1")
        .bind(ED)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    enrollment::apply(&app.state, &extra, ED, &form("KE")).await.unwrap();
    sqlx::query("UPDATE editions SET capacity = 2 WHERE slug = $1").bind(ED).execute(&app.state.db.pool).await.unwrap();
    let (extra_id,): (i64,) = sqlx::query_as("SELECT id FROM enrollments WHERE user_id = $1")
        .bind(extra.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(enrollment::decide(&app.state, &coordinator, ED, &accept(vec![extra_id], "")).await.is_err());
    enrollment::decide(&app.state, &coordinator, ED, &accept(vec![extra_id], "Keynote speaker's deputy"))
        .await
        .unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE reason = 'Keynote speaker''s deputy'").await, 1);
    let (seats,): (i64,) = sqlx::query_as("SELECT seats_taken FROM editions WHERE slug = $1")
        .bind(ED)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(seats, 3);
}

#[rocket::async_test]
async fn an_unanswered_offer_expires_and_passes_to_the_next_in_line() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "open", 1).await;
    let [a, b, c] = <[User; 3]>::try_from(people(&app, 3, "x").await).unwrap();
    for p in [&a, &b, &c] {
        enrollment::apply(&app.state, p, ED, &form("FR")).await.unwrap();
    }
    enrollment::withdraw(&app.state, &a, ED).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'offered'").await, 1);
    // Not yet due: nothing happens.
    assert_eq!(enrollment::expire_offers(&app.state, now()).await.unwrap(), 0);
    // 73 hours later b's offer has expired and c gets it.
    assert_eq!(enrollment::expire_offers(&app.state, now().plus_minutes(73 * 60)).await.unwrap(), 1);
    assert_eq!(state_of(&app, b.id).await, "expired");
    assert_eq!(state_of(&app, c.id).await, "offered");
    assert!(matches!(enrollment::accept_offer(&app.state, &b, ED).await, Err(ServiceError::Refused("err-no-offer"))));
}

#[rocket::async_test]
async fn a_country_quota_waitlists_the_extra_applicant_with_the_reason() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "open", 10).await;
    sqlx::query("UPDATE editions SET country_quota = 2 WHERE slug = $1")
        .bind(ED)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let crowd = people(&app, 4, "q").await;
    let mut last = None;
    for (i, p) in crowd.iter().enumerate() {
        let country = if i < 3 { "KR" } else { "JP" };
        last = Some(enrollment::apply(&app.state, p, ED, &form(country)).await.unwrap());
    }
    assert_eq!(last.unwrap().state, "accepted", "another country still has room");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM enrollments WHERE state = 'waitlisted' AND waitlist_reason = 'quota'").await,
        1
    );
    // A Korean withdraws: the waitlisted Korean gets the offer.
    enrollment::withdraw(&app.state, &crowd[0], ED).await.unwrap();
    assert_eq!(state_of(&app, crowd[2].id).await, "offered");
}

#[rocket::async_test]
async fn bad_applications_change_nothing() {
    let app = TestApp::new().await;
    app.import_content().await;
    let me = people(&app, 1, "bad").await.remove(0);
    // Outside the window (2005 is long past).
    let r = enrollment::apply(&app.state, &me, "itw-2005", &form("VN")).await;
    assert!(matches!(r, Err(ServiceError::Refused("err-applications-closed"))));
    open_edition(&app, "reviewed", 5).await;
    let r = enrollment::apply(&app.state, &me, ED, &ApplicationInput::default()).await;
    assert!(matches!(r, Err(ServiceError::Invalid(_))));
    let r = enrollment::apply(&app.state, &me, "no-such-edition", &form("VN")).await;
    assert!(matches!(r, Err(ServiceError::NotFound)));
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox").await, 0);
}

#[rocket::async_test]
async fn coordinators_get_one_digest_a_day_of_new_applications() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 10).await;
    app.create_user("coord@example.org", "Kim Ji-won", Role::Coordinator).await;
    for p in people(&app, 3, "d").await {
        enrollment::apply(&app.state, &p, ED, &form("VN")).await.unwrap();
    }
    let before = app.count("SELECT COUNT(*) FROM outbox").await;
    assert_eq!(enrollment::daily_digest(&app.state, now()).await.unwrap(), 1);
    assert_eq!(enrollment::daily_digest(&app.state, now()).await.unwrap(), 0, "once a day, across instances");
    let (body,): (String,) = sqlx::query_as("SELECT body_text FROM outbox WHERE to_email = 'coord@example.org'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(body.contains("23rd UNESCO-WTA International Training Workshop: 3"), "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox").await, before + 1);
    assert_eq!(
        enrollment::daily_digest(&app.state, now().plus_minutes(24 * 60)).await.unwrap(),
        0,
        "nothing new, no mail"
    );
}

#[rocket::async_test]
async fn an_expired_invitation_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "reviewed", 10).await;
    let coordinator = user(&app, app.create_user("c@example.org", "Coordinator", Role::Coordinator).await).await;
    let guest = user(&app, app.create_user("late@example.org", "Late Guest", Role::Participant).await).await;
    let link = wta_academy::services::invitations::invite(&app.state, &coordinator, ED, "late@example.org", false)
        .await
        .unwrap();
    sqlx::query("UPDATE invitations SET expires_at = $1")
        .bind(now().plus_minutes(-1).db())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let token = link.split("invitation=").nth(1).unwrap().to_string();
    let r = enrollment::apply(&app.state, &guest, ED, &ApplicationInput { invitation: token, ..form("KR") }).await;
    assert!(matches!(r, Err(ServiceError::Refused("err-invitation-expired"))), "{r:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM enrollments").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM invitations WHERE used_at IS NULL").await, 1);
}

#[rocket::async_test]
async fn raising_the_capacity_offers_the_new_places_to_the_waiting_list() {
    let app = TestApp::new().await;
    app.import_content().await;
    open_edition(&app, "open", 1).await;
    let crowd = people(&app, 3, "cap").await;
    for p in &crowd {
        enrollment::apply(&app.state, p, ED, &form("PH")).await.unwrap();
    }
    let coordinator = user(&app, app.create_user("cap@example.org", "Coordinator", Role::Coordinator).await).await;
    let mut conn = app.conn().await;
    let ed = wta_academy::repo::programs::edition_by_slug(&mut conn, ED).await.unwrap().unwrap();
    let mut input = wta_academy::services::editions_admin::input_of(&mut conn, &ed).await.unwrap();
    drop(conn);
    input.capacity = "2".into();
    wta_academy::services::editions_admin::update(&app.state, &coordinator, ED, &input).await.unwrap();
    assert_eq!(state_of(&app, crowd[1].id).await, "offered", "the first in line gets the new place");
    assert_eq!(state_of(&app, crowd[2].id).await, "waitlisted");
    assert_eq!(states(&app).await.3, 2, "both places held");
}
