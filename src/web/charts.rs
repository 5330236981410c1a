//! Accessible SVG charts drawn on the server, for pages that run no script.
//!
//! Each function returns a whole inline `<svg>` that templates insert unescaped (`{{{ }}}`), so
//! every piece of text is escaped here. A chart is one labelled image (`role="img"` named by its
//! `<title>` and `<desc>`); the page shows the same numbers in a table beside it. Only
//! presentation attributes are used: the Content-Security-Policy (`style-src 'self'`) allows
//! neither `<style>` elements nor `style=` attributes. The SVG has a `viewBox` and `width="100%"`
//! and no height, so it scales with its column.

use std::fmt::Write;

/// One horizontal bar; `display` is the text drawn next to it (e.g. "1,234" or "87.5 %").
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub display: String,
}

/// One line: x label (e.g. a year) → value; `None` leaves a gap. Series of one chart should
/// share their x labels; the axis lists them in the order they first appear.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(String, Option<f64>)>,
}

/// One horizontal bar made of named parts (e.g. application states).
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    pub label: String,
    pub parts: Vec<(String, f64)>,
}

/// Okabe–Ito hues, the light ones darkened so each reaches 3:1 against white.
pub const PALETTE: [&str; 8] = ["#0072B2", "#D55E00", "#009E73", "#C46A9C", "#9A6700", "#2B9AC9", "#857600", "#595959"];

const WIDTH: f64 = 640.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const FONT_SIZE: f64 = 13.0;
/// Body text, 16:1 on white.
const INK: &str = "#1f1f1f";
/// Ticks and axis labels, 7.5:1 on white.
const MUTED: &str = "#555555";
const GRID: &str = "#d4d4d4";
/// Longest label drawn, in narrow-character units; the full text stays in a `<title>`.
const MAX_LABEL: usize = 28;
/// Label column of bar charts: wide enough for `MAX_LABEL` characters.
const LABEL_W: f64 = 240.0;
/// Room right of the longest bar for its number.
const VALUE_W: f64 = 76.0;
const ROW: f64 = 30.0;
const BAR_H: f64 = 20.0;
/// Dash patterns per series, so lines stay apart in grey print and for colour-blind readers.
const DASHES: [&str; 4] = ["", "7 4", "2 4", "10 4 2 4"];

/// Horizontal bars, longest scale = max value; one row per bar, label left, value right of the bar.
pub fn bars(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    let id = clean_id(id);
    let max = bars.iter().map(|b| clean(b.value)).fold(0.0, f64::max);
    if max <= 0.0 {
        return empty(&id, title, desc);
    }
    let area = WIDTH - LABEL_W - VALUE_W;
    let mut out = open(&id, title, desc, bars.len() as f64 * ROW + 8.0);
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + i as f64 * ROW;
        let w = clean(b.value) / max * area;
        let shown = if b.display.trim().is_empty() { num(clean(b.value)) } else { b.display.clone() };
        row_start(&mut out, y, &b.label, &shown);
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{BAR_H}" rx="2" fill="{}"/>"#,
            num(LABEL_W),
            num(y + (ROW - BAR_H) / 2.0),
            num(w),
            PALETTE[0]
        );
        value_text(&mut out, LABEL_W + w + 6.0, y, &shown);
        out.push_str("</g>");
    }
    out + "</svg>"
}

