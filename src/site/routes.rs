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
    /// [`SiteIndex::lookup_route`], once per run: for the routes of the
    /// site's own address, to which pages link by the same few. (Links
    /// by path are resolved once per run where they start at the root,
    /// and are too many to remember where they do not.)
    pub fn lookup_route_once(&self, segments: &[String]) -> Lookup {
        if let Some(known) = self
            .routes
            .lock()
            .ok()
            .and_then(|m| m.get(segments).cloned())
        {
            return known;
        }
        let lookup = self.lookup_route(segments);
        if let Ok(mut routes) = self.routes.lock() {
            routes.insert(segments.to_vec(), lookup.clone());
        }
        lookup
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
                if let Some(real) = root.served_file(&c) {
                    return if is_page(real) {
                        Lookup::Page(PageRef {
                            root: i,
                            rel: real.to_string(),
                        })
                    } else {
                        Lookup::Exists
                    };
                }
            }
        }
        if p.is_empty() || self.roots.iter().any(|r| r.serves_dir(&p)) {
            return Lookup::Exists;
        }
        if !self.first_segment_known(segments) {
            return Lookup::Elsewhere;
        }
        if let Some(page) = self.aliases().get(p.trim_end_matches(".html")) {
            return Lookup::Page(page.clone());
        }
        let hint = self
            .page_case_hint(&route_candidates(&p))
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
    /// segments from the site's root. Files keep the case of their names.
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
        let hint = self
            .roots
            .iter()
            .find_map(|root| root.lower.get(&p.to_lowercase())?.first())
            .map(|real| format!("the file is `{real}` (the case differs)"));
        Lookup::Missing { hint }
    }

    /// Whether the first segment is a folder of any root (a single
    /// segment, a file at the top, counts only if the folder exists). The
    /// case of a Hugo folder does not matter here: a link to it in the
    /// wrong case is judged, and reported.
    fn first_segment_known(&self, segments: &[String]) -> bool {
        let Some(first) = segments.first() else {
            return false;
        };
        let lower = first.to_lowercase();
        self.roots.iter().any(|r| {
            r.dirs.contains(first) || (r.serves_lower_case() && r.lower_dirs.contains(&lower))
        })
    }

    /// A page that a route names but for the case of its letters, and the
    /// route it is served at.
    fn page_case_hint(&self, candidates: &[String]) -> Option<String> {
        for (i, root) in self.roots.iter().enumerate() {
            if !root.pages {
                continue;
            }
            for c in candidates {
                let Some(real) = root.lower.get(&c.to_lowercase()).and_then(|r| r.first()) else {
                    continue;
                };
                let page = PageRef {
                    root: i,
                    rel: real.clone(),
                };
                let route = self.served_route(&page);
                return Some(match root.layout {
                    Layout::Hugo => {
                        format!("Hugo serves this page in lower case, at `{route}`")
                    }
                    Layout::Middleman => format!(
                        "the page is served at `{route}` (Middleman keeps the case of file names)"
                    ),
                });
            }
        }
        None
    }

    /// A page in the same folder whose name is really like the one linked
    /// to (see [`names_alike`]).
    fn similar_page(&self, segments: &[String]) -> Option<String> {
        let (name, parent) = segments.split_last()?;
        let mut best: Option<(usize, String)> = None;
        for root in &self.roots {
            let (name, parent_route) = if root.serves_lower_case() {
                (name.to_lowercase(), parent.join("/").to_lowercase())
            } else {
                (name.clone(), parent.join("/"))
            };
            for candidate in root.names.get(&parent_route).into_iter().flatten() {
                let Some(distance) = names_alike(&name, candidate) else {
                    continue;
                };
                let better = best.as_ref().is_none_or(|(d, r)| {
                    distance < *d || (distance == *d && candidate.as_str() < r.as_str())
                });
                if better {
                    let mut route = vec![parent_route.clone()];
                    route.push(candidate.clone());
                    best = Some((distance, route.join("/")));
                }
            }
        }
        best.map(|(_, route)| format!("a page with a similar name exists: `/{route}/`"))
    }
}

/// Words that do not tell two page names apart (`vp-of-sales`,
/// `vp-sales`).
const FILLER_WORDS: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "the", "to"];

