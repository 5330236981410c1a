//! ISO 3166-1 alpha-2 countries with their UNESCO region and names in the interface
//! languages. The table is `src/i18n/countries.tsv` (code, region, en, fr, ko, vi).

use std::sync::OnceLock;

const TABLE: &str = include_str!("../i18n/countries.tsv");

/// UNESCO's five regions.
pub const REGIONS: [&str; 5] =
    ["africa", "arab-states", "asia-pacific", "europe-north-america", "latin-america-caribbean"];

#[derive(Debug, Clone)]
pub struct Country {
    pub code: &'static str,
    pub region: &'static str,
    names: [&'static str; 4],
}

const NAME_COLUMNS: [&str; 4] = ["en", "fr", "ko", "vi"];

impl Country {
    /// The country's name in a language, English when the language has no column.
    pub fn name(&self, lang: &str) -> &'static str {
        let i = NAME_COLUMNS.iter().position(|c| *c == lang).unwrap_or(0);
        self.names[i]
    }
}

/// Every country, ordered by code.
pub fn all() -> &'static [Country] {
    static ALL: OnceLock<Vec<Country>> = OnceLock::new();
    ALL.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                (f.len() == 6).then(|| Country { code: f[0], region: f[1], names: [f[2], f[3], f[4], f[5]] })
            })
            .collect()
    })
}

pub fn find(code: &str) -> Option<&'static Country> {
    all().iter().find(|c| c.code == code)
}

/// A country code from a form, upper-cased, or empty for "not given".
pub fn country_code(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim().to_uppercase();
    if s.is_empty() || find(&s).is_some() { Ok(s) } else { Err(crate::msg!("err-country-unknown")) }
}

/// Countries sorted by their name in `lang`, for pickers.
pub fn sorted_for(lang: &str) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<_> = all().iter().map(|c| (c.code, c.name(lang))).collect();
    v.sort_by_key(|a| a.1.to_lowercase());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_regions_are_known() {
        assert_eq!(all().len(), 249);
        for c in all() {
            assert!(REGIONS.contains(&c.region), "{} has region {}", c.code, c.region);
            for lang in NAME_COLUMNS {
                assert!(!c.name(lang).is_empty(), "{} lacks a {lang} name", c.code);
            }
        }
    }

    #[test]
    fn lookups() {
        let vn = find("VN").expect("Viet Nam is listed");
        assert_eq!(vn.region, "asia-pacific");
        assert_eq!(vn.name("vi"), "Việt Nam");
        assert_eq!(find("EG").map(|c| c.region), Some("arab-states"));
        assert_eq!(find("KE").map(|c| c.region), Some("africa"));
        assert_eq!(country_code(" kr "), Ok("KR".into()));
        assert!(country_code("XX").is_err());
    }
}
