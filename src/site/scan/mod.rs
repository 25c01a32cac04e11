//! A cheap line scan for the anchors of a page that is only a link target:
//! ATX and setext headings outside fenced code, `{#id}` attributes, and
//! `id` / `name` attributes of HTML tags. No Markdown parse.
//!
//! Heading lines and their attributes are read in [`headings`], a
//! heading's text as Hugo makes its anchor from it in [`plain_text`], and
//! the routes a page's front matter declares in [`front_matter`].

mod front_matter;
mod headings;
mod plain_text;

use std::sync::LazyLock;

use regex::Regex;

use super::Layout;
use crate::document::slug::{self, Deduplicator, KramdownDeduplicator};

use front_matter::front_matter_end;
pub use front_matter::{front_matter, front_matter_routes};
pub use headings::{atx, block_ial_id, heading_of_span, with_attribute};
pub use plain_text::plain_text;

/// A heading found by the scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScannedHeading {
    /// The heading's text as written (markup kept, attribute removed).
    pub raw: String,
    /// A `{#id}` attribute.
    pub custom_id: Option<String>,
}

/// What the scan finds in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Headings, in order.
    pub headings: Vec<ScannedHeading>,
    /// `id` and `name` attributes of HTML tags.
    pub html_ids: Vec<String>,
}

static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||<|\{\{|[-*_][ \t]*[-*_][ \t]*[-*_])")
        .unwrap_or_else(|_| unreachable!())
});

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)>").unwrap_or_else(|_| unreachable!())
});

static TAG_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:^|\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
        .unwrap_or_else(|_| unreachable!())
});

/// Scans a page's source.
pub fn scan(source: &str) -> Scan {
    let mut out = Scan::default();
    let body = &source[front_matter_end(source)..];
    let mut fence: Option<(char, usize)> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    let mut after_heading = false;
    for line in lines(body) {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some((ch, len)) = fence {
            let run = trimmed.chars().take_while(|&c| c == ch).count();
            if indent <= 3 && run >= len && trimmed[run * ch.len_utf8()..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if indent <= 3 {
            if let Some(ch) = trimmed.chars().next().filter(|c| *c == '`' || *c == '~') {
                let run = trimmed.chars().take_while(|&c| c == ch).count();
                if run >= 3 {
                    fence = Some((ch, run));
                    paragraph.clear();
                    continue;
                }
            }
        }
        html_ids(line, &mut out.html_ids);
        if line.trim().is_empty() {
            paragraph.clear();
            after_heading = false;
            continue;
        }
        if let Some(heading) = atx(line) {
            out.headings.push(heading);
            paragraph.clear();
            after_heading = true;
            continue;
        }
        if after_heading {
            after_heading = false;
            if let Some(id) = block_ial_id(line) {
                if let Some(last) = out.headings.last_mut() {
                    last.custom_id = Some(id);
                }
                continue;
            }
        }
        if !paragraph.is_empty() && is_underline(line) {
            let text = paragraph.iter().map(|l| l.trim()).collect::<Vec<_>>();
            out.headings.push(with_attribute(&text.join(" ")));
            paragraph.clear();
            after_heading = true;
            continue;
        }
        if indent >= 4 && paragraph.is_empty() {
            continue; // indented code
        }
        if starts_block(line) {
            paragraph.clear();
            continue;
        }
        paragraph.push(line);
    }
    out
}

/// The anchors a page's headings and HTML give, as `layout` computes them.
pub fn anchors(source: &str, layout: Layout) -> Vec<String> {
    let scan = scan(source);
    let mut anchors = Vec::with_capacity(scan.headings.len() + scan.html_ids.len());
    match layout {
        Layout::Hugo => {
            let mut dedup = Deduplicator::default();
            for h in &scan.headings {
                let anchor = match &h.custom_id {
                    Some(id) => id.clone(),
                    None => slug::hugo(&plain_text(&h.raw)),
                };
                anchors.push(dedup.unique(anchor));
            }
        }
        Layout::Middleman => {
            let mut dedup = KramdownDeduplicator::default();
            for h in &scan.headings {
                match &h.custom_id {
                    Some(id) => anchors.push(id.clone()),
                    None => anchors.push(dedup.unique(slug::kramdown(&h.raw))),
                }
            }
        }
    }
    anchors.extend(scan.html_ids);
    anchors
}

/// The lines of `text` as [`str::lines`] gives them (a `\r` before the
/// `\n` dropped, no empty line after a final `\n`), found with vector
/// searches.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

/// Whether `line` is a setext underline: up to three spaces, a run of
/// `=` or of `-`, then only spaces and tabs.
pub(super) fn is_underline(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let Some(c) = trimmed.chars().next().filter(|c| matches!(c, '=' | '-')) else {
        return false;
    };
    trimmed
        .trim_start_matches(c)
        .trim_start_matches([' ', '\t'])
        .is_empty()
}

/// Whether `line` starts a block that ends a paragraph, as the
/// `BLOCK_START` pattern says: a list marker, a quote, a table row, HTML,
/// a `{{` shortcode or a thematic break, after up to three spaces. The
/// pattern itself runs only where a non-ASCII digit could take part.
fn starts_block(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let bytes = trimmed.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let blank = |b: Option<&u8>| matches!(b, Some(b' ' | b'\t'));
    let rule_mark = |b: Option<&u8>| matches!(b, Some(b'-' | b'*' | b'_'));
    match first {
        b'>' | b'|' | b'<' => true,
        b'{' => bytes.get(1) == Some(&b'{'),
        b'-' | b'*' | b'+' | b'_' => {
            if first != b'_' && blank(bytes.get(1)) {
                return true;
            }
            if first == b'+' {
                return false;
            }
            // A thematic break: three marks, spaces and tabs between.
            let mut i = 1;
            for _ in 0..2 {
                while blank(bytes.get(i)) {
                    i += 1;
                }
                if !rule_mark(bytes.get(i)) {
                    return false;
                }
                i += 1;
            }
            true
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b) if !b.is_ascii() => BLOCK_START.is_match(line),
                Some(b'.' | b')') => (1..=9).contains(&digits) && blank(bytes.get(digits + 1)),
                _ => false,
            }
        }
        b if !b.is_ascii() => BLOCK_START.is_match(line),
        _ => false,
    }
}

