//! The certificate page: border, heading, the person's names, what was completed, the
//! signatories, and the code with its QR code in the bottom-right corner.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::{Data, Document, SerializeSettings};

use super::fonts::{FaceId, FontBook};
use super::layout::{self, fit};
use super::qr::{self, Symbol};
use super::script::Cjk;
use super::text::{Line, Shaper};
use super::{Certificate, Labels, RenderError};

/// A4 landscape, in points.
const W: f32 = 842.0;
const H: f32 = 595.0;

type Color = (u8, u8, u8);
const NAVY: Color = (24, 48, 89);
const GOLD: Color = (168, 132, 72);
const INK: Color = (34, 34, 34);
const MUTED: Color = (100, 100, 100);
const PAPER: Color = (254, 252, 246);
const WHITE: Color = (255, 255, 255);
const SPECIMEN_RED: Color = (190, 30, 45);

/// How a text is drawn: the largest size it may have, its weight and colour.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    color: Color,
}

impl Style {
    const fn new(size: f32, bold: bool, color: Color) -> Style {
        Style { size, bold, color }
    }
}

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;
/// Width the centred texts may take.
const TEXT_WIDTH: f32 = 680.0;
/// The flowing middle part sits between the heading and the signatures.
const FLOW_BOTTOM: f32 = 448.0;
/// Baseline of the signature lines.
const SIGNATURE_LINE: f32 = 508.0;
/// The QR symbol's side without its quiet zone: 2.54 cm, large enough for any phone.
const QR_SIDE: f32 = 72.0;

pub(super) fn render(book: &FontBook, c: &Certificate<'_>) -> Result<Vec<u8>, RenderError> {
    let (first, second) = match c.labels {
        [first] => (first, None),
        [first, second] => (first, Some(second)),
        other => return Err(RenderError::Labels(other.len())),
    };
    if c.signatories.len() > 3 {
        return Err(RenderError::Signatories(c.signatories.len()));
    }
    if book.face(FaceId::Bundled { bold: false }).is_none() {
        return Err(RenderError::Font);
    }
    let symbol = qr::encode(c.verify_url).map_err(|e| RenderError::Qr(e.to_string()))?;
    let images = c
        .signatories
        .iter()
        .map(|s| {
            s.image
                .as_ref()
                .map(|bytes| {
                    image(bytes).map_err(|reason| RenderError::SignatureImage { name: s.name.clone(), reason })
                })
                .transpose()
        })
        .collect::<Result<Vec<_>, _>>()?;

    // No dates, ids or XMP packet: the same certificate gives the same bytes.
    let settings = SerializeSettings { enable_tagging: false, xmp_metadata: false, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        Metadata::new().title(format!("{} – {}", first.title, c.name_latin)).creator(c.program.to_owned()),
    );
    let size = Size::from_wh(W, H).ok_or(RenderError::Pdf("page size".into()))?;
    let mut page = document.start_page_with(PageSettings::new(size));
    let mut surface = page.surface();
    let mut p = Painter { s: &mut surface, shaper: Shaper::new(book, hint(c)) };
    let texts = Texts { first, second };

    p.border();
    let flow_top = p.heading(c, &texts);
    p.flow(c, &texts, flow_top);
    let qr_left = p.verification(c, &texts, &symbol);
    p.signatures(c, &images, qr_left);
    if c.specimen {
        p.specimen(&texts);
    }

    surface.finish();
    page.finish();
    document.finish().map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

/// Every text the certificate shows, with whether it is drawn bold, as `render` draws them.
fn texts<'a>(c: &Certificate<'a>) -> Vec<(&'a str, bool)> {
    let mut v = vec![
        (c.program, false),
        (c.edition, true),
        (c.theme, false),
        (c.dates, false),
        (c.venue, false),
        (c.name_latin, true),
        (c.name_native.unwrap_or(""), false),
        (c.code, true),
        (c.verify_url, false),
        (c.issued, false),
    ];
    for s in c.signatories {
        v.push((&s.name, true));
        v.push((&s.title, false));
    }
    for l in c.labels {
        v.extend([
            (l.title.as_str(), true),
            (&l.certify, false),
            (&l.completed, false),
            (&l.code, false),
            (&l.verify, false),
        ]);
        let shown = |value: &str, label: &'a str| (!value.trim().is_empty()).then_some((label, false));
        v.extend(shown(c.theme, &l.theme));
        v.extend(shown(c.dates, &l.dates));
        v.extend(shown(c.venue, &l.venue));
        v.extend(c.hours.map(|_| (l.hours.as_str(), false)));
        v.extend(c.specimen.then_some((l.specimen.as_str(), true)));
    }
    v
}

