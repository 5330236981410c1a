//! Outgoing mail: messages are queued in the `outbox` table inside the transaction of the
//! change they report, and sent by a background loop over SMTP (`WTA_SMTP_URL`) or written
//! as `.eml` files into the data directory when no SMTP server is configured.

pub mod compose;
mod sender;

pub use compose::Message;
pub use sender::{Mailer, MailerError};

use crate::db::now;
use crate::repo::{self, Conn};

/// Queues a message in the caller's transaction. Call `Mailer::wake` after committing.
pub async fn queue(conn: &mut Conn, to_email: &str, to_name: &str, message: &Message) -> Result<i64, sqlx::Error> {
    repo::outbox::enqueue(conn, to_email, to_name, &message.subject, &message.body, now()).await
}
