//! One page as the editor requests see it: parsed once per version into
//! the document and job-family models, with what lies at a position.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use lsp_types::{Position, Range as LspRange};

use super::convert::Text;
use crate::document::{Document, Link};
use crate::family::{Extends, JobFamily, ListKind};
use crate::site::{heading_anchors, Layout};

/// A parsed page.
#[derive(Debug)]
pub struct Page {
    /// The page, parsed.
    pub doc: Document,
    /// Its job-family model.
    pub family: JobFamily,
}

impl Page {
    /// Parses `text`, the page at `path`.
    pub fn new(path: PathBuf, text: Arc<String>) -> Page {
        let doc = Document::parse(path, text);
        let family = JobFamily::build(&doc);
        Page { doc, family }
    }

    /// The text with its line index, for converting positions.
    pub fn text(&self) -> Text<'_> {
        Text::with_lines(&self.doc.source, self.doc.lines.clone())
    }

    /// The byte offset of a protocol position.
    pub fn offset(&self, position: Position) -> usize {
        self.text().offset(position)
    }

    /// The protocol range of a byte range.
    pub fn range(&self, span: Range<usize>) -> LspRange {
        self.text().range(span)
    }

    /// The anchors of the headings under `layout`, one per heading.
    pub fn heading_anchors(&self, layout: Layout) -> Vec<String> {
        heading_anchors(&self.doc, layout)
    }

    /// The level whose heading line holds `offset`.
    pub fn level_heading_at(&self, offset: usize) -> Option<usize> {
        self.family.levels.iter().position(|level| {
            level
                .heading
                .is_some_and(|h| touches(&self.doc.headings[h].span, offset))
        })
    }

    /// The "Extends" reference whose text holds `offset`, with its level.
    pub fn extends_at(&self, offset: usize) -> Option<(usize, &Extends)> {
        self.family
            .levels
            .iter()
            .enumerate()
            .flat_map(|(i, level)| level.extends.iter().map(move |e| (i, e)))
            .find(|(_, e)| touches(&e.reference_span, offset))
    }

    /// The link whose text or destination holds `offset`.
    pub fn link_at(&self, offset: usize) -> Option<&Link> {
        self.doc
            .links
            .iter()
            .find(|link| touches(&link.span, offset) || touches(&link.destination_span, offset))
    }

    /// The link of the grade sentence that holds `offset` ("The Senior
    /// Analyst is a [grade 7](…)").
    pub fn grade_link_at(&self, offset: usize) -> Option<&Link> {
        let grade = self
            .family
            .levels
            .iter()
            .filter_map(|level| level.grade.as_ref())
            .find(|grade| touches(&grade.span, offset))?;
        let number = grade.number_span.start;
        self.doc
            .links
            .iter()
            .find(|link| link.span.contains(&number))
    }

    /// The level whose part of the page holds `offset`.
    pub fn level_at(&self, offset: usize) -> Option<usize> {
        self.family
            .levels
            .iter()
            .position(|level| !level.is_implicit() && level.span.contains(&offset))
    }

    /// The list of a level that `offset` sits in: the list holding the
    /// item there, else the last list introduced before it in its level.
    pub fn list_at(&self, offset: usize) -> Option<(usize, ListKind)> {
        let level_index = self
            .level_at(offset)
            .or_else(|| (self.family.levels.len() == 1).then_some(0))?;
        let level = &self.family.levels[level_index];
        let kinds = [
            ListKind::Responsibilities,
            ListKind::Requirements,
            ListKind::PerformanceIndicators,
        ];
        let item = self
            .doc
            .items
            .iter()
            .rposition(|item| item.span.start <= offset && offset <= item.span.end);
        if let Some(item) = item {
            let holding = kinds.into_iter().find(|&kind| {
                level
                    .list(kind)
                    .is_some_and(|list| list.items.contains(&item))
            });
            if let Some(kind) = holding {
                return Some((level_index, kind));
            }
        }
        kinds
            .into_iter()
            .filter_map(|kind| Some((kind, level.list(kind)?.span.start)))
            .filter(|(_, start)| *start <= offset)
            .max_by_key(|(_, start)| *start)
            .map(|(kind, _)| (level_index, kind))
    }
}

/// Whether `offset` lies in `span` or at its end (a cursor just after
/// the last character is still on it).
pub fn touches(span: &Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset <= span.end && !span.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\ntitle: Analyst\n---\n\nAnalysts analyse.\n\n## Levels\n\n### Analyst\n\nThe Analyst is a [grade 6](/grades/#six).\n\n#### Responsibilities\n\n- Read data\n\n### Senior Analyst\n\nThe Senior Analyst is a [grade 7](/grades/#seven).\n\n#### Responsibilities\n\n- Extends the Analyst responsibilities\n- Lead reviews\n\n#### Requirements\n\n- Extends the Analyst requirements\n- \n";

    fn page() -> Page {
        Page::new(PathBuf::from("analyst.md"), Arc::new(PAGE.to_string()))
    }

    fn at(needle: &str) -> usize {
        PAGE.find(needle).expect("in the page")
    }

    #[test]
    fn finds_what_lies_at_an_offset() {
        let page = page();
        assert_eq!(page.level_heading_at(at("### Senior") + 6), Some(1));
        assert_eq!(page.level_heading_at(at("Read data")), None);
        let (level, extends) = page
            .extends_at(at("Analyst responsibilities") + 2)
            .expect("a reference");
        assert_eq!((level, extends.target), (1, Some(0)));
        let link = page
            .grade_link_at(at("Senior Analyst is a") + 4)
            .expect("the grade link");
        assert_eq!(link.destination, "/grades/#seven");
        assert_eq!(
            page.link_at(at("#six")).map(|l| l.destination.as_str()),
            Some("/grades/#six")
        );
    }

    #[test]
    fn the_list_under_the_cursor_decides_its_kind() {
        let page = page();
        assert_eq!(
            page.list_at(at("Lead reviews")),
            Some((1, ListKind::Responsibilities))
        );
        // The empty last item is in the requirements.
        assert_eq!(
            page.list_at(PAGE.len() - 1),
            Some((1, ListKind::Requirements))
        );
        assert_eq!(
            page.list_at(at("Read data")),
            Some((0, ListKind::Responsibilities))
        );
    }
}
