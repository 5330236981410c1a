//! The feedback survey of an edition: questions on a 1–5 scale or in free text, and the
//! checks each submitted answer must pass.

use std::collections::BTreeMap;

use super::FieldErrors;
use crate::msg;

pub const KINDS: [&str; 2] = ["likert", "text"];
pub const LIKERT_VALUES: [i64; 5] = [1, 2, 3, 4, 5];
pub const PROMPT_MAX: usize = 500;
pub const ANSWER_MAX: usize = 2000;
pub const MAX_QUESTIONS: usize = 50;

/// A question as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub kind: String,
    pub prompt: String,
    pub required: i64,
}

/// A new question as a coordinator types it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct QuestionInput {
    pub kind: String,
    pub prompt: String,
    /// A checkbox: "1", "on" or "true" when ticked.
    pub required: String,
}

/// A question that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuestion {
    pub kind: &'static str,
    pub prompt: String,
    pub required: bool,
}

fn has_control(raw: &str, allow_lines: bool) -> bool {
    raw.chars().any(|c| c.is_control() && !(allow_lines && matches!(c, '\n' | '\r' | '\t')))
}

pub fn check_question(q: &QuestionInput) -> Result<NewQuestion, FieldErrors> {
    let mut e = FieldErrors::new();
    let kind = KINDS.iter().copied().find(|k| *k == q.kind.trim());
    if kind.is_none() {
        e.add("kind", msg!("err-survey-kind"));
    }
    let prompt = q.prompt.split_whitespace().collect::<Vec<_>>().join(" ");
    if has_control(&q.prompt, false) {
        e.add("prompt", msg!("err-survey-control"));
    } else if prompt.is_empty() {
        e.add("prompt", msg!("err-survey-prompt-required"));
    } else if prompt.chars().count() > PROMPT_MAX {
        e.add("prompt", msg!("err-survey-prompt-too-long"));
    }
    e.clone().into_result()?;
    let required = matches!(q.required.trim(), "1" | "on" | "true");
    kind.map(|kind| NewQuestion { kind, prompt, required }).ok_or(e)
}

/// One answer that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Likert(i64),
    Text(String),
}

/// A problem with the answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerProblem {
    pub question_id: i64,
    pub key: &'static str,
}

/// Checks the answers `given` (question id → raw value) against the questions. Empty
/// answers to optional questions are left out; answers to unknown questions are ignored.
pub fn check_answers(
    questions: &[Question],
    given: &BTreeMap<i64, String>,
) -> Result<Vec<(i64, Answer)>, Vec<AnswerProblem>> {
    let mut answers = Vec::new();
    let mut problems = Vec::new();
    for q in questions {
        let raw = given.get(&q.id).map_or("", String::as_str);
        let mut refuse = |key| problems.push(AnswerProblem { question_id: q.id, key });
        if raw.trim().is_empty() {
            if q.required != 0 {
                refuse(msg!("err-survey-answer-required"));
            }
            continue;
        }
        if q.kind == "likert" {
            match raw.trim().parse::<i64>() {
                Ok(v) if LIKERT_VALUES.contains(&v) => answers.push((q.id, Answer::Likert(v))),
                _ => refuse(msg!("err-survey-likert")),
            }
        } else if has_control(raw, true) {
            refuse(msg!("err-survey-control"));
        } else {
            let text = raw.trim().replace("\r\n", "\n");
            if text.chars().count() > ANSWER_MAX {
                refuse(msg!("err-survey-answer-too-long"));
            } else {
                answers.push((q.id, Answer::Text(text)));
            }
        }
    }
    if problems.is_empty() { Ok(answers) } else { Err(problems) }
}

/// Counts per value 1–5 and the mean of a Likert question's answers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct LikertSummary {
    /// Answers with 1, 2, 3, 4 and 5.
    pub counts: [i64; 5],
    pub answers: i64,
    /// Null without answers.
    pub mean: Option<f64>,
}

pub fn summarise(values: &[i64]) -> LikertSummary {
    let mut counts = [0i64; 5];
    for v in values.iter().filter(|v| LIKERT_VALUES.contains(v)) {
        if let Some(c) = usize::try_from(*v - 1).ok().and_then(|i| counts.get_mut(i)) {
            *c += 1;
        }
    }
    let answers: i64 = counts.iter().sum();
    let sum: i64 = counts.iter().zip(LIKERT_VALUES).map(|(c, v)| c * v).sum();
    // Rounded to two decimals, as people read it.
    let mean = (answers > 0).then(|| (sum as f64 / answers as f64 * 100.0).round() / 100.0);
    LikertSummary { counts, answers, mean }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i64, kind: &str, required: bool) -> Question {
        Question { id, position: id, kind: kind.into(), prompt: "?".into(), required: i64::from(required) }
    }

    fn given(pairs: &[(i64, &str)]) -> BTreeMap<i64, String> {
        pairs.iter().map(|(k, v)| (*k, (*v).to_string())).collect()
    }

    #[test]
    fn questions_need_a_kind_and_a_prompt() {
        let ok =
            QuestionInput { kind: "likert".into(), prompt: "  The pace   was right ".into(), required: "on".into() };
        assert_eq!(
            check_question(&ok),
            Ok(NewQuestion { kind: "likert", prompt: "The pace was right".into(), required: true })
        );
        let bad = QuestionInput { kind: "choice".into(), prompt: String::new(), required: String::new() };
        let e = check_question(&bad).err().unwrap_or_default();
        assert_eq!(e.for_field("kind"), Some("err-survey-kind"));
        assert_eq!(e.for_field("prompt"), Some("err-survey-prompt-required"));
        let long = QuestionInput { kind: "text".into(), prompt: "x".repeat(PROMPT_MAX + 1), required: String::new() };
        assert!(check_question(&long).is_err());
    }

    #[test]
    fn answers_are_checked_per_question() {
        let qs = [q(1, "likert", true), q(2, "text", false), q(3, "likert", false)];
        let ok = check_answers(&qs, &given(&[(1, "5"), (2, " Very useful\r\nThanks "), (9, "ignored")]));
        assert_eq!(ok, Ok(vec![(1, Answer::Likert(5)), (2, Answer::Text("Very useful\nThanks".into()))]));
        let e = check_answers(&qs, &given(&[(2, "a\u{7}b"), (3, "6")])).err().unwrap_or_default();
        assert_eq!(
            e,
            vec![
                AnswerProblem { question_id: 1, key: "err-survey-answer-required" },
                AnswerProblem { question_id: 2, key: "err-survey-control" },
                AnswerProblem { question_id: 3, key: "err-survey-likert" },
            ]
        );
        let e = check_answers(&qs, &given(&[(1, "0"), (2, &"é".repeat(ANSWER_MAX + 1))])).err().unwrap_or_default();
        assert_eq!(e.iter().map(|p| p.key).collect::<Vec<_>>(), ["err-survey-likert", "err-survey-answer-too-long"]);
        assert!(check_answers(&qs, &given(&[(1, "1"), (2, &"é".repeat(ANSWER_MAX))])).is_ok(), "characters, not bytes");
    }

    #[test]
    fn likert_answers_are_summarised() {
        let s = summarise(&[5, 4, 4, 2]);
        assert_eq!((s.counts, s.answers, s.mean), ([0, 1, 0, 2, 1], 4, Some(3.75)));
        assert_eq!(summarise(&[]).mean, None);
        assert_eq!(summarise(&[1, 2, 2]).mean, Some(1.67));
    }
}
