//! Downloads of lists and reports: CSV (UTF-8 with a byte-order mark, cells neutralised
//! against formulas) and XLSX (a header row, column widths, Unicode intact).
//!
//! Small report tables are built in memory. Long lists come from a [`BatchSource`] read a
//! batch at a time: CSV is sent while it is read; XLSX is written by the spreadsheet writer in
//! its constant-memory mode (rows go to a temporary file as they come) and the finished file
//! is streamed from disk, so neither holds the whole list in memory.

use std::future::Future;

use rocket::Responder;
use rocket::http::{ContentType, Header};
use rocket::response::stream::ByteStream;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::domain::csv_export;
use crate::error::AppError;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A share between 0 and 1, shown as a percentage in XLSX and as e.g. `87.5` in CSV.
    Share(Option<f64>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    /// The cell as CSV (and page) text.
    pub fn plain(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Int(n) => n.to_string(),
            Self::Share(Some(v)) => format!("{:.1}", v * 100.0),
            Self::Share(None) => String::new(),
        }
    }

    /// Roughly how many character widths the cell takes (wide scripts count double).
    fn width(&self) -> usize {
        match self {
            Self::Text(s) => s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum(),
            other => other.plain().len(),
        }
    }
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}

/// A named table: a report section, a sheet in the workbook.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A file to download.
#[derive(Responder)]
pub struct Download<R> {
    body: R,
    content_type: ContentType,
    disposition: Header<'static>,
}

fn disposition(file_name: &str) -> Header<'static> {
    Header::new("Content-Disposition", crate::storage::content_disposition(file_name, true))
}

fn xlsx_type() -> ContentType {
    ContentType::new("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
}

fn csv_lines(rows: &[Vec<Cell>]) -> String {
    rows.iter().map(|r| csv_export::row(&r.iter().map(Cell::plain).collect::<Vec<_>>())).collect()
}

/// One table as a CSV file.
pub fn csv(file_name: &str, sheet: &Sheet) -> Download<Vec<u8>> {
    let text = format!("{}{}{}", csv_export::BOM, csv_export::row(&sheet.headers), csv_lines(&sheet.rows));
    Download { body: text.into_bytes(), content_type: ContentType::CSV, disposition: disposition(file_name) }
}

/// Where a long list comes from: each call gives the next rows, an empty batch at the end.
pub trait BatchSource: Send + 'static {
    fn next_batch(&mut self) -> impl Future<Output = Result<Vec<Vec<Cell>>, sqlx::Error>> + Send;
}

/// A long list as CSV, sent batch by batch. The first batch is read before answering, so a
/// database outage is an error page rather than a cut file.
pub async fn csv_stream<S: BatchSource>(
    file_name: &str,
    headers: Vec<String>,
    mut source: S,
) -> Result<Download<ByteStream![Vec<u8>]>, AppError> {
    let first = source.next_batch().await?;
    let body = ByteStream! {
        yield format!("{}{}", csv_export::BOM, csv_export::row(&headers)).into_bytes();
        let mut rows = first;
        while !rows.is_empty() {
            yield csv_lines(&rows).into_bytes();
            rows = match source.next_batch().await {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "export stopped");
                    break;
                }
            };
        }
    };
    Ok(Download { body, content_type: ContentType::CSV, disposition: disposition(file_name) })
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(31).collect();
    if clean.trim().is_empty() { "Sheet".into() } else { clean }
}

/// Widths in characters from the header and the rows seen, kept within sane bounds.
fn widths(headers: &[String], rows: &[Vec<Cell>]) -> Vec<f64> {
    let mut w: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows.iter().take(1000) {
        for (i, c) in row.iter().enumerate() {
            if let Some(slot) = w.get_mut(i) {
                *slot = (*slot).max(c.width());
            }
        }
    }
    w.into_iter().map(|n| (n.clamp(6, 60) + 2) as f64).collect()
}

