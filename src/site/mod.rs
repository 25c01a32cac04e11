//! The site index: which pages and files the handbook's content tree
//! holds, the routes the site serves them at, and (computed once per page,
//! when first asked) the anchors each page's headings give.
//!
//! The index is built once per run from the whole content root, whatever
//! subset of pages is being linted, so a link gives the same finding
//! whether one page or the whole tree is linted.
//!
//! Two layouts are understood:
//!
//! - **Hugo** (`content/`): `a/b.md`, `a/b/_index.md` and `a/b/index.md`
//!   are served at `/a/b/`; anchors are Hugo's (goldmark) slugs. Files
//!   in `static/` beside `content/` are served from the site's root.
//! - **Middleman** (`source/`, `sites/*/source/`): `a/b/index.html.md`,
//!   `a/b.html.md` (also `.erb`) and `a/b.html` are served at `/a/b/`;
//!   anchors are kramdown's slugs. Several `sites/*/source/` folders are
//!   one site: a route may live in any of them.

mod canonical;
pub mod link;
mod pages;
mod root;
mod routes;
pub mod scan;
mod spec;
mod workspace;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

pub use canonical::CanonicalFolders;
pub use link::{Destination, Resolution};
pub use pages::EARLY_TEXT_BUDGET;
pub use spec::{layout_of, layout_of_page, SiteSpec};
pub use workspace::heading_anchors;

use pages::{Entry, HeldBytes};
use root::{slash_path, Root};

/// How a content tree is laid out and which slugs its pages get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Hugo: `content/`, goldmark anchors.
    Hugo,
    /// Middleman: `source/`, kramdown anchors.
    Middleman,
}

/// A page in the index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PageRef {
    /// Which content root it is in.
    pub root: usize,
    /// Its path relative to that root, `/`-separated.
    pub rel: String,
}

/// What a route or file path names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A page, whose anchors can be checked.
    Page(PageRef),
    /// A folder or a file that is not a page: it exists, with no anchors
    /// to check.
    Exists,
    /// Nothing; the first path segment is a folder of the tree, so it
    /// should be there. `hint` names a file that differs only in case,
    /// or a similar page.
    Missing {
        /// Help for the reader.
        hint: Option<String>,
    },
    /// The first segment is not in the tree: the page lives elsewhere.
    Elsewhere,
}

/// The pages and files of a handbook's content tree.
#[derive(Debug)]
pub struct SiteIndex {
    roots: Vec<Root>,
    /// Routes given in front matter (Hugo `aliases` and `url`), to the
    /// page that declares them; read when a route is first not found.
    aliases: OnceLock<HashMap<String, PageRef>>,
    /// Root-relative paths already resolved (every page links to the
    /// same few), shared by the threads linting pages.
    resolved: Mutex<HashMap<String, Resolution>>,
    /// Routes of links by the site's full address already looked up, by
    /// their segments (see [`SiteIndex::lookup_route_once`]).
    routes: Mutex<HashMap<Vec<String>, Lookup>>,
    /// Folders already made canonical (each costs a system call a
    /// component), shared by the threads linting pages.
    folders: Mutex<CanonicalFolders>,
    /// Bytes of page text held for the run (see [`pages`]).
    held: HeldBytes,
}

impl SiteIndex {
    /// Indexes the content roots `spec` names; `None` if there are none.
    pub fn discover(spec: &SiteSpec) -> Option<SiteIndex> {
        let roots = spec.content_roots();
        if roots.is_empty() {
            return None;
        }
        Some(SiteIndex::build(&roots))
    }

    /// Indexes `roots` (and, for a Hugo `content/`, the `static/` folder
    /// beside it).
    pub fn build(roots: &[PathBuf]) -> SiteIndex {
        let mut built = Vec::new();
        for path in roots {
            let layout = layout_of(path);
            built.push(Root::build(path.clone(), layout, true));
            if layout == Layout::Hugo {
                if let Some(parent) = path.parent() {
                    let stat = parent.join("static");
                    if stat.is_dir() {
                        built.push(Root::build(stat, layout, false));
                    }
                }
            }
        }
        SiteIndex {
            roots: built,
            aliases: OnceLock::new(),
            resolved: Mutex::new(HashMap::new()),
            routes: Mutex::new(HashMap::new()),
            folders: Mutex::new(CanonicalFolders::default()),
            held: HeldBytes::default(),
        }
    }

    /// The content roots' folders.
    pub fn roots(&self) -> impl Iterator<Item = &Path> {
        self.roots
            .iter()
            .filter(|r| r.pages)
            .map(|r| r.path.as_path())
    }

    /// Number of files indexed.
    pub fn file_count(&self) -> usize {
        self.roots.iter().map(|r| r.files.len()).sum()
    }

