//! Pages' paths made canonical, to place a linted page in the index: each
//! folder is made canonical once (a system call a path component) and
//! shared by the threads linting pages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::SiteIndex;

impl SiteIndex {
    /// [`CanonicalFolders::of`], with the folders shared by the threads
    /// linting pages.
    pub(super) fn canonical(&self, path: &Path) -> Option<PathBuf> {
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
