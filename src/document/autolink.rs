//! URLs written bare in prose. CommonMark leaves them as text, but Hugo's
//! renderer (goldmark with its linkify extension, as GitHub's "autolink
//! literals") turns `https://…` in a paragraph into a link.

use std::ops::Range;

use linkify::{LinkFinder, LinkKind};

use super::{Container, Document};

/// A URL written bare in prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BareUrl {
    /// Where it is, trailing punctuation excluded.
    pub span: Range<usize>,
    /// The URL as written.
    pub url: String,
}

impl Document {
    /// The `http://` and `https://` URLs written bare in the page's prose
    /// (paragraphs, list items, headings and table cells; not in links,
    /// code or HTML), in order. Sentence punctuation after a URL and a
    /// closing parenthesis that closes nothing in it are not part of it.
    pub fn bare_urls(&self) -> Vec<BareUrl> {
        let mut finder = LinkFinder::new();
        finder.kinds(&[LinkKind::Url]).url_must_have_scheme(true);
        let mut found = Vec::new();
        for run in &self.texts {
            if run.link.is_some() || matches!(run.container, Container::Other) {
                continue;
            }
            let written = self.text(run.span.clone());
            if !crate::pattern::contains(written.as_bytes(), b"://") {
                continue;
            }
            for link in finder.links(written) {
                let url = link.as_str();
                let scheme = url.split_once("://").map_or("", |(s, _)| s);
                if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                    continue;
                }
                let start = run.span.start + link.start();
                found.push(BareUrl {
                    span: start..start + url.len(),
                    url: url.to_string(),
                });
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(src: &str) -> Vec<String> {
        Document::parse("t.md", src.to_string())
            .bare_urls()
            .into_iter()
            .map(|u| u.url)
            .collect()
    }

    #[test]
    fn finds_bare_urls_in_prose_only() {
        let src = "See https://example.com/a/b/. Or (https://example.com/c) and\n\n\
                   - an item with http://example.org/z, then text\n\n\
                   [linked](https://example.com/d) <https://example.com/e> `https://example.com/f`\n\n\
                   ```\nhttps://example.com/g\n```\n\n<div>https://example.com/h</div>\n\nftp://example.com/i\n";
        assert_eq!(
            urls(src),
            vec![
                "https://example.com/a/b/",
                "https://example.com/c",
                "http://example.org/z"
            ]
        );
    }

    #[test]
    fn spans_point_at_the_url() {
        let src = "Intro: https://example.com/x!\n";
        let doc = Document::parse("t.md", src.to_string());
        let found = doc.bare_urls();
        assert_eq!(doc.text(found[0].span.clone()), "https://example.com/x");
    }
}
