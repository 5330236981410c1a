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

/// What an enrollment message reports, with what it needs to say it.
pub enum EnrollmentNews<'a> {
    Received,
    Accepted,
    Waitlisted { position: i64 },
    Offered { deadline: &'a str },
    OfferExpired,
    Rejected,
    Withdrawn,
}

impl EnrollmentNews<'_> {
    fn key(&self) -> &'static str {
        match self {
            EnrollmentNews::Received => "received",
            EnrollmentNews::Accepted => "accepted",
            EnrollmentNews::Waitlisted { .. } => "waitlisted",
            EnrollmentNews::Offered { .. } => "offered",
            EnrollmentNews::OfferExpired => "expired",
            EnrollmentNews::Rejected => "rejected",
            EnrollmentNews::Withdrawn => "withdrawn",
        }
    }
}

/// A change in a person's application, in their language; `note` is the coordinator's
/// optional message, quoted at the end.
pub fn enrollment(lang: &str, name: &str, edition: &str, link: &str, news: &EnrollmentNews<'_>, note: &str) -> Message {
    let kind = news.key();
    let mut args = vec![
        ("name", FluentValue::from(name.to_string())),
        ("edition", FluentValue::from(edition.to_string())),
        ("link", FluentValue::from(link.to_string())),
    ];
    match news {
        EnrollmentNews::Waitlisted { position } => args.push(("position", FluentValue::from(*position))),
        EnrollmentNews::Offered { deadline } => args.push(("deadline", FluentValue::from((*deadline).to_string()))),
        _ => {}
    }
    let mut body = t_args(lang, &format!("mail-enrollment-{kind}-body"), &args);
    if !note.trim().is_empty() {
        body.push_str("\n\n");
        body.push_str(&t(lang, "mail-enrollment-note"));
        body.push('\n');
        body.push_str(note.trim());
    }
    body.push_str("\n\n");
    body.push_str(&t(lang, "mail-signature"));
    Message { subject: t_args(lang, &format!("mail-enrollment-{kind}-subject"), &args), body }
}

/// An account made for someone by a coordinator's list: how to set a password.
pub fn account_created(lang: &str, name: &str, edition: &str, link: &str, days: i64) -> Message {
    let args = [
        ("name", FluentValue::from(name.to_string())),
        ("edition", FluentValue::from(edition.to_string())),
        ("link", FluentValue::from(link.to_string())),
        ("days", FluentValue::from(days)),
    ];
    Message {
        subject: t_args(lang, "mail-account-created-subject", &args),
        body: t_args(lang, "mail-account-created-body", &args),
    }
}

/// A certificate is ready: where to download it.
pub fn certificate_issued(lang: &str, name: &str, edition: &str, link: &str) -> Message {
    let args = [
        ("name", FluentValue::from(name.to_string())),
        ("edition", FluentValue::from(edition.to_string())),
        ("link", FluentValue::from(link.to_string())),
    ];
    Message {
        subject: t_args(lang, "mail-certificate-subject", &args),
        body: t_args(lang, "mail-certificate-body", &args),
    }
}

/// An invitation to apply to an edition.
pub fn invitation(lang: &str, edition: &str, link: &str, days: i64) -> Message {
    let args = [
        ("edition", FluentValue::from(edition.to_string())),
        ("link", FluentValue::from(link.to_string())),
        ("days", FluentValue::from(days)),
    ];
    Message {
        subject: t_args(lang, "mail-invitation-subject", &args),
        body: t_args(lang, "mail-invitation-body", &args),
    }
}

/// The coordinators' daily digest: new applications per edition.
pub fn digest(lang: &str, lines: &[(String, i64)], link: &str) -> Message {
    let mut body = t(lang, "mail-digest-intro");
    for (title, n) in lines {
        body.push_str(&format!("\n- {title}: {n}"));
    }
    body.push_str("\n\n");
    body.push_str(link);
    Message { subject: t(lang, "mail-digest-subject"), body }
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
