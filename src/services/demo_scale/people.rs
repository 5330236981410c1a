//! Generated people: fifty countries in the five UNESCO regions, names in each country's
//! own script with a Latin form for certificates, and organisations of every type.

use rand::Rng;
use rand::rngs::StdRng;
use unicode_normalization::UnicodeNormalization;

/// A naming tradition: given and family names as (own script, Latin) pairs; an empty Latin
/// form means the name is already Latin and only loses its accents on the certificate.
struct Names {
    given: &'static [(&'static str, &'static str)],
    family: &'static [(&'static str, &'static str)],
    /// Family name first, written without a space (Korean, Chinese, Japanese).
    family_first_joined: bool,
    /// Family name first with a space (Vietnamese).
    family_first: bool,
}

const KOREAN: Names = Names {
    given: &[
        ("지원", "Ji-won"),
        ("서연", "Seo-yeon"),
        ("민준", "Min-jun"),
        ("하은", "Ha-eun"),
        ("도윤", "Do-yoon"),
        ("수빈", "Su-bin"),
        ("현우", "Hyun-woo"),
        ("지민", "Ji-min"),
        ("예린", "Ye-rin"),
        ("태정", "Tae-jeong"),
    ],
    family: &[
        ("김", "Kim"),
        ("이", "Lee"),
        ("박", "Park"),
        ("최", "Choi"),
        ("정", "Jung"),
        ("강", "Kang"),
        ("조", "Cho"),
        ("윤", "Yoon"),
        ("장", "Jang"),
        ("한", "Han"),
    ],
    family_first_joined: true,
    family_first: false,
};

const CHINESE: Names = Names {
    given: &[
        ("伟", "Wei"),
        ("芳", "Fang"),
        ("明", "Ming"),
        ("静", "Jing"),
        ("强", "Qiang"),
        ("磊", "Lei"),
        ("婷", "Ting"),
        ("丽华", "Lihua"),
        ("建国", "Jianguo"),
        ("晓燕", "Xiaoyan"),
    ],
    family: &[
        ("王", "Wang"),
        ("李", "Li"),
        ("张", "Zhang"),
        ("刘", "Liu"),
        ("陈", "Chen"),
        ("杨", "Yang"),
        ("黄", "Huang"),
        ("赵", "Zhao"),
        ("周", "Zhou"),
        ("吴", "Wu"),
    ],
    family_first_joined: true,
    family_first: false,
};

const JAPANESE: Names = Names {
    given: &[
        ("花子", "Hanako"),
        ("太郎", "Taro"),
        ("健", "Ken"),
        ("美咲", "Misaki"),
        ("翔太", "Shota"),
        ("由美", "Yumi"),
        ("大輔", "Daisuke"),
        ("恵", "Megumi"),
    ],
    family: &[
        ("佐藤", "Sato"),
        ("鈴木", "Suzuki"),
        ("高橋", "Takahashi"),
        ("田中", "Tanaka"),
        ("伊藤", "Ito"),
        ("渡辺", "Watanabe"),
        ("山本", "Yamamoto"),
        ("中村", "Nakamura"),
    ],
    family_first_joined: true,
    family_first: false,
};

const VIETNAMESE: Names = Names {
    given: &[
        ("Văn An", ""),
        ("Thị Lan", ""),
        ("Đức Minh", ""),
        ("Thanh Liêm", ""),
        ("Ngọc Hương", ""),
        ("Hữu Phước", ""),
        ("Minh Tuấn", ""),
        ("Thị Thảo", ""),
        ("Quang Dũng", ""),
        ("Thu Hà", ""),
        ("Văn Cường", ""),
        ("Phương Linh", ""),
    ],
    family: &[
        ("Nguyễn", ""),
        ("Trần", ""),
        ("Lê", ""),
        ("Phạm", ""),
        ("Hoàng", ""),
        ("Vũ", ""),
        ("Đặng", ""),
        ("Bùi", ""),
        ("Đỗ", ""),
        ("Hồ", ""),
    ],
    family_first_joined: false,
    family_first: true,
};