/// Lines over shared x labels (years), y axis from 0 to a rounded max with 4–6 gridlines and
/// tick labels; `percent = true` formats ticks as "0 %…100 %" and fixes the max at 100.
/// Legend when more than one series.
pub fn lines(id: &str, title: &str, desc: &str, series: &[Series], percent: bool) -> String {
    let id = clean_id(id);
    let xs = x_labels(series);
    if !series.iter().any(|s| s.points.iter().any(|(_, v)| v.is_some())) {
        return empty(&id, title, desc);
    }
    let cap = |v: f64| if percent { clean(v).min(100.0) } else { clean(v) };
    let max = series.iter().flat_map(|s| s.points.iter().filter_map(|p| p.1)).map(cap).fold(0.0, f64::max);
    let (top, step) = if percent { (100.0, 25.0) } else { axis(max) };
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let (slots, legend_h) = if series.len() > 1 { legend_layout(&names, 64.0) } else { (Vec::new(), 0.0) };
    let (left, right, plot_top, plot_h) = (64.0, WIDTH - 20.0, legend_h + 16.0, 220.0);
    let bottom = plot_top + plot_h;
    let mut out = open(&id, title, desc, bottom + 34.0);
    let suffix = if percent { " %" } else { "" };
    let ticks = (top / step).round() as usize;
    for k in 0..=ticks {
        let y = bottom - k as f64 / ticks.max(1) as f64 * plot_h;
        let (yy, label) = (num(y), num(k as f64 * step));
        let colour = if k == 0 { MUTED } else { GRID };
        let _ = write!(
            out,
            r#"<line x1="{left}" y1="{yy}" x2="{right}" y2="{yy}" stroke="{colour}" stroke-width="1"/><text x="{}" y="{}" text-anchor="end" fill="{MUTED}">{label}{suffix}</text>"#,
            num(left - 8.0),
            num(y + 5.0)
        );
    }
    let pad = 18.0;
    let x_at = |i: usize| {
        if xs.len() < 2 {
            (left + right) / 2.0
        } else {
            left + pad + i as f64 * (right - left - 2.0 * pad) / (xs.len() - 1) as f64
        }
    };
    // Thin the x labels so they never overlap (about 56 units of width each).
    let every = xs.len().div_ceil(((right - left) / 56.0) as usize).max(1);
    for (i, x) in xs.iter().enumerate().filter(|(i, _)| i % every == 0 || *i + 1 == xs.len()) {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" fill="{MUTED}">{}</text>"#,
            num(x_at(i)),
            num(bottom + 22.0),
            esc(&cut(x, 8))
        );
    }
    let y_at = |v: f64| bottom - v / top * plot_h;
    let grid: Vec<Vec<Option<f64>>> = series
        .iter()
        .map(|s| {
            let mut values = vec![None; xs.len()];
            for (x, v) in &s.points {
                if let Some(i) = xs.iter().position(|l| l == x) {
                    values[i] = v.map(cap);
                }
            }
            values
        })
        .collect();
    for ((si, s), values) in series.iter().enumerate().zip(&grid) {
        let colour = PALETTE[si % PALETTE.len()];
        let dash = DASHES[si % DASHES.len()];
        let _ = write!(out, "<g><title>{}</title>", esc(&s.name));
        for run in values.iter().enumerate().collect::<Vec<_>>().split(|(_, v)| v.is_none()) {
            if run.len() < 2 {
                continue;
            }
            let pts: Vec<String> =
                run.iter().filter_map(|(i, v)| v.map(|v| format!("{},{}", num(x_at(*i)), num(y_at(v))))).collect();
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"{}/>"#,
                pts.join(" "),
                dash_attr(dash)
            );
        }
        // Label every point when few, else a thinned set plus the last one.
        let label_every = xs.len().div_ceil(12).max(1);
        for (i, v) in values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))) {
            let (x, y) = (x_at(i), y_at(v));
            let text = format!("{}{suffix}", num(v));
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="4" fill="{colour}" stroke="#ffffff" stroke-width="1.5"><title>{}, {}: {}</title></circle>"##,
                num(x),
                num(y),
                esc(&s.name),
                esc(xs[i]),
                esc(&text)
            );
            if i % label_every == 0 || i + 1 == xs.len() {
                // A point with another line above it writes its number below, so close lines
                // keep their numbers apart.
                let higher = grid.iter().enumerate().any(|(o, vs)| vs[i].is_some_and(|w| w > v || (w == v && o < si)));
                let below = higher && y < bottom - 24.0;
                let ty = if below { y + 20.0 } else { y - 9.0 };
                let _ = write!(
                    out,
                    r#"<text x="{}" y="{}" text-anchor="middle" font-size="12">{}</text>"#,
                    num(x),
                    num(ty),
                    esc(&text)
                );
            }
        }
        out.push_str("</g>");
    }
    for (si, (x, row)) in slots.iter().enumerate() {
        let y = 8.0 + *row as f64 * 22.0;
        let colour = PALETTE[si % PALETTE.len()];
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="2.5"{}/>"#,
            num(*x),
            num(y + 7.0),
            num(x + 22.0),
            num(y + 7.0),
            dash_attr(DASHES[si % DASHES.len()])
        );
        legend_text(&mut out, x + 28.0, y, names[si]);
    }
    out + "</svg>"
}

