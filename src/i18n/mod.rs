//! Message catalogs (Fluent, one folder per language under `src/i18n/locales`), lookups
//! from Rust, and the handlebars `t` helper used by every template.

use std::borrow::Cow;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_templates::Loader;
pub use fluent_templates::fluent_bundle::FluentValue;
use rocket_dyn_templates::handlebars::{
    self, Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};
use unic_langid::LanguageIdentifier;

use crate::domain::languages::LANGUAGES;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // Isolation marks would end up inside e-mail subjects and form values.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn lang_id(code: &str) -> &'static LanguageIdentifier {
    static IDS: OnceLock<HashMap<&'static str, LanguageIdentifier>> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        LANGUAGES.iter().filter_map(|(c, _)| LanguageIdentifier::from_str(c).ok().map(|id| (*c, id))).collect()
    });
    ids.get(code).or_else(|| ids.get("en")).unwrap_or_else(|| fallback_id())
}

fn fallback_id() -> &'static LanguageIdentifier {
    static EN: OnceLock<LanguageIdentifier> = OnceLock::new();
    EN.get_or_init(LanguageIdentifier::default)
}

/// The message `key` in `lang` (English when the language lacks it; the key itself when no
/// catalog has it, which the catalog test prevents).
pub fn t(lang: &str, key: &str) -> String {
    memo(lang, key, false).to_string()
}

/// Messages never change while the process runs, and a page asks for dozens of them: each
/// message without arguments, and each message whose arguments are all numbers (counts, such
/// as "3 of 8 lessons"), is looked up in Fluent once per language and kept (measured: Fluent
/// lookups and escaping were a tenth of a page's time). Messages with text arguments, such as
/// a person's name, are not kept.
#[derive(Clone, Copy)]
enum Kept {
    Plain = 0,
    Escaped = 1,
    EscapedWithNumbers = 2,
}

struct Memo([RwLock<HashMap<Box<str>, Arc<str>>>; 3]);

/// Keys come from templates and code, and numbers from counts, so they are few; the bound
/// only guards against a memo growing without end.
const MEMO_MAX: usize = 4096;

/// The text kept under `memo_key` in `lang`, else `text()`, kept.
fn remembered(lang: &str, kept: Kept, memo_key: &str, text: impl FnOnce() -> String) -> Arc<str> {
    static MEMOS: OnceLock<Vec<Memo>> = OnceLock::new();
    let memos = MEMOS.get_or_init(|| LANGUAGES.iter().map(|_| Memo(Default::default())).collect());
    let Some(index) = LANGUAGES.iter().position(|(c, _)| *c == lang) else { return text().into() };
    let shelf = &memos[index].0[kept as usize];
    if let Some(found) = shelf.read().ok().and_then(|m| m.get(memo_key).cloned()) {
        return found;
    }
    let value: Arc<str> = text().into();
    if let Ok(mut m) = shelf.write()
        && m.len() < MEMO_MAX
    {
        m.insert(memo_key.into(), value.clone());
    }
    value
}

/// The message `key` without arguments, plain or HTML-escaped.
fn memo(lang: &str, key: &str, escaped: bool) -> Arc<str> {
    if escaped {
        remembered(lang, Kept::Escaped, key, || handlebars::html_escape(&lookup(lang, key)))
    } else {
        remembered(lang, Kept::Plain, key, || lookup(lang, key))
    }
}

fn lookup(lang: &str, key: &str) -> String {
    LOCALES.try_lookup(lang_id(lang), key).unwrap_or_else(|| key.to_string())
}

/// The message `key` in `lang` with Fluent arguments.
pub fn t_args(lang: &str, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    LOCALES.try_lookup_with_args(lang_id(lang), key, &map).unwrap_or_else(|| key.to_string())
}

/// `{{t "key"}}` or `{{t "key" name=value}}`: the message in the page's language (`lang` at
/// the root of the template context), HTML-escaped.
pub fn t_helper<'reg, 'rc>(
    h: &Helper<'rc>,
    _: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    _: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    let key =
        h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
    let lang = ctx.data().get("lang").and_then(|v| v.as_str()).unwrap_or("en");
    if h.hash().is_empty() {
        out.write(&memo(lang, key, true))?;
        return Ok(());
    }
    let format = || {
        let map: HashMap<Cow<'static, str>, FluentValue> = h
            .hash()
            .iter()
            .map(|(k, v)| {
                let value = match v.value() {
                    serde_json::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or_default()),
                    serde_json::Value::String(s) => FluentValue::from(s.clone()),
                    other => FluentValue::from(other.to_string()),
                };
                (Cow::Owned((*k).to_string()), value)
            })
            .collect();
        let text = LOCALES.try_lookup_with_args(lang_id(lang), key, &map).unwrap_or_else(|| key.to_string());
        handlebars::html_escape(&text)
    };
    if h.hash().values().all(|v| v.value().is_number()) {
        // The hash is ordered by name, so the same arguments always make the same memo key.
        let mut memo_key = key.to_string();
        for (name, value) in h.hash() {
            memo_key.push_str(&format!("\u{1f}{name}={}", value.value()));
        }
        out.write(&remembered(lang, Kept::EscapedWithNumbers, &memo_key, format))?;
    } else {
        out.write(&format())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_fall_back_and_take_arguments() {
        assert_eq!(t("en", "app-name"), "WTA Academy");
        assert_ne!(t("ko", "nav-login"), t("en", "nav-login"));
        // An unknown language falls back to English.
        assert_eq!(t("xx", "nav-login"), t("en", "nav-login"));
        let s = t_args("en", "flash-welcome", &[("name", FluentValue::from("Trần Thanh Liêm"))]);
        assert!(s.contains("Trần Thanh Liêm"), "{s}");
        assert!(!s.contains('\u{2068}'), "no isolation marks: {s:?}");
    }

    #[test]
    fn remembered_messages_match_fresh_lookups() {
        for (lang, _) in LANGUAGES {
            for key in ["nav-login", "catalogue-title", "no-such-key"] {
                // Twice: the second answer comes from the memo.
                assert_eq!(t(lang, key), lookup(lang, key));
                assert_eq!(t(lang, key), lookup(lang, key));
                assert_eq!(&*memo(lang, key, true), handlebars::html_escape(&lookup(lang, key)));
            }
        }
        assert_eq!(t("xx", "nav-login"), lookup("en", "nav-login"));
    }

    #[test]
    fn messages_with_counts_are_remembered_per_count() {
        let mut hb = Handlebars::new();
        hb.register_helper("t", Box::new(t_helper));
        let template = r#"{{t "module-lesson-count" count=n}}|{{t "flash-welcome" name=who}}"#;
        assert!(hb.register_template_string("counts", template).is_ok());
        for (lang, _) in LANGUAGES {
            for n in [1, 2, 5, 1, 2] {
                let page = hb.render("counts", &serde_json::json!({ "lang": lang, "n": n, "who": "Anna" }));
                let expected = format!(
                    "{}|{}",
                    handlebars::html_escape(&t_args(lang, "module-lesson-count", &[("count", FluentValue::from(n))])),
                    handlebars::html_escape(&t_args(lang, "flash-welcome", &[("name", FluentValue::from("Anna"))])),
                );
                assert_eq!(page.ok(), Some(expected), "{lang}, {n}");
            }
        }
    }
}
