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

pub mod link;
mod pages;
pub mod scan;
mod workspace;

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use walkdir::WalkDir;

pub use link::{Destination, Resolution};
pub use pages::EARLY_TEXT_BUDGET;
pub use workspace::heading_anchors;

use pages::{Entry, HeldBytes};

/// How a content tree is laid out and which slugs its pages get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Hugo: `content/`, goldmark anchors.
    Hugo,
    /// Middleman: `source/`, kramdown anchors.
    Middleman,
}

/// Folders never indexed.
const SKIPPED_FOLDERS: &[&str] = &["node_modules", "target"];

/// Where a run's content lives: the project root and the configured
/// content folder, if any.
#[derive(Clone, Debug, Default)]
pub struct SiteSpec {
    /// The project root (the configuration file's folder, else the
    /// working directory).
    pub root: PathBuf,
    /// `content_dir` from the configuration, relative to `root`.
    pub content_dir: Option<PathBuf>,
    /// Whether `root` is a configuration file's folder (rather than the
    /// working directory, where the git root is searched for).
    pub configured: bool,
}

impl SiteSpec {
    /// The content roots: `content_dir` if configured, else the first
    /// folder from `root` up to the git root that holds `content/`,
    /// `source/` or `sites/*/source/`.
    pub fn content_roots(&self) -> Vec<PathBuf> {
        if let Some(dir) = &self.content_dir {
            let dir = self.root.join(dir);
            return if dir.is_dir() { vec![dir] } else { Vec::new() };
        }
        let bases: Vec<PathBuf> = if self.configured {
            vec![self.root.clone()]
        } else {
            let absolute = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
            let git_root = absolute.ancestors().find(|d| d.join(".git").exists());
            match git_root {
                Some(git_root) => absolute
                    .ancestors()
                    .take_while(|d| d.starts_with(git_root))
                    .map(Path::to_path_buf)
                    .collect(),
                None => vec![absolute],
            }
        };
        bases
            .iter()
            .map(|b| candidates(b))
            .find(|c| !c.is_empty())
            .unwrap_or_default()
    }
}

/// `content/`, `source/` and `sites/*/source/` under `base`.
fn candidates(base: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for name in ["content", "source"] {
        let dir = base.join(name);
        if dir.is_dir() {
            found.push(dir);
        }
    }
    if let Ok(entries) = std::fs::read_dir(base.join("sites")) {
        let mut sites: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path().join("source"))
            .filter(|p| p.is_dir())
            .collect();
        sites.sort();
        found.extend(sites);
    }
    found
}

/// One indexed folder.
#[derive(Debug)]
struct Root {
    /// The folder, as found.
    path: PathBuf,
    /// The folder, canonical, to place linted pages in it.
    canonical: PathBuf,
    layout: Layout,
    /// Whether pages are served from it (`static/` only serves files).
    pages: bool,
    /// Every file, by path relative to the folder (`/`-separated).
    files: HashMap<String, Entry>,
    /// Every folder, by relative path.
    dirs: HashSet<String>,
    /// Lower-cased relative path to the real ones, for hints.
    lower: HashMap<String, Vec<String>>,
    /// The last route segment of each page, by the route of its parent.
    names: HashMap<String, Vec<String>>,
}

impl Root {
    fn build(path: PathBuf, layout: Layout, pages: bool) -> Root {
        let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        let mut files = HashMap::new();
        let mut dirs = HashSet::new();
        let mut lower: HashMap<String, Vec<String>> = HashMap::new();
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
        let mut names: HashMap<String, Vec<String>> = HashMap::new();
        if pages {
            for rel in files.keys().filter(|rel| is_page(rel)) {
                let route = SiteIndex::route_of(&PageRef {
                    root: 0,
                    rel: rel.clone(),
                });
                if let Some((name, parent)) = route.split_last() {
                    names
                        .entry(parent.join("/"))
                        .or_default()
                        .push(name.clone());
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
            lower,
            names,
        }
    }
}

/// A relative path as a `/`-separated string (`None` if not UTF-8).
fn slash_path(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?),
            _ => return None,
        }
    }
    Some(parts.join("/"))
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
    /// Folders already made canonical (each costs a system call a
    /// component), shared by the threads linting pages.
    folders: Mutex<CanonicalFolders>,
    /// Bytes of page text held for the run (see [`pages`]).
    held: HeldBytes,
}

