//! One line of text: split into runs by font, ordered for display (right-to-left runs
//! reversed), shaped with rustybuzz, measured and drawn.

use std::ops::Range;

use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};

use super::fonts::{FaceId, FontBook};
use super::script::{self, Cjk};

/// Drawn in place of a character that no font has, so that nothing shows as an empty box.
const SUBSTITUTE: &str = "?";

/// A stretch of a line drawn with one face.
pub(crate) struct Piece {
    face: FaceId,
    /// The characters the glyphs stand for, which glyph ranges point into: in reading order,
    /// or reversed for a right-to-left piece (see `visual`).
    text: String,
    glyphs: Vec<KrillaGlyph>,
    /// Advance at a font size of 1.
    width: f32,
}

/// A shaped line, in display order; widths scale with the font size.
pub(crate) struct Line {
    text: String,
    pieces: Vec<Piece>,
    width: f32,
}

impl Line {
    /// The width at font size `size`.
    pub(crate) fn width(&self, size: f32) -> f32 {
        self.width * size
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Draws the line with its left end at `x` and its baseline at `y` (the current fill).
    /// Outlined text is drawn as shapes: seen, but not part of the text one copies out.
    pub(crate) fn draw(&self, book: &FontBook, surface: &mut Surface<'_>, x: f32, y: f32, size: f32, outlined: bool) {
        let mut x = x;
        for piece in &self.pieces {
            if let Some(face) = book.face(piece.face) {
                surface.draw_glyphs(
                    Point::from_xy(x, y),
                    &piece.glyphs,
                    face.font.clone(),
                    &piece.text,
                    size,
                    outlined,
                );
            }
            x += piece.width * size;
        }
    }
}

/// Shapes lines for one document, keeping the parsed shaping faces between lines.
pub(crate) struct Shaper<'b> {
    book: &'b FontBook,
    hint: Option<Cjk>,
    faces: Vec<(FaceId, rustybuzz::Face<'b>)>,
}

impl<'b> Shaper<'b> {
    /// `hint` picks the CJK face for Han characters in texts with no Hangul or kana.
    pub(crate) fn new(book: &'b FontBook, hint: Option<Cjk>) -> Shaper<'b> {
        Shaper { book, hint, faces: Vec::new() }
    }

    pub(crate) fn book(&self) -> &'b FontBook {
        self.book
    }

    pub(crate) fn line(&mut self, text: &str, bold: bool) -> Line {
        let text = script::clean(text);
        let runs = self.book.runs(&text, bold, self.hint);
        let mut pieces = Vec::with_capacity(runs.len());
        for (range, rtl) in display_order(&text) {
            let mut segment: Vec<(Range<usize>, Option<FaceId>)> = runs
                .iter()
                .filter(|r| r.range.start < range.end && range.start < r.range.end)
                .map(|r| (r.range.start.max(range.start)..r.range.end.min(range.end), r.font))
                .collect();
            if rtl {
                segment.reverse();
            }
            for (sub, face) in segment {
                if let Some(piece) = self.piece(&text, sub, face, rtl, bold) {
                    pieces.push(piece);
                }
            }
        }
        let width = pieces.iter().map(|p| p.width).sum();
        Line { text, pieces, width }
    }

    fn piece(&mut self, text: &str, range: Range<usize>, face: Option<FaceId>, rtl: bool, bold: bool) -> Option<Piece> {
        let part = text.get(range)?;
        let (face, mut glyphs) = match face {
            Some(face) => (face, self.shape(face, part, rtl)?),
            None => {
                // One substitute glyph per missing character; each copies out as the character itself.
                let face = FaceId::Bundled { bold };
                let mark = self.shape(face, SUBSTITUTE, false)?.into_iter().next()?;
                let mut glyphs: Vec<KrillaGlyph> = part
                    .char_indices()
                    .map(|(i, c)| KrillaGlyph { text_range: i..i + c.len_utf8(), ..mark.clone() })
                    .collect();
                if rtl {
                    glyphs.reverse();
                }
                (face, glyphs)
            }
        };
        let text = if rtl { visual(part, &mut glyphs) } else { part.to_owned() };
        Some(Piece { face, text, width: glyphs.iter().map(|g| g.x_advance).sum(), glyphs })
    }

    fn shape(&mut self, id: FaceId, text: &str, rtl: bool) -> Option<Vec<KrillaGlyph>> {
        let i = match self.faces.iter().position(|(f, _)| *f == id) {
            Some(i) => i,
            None => {
                let face = self.book.face(id)?;
                let rb = rustybuzz::Face::from_slice(face.data.as_ref(), face.index)?;
                self.faces.push((id, rb));
                self.faces.len() - 1
            }
        };
        let rb = &self.faces.get(i)?.1;
        let upem = rb.units_per_em() as f32;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(rb, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let glyphs = infos
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(i, (info, pos))| {
                let start = info.cluster as usize;
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / upem,
                    pos.x_offset as f32 / upem,
                    pos.y_offset as f32 / upem,
                    pos.y_advance as f32 / upem,
                    start..cluster_end(infos, i, rtl, text.len()),
                    None,
                )
            })
            .collect();
        Some(glyphs)
    }
}

