//! Pages for administrators and coordinators.

pub mod users;

use rocket::Route;

pub fn routes() -> Vec<Route> {
    users::routes()
}
