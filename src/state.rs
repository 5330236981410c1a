//! What every request and background job shares: the database, the configuration, the mail
//! sender, the file store and the request metrics. Nothing here is per-instance state that must survive a
//! restart; that lives in the database.

use std::sync::Arc;

use crate::config::Config;
use crate::db::Db;
use crate::mail::Mailer;
use crate::storage::Storage;
use crate::web::metrics::Metrics;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub mailer: Mailer,
    pub metrics: Arc<Metrics>,
    pub storage: Storage,
    /// Fonts for certificates, found at start-up.
    pub fonts: crate::pdf::FontBook,
}
