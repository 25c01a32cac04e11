//! The anchors a parsed page gives its own headings and HTML, as the
//! page's site generator computes them (the site index scans other pages'
//! files instead; see [`scan`](crate::site::scan)).

use std::path::Path;

use crate::document::slug::KramdownDeduplicator;
use crate::document::{self, Document};
use crate::site::{layout_of_page, scan, Layout, PageRef, SiteIndex};

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
    use super::{document_anchors, Document, Layout};

    /// Headings whose anchors differ between the generators: a leading
    /// number, a kramdown block attribute, a goldmark attribute, a setext
    /// heading with an ampersand, and an HTML anchor.
    const PAGE: &str = "## 1. Levels\n\n## Levels\n{: #custom}\n\n## Job Grade {#grade}\n\nSetext & More\n---\n\n<a name=\"old\"></a>\n";

    #[test]
    fn own_anchors_per_layout() {
        let doc = Document::parse("page.html.md", PAGE.to_string());
        assert_eq!(
            document_anchors(&doc, Layout::Middleman),
            vec!["levels", "custom", "grade", "setext--more", "old"]
        );
        assert_eq!(
            document_anchors(&doc, Layout::Hugo),
            vec!["1-levels", "levels", "grade", "setext--more", "old"]
        );
    }
}
