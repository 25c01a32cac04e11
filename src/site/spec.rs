//! Where a run's content tree is: the content roots a configuration or
//! the working directory names (`content/`, `source/`, `sites/*/source/`),
//! and which site generator's layout each root, or a page outside any
//! root, is in.

use std::path::{Path, PathBuf};

use super::Layout;

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
