//! Suppression comments, and `unused-suppression`.
//!
//! ```markdown
//! <!-- handbook-lint-disable spelling -->  … <!-- handbook-lint-enable spelling -->
//! <!-- handbook-lint-disable-next-line trailing-whitespace -->
//! <!-- handbook-lint-disable-line spelling -->
//! <!-- handbook-lint-disable-file brand-name -->
//! ```
//! A comment without rule ids applies to every rule.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::Document;
use crate::engine::Linter;
use crate::rules::{self, run::unused_suppression::RULE as UNUSED};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*handbook-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
        .expect("directive pattern is valid")
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    NextLine,
    Line,
    File,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    span: Range<usize>,
    /// 0-based line of the comment's start and end.
    first_line: usize,
    last_line: usize,
    /// Rule ids with their spans; empty means every rule.
    ids: Vec<(String, Range<usize>)>,
    /// Per id (or one entry for "every rule"): whether it suppressed
    /// something.
    used: Vec<bool>,
}

impl Directive {
    /// Index into `used` of the entry covering `rule`, if any.
    fn covers(&self, rule: &str) -> Option<usize> {
        if self.ids.is_empty() {
            Some(0)
        } else {
            self.ids.iter().position(|(id, _)| id == rule)
        }
    }
}

fn parse(doc: &Document) -> Vec<Directive> {
    let mut directives = Vec::new();
    for html in &doc.html {
        let text = doc.text(html.span.clone());
        if !text.contains("handbook-lint-") {
            continue;
        }
        for caps in DIRECTIVE.captures_iter(text) {
            let (Some(whole), Some(kind), Some(ids)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            let kind = match kind.as_str() {
                "disable" => Kind::Disable,
                "enable" => Kind::Enable,
                "disable-next-line" => Kind::NextLine,
                "disable-line" => Kind::Line,
                _ => Kind::File,
            };
            let base = html.span.start + ids.start();
            let mut list = Vec::new();
            let mut pos = 0;
            for id in ids.as_str().split(|c: char| c.is_whitespace() || c == ',') {
                let at = ids.as_str()[pos..].find(id).map_or(pos, |i| pos + i);
                if !id.is_empty() {
                    list.push((id.to_string(), base + at..base + at + id.len()));
                }
                pos = at + id.len();
            }
            let span = html.span.start + whole.start()..html.span.start + whole.end();
            let used = vec![false; list.len().max(1)];
            directives.push(Directive {
                kind,
                first_line: doc.lines.line_of(span.start),
                last_line: doc.lines.line_of(span.end.saturating_sub(1)),
                span,
                ids: list,
                used,
            });
        }
    }
    directives
}

/// Removes suppressed diagnostics and adds `unused-suppression` findings.
pub fn apply(doc: &Document, diagnostics: Vec<Diagnostic>, linter: &Linter) -> Vec<Diagnostic> {
    let mut directives = parse(doc);
    if directives.is_empty() {
        return diagnostics;
    }
    let index = Index::new(&directives);
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| !suppressed(doc, d, &mut directives, &index))
        .collect();
    if let Some(severity) = linter.severity_of(UNUSED.id) {
        for directive in &directives {
            for mut d in unused(doc, directive, linter) {
                d.severity = severity;
                kept.push(d);
            }
        }
    }
    kept
}

