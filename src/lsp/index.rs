//! The workspace index: for each handbook (a set of content roots) the
//! site index, built once and kept in step with the disk, which pages
//! link to which, and every page's route.
//!
//! Links are read from every page when the handbook is first indexed,
//! in parallel, and again from a page when it changes. They answer
//! "which pages link here" for a rename.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::document::Document;
use crate::engine::read_source;
use crate::site::{Destination, PageRef, Resolution, SiteIndex};

/// One handbook's index.
#[derive(Debug)]
pub struct Handbook {
    /// Its content roots.
    pub roots: Vec<PathBuf>,
    /// Its pages, files, routes and anchors.
    pub site: Arc<SiteIndex>,
    /// The pages each page links to.
    outgoing: HashMap<PageRef, Vec<PageRef>>,
    /// The pages linking to each page.
    incoming: HashMap<PageRef, HashSet<PageRef>>,
    /// Every page's route (`/a/b/`), sorted.
    routes: Vec<String>,
}

/// What a refresh changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// The path lies in the handbook's content roots.
    pub inside: bool,
    /// Pages were added or removed (links elsewhere may resolve
    /// differently now).
    pub pages_changed: bool,
}

impl Handbook {
    /// Indexes the content roots `roots`: their files, then every page's
    /// links, in parallel.
    pub fn build(roots: Vec<PathBuf>) -> Handbook {
        let site = SiteIndex::build(&roots);
        let pages: Vec<PageRef> = site.pages().collect();
        let outgoing: HashMap<PageRef, Vec<PageRef>> = pages
            .par_iter()
            .map(|page| (page.clone(), links_from_disk(&site, page)))
            .collect();
        let mut handbook = Handbook {
            roots,
            site: Arc::new(site),
            outgoing: HashMap::new(),
            incoming: HashMap::new(),
            routes: Vec::new(),
        };
        for (page, targets) in outgoing {
            handbook.set_links(page, targets);
        }
        handbook.routes = routes(&handbook.site);
        handbook
    }

    /// Pages that link to `page` (as their files were last read).
    pub fn linking_to(&self, page: &PageRef) -> Vec<PageRef> {
        let mut pages: Vec<PageRef> = self
            .incoming
            .get(page)
            .map(|set| set.iter().cloned().collect())
            .unwrap_or_default();
        pages.sort_by(|a, b| (a.root, &a.rel).cmp(&(b.root, &b.rel)));
        pages
    }

    /// Routes of pages (`/a/b/`) that start with `prefix`, in order.
    pub fn routes_starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> {
        let first = self.routes.partition_point(|r| r.as_str() < prefix);
        self.routes[first..]
            .iter()
            .take_while(move |r| r.starts_with(prefix))
            .map(String::as_str)
    }

    /// Number of pages indexed.
    pub fn page_count(&self) -> usize {
        self.outgoing.len()
    }

    /// Brings the index in step with the file or folder at `path` as it
    /// is on disk now.
    pub fn refresh(&mut self, path: &Path) -> Refreshed {
        let Some(site) = Arc::get_mut(&mut self.site) else {
            // Someone still reads the old index: start again rather
            // than change it under them.
            *self = Handbook::build(std::mem::take(&mut self.roots));
            return Refreshed {
                inside: true,
                pages_changed: true,
            };
        };
        if !site.refresh(path) {
            return Refreshed::default();
        }
        let now: HashSet<PageRef> = site.pages().collect();
        let gone: Vec<PageRef> = self
            .outgoing
            .keys()
            .filter(|p| !now.contains(*p))
            .cloned()
            .collect();
        let added: Vec<PageRef> = now
            .iter()
            .filter(|p| !self.outgoing.contains_key(*p))
            .cloned()
            .collect();
        let pages_changed = !gone.is_empty() || !added.is_empty();
        for page in gone {
            self.set_links(page.clone(), Vec::new());
            self.outgoing.remove(&page);
        }
        let mut read = added;
        read.extend(self.site.locate(path).filter(|p| now.contains(p)));
        for page in read {
            let targets = links_from_disk(&self.site, &page);
            self.set_links(page, targets);
        }
        if pages_changed {
            self.routes = routes(&self.site);
        }
        Refreshed {
            inside: true,
            pages_changed,
        }
    }

