//! A person's own profile.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::csrf::CsrfForm;
use super::guards::SignedIn;
use super::view::Ctx;
use crate::domain::organisation::ORGANISATION_TYPES;
use crate::domain::user::User;
use crate::domain::{FieldErrors, countries, time_zone};
use crate::error::AppError;
use crate::msg;
use crate::services::ServiceError;
use crate::services::profile::{self, ProfileInput};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![profile_page, save_profile]
}

const FIELDS: [&str; 9] = [
    "display_name",
    "certificate_name_latin",
    "certificate_name_native",
    "organisation",
    "organisation_type",
    "country",
    "position",
    "preferred_language",
    "time_zone",
];

/// The form with the values as typed and the choice lists in the page's language.
fn form_context(ctx: &Ctx<'_>, user: &User, f: &ProfileInput, errors: &FieldErrors) -> Value {
    let countries: Vec<Value> = countries::sorted_for(ctx.lang)
        .into_iter()
        .map(|(code, name)| json!({ "code": code, "name": name, "selected": code == f.country.to_uppercase() }))
        .collect();
    let org_types: Vec<Value> = ORGANISATION_TYPES
        .iter()
        .map(|c| json!({ "code": c, "name": ctx.t(&format!("org-type-{c}")), "selected": *c == f.organisation_type }))
        .collect();
    let languages: Vec<Value> = crate::domain::languages::LANGUAGES
        .iter()
        .map(|(c, n)| json!({ "code": c, "name": n, "selected": *c == f.preferred_language }))
        .collect();
    let region = countries::find(&f.country.to_uppercase()).map(|c| ctx.t(&format!("region-{}", c.region)));
    json!({
        "email": user.email,
        "form": {
            "display_name": f.display_name,
            "certificate_name_latin": f.certificate_name_latin,
            "certificate_name_native": f.certificate_name_native,
            "organisation": f.organisation,
            "position": f.position,
            "time_zone": f.time_zone,
        },
        "region": region,
        "countries": countries,
        "organisation_types": org_types,
        "preferred_languages": languages,
        "time_zones": time_zone::all_names(),
        "errors": ctx.errors(&FIELDS, errors),
    })
}

#[get("/profile")]
fn profile_page(ctx: Ctx<'_>, user: SignedIn) -> HtmlPage {
    let data = form_context(&ctx, &user.0, &ProfileInput::from(&user.0), &FieldErrors::new());
    ctx.render("account/profile", data)
}

#[post("/profile", data = "<form>")]
async fn save_profile(
    ctx: Ctx<'_>,
    user: SignedIn,
    form: CsrfForm<ProfileInput>,
) -> Result<Result<Flash<Redirect>, (Status, HtmlPage)>, AppError> {
    let input = form.0;
    match profile::update(ctx.state, &user.0, &input).await {
        Ok(updated) => {
            // A newly chosen language takes effect at once, over an earlier switcher choice.
            if !updated.profile.preferred_language.is_empty() {
                ctx.cookies.remove(rocket::http::Cookie::build(super::guards::LANG_COOKIE).path("/"));
            }
            Ok(Ok(ctx.flash_success("/profile".into(), msg!("flash-profile-saved"))))
        }
        Err(ServiceError::Invalid(errors)) => {
            let data = form_context(&ctx, &user.0, &input, &errors);
            Ok(Err(ctx.render_status(Status::UnprocessableEntity, "account/profile", data)))
        }
        Err(e) => Err(e.into()),
    }
}
