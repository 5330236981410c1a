//! Kinds of organisation a participant can belong to.

pub const ORGANISATION_TYPES: [&str; 7] =
    ["city-government", "stp", "university", "research-institute", "company", "ngo", "international-organisation"];

/// An organisation type code, or empty for "not given".
pub fn organisation_type(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() || ORGANISATION_TYPES.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(crate::msg!("err-organisation-type-unknown"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_types_only() {
        assert_eq!(organisation_type("stp"), Ok("stp".into()));
        assert_eq!(organisation_type(""), Ok(String::new()));
        assert!(organisation_type("army").is_err());
    }
}
