//! Editing one's own profile.

use super::ServiceResult;
use crate::domain::user::{Profile, User};
use crate::domain::{FieldErrors, countries, languages, names, organisation, time_zone};
use crate::repo;
use crate::state::AppState;

/// The profile form as typed (missing fields are empty, unknown ones ignored).
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    pub display_name: String,
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub position: String,
    pub preferred_language: String,
    pub time_zone: String,
}

impl From<&User> for ProfileInput {
    fn from(u: &User) -> Self {
        let p = u.profile.clone();
        ProfileInput {
            display_name: u.display_name.clone(),
            certificate_name_latin: p.certificate_name_latin,
            certificate_name_native: p.certificate_name_native,
            organisation: p.organisation,
            organisation_type: p.organisation_type,
            country: p.country,
            position: p.position,
            preferred_language: p.preferred_language,
            time_zone: p.time_zone,
        }
    }
}

/// Validates every field (collecting all problems) and stores the profile only when all
/// are valid.
pub fn validate(f: &ProfileInput) -> Result<(String, Profile), FieldErrors> {
    let mut e = FieldErrors::new();
    let display_name = e.check("display_name", names::person_name(&f.display_name));
    let latin = e.check("certificate_name_latin", names::latin_name(&f.certificate_name_latin));
    let native = e.check("certificate_name_native", names::optional_person_name(&f.certificate_name_native));
    let organisation = e.check("organisation", names::short_text(&f.organisation));
    let organisation_type = e.check("organisation_type", organisation::organisation_type(&f.organisation_type));
    let country = e.check("country", countries::country_code(&f.country));
    let position = e.check("position", names::short_text(&f.position));
    let preferred_language = e.check("preferred_language", languages::preferred_language(&f.preferred_language));
    let time_zone = e.check("time_zone", time_zone::time_zone(&f.time_zone));
    match (
        display_name,
        latin,
        native,
        organisation,
        organisation_type,
        country,
        position,
        preferred_language,
        time_zone,
    ) {
        (Some(d), Some(l), Some(n), Some(o), Some(ot), Some(c), Some(p), Some(pl), Some(tz)) if e.is_empty() => Ok((
            d,
            Profile {
                certificate_name_latin: l.unwrap_or_default(),
                certificate_name_native: n.unwrap_or_default(),
                organisation: o,
                organisation_type: ot,
                country: c,
                position: p,
                preferred_language: pl,
                time_zone: tz,
            },
        )),
        _ => Err(e),
    }
}

pub async fn update(state: &AppState, user: &User, input: &ProfileInput) -> ServiceResult<User> {
    let (display_name, profile) = validate(input)?;
    let mut conn = state.db.pool.acquire().await?;
    repo::users::update_profile(&mut conn, user.id, &display_name, &profile).await?;
    repo::users::by_id(&mut conn, user.id).await?.ok_or(super::ServiceError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            display_name: "Nguyễn Văn Minh".into(),
            certificate_name_latin: "Nguyen Van Minh".into(),
            certificate_name_native: "Nguyễn Văn Minh".into(),
            organisation: "Binh Duong Science Park".into(),
            organisation_type: "stp".into(),
            country: "vn".into(),
            position: "Deputy director".into(),
            preferred_language: "vi".into(),
            time_zone: "Asia/Ho_Chi_Minh".into(),
        }
    }

    #[test]
    fn a_good_profile_is_normalised() {
        let (name, p) = validate(&input()).expect("valid");
        assert_eq!(name, "Nguyễn Văn Minh");
        assert_eq!(p.country, "VN");
        assert_eq!(p.certificate_name_native, "Nguyễn Văn Minh");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let mut f = input();
        f.country = "ZZ".into();
        f.time_zone = "Asia/Nowhere".into();
        f.certificate_name_latin = "김민준".into();
        f.organisation_type = "club".into();
        let e = validate(&f).expect_err("invalid");
        assert_eq!(e.for_field("country"), Some("err-country-unknown"));
        assert_eq!(e.for_field("time_zone"), Some("err-time-zone-unknown"));
        assert_eq!(e.for_field("certificate_name_latin"), Some("err-name-not-latin"));
        assert_eq!(e.for_field("organisation_type"), Some("err-organisation-type-unknown"));
        assert_eq!(e.0.len(), 4);
    }
}
