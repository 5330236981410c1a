//! Demo completion data: the 2019 workshop's four demo participants did every lesson,
//! attended every session and answered the feedback survey, so their certificates are issued the
//! first time they (or the background job) look; the 2027 workshop has the same rules and
//! a bilingual English–Korean certificate. The signatories are fictional demo people.

use super::ServiceResult;
use crate::db::now;
use crate::domain::completion::Rules;
use crate::repo::certificates::{self as repo, Settings};
use crate::repo::programs;
use crate::state::AppState;

pub(crate) const SIGNATORIES: [(&str, &str); 2] = [
    ("Kim Seo-yeon", "Secretary General, World Technopolis Association"),
    ("Elena Marchetti", "Programme Specialist, UNESCO Natural Sciences Sector"),
];

/// The demo feedback survey: three statements rated 1–5 and one free text.
pub(crate) const QUESTIONS: [(&str, &str, bool); 4] = [
    ("likert", "The workshop gave me ideas I can apply in my science park or city.", true),
    ("likert", "The balance of lectures, site visits and group work was right.", true),
    ("likert", "The online course modules prepared me well for the sessions in Daejeon.", false),
    ("text", "What should the next workshop change or keep?", false),
];

/// Sets rules, signatories and a survey where none are set, and completes the 2019 demo
/// cohort's work (lessons, attendance, survey answers given through the survey itself).
pub async fn seed(state: &AppState, coordinator: i64, participants_2019: &[i64]) -> ServiceResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    let Some(coordinator) = crate::repo::users::by_id(&mut conn, coordinator).await? else { return Ok(()) };
    for slug in ["itw-2019", "itw-2027"] {
        let Some(ed) = programs::edition_by_slug(&mut conn, slug).await? else { continue };
        if crate::repo::survey::has_questions(&mut conn, ed.id).await? {
            continue;
        }
        for (kind, prompt, required) in QUESTIONS {
            let input = crate::domain::survey::QuestionInput {
                kind: kind.into(),
                prompt: prompt.into(),
                required: if required { "1".into() } else { String::new() },
            };
            super::survey::add_question(state, &coordinator, slug, &input).await?;
        }
    }
    drop(conn);
    let mut tx = state.db.begin_write().await?;
    for (slug, language) in [("itw-2019", ""), ("itw-2027", "ko")] {
        let Some(ed) = programs::edition_by_slug(&mut tx, slug).await? else { continue };
        if repo::settings(&mut tx, ed.id).await?.rules.any() {
            continue;
        }
        let settings = Settings {
            rules: Rules { lessons_pct: Some(80), attendance_pct: Some(75), survey: true },
            learning_hours: Some(40),
            language: language.into(),
        };
        repo::save_settings(&mut tx, ed.id, &settings).await?;
        if repo::signatories(&mut tx, ed.id).await?.is_empty() {
            for (name, title) in SIGNATORIES {
                repo::add_signatory(&mut tx, ed.id, name, title, "").await?;
            }
        }
        if slug == "itw-2019" {
            complete_work(&mut tx, ed.id, participants_2019).await?;
        }
    }
    tx.commit().await?;
    answer_survey(state, participants_2019).await
}

/// The 2019 cohort's survey answers (each person answers once; a second run adds nothing).
async fn answer_survey(state: &AppState, people: &[i64]) -> ServiceResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    let Some(ed) = programs::edition_by_slug(&mut conn, "itw-2019").await? else { return Ok(()) };
    let questions: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, kind FROM survey_questions WHERE edition_id = $1 ORDER BY position")
            .bind(ed.id)
            .fetch_all(&mut *conn)
            .await?;
    for (n, &user_id) in people.iter().enumerate() {
        let Some(user) = crate::repo::users::by_id(&mut conn, user_id).await? else { continue };
        let answers: std::collections::BTreeMap<i64, String> = questions
            .iter()
            .enumerate()
            .map(|(i, (id, kind))| {
                let value = if kind == "likert" {
                    (5 - (n + i) % 3).to_string()
                } else {
                    ["More time at the science parks themselves.", "Keep the group projects.", "", ""][n % 4]
                        .to_string()
                };
                (*id, value)
            })
            .collect();
        // Refused when already answered: a repeated demo run changes nothing.
        let _ = super::survey::submit(state, &user, &ed.slug, &answers).await;
    }
    Ok(())
}

/// Every lesson done, every session attended and the survey answered.
async fn complete_work(conn: &mut crate::repo::Conn, edition_id: i64, people: &[i64]) -> ServiceResult<()> {
    let at = now().db();
    let lessons = crate::repo::library::course_lessons(conn, edition_id, "en").await?;
    let sessions = crate::repo::schedule::of_edition(conn, edition_id).await?;
    for &user in people {
        for l in &lessons {
            sqlx::query(
                "INSERT INTO lesson_progress (edition_id, user_id, lesson_id, completed_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(edition_id)
            .bind(user)
            .bind(l.lesson_id)
            .bind(&at)
            .execute(&mut *conn)
            .await?;
        }
        for s in &sessions {
            sqlx::query(
                "INSERT INTO session_attendance (session_id, user_id, status, source, marked_at) \
                 VALUES ($1, $2, 'present', 'roster', $3) ON CONFLICT DO NOTHING",
            )
            .bind(s.id)
            .bind(user)
            .bind(&at)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