const THAI: Names = Names {
    given: &[
        ("สมชาย", "Somchai"),
        ("สุดา", "Suda"),
        ("วิชัย", "Wichai"),
        ("มาลี", "Malee"),
        ("อนันต์", "Anan"),
        ("กาญจนา", "Kanchana"),
        ("นภา", "Napa"),
    ],
    family: &[
        ("ใจดี", "Jaidee"),
        ("ศรีสุข", "Srisuk"),
        ("วงศ์สวัสดิ์", "Wongsawat"),
        ("ทองดี", "Thongdee"),
        ("บุญมา", "Boonma"),
        ("แก้วมณี", "Kaewmanee"),
    ],
    family_first_joined: false,
    family_first: false,
};

const HINDI: Names = Names {
    given: &[
        ("प्रिया", "Priya"),
        ("राहुल", "Rahul"),
        ("अनीता", "Anita"),
        ("अमित", "Amit"),
        ("सुनीता", "Sunita"),
        ("विकास", "Vikas"),
        ("पूजा", "Pooja"),
        ("अर्जुन", "Arjun"),
    ],
    family: &[
        ("शर्मा", "Sharma"),
        ("वर्मा", "Verma"),
        ("गुप्ता", "Gupta"),
        ("सिंह", "Singh"),
        ("पटेल", "Patel"),
        ("कुमार", "Kumar"),
        ("राव", "Rao"),
        ("नायर", "Nair"),
    ],
    family_first_joined: false,
    family_first: false,
};

const CYRILLIC: Names = Names {
    given: &[
        ("Анна", "Anna"),
        ("Иван", "Ivan"),
        ("Ольга", "Olga"),
        ("Дмитрий", "Dmitry"),
        ("Елена", "Elena"),
        ("Сергей", "Sergey"),
        ("Дилноза", "Dilnoza"),
        ("Айгерим", "Aigerim"),
        ("Тимур", "Timur"),
        ("Болормаа", "Bolormaa"),
    ],
    family: &[
        ("Смирнова", "Smirnova"),
        ("Иванов", "Ivanov"),
        ("Петренко", "Petrenko"),
        ("Каримова", "Karimova"),
        ("Нурланов", "Nurlanov"),
        ("Соколов", "Sokolov"),
        ("Абдуллаев", "Abdullaev"),
        ("Батбаяр", "Batbayar"),
    ],
    family_first_joined: false,
    family_first: false,
};

const ARABIC: Names = Names {
    given: &[
        ("فاطمة", "Fatima"),
        ("محمد", "Mohamed"),
        ("أحمد", "Ahmed"),
        ("مريم", "Mariam"),
        ("يوسف", "Youssef"),
        ("ليلى", "Layla"),
        ("عمر", "Omar"),
        ("نور", "Nour"),
        ("خالد", "Khaled"),
        ("سارة", "Sara"),
    ],
    family: &[
        ("الزهراء", "Al-Zahra"),
        ("حسن", "Hassan"),
        ("المنصوري", "Al-Mansouri"),
        ("بن علي", "Ben Ali"),
        ("الحداد", "Al-Haddad"),
        ("عبد الله", "Abdallah"),
        ("السيد", "El-Sayed"),
        ("القاسمي", "Al-Qasimi"),
    ],
    family_first_joined: false,
    family_first: false,
};

const MALAY: Names = Names {
    given: &[("Siti", ""), ("Ahmad", ""), ("Putri", ""), ("Budi", ""), ("Maria", ""), ("Rizal", ""), ("Dewi", "")],
    family: &[("Rahman", ""), ("Santoso", ""), ("Wijaya", ""), ("Reyes", ""), ("Santos", ""), ("Hidayat", "")],
    family_first_joined: false,
    family_first: false,
};

const AFRICAN: Names = Names {
    given: &[
        ("Amara", ""),
        ("Kwame", ""),
        ("Wanjiru", ""),
        ("Abebe", ""),
        ("Aminata", ""),
        ("Thabo", ""),
        ("Neema", ""),
        ("Kofi", ""),
        ("Chinedu", ""),
        ("Fatou", ""),
        ("Jean-Claude", ""),
    ],
    family: &[
        ("Okafor", ""),
        ("Mensah", ""),
        ("Kamau", ""),
        ("Bekele", ""),
        ("Diop", ""),
        ("Nkosi", ""),
        ("Mwangi", ""),
        ("Uwimana", ""),
        ("Ndiaye", ""),
        ("Kouassi", ""),
    ],
    family_first_joined: false,
    family_first: false,
};

