//! Everything that knows Rocket: routes, guards, forms, pages and the API.

pub mod admin;
pub mod api;
pub mod attendance;
pub mod attendance_import;
pub mod auth;
pub mod calendar;
pub mod catalogue;
pub mod certificates;
pub mod charts;
pub mod checkin;
pub mod csrf;
pub mod directory;
pub mod enrollment;
pub mod errors;
pub mod export;
pub mod fairings;
pub mod frame;
pub mod guards;
pub mod health;
pub mod home;
pub mod lang;
pub mod learning;
pub mod manage;
pub mod materials;
pub mod materials_view;
pub mod metrics;
pub mod my_data;
pub mod page;
pub mod pager;
pub mod password;
pub mod present;
pub mod profile;
pub mod rate_limit;
pub mod survey;
pub mod survey_manage;
pub mod trainer_progress;
pub mod view;

use rocket::Route;

/// Every route of the product, mounted at `/` in one place.
pub fn routes() -> Vec<Route> {
    let mut r = Vec::new();
    r.extend(home::routes());
    r.extend(auth::routes());
    r.extend(password::routes());
    r.extend(profile::routes());
    r.extend(my_data::routes());
    r.extend(lang::routes());
    r.extend(admin::routes());
    r.extend(catalogue::routes());
    r.extend(learning::routes());
    r.extend(enrollment::routes());
    r.extend(calendar::routes());
    r.extend(manage::routes());
    r.extend(materials::routes());
    r.extend(certificates::routes());
    r.extend(attendance::routes());
    r.extend(attendance_import::routes());
    r.extend(checkin::routes());
    r.extend(survey::routes());
    r.extend(survey_manage::routes());
    r.extend(trainer_progress::routes());
    r.extend(directory::routes());
    r.extend(health::routes());
    r.extend(api::routes());
    r
}

pub use errors::catchers;
