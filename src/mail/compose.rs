//! Message texts, written from the catalogs in the recipient's language.

use crate::i18n::{FluentValue, t, t_args};

/// A plain-text message: subject and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

pub fn password_reset(lang: &str, name: &str, link: &str, minutes: i64) -> Message {
    Message {
        subject: t(lang, "mail-reset-subject"),
        body: t_args(
            lang,
            "mail-reset-body",
            &[
                ("name", FluentValue::from(name.to_string())),
                ("link", FluentValue::from(link.to_string())),
                ("minutes", FluentValue::from(minutes)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_mail_carries_name_and_link_in_each_language() {
        for lang in ["en", "ko", "vi", "fr"] {
            let m = password_reset(lang, "Nguyễn Thị Phương Thảo", "https://x.org/password/reset/abc", 60);
            assert!(m.body.contains("Nguyễn Thị Phương Thảo"), "{lang}: {}", m.body);
            assert!(m.body.contains("https://x.org/password/reset/abc"), "{lang}");
            assert!(!m.subject.is_empty());
        }
        assert_ne!(password_reset("ko", "a", "l", 60).subject, password_reset("en", "a", "l", 60).subject);
    }
}