    /// Replaces the links of `page`.
    fn set_links(&mut self, page: PageRef, targets: Vec<PageRef>) {
        if let Some(old) = self.outgoing.get(&page) {
            for target in old {
                if let Some(set) = self.incoming.get_mut(target) {
                    set.remove(&page);
                }
            }
        }
        for target in &targets {
            self.incoming
                .entry(target.clone())
                .or_default()
                .insert(page.clone());
        }
        self.outgoing.insert(page, targets);
    }
}

/// The pages the page's file links to (none if it cannot be read),
/// from a scan of its text rather than a parse (see [`destinations`]).
fn links_from_disk(site: &SiteIndex, page: &PageRef) -> Vec<PageRef> {
    let path = site.path(page);
    let Ok(text) = read_source(&path) else {
        return Vec::new();
    };
    let mut targets: Vec<PageRef> = Vec::new();
    for written in destinations(&text) {
        let destination = Destination::parse(written);
        if let Resolution::Page(target) = site.resolve(Some(page), &path, &destination) {
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
    }
    targets
}

/// The link destinations written in `text`: after `](` (inline links and
/// images), in reference definitions (`[label]: destination`) and in
/// autolinks (`<https://…>`). This is
/// a superset of what a Markdown parser finds (a link in a code block
/// counts too), which is what the index needs: it only chooses the pages
/// a rename reads again, and those are parsed in full. Scanning is many
/// times cheaper than parsing every page of a large handbook.
pub fn destinations(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b"](") {
        if let Some(destination) = destination_at(&text[at + 2..]) {
            found.push(destination);
        }
    }
    for line in text.lines() {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() > 3 || !trimmed.starts_with('[') {
            continue;
        }
        if let Some((_, rest)) = trimmed.split_once("]:") {
            if let Some(destination) = destination_at(rest.trim_start_matches([' ', '\t'])) {
                found.push(destination);
            }
        }
    }
    for at in memchr::memmem::find_iter(text.as_bytes(), b"<http") {
        if let Some(destination) = destination_at(&text[at..]) {
            found.push(destination);
        }
    }
    found
}

/// The destination at the start of `rest`: `<…>`, or a run without
/// spaces whose parentheses balance.
fn destination_at(rest: &str) -> Option<&str> {
    let rest = rest.trim_start_matches([' ', '\t']);
    if let Some(inner) = rest.strip_prefix('<') {
        return inner.split(['>', '\n']).next().filter(|d| !d.is_empty());
    }
    let mut depth = 0usize;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = i;
                break;
            }
            ')' => depth -= 1,
            c if c.is_whitespace() => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    Some(&rest[..end]).filter(|d| !d.is_empty())
}

/// The other pages of `site` that `doc` (at `here`, if it is in the
/// tree) links to, each once.
pub fn link_targets(site: &SiteIndex, here: Option<&PageRef>, doc: &Document) -> Vec<PageRef> {
    let mut targets: Vec<PageRef> = Vec::new();
    for link in &doc.links {
        let destination = Destination::parse(&link.destination);
        if let Resolution::Page(page) = site.resolve(here, &doc.path, &destination) {
            if !targets.contains(&page) {
                targets.push(page);
            }
        }
    }
    targets
}

/// Every page's route, `/a/b/` (`/` for the root page), sorted.
fn routes(site: &SiteIndex) -> Vec<String> {
    let mut routes: Vec<String> = site
        .pages()
        .map(|page| {
            let segments = SiteIndex::route_of(&page);
            if segments.is_empty() {
                "/".to_string()
            } else {
                format!("/{}/", segments.join("/"))
            }
        })
        .collect();
    routes.sort();
    routes.dedup();
    routes
}

