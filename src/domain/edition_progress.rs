//! The trainers' view of how an edition's participants are doing: the filter read from the
//! address, each participant's lesson and attendance shares (counted as the completion rules
//! count them) and the figures over everyone shown.

use super::{countries, enrollment};
use crate::msg;

/// The states of people who hold a place: the only ones these lists show.
pub const STATES: [&str; 2] = [enrollment::ACCEPTED, enrollment::COMPLETED];

/// The orders the table can be read in; the first is the default.
pub const SORTS: [&str; 3] = ["name", "lessons", "attendance"];

/// The longest name search kept, in characters.
const SEARCH_MAX_CHARS: usize = 100;

/// The filter as it came in the address.
#[derive(Debug, Clone, Default)]
pub struct RawFilter {
    pub country: Option<String>,
    pub state: Option<String>,
    pub q: Option<String>,
    pub sort: Option<String>,
}

/// A filter that keeps every rule; empty strings mean "any".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub state: String,
    /// Lower-cased words searched in the names.
    pub q: String,
    pub sort: &'static str,
}

impl Default for Filter {
    fn default() -> Self {
        Self { country: String::new(), state: String::new(), q: String::new(), sort: SORTS[0] }
    }
}

/// The filter and the message keys of the values that were refused.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub filter: Filter,
    pub problems: Vec<&'static str>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub fn parse(raw: &RawFilter) -> Parsed {
    let mut p = Parsed::default();
    if let Some(c) = given(&raw.country) {
        let code = c.to_uppercase();
        if countries::find(&code).is_some() {
            p.filter.country = code;
        } else {
            p.problems.push(msg!("trainer-progress-bad-country"));
        }
    }
    if let Some(s) = given(&raw.state) {
        match STATES.iter().find(|x| **x == s) {
            Some(x) => p.filter.state = (*x).to_string(),
            None => p.problems.push(msg!("trainer-progress-bad-state")),
        }
    }
    if let Some(q) = given(&raw.q) {
        p.filter.q = q.chars().take(SEARCH_MAX_CHARS).collect::<String>().to_lowercase();
    }
    if let Some(s) = given(&raw.sort) {
        match SORTS.iter().find(|x| **x == s) {
            Some(x) => p.filter.sort = *x,
            None => p.problems.push(msg!("trainer-progress-bad-sort")),
        }
    }
    p
}

/// Whether every word of the search appears in one of the names (case ignored in every
/// script, which the databases' `LOWER` does not do alike).
pub fn matches_search(q: &str, names: &[&str]) -> bool {
    if q.is_empty() {
        return true;
    }
    let hay: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    q.split_whitespace().all(|word| hay.iter().any(|h| h.contains(word)))
}

/// The name a list shows: the certificate name in Latin script (the account's name when the
/// application gave none), and the name in the person's own script when it differs.
pub fn shown_name(display_name: &str, latin: &str, native: &str) -> (String, Option<String>) {
    let main = if latin.trim().is_empty() { display_name.trim() } else { latin.trim() };
    let native = native.trim();
    let beside = (!native.is_empty() && native != main).then(|| native.to_string());
    (main.to_string(), beside)
}

/// What the course and the timetable hold so far: the denominators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    /// Lessons of the modules linked to the edition's course.
    pub lessons: i64,
    /// Sessions that have begun.
    pub sessions_held: i64,
}

/// One participant's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counters {
    pub lessons_done: i64,
    pub present: i64,
    pub late: i64,
    pub excused: i64,
    pub absent: i64,
}

/// One participant's figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Lessons done, never more than the course has.
    pub lessons_done: i64,
    pub lessons_total: i64,
    /// None when the course has no lessons.
    pub lessons_share: Option<f64>,
    /// Present or late.
    pub attended: i64,
    pub sessions_held: i64,
    /// Sessions held less those the person was excused from.
    pub sessions_counted: i64,
    /// None when no session counts yet.
    pub attendance_share: Option<f64>,
}

fn share(done: i64, total: i64) -> Option<f64> {
    (total > 0).then(|| done.clamp(0, total) as f64 / total as f64)
}

pub fn figures(c: &Counters, size: Size) -> Figures {
    let lessons_done = c.lessons_done.clamp(0, size.lessons.max(0));
    let attended = (c.present + c.late).max(0);
    let sessions_counted = (size.sessions_held - c.excused).max(0);
    Figures {
        lessons_done,
        lessons_total: size.lessons.max(0),
        lessons_share: share(lessons_done, size.lessons),
        attended,
        sessions_held: size.sessions_held.max(0),
        sessions_counted,
        attendance_share: share(attended, sessions_counted),
    }
}

