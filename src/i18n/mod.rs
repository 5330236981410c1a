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

/// Messages without arguments never change while the process runs, and a page asks for
/// dozens of them: each is looked up in Fluent once per language, and kept as it is and
/// HTML-escaped (measured: Fluent lookups and escaping were a tenth of a page's time).
struct Memo {
    plain: RwLock<HashMap<Box<str>, Arc<str>>>,
    escaped: RwLock<HashMap<Box<str>, Arc<str>>>,
}

/// Keys come from templates and code, so they are few; the bound only guards against a
/// key built from data growing the memo without end.
const MEMO_MAX: usize = 4096;

fn memo(lang: &str, key: &str, escaped: bool) -> Arc<str> {
    static MEMOS: OnceLock<Vec<Memo>> = OnceLock::new();
    let memos = MEMOS.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|_| Memo { plain: RwLock::new(HashMap::new()), escaped: RwLock::new(HashMap::new()) })
            .collect()
    });
    let Some(index) = LANGUAGES.iter().position(|(c, _)| *c == lang) else {
        let text = lookup(lang, key);
        return if escaped { handlebars::html_escape(&text).into() } else { text.into() };
    };
    let memo = &memos[index];
    let shelf = if escaped { &memo.escaped } else { &memo.plain };
    if let Some(found) = shelf.read().ok().and_then(|m| m.get(key).cloned()) {
        return found;
    }
    let text = lookup(lang, key);
    let value: Arc<str> = if escaped { handlebars::html_escape(&text).into() } else { text.into() };
    if let Ok(mut m) = shelf.write()
        && m.len() < MEMO_MAX
    {
        m.insert(key.into(), value.clone());
    }
    value
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
    let text = {
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
        LOCALES.try_lookup_with_args(lang_id(lang), key, &map).unwrap_or_else(|| key.to_string())
    };
    out.write(&handlebars::html_escape(&text))?;
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
}