/// The file names a route `p` may be served from, in order, each as a
/// prefix of `p` and a suffix to add to it (nothing is allocated).
fn route_candidate_parts<'p>(p: &'p str, out: &mut Vec<(&'p str, &'static str)>) {
    if p.is_empty() {
        for name in [
            "_index.md",
            "index.md",
            "index.html.md",
            "index.html.md.erb",
            "index.html",
        ] {
            out.push(("", name));
        }
        return;
    }
    if let Some(base) = p.strip_suffix(".html") {
        out.extend([
            (p, ".md"),
            (p, ".md.erb"),
            (p, ".erb"),
            (p, ""),
            (base, ".md"),
        ]);
        if let Some(dir) = base.strip_suffix("index") {
            let dir = dir.trim_end_matches('/');
            route_candidate_parts(dir, out);
        }
        return;
    }
    for suffix in [
        ".md",
        "/_index.md",
        "/index.md",
        "/index.html.md",
        ".html.md",
        "/index.html.md.erb",
        ".html.md.erb",
        ".html",
        "/index.html",
        ".markdown",
        "/index.markdown",
    ] {
        out.push((p, suffix));
    }
}

/// The file names a route `p` may be served from, in order.
fn route_candidates(p: &str) -> Vec<String> {
    let mut parts = Vec::new();
    route_candidate_parts(p, &mut parts);
    parts
        .into_iter()
        .map(|(prefix, suffix)| format!("{prefix}{suffix}"))
        .collect()
}

