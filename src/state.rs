//! What every request and background job shares: the database, the configuration, the mail
//! sender, the file store, the request metrics and the content cache. Nothing here is
//! per-instance state that must survive a restart; that lives in the database.

use std::sync::Arc;

use crate::config::Config;
use crate::db::Db;
use crate::mail::Mailer;
use crate::services::read_together::ReadTogether;
use crate::storage::Storage;
use crate::web::metrics::Metrics;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub mailer: Mailer,
    pub metrics: Arc<Metrics>,
    pub storage: Storage,
    /// Course and timetable content in memory, checked against the database's content version.
    pub content: Arc<crate::services::content_cache::ContentCache>,
    /// Each signed-in person's standing in their editions, checked against their own version.
    pub people: Arc<crate::services::people_cache::PeopleCache>,
    /// Session lookups of concurrent requests, read together.
    pub session_reads: Arc<ReadTogether<crate::services::sessions::SessionsByHash>>,
    /// Certificate lookups by code of concurrent verifications, read together.
    pub certificate_reads: Arc<ReadTogether<crate::services::certificates::CertificatesByCode>>,
    /// Fonts for certificates, found at start-up.
    pub fonts: crate::pdf::FontBook,
}
