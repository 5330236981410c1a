//! The feedback survey of an edition. Coordinators write the questions and choose whether
//! answers are anonymous; active participants answer once. Once anyone has answered, the
//! questions can only be reordered (adding or removing one, or switching anonymity, would
//! make earlier answers mean something else), so every answer refers to the same survey.

use std::collections::BTreeMap;

use serde::Serialize;

use super::editions_admin::record;
use super::learning::{Access, access, edition};
use super::{ServiceError, ServiceResult};
use crate::db::now;
use crate::domain::survey::{self as rules, Answer, AnswerProblem, MAX_QUESTIONS, Question, QuestionInput};
use crate::domain::user::User;
use crate::msg;
use crate::repo::programs::Edition;
use crate::repo::{Conn, attendance, survey as repo};
use crate::services::content_cache::Content;
use crate::state::AppState;

/// A question as participants see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuestionOut {
    pub id: i64,
    pub position: i64,
    /// `likert` (1 = strongly disagree … 5 = strongly agree) or `text` (up to 2000 characters).
    pub kind: String,
    pub prompt: String,
    pub required: bool,
}

impl From<&Question> for QuestionOut {
    fn from(q: &Question) -> Self {
        QuestionOut {
            id: q.id,
            position: q.position,
            kind: q.kind.clone(),
            prompt: q.prompt.clone(),
            required: q.required != 0,
        }
    }
}

/// An edition's survey for one person.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SurveyOut {
    pub edition: String,
    pub anonymous: bool,
    pub questions: Vec<QuestionOut>,
    /// When the caller answered, if they have.
    pub submitted_at: Option<String>,
    /// True for a participant who has not answered yet and a survey with questions.
    pub can_answer: bool,
}

/// The edition, if `user` is a coordinator (else not found).
async fn managed(conn: &mut Conn, slug: &str, user: &User) -> ServiceResult<Edition> {
    if !user.role.is_coordinator() {
        return Err(ServiceError::NotFound);
    }
    edition(conn, slug).await
}

/// The survey of an edition for its participants, trainers and coordinators.
pub async fn view(conn: &mut Conn, slug: &str, user: &User) -> ServiceResult<(Edition, Access, SurveyOut)> {
    let ed = edition(conn, slug).await?;
    let a = access(conn, &ed, Some(user)).await?;
    if !a.can_read() {
        return Err(ServiceError::NotFound);
    }
    let questions = repo::questions(conn, ed.id).await?;
    let submitted_at = repo::submitted_at(conn, ed.id, user.id).await?;
    let out = SurveyOut {
        edition: ed.slug.clone(),
        anonymous: repo::is_anonymous(conn, ed.id).await?,
        can_answer: a == Access::Participant && submitted_at.is_none() && !questions.is_empty(),
        questions: questions.iter().map(QuestionOut::from).collect(),
        submitted_at,
    };
    Ok((ed, a, out))
}

/// True when the edition's survey has questions (the edition page links to it then), as of
/// `content`'s version.
pub async fn is_open(
    conn: &mut impl crate::repo::Reads,
    content: &Content<'_>,
    edition_id: i64,
) -> Result<bool, sqlx::Error> {
    content.has_survey(conn, edition_id).await
}

