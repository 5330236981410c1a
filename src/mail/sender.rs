//! Delivery of queued messages. Several instances may run the loop at once: each message is
//! claimed with a lease before it is sent, so it goes out once.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Tokio1Executor};
use tokio::sync::Notify;

use crate::db::{Db, now};
use crate::repo::outbox::{self, OutgoingMail};

/// How long a claimed message is reserved for the instance sending it.
const LEASE_SECS: i64 = 120;
/// How often the loop looks for due messages when nobody wakes it.
const POLL_EVERY: Duration = Duration::from_secs(10);
/// After this many failed attempts a message is left for an operator to look at.
const MAX_ATTEMPTS: i64 = 8;

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("WTA_SMTP_URL: {0}")]
    Smtp(String),
    #[error("WTA_MAIL_FROM: {0}")]
    From(String),
    #[error("cannot create the mail directory {0}: {1}")]
    Dir(String, std::io::Error),
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// Sends what the outbox holds.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    wakeup: Arc<Notify>,
}

impl Mailer {
    /// SMTP when a URL is given (smtp://user:pass@host:port, smtps://, `?tls=required`),
    /// otherwise `.eml` files in `mail_dir`.
    pub fn new(smtp_url: Option<&str>, from: &str, mail_dir: &std::path::Path) -> Result<Self, MailerError> {
        let from: Mailbox =
            from.parse().map_err(|e: lettre::address::AddressError| MailerError::From(e.to_string()))?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailerError::Smtp(e.to_string()))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(mail_dir).map_err(|e| MailerError::Dir(mail_dir.display().to_string(), e))?;
                Transport::Files(AsyncFileTransport::new(mail_dir))
            }
        };
        Ok(Self { transport, from, wakeup: Arc::new(Notify::new()) })
    }

    /// Tells the loop there is something to send now.
    pub fn wake(&self) {
        self.wakeup.notify_one();
    }

    /// Sends every due message; returns how many were sent.
    pub async fn deliver_pending(&self, db: &Db) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        loop {
            let claimed = {
                let mut conn = db.pool.acquire().await?;
                outbox::claim_next(&mut conn, now(), LEASE_SECS).await?
            };
            let Some(mail) = claimed else { return Ok(sent) };
            let result = self.send(&mail).await;
            let mut conn = db.pool.acquire().await?;
            match result {
                Ok(()) => {
                    outbox::mark_sent(&mut conn, mail.id, now()).await?;
                    sent += 1;
                }
                Err(error) => {
                    tracing::warn!(mail_id = mail.id, attempts = mail.attempts, %error, "mail not sent");
                    // Back off 1, 2, 4 … minutes; give up (keep the row) after MAX_ATTEMPTS.
                    let wait_minutes =
                        if mail.attempts >= MAX_ATTEMPTS { 60 * 24 * 365 } else { 1 << mail.attempts.min(10) };
                    outbox::mark_failed(&mut conn, mail.id, &error, now().plus_minutes(wait_minutes)).await?;
                }
            }
        }
    }

    async fn send(&self, mail: &OutgoingMail) -> Result<(), String> {
        let to = Mailbox::new(
            (!mail.to_name.is_empty()).then(|| mail.to_name.clone()),
            mail.to_email.parse().map_err(|e: lettre::address::AddressError| e.to_string())?,
        );
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())
            .map_err(|e| e.to_string())?;
        match &self.transport {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }

    /// Runs until `shutdown` resolves: sends what is due whenever woken, or every few seconds.
    pub async fn run(self, db: Db, shutdown: impl std::future::Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            if let Err(error) = self.deliver_pending(&db).await {
                tracing::warn!(%error, "mail loop: database unavailable");
            }
            tokio::select! {
                () = &mut shutdown => return,
                () = self.wakeup.notified() => {}
                () = tokio::time::sleep(POLL_EVERY) => {}
            }
        }
    }
}
