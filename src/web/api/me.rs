//! The signed-in person.

use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use serde::Serialize;

use crate::domain::role::Role;
use crate::domain::user::User;
use crate::web::guards::SignedIn;

pub fn routes() -> Vec<Route> {
    routes![me]
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeResponse {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub certificate_name_latin: String,
    pub certificate_name_native: String,
    pub organisation: String,
    pub organisation_type: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub position: String,
    pub preferred_language: String,
    pub time_zone: String,
}

impl From<&User> for MeResponse {
    fn from(u: &User) -> Self {
        let p = &u.profile;
        MeResponse {
            id: u.id,
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            role: u.role,
            certificate_name_latin: p.certificate_name_latin.clone(),
            certificate_name_native: p.certificate_name_native.clone(),
            organisation: p.organisation.clone(),
            organisation_type: p.organisation_type.clone(),
            country: p.country.clone(),
            position: p.position.clone(),
            preferred_language: p.preferred_language.clone(),
            time_zone: p.time_zone.clone(),
        }
    }
}

/// Who is signed in.
#[utoipa::path(
    get, path = "/api/v1/me", tag = "me",
    responses(
        (status = 200, description = "The signed-in person", body = MeResponse),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
    )
)]
#[get("/api/v1/me")]
pub fn me(user: SignedIn) -> Json<MeResponse> {
    Json(MeResponse::from(&user.0))
}