const IBERIAN: Names = Names {
    given: &[
        ("Lucía", ""),
        ("José", ""),
        ("María", ""),
        ("João", ""),
        ("Andrés", ""),
        ("Camila", ""),
        ("Sebastián", ""),
        ("Valentina", ""),
        ("Joaquín", ""),
    ],
    family: &[
        ("Fernández", ""),
        ("García", ""),
        ("Rodríguez", ""),
        ("Silva", ""),
        ("Gonçalves", ""),
        ("Pérez", ""),
        ("Martínez", ""),
        ("Núñez", ""),
    ],
    family_first_joined: false,
    family_first: false,
};

const EUROPEAN: Names = Names {
    given: &[
        ("Claire", ""),
        ("Lukas", ""),
        ("Giulia", ""),
        ("Mikko", ""),
        ("Elif", ""),
        ("Sarah", ""),
        ("Pierre", ""),
        ("Anaïs", ""),
        ("Mehmet", ""),
        ("David", ""),
    ],
    family: &[
        ("Dubois", ""),
        ("Müller", ""),
        ("Rossi", ""),
        ("Virtanen", ""),
        ("Yılmaz", ""),
        ("Smith", ""),
        ("Lefèvre", ""),
        ("Korhonen", ""),
        ("Schmidt", ""),
    ],
    family_first_joined: false,
    family_first: false,
};

/// A country the generator draws people from: code, naming tradition, a city for
/// organisation names, time zone, interface language, relative weight.
struct Place {
    code: &'static str,
    names: &'static Names,
    city: &'static str,
    time_zone: &'static str,
    language: &'static str,
    weight: u32,
}

const fn at(
    code: &'static str,
    names: &'static Names,
    city: &'static str,
    time_zone: &'static str,
    language: &'static str,
    weight: u32,
) -> Place {
    Place { code, names, city, time_zone, language, weight }
}

