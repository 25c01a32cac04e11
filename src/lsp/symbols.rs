//! Document symbols: the ladder as an outline. The levels (under the
//! "Levels" heading when the page has one) with their grades and lists,
//! then the specialties and family-wide sections in page order.

use std::ops::Range;

use lsp_server::Request;
use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

use super::outbox::Reply;
use super::page::Page;
use super::view::View;
use crate::family::{ListKind, SectionKind, Specialty};

/// The request's method.
pub const METHOD: &str = "textDocument/documentSymbol";

/// Answers a document symbol request.
pub fn answer(request: &Request, view: &View<'_>) -> Reply {
    let params: DocumentSymbolParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(METHOD, &err),
    };
    let uri = &params.text_document.uri;
    let Some(placed) = view.placed(uri) else {
        return Reply::empty_list(format!("document symbols: {} is not open", uri.as_str()));
    };
    let page = &placed.page;
    if !page.family.is_job_family {
        return Reply::empty_list(format!(
            "document symbols: {} is not a job family (no levels or family sections found)",
            uri.as_str()
        ));
    }
    Reply::answer(DocumentSymbolResponse::Nested(outline(page)))
}

/// The page's outline.
pub fn outline(page: &Page) -> Vec<DocumentSymbol> {
    let family = &page.family;
    let levels: Vec<DocumentSymbol> = (0..family.levels.len())
        .map(|i| level_symbol(page, i))
        .collect();
    let mut symbols = match family.levels_heading {
        Some(h) if !levels.is_empty() => {
            let span = cover(
                page.doc.sections[h].span.clone(),
                family.levels.iter().map(|l| l.span.clone()),
            );
            vec![symbol(
                page,
                &page.doc.headings[h].text,
                None,
                SymbolKind::NAMESPACE,
                span,
                page.doc.headings[h].content.clone(),
                levels,
            )]
        }
        _ => levels,
    };
    let mut rest: Vec<(usize, DocumentSymbol)> = Vec::new();
    let mut placed_specialties = vec![false; family.specialties.len()];
    for section in &family.sections {
        if Some(section.heading) == family.levels_heading && !family.levels.is_empty() {
            continue;
        }
        let heading = &page.doc.headings[section.heading];
        let span = page.doc.sections[section.heading].span.clone();
        let mut children = Vec::new();
        if section.kind == SectionKind::Specialties {
            for (i, specialty) in family.specialties.iter().enumerate() {
                if span.contains(&specialty.span.start) && !placed_specialties[i] {
                    placed_specialties[i] = true;
                    children.push(specialty_symbol(page, specialty));
                }
            }
        }
        rest.push((
            span.start,
            symbol(
                page,
                &heading.text,
                None,
                SymbolKind::MODULE,
                span,
                heading.content.clone(),
                children,
            ),
        ));
    }
    for (i, specialty) in family.specialties.iter().enumerate() {
        if !placed_specialties[i] {
            rest.push((specialty.span.start, specialty_symbol(page, specialty)));
        }
    }
    rest.sort_by_key(|(start, _)| *start);
    symbols.extend(rest.into_iter().map(|(_, s)| s));
    symbols
}

/// A specialty.
fn specialty_symbol(page: &Page, specialty: &Specialty) -> DocumentSymbol {
    let heading = &page.doc.headings[specialty.heading];
    symbol(
        page,
        &specialty.name,
        Some("specialty"),
        SymbolKind::MODULE,
        specialty.span.clone(),
        heading.content.clone(),
        Vec::new(),
    )
}

/// A level: its name, its grade as detail, its lists as children.
fn level_symbol(page: &Page, level: usize) -> DocumentSymbol {
    let family = &page.family;
    let l = &family.levels[level];
    let selection = family.level_span(&page.doc, level);
    let grade = l.grade.as_ref().map(|g| format!("grade {}", g.text));
    let mut children = Vec::new();
    for kind in [
        ListKind::Responsibilities,
        ListKind::Requirements,
        ListKind::PerformanceIndicators,
    ] {
        let Some(list) = l.list(kind) else { continue };
        let span = match list.heading {
            Some(h) => page.doc.sections[h].span.clone(),
            None => list.span.clone(),
        };
        let span = cover(
            span,
            list.items
                .iter()
                .filter_map(|&i| page.doc.items.get(i))
                .map(|i| i.span.clone()),
        );
        let detail = match list.items.len() {
            1 => "1 item".to_string(),
            n => format!("{n} items"),
        };
        let name = match list.heading {
            Some(h) => page.doc.headings[h].text.clone(),
            None => capitalised(kind.word()),
        };
        children.push(symbol(
            page,
            &name,
            Some(&detail),
            SymbolKind::FIELD,
            span,
            list.span.clone(),
            Vec::new(),
        ));
    }
    let span = cover(l.span.clone(), std::iter::once(selection.clone()));
    symbol(
        page,
        &l.name,
        grade.as_deref(),
        SymbolKind::CLASS,
        span,
        selection,
        children,
    )
}

/// `span` grown to cover `others`.
fn cover(span: Range<usize>, others: impl Iterator<Item = Range<usize>>) -> Range<usize> {
    others.fold(span, |acc, o| acc.start.min(o.start)..acc.end.max(o.end))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One symbol; the selection is kept inside the range.
fn symbol(
    page: &Page,
    name: &str,
    detail: Option<&str>,
    kind: SymbolKind,
    span: Range<usize>,
    selection: Range<usize>,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    let span = cover(span, std::iter::once(selection.clone()));
    #[allow(deprecated)]
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            name.to_string()
        },
        detail: detail.map(str::to_string),
        kind,
        tags: None,
        deprecated: None,
        range: page.range(span),
        selection_range: page.range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    #[test]
    fn the_ladder_comes_first_then_the_sections() {
        let text = "---\ntitle: Analyst\n---\n\nAnalysts analyse.\n\n## Levels\n\n### Analyst\n\nThe Analyst is a [grade 6](/g/).\n\n#### Responsibilities\n\n- Read\n\n### Senior Analyst\n\nThe Senior Analyst is a [grade 7](/g/).\n\n#### Requirements\n\n- Extends the Analyst requirements\n\n## Performance Indicators\n\n- Speed\n\n## Hiring Process\n\n- Call\n";
        let page = Page::new(PathBuf::from("a.md"), Arc::new(text.to_string()));
        let outline = outline(&page);
        let names: Vec<&str> = outline.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Levels", "Performance Indicators", "Hiring Process"]
        );
        let levels = outline[0].children.as_ref().expect("levels");
        let shown: Vec<(&str, Option<&str>)> = levels
            .iter()
            .map(|s| (s.name.as_str(), s.detail.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Analyst", Some("grade 6")),
                ("Senior Analyst", Some("grade 7"))
            ]
        );
        let lists = levels[1].children.as_ref().expect("lists");
        assert_eq!(lists[0].name, "Requirements");
        assert_eq!(lists[0].detail.as_deref(), Some("1 item"));
        assert_eq!(levels[0].selection_range.start.line, 8);
    }
}
