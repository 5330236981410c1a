//! The QR code to the verification page, as rectangles for the PDF (vector, sharp at any zoom).

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white margin around the symbol that scanners need.
pub(crate) const QUIET_ZONE: usize = 4;

/// A QR symbol: `width` × `width` modules, the dark ones as rectangles.
#[derive(Debug)]
pub(crate) struct Symbol {
    pub width: usize,
    /// Dark rectangles as (row, column, width, height), in modules: runs of dark modules in
    /// a row, stacked with the same run in the rows below (fewer shapes, smaller PDF).
    pub rects: Vec<(usize, usize, usize, usize)>,
}

/// Encodes `text` with medium error correction (15 % of the symbol may be damaged).
pub(crate) fn encode(text: &str) -> Result<Symbol, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let colors = code.to_colors();
    let mut rects: Vec<(usize, usize, usize, usize)> = Vec::new();
    // Rectangles still open at the previous row, to extend downwards.
    let mut open: Vec<usize> = Vec::new();
    for (row, line) in colors.chunks(width).enumerate() {
        let mut still_open = Vec::new();
        let mut start = None;
        for (col, color) in line.iter().chain(std::iter::once(&Color::Light)).enumerate() {
            match (color, start) {
                (Color::Dark, None) => start = Some(col),
                (Color::Light, Some(s)) => {
                    let len = col - s;
                    let above = open.iter().copied().find(|&i| rects[i].1 == s && rects[i].2 == len);
                    match above {
                        Some(i) => {
                            rects[i].3 += 1;
                            still_open.push(i);
                        }
                        None => {
                            rects.push((row, s, len, 1));
                            still_open.push(rects.len() - 1);
                        }
                    }
                    start = None;
                }
                _ => {}
            }
        }
        open = still_open;
    }
    Ok(Symbol { width, rects })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn rectangles_cover_exactly_the_dark_modules() {
        let url = "https://academy.example.org/verify/7KQM-W3RX-9HTP-CZ4N-FJ2D";
        let code = QrCode::with_error_correction_level(url, EcLevel::M).unwrap();
        let symbol = encode(url).unwrap();
        let w = symbol.width;
        let mut dark = vec![false; w * w];
        for &(row, col, len, height) in &symbol.rects {
            for r in row..row + height {
                for c in col..col + len {
                    assert!(!dark[r * w + c], "rectangles overlap");
                    dark[r * w + c] = true;
                }
            }
        }
        assert_eq!(dark, code.to_colors().iter().map(|c| *c == Color::Dark).collect::<Vec<_>>());
        let runs = code.to_colors().chunks(w).map(|row| row.windows(2).filter(|p| p[0] != p[1]).count()).sum::<usize>();
        assert!(symbol.rects.len() < runs / 2, "runs stacked: {} rectangles", symbol.rects.len());
    }
}
