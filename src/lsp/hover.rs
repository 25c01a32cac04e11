//! Hover: a level's grade, what it extends and what it inherits, on its
//! heading or on an "Extends" reference to it; and on a finding, the
//! documentation of its rule (what `handbook-lint explain` prints).

use lsp_server::Request;
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind, Uri};

use super::findings::Linted;
use super::outbox::Reply;
use super::page::{touches, Page};
use crate::family::{JobFamily, ListKind};
use crate::rules;

/// The request's method.
pub const METHOD: &str = "textDocument/hover";

/// Answers a hover request from the findings of the page's version.
pub fn answer<'a>(request: &Request, linted: impl Fn(&Uri) -> Option<&'a Linted>) -> Reply {
    let params: HoverParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(METHOD, &err),
    };
    let uri = &params.text_document_position_params.text_document.uri;
    let Some(linted) = linted(uri) else {
        return Reply::null(format!("hover: {} is not open", uri.as_str()));
    };
    let page = Page::new(linted.path.clone(), linted.text.clone());
    let offset = page.offset(params.text_document_position_params.position);
    let mut parts = Vec::new();
    let mut span = None;
    if let Some(level) = page.level_heading_at(offset) {
        if let Some(h) = page.family.levels[level].heading {
            span = Some(page.doc.headings[h].content.clone());
        }
        parts.push(describe_level(&page.family, &page.doc, level));
    } else if let Some((_, extends)) = page.extends_at(offset) {
        span = Some(extends.reference_span.clone());
        if let Some(target) = extends.target {
            parts.push(describe_level(&page.family, &page.doc, target));
        }
    }
    let mut shown: Vec<&str> = Vec::new();
    for finding in &linted.findings {
        let d = &finding.diagnostic;
        if touches(&d.span, offset) && !shown.contains(&d.rule) {
            shown.push(d.rule);
            span = span.or(Some(d.span.clone()));
            parts.push(explain(d.rule));
        }
    }
    if parts.is_empty() {
        return Reply::Answer(serde_json::Value::Null);
    }
    Reply::answer(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: span.map(|s| page.range(s)),
    })
}

/// A rule's documentation, as `handbook-lint explain` gives it.
pub fn explain(id: &str) -> String {
    match rules::find(id) {
        Some(rule) => format!(
            "**{}** ({} rule, default severity {}, fix: {})\n\n{}\n\n{}",
            rule.id,
            rule.group.name(),
            rule.severity.as_str(),
            rule.fix.describe(),
            rule.summary,
            rule.docs.trim_end()
        ),
        None => format!("**{id}**"),
    }
}

/// A level in a few lines: name and grade, then per list what it
/// extends (nearest first) and how many items it has and inherits.
pub fn describe_level(family: &JobFamily, doc: &crate::document::Document, level: usize) -> String {
    let Some(l) = family.levels.get(level) else {
        return String::new();
    };
    let grade = match &l.grade {
        Some(grade) => format!("grade {}", grade.text),
        None => "no grade stated".to_string(),
    };
    let mut lines = vec![format!("**{}** · {grade}", l.name)];
    for kind in [ListKind::Responsibilities, ListKind::Requirements] {
        let own = own_items(family, doc, level, kind);
        let extended = family.extended(level, kind);
        if extended.levels.is_empty() {
            let note = if extended.complete {
                ""
            } else {
                " (its \"Extends\" names no level of the page)"
            };
            lines.push(format!("- {}{note}", counted(own, kind)));
            continue;
        }
        let chain: Vec<String> = extended
            .levels
            .iter()
            .map(|&t| family.levels[t].name.clone())
            .collect();
        let inherited: usize = extended
            .levels
            .iter()
            .map(|&t| own_items(family, doc, t, kind))
            .sum();
        let gap = if extended.complete {
            ""
        } else {
            "; a reference on the way names no level"
        };
        lines.push(format!(
            "- {}, and {inherited} inherited: extends {}{gap}",
            counted(own, kind),
            chain.join(" → ")
        ));
    }
    lines.join("\n")
}

/// `n` items of a list of `kind`: "1 requirement", "3 responsibilities".
fn counted(n: usize, kind: ListKind) -> String {
    let word = match (kind, n) {
        (ListKind::Responsibilities, 1) => "responsibility",
        (ListKind::Requirements, 1) => "requirement",
        (ListKind::PerformanceIndicators, 1) => "performance indicator",
        _ => kind.word(),
    };
    format!("{n} {word}")
}

/// The items of a level's list of `kind` other than its "Extends" items
/// (nested items count too).
fn own_items(
    family: &JobFamily,
    doc: &crate::document::Document,
    level: usize,
    kind: ListKind,
) -> usize {
    let Some(l) = family.levels.get(level) else {
        return 0;
    };
    let Some(list) = l.list(kind) else {
        return 0;
    };
    list.items
        .iter()
        .filter(|&&item| {
            doc.items.get(item).is_some_and(|i| i.content.is_some())
                && !l.extends.iter().any(|e| e.item == Some(item))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    #[test]
    fn a_level_is_described_with_its_chain() {
        let text = "## Levels\n\n### Analyst\n\nThe Analyst is a [grade 6](/g/).\n\n#### Responsibilities\n\n- Read\n- Write\n\n#### Requirements\n\n- SQL\n\n### Senior Analyst\n\nThe Senior Analyst is a [grade 7](/g/).\n\n#### Responsibilities\n\n- Extends the Analyst responsibilities\n- Lead\n\n#### Requirements\n\n- Extends the Analysts requirements\n- Teach\n\n### Staff Analyst\n\n#### Responsibilities\n\n- Extends the Senior Analyst responsibilities\n- Plan\n\n#### Requirements\n\n- Extends the Lead Analyst requirements\n";
        let page = Page::new(PathBuf::from("a.md"), Arc::new(text.to_string()));
        assert_eq!(
            describe_level(&page.family, &page.doc, 2),
            "**Staff Analyst** · no grade stated\n- 1 responsibility, and 3 inherited: extends Senior Analyst → Analyst\n- 0 requirements (its \"Extends\" names no level of the page)"
        );
        assert_eq!(
            describe_level(&page.family, &page.doc, 1),
            "**Senior Analyst** · grade 7\n- 1 responsibility, and 2 inherited: extends Analyst\n- 1 requirement, and 1 inherited: extends Analyst"
        );
    }

    #[test]
    fn a_rule_is_explained_with_its_documentation() {
        let text = explain("trailing-whitespace");
        assert!(
            text.starts_with("**trailing-whitespace** (layout rule"),
            "{text}"
        );
        assert!(text.contains("## Bad"), "{text}");
    }
}