/// Fifty countries: twelve in Asia and the Pacific (most participants come from there), ten in
/// each other region but Latin America and the Caribbean (eight).
static PLACES: [Place; 50] = [
    at("VN", &VIETNAMESE, "Ho Chi Minh City", "Asia/Ho_Chi_Minh", "vi", 9),
    at("KR", &KOREAN, "Daejeon", "Asia/Seoul", "ko", 9),
    at("CN", &CHINESE, "Beijing", "Asia/Shanghai", "en", 7),
    at("JP", &JAPANESE, "Tsukuba", "Asia/Tokyo", "en", 4),
    at("TH", &THAI, "Bangkok", "Asia/Bangkok", "en", 4),
    at("IN", &HINDI, "Bengaluru", "Asia/Kolkata", "en", 5),
    at("ID", &MALAY, "Bandung", "Asia/Jakarta", "en", 4),
    at("MY", &MALAY, "Cyberjaya", "Asia/Kuala_Lumpur", "en", 3),
    at("PH", &MALAY, "Quezon City", "Asia/Manila", "en", 3),
    at("MN", &CYRILLIC, "Ulaanbaatar", "Asia/Ulaanbaatar", "en", 2),
    at("KZ", &CYRILLIC, "Astana", "Asia/Almaty", "en", 2),
    at("UZ", &CYRILLIC, "Tashkent", "Asia/Tashkent", "en", 2),
    at("EG", &ARABIC, "Cairo", "Africa/Cairo", "en", 3),
    at("MA", &ARABIC, "Rabat", "Africa/Casablanca", "fr", 2),
    at("TN", &ARABIC, "Tunis", "Africa/Tunis", "fr", 2),
    at("JO", &ARABIC, "Amman", "Asia/Amman", "en", 2),
    at("SA", &ARABIC, "Riyadh", "Asia/Riyadh", "en", 2),
    at("AE", &ARABIC, "Dubai", "Asia/Dubai", "en", 2),
    at("DZ", &ARABIC, "Algiers", "Africa/Algiers", "fr", 1),
    at("LB", &ARABIC, "Beirut", "Asia/Beirut", "fr", 1),
    at("OM", &ARABIC, "Muscat", "Asia/Muscat", "en", 1),
    at("QA", &ARABIC, "Doha", "Asia/Qatar", "en", 1),
    at("NG", &AFRICAN, "Lagos", "Africa/Lagos", "en", 3),
    at("KE", &AFRICAN, "Nairobi", "Africa/Nairobi", "en", 3),
    at("ET", &AFRICAN, "Addis Ababa", "Africa/Addis_Ababa", "en", 2),
    at("GH", &AFRICAN, "Accra", "Africa/Accra", "en", 2),
    at("SN", &AFRICAN, "Dakar", "Africa/Dakar", "fr", 2),
    at("ZA", &AFRICAN, "Pretoria", "Africa/Johannesburg", "en", 2),
    at("TZ", &AFRICAN, "Dar es Salaam", "Africa/Dar_es_Salaam", "en", 1),
    at("UG", &AFRICAN, "Kampala", "Africa/Kampala", "en", 1),
    at("RW", &AFRICAN, "Kigali", "Africa/Kigali", "en", 1),
    at("CI", &AFRICAN, "Abidjan", "Africa/Abidjan", "fr", 1),
    at("RU", &CYRILLIC, "Novosibirsk", "Asia/Novosibirsk", "en", 2),
    at("UA", &CYRILLIC, "Kharkiv", "Europe/Kiev", "en", 1),
    at("FR", &EUROPEAN, "Montpellier", "Europe/Paris", "fr", 2),
    at("ES", &IBERIAN, "Madrid", "Europe/Madrid", "en", 2),
    at("DE", &EUROPEAN, "Berlin", "Europe/Berlin", "en", 1),
    at("IT", &EUROPEAN, "Turin", "Europe/Rome", "en", 1),
    at("FI", &EUROPEAN, "Espoo", "Europe/Helsinki", "en", 1),
    at("TR", &EUROPEAN, "Istanbul", "Europe/Istanbul", "en", 2),
    at("US", &EUROPEAN, "Boston", "America/New_York", "en", 1),
    at("CA", &EUROPEAN, "Montréal", "America/Toronto", "fr", 1),
    at("BR", &IBERIAN, "São Paulo", "America/Sao_Paulo", "en", 2),
    at("MX", &IBERIAN, "Monterrey", "America/Monterrey", "en", 2),
    at("AR", &IBERIAN, "Buenos Aires", "America/Argentina/Buenos_Aires", "en", 1),
    at("CO", &IBERIAN, "Medellín", "America/Bogota", "en", 1),
    at("CL", &IBERIAN, "Santiago", "America/Santiago", "en", 1),
    at("PE", &IBERIAN, "Lima", "America/Lima", "en", 1),
    at("CR", &IBERIAN, "San José", "America/Costa_Rica", "en", 1),
    at("CU", &IBERIAN, "Havana", "America/Havana", "en", 1),
];

/// Organisation types with their weights and name patterns (`{}` is the city).
static ORGANISATIONS: [(&str, u32, &[&str]); 7] = [
    ("stp", 30, &["{} Science Park", "{} Technopark", "{} Hi-Tech Park", "{} Innovation District"]),
    ("city-government", 20, &["{} Metropolitan Government", "{} City Hall", "{} Smart City Office"]),
    ("university", 18, &["University of {}", "{} Institute of Technology", "{} National University"]),
    ("research-institute", 12, &["{} Institute for Science Policy", "{} Research Institute of Technology"]),
    ("company", 10, &["{} Innovation Ventures", "{} Digital Solutions", "{} Biotech Partners"]),
    ("ngo", 6, &["{} Start-up Network", "{} Innovation Foundation"]),
    (
        "international-organisation",
        4,
        &["UNESCO", "World Technopolis Association", "UNIDO", "UN-Habitat", "World Bank", "ITU"],
    ),
];

const POSITIONS: [&str; 12] = [
    "Director",
    "Deputy director",
    "Science policy officer",
    "Incubation manager",
    "Technology transfer officer",
    "Researcher",
    "Professor",
    "Programme officer",
    "Chief executive officer",
    "Head of international cooperation",
    "Urban planner",
    "Start-up programme officer",
];

