//! Writing CSV for spreadsheets: a byte-order mark so Excel reads UTF-8, quoting, and cells
//! neutralised so that text typed by people never runs as a spreadsheet formula.

/// Written once before the header so spreadsheet programs detect UTF-8.
pub const BOM: &str = "\u{feff}";

/// One cell: a leading `=`, `+`, `-` or `@` gets a single quote in front (the cell then
/// reads as text), and the value is quoted when it holds a separator, quote or line break.
pub fn cell(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_string() };
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe }
}

/// One line of cells, ended with CRLF as RFC 4180 asks.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells.iter().map(|c| cell(c.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_alone() {
        assert_eq!(cell("certificate.issue"), "certificate.issue");
        assert_eq!(cell(""), "");
        assert_eq!(cell("대덕 Innopolis"), "대덕 Innopolis");
    }

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("a=b"), "a=b");
    }

    #[test]
    fn separators_quotes_and_breaks_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn rows_end_with_crlf() {
        assert_eq!(row(&["a", "b,c", "=1"]), "a,\"b,c\",'=1\r\n");
        assert_eq!(row::<&str>(&[]), "\r\n");
    }
}