pub(super) fn missing_glyphs(book: &FontBook, c: &Certificate<'_>) -> Vec<char> {
    let hint = hint(c);
    let mut out = Vec::new();
    for (text, _) in texts(c) {
        book.missing_into(text, hint, &mut out);
    }
    out
}

/// The CJK face for Han characters of texts that carry no Hangul or kana of their own: the
/// one the person's name or the edition's language points to.
fn hint(c: &Certificate<'_>) -> Option<Cjk> {
    let second = c.labels.get(1);
    [c.name_native.unwrap_or(""), second.map_or("", |l| &l.title), second.map_or("", |l| &l.certify), c.edition]
        .into_iter()
        .find_map(Cjk::of)
}

fn image(bytes: &[u8]) -> Result<Image, String> {
    let data = Data::from(bytes.to_vec());
    match bytes {
        [0x89, b'P', b'N', b'G', ..] => Image::from_png(data, true),
        [0xFF, 0xD8, ..] => Image::from_jpeg(data, true),
        _ => Err("neither PNG nor JPEG".to_owned()),
    }
}

/// The one or two label sets.
struct Texts<'l> {
    first: &'l Labels,
    second: Option<&'l Labels>,
}

impl<'l> Texts<'l> {
    /// "English / other language" for short labels.
    fn pair(&self, pick: impl Fn(&Labels) -> &str) -> String {
        let a = pick(self.first);
        match self.other(pick) {
            Some(b) => format!("{a} / {b}"),
            None => a.to_owned(),
        }
    }

    /// The second language's wording, when it has one that differs from the English.
    fn other(&self, pick: impl Fn(&Labels) -> &str) -> Option<&'l str> {
        let b = self.second.map(|l| pick(l).trim()).filter(|b| !b.is_empty())?;
        (b != pick(self.first).trim()).then_some(b)
    }
}

/// One element of the middle part, stacked top to bottom and centred.
enum Block {
    Lines {
        lines: Vec<Line>,
        size: f32,
        color: Color,
    },
    /// Pieces of different colours on one line (label and value).
    Spans {
        spans: Vec<(Line, Color)>,
        size: f32,
    },
    Rule {
        width: f32,
    },
}

impl Block {
    fn height(&self) -> f32 {
        match self {
            Block::Lines { lines, size, .. } => lines.len() as f32 * size * LEADING,
            Block::Spans { size, .. } => size * LEADING,
            Block::Rule { .. } => 6.0,
        }
    }
}

struct Painter<'p, 's, 'b> {
    s: &'p mut Surface<'s>,
    shaper: Shaper<'b>,
}

