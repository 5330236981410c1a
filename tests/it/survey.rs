//! The feedback survey: coordinators write it, participants answer once with their answers
//! checked, anonymity keeps names out of the results, and the results add up.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use serde_json::{Value, json};
use wta_academy::domain::role::Role;

use crate::attendance::{ED, json_of, user};
use crate::support::{PASSWORD, TestApp};

const MANAGE: &str = "/manage/editions/itw-2027/survey";
const SURVEY: &str = "/editions/itw-2027/survey";
const API: &str = "/api/v1/editions/itw-2027/survey";

/// The app with a coordinator signed in and three questions: a required scale, a free text
/// and an optional scale. Returns their ids in that order.
async fn survey(anonymous: bool) -> (TestApp, [i64; 3]) {
    let app = TestApp::new().await;
    app.import_content().await;
    app.create_user("coordinator@example.org", "Coordinator", Role::Coordinator).await;
    app.login("coordinator@example.org", PASSWORD).await;
    for (kind, prompt, required) in [
        ("likert", "The pace of the workshop was right.", "1"),
        ("text", "What should we change next year?", ""),
        ("likert", "The site visit was useful.", ""),
    ] {
        let r = app
            .post_form(&format!("{MANAGE}/questions"), &[("kind", kind), ("prompt", prompt), ("required", required)])
            .await;
        assert_eq!(r.status(), Status::SeeOther);
    }
    if anonymous {
        app.post_form(&format!("{MANAGE}/settings"), &[("anonymous", "1")]).await;
    }
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM survey_questions ORDER BY position")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    (app, [ids[0], ids[1], ids[2]])
}

async fn participant(app: &TestApp, email: &str, name: &str) -> i64 {
    let u = user(app, email, name).await;
    app.enroll(ED, u.id).await;
    app.logout().await;
    app.login(email, PASSWORD).await;
    u.id
}

