//! Link destinations: what a destination as written names, and how the
//! site resolves it from the linking page.

use std::borrow::Cow;
use std::path::Path;

use super::{layout_of_page, scan, Layout, Lookup, PageRef, SiteIndex};
use crate::document::slug::KramdownDeduplicator;
use crate::document::{self, Document};

/// What a destination names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Nothing at all: `[text]()`.
    Empty,
    /// `#fragment` alone: this page.
    FragmentOnly,
    /// `https://host/path`, `http://…` or `//host/path`.
    Url {
        /// The host, lower-cased, port and user removed.
        host: String,
        /// The path, as written (`/handbook/x/`), possibly empty.
        path: String,
        /// What follows the path as written (`?q#f`), possibly empty.
        rest: String,
    },
    /// Another scheme: `mailto:`, `tel:`, `ftp:` …
    OtherScheme,
    /// A template expression (`{{< ref >}}`, `<%= %>`): not checked.
    Template,
    /// `/a/b/`: a route from the site's root (decoded).
    RootRelative(String),
    /// `../a/`, `x.md`, `img.png`: relative to the page (decoded).
    Relative(String),
}

/// A parsed link destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    /// What it names.
    pub target: Target,
    /// The fragment after `#`, decoded; `None` without a `#`.
    pub fragment: Option<String>,
    /// Byte offset of the fragment (just after the `#`) in the
    /// destination as written.
    pub fragment_offset: Option<usize>,
}

impl Destination {
    /// Parses a destination as written in the file (backslash escapes and
    /// `&amp;` kept).
    pub fn parse(written: &str) -> Destination {
        let hash = find_unescaped(written, b'#');
        let fragment = hash.map(|i| percent_decode(&unescape(&written[i + 1..])));
        let fragment_offset = hash.map(|i| i + 1);
        let target = Destination::target(written, hash);
        Destination {
            target,
            fragment,
            fragment_offset,
        }
    }

    fn target(written: &str, hash: Option<usize>) -> Target {
        let trimmed = written.trim();
        if trimmed.is_empty() {
            return Target::Empty;
        }
        let template = written.bytes().any(|b| matches!(b, b'{' | b'<' | b'%'))
            && written
                .as_bytes()
                .windows(2)
                .any(|w| matches!(w, b"{{" | b"<%" | b"%>"));
        if template {
            return Target::Template;
        }
        if hash == Some(0) {
            return Target::FragmentOnly;
        }
        let text = unescape(written);
        let before_fragment = match hash {
            Some(i) => unescape(&written[..i]),
            None => text.clone(),
        };
        if let Some(rest) = text.strip_prefix("//") {
            return url_target(rest);
        }
        if let Some(colon) = scheme_end(&text) {
            let scheme = text[..colon].to_ascii_lowercase();
            return match (scheme.as_str(), text[colon + 1..].strip_prefix("//")) {
                ("http" | "https", Some(rest)) => url_target(rest),
                _ => Target::OtherScheme,
            };
        }
        let path = before_fragment.split('?').next().unwrap_or("");
        let path = percent_decode(path);
        if path.starts_with('/') {
            Target::RootRelative(path)
        } else if path.is_empty() {
            // `?query` alone, or `?q#f`: this page.
            Target::FragmentOnly
        } else {
            Target::Relative(path)
        }
    }
}

/// Splits `host/path?q#f` (after `//`).
fn url_target(rest: &str) -> Target {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let after = &rest[end..];
    let path_end = after.find(['?', '#']).unwrap_or(after.len());
    Target::Url {
        host,
        path: after[..path_end].to_string(),
        rest: after[path_end..].to_string(),
    }
}

/// The offset of the `:` ending a URL scheme, if `text` starts with one.
fn scheme_end(text: &str) -> Option<usize> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-')))
    .then_some(colon)
}

