//! What the accepted people did: lessons done, attendance marked on the roster, certificates
//! for those who completed, and survey answers in a few editions. Only the activity rows are
//! written; the triggers of migration 0006 keep each enrollment's counters.

use std::collections::HashMap;

use rand::Rng;
use rand::rngs::StdRng;
use time::Duration;

use super::batch::{Inserter, V};
use super::editions::{ScaleEdition, at};
use super::enrollments::Written;
use super::people::Person;
use crate::db::{Db, now};
use crate::domain::enrollment::{ACCEPTED, COMPLETED};
use crate::services::ServiceResult;

/// Digits and capitals without look-alikes, as in `domain::certificate`.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A certificate code in the printed form (`7KQM-W3RX-9HTP-CZ4N-FJ2D`), from the seeded
/// generator so that the data is the same on every run.
fn code(rng: &mut StdRng) -> String {
    let chars: Vec<char> = (0..20).map(|_| char::from(CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())])).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Lessons done: at least 80 % for those who completed, less than 70 % for those accepted
/// into a past edition, a few pre-course lessons for those accepted into one to come.
pub async fn lessons(db: &Db, rng: &mut StdRng, editions: &[ScaleEdition], written: &[Written]) -> ServiceResult<u64> {
    let mut rows = Inserter::new(db, "lesson_progress", &["edition_id", "user_id", "lesson_id", "completed_at"]);
    for w in written {
        let Some(e) = editions.get(w.edition) else { continue };
        let user = w.user;
        let total = e.lessons.len();
        let done = match (w.state, e.past) {
            (COMPLETED, _) => (total * 4).div_ceil(5) + rng.gen_range(0..=total / 5),
            (ACCEPTED, true) => total * rng.gen_range(0..70) / 100,
            (ACCEPTED, false) => total * rng.gen_range(0..20) / 100,
            _ => 0,
        }
        .min(total);
        for lesson in e.lessons.iter().take(done) {
            let when = if e.past {
                at(e.starts_on - Duration::days(14), rng.gen_range(0..60 * 24 * 21))
            } else {
                now().plus_minutes(-rng.gen_range(60..60 * 24 * 30))
            };
            rows.push(vec![e.id.into(), user.into(), (*lesson).into(), when.db().into()]).await?;
        }
    }
    Ok(rows.finish().await?)
}

/// Attendance on every session of past editions for those accepted: those who completed
/// were there for at least three sessions in four.
pub async fn attendance(
    db: &Db,
    rng: &mut StdRng,
    editions: &[ScaleEdition],
    written: &[Written],
) -> ServiceResult<u64> {
    let mut rows = Inserter::new(db, "session_attendance", &["session_id", "user_id", "status", "source", "marked_at"]);
    for w in written.iter().filter(|w| matches!(w.state, ACCEPTED | COMPLETED)) {
        let Some(e) = editions.get(w.edition) else { continue };
        let user = w.user;
        if !e.past || e.sessions.is_empty() {
            continue;
        }
        let weights: [u32; 4] = if w.state == COMPLETED { [80, 12, 5, 3] } else { [45, 10, 15, 30] };
        let mut marks: Vec<&str> = e
            .sessions
            .iter()
            .map(|_| ["present", "late", "excused", "absent"][super::people::weighted(rng, &weights)])
            .collect();
        if w.state == COMPLETED {
            let needed = (marks.len() * 3).div_ceil(4);
            let mut attended = marks.iter().filter(|m| matches!(**m, "present" | "late")).count();
            for m in marks.iter_mut() {
                if attended >= needed {
                    break;
                }
                if !matches!(*m, "present" | "late") {
                    *m = "present";
                    attended += 1;
                }
            }
        }
        for ((session, starts), status) in e.sessions.iter().zip(marks) {
            let marked = starts.plus_minutes(rng.gen_range(5..40));
            rows.push(vec![(*session).into(), user.into(), status.into(), "roster".into(), marked.db().into()]).await?;
        }
    }
    Ok(rows.finish().await?)
}

/// A valid certificate for every completed application, issued two weeks after the end.
pub async fn certificates(
    db: &Db,
    rng: &mut StdRng,
    editions: &[ScaleEdition],
    people: &[Person],
    written: &[Written],
) -> ServiceResult<u64> {
    let mut rows = Inserter::new(
        db,
        "certificates",
        &[
            "enrollment_id",
            "edition_id",
            "user_id",
            "code",
            "name_latin",
            "name_native",
            "state",
            "snapshot",
            "issued_at",
        ],
    );
    for w in written.iter().filter(|w| w.state == COMPLETED) {
        let (Some(e), Some(p)) = (editions.get(w.edition), people.get(w.person)) else {
            continue;
        };
        rows.push(vec![
            w.id.into(),
            e.id.into(),
            w.user.into(),
            code(rng).into(),
            p.latin.as_str().into(),
            p.native.as_str().into(),
            "valid".into(),
            e.snapshot.as_str().into(),
            e.certified_at.db().into(),
        ])
        .await?;
    }
    Ok(rows.finish().await?)
}