/// Whether a file is a page (has headings to index).
fn is_page(rel: &str) -> bool {
    [".md", ".markdown", ".md.erb", ".html", ".html.erb"]
        .iter()
        .any(|ext| rel.ends_with(ext))
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
    /// linted, so that no link to it reads the file again: its routes, and
    /// its anchors when `anchors` is set (a rule reads them).
    pub fn record_linted(&self, page: &PageRef, text: &str, anchors: bool) {
        if let Some((root, entry)) = self.entry(page) {
            entry.record(text, root.layout, anchors);
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

    /// Looks up a route given as segments from the site's root.
    pub fn lookup_route(&self, segments: &[String]) -> Lookup {
        let p = segments.join("/");
        let mut parts = Vec::with_capacity(16);
        route_candidate_parts(&p, &mut parts);
        let mut c = String::with_capacity(p.len() + 24);
        for (i, root) in self.roots.iter().enumerate() {
            if !root.pages {
                continue;
            }
            for (prefix, suffix) in &parts {
                c.clear();
                c.push_str(prefix);
                c.push_str(suffix);
                if root.files.contains_key(c.as_str()) {
                    return if is_page(&c) {
                        Lookup::Page(PageRef { root: i, rel: c })
                    } else {
                        Lookup::Exists
                    };
                }
            }
        }
        if p.is_empty() || self.roots.iter().any(|r| r.dirs.contains(&p)) {
            return Lookup::Exists;
        }
        if !self.first_segment_known(segments) {
            return Lookup::Elsewhere;
        }
        if let Some(page) = self.aliases().get(p.trim_end_matches(".html")) {
            return Lookup::Page(page.clone());
        }
        let hint = self
            .case_hint(&route_candidates(&p))
            .or_else(|| self.similar_page(segments));
        Lookup::Missing { hint }
    }

    /// The routes pages declare in their front matter: Hugo's `aliases`
    /// (served as redirects to the page) and `url`. Only Hugo roots have
    /// them; the front matter of every page is read, once, the first time
    /// a route is not found among the files.
    fn aliases(&self) -> &HashMap<String, PageRef> {
        self.aliases.get_or_init(|| {
            let mut map = HashMap::new();
            for (i, root) in self.roots.iter().enumerate() {
                if !root.pages || root.layout != Layout::Hugo {
                    continue;
                }
                let mut rels: Vec<&String> = root.files.keys().filter(|r| is_page(r)).collect();
                rels.sort();
                for rel in rels {
                    let Some(entry) = root.files.get(rel) else {
                        continue;
                    };
                    let routes = entry.routes(|| entry.read(&root.path.join(rel), &self.held));
                    if routes.is_empty() {
                        continue;
                    }
                    let page = PageRef {
                        root: i,
                        rel: rel.clone(),
                    };
                    let mut parent = SiteIndex::route_of(&page);
                    parent.pop();
                    for route in routes {
                        let route = if route.starts_with('/') {
                            route.clone()
                        } else {
                            format!("{}/{route}", parent.join("/"))
                        };
                        let key: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
                        map.entry(key.join("/")).or_insert_with(|| page.clone());
                    }
                }
            }
            map
        })
    }

    /// Looks up a file (an image, a PDF, a Markdown file) given as
    /// segments from the site's root.
    pub fn lookup_file(&self, segments: &[String]) -> Lookup {
        let p = segments.join("/");
        for (i, root) in self.roots.iter().enumerate() {
            if root.files.contains_key(&p) {
                return if root.pages && is_page(&p) {
                    Lookup::Page(PageRef { root: i, rel: p })
                } else {
                    Lookup::Exists
                };
            }
            if root.dirs.contains(&p) {
                return Lookup::Exists;
            }
        }
        if !self.first_segment_known(segments) {
            return Lookup::Elsewhere;
        }
        Lookup::Missing {
            hint: self.case_hint(std::slice::from_ref(&p)),
        }
    }

    /// Whether the first segment is a folder of any root (a single
    /// segment, a file at the top, counts only if the folder exists).
    fn first_segment_known(&self, segments: &[String]) -> bool {
        segments
            .first()
            .is_some_and(|first| self.roots.iter().any(|r| r.dirs.contains(first)))
    }

    fn case_hint(&self, candidates: &[String]) -> Option<String> {
        for root in &self.roots {
            for c in candidates {
                if let Some(real) = root.lower.get(&c.to_lowercase()) {
                    if let Some(real) = real.first() {
                        return Some(format!(
                            "the file is `{}` (case differs)",
                            root.path.join(real).display()
                        ));
                    }
                }
            }
        }
        None
    }

    /// A page in the same folder with a similar name.
    fn similar_page(&self, segments: &[String]) -> Option<String> {
        let (name, parent) = segments.split_last()?;
        let parent_route = parent.join("/");
        let mut best: Option<(f64, &str)> = None;
        for root in &self.roots {
            for candidate in root.names.get(&parent_route).into_iter().flatten() {
                let score = strsim::normalized_levenshtein(name, candidate);
                let better =
                    best.is_none_or(|(s, r)| score > s || (score == s && candidate.as_str() < r));
                if score >= 0.75 && better {
                    best = Some((score, candidate));
                }
            }
        }
        best.map(|(_, name)| {
            let mut route = parent.to_vec();
            route.push(name.to_string());
            format!("a similar page exists: `/{}/`", route.join("/"))
        })
    }
}

/// The layout a content root is in: `source/` folders, and folders with
/// a Middleman `config.rb` beside them, are Middleman; the rest Hugo.
pub fn layout_of(root: &Path) -> Layout {
    let named_source = root.file_name().is_some_and(|n| n == "source");
    let config_rb = root.parent().is_some_and(|p| p.join("config.rb").is_file());
    if named_source || config_rb {
        Layout::Middleman
    } else {
        Layout::Hugo
    }
}

/// The layout for a page outside any content root: `.html.md` pages are
/// Middleman's, the rest Hugo's.
pub fn layout_of_page(path: &Path) -> Layout {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".html.md") || name.ends_with(".html.md.erb") {
        Layout::Middleman
    } else {
        Layout::Hugo
    }
}

impl SiteIndex {
    /// [`CanonicalFolders::of`], with the folders shared by the threads
    /// linting pages.
    fn canonical(&self, path: &Path) -> Option<PathBuf> {
        match self.folders.lock() {
            Ok(mut folders) => folders.of(path),
            Err(_) => canonical(path),
        }
    }
}

/// Files' paths made canonical, each folder once: a file that is not a
/// symbolic link is its canonical folder joined with its name.
#[derive(Debug, Default)]
pub struct CanonicalFolders(HashMap<PathBuf, Option<PathBuf>>);

impl CanonicalFolders {
    /// `path` made canonical; for a file that does not exist (an
    /// editor's unsaved buffer), its folder made canonical and its name.
    pub fn of(&mut self, path: &Path) -> Option<PathBuf> {
        let (Some(name), Some(parent)) = (path.file_name(), path.parent()) else {
            return canonical(path);
        };
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            return canonical(path);
        }
        let folder = self
            .0
            .entry(parent.to_path_buf())
            .or_insert_with(|| std::fs::canonicalize(parent).ok());
        Some(folder.as_ref()?.join(name))
    }
}

