//! The QR code to the verification page, as rectangles for the PDF (vector, sharp at any zoom).

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white margin around the symbol that scanners need.
pub(crate) const QUIET_ZONE: usize = 4;

/// A QR symbol: `width` × `width` modules, dark ones as horizontal runs.
#[derive(Debug)]
pub(crate) struct Symbol {
    pub width: usize,
    /// Dark runs as (row, first column, length), in modules.
    pub runs: Vec<(usize, usize, usize)>,
}

/// Encodes `text` with medium error correction (15 % of the symbol may be damaged).
pub(crate) fn encode(text: &str) -> Result<Symbol, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, line) in colors.chunks(width).enumerate() {
        let mut start = None;
        for (col, color) in line.iter().chain(std::iter::once(&Color::Light)).enumerate() {
            match (color, start) {
                (Color::Dark, None) => start = Some(col),
                (Color::Light, Some(s)) => {
                    runs.push((row, s, col - s));
                    start = None;
                }
                _ => {}
            }
        }
    }
    Ok(Symbol { width, runs })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let url = "https://academy.example.org/verify/7KQM-W3RX-9HTP-CZ4N-FJ2D";
        let code = QrCode::with_error_correction_level(url, EcLevel::M).unwrap();
        let symbol = encode(url).unwrap();
        let mut dark = vec![false; symbol.width * symbol.width];
        for (row, col, len) in &symbol.runs {
            for c in *col..col + len {
                assert!(!dark[row * symbol.width + c], "runs overlap");
                dark[row * symbol.width + c] = true;
            }
        }
        assert_eq!(dark, code.to_vec());
    }
}
