//! The interface languages the catalogs exist for.

/// Language codes with their names in that language (for the switcher).
pub const LANGUAGES: [(&str, &str); 4] =
    [("en", "English"), ("ko", "한국어"), ("vi", "Tiếng Việt"), ("fr", "Français")];

/// Right-to-left interface languages (none yet; Arabic will be one).
pub const RTL: [&str; 0] = [];

pub fn is_supported(code: &str) -> bool {
    LANGUAGES.iter().any(|(c, _)| *c == code)
}

/// A preferred-language code, or empty for "follow the browser".
pub fn preferred_language(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() || is_supported(s) { Ok(s.to_string()) } else { Err(crate::msg!("err-language-unknown")) }
}

/// The best supported language for an Accept-Language header, if any matches.
pub fn negotiate(accept_language: &str) -> Option<&'static str> {
    let mut ranges: Vec<(f32, usize, String)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.trim().split(';');
            let tag = it.next()?.trim().to_lowercase();
            let q = it.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            (!tag.is_empty() && q > 0.0).then_some((q, i, tag))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.iter().find_map(|(_, _, tag)| {
        let primary = tag.split('-').next().unwrap_or_default();
        LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == primary)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_best_supported() {
        assert_eq!(negotiate("vi-VN,vi;q=0.9,en;q=0.8"), Some("vi"));
        assert_eq!(negotiate("de-DE,de;q=0.9,fr;q=0.5,ko;q=0.7"), Some("ko"));
        assert_eq!(negotiate("de, ja"), None);
        assert_eq!(negotiate("ko;q=0, en"), Some("en"));
        assert_eq!(negotiate(""), None);
    }
}