    /// The page at `path` (a file on disk), if it lies in a content root.
    pub fn locate(&self, path: &Path) -> Option<PageRef> {
        let canonical = self.canonical(path)?;
        self.roots.iter().enumerate().find_map(|(i, root)| {
            let rel = canonical.strip_prefix(&root.canonical).ok()?;
            root.pages.then_some(())?;
            Some(PageRef {
                root: i,
                rel: slash_path(rel)?,
            })
        })
    }

    /// The layout of the root `page` is in.
    pub fn layout(&self, page: &PageRef) -> Layout {
        self.roots.get(page.root).map_or(Layout::Hugo, |r| r.layout)
    }

    /// The file of `page`, as a path.
    pub fn path(&self, page: &PageRef) -> PathBuf {
        self.roots
            .get(page.root)
            .map_or_else(PathBuf::new, |r| r.path.join(&page.rel))
    }

    /// The route a page is served at, as segments (`a/b.md` -> `[a, b]`).
    pub fn route_of(page: &PageRef) -> Vec<String> {
        let mut segments: Vec<String> = page.rel.split('/').map(String::from).collect();
        let last = segments.pop().unwrap_or_default();
        let mut stem = last.as_str();
        for ext in [".erb", ".md", ".markdown", ".html"] {
            stem = stem.strip_suffix(ext).unwrap_or(stem);
        }
        if stem != "_index" && stem != "index" {
            segments.push(stem.to_string());
        }
        segments
    }

    /// The route the site serves `page` at, as segments: its file's route
    /// ([`SiteIndex::route_of`]), lower-cased in a Hugo tree, since Hugo
    /// serves every page at its lower-cased route.
    pub fn served_segments(&self, page: &PageRef) -> Vec<String> {
        let segments = SiteIndex::route_of(page);
        match self.roots.get(page.root) {
            Some(root) if root.serves_lower_case() => {
                segments.iter().map(|s| s.to_lowercase()).collect()
            }
            _ => segments,
        }
    }

    /// The route the site serves `page` at, as a link writes it:
    /// `/job-families/sales/director/`.
    pub fn served_route(&self, page: &PageRef) -> String {
        let segments = self.served_segments(page);
        if segments.is_empty() {
            "/".to_string()
        } else {
            format!("/{}/", segments.join("/"))
        }
    }

    /// The anchors of `page`: recorded when it was linted, else scanned
    /// from its file the first time, then remembered.
    pub fn anchors(&self, page: &PageRef) -> &[String] {
        let Some((root, entry)) = self.entry(page) else {
            return &[];
        };
        entry.anchors(root.layout, || {
            entry.read(&root.path.join(&page.rel), &self.held)
        })
    }

    /// The root and entry of `page`.
    fn entry(&self, page: &PageRef) -> Option<(&Root, &Entry)> {
        let root = self.roots.get(page.root)?;
        Some((root, root.files.get(&page.rel)?))
    }

    /// Marks the page at `path` as one this run lints, so that a read of
    /// it as a link target keeps its text for its turn (see [`pages`]).
    /// `None` when it is not a page of the index.
    pub fn await_lint(&self, path: &Path) -> Option<PageRef> {
        let page = self.locate(path)?;
        self.entry(&page)?.1.await_lint();
        Some(page)
    }

    /// The text of `page` if the index read it before its turn to be
    /// linted; the page is no longer awaited.
    pub fn take_early_text(&self, page: &PageRef) -> Option<Arc<String>> {
        self.entry(page)?.1.take_early_text(&self.held)
    }

    /// Records what the index needs of `page` from `text`, the text being
    /// linted, so that a route lookup does not read the file again: the
    /// routes its front matter declares. Its anchors are read when a link
    /// first asks for them.
    pub fn record_linted(&self, page: &PageRef, text: &str) {
        if let Some((_, entry)) = self.entry(page) {
            entry.record(text);
        }
    }

    /// Ends a run: no page is awaited any more, and texts read early but
    /// never linted are dropped.
    pub fn end_run(&self) {
        for root in &self.roots {
            for entry in root.files.values() {
                entry.end_run(&self.held);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn tree(files: &[&str]) -> (tempfile::TempDir, SiteIndex) {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in files {
            let path = dir.path().join(f);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("folder");
            }
            std::fs::write(&path, "## Levels\n").expect("file");
        }
        let index = SiteIndex::build(&[dir.path().join("content")]);
        (dir, index)
    }

    pub(super) fn segs(route: &str) -> Vec<String> {
        route
            .split('/')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn anchors_are_scanned_once_and_remembered() {
        let (dir, index) = tree(&["content/a/b.md"]);
        let page = PageRef {
            root: 0,
            rel: "a/b.md".into(),
        };
        assert_eq!(index.anchors(&page), ["levels"]);
        std::fs::write(dir.path().join("content/a/b.md"), "## Other\n").expect("rewrite");
        assert_eq!(index.anchors(&page), ["levels"]);
    }
}
