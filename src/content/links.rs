//! Links between lessons: relative paths to `.md` files, checked against the files that
//! exist.

use std::path::{Component, Path, PathBuf};

/// Every `](target.md…)` in a Markdown body with the byte offset where it starts.
pub fn markdown_links(body: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut base = 0;
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        if let Some(end) = after.find(')') {
            let target = after[..end].trim().to_string();
            out.push((base + i, target));
        }
        base += i + 2;
        rest = &rest[i + 2..];
    }
    out
}

/// Resolves `target` relative to the folder of `from` without touching the file system.
pub fn resolve(from: &Path, target: &str) -> Option<PathBuf> {
    let path_part = target.split('#').next().unwrap_or_default();
    let mut out: PathBuf = from.parent()?.to_path_buf();
    for c in Path::new(path_part).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// True for links the checker must verify: relative links to Markdown files.
pub fn is_internal(target: &str) -> bool {
    let path_part = target.split('#').next().unwrap_or_default();
    !target.contains("://") && !target.starts_with("mailto:") && path_part.ends_with(".md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_resolves_links() {
        let body = "See [models](../03-x/02-models.md) and [web](https://unesco.org) and [next](02-b.md#part).";
        let links = markdown_links(body);
        assert_eq!(links.len(), 3);
        assert!(is_internal(&links[0].1) && !is_internal(&links[1].1) && is_internal(&links[2].1));
        let from = Path::new("c/modules/01-a/01-a.md");
        assert_eq!(resolve(from, "../03-x/02-models.md"), Some(PathBuf::from("c/modules/03-x/02-models.md")));
        assert_eq!(resolve(from, "02-b.md#part"), Some(PathBuf::from("c/modules/01-a/02-b.md")));
    }
}
