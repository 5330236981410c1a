//! "Download my data": everything the product holds about the signed-in person, as JSON.

use rocket::http::{ContentType, Header};
use rocket::{Responder, Route, get, routes};

use super::guards::SignedIn;
use super::view::Ctx;
use crate::error::AppError;
use crate::services::personal_data;

pub fn routes() -> Vec<Route> {
    routes![download]
}

#[derive(Responder)]
struct JsonFile {
    body: String,
    content_type: ContentType,
    disposition: Header<'static>,
    no_store: Header<'static>,
}

#[get("/profile/data.json")]
async fn download(ctx: Ctx<'_>, user: SignedIn) -> Result<JsonFile, AppError> {
    let data = personal_data::export(ctx.state, user.0.id).await?;
    let body = serde_json::to_string_pretty(&data).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(JsonFile {
        body,
        content_type: ContentType::JSON,
        disposition: Header::new("Content-Disposition", "attachment; filename=\"wta-academy-data.json\""),
        // Personal data: browsers and proxies must not keep a copy.
        no_store: Header::new("Cache-Control", "no-store"),
    })
}
