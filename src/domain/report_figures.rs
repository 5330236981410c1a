//! The figures of a report, added up from groups of enrollments: applications by state,
//! participants, countries reached, lesson progress, attendance, completion and certificates.
//!
//! Participants are the enrollments that hold a place (accepted or completed). Lesson
//! progress is lessons done over lessons of the course; attendance is sessions attended
//! (present or late) over sessions that have begun, leaving excused ones out; completion is
//! completed participants over participants.

use std::collections::{BTreeMap, BTreeSet};

use super::enrollment::{ACCEPTED, COMPLETED};

/// One group of enrollments of one edition, with its summed activity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group<'a> {
    pub country: &'a str,
    pub state: &'a str,
    pub enrollments: i64,
    pub lessons_done: i64,
    pub present: i64,
    pub late: i64,
    pub excused: i64,
    pub certificates: i64,
}

/// What the edition of a group contributes to the denominators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EditionSize {
    pub lessons: i64,
    pub sessions_held: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub applications: i64,
    pub by_state: BTreeMap<String, i64>,
    pub participants: i64,
    pub completed: i64,
    pub certificates: i64,
    pub countries: BTreeSet<String>,
    lessons_done: i64,
    lessons_expected: i64,
    attended: i64,
    attendance_expected: i64,
}

fn share(part: i64, whole: i64) -> Option<f64> {
    // Counters can exceed their expectation (a mark for a session moved later); cap at 100 %.
    (whole > 0).then(|| (part as f64 / whole as f64).clamp(0.0, 1.0))
}

impl Figures {
    pub fn add(&mut self, g: &Group<'_>, size: EditionSize) {
        self.applications += g.enrollments;
        *self.by_state.entry(g.state.to_string()).or_default() += g.enrollments;
        self.certificates += g.certificates;
        if g.state == ACCEPTED || g.state == COMPLETED {
            self.participants += g.enrollments;
            if g.state == COMPLETED {
                self.completed += g.enrollments;
            }
            if !g.country.is_empty() {
                self.countries.insert(g.country.to_string());
            }
            self.lessons_done += g.lessons_done;
            self.lessons_expected += g.enrollments * size.lessons;
            self.attended += g.present + g.late;
            self.attendance_expected += (g.enrollments * size.sessions_held - g.excused).max(0);
        }
    }

    pub fn state(&self, state: &str) -> i64 {
        self.by_state.get(state).copied().unwrap_or(0)
    }

    pub fn completion_rate(&self) -> Option<f64> {
        share(self.completed, self.participants)
    }

    pub fn attendance_rate(&self) -> Option<f64> {
        share(self.attended, self.attendance_expected)
    }

    pub fn lesson_progress(&self) -> Option<f64> {
        share(self.lessons_done, self.lessons_expected)
    }
}

/// Figures per key, in the keys' order.
pub type Breakdown<K> = BTreeMap<K, Figures>;

pub fn add_to<K: Ord>(map: &mut Breakdown<K>, key: K, g: &Group<'_>, size: EditionSize) {
    map.entry(key).or_default().add(g, size);
}

/// The lesson-progress band (0–5) of a participant who did `done` of `total` lessons:
/// none, under a quarter, under half, under three quarters, not all, all.
pub fn progress_band(done: i64, total: i64) -> usize {
    if total <= 0 || done <= 0 {
        return 0;
    }
    if done >= total {
        return 5;
    }
    match done * 4 / total {
        0 => 1,
        1 => 2,
        2 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(
        country: &'static str,
        state: &'static str,
        n: i64,
        lessons: i64,
        present: i64,
        excused: i64,
    ) -> Group<'static> {
        Group { country, state, enrollments: n, lessons_done: lessons, present, late: 0, excused, certificates: 0 }
    }

    const SIZE: EditionSize = EditionSize { lessons: 10, sessions_held: 4 };

    #[test]
    fn participants_hold_a_place_and_applications_count_everyone() {
        let mut f = Figures::default();
        f.add(&g("KR", "accepted", 3, 15, 6, 0), SIZE);
        f.add(&g("VN", "completed", 1, 10, 4, 0), SIZE);
        f.add(&g("FR", "rejected", 5, 0, 0, 0), SIZE);
        assert_eq!((f.applications, f.participants, f.completed), (9, 4, 1));
        assert_eq!(f.state("rejected"), 5);
        assert_eq!(f.countries.len(), 2, "rejected applicants are not reached");
        assert_eq!(f.completion_rate(), Some(0.25));
        assert_eq!(f.lesson_progress(), Some(25.0 / 40.0));
        assert_eq!(f.attendance_rate(), Some(10.0 / 16.0));
    }

    #[test]
    fn excused_sessions_leave_the_denominator() {
        let mut f = Figures::default();
        f.add(&g("KR", "accepted", 1, 0, 3, 1), SIZE);
        assert_eq!(f.attendance_rate(), Some(1.0));
    }

    #[test]
    fn nothing_to_divide_by_gives_no_rate() {
        let mut f = Figures::default();
        f.add(&g("KR", "submitted", 2, 0, 0, 0), SIZE);
        assert_eq!((f.completion_rate(), f.attendance_rate(), f.lesson_progress()), (None, None, None));
    }

    #[test]
    fn bands_split_progress_in_quarters() {
        let bands: Vec<usize> = [0, 1, 3, 5, 8, 9, 12, 13].iter().map(|d| progress_band(*d, 12)).collect();
        assert_eq!(bands, vec![0, 1, 2, 2, 3, 4, 5, 5]);
        assert_eq!(progress_band(3, 0), 0);
    }
}
