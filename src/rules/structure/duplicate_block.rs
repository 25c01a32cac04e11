//! `duplicate-block`: the same item twice in one list, or the same
//! paragraph twice in one section.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{BlockKind, Document, List};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "duplicate-block",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "the same item twice in one list, or the same paragraph twice in one section",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a list item that repeats an earlier item of the same list, and a
paragraph that repeats an earlier paragraph of the same section (between
the same two headings). Both are copy-and-paste slips: a hiring step
listed twice, a requirement pasted twice into one level.

Texts are compared as a reader reads them: letter case, punctuation and
spacing do not matter (\"Ability to use GitLab.\" repeats \"Ability to use
GitLab\"), link destinations do. A parent item is compared with its nested
items, so two parents whose sub-items differ are not repeats. Paragraphs
of fewer than four words are not compared.

The same text in different sections is not reported: job-family pages
repeat the hiring process, \"reports to\" and similar sentences under every
level by design. A bullet that repeats the level it extends is
`extends-redundant`'s finding.

The finding is on the second copy. When the two are written exactly alike,
the fix deletes the second (safe: nothing is lost); otherwise a person
should choose which wording to keep.

The severity is `warning`: the page reads oddly but says nothing wrong.

## Bad

```markdown
1. A screening call with a recruiter
2. An interview with the hiring manager
3. An interview with the hiring manager
4. An interview with a peer
```

## Good

```markdown
1. A screening call with a recruiter
2. An interview with the hiring manager
3. An interview with a peer
```
";

/// Paragraphs shorter than this, in words, are not compared.
const MIN_PARAGRAPH_WORDS: usize = 4;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for list in &doc.lists {
        repeated_items(doc, list, out);
    }
    repeated_paragraphs(doc, out);
}

/// Items of `list` that repeat an earlier item of it.
fn repeated_items(doc: &Document, list: &List, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for &index in &list.items {
        let Some(item) = doc.items.get(index) else {
            continue;
        };
        if item.content.is_none() {
            continue; // an empty item is `list-marker`'s
        }
        let written = doc.text(item.marker_span.end..item.span.end);
        let key = normalise(written);
        if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, index);
            continue;
        };
        let Some(earlier) = doc.items.get(first) else {
            continue;
        };
        let line = doc.line_number(earlier.marker_span.start);
        let content = item.content.clone().unwrap_or(item.marker_span.clone());
        let mut d = Diagnostic::new(
            &RULE,
            content,
            format!("this item repeats the item on line {line} of the same list"),
        )
        .with_label("repeated item");
        let same = written.trim() == doc.text(earlier.marker_span.end..earlier.span.end).trim();
        let one_line = !written.trim().contains('\n');
        if same && one_line && item.sublists.is_empty() {
            let lines = whole_lines(doc, item.marker_span.start..item.marker_span.start);
            d = d.with_fix(Fix::safe("delete the repeated item", Edit::delete(lines)));
        } else {
            d = d.with_help("delete one of the two items");
        }
        out.push(d);
    }
}

/// Paragraphs that repeat an earlier paragraph of the same section.
fn repeated_paragraphs(doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading(_) => seen.clear(),
            BlockKind::Paragraph => {
                let written = doc.text(block.span.clone());
                let key = normalise(written);
                if key.split(' ').count() < MIN_PARAGRAPH_WORDS {
                    continue;
                }
                let Some(first) = seen.get(&key) else {
                    seen.insert(key, block.span.clone());
                    continue;
                };
                let line = doc.line_number(first.start);
                let trimmed = trimmed_span(doc, block.span.clone());
                let mut d = Diagnostic::new(
                    &RULE,
                    trimmed.clone(),
                    format!(
                        "this paragraph repeats the paragraph on line {line} of the same section"
                    ),
                )
                .with_label("repeated paragraph");
                if written.trim() == doc.text(first.clone()).trim() {
                    let mut lines = whole_lines(doc, trimmed);
                    let next = doc
                        .lines
                        .line_range(&doc.source, doc.lines.line_of(lines.end));
                    if lines.end < doc.source.len() && doc.text(next.clone()).trim().is_empty() {
                        lines.end = doc.lines.line_start(doc.lines.line_of(lines.end) + 1);
                    }
                    d = d.with_fix(Fix::safe(
                        "delete the repeated paragraph",
                        Edit::delete(lines),
                    ));
                } else {
                    d = d.with_help("delete one of the two paragraphs");
                }
                out.push(d);
            }
            _ => {}
        }
    }
}

/// The text as a reader compares it: lower case, words of letters and
/// digits separated by one space.
fn normalise(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// `span` without the white space at its ends.
fn trimmed_span(doc: &Document, span: Range<usize>) -> Range<usize> {
    let text = doc.text(span.clone());
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    start..end.max(start)
}

/// The whole lines that hold `span`, line endings included.
fn whole_lines(doc: &Document, span: Range<usize>) -> Range<usize> {
    let first = doc.lines.line_of(span.start);
    let last = doc
        .lines
        .line_of(span.end.saturating_sub(1).max(span.start));
    let end = doc.lines.line_start(last + 1).min(doc.source.len());
    doc.lines.line_start(first)..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn repeated_items_of_one_list() {
        let src = "- Ability to use GitLab.\n- Strong writing\n- Ability to use GitLab\n\n- Strong writing\n";
        assert_eq!(lines(&RULE, src), vec![3, 5]);
        let found = run(&RULE, src);
        assert!(found[0].fix.is_none(), "the wording differs");
        let fix = found[1].fix.clone().expect("exact copy");
        assert_eq!(&src[fix.edits[0].range()], "- Strong writing\n");
    }

    #[test]
    fn different_lists_and_different_sub_items_are_not_repeats() {
        let src = "- Intro\n\nText.\n\n- Intro\n\n1. Parent\n   - one\n2. Parent\n   - two\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn repeated_paragraphs_of_one_section() {
        let src = "## Hiring\n\nThe recruiter calls you first.\n\n- step\n\nThe recruiter calls you first.\n\n## Next\n\nThe recruiter calls you first.\n\nShort one.\n\nShort one.\n";
        assert_eq!(lines(&RULE, src), vec![7]);
        let fix = run(&RULE, src)[0].fix.clone().expect("exact copy");
        assert_eq!(
            &src[fix.edits[0].range()],
            "The recruiter calls you first.\n\n"
        );
    }

    #[test]
    fn normalising_ignores_case_and_punctuation() {
        assert_eq!(
            normalise("Ability to  use GitLab."),
            "ability to use gitlab"
        );
    }
}
