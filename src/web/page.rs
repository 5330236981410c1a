//! Pages rendered from their JSON context with the loaded templates. Rendering through
//! `rocket_dyn_templates::Template` turns the context into figment's value type and back,
//! two deep copies of every page's data (measured: about a sixth of the edition page's CPU
//! time); `HtmlPage` hands the context to handlebars as it is.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use rocket::Request;
use rocket::http::Status;
use rocket::response::{self, Responder, content::RawHtml};
use rocket_dyn_templates::handlebars::{Context, Handlebars};
use serde_json::Value;

/// The templates as last loaded: at launch, and in debug builds again whenever a template
/// file changes (the template fairing calls back with the new set), with how many times
/// they were loaded, so that pieces of pages rendered with an older set are not used.
#[derive(Default, Clone)]
pub struct Templates(Arc<RwLock<Option<Arc<Handlebars<'static>>>>>, Arc<AtomicU64>);

impl Templates {
    pub fn set(&self, loaded: &Handlebars<'static>) {
        if let Ok(mut current) = self.0.write() {
            *current = Some(Arc::new(loaded.clone()));
            self.1.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn get(&self) -> Option<Arc<Handlebars<'static>>> {
        self.0.read().ok()?.clone()
    }

    /// How many times the templates were loaded.
    pub fn generation(&self) -> u64 {
        self.1.load(Ordering::Relaxed)
    }

    /// The template `name` rendered with `context`, as HTML to place inside a page.
    pub fn render(&self, name: &str, context: &Value) -> Result<String, String> {
        let templates = self.get().ok_or_else(|| "templates are not loaded".to_string())?;
        templates.render(name, context).map_err(|e| format!("{name} did not render: {e}"))
    }
}

/// Room for a typical page (most are under 24 KB), so the buffer seldom grows while writing.
const PAGE_CAPACITY: usize = 24 * 1024;

/// The bounds of the piece a page is sent in: at least Rocket's usual 4 KB, and at most 256 KB,
/// so that a very long page (a report) is not copied whole once more while it is sent.
const MIN_PIECE: usize = 4 * 1024;
const MAX_PIECE: usize = 256 * 1024;

/// The template `name` rendered with `context`, as an HTML response.
pub struct HtmlPage {
    name: &'static str,
    context: Value,
}

impl HtmlPage {
    pub fn new(name: &'static str, context: Value) -> Self {
        HtmlPage { name, context }
    }
}

impl<'r> Responder<'r, 'static> for HtmlPage {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let Some(templates) = req.rocket().state::<Templates>().and_then(Templates::get) else {
            tracing::error!(template = self.name, "templates are not loaded");
            return Err(Status::InternalServerError);
        };
        // Written as bytes and sent as they are: rendering to a `String` checks the whole
        // page for valid UTF-8 again, though every piece written is a `&str` already.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        match templates.render_with_context_to_write(self.name, &Context::from(self.context), &mut html) {
            Ok(()) => {
                // Sent as one piece: Rocket otherwise hands the body to the connection in 4 KB
                // pieces, each a wait on a channel and, often, a write to the socket of its own.
                let size = html.len().clamp(MIN_PIECE, MAX_PIECE);
                let mut response = RawHtml(html).respond_to(req)?;
                response.set_max_chunk_size(size);
                Ok(response)
            }
            Err(e) => {
                tracing::error!(template = self.name, error = %e, "page did not render");
                Err(Status::InternalServerError)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page goes to the connection in one piece, not in Rocket's usual 4 KB ones; a very long
    /// one in pieces of at most `MAX_PIECE`.
    #[test]
    fn a_page_is_handed_over_in_one_piece() {
        use rocket::local::blocking::Client;
        let templates = Templates::default();
        let mut loaded = Handlebars::new();
        assert!(loaded.register_template_string("long", "{{#each rows}}<p>{{this}}</p>{{/each}}").is_ok());
        templates.set(&loaded);
        let client = Client::untracked(rocket::build().manage(templates)).expect("a client");
        let request = client.get("/");
        for (rows, piece) in [(2_000, None), (100_000, Some(MAX_PIECE))] {
            let context = serde_json::json!({ "rows": vec!["Daejeon"; rows] });
            let response = HtmlPage::new("long", context).respond_to(request.inner()).expect("a response");
            let size = response.body().preset_size().expect("a page of known size");
            assert!(size > 8 * 1024, "longer than Rocket's usual piece: {size}");
            assert_eq!(response.body().max_chunk_size(), piece.unwrap_or(size));
        }
    }

    #[test]
    fn each_load_of_the_templates_is_a_new_generation() {
        let templates = Templates::default();
        assert_eq!(templates.generation(), 0);
        let mut loaded = Handlebars::new();
        assert!(loaded.register_template_string("piece", "<p>{{word}}</p>").is_ok());
        templates.set(&loaded);
        assert_eq!(templates.generation(), 1);
        assert_eq!(
            templates.render("piece", &serde_json::json!({ "word": "one" })).ok().as_deref(),
            Some("<p>one</p>")
        );
        templates.set(&loaded);
        assert_eq!(templates.generation(), 2, "a reload starts a new generation");
    }
}
