//! Heading lines as the scan reads them: ATX headings (markers and a
//! closing sequence removed), setext headings given by their span, and
//! the `{#id}` (goldmark) or `{: #id}` (kramdown) attributes that give a
//! heading its id.

use std::sync::LazyLock;

use regex::Regex;

use super::{is_underline, ScannedHeading};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_spans() {
        assert_eq!(heading_of_span("## Levels ##\n").raw, "Levels");
        assert_eq!(heading_of_span("Setext *x*\n---\n").raw, "Setext *x*");
        let h = heading_of_span("### A {: #b}\n");
        assert_eq!((h.raw.as_str(), h.custom_id.as_deref()), ("A", Some("b")));
    }
}
