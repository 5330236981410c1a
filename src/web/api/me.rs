//! The signed-in person.

use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use serde::Serialize;

use crate::domain::role::Role;
use crate::domain::user::{Profile, User};
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
    #[serde(flatten)]
    pub profile: Profile,
}

impl From<&User> for MeResponse {
    fn from(u: &User) -> Self {
        MeResponse {
            id: u.id,
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            role: u.role,
            profile: u.profile.clone(),
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
