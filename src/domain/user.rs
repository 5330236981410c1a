//! A person with an account.

use serde::Serialize;

use super::role::Role;

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub profile: Profile,
    pub is_active: bool,
}

/// What a person tells about themselves; every field is validated before it is stored.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Profile {
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    /// ISO 3166-1 alpha-2, empty when not given.
    pub country: String,
    pub position: String,
    pub preferred_language: String,
    pub time_zone: String,
}