/// A share as a whole percent, rounded down like the completion checklist.
pub fn percent(share: Option<f64>) -> Option<i64> {
    // Shares are within 0..=1, so the product fits; the small epsilon keeps 0.29 * 100 at 29.
    share.map(|s| ((s * 100.0) + 1e-9).floor() as i64)
}

/// The figures over everyone shown.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    pub participants: i64,
    pub completed: i64,
    /// Lessons done over lessons to do, everyone together.
    pub lessons_share: Option<f64>,
    /// Sessions attended over sessions counted, everyone together.
    pub attendance_share: Option<f64>,
}

/// `rows` are each participant's figures with whether they completed the edition.
pub fn summary(rows: &[(Figures, bool)]) -> Summary {
    let mut s = Summary::default();
    let (mut done, mut todo, mut attended, mut counted) = (0i64, 0i64, 0i64, 0i64);
    for (f, completed) in rows {
        s.participants += 1;
        s.completed += i64::from(*completed);
        done += f.lessons_done;
        todo += f.lessons_total;
        attended += f.attended.min(f.sessions_counted);
        counted += f.sessions_counted;
    }
    s.lessons_share = share(done, todo);
    s.attendance_share = share(attended, counted);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(country: &str, state: &str, q: &str, sort: &str) -> RawFilter {
        let some = |s: &str| Some(s.to_string());
        RawFilter { country: some(country), state: some(state), q: some(q), sort: some(sort) }
    }

    #[test]
    fn filters_are_read_and_bad_values_reported() {
        let p = parse(&raw(" vn ", "completed", "  Trần LIÊM ", ""));
        assert!(p.problems.is_empty());
        assert_eq!(p.filter.country, "VN");
        assert_eq!(p.filter.state, "completed");
        assert_eq!(p.filter.q, "trần liêm");
        assert_eq!(p.filter.sort, "name");
        let p = parse(&raw("XX", "lost", "", "shoe size"));
        assert_eq!(
            p.problems,
            vec!["trainer-progress-bad-country", "trainer-progress-bad-state", "trainer-progress-bad-sort"]
        );
        assert_eq!(p.filter, Filter::default());
        // Rejected and withdrawn people are not participants: not a state to filter by.
        assert_eq!(parse(&raw("", "rejected", "", "")).problems, vec!["trainer-progress-bad-state"]);
        assert!(parse(&RawFilter::default()).problems.is_empty());
    }

    #[test]
    fn search_ignores_case_in_every_script() {
        assert!(matches_search("trần", &["TRẦN Thanh Liêm"]));
        assert!(matches_search("liêm thanh", &["x", "Trần Thanh Liêm"]));
        assert!(matches_search("анна", &["АННА Смирнова"]));
        assert!(!matches_search("an nguyen", &["Nguyễn Văn An"]));
        assert!(matches_search("", &[]));
    }

    #[test]
    fn names_prefer_the_certificate_and_show_the_own_script_beside() {
        assert_eq!(
            shown_name("Liem", "Tran Thanh Liem", "Trần Thanh Liêm"),
            ("Tran Thanh Liem".into(), Some("Trần Thanh Liêm".into()))
        );
        assert_eq!(shown_name("Amara Okafor", "", ""), ("Amara Okafor".into(), None));
        assert_eq!(shown_name("x", "Lucía Fernández", "Lucía Fernández"), ("Lucía Fernández".into(), None));
    }

    #[test]
    fn excused_sessions_leave_the_denominator_and_lessons_are_capped() {
        let c = Counters { lessons_done: 40, present: 2, late: 1, excused: 1, absent: 0 };
        let f = figures(&c, Size { lessons: 32, sessions_held: 4 });
        assert_eq!((f.lessons_done, f.lessons_total), (32, 32));
        assert_eq!(f.lessons_share, Some(1.0));
        assert_eq!((f.attended, f.sessions_held, f.sessions_counted), (3, 4, 3));
        assert_eq!(percent(f.attendance_share), Some(100));
        let none = figures(&Counters::default(), Size::default());
        assert_eq!((none.lessons_share, none.attendance_share), (None, None));
        assert_eq!(percent(Some(0.29)), Some(29));
        assert_eq!(percent(Some(2.0 / 3.0)), Some(66));
    }

    #[test]
    fn the_summary_pools_everyone() {
        let size = Size { lessons: 10, sessions_held: 4 };
        let a = figures(&Counters { lessons_done: 10, present: 4, ..Counters::default() }, size);
        let b = figures(&Counters { lessons_done: 5, present: 1, excused: 2, ..Counters::default() }, size);
        let s = summary(&[(a, true), (b, false)]);
        assert_eq!((s.participants, s.completed), (2, 1));
        assert_eq!(s.lessons_share, Some(0.75));
        // 4 of 4 and 1 of 2: 5 of 6.
        assert_eq!(percent(s.attendance_share), Some(83));
        assert_eq!(summary(&[]), Summary::default());
    }
}