/// Adds the `id` attributes of HTML tags in `text`, and the `name`
/// attributes of `<a>` tags, to `out`.
pub fn html_ids(text: &str, out: &mut Vec<String>) {
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return;
    }
    for tag in TAG.captures_iter(text) {
        let name = tag.get(1).map_or("", |m| m.as_str());
        let attrs = tag.get(2).map_or("", |m| m.as_str());
        for attr in TAG_ATTR.captures_iter(attrs) {
            let key = attr.get(1).map_or("", |m| m.as_str());
            if key.eq_ignore_ascii_case("name") && !name.eq_ignore_ascii_case("a") {
                continue;
            }
            let value = attr
                .get(2)
                .or_else(|| attr.get(3))
                .or_else(|| attr.get(4))
                .map_or("", |m| m.as_str());
            if !value.is_empty() {
                out.push(value.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_starts_and_underlines_read_as_the_patterns_read_them() {
        let underline = Regex::new(r"^ {0,3}(=+|-+)[ \t]*$").expect("pattern");
        for line in [
            "- item",
            "-item",
            "* item",
            "+ item",
            "+item",
            "_ _ _",
            "- - -",
            "*\t*  *",
            "-- -x",
            "__",
            "1. one",
            "1) one",
            "1.one",
            "1234567890. ten",
            "123456789. nine",
            "١. arabic",
            "1٣. mixed",
            "> quote",
            "| a |",
            "<div>",
            "{{< x >}}",
            "{x",
            "   - three",
            "    - four",
            "plain",
            "",
            "   ",
            "===",
            "--- ",
            "- -",
            "== =",
            "   ---",
            "    ---",
            "=-",
        ] {
            assert_eq!(starts_block(line), BLOCK_START.is_match(line), "{line:?}");
            assert_eq!(is_underline(line), underline.is_match(line), "{line:?}");
        }
    }

    #[test]
    fn finds_atx_and_setext_headings_outside_code() {
        let src = "---\ntitle: \"# not a heading\"\n---\n# One\n\n## Two ##\n\n```\n## In code\n```\n\nSetext\n======\n\nAnother\nline\n---\n\n- item\n---\n    ## indented code\n~~~~\n# code\n~~~~\n### Three {#three-id .x}\n";
        let scan = scan(src);
        let raw: Vec<&str> = scan.headings.iter().map(|h| h.raw.as_str()).collect();
        assert_eq!(raw, vec!["One", "Two", "Setext", "Another line", "Three"]);
        assert_eq!(scan.headings[4].custom_id.as_deref(), Some("three-id"));
    }

    #[test]
    fn finds_html_anchors() {
        let mut ids = Vec::new();
        html_ids(
            "<a name=\"old-name\"></a> <a id='x1'>t</a> <div id=box></div> <input name=\"no\">",
            &mut ids,
        );
        assert_eq!(ids, vec!["old-name", "x1", "box"]);
    }

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "a\rb\n\r",
            "\r\n\r\n",
            "ü — x\n\nÿ\r\n  ## Héading\n",
            "tail without newline\r",
        ] {
            let ours: Vec<&str> = lines(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn anchors_per_layout() {
        let src = "## 1. Levels\n## Levels\n## Levels\n## Levels\n{: #custom}\n## [Hiring](/handbook/hiring/)\n<a name=\"legacy\"></a>\n";
        assert_eq!(
            anchors(src, Layout::Hugo),
            vec!["1-levels", "levels", "levels-1", "custom", "hiring", "legacy"]
        );
        assert_eq!(
            anchors(src, Layout::Middleman),
            vec![
                "levels",
                "levels-1",
                "levels-2",
                "custom",
                "hiringhandbookhiring",
                "legacy"
            ]
        );
    }
}
