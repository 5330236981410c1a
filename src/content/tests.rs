//! The reader on small content trees written for each case.

use std::path::Path;

use super::read_modules;

const MODULE: &str = "slug = \"triple-helix\"\ntitle = \"The triple helix\"\norder = 1\nlanguage = \"en\"\nsummary = \"S\"\nlearning_outcomes = [\"Explain\"]\n\n[[self_check]]\nquestion = \"Q?\"\nanswer = \"A.\"\n";

fn lesson(order: i64, lang: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"Lesson {order}\"\norder = {order}\nduration_minutes = 30\nlanguage = \"{lang}\"\nlearning_outcomes = [\"Describe\"]\n+++\n\n{body}\n"
    )
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let p = dir.path().join("modules").join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

fn problems(dir: &Path) -> Vec<String> {
    match read_modules(dir) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_valid_tree_reads_with_translations_and_checksums() {
    let dir = tree(&[
        ("01-triple-helix/module.toml", MODULE),
        ("01-triple-helix/01-origins.md", &lesson(1, "en", "Words here. See [next](02-roles.md).")),
        ("01-triple-helix/02-roles.md", &lesson(2, "en", "More words.")),
        ("01-triple-helix/module.ko.toml", &MODULE.replace("\"en\"", "\"ko\"")),
        ("01-triple-helix/01-origins.ko.md", &lesson(1, "ko", "한국어 본문입니다.")),
    ]);
    let catalog = read_modules(dir.path()).expect("valid");
    let en: Vec<_> = catalog.in_language("en").collect();
    assert_eq!(en.len(), 1);
    assert_eq!(en[0].lessons.iter().map(|l| l.slug.as_str()).collect::<Vec<_>>(), ["origins", "roles"]);
    assert_eq!(en[0].lessons[0].words, 4);
    assert_eq!(en[0].lessons[0].checksum.len(), 64);
    assert_eq!(catalog.in_language("ko").next().map(|m| m.lessons.len()), Some(1));
}

#[test]
fn each_kind_of_problem_names_file_and_line() {
    let cases: [(&str, String, &str); 6] = [
        (
            "missing title",
            lesson(1, "en", "x").replace("title = \"Lesson 1\"\n", ""),
            "01-origins.md:2: missing key `title`",
        ),
        (
            "unknown key",
            lesson(1, "en", "x").replace("order = 1\n", "order = 1\nauthor = \"me\"\n"),
            "01-origins.md:4: unknown key `author`",
        ),
        (
            "unknown language",
            lesson(1, "en", "x").replace("language = \"en\"", "language = \"xx\""),
            "01-origins.md:5: unknown language \"xx\"",
        ),
        (
            "broken link",
            lesson(1, "en", "Intro.\n\nSee [gone](../02-none/01-a.md)."),
            "01-origins.md:11: broken link to ../02-none/01-a.md",
        ),
        (
            "unclosed front matter",
            "+++\ntitle = \"A\"\n".to_string(),
            "01-origins.md:1: the front matter is not closed",
        ),
        ("order differs from name", lesson(3, "en", "x"), "01-origins.md:3: order is 3 but the file name says 1"),
    ];
    for (what, text, expected) in cases {
        let dir = tree(&[("01-triple-helix/module.toml", MODULE), ("01-triple-helix/01-origins.md", &text)]);
        let found = problems(dir.path());
        assert!(found.iter().any(|p| p.contains(expected)), "{what}: expected {expected:?} in {found:?}");
    }
}

#[test]
fn duplicate_orders_and_missing_module_files_are_reported() {
    let dir = tree(&[
        ("01-triple-helix/module.toml", MODULE),
        ("01-triple-helix/01-origins.md", &lesson(1, "en", "a")),
        ("01-triple-helix/01-again.md", &lesson(1, "en", "b")),
        ("02-governance/01-x.md", &lesson(1, "en", "c")),
    ]);
    let found = problems(dir.path());
    assert!(found.iter().any(|p| p.contains("lesson order 1 is already used")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("02-governance/module.toml:1: missing module.toml")), "{found:?}");
}

#[test]
fn the_course_content_of_the_repository_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("course_content");
    if !dir.join("modules").is_dir() {
        return;
    }
    let catalog = read_modules(&dir)
        .unwrap_or_else(|p| panic!("{}", p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    for m in catalog.in_language("en") {
        for l in &m.lessons {
            assert!(l.words >= 500, "{} has {} words", l.path.display(), l.words);
        }
    }
}