/// Where the cluster of glyph `i` ends in the text: at the start of the next cluster in
/// logical order (glyphs of a right-to-left run come in reverse).
fn cluster_end(infos: &[rustybuzz::GlyphInfo], i: usize, rtl: bool, len: usize) -> usize {
    let cluster = infos[i].cluster;
    let next = if rtl {
        infos[..i].iter().rev().find(|g| g.cluster != cluster)
    } else {
        infos[i + 1..].iter().find(|g| g.cluster != cluster)
    };
    next.map_or(len, |g| g.cluster as usize)
}

/// Turns a right-to-left piece's text into display order (characters reversed) and points the
/// glyphs' ranges into it. Glyphs are drawn left to right; a ligature or a letter with its
/// vowel marks then maps to its characters in that same order, as PDF text extraction expects
/// of right-to-left text (it reverses each word back into reading order, and a ligature's
/// characters with it). Kept in reading order, "لا" would copy out as "ال".
fn visual(logical: &str, glyphs: &mut [KrillaGlyph]) -> String {
    let len = logical.len();
    for g in glyphs.iter_mut() {
        g.text_range = len - g.text_range.end..len - g.text_range.start;
    }
    logical.chars().rev().collect()
}

/// The line's level runs in display order, each with whether it reads right to left.
fn display_order(text: &str) -> Vec<(Range<usize>, bool)> {
    let any_rtl = text.chars().any(|c| {
        matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI)
    });
    if !any_rtl {
        return vec![(0..text.len(), false)];
    }
    let info = ParagraphBidiInfo::new(text, None);
    let (levels, runs) = info.visual_runs(0..text.len());
    runs.into_iter().map(|r| (r.clone(), levels.get(r.start).is_some_and(|l| l.is_rtl()))).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn latin_text_is_one_left_to_right_run() {
        assert_eq!(display_order("Anna Smith"), vec![(0..10, false)]);
    }

    #[test]
    fn arabic_runs_read_right_to_left_and_latin_keeps_its_place() {
        let text = "Fatima فاطمة";
        let runs = display_order(text);
        assert_eq!(runs.len(), 2);
        assert_eq!(&text[runs[0].0.clone()], "Fatima ");
        assert!(!runs[0].1);
        assert_eq!(&text[runs[1].0.clone()], "فاطمة");
        assert!(runs[1].1);
    }

    #[test]
    fn wider_text_measures_wider() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book, None);
        let short = shaper.line("Anna", false);
        let long = shaper.line("Anna Smith", false);
        assert!(long.width(10.0) > short.width(10.0));
        assert!(short.width(20.0) > short.width(10.0) * 1.99);
    }

    #[test]
    fn missing_characters_are_drawn_as_substitutes_that_copy_out_as_typed() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book, None);
        let line = shaper.line("Kim 김", false);
        let last = line.pieces.last().unwrap();
        assert_eq!(last.text, "김");
        assert_eq!(last.glyphs.len(), 1);
        assert_eq!(last.glyphs[0].text_range, 0..3);
        assert!(last.width > 0.0);
    }

    #[test]
    fn right_to_left_pieces_map_glyphs_in_display_order() {
        // "سلامة" as shaped: glyphs left to right, the lam-alef ligature standing for two letters.
        let ranges = [8..10, 6..8, 2..6, 0..2];
        let mut glyphs: Vec<KrillaGlyph> =
            ranges.iter().map(|r| KrillaGlyph::new(GlyphId::new(1), 0.5, 0.0, 0.0, 0.0, r.clone(), None)).collect();
        let text = visual("سلامة", &mut glyphs);
        let parts: Vec<&str> = glyphs.iter().map(|g| &text[g.text_range.clone()]).collect();
        assert_eq!(parts, vec!["ة", "م", "ال", "س"]);
        assert_eq!(parts.concat().chars().rev().collect::<String>(), "سلامة");
    }

    #[test]
    fn arabic_is_shaped_right_to_left_with_its_ligatures() {
        let book = FontBook::system();
        let mut shaper = Shaper::new(&book, None);
        let line = shaper.line("سلامة", false);
        assert_eq!(line.pieces.len(), 1, "one font for the whole name (fonts-noto-core installed?)");
        let piece = &line.pieces[0];
        assert_eq!(piece.glyphs.len(), 4, "lam and alef joined in one glyph");
        let copied: String = piece.glyphs.iter().map(|g| &piece.text[g.text_range.clone()]).collect();
        assert_eq!(copied.chars().rev().collect::<String>(), "سلامة");
    }
}
