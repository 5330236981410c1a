//! Password policy: at least 10 characters, at most 256 (hashing cost), not a common
//! password, not the email address, not one repeated character.

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 256;

const COMMON: &str = include_str!("common_passwords.txt");

/// Checks a new password; `email` and `name` are refused as passwords too.
pub fn check_new(password: &str, email: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(crate::msg!("err-password-short"));
    }
    if n > MAX_CHARS {
        return Err(crate::msg!("err-password-long"));
    }
    let lower = password.to_lowercase();
    let first = lower.chars().next();
    let one_char = lower.chars().all(|c| Some(c) == first);
    let is_email = !email.is_empty() && (lower == email.to_lowercase() || lower == local_part(email));
    if one_char || is_email || COMMON.lines().any(|c| c == lower) {
        return Err(crate::msg!("err-password-common"));
    }
    Ok(())
}

fn local_part(email: &str) -> String {
    email.split('@').next().unwrap_or_default().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(check_new("short", "a@b.org"), Err("err-password-short"));
        assert_eq!(check_new("Password123", "a@b.org"), Err("err-password-common"));
        assert_eq!(check_new("qwertyuiop", "a@b.org"), Err("err-password-common"));
        assert_eq!(check_new("zzzzzzzzzzzz", "a@b.org"), Err("err-password-common"));
        assert_eq!(check_new("minh.nguyen@example.vn", "minh.nguyen@example.vn"), Err("err-password-common"));
        assert_eq!(check_new(&"x1".repeat(200), "a@b.org"), Err("err-password-long"));
        assert_eq!(check_new("correct horse battery", "a@b.org"), Ok(()));
        // Length counts characters: ten Hangul syllables are enough.
        assert_eq!(check_new("대전과학기술도시협회연", "a@b.org"), Ok(()));
    }
}