/// Whether two page names (route segments such as `director-sales`) are
/// alike enough that one was probably meant for the other, and how far
/// apart they are (smaller is closer). They are alike when they hold the
/// same words but for filler words, hyphens and order
/// (`vp-of-global-channels`, `global-channels-vp`), or differ by a slip of
/// typing: at most two edits in all, within a single word of a name of
/// several words (`managr` for `manager`), never a whole word swapped for
/// another (`area-sales-manager` is not `channel-sales-manager`).
pub(super) fn names_alike(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !FILLER_WORDS.contains(w))
            .map(str::to_lowercase)
            .collect();
        w.sort();
        w
    };
    let (wa, wb) = (words(a), words(b));
    if !wa.is_empty() && (wa == wb || wa.concat() == wb.concat()) {
        return Some(0);
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let allowed = match la.min(lb) {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    };
    // The distance is at least the difference in length: when that alone
    // is over the allowance, it is not worked out.
    if la.abs_diff(lb) > allowed {
        return None;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    if distance == 0 || distance > allowed {
        return None;
    }
    let (sa, sb): (Vec<&str>, Vec<&str>) = (a.split('-').collect(), b.split('-').collect());
    if sa.len() == sb.len() {
        let differing: Vec<(&str, &str)> = sa
            .iter()
            .zip(&sb)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| (*x, *y))
            .collect();
        // One word changed: it must still be recognisably that word.
        if let [(x, y)] = differing.as_slice() {
            let edits = strsim::damerau_levenshtein(x, y);
            if edits * 3 > x.chars().count().min(y.chars().count()) {
                return None;
            }
        }
    }
    Some(distance)
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
            Lookup::Page(page) => assert_eq!(page.rel, "a/Mixed-Case.md"),
            other => panic!("Hugo serves the page in lower case: {other:?}"),
        }
        match index.lookup_route(&segs("/a/Mixed-Case/")) {
            Lookup::Missing { hint: Some(hint) } => {
                assert!(hint.contains("`/a/mixed-case/`"), "{hint}")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(index.lookup_route(&segs("/A/folder/")), missing_hint(None));
        assert_eq!(
            index.lookup_file(&segs("/a/folder/image.png")),
            Lookup::Exists
        );
        assert!(matches!(
            index.lookup_file(&segs("/a/folder/other.png")),
            Lookup::Missing { .. }
        ));
    }

    fn missing_hint(hint: Option<&str>) -> Lookup {
        Lookup::Missing {
            hint: hint.map(String::from),
        }
    }

    #[test]
    fn middleman_routes_keep_the_case_of_file_names() {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("source/a/Mixed-Case.html.md");
        std::fs::create_dir_all(page.parent().expect("folder")).expect("folders");
        std::fs::write(&page, "## Levels\n").expect("page");
        let index = SiteIndex::build(&[dir.path().join("source")]);
        assert!(matches!(
            index.lookup_route(&segs("/a/Mixed-Case/")),
            Lookup::Page(_)
        ));
        assert_eq!(
            index.lookup_route(&segs("/a/mixed-case/")),
            missing_hint(Some(
                "the page is served at `/a/Mixed-Case/` (Middleman keeps the case of file names)"
            ))
        );
    }

    #[test]
    fn similar_pages_are_really_similar() {
        let (_dir, index) = tree(&[
            "content/s/channel-sales-manager.md",
            "content/s/director.md",
            "content/s/vp-global-channels.md",
        ]);
        let hint = |route: &str| match index.lookup_route(&segs(route)) {
            Lookup::Missing { hint } => hint,
            other => panic!("{route}: {other:?}"),
        };
        assert_eq!(hint("/s/area-sales-manager/"), None);
        assert_eq!(
            hint("/s/directr/"),
            Some("a page with a similar name exists: `/s/director/`".into())
        );
        assert_eq!(
            hint("/s/vp-of-global-channels/"),
            Some("a page with a similar name exists: `/s/vp-global-channels/`".into())
        );
        assert_eq!(
            hint("/s/channel-sales-managr/").map(|h| h.contains("channel-sales-manager/")),
            Some(true)
        );
    }

    #[test]
    fn names_alike_are_slips_not_other_words() {
        assert_eq!(names_alike("directr", "director"), Some(1));
        assert_eq!(
            names_alike("global-channels-vp", "vp-of-global-channels"),
            Some(0)
        );
        assert_eq!(names_alike("full-stack", "fullstack"), Some(0));
        assert_eq!(
            names_alike("area-sales-manager", "channel-sales-manager"),
            None
        );
        assert_eq!(
            names_alike("social-marketing-manager", "field-marketing-manager"),
            None
        );
        assert_eq!(names_alike("pr-manager", "sr-manager"), None);
        assert_eq!(names_alike("vp", "cpo"), None);
        assert_eq!(names_alike("director", "director"), None);
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
