//! Applications and their states. A person applies (submitted); a coordinator, or the
//! "open" admission rule, accepts, waitlists or rejects; a waitlisted person may be offered
//! a freed seat for a limited time.

use serde::{Deserialize, Serialize};

use super::{FieldErrors, countries, names, organisation};
use crate::msg;

pub const SUBMITTED: &str = "submitted";
pub const ACCEPTED: &str = "accepted";
pub const WAITLISTED: &str = "waitlisted";
pub const OFFERED: &str = "offered";
pub const REJECTED: &str = "rejected";
pub const WITHDRAWN: &str = "withdrawn";
pub const EXPIRED: &str = "expired";
pub const COMPLETED: &str = "completed";

/// Every state, for catalogs and filters.
pub const STATES: [&str; 8] = [SUBMITTED, ACCEPTED, WAITLISTED, OFFERED, REJECTED, WITHDRAWN, EXPIRED, COMPLETED];

/// What a coordinator may decide.
pub const DECISIONS: [&str; 3] = [ACCEPTED, WAITLISTED, REJECTED];

/// The longest motivation text, in characters.
pub const MOTIVATION_MAX: usize = 2000;

/// States from which a coordinator's decision `to` is allowed.
pub fn may_decide(from: &str, to: &str) -> bool {
    match to {
        ACCEPTED => matches!(from, SUBMITTED | WAITLISTED | OFFERED | REJECTED),
        WAITLISTED => matches!(from, SUBMITTED | ACCEPTED | OFFERED | REJECTED),
        REJECTED => matches!(from, SUBMITTED | WAITLISTED | ACCEPTED | OFFERED),
        _ => false,
    }
}

/// States the applicant can withdraw from.
pub fn may_withdraw(from: &str) -> bool {
    matches!(from, SUBMITTED | ACCEPTED | WAITLISTED | OFFERED)
}

/// States in which the applicant may still change the form (before a decision takes them in).
pub fn may_edit(from: &str) -> bool {
    matches!(from, SUBMITTED | WAITLISTED)
}

/// The application form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ApplicationInput {
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub position: String,
    pub motivation: String,
    /// "1" or "true" when given (checkboxes send nothing when unticked).
    pub consent_listed: String,
    pub consent_photos: String,
    pub consent_contact: String,
    /// An invitation token from the invitation link, if any.
    pub invitation: String,
    /// Answers to the edition's extra questions, as `q_<question id>`: answer.
    #[serde(flatten)]
    pub answers: std::collections::BTreeMap<String, String>,
}

/// An application that keeps every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub position: String,
    pub motivation: String,
    pub consent_listed: bool,
    pub consent_photos: bool,
    pub consent_contact: bool,
}

fn flag(raw: &str) -> bool {
    matches!(raw.trim(), "1" | "on" | "true" | "yes")
}

fn required(raw: Result<String, &'static str>, key: &'static str) -> Result<String, &'static str> {
    raw.and_then(|s| if s.is_empty() { Err(key) } else { Ok(s) })
}

impl ApplicationInput {
    pub fn validate(&self) -> Result<Application, FieldErrors> {
        let mut e = FieldErrors::new();
        let latin = e.check(
            "certificate_name_latin",
            names::latin_name(&self.certificate_name_latin)
                .and_then(|n| n.ok_or(msg!("err-certificate-name-required"))),
        );
        let native = e.check("certificate_name_native", names::optional_person_name(&self.certificate_name_native));
        let org =
            e.check("organisation", required(names::short_text(&self.organisation), msg!("err-organisation-required")));
        let org_type = e.check(
            "organisation_type",
            required(organisation::organisation_type(&self.organisation_type), msg!("err-organisation-type-required")),
        );
        let country =
            e.check("country", required(countries::country_code(&self.country), msg!("err-country-required")));
        let position = e.check("position", names::short_text(&self.position));
        let motivation = self.motivation.trim().replace("\r\n", "\n");
        if motivation.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            e.add("motivation", msg!("err-text-control"));
        } else if motivation.chars().count() > MOTIVATION_MAX {
            e.add("motivation", msg!("err-motivation-too-long"));
        } else if motivation.is_empty() {
            e.add("motivation", msg!("err-motivation-required"));
        }
        e.clone().into_result()?;
        match (latin, native, org, org_type, country, position) {
            (Some(l), Some(n), Some(o), Some(ot), Some(c), Some(p)) => Ok(Application {
                certificate_name_latin: l,
                certificate_name_native: n.unwrap_or_default(),
                organisation: o,
                organisation_type: ot,
                country: c,
                position: p,
                motivation,
                consent_listed: flag(&self.consent_listed),
                consent_photos: flag(&self.consent_photos),
                consent_contact: flag(&self.consent_contact),
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ApplicationInput {
        ApplicationInput {
            certificate_name_latin: "Tran Thanh Liem".into(),
            certificate_name_native: "Trần Thanh Liêm".into(),
            organisation: "Binh Duong Smart City Office".into(),
            organisation_type: "city-government".into(),
            country: "vn".into(),
            position: "Deputy director".into(),
            motivation: "To plan the next phase of our science park.".into(),
            consent_listed: "1".into(),
            ..ApplicationInput::default()
        }
    }

    #[test]
    fn a_good_application_is_normalised() {
        let a = input().validate().expect("valid");
        assert_eq!(a.country, "VN");
        assert!(a.consent_listed && !a.consent_photos);
        assert_eq!(a.certificate_name_native, "Trần Thanh Liêm");
    }

    #[test]
    fn every_missing_or_bad_field_is_reported() {
        let f =
            ApplicationInput { motivation: "x".repeat(MOTIVATION_MAX + 1), country: "ZZ".into(), ..Default::default() };
        let e = f.validate().expect_err("invalid");
        assert_eq!(e.for_field("certificate_name_latin"), Some("err-certificate-name-required"));
        assert_eq!(e.for_field("organisation"), Some("err-organisation-required"));
        assert_eq!(e.for_field("organisation_type"), Some("err-organisation-type-required"));
        assert_eq!(e.for_field("country"), Some("err-country-unknown"));
        assert_eq!(e.for_field("motivation"), Some("err-motivation-too-long"));
    }

    #[test]
    fn transitions_follow_the_state_diagram() {
        assert!(may_decide(SUBMITTED, ACCEPTED));
        assert!(may_decide(WAITLISTED, ACCEPTED));
        assert!(!may_decide(WITHDRAWN, ACCEPTED));
        assert!(!may_decide(COMPLETED, REJECTED));
        assert!(!may_decide(SUBMITTED, COMPLETED));
        assert!(may_withdraw(OFFERED) && !may_withdraw(REJECTED));
        assert!(may_edit(SUBMITTED) && !may_edit(ACCEPTED));
    }
}