/// One generated participant.
#[derive(Debug, Clone)]
pub struct Person {
    pub email: String,
    pub display_name: String,
    pub latin: String,
    pub native: String,
    pub country: &'static str,
    pub organisation: String,
    pub organisation_type: &'static str,
    pub position: &'static str,
    pub language: &'static str,
    pub time_zone: &'static str,
}

/// The email of the `index`-th generated person; every one ends in [`EMAIL_DOMAIN`].
pub fn email(index: usize) -> String {
    format!("p{index:06}@{EMAIL_DOMAIN}")
}

pub const EMAIL_DOMAIN: &str = "scale.example.org";

/// The person's index back from a generated email.
pub fn index_of(email: &str) -> Option<usize> {
    email.strip_prefix('p')?.split('@').next()?.parse().ok()
}

/// An index drawn with the given weights.
pub fn weighted(rng: &mut StdRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut x = rng.gen_range(0..total.max(1));
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    0
}

/// The `index`-th person. The first fifty cover every country and the first seven every
/// organisation type, so even a small run has them all.
pub fn person(rng: &mut StdRng, index: usize) -> Person {
    let place = match PLACES.get(index) {
        Some(p) => p,
        None => {
            let w: Vec<u32> = PLACES.iter().map(|p| p.weight).collect();
            &PLACES[weighted(rng, &w)]
        }
    };
    let kind = if index < ORGANISATIONS.len() {
        index
    } else {
        weighted(rng, &ORGANISATIONS.iter().map(|o| o.1).collect::<Vec<_>>())
    };
    let (org_type, _, patterns) = ORGANISATIONS[kind];
    let organisation = patterns[rng.gen_range(0..patterns.len())].replace("{}", place.city);
    let n = place.names;
    let (given, given_latin) = n.given[rng.gen_range(0..n.given.len())];
    let (family, family_latin) = n.family[rng.gen_range(0..n.family.len())];
    let given_latin = if given_latin.is_empty() { fold(given) } else { given_latin.to_string() };
    let family_latin = if family_latin.is_empty() { fold(family) } else { family_latin.to_string() };
    let (native, latin) = if n.family_first_joined {
        (format!("{family}{given}"), format!("{family_latin} {given_latin}"))
    } else if n.family_first {
        (format!("{family} {given}"), format!("{family_latin} {given_latin}"))
    } else {
        (format!("{given} {family}"), format!("{given_latin} {family_latin}"))
    };
    Person {
        email: email(index),
        display_name: native.clone(),
        latin,
        native,
        country: place.code,
        organisation,
        organisation_type: org_type,
        position: POSITIONS[rng.gen_range(0..POSITIONS.len())],
        language: place.language,
        time_zone: place.time_zone,
    }
}

/// A Latin name without accents, as certificates print it ("Nguyễn" → "Nguyen").
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfd() {
        match c {
            'Đ' => out.push('D'),
            'đ' => out.push('d'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{countries, names, organisation};
    use rand::SeedableRng;

    #[test]
    fn places_are_fifty_known_countries_in_every_region() {
        let codes: std::collections::BTreeSet<_> = PLACES.iter().map(|p| p.code).collect();
        assert_eq!(codes.len(), 50);
        let regions: std::collections::BTreeSet<_> =
            PLACES.iter().filter_map(|p| countries::find(p.code)).map(|c| c.region).collect();
        assert_eq!(regions.len(), countries::REGIONS.len());
        for p in &PLACES {
            assert!(crate::domain::time_zone::time_zone(p.time_zone).is_ok(), "{}", p.time_zone);
        }
        for (t, _, _) in ORGANISATIONS.iter() {
            assert!(organisation::ORGANISATION_TYPES.contains(t));
        }
    }

    #[test]
    fn names_pass_the_application_rules() {
        let mut rng = StdRng::seed_from_u64(1);
        for i in 0..500 {
            let p = person(&mut rng, i);
            assert!(names::latin_name(&p.latin).is_ok_and(|n| n.is_some()), "{}", p.latin);
            assert!(p.latin.is_ascii(), "{}", p.latin);
            assert!(names::person_name(&p.native).is_ok(), "{}", p.native);
            assert_eq!(index_of(&p.email), Some(i));
        }
        assert_eq!(fold("Nguyễn Đức Yılmaz"), "Nguyen Duc Yilmaz");
    }
}