fn find_unescaped(text: &str, byte: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == byte {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Resolves backslash escapes and `&amp;` (borrowing `text` when it has
/// neither).
fn unescape(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b == b'\\' || b == b'&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    Cow::Owned(out.replace("&amp;", "&"))
}

/// Decodes `%XX` escapes (invalid UTF-8 is replaced).
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

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

/// The anchors of the page being linted, from its own document: heading
/// anchors as `layout` computes them, `{#id}` attributes, and `id` /
/// `name` attributes in its HTML.
pub fn document_anchors(doc: &Document, layout: Layout) -> Vec<String> {
    let mut anchors: Vec<String> = match layout {
        Layout::Hugo => doc.headings.iter().map(|h| h.anchor.clone()).collect(),
        Layout::Middleman => {
            let mut dedup = KramdownDeduplicator::default();
            doc.headings
                .iter()
                .map(|h| {
                    let written = scan::heading_of_span(doc.text(h.span.clone()));
                    let rest = doc.source.get(h.span.end..).unwrap_or("");
                    let rest = rest
                        .strip_prefix("\r\n")
                        .or_else(|| rest.strip_prefix('\n'))
                        .unwrap_or(rest);
                    let next_line = rest.lines().next().unwrap_or("");
                    let ial = scan::block_ial_id(next_line);
                    match h.custom_id.clone().or(written.custom_id).or(ial) {
                        Some(id) => id,
                        None => dedup.unique(document::slug::kramdown(&written.raw)),
                    }
                })
                .collect()
        }
    };
    for html in &doc.html {
        scan::html_ids(doc.text(html.span.clone()), &mut anchors);
    }
    anchors
}

/// The layout of the page being linted.
pub fn page_layout(site: Option<&SiteIndex>, here: Option<&PageRef>, path: &Path) -> Layout {
    match (site, here) {
        (Some(site), Some(here)) => site.layout(here),
        _ => layout_of_page(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_destinations() {
        let d = Destination::parse("/job-families/sales/x/#senior-level");
        assert_eq!(
            d.target,
            Target::RootRelative("/job-families/sales/x/".into())
        );
        assert_eq!(d.fragment.as_deref(), Some("senior-level"));
        assert_eq!(d.fragment_offset, Some(23));
        let d = Destination::parse("#levels");
        assert_eq!(d.target, Target::FragmentOnly);
        let d = Destination::parse("https://About.GitLab.com:443/handbook/x/?a=1#f");
        assert_eq!(
            d.target,
            Target::Url {
                host: "about.gitlab.com".into(),
                path: "/handbook/x/".into(),
                rest: "?a=1#f".into()
            }
        );
        assert_eq!(
            Destination::parse("mailto:a@b.c").target,
            Target::OtherScheme
        );
        assert_eq!(Destination::parse("").target, Target::Empty);
        assert_eq!(
            Destination::parse("{{< ref \"x\" >}}").target,
            Target::Template
        );
        assert_eq!(
            Destination::parse("../a%20b/c\\_d.md?x").target,
            Target::Relative("../a b/c_d.md".into())
        );
        assert_eq!(Destination::parse("?tab=1").target, Target::FragmentOnly);
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%20b%C3%BC"), "a bü");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn classifies_paths() {
        assert!(path_kind("/a/b/") == PathKind::Route);
        assert!(path_kind("/a/b") == PathKind::Route);
        assert!(path_kind("/a/b.html") == PathKind::Route);
        assert!(path_kind("x.md") == PathKind::Markdown);
        assert!(path_kind("/images/a.png") == PathKind::Asset);
    }

    #[test]
    fn own_anchors_per_layout() {
        let src = "## 1. Levels\n\n## Levels\n{: #custom}\n\n## Job Grade {#grade}\n\nSetext & More\n---\n\n<a name=\"old\"></a>\n";
        let doc = Document::parse("page.html.md", src.to_string());
        assert_eq!(
            document_anchors(&doc, Layout::Middleman),
            vec!["levels", "custom", "grade", "setext--more", "old"]
        );
        assert_eq!(
            document_anchors(&doc, Layout::Hugo),
            vec!["1-levels", "levels", "grade", "setext--more", "old"]
        );
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
