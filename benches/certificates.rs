//! Certificate rendering figures, printed (not asserted): certificates per second on one
//! thread and their size, for Latin names on an English certificate and for Latin + Korean
//! names on a bilingual (English and Korean) one.
//!
//! `cargo bench --bench certificates`; `BENCH_CERTIFICATES` changes the count per round (2000).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use wta_academy::pdf::{self, Certificate, FontBook, Labels, Signatory};

const ROUNDS: usize = 5;

fn english() -> Labels {
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

fn korean() -> Labels {
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

const FAMILY: [(&str, &str); 8] = [
    ("Kim", "김"),
    ("Lee", "이"),
    ("Park", "박"),
    ("Choi", "최"),
    ("Jung", "정"),
    ("Kang", "강"),
    ("Cho", "조"),
    ("Yoon", "윤"),
];
const GIVEN: [(&str, &str); 8] = [
    ("Minjun", "민준"),
    ("Seoyeon", "서연"),
    ("Jiho", "지호"),
    ("Hayoon", "하윤"),
    ("Dohyun", "도현"),
    ("Jiwoo", "지우"),
    ("Eunwoo", "은우"),
    ("Sua", "수아"),
];
const LATIN: [&str; 8] = ["Anna", "Carlos", "Fatou", "Ingrid", "Mateo", "Nadia", "Oluwaseun", "Priya"];
const SURNAME: [&str; 8] = ["Smith", "Okafor", "Hernández", "Lindqvist", "Dubois", "Kowalski", "Mensah", "Rossi"];

/// A code like the real ones: five groups of four characters, different for each `i`.
fn code(i: usize) -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut n = i.wrapping_mul(2_654_435_761).wrapping_add(97);
    let chars: Vec<char> = (0..20)
        .map(|_| {
            let c = ALPHABET[n % ALPHABET.len()] as char;
            n = n / ALPHABET.len() + i + 7;
            c
        })
        .collect();
    chars.chunks(4).map(|g| g.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

struct Person {
    latin: String,
    native: Option<String>,
    code: String,
    url: String,
}

fn people(n: usize, korean: bool) -> Vec<Person> {
    (0..n)
        .map(|i| {
            let code = code(i);
            let (latin, native) = if korean {
                let (f, g) = (FAMILY[i % 8], GIVEN[(i / 8) % 8]);
                (format!("{} {} {}", g.0, f.0, i), Some(format!("{}{}", f.1, g.1)))
            } else {
                (format!("{} {} {}", LATIN[i % 8], SURNAME[(i / 8) % 8], i), None)
            };
            Person { latin, native, url: format!("https://academy.example.org/verify/{code}"), code }
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn run(book: &FontBook, title: &str, people: &[Person], labels: &[Labels], signatories: &[Signatory]) {
    let mut rates = Vec::new();
    let (mut total, mut max) = (0usize, 0usize);
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for p in people {
            let c = Certificate {
                program: "UNESCO-WTA International Training Workshop",
                edition: "23rd UNESCO-WTA International Training Workshop",
                theme: "Science Parks and Regional Innovation",
                dates: "11–15 October 2027",
                venue: "Daejeon, Republic of Korea",
                hours: Some(40),
                name_latin: &p.latin,
                name_native: p.native.as_deref(),
                code: &p.code,
                verify_url: &p.url,
                signatories,
                labels,
                specimen: false,
                issued: "2027-10-15",
            };
            let bytes = pdf::render(book, &c).unwrap();
            total += bytes.len();
            max = max.max(bytes.len());
        }
        rates.push(people.len() as f64 / start.elapsed().as_secs_f64());
    }
    let count = people.len() * ROUNDS;
    println!(
        "{title}: {:.0} certificates/s (median of {ROUNDS} rounds of {}), size average {:.1} KB, max {:.1} KB",
        median(rates),
        people.len(),
        total as f64 / count as f64 / 1024.0,
        max as f64 / 1024.0
    );
}

fn main() {
    let n = std::env::var("BENCH_CERTIFICATES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let start = Instant::now();
    let book = FontBook::system();
    println!("font discovery: {:.0} ms, {} families", start.elapsed().as_secs_f64() * 1000.0, book.families().len());
    let signatories = [
        Signatory { name: "Hyun-Jin Park".into(), title: "Secretary General, WTA".into(), image: None },
        Signatory { name: "Amina Diallo".into(), title: "Programme Specialist, UNESCO".into(), image: None },
    ];
    // The first render reads the CJK font from disk: outside the timed rounds.
    let warm = people(1, true);
    let labels = [english(), korean()];
    let start = Instant::now();
    run(&book, "warm-up", &warm, &labels, &signatories);
    println!("first render with Korean (reads the CJK fonts): {:.0} ms", start.elapsed().as_secs_f64() * 1000.0);

    run(&book, "Latin names, English", &people(n, false), &[english()], &signatories);
    run(&book, "Latin + Korean names, English + Korean", &people(n, true), &labels, &signatories);
}
