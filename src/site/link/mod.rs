//! Link destinations: what a destination as written names, and how the
//! site resolves it from the linking page.
//!
//! This module parses a destination ([`Destination::parse`]); [`resolve`]
//! finds what it names in the site index, and [`anchors`] lists the
//! anchors a parsed page gives its own headings and HTML.

mod anchors;
mod resolve;

use std::borrow::Cow;

pub use anchors::{document_anchors, page_layout};
pub use resolve::Resolution;

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
}
