//! Demo people for trying the product: one coordinator, two trainers and a dozen
//! participants from several countries with names in their own scripts, enrolled in the
//! open 2027 workshop (and a few in the 2019 one). Running it again adds nothing twice.

use std::path::Path;

use super::{ServiceError, ServiceResult, accounts, content_import};
use crate::domain::email::Email;
use crate::domain::role::Role;
use crate::domain::user::Profile;
use crate::repo::{enrollments, learning, programs, schedule, users};
use crate::state::AppState;

/// The password every demo account shares; printed by `demo` and listed in the README.
pub const DEMO_PASSWORD: &str = "Daejeon-Innopolis-2027";

/// One demo person: email, display name, Latin and native certificate names, country,
/// organisation, position, language, time zone.
struct Person {
    email: &'static str,
    name: &'static str,
    latin: &'static str,
    native: &'static str,
    country: &'static str,
    organisation: &'static str,
    position: &'static str,
    language: &'static str,
    time_zone: &'static str,
}

// A table constructor: one positional row per person reads better than nine named fields.
#[allow(clippy::too_many_arguments)]
const fn p(
    email: &'static str,
    name: &'static str,
    latin: &'static str,
    native: &'static str,
    country: &'static str,
    organisation: &'static str,
    position: &'static str,
    language: &'static str,
    time_zone: &'static str,
) -> Person {
    Person { email, name, latin, native, country, organisation, position, language, time_zone }
}

const COORDINATOR: Person = p(
    "coordinator@wta-academy.org",
    "Kim Ji-won",
    "Kim Ji-won",
    "김지원",
    "KR",
    "World Technopolis Association",
    "Training programme coordinator",
    "ko",
    "Asia/Seoul",
);

const TRAINERS: [Person; 2] = [
    p(
        "trainer.park@wta-academy.org",
        "Park Seo-yeon",
        "Park Seo-yeon",
        "박서연",
        "KR",
        "Daedeok Innopolis Foundation",
        "Director of incubation",
        "ko",
        "Asia/Seoul",
    ),
    p(
        "trainer.dubois@wta-academy.org",
        "Claire Dubois",
        "Claire Dubois",
        "Claire Dubois",
        "FR",
        "Technopole de Montpellier",
        "Head of technology transfer",
        "fr",
        "Europe/Paris",
    ),
];

const PARTICIPANTS: [Person; 12] = [
    p(
        "liem@demo.wta-academy.org",
        "Trần Thanh Liêm",
        "Tran Thanh Liem",
        "Trần Thanh Liêm",
        "VN",
        "Binh Duong Smart City Office",
        "Deputy director",
        "vi",
        "Asia/Ho_Chi_Minh",
    ),
    p(
        "heo@demo.wta-academy.org",
        "허태정",
        "Heo Tae-jeong",
        "허태정",
        "KR",
        "Daejeon Metropolitan City",
        "Science policy officer",
        "ko",
        "Asia/Seoul",
    ),
    p(
        "li.ming@demo.wta-academy.org",
        "李明",
        "Li Ming",
        "李明",
        "CN",
        "Zhongguancun Science Park",
        "Park manager",
        "en",
        "Asia/Shanghai",
    ),
    p(
        "anna@demo.wta-academy.org",
        "Анна Смирнова",
        "Anna Smirnova",
        "Анна Смирнова",
        "RU",
        "Novosibirsk Akademgorodok Technopark",
        "Head of residents' services",
        "en",
        "Asia/Novosibirsk",
    ),
    p(
        "fatima@demo.wta-academy.org",
        "فاطمة الزهراء",
        "Fatima Al-Zahra",
        "فاطمة الزهراء",
        "EG",
        "Smart Village Cairo",
        "Innovation programme manager",
        "en",
        "Africa/Cairo",
    ),
    p(
        "sato@demo.wta-academy.org",
        "佐藤花子",
        "Sato Hanako",
        "佐藤花子",
        "JP",
        "Kansai Science City",
        "Planning officer",
        "en",
        "Asia/Tokyo",
    ),
    p(
        "nguyen.an@demo.wta-academy.org",
        "Nguyễn Văn An",
        "Nguyen Van An",
        "Nguyễn Văn An",
        "VN",
        "Saigon Hi-Tech Park",
        "Incubator manager",
        "vi",
        "Asia/Ho_Chi_Minh",
    ),
    p(
        "priya@demo.wta-academy.org",
        "प्रिया शर्मा",
        "Priya Sharma",
        "प्रिया शर्मा",
        "IN",
        "Technopark Thiruvananthapuram",
        "Business development lead",
        "en",
        "Asia/Kolkata",
    ),
    p(
        "somchai@demo.wta-academy.org",
        "สมชาย ใจดี",
        "Somchai Jaidee",
        "สมชาย ใจดี",
        "TH",
        "Thailand Science Park",
        "Technology licensing officer",
        "en",
        "Asia/Bangkok",
    ),
    p(
        "amara@demo.wta-academy.org",
        "Amara Okafor",
        "Amara Okafor",
        "Amara Okafor",
        "NG",
        "Lagos Innovation District",
        "City innovation adviser",
        "en",
        "Africa/Lagos",
    ),
    p(
        "lucia@demo.wta-academy.org",
        "Lucía Fernández",
        "Lucia Fernandez",
        "Lucía Fernández",
        "ES",
        "Parque Científico de Madrid",
        "Internationalisation manager",
        "fr",
        "Europe/Madrid",
    ),
    p(
        "dilnoza@demo.wta-academy.org",
        "Дилноза Каримова",
        "Dilnoza Karimova",
        "Дилноза Каримова",
        "UZ",
        "Tashkent IT Park",
        "Start-up programme officer",
        "en",
        "Asia/Tashkent",
    ),
];

