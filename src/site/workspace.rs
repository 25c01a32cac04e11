//! What an editor's long-lived index needs on top of a run's: every page
//! it holds, and updates when files are created, changed or deleted, so
//! that the index is built once and kept in step with the disk.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::link::document_anchors;
use super::pages::Entry;
use super::root::{slash_path, Root, SKIPPED_FOLDERS};
use super::routes::is_page;
use super::{Layout, PageRef, SiteIndex};
use crate::document::Document;

impl SiteIndex {
    /// Every page of the content roots (not the files of `static/`), in
    /// no particular order.
    pub fn pages(&self) -> impl Iterator<Item = PageRef> + '_ {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, root)| root.pages)
            .flat_map(|(i, root)| {
                root.files
                    .keys()
                    .filter(|rel| is_page(rel))
                    .map(move |rel| PageRef {
                        root: i,
                        rel: rel.clone(),
                    })
            })
    }

    /// Brings the index in step with the file or folder at `path` as it
    /// is now on disk: a new file or folder is added, a changed file's
    /// anchors and routes are read again when next asked for, and a file
    /// or folder that no longer exists is removed. Returns whether
    /// `path` lies in a content root (else nothing changed).
    pub fn refresh(&mut self, path: &Path) -> bool {
        let Some(canonical) = canonical_even_if_gone(path) else {
            return false;
        };
        let Some((index, rel)) = self.roots.iter().enumerate().find_map(|(i, root)| {
            let rel = canonical.strip_prefix(&root.canonical).ok()?;
            Some((i, slash_path(rel)?))
        }) else {
            return false;
        };
        if rel.is_empty() || rel.split('/').any(is_skipped) {
            return false;
        }
        let root = &mut self.roots[index];
        match std::fs::symlink_metadata(&canonical) {
            Ok(meta) if meta.is_dir() => root.add_folder(&rel),
            Ok(_) => root.add_file(&rel),
            Err(_) => root.remove(&rel),
        }
        // What was resolved or declared before may have changed.
        self.aliases = std::sync::OnceLock::new();
        if let Ok(resolved) = self.resolved.get_mut() {
            resolved.clear();
        }
        if let Ok(routes) = self.routes.get_mut() {
            routes.clear();
        }
        if let Ok(folders) = self.folders.get_mut() {
            *folders = super::CanonicalFolders::default();
        }
        true
    }
}

/// The anchors of `doc`'s headings under `layout`, one per heading in
/// the order of [`Document::headings`] (the slugs [`document_anchors`]
/// gives, without the HTML ids that follow them).
pub fn heading_anchors(doc: &Document, layout: Layout) -> Vec<String> {
    let mut anchors = document_anchors(doc, layout);
    anchors.truncate(doc.headings.len());
    anchors
}

/// Whether a path component is one the index never holds (hidden files
/// and folders, `node_modules`, `target`).
fn is_skipped(name: &str) -> bool {
    name.starts_with('.') || SKIPPED_FOLDERS.contains(&name)
}

/// `path` made canonical; for a path that no longer exists, its nearest
/// existing ancestor made canonical, joined with the rest.
fn canonical_even_if_gone(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut rest = Vec::new();
    let mut current = absolute.as_path();
    loop {
        if let Ok(found) = std::fs::canonicalize(current) {
            return Some(rest.iter().rev().fold(found, |p: PathBuf, c| p.join(c)));
        }
        rest.push(current.file_name()?.to_os_string());
        current = current.parent()?;
    }
}

