//! What the bracket check reads of a unit of text (a heading, a list
//! item's own text, a paragraph): the ranges that are not prose (code
//! spans, HTML, link destinations, bare URLs) masked out, and the prose
//! characters around a position read across them.

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta;

use crate::document::Document;
use crate::pattern::compile_gated;

/// A bare URL. It runs only on text that holds "://", so it is compiled
/// without a prefilter.
static URL: LazyLock<meta::Regex> =
    LazyLock::new(|| compile_gated(URL_PATTERN).expect("URL pattern is valid"));

/// [`URL`]'s pattern.
const URL_PATTERN: &str = r"(?i)\b(?:https?|ftp)://[^\s<>]*";

/// Compiles the pattern of bare URLs.
pub(super) fn prepare() {
    LazyLock::force(&URL);
}

/// Byte ranges inside `unit` that are not prose.
pub(super) fn masked(doc: &Document, unit: &Range<usize>) -> Vec<Range<usize>> {
    let mut mask: Vec<Range<usize>> = Vec::new();
    let overlaps = |r: &Range<usize>| r.start < unit.end && unit.start < r.end;
    // Code spans, HTML and links are in file order and do not overlap
    // each other within their kind: only the window around the unit is
    // looked at, so long pages stay linear.
    let code = &doc.code[doc.code.partition_point(|r| r.end <= unit.start)..];
    mask.extend(code.iter().take_while(|r| r.start < unit.end).cloned());
    let html = &doc.html[doc.html.partition_point(|h| h.span.end <= unit.start)..];
    mask.extend(
        html.iter()
            .take_while(|h| h.span.start < unit.end)
            .map(|h| h.span.clone())
            .filter(|r| overlaps(r)),
    );
    let links = &doc.links[doc.links.partition_point(|l| l.span.start < unit.start)..];
    for link in links.iter().take_while(|l| l.span.start < unit.end) {
        if link.text_span.is_empty() || link.text_span.start < link.span.start {
            mask.push(link.span.clone());
        } else {
            mask.push(link.span.start..link.text_span.start);
            mask.push(link.text_span.end..link.span.end);
        }
    }
    let text = doc.text(unit.clone());
    let may_hold_url = crate::pattern::contains(text.as_bytes(), b"://");
    mask.extend(
        URL.find_iter(if may_hold_url { text } else { "" })
            .map(|m| {
                let start = unit.start + m.start();
                start..start + url_len(&text[m.range()])
            }),
    );
    mask.sort_by_key(|r| (r.start, r.end));
    // Merge, so that `contains` can binary-search.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in mask {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The length of a bare URL without the punctuation that ends the
/// sentence around it: `(see https://x.y/a)` keeps its `)`, while
/// `https://x.y/a_(b)` is one URL.
fn url_len(url: &str) -> usize {
    let mut end = url.len();
    loop {
        let kept = &url[..end];
        let trimmed = kept.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '”', '’']);
        let unbalanced = |open: char, close: char| {
            trimmed.ends_with(close)
                && trimmed.matches(close).count() > trimmed.matches(open).count()
        };
        let trimmed = if unbalanced('(', ')') || unbalanced('[', ']') || unbalanced('{', '}') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == end {
            return end;
        }
        end = trimmed.len();
    }
}

/// A unit's text with its masked ranges (code, HTML, link destinations,
/// URLs) left out: the characters the rule reads.
pub(super) struct Prose<'a> {
    pub(super) text: &'a str,
    /// Offset of `text` in the file.
    pub(super) start: usize,
    /// Sorted, merged ranges that are not prose.
    pub(super) mask: &'a [Range<usize>],
}

impl Prose<'_> {
    /// The masked range that holds `at`, if any.
    fn mask_at(&self, at: usize) -> Option<&Range<usize>> {
        let i = self.mask.partition_point(|r| r.end <= at);
        self.mask.get(i).filter(|r| r.start <= at)
    }

    /// The prose character before offset `at`, and its offset.
    pub(super) fn before(&self, at: usize) -> Option<(usize, char)> {
        let mut end = at;
        loop {
            let c = self
                .text
                .get(..end.checked_sub(self.start)?)?
                .chars()
                .next_back()?;
            let pos = end - c.len_utf8();
            match self.mask_at(pos) {
                Some(r) => end = r.start.max(self.start).min(pos),
                None => return Some((pos, c)),
            }
        }
    }

    /// Where the prose character after the one at `at` starts.
    pub(super) fn next_start(&self, at: usize) -> Option<usize> {
        let c = self.text.get(at - self.start..)?.chars().next()?;
        let mut next = at + c.len_utf8();
        while let Some(r) = self.mask_at(next) {
            next = r.end;
        }
        (next < self.start + self.text.len()).then_some(next)
    }

    /// `:)`, `:-)`, `;)`, `:(`-style closers at `at`.
    pub(super) fn is_smiley(&self, at: usize) -> bool {
        let Some((p1, c1)) = self.before(at) else {
            return false;
        };
        matches!(c1, ':' | ';' | '=')
            || (c1 == '-'
                && self
                    .before(p1)
                    .is_some_and(|(_, c2)| matches!(c2, ':' | ';')))
    }

    /// `1)`, `a)`, `iv)` starting an enumeration at `at`: one to three
    /// letters or digits after whitespace or at the start.
    pub(super) fn is_enumerator(&self, at: usize) -> bool {
        let mut len = 0;
        let mut pos = at;
        loop {
            match self.before(pos) {
                Some((p, c)) if c.is_alphanumeric() => {
                    len += 1;
                    pos = p;
                    if len > 3 {
                        return false;
                    }
                }
                Some((_, c)) => return len >= 1 && c.is_whitespace(),
                None => return len >= 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_pattern_matches_as_the_regex_crate_does() {
        let reference = regex::Regex::new(URL_PATTERN).expect("pattern");
        let pieces = [
            "https", "HTTP", "ftp", "://", ":", "/", " ", "<", ">", "\u{a0}", "x", "é", "_",
        ];
        let mut random = crate::testing::Lcg(2);
        let mut matched = 0;
        for _ in 0..5000 {
            let text = random.mutate("see https://x.y/a_(b) or <ftp://z>", &pieces, 4);
            matched += crate::testing::assert_same_matches(&reference, &URL, &text);
        }
        assert!(matched > 1000, "{matched}");
    }
}