impl Painter<'_, '_, '_> {
    fn fill(&mut self, (r, g, b): Color, opacity: f32) {
        let opacity = NormalizedF32::new(opacity).unwrap_or(NormalizedF32::ONE);
        self.s.set_fill(Some(Fill { paint: rgb::Color::new(r, g, b).into(), opacity, rule: FillRule::NonZero }));
        self.s.set_stroke(None);
    }

    fn stroke(&mut self, (r, g, b): Color, width: f32) {
        self.s.set_fill(None);
        self.s.set_stroke(Some(Stroke { paint: rgb::Color::new(r, g, b).into(), width, ..Stroke::default() }));
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        let mut pb = PathBuilder::new();
        if let Some(r) = Rect::from_xywh(x, y, w, h) {
            pb.push_rect(r);
        }
        if let Some(path) = pb.finish() {
            self.s.draw_path(&path);
        }
    }

    fn segment(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(x1, y1);
        pb.line_to(x2, y2);
        if let Some(path) = pb.finish() {
            self.s.draw_path(&path);
        }
    }

    fn diamond(&mut self, cx: f32, cy: f32, r: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(cx, cy - r);
        pb.line_to(cx + r, cy);
        pb.line_to(cx, cy + r);
        pb.line_to(cx - r, cy);
        pb.close();
        if let Some(path) = pb.finish() {
            self.s.draw_path(&path);
        }
    }

    fn line(&mut self, text: &str, bold: bool) -> Line {
        self.shaper.line(text.trim(), bold)
    }

    /// A line as given, keeping the trailing space after a label.
    fn span(&mut self, text: &str, bold: bool) -> Line {
        self.shaper.line(text, bold)
    }

    fn draw(&mut self, line: &Line, x: f32, y: f32, size: f32, color: Color) {
        self.fill(color, 1.0);
        let book = self.shaper.book();
        line.draw(book, self.s, x, y, size, false);
    }

    /// Draws `text` centred on `cx`, shrunk to `max_width` if need be.
    fn centered(&mut self, text: &str, style: Style, (cx, y): (f32, f32), max_width: f32) {
        let line = self.line(text, style.bold);
        let size = fit(line.width(1.0), style.size, max_width);
        self.draw(&line, cx - line.width(size) / 2.0, y, size, style.color);
    }

    fn border(&mut self) {
        self.fill(PAPER, 1.0);
        self.rect(18.0, 18.0, W - 36.0, H - 36.0);
        self.stroke(NAVY, 2.2);
        self.rect(18.0, 18.0, W - 36.0, H - 36.0);
        self.stroke(GOLD, 0.8);
        self.rect(25.0, 25.0, W - 50.0, H - 50.0);
        self.fill(GOLD, 1.0);
        for (x, y) in [(25.0, 25.0), (W - 25.0, 25.0), (25.0, H - 25.0), (W - 25.0, H - 25.0)] {
            self.diamond(x, y, 4.5);
        }
    }

    /// Programme, title (and its translation) and an ornament; returns where the flow starts.
    fn heading(&mut self, c: &Certificate<'_>, t: &Texts<'_>) -> f32 {
        self.centered(c.program, Style::new(11.5, false, GOLD), (W / 2.0, 66.0), TEXT_WIDTH);
        self.centered(&t.first.title, Style::new(30.0, true, NAVY), (W / 2.0, 106.0), TEXT_WIDTH);
        let mut y = 106.0;
        if let Some(title) = t.other(|l| &l.title) {
            y += 28.0;
            self.centered(title, Style::new(16.0, false, NAVY), (W / 2.0, y), TEXT_WIDTH);
        }
        y += 16.0;
        self.stroke(GOLD, 0.8);
        self.segment(W / 2.0 - 90.0, y, W / 2.0 - 10.0, y);
        self.segment(W / 2.0 + 10.0, y, W / 2.0 + 90.0, y);
        self.fill(GOLD, 1.0);
        self.diamond(W / 2.0, y, 3.5);
        y + 10.0
    }

    /// The middle: who, what, when and where, centred between the heading and the signatures.
    fn flow(&mut self, c: &Certificate<'_>, t: &Texts<'_>, top: f32) {
        let mut blocks: Vec<(f32, Block)> = Vec::new();
        self.sentence(&mut blocks, 0.0, t, |l| &l.certify);

        let name = layout::fit_lines(c.name_latin.trim(), 32.0, TEXT_WIDTH, 66.0, LEADING, 3, |part| {
            let line = self.shaper.line(part, true);
            let w = line.width(1.0);
            (line, w)
        });
        blocks.push((8.0, Block::Lines { lines: name.lines, size: name.size, color: NAVY }));
        if let Some(native) = c.name_native.map(str::trim).filter(|n| !n.is_empty()) {
            let fitted = layout::fit_lines(native, 21.0, TEXT_WIDTH, 40.0, LEADING, 2, |part| {
                let line = self.shaper.line(part, false);
                let w = line.width(1.0);
                (line, w)
            });
            blocks.push((0.0, Block::Lines { lines: fitted.lines, size: fitted.size, color: NAVY }));
        }
        blocks.push((4.0, Block::Rule { width: 260.0 }));
        self.sentence(&mut blocks, 8.0, t, |l| &l.completed);
        let edition = self.line(c.edition, true);
        let size = fit(edition.width(1.0), 18.0, TEXT_WIDTH);
        blocks.push((4.0, Block::Lines { lines: vec![edition], size, color: NAVY }));

        let mut details = Vec::new();
        if !c.theme.trim().is_empty() {
            details.push(vec![(t.pair(|l| &l.theme), c.theme)]);
        }
        let mut when_where = Vec::new();
        if !c.dates.trim().is_empty() {
            when_where.push((t.pair(|l| &l.dates), c.dates));
        }
        if !c.venue.trim().is_empty() {
            when_where.push((t.pair(|l| &l.venue), c.venue));
        }
        if !when_where.is_empty() {
            details.push(when_where);
        }
        let hours = c.hours.map(|h| h.to_string());
        if let Some(h) = &hours {
            details.push(vec![(t.pair(|l| &l.hours), h.as_str())]);
        }
        for (i, fields) in details.into_iter().enumerate() {
            let mut spans = Vec::new();
            for (j, (label, value)) in fields.into_iter().enumerate() {
                if j > 0 {
                    spans.push((self.line("·", false), GOLD));
                }
                spans.push((self.span(&format!("{label}: "), false), MUTED));
                spans.push((self.line(value, false), INK));
            }
            let gap = 1.2 * 11.0;
            let width: f32 = spans.iter().map(|(l, _)| l.width(1.0)).sum::<f32>() + gap_count(&spans) * gap / 11.0;
            let size = fit(width, 11.0, TEXT_WIDTH);
            blocks.push((if i == 0 { 10.0 } else { 0.0 }, Block::Spans { spans, size }));
        }

        // Shrink everything alike when the middle does not fit (very long names, many lines).
        let total: f32 = blocks.iter().map(|(gap, b)| gap + b.height()).sum();
        let room = FLOW_BOTTOM - top;
        let scale = if total > room { room / total } else { 1.0 };
        let mut y = top + (room - total * scale) / 2.0;
        for (gap, block) in blocks {
            y += gap * scale;
            self.block(&block, y, scale);
            y += block.height() * scale;
        }
    }

    /// A sentence label in English, with the second language beneath it, smaller.
    fn sentence(&mut self, blocks: &mut Vec<(f32, Block)>, gap: f32, t: &Texts<'_>, pick: impl Fn(&Labels) -> &str) {
        let line = self.line(pick(t.first), false);
        let size = fit(line.width(1.0), 12.5, TEXT_WIDTH);
        blocks.push((gap, Block::Lines { lines: vec![line], size, color: INK }));
        if let Some(other) = t.other(pick) {
            let line = self.line(other, false);
            let size = fit(line.width(1.0), 11.0, TEXT_WIDTH);
            blocks.push((0.0, Block::Lines { lines: vec![line], size, color: MUTED }));
        }
    }

    fn block(&mut self, block: &Block, top: f32, scale: f32) {
        match block {
            Block::Lines { lines, size, color } => {
                let size = size * scale;
                for (i, line) in lines.iter().enumerate() {
                    let y = top + (i as f32 + 0.8) * size * LEADING;
                    self.draw(line, W / 2.0 - line.width(size) / 2.0, y, size, *color);
                }
            }
            Block::Spans { spans, size } => {
                let size = size * scale;
                let gap = 1.2 * size;
                let width: f32 = spans.iter().map(|(l, _)| l.width(size)).sum::<f32>() + gap_count(spans) * gap;
                let mut x = W / 2.0 - width / 2.0;
                let y = top + 0.8 * size * LEADING;
                for (line, color) in spans {
                    let dot = line.text() == "·";
                    if dot {
                        x += gap / 2.0;
                    }
                    self.draw(line, x, y, size, *color);
                    x += line.width(size) + if dot { gap / 2.0 } else { 0.0 };
                }
            }
            Block::Rule { width } => {
                let y = top + 3.0 * scale;
                self.stroke(GOLD, 0.6);
                self.segment(W / 2.0 - width / 2.0, y, W / 2.0 + width / 2.0, y);
            }
        }
    }

    /// Code, issue date, "Verify at" with the address, and the QR code, in the bottom-right
    /// corner; returns the left edge of the whole group.
    fn verification(&mut self, c: &Certificate<'_>, t: &Texts<'_>, symbol: &Symbol) -> f32 {
        let module = QR_SIDE / symbol.width as f32;
        let quiet = qr::QUIET_ZONE as f32 * module;
        let side = QR_SIDE + 2.0 * quiet;
        let (left, top) = (W - 32.0 - side, H - 32.0 - side);
        self.fill(WHITE, 1.0);
        self.rect(left, top, side, side);
        // Drawn in module units, so that the (many) coordinates are small whole numbers.
        self.fill((0, 0, 0), 1.0);
        let mut pb = PathBuilder::new();
        for &(row, col, len, height) in &symbol.rects {
            if let Some(r) = Rect::from_xywh(col as f32, row as f32, len as f32, height as f32) {
                pb.push_rect(r);
            }
        }
        if let Some(path) = pb.finish() {
            self.s.push_transform(&Transform::from_row(module, 0.0, 0.0, module, left + quiet, top + quiet));
            self.s.draw_path(&path);
            self.s.pop();
        }

        let right = left - 2.0;
        let max = 250.0;
        let bottom = top + side - quiet;
        let lines: [(String, bool, f32, Color); 5] = [
            (t.pair(|l| &l.code), false, 7.5, MUTED),
            (c.code.to_owned(), true, 10.0, NAVY),
            (c.issued.to_owned(), false, 7.5, MUTED),
            (t.pair(|l| &l.verify), false, 7.5, MUTED),
            (c.verify_url.to_owned(), false, 7.5, INK),
        ];
        let ys = [bottom - 52.0, bottom - 39.0, bottom - 28.0, bottom - 13.0, bottom - 1.5];
        let mut widest: f32 = 0.0;
        for ((text, bold, size, color), y) in lines.iter().zip(ys) {
            let line = self.line(text, *bold);
            let size = fit(line.width(1.0), *size, max);
            widest = widest.max(line.width(size));
            self.draw(&line, right - line.width(size), y, size, *color);
        }
        right - widest
    }

    /// Signatories side by side along the bottom, left of the verification group.
    fn signatures(&mut self, c: &Certificate<'_>, images: &[Option<Image>], right: f32) {
        let n = c.signatories.len();
        if n == 0 {
            return;
        }
        let (band_left, band_right) = (56.0, right - 24.0);
        let col = ((band_right - band_left) / n as f32).min(220.0);
        let start = band_left + ((band_right - band_left) - col * n as f32) / 2.0;
        for (i, s) in c.signatories.iter().enumerate() {
            let cx = start + col * (i as f32 + 0.5);
            let rule = (col - 20.0).min(170.0);
            if let Some(Some(img)) = images.get(i) {
                let (w, h) = img.size();
                let (box_w, box_h) = (rule, 44.0);
                let k = (box_w / w.max(1) as f32).min(box_h / h.max(1) as f32);
                let (dw, dh) = (w as f32 * k, h as f32 * k);
                if let Some(size) = Size::from_wh(dw, dh) {
                    self.s.push_transform(&Transform::from_translate(cx - dw / 2.0, SIGNATURE_LINE - 3.0 - dh));
                    self.s.draw_image(img.clone(), size);
                    self.s.pop();
                }
            }
            self.stroke(NAVY, 0.6);
            self.segment(cx - rule / 2.0, SIGNATURE_LINE, cx + rule / 2.0, SIGNATURE_LINE);
            self.centered(&s.name, Style::new(10.5, true, NAVY), (cx, SIGNATURE_LINE + 15.0), col - 8.0);
            self.centered(&s.title, Style::new(8.5, false, MUTED), (cx, SIGNATURE_LINE + 27.0), col - 8.0);
        }
    }

    /// A preview's marks: the specimen word across the page, large and translucent (as shapes,
    /// so that it does not break up the text one copies out), and as text in the top-left corner.
    fn specimen(&mut self, t: &Texts<'_>) {
        let mark = self.line(&t.pair(|l| &l.specimen), true);
        let size = fit(mark.width(1.0), 12.0, 220.0);
        self.draw(&mark, 40.0, 50.0, size, SPECIMEN_RED);
        let (sin, cos) = (-0.42_f32).sin_cos();
        self.s.push_transform(&Transform::from_row(cos, sin, -sin, cos, W / 2.0, H / 2.0));
        let word = self.line(&t.first.specimen, true);
        let size = fit(word.width(1.0), 120.0, 640.0);
        self.fill(SPECIMEN_RED, 0.22);
        let book = self.shaper.book();
        word.draw(book, self.s, -word.width(size) / 2.0, size * 0.35, size, true);
        if let Some(other) = t.other(|l| &l.specimen) {
            let line = self.line(other, true);
            let small = fit(line.width(1.0), size * 0.4, 640.0);
            self.fill(SPECIMEN_RED, 0.22);
            line.draw(book, self.s, -line.width(small) / 2.0, size * 0.35 + small * 1.4, small, true);
        }
        self.s.pop();
    }
}