/// What a demo run added.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub content: Option<content_import::ImportReport>,
    pub accounts_added: u32,
    pub enrollments_added: u32,
    pub trainers_assigned: u32,
}

impl std::fmt::Display for DemoReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(c) = &self.content {
            writeln!(f, "content imported: {c}")?;
        }
        write!(
            f,
            "demo: {} accounts added, {} enrollments added, {} trainer assignments added; \
             every demo account's password is {DEMO_PASSWORD}",
            self.accounts_added, self.enrollments_added, self.trainers_assigned
        )
    }
}

/// The account for `person`, created (with its profile) when missing.
async fn ensure(state: &AppState, person: &Person, role: Role, report: &mut DemoReport) -> ServiceResult<i64> {
    let mut conn = state.db.pool.acquire().await?;
    if let Some(u) = users::by_email(&mut conn, person.email).await? {
        return Ok(u.id);
    }
    drop(conn);
    let email = Email::parse(person.email).map_err(|k| ServiceError::Internal(k.to_string()))?;
    let user = accounts::create_user(state, &email, person.name, DEMO_PASSWORD, role, person.language).await?;
    let profile = Profile {
        certificate_name_latin: person.latin.into(),
        certificate_name_native: person.native.into(),
        organisation: person.organisation.into(),
        organisation_type: if person.organisation.contains("City") { "city-government".into() } else { "stp".into() },
        country: person.country.into(),
        position: person.position.into(),
        preferred_language: person.language.into(),
        time_zone: person.time_zone.into(),
    };
    let mut conn = state.db.pool.acquire().await?;
    users::update_profile(&mut conn, user.id, person.name, &profile).await?;
    report.accounts_added += 1;
    Ok(user.id)
}

/// Imports `content_dir` when the database has no programs, then adds the demo people.
pub async fn seed(state: &AppState, content_dir: &Path) -> ServiceResult<DemoReport> {
    let mut report = DemoReport::default();
    let mut conn = state.db.pool.acquire().await?;
    let empty = programs::count_programs(&mut conn).await? == 0;
    drop(conn);
    if empty {
        let catalog = crate::content::read_all(content_dir).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            ServiceError::Internal(format!("the course content is invalid:\n{}", lines.join("\n")))
        })?;
        report.content = Some(content_import::import(&state.db, &catalog).await?);
    }
    let coordinator = ensure(state, &COORDINATOR, Role::Coordinator, &mut report).await?;
    let mut trainer_ids = Vec::new();
    for t in &TRAINERS {
        trainer_ids.push(ensure(state, t, Role::Participant, &mut report).await?);
    }
    let mut participant_ids = Vec::new();
    for person in &PARTICIPANTS {
        participant_ids.push(ensure(state, person, Role::Participant, &mut report).await?);
    }
    let mut conn = state.db.pool.acquire().await?;
    // Eight are accepted into the open 2027 workshop (the last four can still apply), and
    // the first four also took part in 2019. The first six agreed to the 2027 directory.
    for (slug, people) in [("itw-2027", &participant_ids[..8]), ("itw-2019", &participant_ids[..4])] {
        let Some(edition) = programs::edition_by_slug(&mut conn, slug).await? else { continue };
        for &trainer in &trainer_ids {
            if schedule::add_trainer(&mut conn, edition.id, trainer).await? {
                report.trainers_assigned += 1;
            }
        }
        for &user in people {
            if learning::accept(&mut conn, edition.id, user).await? {
                report.enrollments_added += 1;
            }
        }
        if slug == "itw-2027" {
            for &user in &people[..6] {
                enrollments::consent_to_listing(&mut conn, edition.id, user).await?;
            }
        }
    }
    drop(conn);
    super::demo_certificates::seed(state, coordinator, &participant_ids[..4]).await?;
    Ok(report)
}
