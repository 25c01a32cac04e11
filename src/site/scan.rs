//! A cheap line scan for the anchors of a page that is only a link target:
//! ATX and setext headings outside fenced code, `{#id}` attributes, and
//! `id` / `name` attributes of HTML tags. No Markdown parse.

use std::sync::LazyLock;

use regex::Regex;

use super::Layout;
use crate::document::slug::{self, Deduplicator, KramdownDeduplicator};

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

static CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[ \t]+)#+[ \t]*$").unwrap_or_else(|_| unreachable!()));
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ \t]*\{:?[ \t]*([^{}]*)\}[ \t]*$").unwrap_or_else(|_| unreachable!())
});
static ATTRIBUTE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)#([^\s}#.]+)").unwrap_or_else(|_| unreachable!()));
static BLOCK_IAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}\{:[ \t]*([^{}]*)\}[ \t]*$").unwrap_or_else(|_| unreachable!())
});
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

/// The routes a Hugo front matter (YAML or TOML) gives its page besides
/// its file's: `url` and the `aliases` list.
pub fn front_matter_routes(front_matter: &str) -> Vec<String> {
    let mut routes = Vec::new();
    let mut in_aliases = false;
    for line in front_matter.lines() {
        let trimmed = line.trim();
        if in_aliases {
            if let Some(item) = trimmed.strip_prefix("- ") {
                push_value(item, &mut routes);
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            in_aliases = false;
        }
        if line.starts_with([' ', '\t']) {
            continue; // nested keys
        }
        let Some((key, value)) = trimmed.split_once([':', '=']) else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "url" => push_value(value, &mut routes),
            "aliases" if value.is_empty() => in_aliases = true,
            "aliases" => {
                let list = value.trim_start_matches('[').trim_end_matches(']');
                for item in list.split(',') {
                    push_value(item, &mut routes);
                }
            }
            _ => {}
        }
    }
    routes
}

fn push_value(value: &str, out: &mut Vec<String>) {
    let value = value.split(" #").next().unwrap_or(value).trim();
    let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
    if !value.is_empty() {
        out.push(value.to_string());
    }
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

/// Where the body starts after a `---` (YAML) or `+++` (TOML) front matter.
fn front_matter_end(source: &str) -> usize {
    split_front_matter(source).map_or(0, |(_, end)| end)
}

/// The front matter of a page: the lines between an opening `---` (YAML)
/// or `+++` (TOML) line and the matching closing line.
pub fn front_matter(source: &str) -> Option<&str> {
    split_front_matter(source).map(|(text, _)| text)
}

/// The front matter's text and the offset where the body starts after
/// it; `None` without an opening line or without its closing line.
fn split_front_matter(source: &str) -> Option<(&str, usize)> {
    let source_trimmed = source.strip_prefix('\u{feff}').unwrap_or(source);
    let bom = source.len() - source_trimmed.len();
    let mut lines = source_trimmed.split_inclusive('\n');
    let first = lines.next()?;
    let delimiter = first.trim_end();
    if delimiter != "---" && delimiter != "+++" {
        return None;
    }
    let start = bom + first.len();
    let mut offset = start;
    for line in lines {
        let line_start = offset;
        offset += line.len();
        if line.trim_end() == delimiter {
            return Some((&source[start..line_start], offset));
        }
    }
    None
}

/// The `#id` of a kramdown block attribute line (`{: #id .class}`), which
/// gives the heading just above it its id.
pub fn block_ial_id(line: &str) -> Option<String> {
    let inner = BLOCK_IAL.captures(line)?.get(1)?.as_str();
    let id = ATTRIBUTE_ID.captures(inner)?.get(1)?;
    Some(id.as_str().to_string())
}

/// An ATX heading line: up to three spaces, one to six `#`, then the end
/// of the line or a space or tab; the text is what follows, spaces and
/// tabs trimmed.
pub fn atx(line: &str) -> Option<ScannedHeading> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let marks = trimmed.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&marks) {
        return None;
    }
    let rest = &trimmed[marks..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim_matches([' ', '\t']);
    let closing = content.trim_end_matches([' ', '\t']).ends_with('#');
    let content = match closing.then(|| CLOSING.find(content)).flatten() {
        Some(m) => &content[..m.start()],
        None => content,
    };
    Some(with_attribute(content))
}

/// Splits a trailing `{#id}` (goldmark) or `{: #id}` (kramdown) attribute
/// off a heading's text.
pub fn with_attribute(text: &str) -> ScannedHeading {
    let attribute = text.trim_end_matches([' ', '\t']).ends_with('}');
    if let Some(caps) = attribute.then(|| ATTRIBUTE.captures(text)).flatten() {
        let inner = caps.get(1).map_or("", |m| m.as_str());
        if let Some(id) = ATTRIBUTE_ID.captures(inner).and_then(|c| c.get(1)) {
            let start = caps.get(0).map_or(text.len(), |m| m.start());
            return ScannedHeading {
                raw: text[..start].trim().to_string(),
                custom_id: Some(id.as_str().to_string()),
            };
        }
    }
    ScannedHeading {
        raw: text.trim().to_string(),
        custom_id: None,
    }
}