/// Why a submission was refused.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// Problems with some answers, per question.
    #[error("invalid answers")]
    Answers(Vec<AnswerProblem>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<sqlx::Error> for SubmitError {
    fn from(e: sqlx::Error) -> Self {
        Self::Service(e.into())
    }
}

/// Records an active participant's answers (question id → raw value) once. Who answered
/// goes to `survey_submissions` in the same transaction; when the survey is anonymous the
/// response carries no person and only the day it was given.
pub async fn submit(
    state: &AppState,
    user: &User,
    slug: &str,
    given: &BTreeMap<i64, String>,
) -> Result<(), SubmitError> {
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    match access(&mut tx, &ed, Some(user)).await? {
        Access::Participant => {}
        Access::None => return Err(ServiceError::NotFound.into()),
        Access::Trainer | Access::Coordinator => {
            return Err(ServiceError::Refused(msg!("err-survey-participants-only")).into());
        }
    }
    let questions = repo::questions(&mut tx, ed.id).await?;
    if questions.is_empty() {
        return Err(ServiceError::Refused(msg!("err-survey-none")).into());
    }
    if repo::submitted_at(&mut tx, ed.id, user.id).await?.is_some() {
        return Err(ServiceError::Refused(msg!("err-survey-already")).into());
    }
    let answers = rules::check_answers(&questions, given).map_err(SubmitError::Answers)?;
    let at = now().db();
    if !repo::insert_submission(&mut tx, ed.id, user.id, &at).await? {
        return Err(ServiceError::Refused(msg!("err-survey-already")).into());
    }
    let anonymous = repo::is_anonymous(&mut tx, ed.id).await?;
    // An exact time would let the answers be matched with the list of who answered.
    let (author, response_at) = if anonymous {
        (None, format!("{}T00:00:00.000000Z", at.get(..10).unwrap_or_default()))
    } else {
        (Some(user.id), at)
    };
    let response = repo::insert_response(&mut tx, ed.id, author, &response_at).await?;
    for (question_id, answer) in &answers {
        match answer {
            Answer::Likert(v) => repo::insert_answer(&mut tx, response, *question_id, Some(*v), "").await?,
            Answer::Text(s) => repo::insert_answer(&mut tx, response, *question_id, None, s).await?,
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The questions and settings for the coordinators' page.
pub struct Manage {
    pub edition: Edition,
    pub questions: Vec<Question>,
    pub anonymous: bool,
    pub submissions: i64,
}

pub async fn manage(conn: &mut Conn, slug: &str, user: &User) -> ServiceResult<Manage> {
    let ed = managed(conn, slug, user).await?;
    Ok(Manage {
        questions: repo::questions(conn, ed.id).await?,
        anonymous: repo::is_anonymous(conn, ed.id).await?,
        submissions: repo::submission_count(conn, ed.id).await?,
        edition: ed,
    })
}

/// Refuses a change of meaning once anyone has answered.
async fn not_answered_yet(conn: &mut Conn, edition_id: i64) -> ServiceResult<()> {
    if repo::submission_count(conn, edition_id).await? > 0 {
        return Err(ServiceError::Refused(msg!("err-survey-locked")));
    }
    Ok(())
}

pub async fn add_question(state: &AppState, user: &User, slug: &str, input: &QuestionInput) -> ServiceResult<i64> {
    let q = rules::check_question(input)?;
    let mut tx = state.db.begin_write().await?;
    let ed = managed(&mut tx, slug, user).await?;
    not_answered_yet(&mut tx, ed.id).await?;
    if repo::questions(&mut tx, ed.id).await?.len() >= MAX_QUESTIONS {
        return Err(ServiceError::Refused(msg!("err-survey-too-many")));
    }
    let id = repo::insert_question(&mut tx, ed.id, &q).await?;
    let after = serde_json::json!({ "question": id, "kind": q.kind, "prompt": q.prompt, "required": q.required });
    record(&mut tx, user, "survey.question.add", &ed.slug, serde_json::Value::Null, after).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn remove_question(state: &AppState, user: &User, slug: &str, id: i64) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let ed = managed(&mut tx, slug, user).await?;
    let q = repo::questions(&mut tx, ed.id).await?.into_iter().find(|q| q.id == id).ok_or(ServiceError::NotFound)?;
    not_answered_yet(&mut tx, ed.id).await?;
    repo::delete_question(&mut tx, ed.id, id).await?;
    let before = serde_json::json!({ "question": q.id, "kind": q.kind, "prompt": q.prompt });
    record(&mut tx, user, "survey.question.remove", &ed.slug, before, serde_json::Value::Null).await?;
    tx.commit().await?;
    Ok(())
}

/// Swaps a question with the one before (`up`) or after it; allowed at any time.
pub async fn move_question(state: &AppState, user: &User, slug: &str, id: i64, up: bool) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let ed = managed(&mut tx, slug, user).await?;
    let questions = repo::questions(&mut tx, ed.id).await?;
    let i = questions.iter().position(|q| q.id == id).ok_or(ServiceError::NotFound)?;
    let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < questions.len()) };
    let Some(j) = j else { return Ok(()) };
    // Positions are renumbered 1..n so that a swap never meets equal positions.
    let mut order: Vec<i64> = questions.iter().map(|q| q.id).collect();
    order.swap(i, j);
    for (n, qid) in order.iter().enumerate() {
        repo::set_position(&mut tx, *qid, i64::try_from(n + 1).unwrap_or(i64::MAX)).await?;
    }
    let after = serde_json::json!({ "question": id, "order": order });
    record(&mut tx, user, "survey.question.move", &ed.slug, serde_json::Value::Null, after).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_anonymous(state: &AppState, user: &User, slug: &str, anonymous: bool) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let ed = managed(&mut tx, slug, user).await?;
    let before = repo::is_anonymous(&mut tx, ed.id).await?;
    if before == anonymous {
        return Ok(());
    }
    not_answered_yet(&mut tx, ed.id).await?;
    repo::set_anonymous(&mut tx, ed.id, anonymous).await?;
    let (b, a) = (serde_json::json!({ "anonymous": before }), serde_json::json!({ "anonymous": anonymous }));
    record(&mut tx, user, "survey.anonymous", &ed.slug, b, a).await?;
    tx.commit().await?;
    Ok(())
}

/// One free-text answer; the name only when the survey is not anonymous.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TextAnswer {
    pub text: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuestionResult {
    #[serde(flatten)]
    pub question: QuestionOut,
    /// For `likert` questions.
    pub likert: Option<rules::LikertSummary>,
    /// For `text` questions.
    pub texts: Vec<TextAnswer>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SurveyResults {
    pub anonymous: bool,
    /// People who have answered.
    pub submissions: i64,
    /// Active participants of the edition.
    pub participants: usize,
    pub questions: Vec<QuestionResult>,
}

/// The results for coordinators. Anonymous answers never carry a name, and their texts are
/// listed in alphabetical order, which tells nothing about who wrote them.
pub async fn results(conn: &mut Conn, slug: &str, user: &User) -> ServiceResult<(Edition, SurveyResults)> {
    let ed = managed(conn, slug, user).await?;
    let anonymous = repo::is_anonymous(conn, ed.id).await?;
    let values = repo::likert_values(conn, ed.id).await?;
    let texts = repo::text_answers(conn, ed.id).await?;
    let questions = repo::questions(conn, ed.id)
        .await?
        .iter()
        .map(|q| {
            let mine: Vec<i64> = values.iter().filter(|(id, _)| *id == q.id).map(|(_, v)| *v).collect();
            let mut written: Vec<TextAnswer> = texts
                .iter()
                .filter(|(id, _, _)| *id == q.id)
                .map(|(_, text, name)| TextAnswer {
                    text: text.clone(),
                    name: if anonymous { None } else { name.clone() },
                })
                .collect();
            if anonymous {
                written.sort_by(|a, b| a.text.cmp(&b.text));
            }
            QuestionResult {
                question: QuestionOut::from(q),
                likert: (q.kind == "likert").then(|| rules::summarise(&mine)),
                texts: written,
            }
        })
        .collect();
    let results = SurveyResults {
        anonymous,
        submissions: repo::submission_count(conn, ed.id).await?,
        participants: usize::try_from(attendance::participant_count(conn, ed.id).await?).unwrap_or(0),
        questions,
    };
    Ok((ed, results))
}