#[rocket::async_test]
async fn participants_answer_once_and_every_answer_is_checked() {
    let (app, [pace, change, visit]) = survey(false).await;
    let me = participant(&app, "lan@example.vn", "Nguyễn Thị Lan").await;
    let edition = app.get("/editions/itw-2027").await.into_string().await.unwrap();
    assert!(edition.contains("Give your feedback"), "the edition page links the survey");
    let page = app.get(SURVEY).await.into_string().await.unwrap();
    assert!(page.contains("The pace of the workshop was right. *") && page.contains("Coordinators see your name"));

    let (p, c, v) = (format!("q_{pace}"), format!("q_{change}"), format!("q_{visit}"));
    let long = "x".repeat(2001);
    let refused = [
        (vec![(c.as_str(), "More site visits")], "This question needs an answer."),
        (vec![(p.as_str(), "6")], "Choose a value from 1 to 5."),
        (vec![(p.as_str(), "0")], "Choose a value from 1 to 5."),
        (vec![(p.as_str(), "4"), (c.as_str(), "Bell\u{7} here")], "The text contains control characters"),
        (vec![(p.as_str(), "4"), (c.as_str(), long.as_str())], "The answer may have at most 2000 characters."),
    ];
    for (fields, message) in &refused {
        let r = app.post_form(SURVEY, fields).await;
        assert_eq!(r.status(), Status::UnprocessableEntity, "{message}");
        let html = r.into_string().await.unwrap();
        assert!(html.contains(message), "{message}");
    }
    // A refused form comes back with the text exactly as typed, line by line.
    let typed = "First line\nsecond line";
    let html = app.post_form(SURVEY, &[(c.as_str(), typed)]).await.into_string().await.unwrap();
    assert!(html.contains(&format!(">{typed}</textarea>")), "the text is kept as typed: {html}");
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_submissions").await, 0, "refusals wrote nothing");
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses").await, 0);

    let text = "More time for the site visit.\nAnd the action plans.";
    let r = app.post_form(SURVEY, &[(p.as_str(), "4"), (c.as_str(), text), (v.as_str(), "")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = app.get(SURVEY).await.into_string().await.unwrap();
    assert!(page.contains("Thank you for your feedback.") && page.contains("you answered this survey on"));
    let submitted: i64 =
        sqlx::query_scalar("SELECT user_id FROM survey_submissions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(submitted, me);
    let author: Option<i64> =
        sqlx::query_scalar("SELECT user_id FROM survey_responses").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(author, Some(me), "a named survey keeps the author");
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_answers").await, 2, "the empty optional answer is left out");

    // A second submission is refused, by the form and by the API, and changes nothing.
    let r = app.post_form(SURVEY, &[(p.as_str(), "1")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = app.get(SURVEY).await.into_string().await.unwrap();
    assert!(page.contains("You have already answered this survey"));
    let (status, body) =
        json_of(app.post_json(API, json!({ "answers": [{ "question_id": pace, "likert": 2 }] })).await).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(body["error"]["message"], "You have already answered this survey; answers can be sent only once.");
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses").await, 1);
    let (_, mine) = json_of(app.get(API).await).await;
    assert_eq!((mine["can_answer"].as_bool(), mine["submitted_at"].is_string()), (Some(false), true));

    // Named results: the text with its author.
    app.logout().await;
    app.login("coordinator@example.org", PASSWORD).await;
    let results = app.get(&format!("{MANAGE}/results")).await.into_string().await.unwrap();
    assert!(results.contains("1 of 1 participants have answered."));
    assert!(results.contains("More time for the site visit.") && results.contains("— <bdi>Nguyễn Thị Lan</bdi>"));
}

#[rocket::async_test]
async fn questions_are_locked_once_answers_arrive_but_can_be_reordered() {
    let (app, [pace, change, visit]) = survey(false).await;
    let r = app.post_form(&format!("{MANAGE}/questions/{visit}/move"), &[("direction", "up")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, s) = json_of(app.get(API).await).await;
    let order: Vec<i64> = s["questions"].as_array().unwrap().iter().map(|q| q["id"].as_i64().unwrap()).collect();
    assert_eq!(order, [pace, visit, change]);
    let r = app.post_form(&format!("{MANAGE}/questions"), &[("kind", "choice"), ("prompt", "")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(app.get(MANAGE).await.into_string().await.unwrap().contains("Choose a scale or free text."));

    participant(&app, "amina@example.org", "Amina Diallo").await;
    let (status, _) =
        json_of(app.post_json(API, json!({ "answers": [{ "question_id": pace, "likert": 5 }] })).await).await;
    assert_eq!(status, Status::NoContent);
    app.logout().await;
    app.login("coordinator@example.org", PASSWORD).await;
    let before = app.count("SELECT COUNT(*) FROM survey_questions").await;
    app.post_form(&format!("{MANAGE}/questions"), &[("kind", "text"), ("prompt", "Anything else?")]).await;
    let page = app.get(MANAGE).await.into_string().await.unwrap();
    assert!(page.contains("Answers have been received: questions can no longer be added or removed"));
    app.post_form(&format!("{MANAGE}/questions/{change}/delete"), &[]).await;
    app.post_form(&format!("{MANAGE}/settings"), &[("anonymous", "1")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_questions").await, before, "nothing added or removed");
    assert_eq!(app.count("SELECT COUNT(*) FROM editions WHERE survey_anonymous = 1").await, 0);
    app.post_form(&format!("{MANAGE}/questions/{change}/move"), &[("direction", "up")]).await;
    let (_, s) = json_of(app.get(API).await).await;
    let order: Vec<i64> = s["questions"].as_array().unwrap().iter().map(|q| q["id"].as_i64().unwrap()).collect();
    assert_eq!(order, [pace, change, visit], "reordering stays possible");
    let changes = app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'survey.%'").await;
    assert_eq!(changes, 5, "three questions added, two moves");
}

#[rocket::async_test]
async fn anonymous_results_add_up_and_name_no_one() {
    let (app, [pace, change, visit]) = survey(true).await;
    let people = [
        ("minh@example.vn", "Trần Văn Minh"),
        ("sofia@example.org", "Sofia Ramírez"),
        ("jiwoo@example.kr", "Park Ji-woo"),
    ];
    let answers = [(5, "Longer breaks"), (4, ""), (4, "A visit to KAIST")];
    let mut ids = Vec::new();
    for ((email, name), (likert, text)) in people.iter().zip(answers) {
        ids.push(participant(&app, email, name).await);
        if ids.len() == 1 {
            // Wrong answers through the API name their question.
            let wrong = json!({ "answers": [{ "question_id": pace, "likert": 9 }] });
            let (status, body) = json_of(app.post_json(API, wrong).await).await;
            assert_eq!(status, Status::UnprocessableEntity);
            assert_eq!(body["error"]["fields"][format!("q_{pace}")], "Choose a value from 1 to 5.", "{body}");
            assert_eq!(body["error"]["code"], "invalid_input");
        }
        let mut list = vec![json!({ "question_id": pace, "likert": likert })];
        if !text.is_empty() {
            list.push(json!({ "question_id": change, "text": text }));
        }
        let (status, body) = json_of(app.post_json(API, json!({ "answers": list })).await).await;
        assert_eq!(status, Status::NoContent, "{body}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_submissions").await, 3, "who answered is kept");
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE user_id IS NOT NULL").await, 0);
    let times: Vec<String> =
        sqlx::query_scalar("SELECT submitted_at FROM survey_responses").fetch_all(&app.state.db.pool).await.unwrap();
    assert!(times.iter().all(|t| t.ends_with("T00:00:00.000000Z")), "only the day: {times:?}");

    app.logout().await;
    app.login("coordinator@example.org", PASSWORD).await;
    let (status, r) = json_of(app.get(&format!("{API}/results")).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        (r["anonymous"].as_bool(), r["submissions"].as_i64(), r["participants"].as_i64()),
        (Some(true), Some(3), Some(3))
    );
    let q: Vec<&Value> = r["questions"].as_array().unwrap().iter().collect();
    assert_eq!(q[0]["id"].as_i64(), Some(pace));
    assert_eq!(q[0]["likert"]["counts"], json!([0, 0, 0, 2, 1]));
    assert_eq!((q[0]["likert"]["answers"].as_i64(), q[0]["likert"]["mean"].as_f64()), (Some(3), Some(4.33)));
    let texts: Vec<&str> = q[1]["texts"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["A visit to KAIST", "Longer breaks"], "alphabetical, not in the order given");
    assert!(q[1]["texts"].as_array().unwrap().iter().all(|t| t["name"].is_null()));
    assert_eq!((q[2]["id"].as_i64(), q[2]["likert"]["answers"].as_i64()), (Some(visit), Some(0)));
    assert!(q[2]["likert"]["mean"].is_null());
    let page = app.get(&format!("{MANAGE}/results")).await.into_string().await.unwrap();
    let raw = r.to_string();
    for (email, name) in people {
        assert!(!raw.contains(name) && !raw.contains(email), "the results name no one");
        assert!(!page.contains(name) && !page.contains(email), "the results page names no one");
    }
    for id in ids {
        assert!(!raw.contains(&format!("\"user_id\":{id}")), "no user id in the results");
    }
    assert!(page.contains("Mean 4.33 from 3 answers") && page.contains("The answers are anonymous."));
    assert!(page.contains(r#"<meter class="bar" min="0" max="3" value="2">2</meter>"#), "a bar per value");

    // Only coordinators read the results.
    app.logout().await;
    app.login("minh@example.vn", PASSWORD).await;
    assert_eq!(app.get(&format!("{API}/results")).await.status(), Status::NotFound);
    assert_eq!(app.get(&format!("{MANAGE}/results")).await.status(), Status::NotFound);
}

#[rocket::async_test]
async fn only_participants_answer() {
    let (app, [pace, _, _]) = survey(false).await;
    let body = json!({ "answers": [{ "question_id": pace, "likert": 3 }] });
    let (status, e) = json_of(app.post_json(API, body.clone()).await).await;
    assert_eq!(status, Status::UnprocessableEntity, "a coordinator is refused with a message");
    assert_eq!(e["error"]["message"], "Only participants of the edition answer the survey.");
    let trainer = user(&app, "trainer@example.org", "Kim Trainer").await;
    app.assign_trainer(ED, trainer.id).await;
    app.logout().await;
    app.login("trainer@example.org", PASSWORD).await;
    let page = app.get(SURVEY).await.into_string().await.unwrap();
    assert!(page.contains("without a button to send answers") && !page.contains("Send my answers"));
    app.logout().await;
    app.login_as(Role::Participant).await;
    assert_eq!(app.get(SURVEY).await.status(), Status::NotFound, "someone outside the edition");
    assert_eq!(app.post_json(API, body).await.status(), Status::NotFound);
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_submissions").await, 0);
}

#[rocket::async_test]
async fn the_openapi_document_describes_attendance_and_the_survey() {
    let app = TestApp::new().await;
    let (_, doc) = json_of(app.get("/api/openapi.json").await).await;
    for (path, method) in [
        ("/api/v1/sessions/{id}/attendance", "get"),
        ("/api/v1/sessions/{id}/attendance/{user_id}", "put"),
        ("/api/v1/sessions/{id}/checkin", "post"),
        ("/api/v1/sessions/{id}/attendance/import", "post"),
        ("/api/v1/editions/{slug}/survey", "get"),
        ("/api/v1/editions/{slug}/survey", "post"),
        ("/api/v1/editions/{slug}/survey/results", "get"),
    ] {
        let tags = &doc["paths"][path][method]["tags"];
        assert!(tags == &json!(["attendance"]) || tags == &json!(["survey"]), "{method} {path} documented with a tag");
    }
    let tags: Vec<&str> = doc["tags"].as_array().unwrap().iter().filter_map(|t| t["name"].as_str()).collect();
    assert!(tags.contains(&"attendance") && tags.contains(&"survey"));
    // Every schema a path or schema refers to is in the document.
    let text = doc.to_string();
    let re = regex::Regex::new(r##""#/components/schemas/([A-Za-z0-9_.]+)""##).unwrap();
    for name in re.captures_iter(&text).map(|c| c[1].to_string()) {
        assert!(doc["components"]["schemas"][&name].is_object(), "schema {name} is defined");
    }
}
