//! Demo completion data: the 2019 workshop's four demo participants did every lesson,
//! attended every session and answered the survey, so their certificates are issued the
//! first time they (or the background job) look; the 2027 workshop has the same rules and
//! a bilingual English–Korean certificate. The signatories are fictional demo people.

use super::ServiceResult;
use crate::db::now;
use crate::domain::completion::Rules;
use crate::repo::certificates::{self as repo, Settings};
use crate::repo::programs;
use crate::state::AppState;

const SIGNATORIES: [(&str, &str); 2] = [
    ("Kim Seo-yeon", "Secretary General, World Technopolis Association"),
    ("Elena Marchetti", "Programme Specialist, UNESCO Natural Sciences Sector"),
];

/// Sets rules and signatories where none are set, and completes the 2019 demo cohort's work.
pub async fn seed(state: &AppState, participants_2019: &[i64]) -> ServiceResult<()> {
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
        sqlx::query(
            "INSERT INTO survey_submissions (edition_id, user_id, submitted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(edition_id)
        .bind(user)
        .bind(&at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