/// Horizontal stacked bars (one per Stack), parts in a fixed palette order with a legend
/// listing part names. A part name keeps its colour on every bar.
pub fn stacked(id: &str, title: &str, desc: &str, stacks: &[Stack]) -> String {
    let id = clean_id(id);
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in stacks.iter().flat_map(|s| &s.parts) {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let totals: Vec<f64> = stacks.iter().map(|s| s.parts.iter().map(|p| clean(p.1)).sum()).collect();
    let max = totals.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return empty(&id, title, desc);
    }
    let (slots, legend_h) = legend_layout(&names, 8.0);
    let area = WIDTH - LABEL_W - VALUE_W;
    let mut out = open(&id, title, desc, legend_h + 8.0 + stacks.len() as f64 * ROW + 8.0);
    for (i, name) in names.iter().enumerate() {
        let (x, row) = slots[i];
        let y = 8.0 + row as f64 * 22.0;
        let fill = PALETTE[i % PALETTE.len()];
        let _ = write!(out, r#"<rect x="{}" y="{}" width="14" height="14" rx="2" fill="{fill}"/>"#, num(x), num(y));
        legend_text(&mut out, x + 20.0, y, name);
    }
    for ((i, s), total) in stacks.iter().enumerate().zip(totals) {
        let y = legend_h + 8.0 + i as f64 * ROW;
        let shown = num(total);
        row_start(&mut out, y, &s.label, &shown);
        // Edges are rounded once from the running sum, so the parts add up to the bar exactly.
        let edge = |acc: f64| ((LABEL_W + acc / max * area) * 10.0).round() / 10.0;
        let mut acc = 0.0;
        for (name, v) in s.parts.iter().map(|(n, v)| (n, clean(*v))).filter(|p| p.1 > 0.0) {
            let (x0, x1) = (edge(acc), edge(acc + v));
            acc += v;
            let fill = PALETTE[names.iter().position(|n| n == name).unwrap_or(0) % PALETTE.len()];
            let by = y + (ROW - BAR_H) / 2.0;
            let _ = write!(
                out,
                r##"<rect x="{}" y="{}" width="{}" height="{BAR_H}" fill="{fill}" stroke="#ffffff" stroke-width="1"><title>{}: {}</title></rect>"##,
                num(x0),
                num(by),
                num(x1 - x0),
                esc(name),
                num(v)
            );
            let text = num(v);
            if x1 - x0 >= text_w(&text, 12.0) + 8.0 {
                let _ = write!(
                    out,
                    r#"<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{text}</text>"#,
                    num((x0 + x1) / 2.0),
                    num(by + BAR_H / 2.0 + 4.0),
                    ink_on(fill)
                );
            }
        }
        value_text(&mut out, edge(acc) + 6.0, y, &shown);
        out.push_str("</g>");
    }
    out + "</svg>"
}

/// Root element with its accessible name and description.
fn open(id: &str, title: &str, desc: &str, height: f64) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{FONT}" font-size="{FONT_SIZE}" fill="{INK}"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        num(WIDTH),
        num(height),
        esc(title),
        esc(desc)
    )
}

/// Nothing to draw: still a named image, with a dash in the middle.
fn empty(id: &str, title: &str, desc: &str) -> String {
    let mut out = open(id, title, desc, 120.0);
    let _ = write!(
        out,
        r#"<text x="{}" y="70" text-anchor="middle" font-size="28" fill="{MUTED}">—</text></svg>"#,
        num(WIDTH / 2.0)
    );
    out
}

