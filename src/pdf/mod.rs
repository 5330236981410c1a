//! Certificate PDFs: A4 landscape, fonts chosen per script and embedded as subsets, text that
//! copies out as typed, a QR code to the verification page.
//!
//! A character that no font of the [`FontBook`] has is reported by [`missing_glyphs`] so the
//! coordinator can be warned before issuing. Rendered anyway, it is drawn as a visible "?",
//! while the text layer keeps the real character (copying or searching the PDF finds the name
//! as typed).

mod certificate;
mod fonts;
mod layout;
mod qr;
mod script;
mod text;

pub use fonts::FontBook;

/// One language's wording of the certificate, given by the caller.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    /// "Certificate of Completion"
    pub title: String,
    /// "This is to certify that"
    pub certify: String,
    /// "has successfully completed"
    pub completed: String,
    /// "Theme"
    pub theme: String,
    /// "Dates"
    pub dates: String,
    /// "Venue"
    pub venue: String,
    /// "Hours of learning"
    pub hours: String,
    /// "Certificate code"
    pub code: String,
    /// "Verify at"
    pub verify: String,
    /// "SPECIMEN"
    pub specimen: String,
}

/// A person who signs the certificate.
#[derive(Clone, Debug, Default)]
pub struct Signatory {
    pub name: String,
    pub title: String,
    /// The signature, PNG or JPEG.
    pub image: Option<Vec<u8>>,
}

/// Everything a certificate shows.
#[derive(Clone, Copy, Debug)]
pub struct Certificate<'a> {
    /// "UNESCO-WTA International Training Workshop"
    pub program: &'a str,
    /// "23rd UNESCO-WTA International Training Workshop"
    pub edition: &'a str,
    /// May be empty.
    pub theme: &'a str,
    /// Already formatted, e.g. "11–15 October 2027".
    pub dates: &'a str,
    /// May be empty.
    pub venue: &'a str,
    /// Hours of learning, when set.
    pub hours: Option<i64>,
    /// Always present.
    pub name_latin: &'a str,
    /// The name in the person's own script, when given.
    pub name_native: Option<&'a str>,
    /// e.g. "7KQM-W3RX-9HTP-CZ4N-FJ2D"
    pub code: &'a str,
    /// The verification page, put in the QR code.
    pub verify_url: &'a str,
    /// None to three.
    pub signatories: &'a [Signatory],
    /// English, or English and the edition's language (a bilingual certificate).
    pub labels: &'a [Labels],
    /// A preview: a large SPECIMEN watermark across the page.
    pub specimen: bool,
    /// The issue date as text, e.g. "2027-10-15".
    pub issued: &'a str,
}

/// Why a certificate cannot be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("a certificate has one or two sets of labels, not {0}")]
    Labels(usize),
    #[error("a certificate has at most three signatories, not {0}")]
    Signatories(usize),
    #[error("the signature image of {name} cannot be read (PNG or JPEG expected): {reason}")]
    SignatureImage { name: String, reason: String },
    #[error("the verification address does not fit in a QR code: {0}")]
    Qr(String),
    #[error("the bundled font cannot be read")]
    Font,
    #[error("the PDF cannot be written: {0}")]
    Pdf(String),
}

/// Renders the certificate as a one-page PDF. The same input gives the same bytes.
pub fn render(fonts: &FontBook, c: &Certificate<'_>) -> Result<Vec<u8>, RenderError> {
    certificate::render(fonts, c)
}

/// Characters in the certificate's texts (names, titles, labels...) that no font can draw,
/// without repeats, in order of appearance: the caller shows them as a warning before issuing.
pub fn missing_glyphs(fonts: &FontBook, c: &Certificate<'_>) -> Vec<char> {
    certificate::missing_glyphs(fonts, c)
}
