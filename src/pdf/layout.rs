//! Fitting text into the space it has: shrink, and for long names, break into lines.

/// The largest size, at most `size`, at which something `width` wide at size 1 fits `max_width`.
pub(crate) fn fit(width: f32, size: f32, max_width: f32) -> f32 {
    if width * size <= max_width || width <= 0.0 { size } else { max_width / width }
}

/// Text broken into lines and the one font size they share.
#[derive(Debug)]
pub(crate) struct Fitted<T> {
    pub lines: Vec<T>,
    pub size: f32,
}

/// Fits `text` into a box `max_width` × `max_height`, on up to `max_lines` lines broken at
/// spaces, choosing the line count that allows the largest size (at most `size`; lines are
/// `leading` × size apart). `measure` shapes a line and gives its width at size 1.
pub(crate) fn fit_lines<T>(
    text: &str,
    size: f32,
    max_width: f32,
    max_height: f32,
    leading: f32,
    max_lines: usize,
    mut measure: impl FnMut(&str) -> (T, f32),
) -> Fitted<T> {
    let (line, width) = measure(text);
    let mut best = Fitted { size: fit(width, size.min(max_height / leading), max_width), lines: vec![line] };
    for n in 2..=max_lines {
        if best.size >= size {
            break;
        }
        let parts = balanced_breaks(text, n);
        if parts.len() < n {
            break;
        }
        let cap = size.min(max_height / (leading * n as f32));
        let mut lines = Vec::with_capacity(n);
        let mut fitted = cap;
        for part in parts {
            let (line, width) = measure(part);
            fitted = fitted.min(fit(width, cap, max_width));
            lines.push(line);
        }
        if fitted > best.size {
            best = Fitted { lines, size: fitted };
        }
    }
    best
}

/// `text` split at spaces into `n` parts of about equal length (fewer when it has too few spaces).
pub(crate) fn balanced_breaks(text: &str, n: usize) -> Vec<&str> {
    let text = text.trim();
    let total = text.chars().count();
    let spaces: Vec<(usize, usize)> =
        text.char_indices().enumerate().filter(|(_, (_, c))| *c == ' ').map(|(ci, (bi, _))| (ci, bi)).collect();
    let mut parts = Vec::with_capacity(n);
    let mut from = 0;
    let mut after = 0;
    for j in 1..n {
        let target = total * j / n;
        let Some(&(ci, bi)) =
            spaces.iter().filter(|(ci, bi)| *bi > from && *ci > after).min_by_key(|(ci, _)| ci.abs_diff(target))
        else {
            break;
        };
        let part = text[from..bi].trim();
        if part.is_empty() {
            break;
        }
        parts.push(part);
        from = bi + 1;
        after = ci;
    }
    let rest = text[from..].trim();
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide.
    fn measure(s: &str) -> (String, f32) {
        (s.to_owned(), s.chars().count() as f32)
    }

    #[test]
    fn short_text_keeps_its_size() {
        assert_eq!(fit(10.0, 30.0, 600.0), 30.0);
        let f = fit_lines("Anna Smith", 30.0, 600.0, 80.0, 1.2, 3, measure);
        assert_eq!(f.size, 30.0);
        assert_eq!(f.lines, vec!["Anna Smith"]);
    }

    #[test]
    fn long_text_shrinks_to_the_width() {
        assert_eq!(fit(100.0, 30.0, 600.0), 6.0);
        let name = "A".repeat(200);
        let f = fit_lines(&name, 30.0, 600.0, 80.0, 1.2, 3, measure);
        assert_eq!(f.lines.len(), 1);
        assert!(f.size * 200.0 <= 600.0 + 1e-3);
    }

    #[test]
    fn long_names_break_into_lines_that_fit() {
        let name = ["Maximilian"; 18].join(" ");
        assert!(name.chars().count() > 190);
        let f = fit_lines(&name, 30.0, 600.0, 80.0, 1.2, 3, measure);
        assert!(f.lines.len() > 1);
        for line in &f.lines {
            assert!(line.chars().count() as f32 * f.size <= 600.0 + 1e-3, "{line} at {}", f.size);
        }
        assert!(f.lines.len() as f32 * f.size * 1.2 <= 80.0 + 1e-3);
        assert_eq!(f.lines.join(" "), name);
        assert!(f.size > 600.0 / 199.0);
    }

    #[test]
    fn breaks_are_balanced_and_lose_nothing() {
        assert_eq!(balanced_breaks("aa bb cc dd", 2), vec!["aa bb", "cc dd"]);
        assert_eq!(balanced_breaks("one two three", 3), vec!["one", "two", "three"]);
        assert_eq!(balanced_breaks("unbreakable", 2), vec!["unbreakable"]);
    }
}
