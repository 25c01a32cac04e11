//! What the bracket check reads of a unit of text (a heading, a list
//! item's own text, a paragraph): the ranges that are not prose (code
//! spans, HTML, link destinations, bare URLs) masked out, and the prose
//! characters around a position read across them.

use std::ops::Range;
use std::sync::LazyLock;

use crate::document::Document;
use crate::pattern::{self, CharClass};

/// The pattern of a bare URL, `(?i)\b(?:https?|ftp)://[^\s<>]*`, whose
/// matches [`bare_urls`] finds from each `://` without running a regex:
/// most units that hold a URL hold it in a link's destination, and a
/// regex search over the whole unit cost more than the rest of the
/// rule's reading.
#[cfg(test)]
const URL_PATTERN: &str = r"(?i)\b(?:https?|ftp)://[^\s<>]*";

/// The characters of a URL's schemes, each with the characters that match
/// it case-insensitively (`ſ` matches `s`), and what ends a URL.
struct UrlClasses {
    h: CharClass,
    t: CharClass,
    p: CharClass,
    s: CharClass,
    f: CharClass,
    word: CharClass,
    end: CharClass,
    /// Which ASCII characters are in `end`, by code.
    ascii_end: [bool; 128],
}

/// The classes of bare URLs, read once from the regex crate's tables.
static URL_CLASSES: LazyLock<UrlClasses> = LazyLock::new(|| {
    let class = |c: &str| CharClass::new(c).expect("a class");
    let end = class(r"[\s<>]");
    let ascii_end = std::array::from_fn(|code| {
        u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .is_some_and(|c| end.contains(c))
    });
    UrlClasses {
        h: class("(?i)[h]"),
        t: class("(?i)[t]"),
        p: class("(?i)[p]"),
        s: class("(?i)[s]"),
        f: class("(?i)[f]"),
        word: class(r"\w"),
        end,
        ascii_end,
    }
});

/// Reads the classes of bare URLs.
pub(super) fn prepare() {
    LazyLock::force(&URL_CLASSES);
}

/// The bare URLs in `text`: the matches, in order, of
/// `(?i)\b(?:https?|ftp)://[^\s<>]*`.
fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let classes = &*URL_CLASSES;
    let mut urls: Vec<Range<usize>> = Vec::new();
    let mut searched_to = 0;
    for colon in pattern::starts_of(text.as_bytes(), b"://") {
        if colon < searched_to {
            continue;
        }
        let Some(start) = scheme_start(classes, &text[..colon]) else {
            continue;
        };
        if start < searched_to {
            continue;
        }
        let end = url_end(classes, text, colon + 3);
        urls.push(start..end);
        searched_to = end;
    }
    urls
}

/// Where the URL whose address starts at byte `from` of `text` ends: at
/// the first character of [`UrlClasses::end`], or the end of the text.
fn url_end(classes: &UrlClasses, text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if classes.ascii_end[usize::from(b)] {
                return at;
            }
            at += 1;
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            if classes.end.contains(c) {
                return at;
            }
            at += c.len_utf8();
        }
    }
    at
}

/// Where the scheme that `before` ends with starts (`https`, `http` or
/// `ftp` in any case, after a character that is not a word character).
fn scheme_start(classes: &UrlClasses, before: &str) -> Option<usize> {
    // The last five characters, last first. At most one of the schemes
    // can end a text: their last letters or their third letters from the
    // end differ.
    let mut last = [(0usize, ' '); 5];
    let mut read = 0;
    for (slot, c) in last.iter_mut().zip(before.char_indices().rev()) {
        *slot = c;
        read += 1;
    }
    let letters = &last[..read];
    let is = |i: usize, class: &CharClass| letters.get(i).is_some_and(|&(_, c)| class.contains(c));
    let length = if is(0, &classes.s)
        && is(1, &classes.p)
        && is(2, &classes.t)
        && is(3, &classes.t)
        && is(4, &classes.h)
    {
        5
    } else if is(0, &classes.p) && is(1, &classes.t) && is(2, &classes.t) && is(3, &classes.h) {
        4
    } else if is(0, &classes.p) && is(1, &classes.t) && is(2, &classes.f) {
        3
    } else {
        return None;
    };
    let start = letters[length - 1].0;
    let after_word = before[..start]
        .chars()
        .next_back()
        .is_some_and(|c| classes.word.contains(c));
    (!after_word).then_some(start)
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
    mask.extend(bare_urls(text).into_iter().map(|url| {
        let start = unit.start + url.start;
        start..start + url_len(&text[url])
    }));
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
    fn bare_urls_are_the_matches_of_the_url_pattern() {
        let reference = regex::Regex::new(URL_PATTERN).expect("pattern");
        let pieces = [
            "https", "HTTP", "ftp", "FtP", "hTTpſ", "://", ":", "/", " ", "<", ">", "\u{a0}",
            "\u{2028}", "x", "é", "_", "ſ", "K", "s",
        ];
        let mut random = crate::testing::Lcg(2);
        let mut matched = 0;
        for _ in 0..5000 {
            let text = random.mutate("see https://x.y/a_(b) or <ftp://z>", &pieces, 4);
            let expected: Vec<Range<usize>> =
                reference.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(bare_urls(&text), expected, "{text:?}");
            matched += expected.len();
        }
        assert!(matched > 1000, "{matched}");
    }
}
