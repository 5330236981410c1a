//! The message catalogs are compiled into the binary; rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=src/i18n/locales");
    for lang in ["en", "ko", "vi", "fr"] {
        println!("cargo:rerun-if-changed=src/i18n/locales/{lang}/main.ftl");
    }
}
