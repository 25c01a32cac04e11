//! One indexed folder: every file and folder under a content root (or a
//! Hugo `static/` folder), walked once, with the lower-cased paths and page
//! names that hints for missing links read.

use foldhash::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use super::pages::Entry;
use super::routes::is_page;
use super::{Layout, PageRef, SiteIndex};

/// Folders never indexed.
pub(super) const SKIPPED_FOLDERS: &[&str] = &["node_modules", "target"];

/// One indexed folder.
#[derive(Debug)]
pub(super) struct Root {
    /// The folder, as found.
    pub(super) path: PathBuf,
    /// The folder, canonical, to place linted pages in it.
    pub(super) canonical: PathBuf,
    pub(super) layout: Layout,
    /// Whether pages are served from it (`static/` only serves files).
    pub(super) pages: bool,
    /// Every file, by path relative to the folder (`/`-separated).
    pub(super) files: HashMap<String, Entry>,
    /// Every folder, by relative path.
    pub(super) dirs: HashSet<String>,
    /// Every folder, by lower-cased relative path (Hugo serves folders
    /// in lower case).
    pub(super) lower_dirs: HashSet<String>,
    /// Lower-cased relative path to the real ones, sorted: Hugo serves
    /// pages at their lower-cased paths, and hints name files whose case
    /// differs.
    pub(super) lower: HashMap<String, Vec<String>>,
    /// The last route segment of each page, by the route of its parent
    /// (both lower-cased in a Hugo root, as served).
    pub(super) names: HashMap<String, Vec<String>>,
}

impl Root {
    /// Walks the folder at `path` (its pages served when `pages` is set).
    pub(super) fn build(path: PathBuf, layout: Layout, pages: bool) -> Root {
        let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        let mut files = HashMap::default();
        let mut dirs = HashSet::default();
        let mut lower: HashMap<String, Vec<String>> = HashMap::default();
        let walker = WalkDir::new(&path)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || e.file_name()
                        .to_str()
                        .is_some_and(|n| !n.starts_with('.') && !SKIPPED_FOLDERS.contains(&n))
            });
        for entry in walker.filter_map(Result::ok) {
            if entry.depth() == 0 {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&path) else {
                continue;
            };
            let Some(rel) = slash_path(rel) else { continue };
            if entry.file_type().is_dir() {
                dirs.insert(rel);
            } else {
                lower
                    .entry(rel.to_lowercase())
                    .or_default()
                    .push(rel.clone());
                files.insert(rel, Entry::default());
            }
        }
        for real in lower.values_mut() {
            real.sort();
        }
        let lower_dirs = dirs.iter().map(|d| d.to_lowercase()).collect();
        let served_case = |s: &str| match layout {
            Layout::Hugo => s.to_lowercase(),
            Layout::Middleman => s.to_string(),
        };
        let mut names: HashMap<String, Vec<String>> = HashMap::default();
        if pages {
            for rel in files.keys().filter(|rel| is_page(rel)) {
                let route = SiteIndex::route_of(&PageRef {
                    root: 0,
                    rel: rel.clone(),
                });
                if let Some((name, parent)) = route.split_last() {
                    names
                        .entry(served_case(&parent.join("/")))
                        .or_default()
                        .push(served_case(name));
                }
            }
        }
        Root {
            path,
            canonical,
            layout,
            pages,
            files,
            dirs,
            lower_dirs,
            lower,
            names,
        }
    }

    /// The file a candidate path (a route joined with a file name, see
    /// [`super::routes`]) names in this folder, as the site serves it:
    /// exactly for Middleman and static files, by the lower-cased path
    /// for Hugo pages (Hugo serves every page at its lower-cased route,
    /// so a candidate with an upper-case letter names nothing).
    pub(super) fn served_file(&self, candidate: &str) -> Option<&str> {
        if self.serves_lower_case() {
            if candidate.chars().any(char::is_uppercase) {
                return None;
            }
            return self.lower.get(candidate)?.first().map(String::as_str);
        }
        self.files.get_key_value(candidate).map(|(k, _)| k.as_str())
    }

    /// Whether `rel` is a folder the site serves, with the same case
    /// rules as [`Root::served_file`].
    pub(super) fn serves_dir(&self, rel: &str) -> bool {
        if self.serves_lower_case() {
            !rel.chars().any(char::is_uppercase) && self.lower_dirs.contains(rel)
        } else {
            self.dirs.contains(rel)
        }
    }

    /// Whether the site serves this folder's pages at lower-cased routes
    /// (Hugo's content folder; not `static/`, whose files keep their case).
    pub(super) fn serves_lower_case(&self) -> bool {
        self.pages && self.layout == Layout::Hugo
    }
}

/// A relative path as a `/`-separated string (`None` if not UTF-8).
pub(super) fn slash_path(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?),
            _ => return None,
        }
    }
    Some(parts.join("/"))
}
