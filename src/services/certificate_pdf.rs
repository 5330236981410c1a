//! Certificate files: the PDF of an issued certificate (drawn again from what was fixed at
//! issue, so it never changes), a specimen with any name, and the ZIP of an edition's.

use std::io::Write;

use rocket::http::{ContentType, Header};
use rocket::response::{self, Responder};

use super::certificates::Snapshot;
use super::{ServiceError, ServiceResult};
use crate::db::now;
use crate::domain::certificate::new_code;
use crate::domain::names;
use crate::i18n::t;
use crate::pdf::{self, FontBook, Labels, Signatory};
use crate::repo::certificates::{self as repo, Certificate};
use crate::repo::programs::Edition;
use crate::state::AppState;

/// The wording of a certificate in one language, from the message catalogs.
pub fn labels(lang: &str) -> Labels {
    Labels {
        title: t(lang, "certificate-title"),
        certify: t(lang, "certificate-certify"),
        completed: t(lang, "certificate-completed"),
        theme: t(lang, "certificate-theme"),
        dates: t(lang, "certificate-dates"),
        venue: t(lang, "certificate-venue"),
        hours: t(lang, "certificate-hours"),
        code: t(lang, "certificate-code"),
        verify: t(lang, "certificate-verify"),
        specimen: t(lang, "certificate-specimen"),
    }
}

/// Everything a render needs, owned, so it can move to a blocking thread.
struct Job {
    shows: Snapshot,
    /// The signatories' images, in order (`None` where there is none).
    images: Vec<Option<Vec<u8>>>,
    name_latin: String,
    name_native: String,
    code: String,
    verify_url: String,
    specimen: bool,
}

impl Job {
    fn render(&self, fonts: &FontBook) -> Result<Vec<u8>, pdf::RenderError> {
        let mut label_sets = vec![labels("en")];
        if !self.shows.language.is_empty() && self.shows.language != "en" {
            label_sets.push(labels(&self.shows.language));
        }
        let signatories: Vec<Signatory> = self
            .shows
            .signatories
            .iter()
            .enumerate()
            .map(|(i, s)| Signatory {
                name: s.name.clone(),
                title: s.title.clone(),
                image: self.images.get(i).cloned().flatten(),
            })
            .collect();
        let native = self.name_native.trim();
        let doc = pdf::Certificate {
            program: &self.shows.program,
            edition: &self.shows.edition,
            theme: &self.shows.theme,
            dates: &self.shows.dates,
            venue: &self.shows.venue,
            hours: self.shows.hours,
            name_latin: &self.name_latin,
            name_native: (!native.is_empty()).then_some(native),
            code: &self.code,
            verify_url: &self.verify_url,
            signatories: &signatories,
            labels: &label_sets,
            specimen: self.specimen,
            issued: &self.shows.issued,
        };
        pdf::render(fonts, &doc)
    }

    fn missing(&self, fonts: &FontBook) -> Vec<char> {
        fonts.missing(&format!("{} {}", self.name_latin, self.name_native))
    }
}

async fn run(state: &AppState, jobs: Vec<Job>) -> ServiceResult<Vec<Vec<u8>>> {
    let fonts = state.fonts.clone();
    tokio::task::spawn_blocking(move || jobs.iter().map(|j| j.render(&fonts)).collect::<Result<Vec<_>, _>>())
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?
        .map_err(|e| ServiceError::Internal(format!("certificate rendering: {e}")))
}

/// Signature images by file-store key (`None`: missing from the store).
type Images = std::collections::HashMap<String, Option<Vec<u8>>>;

/// Signature images are small: read whole, at most this many bytes each.
const SIGNATURE_MAX_BYTES: u64 = 1024 * 1024;

/// The signatories' images of a snapshot, read from the file store.
/// `read` keeps the images already read (an edition's certificates share their signatories).
async fn images_of(state: &AppState, shows: &Snapshot, read: &mut Images) -> ServiceResult<Vec<Option<Vec<u8>>>> {
    let mut out = Vec::new();
    for s in &shows.signatories {
        if s.signature_key.is_empty() {
            out.push(None);
            continue;
        }
        if let Some(known) = read.get(&s.signature_key) {
            out.push(known.clone());
            continue;
        }
        match state.storage.read(&s.signature_key, SIGNATURE_MAX_BYTES).await {
            Ok(bytes) => {
                read.insert(s.signature_key.clone(), Some(bytes.clone()));
                out.push(Some(bytes));
            }
            Err(crate::storage::StorageError::Unavailable(detail)) => {
                tracing::warn!(%detail, "file store unavailable for a signature image");
                return Err(ServiceError::Unavailable(crate::msg!("err-unavailable")));
            }
            Err(e) => {
                tracing::warn!(key = %s.signature_key, error = ?e, "signature image missing");
                read.insert(s.signature_key.clone(), None);
                out.push(None);
            }
        }
    }
    Ok(out)
}