/// Whether `line` is a setext underline: up to three spaces, a run of
/// `=` or of `-`, then only spaces and tabs.
fn is_underline(line: &str) -> bool {
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

/// A heading as written in `source` (the heading's whole span): markers,
/// closing sequence and setext underline removed, a trailing `{#id}` or
/// `{: #id}` attribute split off. kramdown makes its anchor from the raw
/// text.
pub fn heading_of_span(source: &str) -> ScannedHeading {
    let mut lines: Vec<&str> = source.lines().filter(|l| !l.trim().is_empty()).collect();
    if let Some(first) = lines.first() {
        if let Some(h) = atx(first) {
            return h;
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| is_underline(l)) {
        lines.pop();
    }
    let text: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
    with_attribute(&text.join(" "))
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

static IMAGE_OR_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])").unwrap_or_else(|_| unreachable!())
});
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[a-zA-Z][^<>]*>|<!--.*?-->").unwrap_or_else(|_| unreachable!())
});
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>").unwrap_or_else(|_| unreachable!())
});
static EMPHASIS_UNDERSCORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}])(_+)|(_+)(?:[^\p{L}\p{N}_]|$)")
        .unwrap_or_else(|_| unreachable!())
});

/// A heading's text as a reader sees it, roughly: link and image markup,
/// HTML tags, code backticks, emphasis markers, escapes and the common
/// entities resolved. This is what Hugo makes its anchor from.
pub fn plain_text(raw: &str) -> String {
    let markup = |b: u8| matches!(b, b'<' | b'[' | b'_' | b'\\' | b'*' | b'`' | b'~' | b'&');
    if !raw.bytes().any(markup) {
        return raw.to_string(); // nothing in `marked_plain_text` applies
    }
    marked_plain_text(raw)
}

/// [`plain_text`] of a heading that holds some markup character.
fn marked_plain_text(raw: &str) -> String {
    let text = if raw.contains('<') {
        AUTOLINK.replace_all(raw, "$1")
    } else {
        raw.into()
    };
    let text = if text.contains('[') {
        IMAGE_OR_LINK.replace_all(&text, "$1")
    } else {
        text.as_ref().into()
    };
    let text = if text.contains('<') {
        HTML_TAG.replace_all(&text, "")
    } else {
        text.as_ref().into()
    };
    let text = strip_underscore_emphasis(&text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(&next) = chars.peek() {
                    if next.is_ascii_punctuation() {
                        out.push(next);
                        chars.next();
                        continue;
                    }
                }
                out.push(c);
            }
            '*' | '`' => {}
            '~' if chars.peek() == Some(&'~') => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    decode_entities(&out)
}

fn strip_underscore_emphasis(text: &str) -> String {
    if !text.contains('_') {
        return text.to_string();
    }
    let mut remove = vec![false; text.len()];
    for caps in EMPHASIS_UNDERSCORE.captures_iter(text) {
        for group in [caps.get(1), caps.get(2)].into_iter().flatten() {
            for flag in &mut remove[group.range()] {
                *flag = true;
            }
        }
    }
    text.char_indices()
        .filter(|(i, _)| !remove[*i])
        .map(|(_, c)| c)
        .collect()
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
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
    fn reads_routes_from_front_matter() {
        let yaml = "title: X\nurl: /jobs/x/\naliases:\n  - /old/x/\n  - \"/older/x\"\nlevels:\n  url: nested\n";
        assert_eq!(
            front_matter_routes(yaml),
            vec!["/jobs/x/", "/old/x/", "/older/x"]
        );
        let toml = "title = \"X\"\naliases = [\"/a/\", \"/b/\"]\n";
        assert_eq!(front_matter_routes(toml), vec!["/a/", "/b/"]);
        assert_eq!(front_matter_routes("aliases: [/c/, d]\n"), vec!["/c/", "d"]);
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

    #[test]
    fn plain_text_without_markup_is_the_text() {
        for raw in [
            "Senior Manager",
            "Levels (Intermediate)",
            "Ünïcode — 1. #x {y}",
            "",
            " a ",
        ] {
            assert_eq!(plain_text(raw), marked_plain_text(raw), "{raw:?}");
        }
    }

    #[test]
    fn plain_text_removes_markup() {
        assert_eq!(plain_text("**Senior** `Manager`"), "Senior Manager");
        assert_eq!(plain_text("[Link](/x/) and ![img](a.png)"), "Link and img");
        assert_eq!(plain_text("_snake_case_ word"), "snake_case word");
        assert_eq!(plain_text("A &amp; B \\* C"), "A & B * C");
        assert_eq!(plain_text("Title <span>here</span>"), "Title here");
    }

    #[test]
    fn headings_of_spans() {
        assert_eq!(heading_of_span("## Levels ##\n").raw, "Levels");
        assert_eq!(heading_of_span("Setext *x*\n---\n").raw, "Setext *x*");
        let h = heading_of_span("### A {: #b}\n");
        assert_eq!((h.raw.as_str(), h.custom_id.as_deref()), ("A", Some("b")));
    }
}