/// The handbooks of a workspace, by their content roots.
#[derive(Debug, Default)]
pub struct Handbooks {
    by_roots: HashMap<Vec<PathBuf>, Handbook>,
}

impl Handbooks {
    /// The handbook with the content roots `roots`, if indexed.
    pub fn get(&self, roots: &[PathBuf]) -> Option<&Handbook> {
        self.by_roots.get(roots)
    }

    /// Whether the handbook with these roots is indexed.
    pub fn contains(&self, roots: &[PathBuf]) -> bool {
        self.by_roots.contains_key(roots)
    }

    /// Adds an indexed handbook.
    pub fn insert(&mut self, handbook: Handbook) {
        self.by_roots.insert(handbook.roots.clone(), handbook);
    }

    /// Refreshes every handbook for the file or folder at `path`; what
    /// changed, merged.
    pub fn refresh(&mut self, path: &Path) -> Refreshed {
        let mut merged = Refreshed::default();
        for handbook in self.by_roots.values_mut() {
            let refreshed = handbook.refresh(path);
            merged.inside |= refreshed.inside;
            merged.pages_changed |= refreshed.pages_changed;
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(rel: &str) -> PageRef {
        PageRef {
            root: 0,
            rel: rel.to_string(),
        }
    }

    #[test]
    fn the_scan_finds_every_link_a_parse_finds() {
        let text = "A [link](/a/b/#c \"title\") and ![img](x.png).\n\n- [ref][r] and [(paren)](/p/(q)/)\n\n   [r]: <../r s/>\n\n`[code](/in/code/)` <https://example.com/a/>\n";
        let doc = Document::parse("a.md", text.to_string());
        let scanned = destinations(text);
        for link in &doc.links {
            assert!(
                scanned.contains(&link.destination.as_str()),
                "{} in {scanned:?}",
                link.destination
            );
        }
        assert_eq!(
            scanned,
            [
                "/a/b/#c",
                "x.png",
                "/p/(q)/",
                "/in/code/",
                "../r s/",
                "https://example.com/a/"
            ]
        );
    }

    #[test]
    fn links_between_pages_follow_changes() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("jobs")).expect("folders");
        std::fs::write(content.join("jobs/a.md"), "[b](/jobs/b/#x) [c](../c/)\n").expect("a");
        std::fs::write(content.join("jobs/b.md"), "## X\n").expect("b");
        let mut handbook = Handbook::build(vec![content.clone()]);
        assert_eq!(handbook.page_count(), 2);
        assert_eq!(
            handbook.linking_to(&page("jobs/b.md")),
            vec![page("jobs/a.md")]
        );
        assert!(handbook.linking_to(&page("jobs/a.md")).is_empty());
        let routes: Vec<&str> = handbook.routes_starting_with("/jobs/").collect();
        assert_eq!(routes, ["/jobs/a/", "/jobs/b/"]);

        // A new page that a link was waiting for.
        std::fs::write(content.join("jobs/c.md"), "## C\n").expect("c");
        let refreshed = handbook.refresh(&content.join("jobs/c.md"));
        assert_eq!(
            refreshed,
            Refreshed {
                inside: true,
                pages_changed: true
            }
        );
        assert_eq!(handbook.routes_starting_with("/jobs/c").count(), 1);

        // The linking page changes: its links are read again.
        std::fs::write(content.join("jobs/a.md"), "[c](/jobs/c/)\n").expect("a");
        let refreshed = handbook.refresh(&content.join("jobs/a.md"));
        assert!(refreshed.inside && !refreshed.pages_changed);
        assert!(handbook.linking_to(&page("jobs/b.md")).is_empty());
        assert_eq!(
            handbook.linking_to(&page("jobs/c.md")),
            vec![page("jobs/a.md")]
        );

        std::fs::remove_file(content.join("jobs/a.md")).expect("removed");
        assert!(handbook.refresh(&content.join("jobs/a.md")).pages_changed);
        assert!(handbook.linking_to(&page("jobs/c.md")).is_empty());
        assert_eq!(handbook.refresh(dir.path()), Refreshed::default());
    }
}
