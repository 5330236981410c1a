//! Participant lists as CSV: UTF-8 with or without a byte-order mark, comma or semicolon
//! separated, one header line naming the columns. Every row is checked by the same rules as
//! the forms; each problem names its line and column.

use std::collections::HashMap;

use super::email::Email;
use super::{countries, names, organisation};
use crate::msg;

/// Columns in the template, in order; `email` and `name` are required in every row.
pub const COLUMNS: [&str; 8] = [
    "email",
    "name",
    "certificate_name_latin",
    "certificate_name_native",
    "organisation",
    "organisation_type",
    "country",
    "position",
];

/// The largest file accepted.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The downloadable template: the header and one example row.
pub fn template() -> String {
    format!(
        "{}\r\nliem@example.vn,Trần Thanh Liêm,Tran Thanh Liem,Trần Thanh Liêm,Binh Duong Smart City Office,city-government,VN,Deputy director\r\n",
        COLUMNS.join(",")
    )
}

/// One participant of the list, checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    pub email: String,
    pub name: String,
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub position: String,
}

/// A problem in one cell (column empty when it concerns the whole line).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CellProblem {
    pub column: String,
    pub key: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub email: String,
    pub person: Option<Person>,
    pub problems: Vec<CellProblem>,
}

/// Why a whole file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge,
    NotUtf8 { line: usize },
    Empty,
    Header { missing: Vec<String>, unknown: Vec<String> },
    Unreadable { line: usize },
}

impl FileProblem {
    pub fn key(&self) -> &'static str {
        match self {
            FileProblem::TooLarge => msg!("err-csv-too-large"),
            FileProblem::NotUtf8 { .. } => msg!("err-csv-not-utf8"),
            FileProblem::Empty => msg!("err-csv-empty"),
            FileProblem::Header { .. } => msg!("err-csv-header"),
            FileProblem::Unreadable { .. } => msg!("err-csv-unreadable"),
        }
    }

    /// The line, or the columns, the problem is about.
    pub fn detail(&self) -> String {
        match self {
            FileProblem::NotUtf8 { line } | FileProblem::Unreadable { line } => format!("{line}"),
            FileProblem::Header { missing, unknown } => {
                let mut parts = Vec::new();
                if !missing.is_empty() {
                    parts.push(format!("- {}", missing.join(", ")));
                }
                if !unknown.is_empty() {
                    parts.push(format!("+ {}", unknown.join(", ")));
                }
                parts.join("; ")
            }
            _ => String::new(),
        }
    }
}

/// The text of the file: UTF-8 (a leading byte-order mark is dropped). A file in another
/// encoding, or mixing encodings, is refused with the first line that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<String, FileProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
            Err(FileProblem::NotUtf8 { line })
        }
    }
}

/// `;` when the header has more semicolons than commas, else `,`.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() > header.matches(',').count() { b';' } else { b',' }
}

/// Parses and checks every row. Rows with the same email as an earlier row are invalid.
pub fn parse(text: &str) -> Result<Vec<Row>, FileProblem> {
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter(text)).flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| FileProblem::Unreadable { line: 1 })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let missing: Vec<String> =
        COLUMNS[..2].iter().filter(|c| !header.iter().any(|h| h == *c)).map(|c| (*c).to_string()).collect();
    let unknown: Vec<String> = header.iter().filter(|h| !COLUMNS.contains(&h.as_str())).cloned().collect();
    if !missing.is_empty() || !unknown.is_empty() {
        return Err(FileProblem::Header { missing, unknown });
    }
    let index: HashMap<&str, usize> = header.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileProblem::Unreadable {
            line: e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
        })?;
        let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| index.get(name).and_then(|i| record.get(*i)).unwrap_or("").trim().to_string();
        let mut problems = Vec::new();
        let mut check = |column: &str, r: Result<String, &'static str>| match r {
            Ok(v) => Some(v),
            Err(key) => {
                problems.push(CellProblem { column: column.to_string(), key });
                None
            }
        };
        let email = check("email", Email::parse(&cell("email")).map(|e| e.as_str().to_string()));
        let name = check("name", names::person_name(&cell("name")));
        let latin = check(
            "certificate_name_latin",
            names::latin_name(&cell("certificate_name_latin")).map(Option::unwrap_or_default),
        );
        let native = check(
            "certificate_name_native",
            names::optional_person_name(&cell("certificate_name_native")).map(Option::unwrap_or_default),
        );
        let org = check("organisation", names::short_text(&cell("organisation")));
        let org_type = check("organisation_type", organisation::organisation_type(&cell("organisation_type")));
        let country = check("country", countries::country_code(&cell("country")));
        let position = check("position", names::short_text(&cell("position")));
        if let Some(e) = &email {
            if let Some(first) = seen.get(e) {
                problems.push(CellProblem { column: format!("email (line {first})"), key: msg!("err-csv-duplicate") });
            } else {
                seen.insert(e.clone(), line);
            }
        }
        let person = match (email.clone(), name, latin, native, org, org_type, country, position) {
            (Some(email), Some(name), Some(l), Some(n), Some(o), Some(ot), Some(c), Some(p)) if problems.is_empty() => {
                Some(Person {
                    email,
                    name,
                    certificate_name_latin: l,
                    certificate_name_native: n,
                    organisation: o,
                    organisation_type: ot,
                    country: c,
                    position: p,
                })
            }
            _ => None,
        };
        rows.push(Row { line, email: email.unwrap_or_else(|| cell("email")), person, problems });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_cleanly() {
        let rows = parse(&decode(template().as_bytes()).unwrap()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].person.as_ref().unwrap().certificate_name_native, "Trần Thanh Liêm");
    }

    #[test]
    fn bom_and_semicolons_are_accepted() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Email;Name;Country\nanna@example.ru;Анна Смирнова;ru\n".as_bytes());
        let rows = parse(&decode(&bytes).unwrap()).unwrap();
        assert_eq!(rows[0].person.as_ref().unwrap().country, "RU");
    }

    #[test]
    fn each_bad_cell_is_named_with_its_line() {
        let text =
            "email,name,country\nnot-an-email,A,KR\nb@example.org,B,ZZ\nc@example.org,C,KR\nC@example.org,C again,KR\n";
        let rows = parse(text).unwrap();
        assert_eq!((rows[0].line, rows[0].problems[0].column.as_str()), (2, "email"));
        assert_eq!((rows[1].line, rows[1].problems[0].key), (3, "err-country-unknown"));
        assert!(rows[2].problems.is_empty());
        assert_eq!((rows[3].line, rows[3].problems[0].key), (5, "err-csv-duplicate"));
    }

    #[test]
    fn bad_files_are_refused_whole() {
        assert_eq!(
            parse("mail,name\nx,y\n").unwrap_err(),
            FileProblem::Header { missing: vec!["email".into()], unknown: vec!["mail".into()] }
        );
        let mut latin1 = b"email,name\na@example.org,Ana\nb@example.org,Jos".to_vec();
        latin1.push(0xE9);
        assert_eq!(decode(&latin1).unwrap_err(), FileProblem::NotUtf8 { line: 3 });
        assert_eq!(decode(&vec![b'a'; MAX_BYTES + 1]).unwrap_err(), FileProblem::TooLarge);
        assert_eq!(parse("  \n").unwrap_err(), FileProblem::Empty);
    }
}
