//! Completion rules of an edition and how far a participant is from meeting them.

use serde::Serialize;

/// What an edition requires; `None` means the rule is not used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Rules {
    /// Share of the course's lessons done, in percent.
    pub lessons_pct: Option<i64>,
    /// Share of the sessions attended (present or late; excused sessions are not counted), in percent.
    pub attendance_pct: Option<i64>,
    /// The feedback survey must be submitted.
    pub survey: bool,
}

impl Rules {
    /// Whether any rule is set (with none, certificates are only issued by a coordinator).
    pub fn any(&self) -> bool {
        self.lessons_pct.is_some() || self.attendance_pct.is_some() || self.survey
    }
}

/// What a participant has done so far.
#[derive(Debug, Clone, Copy, Default)]
pub struct Done {
    pub lessons_done: i64,
    pub lessons_total: i64,
    pub sessions_attended: i64,
    /// Sessions that count: all of the edition's, less those the participant was excused from.
    pub sessions_counted: i64,
    pub survey_submitted: bool,
}

/// One line of the checklist.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Item {
    /// `lessons`, `attendance` or `survey`.
    pub rule: &'static str,
    /// The threshold in percent (100 for the survey).
    pub required_pct: i64,
    /// How far the participant is, in percent (rounded down).
    pub percent: i64,
    pub done: i64,
    pub total: i64,
    pub met: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Checklist {
    pub items: Vec<Item>,
    /// Every rule is met (and at least one rule exists).
    pub complete: bool,
}

/// `done` of `total` as a whole percent, rounded down; nothing to do counts as 100 %.
fn percent(done: i64, total: i64) -> i64 {
    if total <= 0 { 100 } else { (done.clamp(0, total) * 100) / total }
}

/// Is `done` of `total` at least `pct` percent? Compared in whole numbers, so 3 of 4 meets 75.
fn reaches(done: i64, total: i64, pct: i64) -> bool {
    total <= 0 || done.clamp(0, total) * 100 >= pct * total
}

pub fn evaluate(rules: &Rules, d: &Done) -> Checklist {
    let mut items = Vec::new();
    if let Some(pct) = rules.lessons_pct {
        items.push(Item {
            rule: "lessons",
            required_pct: pct,
            percent: percent(d.lessons_done, d.lessons_total),
            done: d.lessons_done,
            total: d.lessons_total,
            met: reaches(d.lessons_done, d.lessons_total, pct),
        });
    }
    if let Some(pct) = rules.attendance_pct {
        items.push(Item {
            rule: "attendance",
            required_pct: pct,
            percent: percent(d.sessions_attended, d.sessions_counted),
            done: d.sessions_attended,
            total: d.sessions_counted,
            met: reaches(d.sessions_attended, d.sessions_counted, pct),
        });
    }
    if rules.survey {
        let n = i64::from(d.survey_submitted);
        items.push(Item {
            rule: "survey",
            required_pct: 100,
            percent: n * 100,
            done: n,
            total: 1,
            met: d.survey_submitted,
        });
    }
    let complete = !items.is_empty() && items.iter().all(|i| i.met);
    Checklist { items, complete }
}

/// A threshold typed by a coordinator: empty for "not used", else a whole number 0–100.
pub fn threshold(text: &str) -> Result<Option<i64>, &'static str> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if (0..=100).contains(&n) => Ok(Some(n)),
        _ => Err(crate::msg!("err-threshold")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(lessons: i64, of: i64, attended: i64, counted: i64, survey: bool) -> Done {
        Done {
            lessons_done: lessons,
            lessons_total: of,
            sessions_attended: attended,
            sessions_counted: counted,
            survey_submitted: survey,
        }
    }

    #[test]
    fn thresholds_are_met_at_and_above_not_below() {
        let rules = Rules { lessons_pct: Some(80), attendance_pct: Some(75), survey: false };
        // 80 % of 10 lessons is 8: 7 is below, 8 at, 9 above.
        assert!(!evaluate(&rules, &done(7, 10, 4, 4, false)).complete);
        assert!(evaluate(&rules, &done(8, 10, 4, 4, false)).complete);
        assert!(evaluate(&rules, &done(9, 10, 4, 4, false)).complete);
        // 75 % of 4 sessions is 3; of 7 sessions it is 5.25, so 5 is below and 6 meets it.
        assert!(evaluate(&rules, &done(10, 10, 3, 4, false)).complete);
        assert!(!evaluate(&rules, &done(10, 10, 2, 4, false)).complete);
        assert!(!evaluate(&rules, &done(10, 10, 5, 7, false)).complete);
        assert!(evaluate(&rules, &done(10, 10, 6, 7, false)).complete);
    }

    #[test]
    fn the_survey_and_empty_rules() {
        let survey = Rules { survey: true, ..Rules::default() };
        assert!(!evaluate(&survey, &done(0, 0, 0, 0, false)).complete);
        let c = evaluate(&survey, &done(0, 0, 0, 0, true));
        assert!(c.complete && c.items[0].percent == 100);
        assert!(!evaluate(&Rules::default(), &done(10, 10, 5, 5, true)).complete, "no rules: nothing automatic");
        // Nothing to attend counts as attended.
        let att = Rules { attendance_pct: Some(50), ..Rules::default() };
        assert!(evaluate(&att, &done(0, 0, 0, 0, false)).complete);
    }

    #[test]
    fn percentages_round_down_and_thresholds_parse() {
        let rules = Rules { lessons_pct: Some(0), ..Rules::default() };
        assert_eq!(evaluate(&rules, &done(2, 3, 0, 0, false)).items[0].percent, 66);
        assert_eq!(threshold(" 75 % "), Ok(Some(75)));
        assert_eq!(threshold(""), Ok(None));
        assert!(threshold("101").is_err() && threshold("-1").is_err() && threshold("abc").is_err());
    }
}
