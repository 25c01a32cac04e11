//! Resolving a destination from the linking page: a relative path is
//! joined to the page's route (or its folder on disk), a root-relative one
//! looked up from the site's root, and what either names is a page, a
//! file, nothing, or a place outside the content tree.

use std::path::Path;

use super::{Destination, Target};
use crate::site::{Lookup, PageRef, SiteIndex};

/// Where a link leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The linking page itself.
    ThisPage,
    /// Another page of the tree.
    Page(PageRef),
    /// A folder or file of the tree without anchors to check.
    Exists,
    /// Nothing in the tree.
    Missing {
        /// The route or file looked for, for the message.
        target: String,
        /// Help for the reader.
        hint: Option<String>,
    },
    /// Another site, a template, or a link that cannot be resolved
    /// offline: not checked.
    Unknown,
}

/// How a path is looked up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PathKind {
    /// A route: `/a/b/`, `/a/b`, `/a/b.html`.
    Route,
    /// A Markdown file: `x.md`.
    Markdown,
    /// Another file: `img.png`, `doc.pdf`.
    Asset,
}

fn path_kind(path: &str) -> PathKind {
    if path.ends_with('/') {
        return PathKind::Route;
    }
    let last = path.rsplit('/').next().unwrap_or("");
    let lower = last.to_ascii_lowercase();
    if [".md", ".markdown", ".md.erb"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        PathKind::Markdown
    } else if lower.ends_with(".html") || lower.ends_with(".htm") || !last.contains('.') {
        PathKind::Route
    } else {
        PathKind::Asset
    }
}

/// Applies `path` (relative, or `/`-rooted) to `base` segments, resolving
/// `.` and `..`. `None` if it climbs above the root.
fn join(base: &[String], path: &str) -> Option<Vec<String>> {
    let mut segments: Vec<String> = if path.starts_with('/') {
        Vec::new()
    } else {
        base.to_vec()
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            _ => segments.push(part.to_string()),
        }
    }
    Some(segments)
}

impl SiteIndex {
    /// Resolves `dest`, written in the page at `from_file` (`here` is its
    /// place in the index, if it is in the tree).
    pub fn resolve(
        &self,
        here: Option<&PageRef>,
        from_file: &Path,
        dest: &Destination,
    ) -> Resolution {
        let resolution = match &dest.target {
            Target::FragmentOnly => return Resolution::ThisPage,
            Target::RootRelative(path) => self.resolve_root(path),
            Target::Relative(path) => match here {
                Some(here) => {
                    let route = SiteIndex::route_of(here);
                    let mut dir: Vec<String> = here.rel.split('/').map(String::from).collect();
                    dir.pop();
                    self.resolve_path(&route, &dir, path)
                }
                None => resolve_on_disk(from_file, path),
            },
            _ => Resolution::Unknown,
        };
        match resolution {
            Resolution::Page(page) if Some(&page) == here => Resolution::ThisPage,
            other => other,
        }
    }

    /// Resolves a root-relative `path`, once per run.
    fn resolve_root(&self, path: &str) -> Resolution {
        if let Some(known) = self.resolved.lock().ok().and_then(|m| m.get(path).cloned()) {
            return known;
        }
        let resolution = self.resolve_path(&[], &[], path);
        if let Ok(mut memo) = self.resolved.lock() {
            memo.insert(path.to_string(), resolution.clone());
        }
        resolution
    }

    /// Resolves `path` from a page served at `route` whose file is in the
    /// folder `dir` (both empty for root-relative paths).
    fn resolve_path(&self, route: &[String], dir: &[String], path: &str) -> Resolution {
        let shown = |segments: &[String], slash: bool| {
            let joined = segments.join("/");
            if slash && !joined.is_empty() {
                format!("/{joined}/")
            } else {
                format!("/{joined}")
            }
        };
        let from_result = |lookup: Lookup, target: &dyn Fn() -> String| match lookup {
            Lookup::Page(page) => Resolution::Page(page),
            Lookup::Exists => Resolution::Exists,
            Lookup::Missing { hint } => Resolution::Missing {
                target: target(),
                hint,
            },
            Lookup::Elsewhere => Resolution::Unknown,
        };
        match path_kind(path) {
            PathKind::Route => {
                let Some(segments) = join(route, path) else {
                    return Resolution::Unknown;
                };
                let target = || shown(&segments, !path.ends_with(".html"));
                from_result(self.lookup_route(&segments), &target)
            }
            PathKind::Markdown => {
                let Some(segments) = join(dir, path) else {
                    return Resolution::Unknown;
                };
                let target = || shown(&segments, false);
                from_result(self.lookup_file(&segments), &target)
            }
            PathKind::Asset => {
                // Served next to the page's route, or next to its file, or
                // a page whose name has a dot.
                let by_route = join(route, path);
                let by_file = join(dir, path);
                let mut first_missing = None;
                for segments in [by_route.clone(), by_file].into_iter().flatten() {
                    match self.lookup_file(&segments) {
                        Lookup::Page(page) => return Resolution::Page(page),
                        Lookup::Exists => return Resolution::Exists,
                        Lookup::Missing { hint } => {
                            if first_missing.is_none() {
                                first_missing = Some((shown(&segments, false), hint));
                            }
                        }
                        Lookup::Elsewhere => {}
                    }
                }
                if let Some(segments) = by_route {
                    match self.lookup_route(&segments) {
                        Lookup::Page(page) => return Resolution::Page(page),
                        Lookup::Exists => return Resolution::Exists,
                        _ => {}
                    }
                }
                match first_missing {
                    Some((target, hint)) => Resolution::Missing { target, hint },
                    None => Resolution::Unknown,
                }
            }
        }
    }
}

/// A relative link from a page outside any content root: only files next
/// to the page can be checked.
fn resolve_on_disk(from_file: &Path, path: &str) -> Resolution {
    if path_kind(path) == PathKind::Route {
        return Resolution::Unknown;
    }
    let dir = from_file.parent().unwrap_or(Path::new(""));
    let target = dir.join(path);
    if target.exists() {
        Resolution::Exists
    } else {
        Resolution::Missing {
            target: path.to_string(),
            hint: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        assert!(path_kind("/a/b/") == PathKind::Route);
        assert!(path_kind("/a/b") == PathKind::Route);
        assert!(path_kind("/a/b.html") == PathKind::Route);
        assert!(path_kind("x.md") == PathKind::Markdown);
        assert!(path_kind("/images/a.png") == PathKind::Asset);
    }

    #[test]
    fn joins_relative_paths() {
        let base = vec!["a".to_string(), "b".to_string()];
        assert_eq!(join(&base, "../c/"), Some(vec!["a".into(), "c".into()]));
        assert_eq!(
            join(&base, "./d"),
            Some(vec!["a".into(), "b".into(), "d".into()])
        );
        assert_eq!(join(&base, "/x"), Some(vec!["x".into()]));
        assert_eq!(join(&base, "../../../x"), None);
    }
}
