//! Links' exact spans: the text between the brackets and the destination
//! as written in the source (pulldown-cmark gives neither), for inline,
//! reference, autolink and e-mail links.

use std::ops::Range;

use pulldown_cmark::LinkType;

use super::Builder;
use crate::document::{Link, LinkKind};

impl Builder<'_> {
    /// A link as its start tag gives it; its spans are read when it
    /// closes.
    pub(super) fn new_link(
        &self,
        link_type: LinkType,
        dest: &str,
        span: Range<usize>,
        image: bool,
    ) -> Link {
        let kind = match link_type {
            LinkType::Inline => LinkKind::Inline,
            LinkType::Autolink => LinkKind::Autolink,
            LinkType::Email => LinkKind::Email,
            _ => LinkKind::Reference,
        };
        let text_start = span.start + if image { 2 } else { 1 };
        Link {
            kind,
            image,
            text: String::with_capacity(span.len().min(128)),
            span: span.clone(),
            text_span: text_start..text_start,
            destination: dest.to_string(),
            destination_span: span.end..span.end,
            label: None,
        }
    }

    /// Reads a closed link's text and destination spans from the source.
    pub(super) fn finish_link(&mut self, index: usize) {
        let source = self.source;
        let link = &self.links[index];
        let span = link.span.clone();
        match link.kind {
            LinkKind::Autolink | LinkKind::Email => {
                let inner = span.start + 1..span.end.saturating_sub(1).max(span.start + 1);
                let link = &mut self.links[index];
                link.text_span = inner.clone();
                link.destination_span = inner.clone();
                link.destination = source[inner].to_string();
            }
            LinkKind::Inline => {
                let close = closing_bracket(source, link.text_span.start, span.end);
                let link = &mut self.links[index];
                link.text_span = link.text_span.start..close;
                let (dest, dest_span) = destination_after(source, close, span.end);
                link.destination = dest;
                link.destination_span = dest_span;
            }
            LinkKind::Reference => {
                let close = closing_bracket(source, link.text_span.start, span.end);
                let rest = &source[close..span.end];
                let label = rest
                    .strip_prefix("][")
                    .and_then(|r| r.strip_suffix(']'))
                    .filter(|l| !l.is_empty())
                    .unwrap_or(&source[link.text_span.start..close])
                    .to_string();
                let definition = self
                    .definition_index
                    .get(&label.to_ascii_lowercase())
                    .and_then(|&i| self.reference_definitions.get(i));
                let dest_span = definition
                    .map(|d| {
                        let (_, dspan) = definition_destination(source, d.span.clone());
                        dspan
                    })
                    .unwrap_or(span.end..span.end);
                let link = &mut self.links[index];
                link.text_span = link.text_span.start..close;
                link.label = Some(label);
                if let Some(dest) = source.get(dest_span.clone()) {
                    if !dest_span.is_empty() {
                        link.destination = dest.to_string();
                    }
                }
                link.destination_span = dest_span;
            }
        }
    }
}

/// Offset of the `]` that closes link text opened just before `from`.
fn closing_bracket(source: &str, from: usize, end: usize) -> usize {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = from;
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                // Skip a code span: brackets inside do not count.
                let run = bytes[i..end].iter().take_while(|&&b| b == b'`').count();
                let fence = &source[i..i + run];
                match source[i + run..end].find(fence) {
                    Some(close) => i += run + close + run - 1,
                    None => i += run - 1,
                }
            }
            b'[' => depth += 1,
            b']' if depth == 0 => return i,
            b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    end
}

/// Reads the destination of an inline link from `](` at `close`.
fn destination_after(source: &str, close: usize, end: usize) -> (String, Range<usize>) {
    let mut start = close + 2; // skip "]("
    if start > end {
        return (String::new(), end..end);
    }
    let bytes = source.as_bytes();
    while start < end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    if start < end && bytes[start] == b'<' {
        let stop = source[start..end].find('>').map_or(end, |i| start + i);
        let span = start + 1..stop;
        return (source[span.clone()].to_string(), span);
    }
    let mut depth = 0usize;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b if b.is_ascii_whitespace() => break,
            _ => {}
        }
        i += 1;
    }
    let i = i.min(end);
    (source[start..i].to_string(), start..i)
}

/// The destination of a `[label]: destination` definition.
fn definition_destination(source: &str, span: Range<usize>) -> (String, Range<usize>) {
    let text = &source[span.clone()];
    let Some(colon) = text.find("]:") else {
        return (String::new(), span.end..span.end);
    };
    let mut start = span.start + colon + 2;
    let bytes = source.as_bytes();
    while start < span.end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    if start < span.end && bytes[start] == b'<' {
        let stop = source[start..span.end]
            .find('>')
            .map_or(span.end, |i| start + i);
        return (source[start + 1..stop].to_string(), start + 1..stop);
    }
    let stop = source[start..span.end]
        .find(|c: char| c.is_ascii_whitespace())
        .map_or(span.end, |i| start + i);
    (source[start..stop].to_string(), start..stop)
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse;

    #[test]
    fn link_destinations_have_exact_spans() {
        let src =
            "See [the *page*](/a\\_b/#x \"t\") and <https://x.y/z> and [r][lab].\n\n[lab]: /ref/\n";
        let doc = parse(src);
        assert_eq!(doc.links.len(), 3);
        assert_eq!(&src[doc.links[0].destination_span.clone()], "/a\\_b/#x");
        assert_eq!(doc.links[0].text, "the page");
        assert_eq!(&src[doc.links[0].text_span.clone()], "the *page*");
        assert_eq!(doc.links[1].destination, "https://x.y/z");
        assert_eq!(&src[doc.links[2].destination_span.clone()], "/ref/");
    }

    #[test]
    fn undefined_references_are_recorded() {
        let doc = parse("A [text][missing] and [b].\n");
        assert_eq!(doc.undefined_references.len(), 2);
        assert!(!doc.undefined_references[0].shortcut);
        assert!(doc.undefined_references[1].shortcut);
    }
}