/// The number of "·" separators, each taking extra room on both sides.
fn gap_count(spans: &[(Line, Color)]) -> f32 {
    spans.iter().filter(|(l, _)| l.text() == "·").count() as f32
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::pdf::Signatory;

    fn english() -> Labels {
        Labels {
            title: "Certificate of Completion".into(),
            certify: "This is to certify that".into(),
            completed: "has successfully completed".into(),
            theme: "Theme".into(),
            dates: "Dates".into(),
            venue: "Venue".into(),
            hours: "Hours of learning".into(),
            code: "Certificate code".into(),
            verify: "Verify at".into(),
            specimen: "SPECIMEN".into(),
        }
    }

    fn certificate<'a>(labels: &'a [Labels], signatories: &'a [Signatory]) -> Certificate<'a> {
        Certificate {
            program: "UNESCO-WTA International Training Workshop",
            edition: "23rd UNESCO-WTA International Training Workshop",
            theme: "",
            dates: "11–15 October 2027",
            venue: "",
            hours: None,
            name_latin: "Nguyễn Thị Phương Thảo",
            name_native: Some("김민준"),
            code: "7KQM-W3RX-9HTP-CZ4N-FJ2D",
            verify_url: "https://academy.example.org/verify/7KQM-W3RX-9HTP-CZ4N-FJ2D",
            signatories,
            labels,
            specimen: false,
            issued: "2027-10-15",
        }
    }

    /// A 2 × 1 PNG: one black and one white pixel.
    fn png() -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, 2, 1);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[0, 255]).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn the_same_certificate_gives_the_same_bytes() {
        let book = FontBook::bundled();
        let labels = [english()];
        let signatories =
            [Signatory { name: "Hyun-Jin Park".into(), title: "Secretary General".into(), image: Some(png()) }];
        let c = certificate(&labels, &signatories);
        let a = render(&book, &c).unwrap();
        assert_eq!(a, render(&book, &c).unwrap());
        assert_eq!(a, render(&FontBook::bundled(), &c).unwrap());
        assert!(a.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&a);
        assert!(text.contains("/MediaBox[0 0 842 595]"), "A4 landscape");
        assert!(!text.contains("/CreationDate"));
        assert!(text.contains("/Subtype/Image"), "the signature is drawn");
    }

    #[test]
    fn a_second_render_differs_only_where_the_certificate_does() {
        let book = FontBook::bundled();
        let labels = [english()];
        let mut c = certificate(&labels, &[]);
        let a = render(&book, &c).unwrap();
        c.code = "ABCD-EFGH-JKMN-PQRS-TVWX";
        assert_ne!(a, render(&book, &c).unwrap());
    }

    #[test]
    fn label_and_signatory_counts_are_checked() {
        let book = FontBook::bundled();
        let labels = [english(), english(), english()];
        assert!(matches!(render(&book, &certificate(&labels, &[])), Err(RenderError::Labels(3))));
        assert!(matches!(render(&book, &certificate(&[], &[])), Err(RenderError::Labels(0))));
        let four = vec![Signatory::default(); 4];
        assert!(matches!(render(&book, &certificate(&labels[..1], &four)), Err(RenderError::Signatories(4))));
    }

    #[test]
    fn an_unreadable_signature_image_is_an_error() {
        let book = FontBook::bundled();
        let labels = [english()];
        let signatories =
            [Signatory { name: "A. Person".into(), title: String::new(), image: Some(b"GIF89a".to_vec()) }];
        let err = render(&book, &certificate(&labels, &signatories)).unwrap_err();
        assert!(matches!(&err, RenderError::SignatureImage { name, .. } if name == "A. Person"), "{err}");
    }

    #[test]
    fn missing_glyphs_come_from_every_text() {
        let book = FontBook::bundled();
        let mut labels = [english()];
        labels[0].dates = "Dates ✓".into();
        labels[0].hours = "Hours ☐".into();
        let signatories = [Signatory { name: "박".into(), title: String::new(), image: None }];
        let c = certificate(&labels, &signatories);
        assert_eq!(missing_glyphs(&book, &c), vec!['김', '민', '준', '박', '✓']);
        assert!(render(&book, &c).is_ok(), "renders anyway");
    }
}