/// `path` made canonical; for a file that does not exist (an editor's
/// unsaved buffer), its folder made canonical joined with its name.
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(path) {
        return Some(c);
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = std::fs::canonicalize(parent).ok()?;
    Some(dir.join(path.file_name()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> (tempfile::TempDir, SiteIndex) {
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

    fn segs(route: &str) -> Vec<String> {
        route
            .split('/')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn routes_name_pages_in_every_layout() {
        let (_dir, index) = tree(&[
            "content/a/plain.md",
            "content/a/section/_index.md",
            "content/a/bundle/index.md",
            "content/a/mm/index.html.md",
            "content/a/flat.html.md",
            "content/a/erb/index.html.md.erb",
            "content/a/raw.html",
            "content/a/Mixed-Case.md",
            "content/a/folder/image.png",
        ]);
        for route in [
            "/a/plain/",
            "/a/section",
            "/a/bundle/",
            "/a/mm/",
            "/a/flat/",
            "/a/erb/",
            "/a/raw/",
            "/a/mm/index.html",
        ] {
            assert!(
                matches!(index.lookup_route(&segs(route)), Lookup::Page(_)),
                "{route}"
            );
        }
        assert_eq!(index.lookup_route(&segs("/a/folder/")), Lookup::Exists);
        assert_eq!(
            index.lookup_route(&segs("/elsewhere/x/")),
            Lookup::Elsewhere
        );
        match index.lookup_route(&segs("/a/mixed-case/")) {
            Lookup::Missing { hint: Some(hint) } => {
                assert!(hint.contains("Mixed-Case.md"), "{hint}")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            index.lookup_file(&segs("/a/folder/image.png")),
            Lookup::Exists
        );
        assert!(matches!(
            index.lookup_file(&segs("/a/folder/other.png")),
            Lookup::Missing { .. }
        ));
    }

    #[test]
    fn routes_of_pages() {
        let page = |rel: &str| PageRef {
            root: 0,
            rel: rel.to_string(),
        };
        assert_eq!(SiteIndex::route_of(&page("a/b.md")), vec!["a", "b"]);
        assert_eq!(SiteIndex::route_of(&page("a/_index.md")), vec!["a"]);
        assert_eq!(
            SiteIndex::route_of(&page("a/b/index.html.md")),
            vec!["a", "b"]
        );
        assert_eq!(
            SiteIndex::route_of(&page("a/c.html.md.erb")),
            vec!["a", "c"]
        );
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
