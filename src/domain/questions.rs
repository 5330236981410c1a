//! Extra questions on an edition's application form: short text, long text or one choice
//! from a list. Answers are checked against their question.

use std::collections::BTreeMap;

use super::FieldErrors;
use crate::msg;

pub const KINDS: [&str; 3] = ["short", "long", "choice"];
const SHORT_MAX: usize = 200;
const LONG_MAX: usize = 2000;

/// A question as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Question {
    pub id: i64,
    pub kind: String,
    pub label: String,
    /// One choice per line (for `choice`).
    pub choices: String,
    pub required: i64,
}

impl Question {
    pub fn choice_list(&self) -> Vec<&str> {
        self.choices.lines().map(str::trim).filter(|c| !c.is_empty()).collect()
    }

    /// The form field that carries the answer.
    pub fn field(&self) -> String {
        format!("q_{}", self.id)
    }
}

/// A new question as typed by a coordinator.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct QuestionInput {
    pub kind: String,
    pub label: String,
    pub choices: String,
    pub required: String,
}

/// (kind, label, choices, required) when the question is well formed.
pub fn check_question(q: &QuestionInput) -> Result<(&'static str, String, String, bool), FieldErrors> {
    let mut e = FieldErrors::new();
    let kind = KINDS.iter().find(|k| **k == q.kind.trim()).copied();
    if kind.is_none() {
        e.add("kind", msg!("err-question-kind"));
    }
    let label = q.label.trim().to_string();
    if label.is_empty() || label.chars().count() > SHORT_MAX {
        e.add("label", msg!("err-question-label"));
    }
    let choices: Vec<&str> = q.choices.lines().map(str::trim).filter(|c| !c.is_empty()).collect();
    if kind == Some("choice") && choices.len() < 2 {
        e.add("choices", msg!("err-question-choices"));
    }
    e.clone().into_result()?;
    let required = matches!(q.required.trim(), "1" | "on" | "true");
    Ok((kind.unwrap_or("short"), label, choices.join("\n"), required))
}

/// The answers to `questions` found in `given` (keyed by form field), checked; the result
/// is keyed by question id. Problems are reported on each question's field.
pub fn check_answers(
    questions: &[Question],
    given: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Vec<(String, &'static str)>> {
    let mut answers = BTreeMap::new();
    let mut problems = Vec::new();
    for q in questions {
        let raw = given.get(&q.field()).map(|s| s.trim().replace("\r\n", "\n")).unwrap_or_default();
        let problem = if raw.is_empty() {
            (q.required != 0).then_some(msg!("err-answer-required"))
        } else {
            match q.kind.as_str() {
                "short" if raw.chars().count() > SHORT_MAX || raw.contains('\n') => Some(msg!("err-answer-too-long")),
                "long" if raw.chars().count() > LONG_MAX => Some(msg!("err-answer-too-long")),
                "choice" if !q.choice_list().contains(&raw.as_str()) => Some(msg!("err-answer-choice")),
                _ => None,
            }
        };
        match problem {
            Some(key) => problems.push((q.field(), key)),
            None if !raw.is_empty() => {
                answers.insert(q.id.to_string(), raw);
            }
            None => {}
        }
    }
    if problems.is_empty() { Ok(answers) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i64, kind: &str, required: i64) -> Question {
        Question { id, kind: kind.into(), label: "L".into(), choices: "Yes\nNo".into(), required }
    }

    #[test]
    fn answers_are_checked_against_their_question() {
        let qs = [q(1, "short", 1), q(2, "choice", 0), q(3, "long", 0)];
        let mut given = BTreeMap::new();
        given.insert("q_1".to_string(), "Daejeon".to_string());
        given.insert("q_2".to_string(), "Yes".to_string());
        let ok = check_answers(&qs, &given).unwrap();
        assert_eq!(ok.get("1").map(String::as_str), Some("Daejeon"));
        given.insert("q_2".to_string(), "Maybe".to_string());
        given.remove("q_1");
        let bad = check_answers(&qs, &given).unwrap_err();
        assert_eq!(bad, vec![("q_1".to_string(), "err-answer-required"), ("q_2".to_string(), "err-answer-choice")]);
    }

    #[test]
    fn a_choice_question_needs_two_choices() {
        let input = QuestionInput {
            kind: "choice".into(),
            label: "Diet".into(),
            choices: "Halal".into(),
            ..Default::default()
        };
        assert_eq!(check_question(&input).unwrap_err().for_field("choices"), Some("err-question-choices"));
        let input = QuestionInput { kind: "poll".into(), label: "".into(), ..Default::default() };
        let e = check_question(&input).unwrap_err();
        assert!(e.for_field("kind").is_some() && e.for_field("label").is_some());
    }
}