async fn job_of(state: &AppState, c: &Certificate, read: &mut Images) -> ServiceResult<Job> {
    let shows = Snapshot::parse(&c.snapshot)?;
    Ok(Job {
        images: images_of(state, &shows, read).await?,
        shows,
        name_latin: c.name_latin.clone(),
        name_native: c.name_native.clone(),
        code: c.code.clone(),
        verify_url: state.config.link(&format!("/verify/{}", c.code)),
        specimen: false,
    })
}

/// The PDF of an issued certificate.
pub async fn render(state: &AppState, c: &Certificate) -> ServiceResult<Vec<u8>> {
    let mut files = run(state, vec![job_of(state, c, &mut Images::new()).await?]).await?;
    files.pop().ok_or_else(|| ServiceError::Internal("no certificate rendered".into()))
}

/// `certificate-7KQM-W3RX-9HTP-CZ4N-FJ2D.pdf`
pub fn file_name(c: &Certificate) -> String {
    format!("certificate-{}.pdf", c.code)
}

/// A specimen of the edition's certificate with any name, and the characters no font can
/// print. The names are checked as certificate names are.
pub async fn specimen(state: &AppState, ed: &Edition, name: &str, native: &str) -> ServiceResult<(Vec<u8>, Vec<char>)> {
    let mut e = crate::domain::FieldErrors::new();
    let latin = e.check("name", names::person_name(name));
    let native = e.check("native", names::optional_person_name(native));
    e.clone().into_result()?;
    let (Some(latin), Some(native)) = (latin, native) else { return Err(e.into()) };
    let mut conn = state.db.pool.acquire().await?;
    let shows = super::certificates::snapshot_of(&mut conn, ed, now()).await?;
    drop(conn);
    let code = new_code();
    let job = Job {
        images: images_of(state, &shows, &mut Images::new()).await?,
        shows,
        name_latin: latin,
        name_native: native.unwrap_or_default(),
        verify_url: state.config.link(&format!("/verify/{code}")),
        code,
        specimen: true,
    };
    let missing = job.missing(&state.fonts);
    let mut files = run(state, vec![job]).await?;
    let bytes = files.pop().ok_or_else(|| ServiceError::Internal("no specimen rendered".into()))?;
    Ok((bytes, missing))
}

/// A ZIP archive to download.
pub struct Zip {
    pub bytes: Vec<u8>,
    pub file_name: String,
}

impl<'r> Responder<'r, 'static> for Zip {
    fn respond_to(self, req: &'r rocket::Request<'_>) -> response::Result<'static> {
        rocket::Response::build_from(self.bytes.respond_to(req)?)
            .header(ContentType::ZIP)
            .header(Header::new("Content-Disposition", crate::storage::content_disposition(&self.file_name, true)))
            .header(Header::new("Cache-Control", "private, no-store"))
            .ok()
    }
}

/// Every valid certificate of an edition, one PDF each, named by holder and code.
pub async fn zip_of_edition(state: &AppState, ed: &Edition) -> ServiceResult<Zip> {
    let mut conn = state.db.pool.acquire().await?;
    let valid: Vec<Certificate> =
        repo::of_edition(&mut conn, ed.id).await?.into_iter().filter(|c| c.state == "valid").collect();
    drop(conn);
    let mut jobs = Vec::with_capacity(valid.len());
    let mut read = Images::new();
    for c in &valid {
        jobs.push(job_of(state, c, &mut read).await?);
    }
    let files = run(state, jobs).await?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // PDFs are compressed already: store them as they are.
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (c, bytes) in valid.iter().zip(files) {
        let holder: String =
            c.name_latin.chars().map(|ch| if ch.is_alphanumeric() { ch } else { '-' }).collect::<String>();
        let name = format!("{}-{}.pdf", holder.trim_matches('-'), c.code);
        zip.start_file(name, options).map_err(|e| ServiceError::Internal(e.to_string()))?;
        zip.write_all(&bytes).map_err(|e| ServiceError::Internal(e.to_string()))?;
    }
    let bytes = zip.finish().map_err(|e| ServiceError::Internal(e.to_string()))?.into_inner();
    Ok(Zip { bytes, file_name: format!("certificates-{}.zip", ed.slug) })
}
