//! Splitting a lesson file into TOML front matter and Markdown body, and turning TOML
//! errors into file:line problems.

/// The front matter, the body, and the line the front matter starts on (1-based).
pub struct Split<'a> {
    pub toml: &'a str,
    pub toml_first_line: usize,
    pub body: &'a str,
    pub body_first_line: usize,
}

/// Splits at the `+++` lines; the first line of the file must be `+++`.
pub fn split(text: &str) -> Result<Split<'_>, (usize, &'static str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "+++" {
        return Err((1, "a lesson must start with a line `+++` that opens its front matter"));
    }
    let start = first.len();
    let mut offset = start;
    for (line_no, line) in (2..).zip(lines) {
        if line.trim_end() == "+++" {
            return Ok(Split {
                toml: &text[start..offset],
                toml_first_line: 2,
                body: &text[offset + line.len()..],
                body_first_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err((1, "the front matter is not closed: add a line `+++` after it"))
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|b| *b == b'\n').count() + 1
}

/// A TOML error as (line within `text`, message), with serde's wording made plainer.
pub fn toml_problem(text: &str, err: &toml::de::Error) -> (usize, String) {
    let line = err.span().map_or(1, |s| line_of(text, s.start));
    let message = err.message().trim().to_string();
    let message = if let Some(rest) = message.strip_prefix("unknown field ") {
        let key = rest.split(',').next().unwrap_or(rest);
        format!("unknown key {key}; {}", rest.split_once(',').map_or("", |(_, e)| e.trim()))
    } else if let Some(rest) = message.strip_prefix("missing field ") {
        format!("missing key {rest}")
    } else {
        message
    };
    (line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split("+++\ntitle = \"A\"\norder = 1\n+++\n\nBody\n").unwrap_or_else(|_| panic!("splits"));
        assert_eq!(s.toml, "title = \"A\"\norder = 1\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_first_line, 5);
        assert!(split("title = 1\n").is_err());
        assert!(split("+++\ntitle = 1\n").is_err());
    }
}
