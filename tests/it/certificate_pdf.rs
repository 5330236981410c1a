//! Certificate PDFs read back with poppler's tools: names copy out as typed in every script,
//! fonts are embedded, the QR code leads to the verification page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use tempfile::TempDir;
use wta_academy::pdf::{self, Certificate, FontBook, Labels, Signatory};

const URL: &str = "https://academy.example.org/verify/7KQM-W3RX-9HTP-CZ4N-FJ2D";

/// Discovering the system fonts takes a moment: once for all tests.
fn system() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::system)
}

pub fn english() -> Labels {
    Labels {
        title: "Certificate of Completion".into(),
        certify: "This is to certify that".into(),
        completed: "has successfully completed".into(),
        theme: "Theme".into(),
        dates: "Dates".into(),
        venue: "Venue".into(),
        hours: "Hours of learning".into(),
        code: "Certificate code".into(),
        verify: "Verify at".into(),
        specimen: "SPECIMEN".into(),
    }
}

pub fn korean() -> Labels {
    Labels {
        title: "수료증".into(),
        certify: "위 사람은".into(),
        completed: "과정을 성공적으로 수료하였음을 증명합니다".into(),
        theme: "주제".into(),
        dates: "기간".into(),
        venue: "장소".into(),
        hours: "학습 시간".into(),
        code: "수료증 번호".into(),
        verify: "확인".into(),
        specimen: "견본".into(),
    }
}

pub fn signatories() -> Vec<Signatory> {
    vec![
        Signatory { name: "Hyun-Jin Park".into(), title: "Secretary General, WTA".into(), image: None },
        Signatory { name: "Amina Diallo".into(), title: "Programme Specialist, UNESCO".into(), image: None },
    ]
}

pub fn certificate<'a>(
    name_latin: &'a str,
    name_native: Option<&'a str>,
    labels: &'a [Labels],
    signatories: &'a [Signatory],
) -> Certificate<'a> {
    Certificate {
        program: "UNESCO-WTA International Training Workshop",
        edition: "23rd UNESCO-WTA International Training Workshop",
        theme: "Science Parks and Regional Innovation",
        dates: "11–15 October 2027",
        venue: "Daejeon, Republic of Korea",
        hours: Some(40),
        name_latin,
        name_native,
        code: "7KQM-W3RX-9HTP-CZ4N-FJ2D",
        verify_url: URL,
        signatories,
        labels,
        specimen: false,
        issued: "2027-10-15",
    }
}

/// Runs a poppler tool; fails with what to install when it is missing.
fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    match Command::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!(
                "{tool} is not installed: install poppler-utils (apt-get install poppler-utils; tests/run installs it)"
            )
        }
        Err(e) => panic!("{tool} cannot run: {e}"),
    }
}

fn write(dir: &TempDir, name: &str, pdf: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, pdf).unwrap();
    path
}

/// The text of the PDF as pdftotext reads it, runs of whitespace made single spaces.
fn text_of(path: &Path) -> String {
    let out = poppler("pdftotext", &[path.as_os_str(), "-".as_ref()]);
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (font name, embedded) for every font pdffonts lists.
fn fonts_of(path: &Path) -> Vec<(String, bool)> {
    let out = poppler("pdffonts", &[path.as_os_str()]);
    assert!(out.status.success(), "pdffonts failed: {}", String::from_utf8_lossy(&out.stderr));
    let listing = String::from_utf8(out.stdout).unwrap();
    listing
        .lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name type… encoding emb sub uni object-number generation
            (cols[0].to_owned(), cols[cols.len() - 5] == "yes")
        })
        .collect()
}

/// Renders page 1 at `dpi` and returns (width, height, grey pixels).
fn raster(dir: &TempDir, path: &Path, dpi: u32) -> (usize, usize, Vec<u8>) {
    let stem = dir.path().join("page");
    let out = poppler(
        "pdftoppm",
        &[
            "-r".as_ref(),
            dpi.to_string().as_ref(),
            "-png".as_ref(),
            "-gray".as_ref(),
            "-singlefile".as_ref(),
            path.as_os_str(),
            stem.as_os_str(),
        ],
    );
    assert!(out.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::File::open(stem.with_extension("png")).unwrap();
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let grey = buf[..info.buffer_size()].chunks(channels).map(|p| p[0]).collect();
    (info.width as usize, info.height as usize, grey)
}

const NAMES: [(&str, &str); 12] = [
    ("Nguyen Thi Phuong Thao", "Nguyễn Thị Phương Thảo"),
    ("Kim Minjun", "김민준"),
    ("Wang Xiaoming", "王小明"),
    ("Sato Hanako", "佐藤花子"),
    ("Anna Smirnova", "Анна Смирнова"),
    ("Giorgos Papadopoulos", "Γιώργος Παπαδόπουλος"),
    ("Sukru Caglar", "Şükrü Çağlar"),
    ("Fatima Al-Zahra", "فاطمة الزهراء"),
    // Lam and alef drawn as one glyph (ligature) must still copy out as two letters, in order.
    ("Salama Abdullah", "سلامة عبد الله"),
    ("David Levi", "דוד לוי"),
    ("Anita Sharma", "अनीता शर्मा"),
    ("Somchai Jaidee", "สมชาย ใจดี"),
];

#[test]
fn names_in_every_script_copy_out_as_typed_with_embedded_fonts() {
    let dir = TempDir::new().unwrap();
    let labels = [english()];
    let signatories = signatories();
    for (i, (latin, native)) in NAMES.iter().enumerate() {
        let c = certificate(latin, Some(native), &labels, &signatories);
        assert_eq!(
            pdf::missing_glyphs(system(), &c),
            Vec::<char>::new(),
            "{native}: fonts-noto-core and fonts-noto-cjk installed?"
        );
        let bytes = pdf::render(system(), &c).unwrap();
        let path = write(&dir, &format!("name{i}.pdf"), &bytes);
        let text = text_of(&path);
        assert!(text.contains(latin), "{latin} not in: {text}");
        assert!(text.contains(native), "{native} not in: {text}");
        let fonts = fonts_of(&path);
        assert!(!fonts.is_empty());
        for (font, embedded) in fonts {
            assert!(embedded, "{font} is not embedded in the certificate of {native}");
        }
    }
}

#[test]
fn the_qr_code_leads_to_the_verification_page() {
    let dir = TempDir::new().unwrap();
    let labels = [english()];
    let bytes = pdf::render(system(), &certificate("Kim Minjun", Some("김민준"), &labels, &signatories())).unwrap();
    let path = write(&dir, "qr.pdf", &bytes);
    let (w, h, grey) = raster(&dir, &path, 150);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the page");
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, URL);
}

