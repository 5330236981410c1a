//! Attendance rules: the four marks, which automatic mark may replace which, the changing
//! check-in code of a session, when a session accepts check-ins, and the share of a
//! session an online participant must attend.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::db::Timestamp;
use crate::msg;

pub const STATUSES: [&str; 4] = ["present", "late", "excused", "absent"];

/// Where a mark came from: the trainer's roster, a participant's check-in, an import.
pub const ROSTER: &str = "roster";
pub const CHECKIN: &str = "checkin";
pub const IMPORT: &str = "import";

/// Check-ins open this many minutes before a session starts.
pub const CHECKIN_OPENS_MINUTES: i64 = 30;

/// Characters of a check-in code: no 0/O or 1/I, which people confuse when typing.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
pub const CODE_LEN: usize = 10;

pub fn status(raw: &str) -> Result<&'static str, &'static str> {
    STATUSES.iter().copied().find(|s| *s == raw.trim()).ok_or(msg!("err-attendance-status"))
}

/// May an automatic mark (check-in or import) replace the current one? A mark a trainer
/// set by hand wins, unless it is `absent` (the person turned up after all).
pub fn automatic_may_replace(current: Option<(&str, &str)>, source: &str) -> bool {
    match current {
        None => true,
        Some(("absent", _)) => true,
        Some((_, ROSTER)) => false,
        // An import replaces earlier automatic marks (a corrected file); a check-in does not.
        Some(_) => source == IMPORT,
    }
}

/// The minute number of a moment (minutes since 1970, UTC).
pub fn minute_of(at: Timestamp) -> i64 {
    at.0.unix_timestamp().div_euclid(60)
}

/// The check-in code of `session_id` during `minute`: HMAC-SHA256 of both under the
/// session's secret, its first 50 bits written with `ALPHABET`.
pub fn checkin_code(secret: &str, session_id: i64, minute: i64) -> String {
    let digest = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mut mac) => {
            mac.update(format!("{session_id}:{minute}").as_bytes());
            mac.finalize().into_bytes()
        }
        // HMAC takes keys of any length; this arm is never taken.
        Err(_) => return String::new(),
    };
    let mut bits: u64 = 0;
    for b in digest.iter().take(8) {
        bits = (bits << 8) | u64::from(*b);
    }
    (0..CODE_LEN)
        .map(|i| {
            let index = (bits >> (64 - 5 * (i + 1))) & 31;
            char::from(ALPHABET[usize::try_from(index).unwrap_or(0)])
        })
        .collect()
}

/// How a typed or scanned code compares with the session's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    /// The code of this minute or the one before.
    Valid,
    /// A code of this session from earlier in the last hour.
    Expired,
    /// Not a code of this session.
    Invalid,
}

/// Checks `code` (any case, spaces ignored) against the codes of `minute` and earlier.
pub fn check_code(secret: &str, session_id: i64, code: &str, minute: i64) -> CodeCheck {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if secret.is_empty() || code.len() != CODE_LEN {
        return CodeCheck::Invalid;
    }
    let matches = |m: i64| same(&checkin_code(secret, session_id, m), &code);
    if matches(minute) || matches(minute - 1) {
        CodeCheck::Valid
    } else if (2..=60).any(|back| matches(minute - back)) {
        CodeCheck::Expired
    } else {
        CodeCheck::Invalid
    }
}

/// Compares without an early exit, so timing tells nothing about a code.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// True from 30 minutes before the start until the end.
pub fn accepts_checkin(start: Timestamp, end: Timestamp, now: Timestamp) -> bool {
    start.plus_minutes(-CHECKIN_OPENS_MINUTES) <= now && now <= end
}

