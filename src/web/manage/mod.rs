//! Running editions: coordinators manage editions and trainers; trainers of an edition (and
//! coordinators) manage its sessions.

pub mod applications;
pub mod audit;
pub mod certificates;
pub mod editions;
pub mod report_form;
pub mod report_lists;
pub mod report_tables;
pub mod reports;
pub mod sessions;

use crate::web::page::HtmlPage;
use rocket::Route;
use rocket::response::{Flash, Redirect, Responder};

pub fn routes() -> Vec<Route> {
    let mut r = editions::routes();
    r.extend(sessions::routes());
    r.extend(applications::routes());
    r.extend(certificates::routes());
    r.extend(audit::routes());
    r.extend(reports::routes());
    r.extend(report_lists::routes());
    r
}

/// A form post answers either with a redirect (saved) or the form again with its errors.
#[derive(Responder)]
// One value per response, built once: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Page {
    Done(Flash<Redirect>),
    Form((rocket::http::Status, HtmlPage)),
}

/// A form that carries nothing but its CSRF token.
#[derive(serde::Deserialize, Default)]
pub struct NoFields {}