#[test]
fn a_bilingual_certificate_carries_both_languages() {
    let dir = TempDir::new().unwrap();
    let labels = [english(), korean()];
    let bytes = pdf::render(system(), &certificate("Kim Minjun", Some("김민준"), &labels, &signatories())).unwrap();
    let text = text_of(&write(&dir, "ko.pdf", &bytes));
    for label in [
        "Certificate of Completion",
        "수료증",
        "This is to certify that",
        "위 사람은",
        "Hours of learning",
        "학습 시간",
        "Verify at",
        "확인",
    ] {
        assert!(text.contains(label), "{label} not in: {text}");
    }
    assert!(text.contains("김민준") && text.contains("Kim Minjun"));
}

#[test]
fn a_specimen_says_so() {
    let dir = TempDir::new().unwrap();
    let labels = [english()];
    let mut c = certificate("Anna Smirnova", None, &labels, &[]);
    c.specimen = true;
    let text = text_of(&write(&dir, "specimen.pdf", &pdf::render(system(), &c).unwrap()));
    assert!(text.contains("SPECIMEN"), "{text}");
    c.specimen = false;
    let text = text_of(&write(&dir, "final.pdf", &pdf::render(system(), &c).unwrap()));
    assert!(!text.contains("SPECIMEN"), "{text}");
}

#[test]
fn a_name_of_200_characters_renders() {
    let dir = TempDir::new().unwrap();
    let labels = [english()];
    let name: String = ["Maximiliana", "Alexandrovna"].iter().cycle().take(17).copied().collect::<Vec<_>>().join(" ");
    let name = &name[..200];
    let bytes = pdf::render(system(), &certificate(name, Some("김민준"), &labels, &signatories())).unwrap();
    let text = text_of(&write(&dir, "long.pdf", &bytes));
    assert!(text.contains("Maximiliana Alexandrovna"), "{text}");
}

#[test]
fn without_cjk_fonts_a_korean_name_is_reported_and_still_renders() {
    let dir = TempDir::new().unwrap();
    let labels = [english()];
    let c = certificate("Kim Minjun", Some("김민준"), &labels, &[]);
    let book = FontBook::bundled();
    assert_eq!(pdf::missing_glyphs(&book, &c), vec!['김', '민', '준']);
    assert_eq!(book.missing("Kim Minjun 김민준 민"), vec!['김', '민', '준']);
    let bytes = pdf::render(&book, &c).unwrap();
    let path = write(&dir, "bundled.pdf", &bytes);
    let text = text_of(&path);
    // Drawn as "???", the name still copies out as typed.
    assert!(text.contains("Kim Minjun") && text.contains("김민준"), "{text}");
    assert!(fonts_of(&path).iter().all(|(_, embedded)| *embedded));
}

#[test]
fn the_system_book_finds_noto_fonts() {
    let families = system().families();
    assert_eq!(families[0], "Noto Sans (bundled)");
    for family in ["Noto Sans CJK KR", "Noto Sans Arabic"] {
        assert!(families.iter().any(|f| f == family), "{family} not found: install fonts-noto-core and fonts-noto-cjk");
    }
}

/// Writes a bilingual certificate and its picture for a look, when asked:
/// `CERTIFICATE_PREVIEW=/tmp/dir cargo test --test it certificate_pdf::preview`
/// (`CERTIFICATE_NAMES="Latin name|native name"`, `CERTIFICATE_SPECIMEN=1` and
/// `CERTIFICATE_BUNDLED=1`, for the built-in Latin font only, vary it).
#[test]
fn preview() {
    let Ok(out) = std::env::var("CERTIFICATE_PREVIEW") else { return };
    let labels = [english(), korean()];
    let signatories = signatories();
    let names = std::env::var("CERTIFICATE_NAMES").unwrap_or_else(|_| "Kim Minjun|김민준".into());
    let (latin, native) = names.split_once('|').unwrap_or((&names, ""));
    let mut c = certificate(latin, Some(native).filter(|n| !n.is_empty()), &labels, &signatories);
    c.specimen = std::env::var("CERTIFICATE_SPECIMEN").is_ok();
    let book = if std::env::var("CERTIFICATE_BUNDLED").is_ok() { FontBook::bundled() } else { system().clone() };
    let bytes = pdf::render(&book, &c).unwrap();
    let path = Path::new(&out).join("certificate.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let out = poppler(
        "pdftoppm",
        &[
            "-r".as_ref(),
            "60".as_ref(),
            "-png".as_ref(),
            "-singlefile".as_ref(),
            path.as_os_str(),
            path.with_extension("").as_os_str(),
        ],
    );
    assert!(out.status.success());
}
