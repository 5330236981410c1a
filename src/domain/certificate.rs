//! Certificate codes and the words that go with certificates: a code is random, long enough
//! that guessing one is hopeless, and easy to read aloud or type from paper.

use rand::Rng;

use crate::msg;

/// Digits and capitals without the look-alikes 0/O, 1/I/L.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// 20 characters from 31: about 99 bits.
const LENGTH: usize = 20;
const GROUP: usize = 4;

/// A new code such as `7KQM-W3RX-9HTP-CZ4N-FJ2D`, from the operating system's generator.
pub fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<char> = (0..LENGTH).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect();
    chars.chunks(GROUP).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A code as someone typed it (any case, spaces or dashes anywhere) in its printed form, or
/// `None` when it cannot be a code.
pub fn normalise(typed: &str) -> Option<String> {
    let plain: String =
        typed.chars().filter(|c| !matches!(c, '-' | ' ' | '\u{a0}')).map(|c| c.to_ascii_uppercase()).collect();
    if plain.chars().count() != LENGTH || !plain.bytes().all(|b| ALPHABET.contains(&b)) {
        return None;
    }
    let chars: Vec<char> = plain.chars().collect();
    Some(chars.chunks(GROUP).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// A reason for revoking or for a decision: required, at most 500 characters, no control
/// characters except line breaks.
pub fn reason(text: &str) -> Result<String, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Err(msg!("err-reason-required"));
    }
    if t.chars().count() > 500 || t.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        return Err(msg!("err-reason-invalid"));
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_grouped_and_unambiguous() {
        let c = new_code();
        assert_eq!(c.len(), 24);
        assert_eq!(c.split('-').count(), 5);
        assert!(!c.contains(['0', 'O', '1', 'I', 'L']));
        assert_ne!(new_code(), new_code());
        // log2(31) * 20 ≥ 80 bits.
        assert!((ALPHABET.len() as f64).log2() * LENGTH as f64 >= 80.0);
    }

    #[test]
    fn typed_codes_are_read_back() {
        let c = new_code();
        assert_eq!(normalise(&c.to_lowercase().replace('-', " ")).as_deref(), Some(c.as_str()));
        assert_eq!(normalise(&c.replace('-', "")).as_deref(), Some(c.as_str()));
        assert_eq!(normalise("ABCD-EFGH"), None);
        assert_eq!(normalise("0000-0000-0000-0000-0000"), None, "look-alikes are not in codes");
        assert_eq!(normalise("../../etc/passwd"), None);
    }

    #[test]
    fn reasons_are_required_and_plain() {
        assert_eq!(reason("  Name misspelt  ").as_deref(), Ok("Name misspelt"));
        assert!(reason("   ").is_err());
        assert!(reason("a\u{0}b").is_err());
        assert!(reason(&"x".repeat(501)).is_err());
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `11–15 October 2027`, `28 September – 2 October 2027`, `30 December 2027 – 3 January 2028`
/// from two `YYYY-MM-DD` dates (as printed on certificates, in English).
pub fn date_range(starts_on: &str, ends_on: &str) -> String {
    let parse = |d: &str| -> Option<(i64, usize, i64)> {
        let mut p = d.get(..10)?.split('-');
        let y = p.next()?.parse().ok()?;
        let m: usize = p.next()?.parse().ok()?;
        let day = p.next()?.parse().ok()?;
        (1..=12).contains(&m).then_some((y, m, day))
    };
    let (Some((y1, m1, d1)), Some((y2, m2, d2))) = (parse(starts_on), parse(ends_on)) else {
        return format!("{starts_on} – {ends_on}");
    };
    let month = |m: usize| MONTHS[m - 1];
    if (y1, m1, d1) == (y2, m2, d2) {
        format!("{d1} {} {y1}", month(m1))
    } else if (y1, m1) == (y2, m2) {
        format!("{d1}–{d2} {} {y1}", month(m1))
    } else if y1 == y2 {
        format!("{d1} {} – {d2} {} {y1}", month(m1), month(m2))
    } else {
        format!("{d1} {} {y1} – {d2} {} {y2}", month(m1), month(m2))
    }
}

#[cfg(test)]
mod date_tests {
    use super::date_range;

    #[test]
    fn ranges_read_naturally() {
        assert_eq!(date_range("2027-10-11", "2027-10-15"), "11–15 October 2027");
        assert_eq!(date_range("2027-09-28", "2027-10-02"), "28 September – 2 October 2027");
        assert_eq!(date_range("2027-12-30", "2028-01-03"), "30 December 2027 – 3 January 2028");
        assert_eq!(date_range("2027-10-11", "2027-10-11"), "11 October 2027");
    }
}