impl Root {
    /// Adds (or marks as changed) the file at `rel` and its folders.
    fn add_file(&mut self, rel: &str) {
        let fresh = self
            .files
            .insert(rel.to_string(), Entry::default())
            .is_none();
        let mut folder = rel;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            self.dirs.insert(parent.to_string());
            folder = parent;
        }
        if !fresh {
            return;
        }
        self.lower
            .entry(rel.to_lowercase())
            .or_default()
            .push(rel.to_string());
        if let Some((name, parent)) = self.route_name(rel) {
            self.names.entry(parent).or_default().push(name);
        }
    }

    /// Adds the folder at `rel` with everything under it.
    fn add_folder(&mut self, rel: &str) {
        self.dirs.insert(rel.to_string());
        let top = self.path.join(rel);
        let walker = WalkDir::new(&top)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || e.file_name().to_str().is_some_and(|n| !is_skipped(n))
            });
        for entry in walker.filter_map(Result::ok) {
            let Some(found) = entry
                .path()
                .strip_prefix(&self.path)
                .ok()
                .and_then(slash_path)
            else {
                continue;
            };
            if entry.file_type().is_dir() {
                self.dirs.insert(found);
            } else {
                self.add_file(&found);
            }
        }
    }

    /// Removes the file or folder at `rel` and everything under it.
    fn remove(&mut self, rel: &str) {
        let under = format!("{rel}/");
        let gone: Vec<String> = self
            .files
            .keys()
            .filter(|k| k.as_str() == rel || k.starts_with(&under))
            .cloned()
            .collect();
        for file in gone {
            self.files.remove(&file);
            let lower = file.to_lowercase();
            if let Some(real) = self.lower.get_mut(&lower) {
                real.retain(|r| r != &file);
                if real.is_empty() {
                    self.lower.remove(&lower);
                }
            }
            if let Some((name, parent)) = self.route_name(&file) {
                if let Some(names) = self.names.get_mut(&parent) {
                    if let Some(i) = names.iter().position(|n| n == &name) {
                        names.swap_remove(i);
                    }
                }
            }
        }
        self.dirs.retain(|d| d != rel && !d.starts_with(&under));
    }

    /// The last route segment of the page at `rel` and the route of its
    /// parent, as the similar-page hints look them up; `None` for files
    /// that are not pages.
    fn route_name(&self, rel: &str) -> Option<(String, String)> {
        if !self.pages || !is_page(rel) {
            return None;
        }
        let route = SiteIndex::route_of(&PageRef {
            root: 0,
            rel: rel.to_string(),
        });
        let (name, parent) = route.split_last()?;
        Some((name.clone(), parent.join("/")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Lookup;

    fn route(text: &str) -> Vec<String> {
        text.split('/').map(String::from).collect()
    }

    #[test]
    fn files_added_changed_and_removed_are_seen() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("jobs")).expect("folders");
        std::fs::write(content.join("jobs/analyst.md"), "## Old\n").expect("page");
        let mut site = SiteIndex::build(std::slice::from_ref(&content));
        let analyst = PageRef {
            root: 0,
            rel: "jobs/analyst.md".into(),
        };
        assert_eq!(site.anchors(&analyst), ["old"]);
        assert_eq!(site.pages().count(), 1);

        std::fs::write(content.join("jobs/analyst.md"), "## New\n").expect("page");
        assert!(site.refresh(&content.join("jobs/analyst.md")));
        assert_eq!(site.anchors(&analyst), ["new"]);

        assert!(matches!(
            site.lookup_route_once(&route("jobs/manager")),
            Lookup::Missing { .. }
        ));
        std::fs::create_dir_all(content.join("jobs/manager")).expect("folder");
        std::fs::write(content.join("jobs/manager/index.md"), "## M\n").expect("page");
        assert!(site.refresh(&content.join("jobs/manager")));
        assert!(matches!(
            site.lookup_route_once(&route("jobs/manager")),
            Lookup::Page(_)
        ));
        assert_eq!(site.pages().count(), 2);

        std::fs::remove_dir_all(content.join("jobs/manager")).expect("removed");
        assert!(site.refresh(&content.join("jobs/manager/index.md")));
        assert!(site.refresh(&content.join("jobs/manager")));
        assert!(matches!(
            site.lookup_route_once(&route("jobs/manager")),
            Lookup::Missing { .. }
        ));
        assert_eq!(site.pages().count(), 1);

        assert!(!site.refresh(dir.path()), "outside the content root");
        assert!(!site.refresh(&content.join(".hidden.md")));
    }

    #[test]
    fn heading_anchors_follow_the_layout() {
        let doc = Document::parse(
            "a.md",
            "## Senior Analyst\n\n## Senior Analyst\n<a id=\"x\"></a>\n".to_string(),
        );
        assert_eq!(
            heading_anchors(&doc, Layout::Hugo),
            ["senior-analyst", "senior-analyst-1"]
        );
        assert_eq!(heading_anchors(&doc, Layout::Middleman).len(), 2);
    }
}
