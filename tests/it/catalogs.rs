//! Every language has every message, and every key used by a template or the code exists.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

const LANGS: [&str; 4] = ["en", "ko", "vi", "fr"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every key of a language, from all its `.ftl` files (`main.ftl` and one per feature).
fn catalog_keys(lang: &str) -> BTreeSet<String> {
    let mut files = Vec::new();
    files_under(&root().join(format!("src/i18n/locales/{lang}")), ".ftl", &mut files);
    let re = regex::Regex::new(r"(?m)^([a-z][a-z0-9-]*)\s*=").unwrap();
    let mut keys = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        keys.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
    }
    keys
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.to_string_lossy().ends_with(ext) {
            out.push(p);
        }
    }
}

/// Keys used literally: `{{t "key"}}` / `(t "key")` in templates, `msg!("key")` and the
/// `t(lang, "key")` calls in the code.
fn used_keys() -> BTreeSet<(String, String)> {
    let mut used = BTreeSet::new();
    let tpl = regex::Regex::new(r#"[({]t "([a-z0-9-]+)""#).unwrap();
    let mut files = Vec::new();
    files_under(&root().join("templates"), ".hbs", &mut files);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for c in tpl.captures_iter(&text) {
            used.insert((c[1].to_string(), f.display().to_string()));
        }
    }
    let code =
        regex::Regex::new(r#"(?:msg!\(|\bt\((?:[a-z_.]+|"[a-z]+"), |t_args\([a-z_.]+, )"([a-z0-9-]+)""#).unwrap();
    let mut files = Vec::new();
    files_under(&root().join("src"), ".rs", &mut files);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for c in code.captures_iter(&text) {
            used.insert((c[1].to_string(), f.display().to_string()));
        }
    }
    used
}

#[test]
fn every_catalog_has_the_same_keys() {
    let en = catalog_keys("en");
    assert!(en.len() > 100, "English catalog is read");
    for lang in LANGS {
        let keys = catalog_keys(lang);
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
    }
}

#[test]
fn every_used_key_exists() {
    let en = catalog_keys("en");
    let used = used_keys();
    assert!(used.len() > 50, "the scan finds the keys in use ({})", used.len());
    let unknown: Vec<_> = used.iter().filter(|(k, _)| !en.contains(k)).collect();
    assert!(unknown.is_empty(), "unknown keys: {unknown:?}");
    // Keys built at run time from a prefix must exist for every value.
    for prefix_set in [
        wta_academy::domain::organisation::ORGANISATION_TYPES
            .iter()
            .map(|c| format!("org-type-{c}"))
            .collect::<Vec<_>>(),
        wta_academy::domain::countries::REGIONS.iter().map(|c| format!("region-{c}")).collect(),
        wta_academy::domain::role::Role::ALL.iter().map(|r| format!("role-{}", r.as_str())).collect(),
        [400, 401, 403, 404, 413, 422, 429, 500, 503].iter().map(|s| format!("status-{s}")).collect(),
        wta_academy::domain::edition::MODES.iter().map(|m| format!("mode-{m}")).collect(),
        wta_academy::domain::edition::ADMISSION_MODES.iter().map(|m| format!("admission-{m}")).collect(),
        wta_academy::domain::edition::SESSION_KINDS.iter().map(|k| format!("session-kind-{k}")).collect(),
        ["upcoming", "running", "past"].iter().map(|p| format!("phase-{p}")).collect(),
        wta_academy::domain::enrollment::STATES.iter().map(|s| format!("application-state-{s}")).collect(),
        wta_academy::domain::enrollment::DECISIONS.iter().map(|s| format!("decision-{s}")).collect(),
        ["capacity", "quota", "coordinator"].iter().map(|r| format!("waitlist-reason-{r}")).collect(),
        ["new", "existing", "enrolled", "invalid"].iter().map(|r| format!("import-status-{r}")).collect(),
        wta_academy::domain::questions::KINDS.iter().map(|k| format!("question-kind-{k}")).collect(),
        wta_academy::domain::material::VISIBILITIES.iter().map(|v| format!("visibility-{v}")).collect(),
        ["received", "accepted", "waitlisted", "offered", "expired", "rejected", "withdrawn"]
            .iter()
            .flat_map(|k| [format!("mail-enrollment-{k}-subject"), format!("mail-enrollment-{k}-body")])
            .collect(),
        ["participant", "trainer"].iter().map(|r| format!("my-role-{r}")).collect(),
        wta_academy::domain::attendance::STATUSES
            .iter()
            .chain(&["unmarked"])
            .map(|s| format!("attendance-status-{s}"))
            .collect(),
        ["roster", "checkin", "import"].iter().map(|s| format!("attendance-source-{s}")).collect(),
        ["marked", "kept", "added", "skipped"].iter().map(|o| format!("attendance-import-outcome-{o}")).collect(),
        wta_academy::domain::survey::KINDS.iter().map(|k| format!("survey-kind-{k}")).collect(),
        wta_academy::domain::survey::LIKERT_VALUES.iter().map(|v| format!("survey-scale-{v}")).collect(),
        [
            "checkin-done-title",
            "checkin-refused-title",
            "checkin-screen-title",
            "attendance-import-title",
            "attendance-import-outcome-to-mark",
        ]
        .iter()
        .map(|k| (*k).to_string())
        .collect(),
        ["survey-title", "survey-manage-title", "survey-results-title", "attendance-title"]
            .iter()
            .map(|k| (*k).to_string())
            .collect(),
    ] {
        for k in prefix_set {
            assert!(en.contains(&k), "{k} missing");
        }
    }
}

#[test]
fn translations_really_differ_from_english() {
    for lang in ["ko", "vi", "fr"] {
        let login = wta_academy::i18n::t(lang, "nav-login");
        assert_ne!(login, wta_academy::i18n::t("en", "nav-login"), "{lang} is translated");
    }
}
