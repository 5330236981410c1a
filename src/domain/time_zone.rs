//! IANA time zones.

use time_tz::timezones;

/// A time-zone name from the IANA list, or empty for "not given".
pub fn time_zone(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() || timezones::get_by_name(s).is_some() {
        Ok(s.to_string())
    } else {
        Err(crate::msg!("err-time-zone-unknown"))
    }
}

/// Every zone name, sorted, for pickers.
pub fn all_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = timezones::iter().map(time_tz::TimeZone::name).collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_names_only() {
        assert_eq!(time_zone("Asia/Seoul"), Ok("Asia/Seoul".into()));
        assert_eq!(time_zone("Asia/Ho_Chi_Minh"), Ok("Asia/Ho_Chi_Minh".into()));
        assert!(time_zone("Mars/Olympus").is_err());
        assert!(all_names().contains(&"Africa/Nairobi"));
    }
}
