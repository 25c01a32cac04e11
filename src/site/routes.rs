//! Routes: which file of the index a route or a file path names (as Hugo
//! and Middleman serve pages, and by the routes pages declare in their
//! front matter), and a hint when it names nothing.

use std::collections::HashMap;

use super::{Layout, Lookup, PageRef, SiteIndex};

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
pub(super) fn is_page(rel: &str) -> bool {
    [".md", ".markdown", ".md.erb", ".html", ".html.erb"]
        .iter()
        .any(|ext| rel.ends_with(ext))
}

impl SiteIndex {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::tests::{segs, tree};

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
}