/// Writes a header row (bold, frozen) and the column widths.
fn start_sheet(ws: &mut Worksheet, name: &str, headers: &[String], sample: &[Vec<Cell>]) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(name))?;
    let bold = Format::new().set_bold();
    for (col, h) in (0u16..).zip(headers) {
        ws.write_string_with_format(0, col, h, &bold)?;
    }
    for (col, w) in (0u16..).zip(widths(headers, sample)) {
        ws.set_column_width(col, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_rows(ws: &mut Worksheet, first_row: u32, rows: &[Vec<Cell>], percent: &Format) -> Result<(), XlsxError> {
    for (r, row) in (first_row..).zip(rows) {
        for (col, cell) in (0u16..).zip(row) {
            match cell {
                Cell::Text(s) => ws.write_string(r, col, s).map(|_| ())?,
                Cell::Int(n) => ws.write_number(r, col, *n as f64).map(|_| ())?,
                Cell::Share(Some(v)) => ws.write_number_with_format(r, col, *v, percent).map(|_| ())?,
                Cell::Share(None) => {}
            }
        }
    }
    Ok(())
}

fn percent_format() -> Format {
    Format::new().set_num_format("0.0%")
}

fn xlsx_error(e: XlsxError) -> AppError {
    AppError::Internal(format!("spreadsheet: {e}"))
}

/// Saves the workbook to a temporary file off the async threads and opens it for sending;
/// the file's name is removed at once, so it disappears when the download ends.
async fn finish(mut workbook: Workbook, file_name: &str) -> Result<Download<tokio::fs::File>, AppError> {
    let file = tokio::task::spawn_blocking(move || -> Result<std::fs::File, AppError> {
        let tmp = tempfile::NamedTempFile::new().map_err(|e| AppError::Internal(format!("temporary file: {e}")))?;
        workbook.save(tmp.path()).map_err(xlsx_error)?;
        tmp.reopen().map_err(|e| AppError::Internal(format!("temporary file: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("spreadsheet task: {e}")))??;
    Ok(Download {
        body: tokio::fs::File::from_std(file),
        content_type: xlsx_type(),
        disposition: disposition(file_name),
    })
}

/// Report tables as one workbook, one sheet per table.
pub async fn xlsx(file_name: &str, sheets: &[Sheet]) -> Result<Download<tokio::fs::File>, AppError> {
    let mut workbook = Workbook::new();
    let percent = percent_format();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        start_sheet(ws, &sheet.name, &sheet.headers, &sheet.rows).map_err(xlsx_error)?;
        write_rows(ws, 1, &sheet.rows, &percent).map_err(xlsx_error)?;
    }
    finish(workbook, file_name).await
}

/// A long list as a one-sheet workbook, written batch by batch in constant memory.
pub async fn xlsx_stream<S: BatchSource>(
    file_name: &str,
    sheet: &str,
    headers: Vec<String>,
    mut source: S,
) -> Result<Download<tokio::fs::File>, AppError> {
    let mut workbook = Workbook::new();
    let percent = percent_format();
    let mut rows = source.next_batch().await?;
    let ws = workbook.add_worksheet_with_constant_memory().map_err(xlsx_error)?;
    start_sheet(ws, sheet, &headers, &rows).map_err(xlsx_error)?;
    let mut next_row = 1u32;
    while !rows.is_empty() {
        write_rows(ws, next_row, &rows, &percent).map_err(xlsx_error)?;
        next_row = next_row.saturating_add(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        rows = source.next_batch().await?;
    }
    finish(workbook, file_name).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_print_as_percent_numbers() {
        assert_eq!(Cell::Share(Some(0.875)).plain(), "87.5");
        assert_eq!(Cell::Share(None).plain(), "");
        assert_eq!(Cell::Int(-3).plain(), "-3");
    }

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(sheet_name("By country / region [2027]"), "By country  region 2027");
        assert_eq!(sheet_name("   "), "Sheet");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn widths_count_wide_scripts_double_and_stay_bounded() {
        let rows = vec![vec![Cell::text("허태정"), Cell::text("x".repeat(200))]];
        let w = widths(&["n".into(), "long".into()], &rows);
        assert_eq!(w, vec![8.0, 62.0]);
    }

    #[test]
    fn csv_neutralises_and_marks_utf8() {
        let sheet = Sheet {
            name: "t".into(),
            headers: vec!["name".into(), "n".into()],
            rows: vec![vec![Cell::text("=cmd()"), Cell::Int(2)], vec![Cell::text("Trần"), Cell::Share(Some(0.5))]],
        };
        let d = csv("t.csv", &sheet);
        let text = String::from_utf8(d.body).unwrap_or_default();
        assert_eq!(text, "\u{feff}name,n\r\n'=cmd(),2\r\nTrần,50.0\r\n");
    }
}
