//! Minutes attended from an online meeting's report: CSV with an email and a number of
//! minutes per line, the header optional, comma or semicolon separated (a semicolon file
//! may write decimals with a comma). Reports that list a person once per connection are
//! added up per email.

use std::collections::HashMap;

use super::email::Email;
use super::roster::FileProblem;
use crate::msg;

/// The most minutes one line may claim (a week).
const MAX_MINUTES: f64 = 10_080.0;

/// One line of the file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesLine {
    /// The line in the file (the first line is 1).
    pub line: usize,
    /// The email as written, or normalised when valid.
    pub email: String,
    /// Whole minutes, or why the line cannot be used.
    pub minutes: Result<i64, &'static str>,
}

/// A person's minutes over all their lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    /// The first line that names the person.
    pub line: usize,
    pub email: String,
    pub minutes: i64,
    /// Their later lines, added to this one.
    pub more_lines: Vec<usize>,
}

/// `;` when the first line has more semicolons than commas, else `,`.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' }
}

fn number(raw: &str, decimal_comma: bool) -> Option<f64> {
    let raw = raw.trim();
    let raw = if decimal_comma { raw.replace(',', ".") } else { raw.to_string() };
    raw.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn minutes(raw: &str, decimal_comma: bool) -> Result<i64, &'static str> {
    match number(raw, decimal_comma) {
        // Whole minutes attended: a part-minute does not count.
        Some(n) if (0.0..=MAX_MINUTES).contains(&n) => Ok(n.floor() as i64),
        _ => Err(msg!("err-attendance-minutes")),
    }
}

/// Reads every line. A first line without an email and without a number is the header;
/// its columns naming "mail" and "minute" or "duration" are used, else the first two.
pub fn parse(text: &str) -> Result<Vec<MinutesLine>, FileProblem> {
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    // The reader counts lines by LF only: CRLF and CR files would get wrong line numbers.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.as_str();
    let sep = delimiter(text);
    let decimal_comma = sep == b';';
    let mut reader =
        csv::ReaderBuilder::new().delimiter(sep).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let (mut email_at, mut minutes_at) = (0, 1);
    let mut first = true;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileProblem::Unreadable {
            line: e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
        })?;
        let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        if std::mem::take(&mut first) && !cell(0).contains('@') && number(&cell(1), decimal_comma).is_none() {
            let names: Vec<String> = record.iter().map(|h| h.trim().to_lowercase()).collect();
            if let Some(i) = names.iter().position(|h| h.contains("mail")) {
                email_at = i;
            }
            if let Some(i) = names.iter().position(|h| h.contains("minute") || h.contains("duration")) {
                minutes_at = i;
            }
            continue;
        }
        let raw_email = cell(email_at);
        let (email, minutes) = match Email::parse(&raw_email) {
            Ok(e) => (e.as_str().to_string(), minutes(&cell(minutes_at), decimal_comma)),
            Err(key) => (raw_email, Err(key)),
        };
        out.push(MinutesLine { line, email, minutes });
    }
    Ok(out)
}

/// Adds up the usable lines per email, in the order people first appear.
pub fn totals(lines: &[MinutesLine]) -> Vec<Total> {
    let mut out: Vec<Total> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        let Ok(m) = l.minutes else { continue };
        match index.get(l.email.as_str()) {
            Some(&i) => {
                out[i].minutes += m;
                out[i].more_lines.push(l.line);
            }
            None => {
                index.insert(&l.email, out.len());
                out.push(Total { line: l.line, email: l.email.clone(), minutes: m, more_lines: Vec::new() });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_optional() {
        let with = parse("email,minutes\nanna@example.org,80\n").unwrap_or_default();
        let without = parse("anna@example.org,80\n").unwrap_or_default();
        assert_eq!(with.len(), 1);
        assert_eq!((with[0].line, without[0].line), (2, 1));
        assert_eq!(with[0].minutes, Ok(80));
        assert_eq!(without[0].minutes, Ok(80));
    }

    #[test]
    fn semicolons_decimal_commas_and_named_columns() {
        let lines = parse("Name;User Email;Duration (Minutes)\nAnna;Anna@Example.org;44,9\n").unwrap_or_default();
        assert_eq!(lines[0].email, "anna@example.org");
        assert_eq!(lines[0].minutes, Ok(44));
    }

    #[test]
    fn bad_lines_are_kept_with_their_reason() {
        let lines = parse("email,minutes\nnot-an-email,10\nb@example.org,many\nc@example.org,-5\nd@example.org\n")
            .unwrap_or_default();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].minutes.is_err());
        assert_eq!(lines[1].minutes, Err("err-attendance-minutes"));
        assert_eq!(lines[2].minutes, Err("err-attendance-minutes"));
        assert_eq!((lines[3].line, lines[3].minutes), (5, Err("err-attendance-minutes")));
    }

    #[test]
    fn line_numbers_hold_for_windows_and_old_mac_line_ends() {
        for text in ["email,minutes\r\na@example.org,1\r\nb@example.org,2\r\n", "a@example.org,1\rb@example.org,2\r"] {
            let lines = parse(text).unwrap_or_default();
            let numbers: Vec<usize> = lines.iter().map(|l| l.line).collect();
            assert_eq!(numbers.last().copied().unwrap_or_default(), numbers[0] + 1, "{text:?}: {numbers:?}");
        }
    }

    #[test]
    fn repeated_people_are_added_up() {
        let lines = parse("a@example.org,30\nb@example.org,10\nA@example.org,40\n").unwrap_or_default();
        let t = totals(&lines);
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].minutes, t[0].more_lines.clone()), (70, vec![3]));
    }

    #[test]
    fn an_empty_or_broken_file_is_refused() {
        assert_eq!(parse(" \n\n"), Err(FileProblem::Empty));
    }
}