/// The mark for `minutes` attended of a session of `length` minutes: present from 75 %,
/// late from 25 %, absent below.
pub fn mark_for_minutes(minutes: i64, length: i64) -> &'static str {
    if length <= 0 {
        return if minutes > 0 { "present" } else { "absent" };
    }
    if minutes * 4 >= length * 3 {
        "present"
    } else if minutes * 4 >= length {
        "late"
    } else {
        "absent"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap_or_else(crate::db::now)
    }

    #[test]
    fn codes_change_every_minute_and_differ_between_sessions() {
        let a = checkin_code("secret", 7, 1000);
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(a, checkin_code("secret", 7, 1000), "a pure function");
        assert_ne!(a, checkin_code("secret", 7, 1001));
        assert_ne!(a, checkin_code("secret", 8, 1000));
        assert_ne!(a, checkin_code("other", 7, 1000));
    }

    #[test]
    fn this_and_the_previous_minute_are_accepted() {
        let code = checkin_code("s", 3, 500);
        assert_eq!(check_code("s", 3, &code, 500), CodeCheck::Valid);
        assert_eq!(check_code("s", 3, &code.to_lowercase(), 501), CodeCheck::Valid);
        assert_eq!(check_code("s", 3, &code, 502), CodeCheck::Expired);
        assert_eq!(check_code("s", 3, &code, 560), CodeCheck::Expired);
        assert_eq!(check_code("s", 3, &code, 561), CodeCheck::Invalid);
        assert_eq!(check_code("s", 3, &code, 499), CodeCheck::Invalid, "not a code of the future");
        assert_eq!(check_code("s", 4, &code, 500), CodeCheck::Invalid, "another session's code");
        assert_eq!(check_code("", 3, &code, 500), CodeCheck::Invalid, "no secret yet");
        assert_eq!(check_code("s", 3, "ABCDEFGHJK", 500), CodeCheck::Invalid);
        assert_eq!(check_code("s", 3, "", 500), CodeCheck::Invalid);
    }

    #[test]
    fn checkins_open_half_an_hour_early_and_close_at_the_end() {
        let (start, end) = (at("2027-10-11T00:30:00Z"), at("2027-10-11T02:00:00Z"));
        assert!(!accepts_checkin(start, end, at("2027-10-11T00:00:00Z").plus_seconds(-1)));
        assert!(accepts_checkin(start, end, at("2027-10-11T00:00:00Z")));
        assert!(accepts_checkin(start, end, end));
        assert!(!accepts_checkin(start, end, end.plus_seconds(1)));
    }

    #[test]
    fn shares_of_the_session_give_the_mark() {
        // A 90-minute session: 75 % is 67.5 minutes, 25 % is 22.5.
        assert_eq!(mark_for_minutes(68, 90), "present");
        assert_eq!(mark_for_minutes(67, 90), "late");
        assert_eq!(mark_for_minutes(23, 90), "late");
        assert_eq!(mark_for_minutes(22, 90), "absent");
        // Exactly 75 % and 25 % of 100 minutes.
        assert_eq!(mark_for_minutes(75, 100), "present");
        assert_eq!(mark_for_minutes(25, 100), "late");
        assert_eq!(mark_for_minutes(0, 100), "absent");
        assert_eq!(mark_for_minutes(500, 100), "present");
    }

    #[test]
    fn automatic_marks_never_override_a_trainer_except_absent() {
        assert!(automatic_may_replace(None, CHECKIN));
        assert!(automatic_may_replace(Some(("absent", ROSTER)), CHECKIN));
        assert!(!automatic_may_replace(Some(("excused", ROSTER)), CHECKIN));
        assert!(!automatic_may_replace(Some(("late", ROSTER)), IMPORT));
        assert!(automatic_may_replace(Some(("absent", ROSTER)), IMPORT));
        assert!(automatic_may_replace(Some(("present", CHECKIN)), IMPORT), "a corrected file may lower a check-in");
        assert!(automatic_may_replace(Some(("late", IMPORT)), IMPORT), "a corrected file replaces the last");
        assert!(!automatic_may_replace(Some(("late", IMPORT)), CHECKIN));
        assert!(automatic_may_replace(Some(("absent", IMPORT)), CHECKIN));
    }

    #[test]
    fn statuses_are_checked() {
        assert_eq!(status(" late "), Ok("late"));
        assert_eq!(status("here"), Err("err-attendance-status"));
    }
}
