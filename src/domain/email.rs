//! Email addresses: trimmed, lower-cased, one `@`, a dotted domain, no spaces.

/// A syntactically valid, normalised email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(crate::msg!("err-email-required"));
        }
        if s.chars().count() > 254 {
            return Err(crate::msg!("err-email-invalid"));
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(crate::msg!("err-email-invalid"));
        };
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"' | '@');
        let ok = !local.is_empty()
            && local.chars().count() <= 64
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !local.chars().any(bad_char)
            && !domain.chars().any(bad_char);
        if ok { Ok(Self(s)) } else { Err(crate::msg!("err-email-invalid")) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_refuses_bad_shapes() {
        assert_eq!(Email::parse("  Minh@Example.VN ").map(|e| e.0), Ok("minh@example.vn".into()));
        for bad in ["", "no-at.example.org", "a@b", "a@@b.org", "a b@c.org", "a@.org", "<a@b.org>", "a@b..org"] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Email::parse("kim.jiyoung@kaist.ac.kr").is_ok());
    }
}
