//! Finding the pages to lint.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use ignore::WalkBuilder;

use crate::config::Config;

/// Folders never walked into.
const SKIPPED_FOLDERS: &[&str] = &["target", "node_modules"];

/// A walk that could not start.
#[derive(Debug)]
pub struct DiscoverError(pub String);

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DiscoverError {}

/// Whether `path` names a Markdown page by its extension
/// (`.md`, `.markdown`; `.html.md` ends in `.md`).
pub fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    )
}

/// The files to lint under `paths`, sorted and without duplicates.
///
/// A file named in `paths` is linted unless the configuration excludes
/// it and asks for `force_exclude` (as pre-commit, which names every
/// changed file, needs). Folders are walked for
/// Markdown pages, skipping hidden folders, `target/`, `node_modules/`,
/// what `.gitignore` files ignore, and what the configuration excludes.
/// A path that does not exist, and a folder that cannot be read, are kept
/// so that linting reports them as `read-error`.
pub fn discover(paths: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, DiscoverError> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, config, &mut found);
        } else if config.force_exclude && config.is_excluded(path) {
            continue;
        } else {
            found.push(clean(path));
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(root: &Path, config: &Config, found: &mut Vec<PathBuf>) {
    let exclude_root = root.to_path_buf();
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .parents(true)
        .follow_links(false)
        .filter_entry(move |entry| {
            let path = entry.path();
            if path == exclude_root {
                return true;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if is_dir
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|name| SKIPPED_FOLDERS.contains(&name))
            {
                return false;
            }
            true
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = clean(entry.path());
                let is_file = entry
                    .file_type()
                    .is_some_and(|t| t.is_file() || t.is_symlink());
                if is_file && is_markdown(&path) && !config.is_excluded(&path) {
                    found.push(path);
                }
            }
            Err(err) => {
                if let Some(path) = error_path(&err) {
                    if !config.is_excluded(&path) {
                        found.push(clean(&path));
                    }
                }
            }
        }
    }
}

/// The path an error of the walk is about, so it can be reported.
fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// Drops a leading `./`, so paths read as the user would type them.
fn clean(path: &Path) -> PathBuf {
    let mut components = path.components().peekable();
    while components.peek() == Some(&Component::CurDir) {
        components.next();
    }
    let cleaned: PathBuf = components.collect();
    if cleaned.as_os_str().is_empty() {
        path.to_path_buf()
    } else {
        cleaned
    }
}