/// Opens a row's `<g>` with the full label as its tooltip and the cut label in the left column.
fn row_start(out: &mut String, y: f64, label: &str, shown: &str) {
    let _ = write!(
        out,
        r#"<g><title>{}: {}</title><text x="{}" y="{}" text-anchor="end">{}</text>"#,
        esc(label.trim()),
        esc(shown),
        num(LABEL_W - 10.0),
        num(y + ROW / 2.0 + 5.0),
        esc(&cut(label, MAX_LABEL))
    );
}

fn value_text(out: &mut String, x: f64, y: f64, shown: &str) {
    let _ = write!(out, r#"<text x="{}" y="{}">{}</text>"#, num(x), num(y + ROW / 2.0 + 5.0), esc(&cut(shown, 10)));
}

fn legend_text(out: &mut String, x: f64, y: f64, name: &str) {
    let _ = write!(out, r#"<text x="{}" y="{}">{}</text>"#, num(x), num(y + 12.0), esc(&cut(name, 24)));
}

/// Places legend entries left to right, wrapping at the chart's width: (x, row) per entry, height.
fn legend_layout(names: &[&str], start: f64) -> (Vec<(f64, usize)>, f64) {
    let (mut x, mut row, mut slots) = (start, 0, Vec::new());
    for name in names {
        let w = 28.0 + text_w(&cut(name, 24), FONT_SIZE) + 18.0;
        if x + w > WIDTH && x > start {
            (x, row) = (start, row + 1);
        }
        slots.push((x, row));
        x += w;
    }
    let height = if names.is_empty() { 0.0 } else { (row + 1) as f64 * 22.0 + 8.0 };
    (slots, height)
}

/// X labels of all series in the order they first appear.
fn x_labels(series: &[Series]) -> Vec<&str> {
    let mut xs: Vec<&str> = Vec::new();
    for (x, _) in series.iter().flat_map(|s| &s.points) {
        if !xs.contains(&x.as_str()) {
            xs.push(x);
        }
    }
    xs
}

/// A rounded top and its step, 3–5 intervals, steps of 1, 2, 2.5 or 5 times a power of ten and
/// never below 0.1, so one decimal shows every tick exactly.
fn axis(max: f64) -> (f64, f64) {
    let max = if max > 0.0 { max } else { 1.0 };
    for exp in -1..=16 {
        let mag = 10f64.powi(exp);
        for m in [1.0, 2.0, 2.5, 5.0] {
            if m == 2.5 && exp < 0 {
                continue;
            }
            let step = m * mag;
            let n = (max / step - 1e-9).ceil().max(1.0);
            if n <= 5.0 {
                return (n * step, step);
            }
        }
    }
    (max, max / 5.0)
}

fn dash_attr(dash: &str) -> String {
    if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) }
}

/// Negative, NaN and infinite inputs count as zero, and huge ones are capped, so scales never
/// divide by zero or overflow.
fn clean(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 { v.min(1e15) } else { 0.0 }
}

/// At most one decimal, no "-0", never NaN or inf.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if !r.is_finite() || r == 0.0 {
        "0".to_string()
    } else if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// XML text and attribute escaping; control characters are not allowed in XML at all.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Ids go into attributes and `aria-labelledby` lists, so only a safe subset is kept.
fn clean_id(id: &str) -> String {
    let id: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    if id.is_empty() { "chart".to_string() } else { id }
}