/// Survey answers in the past editions whose rules ask for the survey (everyone who
/// completed answered) and in the two largest past editions; returns the responses written.
pub async fn surveys(db: &Db, rng: &mut StdRng, editions: &[ScaleEdition], written: &[Written]) -> ServiceResult<u64> {
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for w in written {
        *sizes.entry(w.edition).or_insert(0) += 1;
    }
    let mut by_size: Vec<usize> =
        (0..editions.len()).filter(|i| editions[*i].past && !editions[*i].survey_anonymous).collect();
    by_size.sort_by_key(|i| std::cmp::Reverse(sizes.get(i).copied().unwrap_or(0)));
    let mut chosen: Vec<usize> =
        (0..editions.len()).filter(|i| editions[*i].past && editions[*i].rule_survey).collect();
    for i in by_size.into_iter().take(2) {
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    let mut responses = 0;
    for index in chosen {
        let Some(e) = editions.get(index) else { continue };
        let questions = questions(db, e.id).await?;
        let at_end = at(e.ends_on, 9 * 60);
        let mut respondents = Vec::new();
        for w in written.iter().filter(|w| w.edition == index) {
            if w.state == COMPLETED || (w.state == ACCEPTED && rng.gen_ratio(3, 10)) {
                respondents.push((w.user, at_end.plus_minutes(rng.gen_range(0..60 * 24 * 5)).db()));
            }
        }
        // One table after the other: on SQLite a second open write transaction would wait
        // for the first forever.
        let mut submissions = Inserter::new(db, "survey_submissions", &["edition_id", "user_id", "submitted_at"]);
        for (user, when) in &respondents {
            submissions.push(vec![e.id.into(), (*user).into(), when.as_str().into()]).await?;
        }
        submissions.finish().await?;
        let mut answered = Inserter::new(db, "survey_responses", &["edition_id", "user_id", "submitted_at"]);
        for (user, when) in respondents {
            let respondent = if e.survey_anonymous { V::NullInt } else { V::I(user) };
            answered.push(vec![e.id.into(), respondent, when.into()]).await?;
        }
        responses += answered.finish().await?;
        if !e.survey_anonymous {
            answer(db, rng, e.id, &questions, written).await?;
        }
    }
    Ok(responses)
}

/// The edition's survey questions (id, kind), added from the demo survey when it has none.
async fn questions(db: &Db, edition_id: i64) -> ServiceResult<Vec<(i64, String)>> {
    let sql = "SELECT id, kind FROM survey_questions WHERE edition_id = $1 ORDER BY position";
    let found: Vec<(i64, String)> = sqlx::query_as(sql).bind(edition_id).fetch_all(&db.pool).await?;
    if !found.is_empty() {
        return Ok(found);
    }
    let mut tx = db.begin_write().await?;
    for (position, (kind, prompt, required)) in crate::services::demo_certificates::QUESTIONS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO survey_questions (edition_id, position, kind, prompt, required) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(edition_id)
        .bind(i64::try_from(position).unwrap_or(0) + 1)
        .bind(*kind)
        .bind(*prompt)
        .bind(i64::from(*required))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(sqlx::query_as(sql).bind(edition_id).fetch_all(&db.pool).await?)
}

const REMARKS: [&str; 4] = [
    "More time at the science parks themselves.",
    "Keep the group projects.",
    "The site visits were the best part.",
    "Share the slides before the sessions.",
];

/// Answers to every question of the generated people's responses in one edition.
async fn answer(
    db: &Db,
    rng: &mut StdRng,
    edition_id: i64,
    questions: &[(i64, String)],
    written: &[Written],
) -> ServiceResult<()> {
    let mine: std::collections::HashSet<i64> = written.iter().map(|w| w.user).collect();
    let responses: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT r.id, r.user_id FROM survey_responses r WHERE r.edition_id = $1 AND r.user_id IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM survey_answers a WHERE a.response_id = r.id)",
    )
    .bind(edition_id)
    .fetch_all(&db.pool)
    .await?;
    let mut rows = Inserter::new(db, "survey_answers", &["response_id", "question_id", "likert", "text"]);
    for (response, _) in responses.into_iter().filter(|(_, u)| mine.contains(u)) {
        for (question, kind) in questions {
            let (likert, text) = if kind == "likert" {
                (V::I(rng.gen_range(3..=5) - i64::from(rng.gen_ratio(1, 10))), V::T(String::new()))
            } else if rng.gen_ratio(1, 3) {
                (V::NullInt, V::T(REMARKS[rng.gen_range(0..REMARKS.len())].to_string()))
            } else {
                (V::NullInt, V::T(String::new()))
            };
            rows.push(vec![response.into(), (*question).into(), likert, text]).await?;
        }
    }
    rows.finish().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn codes_read_back_as_certificate_codes() {
        let mut rng = StdRng::seed_from_u64(7);
        let c = code(&mut rng);
        assert_eq!(crate::domain::certificate::normalise(&c), Some(c));
    }
}