/// Where each directive applies, so that a page with many suppressions
/// and many findings costs time linear in both, not their product.
struct Index {
    /// Whole-file directives.
    file: Vec<usize>,
    /// Line and next-line directives by the 0-based line they apply to.
    by_line: HashMap<usize, Vec<usize>>,
    /// Disable and enable directives without rule ids, in order.
    ranges_all: Vec<usize>,
    /// Disable and enable directives naming a rule, by rule, in order.
    ranges_by_rule: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new(directives: &[Directive]) -> Self {
        let mut index = Index {
            file: Vec::new(),
            by_line: HashMap::new(),
            ranges_all: Vec::new(),
            ranges_by_rule: HashMap::new(),
        };
        for (i, directive) in directives.iter().enumerate() {
            match directive.kind {
                Kind::File => index.file.push(i),
                Kind::Line => {
                    for line in directive.first_line..=directive.last_line {
                        index.by_line.entry(line).or_default().push(i);
                    }
                }
                Kind::NextLine => index
                    .by_line
                    .entry(directive.last_line + 1)
                    .or_default()
                    .push(i),
                Kind::Disable | Kind::Enable if directive.ids.is_empty() => {
                    index.ranges_all.push(i)
                }
                Kind::Disable | Kind::Enable => {
                    for (id, _) in &directive.ids {
                        let list = index.ranges_by_rule.entry(id.clone()).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        index
    }
}

fn suppressed(doc: &Document, d: &Diagnostic, directives: &mut [Directive], index: &Index) -> bool {
    let line = doc.lines.line_of(d.span.start);
    // Single-line and whole-file forms, the first in the page winning.
    let mut candidates: Vec<usize> = index.file.clone();
    if let Some(on_line) = index.by_line.get(&line) {
        candidates.extend(on_line);
        candidates.sort_unstable();
    }
    for i in candidates {
        if let Some(entry) = directives[i].covers(d.rule) {
            directives[i].used[entry] = true;
            return true;
        }
    }
    // Ranges: the last disable or enable before the finding that covers
    // its rule decides.
    let last_before = |list: &[usize]| {
        let n = list.partition_point(|&i| directives[i].span.end <= d.span.start);
        n.checked_sub(1).map(|k| list[k])
    };
    let last = last_before(&index.ranges_all).max(
        index
            .ranges_by_rule
            .get(d.rule)
            .and_then(|list| last_before(list)),
    );
    let last = last.and_then(|i| directives[i].covers(d.rule).map(|entry| (i, entry)));
    if let Some((i, entry)) = last {
        if directives[i].kind == Kind::Disable {
            directives[i].used[entry] = true;
            return true;
        }
    }
    false
}

fn unused(doc: &Document, directive: &Directive, linter: &Linter) -> Vec<Diagnostic> {
    if directive.kind == Kind::Enable {
        return directive
            .ids
            .iter()
            .filter(|(id, _)| rules::find(id).is_none())
            .map(|(id, span)| unknown_id(doc, directive, id, span.clone()))
            .collect();
    }
    if directive.ids.is_empty() {
        if directive.used[0] {
            return Vec::new();
        }
        return vec![remove_whole(
            doc,
            directive,
            "suppression comment suppresses nothing".into(),
        )];
    }
    let mut stale = Vec::new();
    for ((id, span), used) in directive.ids.iter().zip(&directive.used) {
        if rules::find(id).is_none() {
            stale.push((id, span, Some(unknown_id(doc, directive, id, span.clone()))));
        } else if !used && linter.is_enabled(id) {
            stale.push((id, span, None));
        }
    }
    if !stale.is_empty()
        && stale.len() == directive.ids.len()
        && stale.iter().all(|s| s.2.is_none())
    {
        let names: Vec<&str> = stale.iter().map(|s| s.0.as_str()).collect();
        let message = format!("suppression of `{}` suppresses nothing", names.join("`, `"));
        return vec![remove_whole(doc, directive, message)];
    }
    stale
        .into_iter()
        .map(|(id, span, unknown)| {
            unknown.unwrap_or_else(|| {
                Diagnostic::new(
                    &UNUSED,
                    span.clone(),
                    format!("suppression of `{id}` suppresses nothing"),
                )
                .with_fix(Fix::safe(
                    format!("remove `{id}` from the comment"),
                    Edit::delete(id_with_space(doc, span.clone())),
                ))
            })
        })
        .collect()
}

fn unknown_id(doc: &Document, directive: &Directive, id: &str, span: Range<usize>) -> Diagnostic {
    let message = crate::config::unknown_rule(id);
    let d = Diagnostic::new(
        &UNUSED,
        span.clone(),
        format!("suppression names an {message}"),
    );
    if directive.ids.len() == 1 {
        d
    } else {
        d.with_fix(Fix::safe(
            format!("remove `{id}` from the comment"),
            Edit::delete(id_with_space(doc, span)),
        ))
    }
}

/// `span` widened to the whitespace before it.
fn id_with_space(doc: &Document, span: Range<usize>) -> Range<usize> {
    let before = &doc.source[..span.start];
    let start = before.trim_end_matches([' ', '\t', ',']).len();
    start..span.end
}

fn remove_whole(doc: &Document, directive: &Directive, message: String) -> Diagnostic {
    let line_start = doc.lines.line_start(directive.first_line);
    let line_end = doc.lines.line_start(directive.last_line + 1);
    let alone = doc.source[line_start..directive.span.start]
        .trim()
        .is_empty()
        && doc.source[directive.span.end..line_end.min(doc.source.len())]
            .trim()
            .is_empty();
    let removed = if alone {
        line_start..line_end.min(doc.source.len())
    } else {
        directive.span.clone()
    };
    Diagnostic::new(&UNUSED, directive.span.clone(), message)
        .with_fix(Fix::safe("remove the comment", Edit::delete(removed)))
}

#[cfg(test)]
mod tests {
    use crate::engine::Linter;
    use std::path::Path;
    use std::sync::Arc;

    fn rules_and_lines(src: &str) -> Vec<(&'static str, usize)> {
        let linter = Linter::with_defaults();
        let file = linter.lint_source(Path::new("t.md"), Arc::new(src.to_string()));
        file.findings
            .iter()
            .filter(|f| {
                f.diagnostic.rule == "trailing-whitespace"
                    || f.diagnostic.rule == "unused-suppression"
            })
            .map(|f| (f.diagnostic.rule, f.start.line))
            .collect()
    }

    const HEAD: &str = "---\ntitle: T\n---\n\nIntro.\n\n";

    #[test]
    fn next_line_suppresses_and_is_used() {
        let src =
            format!("{HEAD}<!-- handbook-lint-disable-next-line trailing-whitespace -->\ntext \n");
        assert_eq!(rules_and_lines(&src), vec![]);
    }

    #[test]
    fn unused_and_unknown_ids_are_reported() {
        let src = format!("{HEAD}<!-- handbook-lint-disable-next-line trailing-whitespace -->\ntext\n\n<!-- handbook-lint-disable-line trailing-whitespaces -->\n");
        assert_eq!(
            rules_and_lines(&src),
            vec![("unused-suppression", 7), ("unused-suppression", 10)]
        );
    }

    #[test]
    fn ranges_and_files() {
        let src = format!("{HEAD}<!-- handbook-lint-disable trailing-whitespace -->\na \n<!-- handbook-lint-enable trailing-whitespace -->\nb \n");
        assert_eq!(rules_and_lines(&src), vec![("trailing-whitespace", 10)]);
        let src = format!("{HEAD}<!-- handbook-lint-disable-file -->\na \n");
        assert_eq!(rules_and_lines(&src), vec![]);
    }
}