/// Width in narrow-character units: CJK and other wide characters count two.
fn units(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Rough rendered width, to decide what fits.
fn text_w(s: &str, size: f64) -> f64 {
    s.chars().map(units).sum::<usize>() as f64 * size * 0.55
}

/// Cuts to `max` units with "…", so a long name cannot run into the bars.
fn cut(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().map(units).sum::<usize>() <= max {
        return s.to_string();
    }
    let (mut out, mut used) = (String::new(), 0);
    for c in s.chars() {
        used += units(c);
        if used >= max {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string() + "…"
}

/// White text where it reaches 4.5:1 on the fill, black otherwise.
fn ink_on(fill: &str) -> &'static str {
    if contrast(fill, "#ffffff") >= 4.5 { "#ffffff" } else { "#000000" }
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG relative luminance of a `#rrggbb` colour.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0) as f64 / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64) -> Bar {
        Bar { label: label.into(), value, display: num(value) }
    }

    fn series(name: &str, points: &[(&str, Option<f64>)]) -> Series {
        Series { name: name.into(), points: points.iter().map(|(x, v)| (x.to_string(), *v)).collect() }
    }

    fn stack(label: &str, parts: &[(&str, f64)]) -> Stack {
        Stack { label: label.into(), parts: parts.iter().map(|(n, v)| (n.to_string(), *v)).collect() }
    }

    /// Values of attribute `name` on every `<tag …>` in order.
    fn attrs(svg: &str, tag: &str, name: &str) -> Vec<f64> {
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter_map(|el| el.split(&format!(" {name}=\"")).nth(1))
            .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    fn assert_clean(svg: &str) {
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(!svg.contains("style"), "the CSP forbids inline styles");
    }

    #[test]
    fn text_is_escaped() {
        let evil = r#"<script>&"'"#;
        let svg = bars("x", evil, evil, &[Bar { label: evil.into(), value: 3.0, display: evil.into() }]);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;&amp;&quot;&#39;"), "{svg}");
        let svg = lines("x", "t", "d", &[series(evil, &[(evil, Some(1.0))]), series("b", &[(evil, None)])], false);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        let svg = stacked("x", "t", "d", &[stack(evil, &[(evil, 2.0)])]);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert!(!bars("a\"b c<d", "t", "d", &[]).contains("a\"b"), "ids are sanitised");
    }

    #[test]
    fn names_the_image_with_prefixed_ids() {
        for svg in [
            bars("grp", "Participants", "By country", &[bar("DE", 4.0)]),
            lines("grp", "Participants", "By country", &[series("a", &[("2024", Some(1.0))])], false),
            stacked("grp", "Participants", "By country", &[stack("DE", &[("accepted", 1.0)])]),
            bars("grp", "Participants", "By country", &[]),
        ] {
            assert!(svg.contains(r#"role="img""#));
            assert!(svg.contains(r#"aria-labelledby="grp-title grp-desc""#));
            assert!(svg.contains(r#"<title id="grp-title">Participants</title>"#));
            assert!(svg.contains(r#"<desc id="grp-desc">By country</desc>"#));
            assert!(svg.contains(r#"width="100%""#) && svg.contains("viewBox=\"0 0 "));
            assert!(!svg.contains(" height=\"") || !svg.split('>').next().unwrap().contains(" height="));
            assert_clean(&svg);
        }
    }

    #[test]
    fn bar_widths_are_proportional() {
        let svg = bars("b", "t", "d", &[bar("half", 50.0), bar("full", 100.0)]);
        let w = attrs(&svg, "rect", "width");
        assert_eq!(w.len(), 2);
        assert!((w[1] / w[0] - 2.0).abs() < 0.01, "{w:?}");
        assert!(svg.contains(">50</text>") && svg.contains(">100</text>"), "numbers drawn as text");
    }

    #[test]
    fn empty_and_zero_charts_show_a_dash() {
        for svg in [
            bars("e", "t", "d", &[]),
            bars("e", "t", "d", &[bar("a", 0.0), bar("b", -3.0)]),
            lines("e", "t", "d", &[], false),
            lines("e", "t", "d", &[series("a", &[("2024", None)])], true),
            stacked("e", "t", "d", &[]),
            stacked("e", "t", "d", &[stack("a", &[("x", 0.0)])]),
        ] {
            assert!(svg.contains(">—</text>") && svg.contains(r#"text-anchor="middle""#), "{svg}");
            assert!(svg.contains("<title id=\"e-title\">t</title>"));
            assert_clean(&svg);
        }
    }

    #[test]
    fn zero_line_still_has_an_axis() {
        let svg = lines("z", "t", "d", &[series("a", &[("2023", Some(0.0)), ("2024", Some(0.0))])], false);
        assert_clean(&svg);
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert!(svg.contains(">1</text>"), "{svg}");
    }

    #[test]
    fn percent_ticks_run_to_100() {
        let svg = lines("p", "t", "d", &[series("a", &[("2023", Some(40.0)), ("2024", Some(87.5))])], true);
        for tick in ["0 %", "25 %", "50 %", "75 %", "100 %"] {
            assert!(svg.contains(&format!(">{tick}</text>")), "{tick} in {svg}");
        }
        assert!(svg.contains(">87.5 %</text>"));
        assert!(!svg.contains(">125 %<"));
    }

    #[test]
    fn axis_rounds_to_few_gridlines() {
        assert_eq!(axis(7.0), (8.0, 2.0));
        assert_eq!(axis(100.0), (100.0, 20.0));
        assert_eq!(axis(1234.0), (1250.0, 250.0));
        assert_eq!(axis(3.0), (3.0, 1.0));
        for max in [0.0, 0.01, 0.7, 1.0, 9.9, 11.0, 48.0, 1e7, 1e15] {
            let (top, step) = axis(max);
            let n = (top / step).round();
            assert!((3.0..=5.0).contains(&n) || max < 0.5, "{max}: {top}/{step}");
            assert!(top >= max && step >= 0.1);
        }
    }

    #[test]
    fn stacked_parts_fill_the_bar() {
        let svg = stacked(
            "s",
            "t",
            "d",
            &[
                stack("A", &[("accepted", 13.0), ("waiting", 7.0), ("declined", 3.0)]),
                stack("B", &[("accepted", 1.0), ("declined", 1.0)]),
            ],
        );
        let w = attrs(&svg, "rect", "width");
        // Three legend swatches (14 wide), then the parts.
        assert_eq!(w[..3], [14.0, 14.0, 14.0]);
        let full: f64 = w[3..6].iter().sum();
        assert!((full - (WIDTH - LABEL_W - VALUE_W)).abs() < 0.01, "{w:?}");
        assert!((w[6] + w[7] - full * 2.0 / 23.0).abs() < 0.11);
        // A state keeps its colour on every bar.
        let declined = format!(r#"fill="{}" stroke"#, PALETTE[2]);
        assert_eq!(svg.matches(&declined).count(), 2);
        assert!(svg.contains(">accepted</text>") && svg.contains(">23</text>"));
    }

    #[test]
    fn a_gap_breaks_the_line() {
        let s = series(
            "a",
            &[("2020", Some(1.0)), ("2021", Some(2.0)), ("2022", None), ("2023", Some(3.0)), ("2024", Some(4.0))],
        );
        let svg = lines("g", "t", "d", &[s], false);
        assert_eq!(svg.matches("<polyline").count(), 2, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(!svg.contains("stroke-dasharray"), "one series, solid line, no legend");
    }

    #[test]
    fn legend_only_with_several_series() {
        let two = [series("Women", &[("2024", Some(3.0))]), series("Men", &[("2024", Some(2.0))])];
        let svg = lines("l", "t", "d", &two, false);
        assert!(svg.contains(">Women</text>") && svg.contains(">Men</text>"));
        let svg = lines("l", "t", "d", &two[..1], false);
        assert!(!svg.contains(">Women</text>"));
    }

    #[test]
    fn odd_inputs_never_leak_nan_or_inf() {
        let odd = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -5.0, 0.0, 1e300, f64::MAX, 1e-300];
        let bs: Vec<Bar> = odd.iter().map(|v| Bar { label: "x".into(), value: *v, display: String::new() }).collect();
        assert_clean(&bars("o", "t", "d", &bs));
        let pts: Vec<(&str, Option<f64>)> = vec![("a", Some(f64::NAN)), ("b", Some(-1.0)), ("c", Some(f64::INFINITY))];
        assert_clean(&lines("o", "t", "d", &[series("s", &pts)], false));
        assert_clean(&lines("o", "t", "d", &[series("s", &pts)], true));
        let parts: Vec<(&str, f64)> = odd.iter().map(|v| ("p", *v)).collect();
        assert_clean(&stacked("o", "t", "d", &[stack("s", &parts)]));
        let neg = bars("o", "t", "d", &[bar("neg", -10.0), bar("pos", 10.0)]);
        assert!(attrs(&neg, "rect", "width")[0] == 0.0, "negative values are clamped to 0");
    }

    #[test]
    fn long_labels_are_cut_but_kept_whole_in_the_tooltip() {
        let long = "Regional Directorate for Vocational Training and Employment";
        let svg = bars("c", "t", "d", &[bar(long, 2.0)]);
        assert!(svg.contains(&format!("<title>{long}: 2</title>")));
        let shown = cut(long, MAX_LABEL);
        assert!(shown.ends_with('…') && shown.chars().count() <= MAX_LABEL, "{shown}");
        assert!(svg.contains(&format!(">{shown}</text>")));
        let cjk = "国际劳工组织培训中心国际劳工组织培训中心";
        assert!(cut(cjk, MAX_LABEL).chars().map(units).sum::<usize>() <= MAX_LABEL);
        let rtl = "المركز الدولي للتدريب";
        assert!(bars("c", "t", "d", &[bar(rtl, 1.0)]).contains(&format!(">{rtl}</text>")));
    }

    #[test]
    fn output_is_deterministic_and_numbers_have_one_decimal() {
        let input = [bar("a", 1.0 / 3.0), bar("b", 2.0 / 3.0)];
        assert_eq!(bars("d", "t", "d", &input), bars("d", "t", "d", &input));
        assert_eq!(num(2.0 / 3.0), "0.7");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
    }

    #[test]
    fn palette_has_enough_contrast() {
        for c in PALETTE {
            assert!(contrast(c, "#ffffff") >= 3.0, "{c}");
            assert!(contrast(c, ink_on(c)) >= 4.5, "{c}");
        }
        assert!(contrast(INK, "#ffffff") >= 4.5 && contrast(MUTED, "#ffffff") >= 4.5);
    }

    #[test]
    fn renders_samples() {
        let dir = std::env::temp_dir();
        let countries = [
            Bar { label: "Deutschland".into(), value: 1234.0, display: "1,234".into() },
            Bar { label: "Côte d'Ivoire & <Ghana>".into(), value: 617.0, display: "617".into() },
            Bar {
                label: "Regional Directorate for Vocational Training and Employment".into(),
                value: 88.0,
                display: "88".into(),
            },
            Bar { label: "日本".into(), value: 42.0, display: "42".into() },
            Bar { label: "المغرب".into(), value: 0.0, display: "0".into() },
        ];
        let trend = [
            series(
                "Completion rate",
                &[
                    ("2019", Some(62.0)),
                    ("2020", Some(55.5)),
                    ("2021", None),
                    ("2022", Some(71.0)),
                    ("2023", Some(78.2)),
                    ("2024", Some(87.5)),
                ],
            ),
            series(
                "Attendance rate",
                &[
                    ("2019", Some(80.0)),
                    ("2020", Some(74.0)),
                    ("2021", Some(69.0)),
                    ("2022", Some(83.0)),
                    ("2023", Some(90.0)),
                    ("2024", Some(92.4)),
                ],
            ),
        ];
        let states = [
            stack("Africa", &[("accepted", 120.0), ("waiting", 40.0), ("declined", 25.0), ("withdrawn", 6.0)]),
            stack("Americas", &[("accepted", 64.0), ("waiting", 12.0), ("declined", 30.0)]),
            stack("Asia & Pacific", &[("accepted", 98.0), ("waiting", 55.0), ("declined", 8.0), ("withdrawn", 2.0)]),
            stack("Europe", &[("accepted", 15.0), ("declined", 1.0)]),
        ];
        let charts = [
            ("bars", bars("c1", "Participants by country", "Number of participants per country.", &countries)),
            ("lines", lines("c2", "Rates by year", "Completion and attendance in percent.", &trend, true)),
            ("stacked", stacked("c3", "Applications by region", "Application states per region.", &states)),
            ("empty", bars("c4", "Nothing yet", "No data.", &[])),
        ];
        for (name, svg) in charts {
            assert_clean(&svg);
            std::fs::write(dir.join(format!("chart-{name}.svg")), svg).unwrap();
        }
    }
}
