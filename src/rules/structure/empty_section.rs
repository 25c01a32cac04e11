//! `empty-section`: a heading with nothing under it.

use std::cell::OnceCell;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "empty-section",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary:
        "a heading with nothing under it before the next heading of the same or a higher level",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a heading with nothing under it: no text, list, table or other
content before the next heading of the same or a higher level (or the end
of the page). An empty section is usually a level or specialty whose
content was never written, or whose sub-headings were written one level
too high.

A heading directly followed by deeper headings is not empty: its content is
in its sub-sections. HTML comments do not count as content. A Levels or
Specialties heading followed by headings at its own depth, or by levels
shallower than it (a `### Levels` before `##` levels), is reported by
`heading-structure` instead (its levels sit beside or above it rather
than under it), so the same problem is not reported twice.

The rule is a warning: an empty section is often a placeholder someone
means to fill, and the page still renders.

## Bad

```markdown
### Training & Certification

## Responsibilities
```

## Good

```markdown
### Training & Certification

#### Responsibilities

- Run the certification program
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let level_headings = OnceCell::new();
    for (index, heading) in doc.headings.iter().enumerate() {
        if heading.nested {
            continue;
        }
        let next = doc.headings[index + 1..].iter().find(|h| !h.nested);
        if next.is_some_and(|n| n.level > heading.level) {
            continue;
        }
        if has_content(doc, index) || is_flat_group(cx, &level_headings, index) {
            continue;
        }
        let message = match next {
            Some(n) => format!(
                "the section `{}` is empty: the next heading, `{}`, is not under it",
                heading.text,
                doc.text(n.span.clone()).trim()
            ),
            None => format!("the section `{}` is empty: the page ends", heading.text),
        };
        out.push(
            Diagnostic::new(
                &RULE,
                heading.span.start..heading.content.end.max(heading.span.start),
                message,
            )
            .with_label("nothing under this heading")
            .with_help(
                "write the section's content, nest the headings that belong to it, or remove it",
            ),
        );
    }
}

/// Whether anything but HTML comments and nested headings lies between the
/// heading and the next outline heading.
fn has_content(doc: &Document, index: usize) -> bool {
    let start = doc.headings[index].span.end;
    let end = doc.headings[index + 1..]
        .iter()
        .find(|h| !h.nested)
        .map_or(doc.source.len(), |h| h.span.start);
    let first = doc.blocks.partition_point(|b| b.span.start < start);
    let last = doc.blocks.partition_point(|b| b.span.start < end);
    doc.blocks[first..last].iter().any(|b| match b.kind {
        BlockKind::Html => !is_comment(doc.text(b.span.clone())),
        BlockKind::Heading(_) => false,
        _ => !doc.text(b.span.clone()).trim().is_empty(),
    })
}

fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// A Levels or Specialties heading followed by one at its own depth, or
/// by a level shallower than it: left to `heading-structure`.
/// `level_headings` holds the family's level headings, in order, once
/// a page needs them.
fn is_flat_group(cx: &Context<'_>, level_headings: &OnceCell<Vec<usize>>, index: usize) -> bool {
    let doc = cx.doc;
    let heading = &doc.headings[index];
    let name = heading.text.trim().trim_end_matches(':').to_lowercase();
    if !matches!(
        name.as_str(),
        "levels" | "job levels" | "specialties" | "specialities" | "specializations"
    ) {
        return false;
    }
    let next = doc.headings[index + 1..]
        .iter()
        .enumerate()
        .find(|(_, h)| !h.nested)
        .map(|(offset, h)| (index + 1 + offset, h));
    next.is_some_and(|(n, next)| {
        next.level == heading.level
            || (next.level < heading.level
                && level_headings
                    .get_or_init(|| {
                        let mut found: Vec<usize> = cx
                            .family()
                            .levels
                            .iter()
                            .filter_map(|l| l.heading)
                            .collect();
                        found.sort_unstable();
                        found
                    })
                    .binary_search(&n)
                    .is_ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    #[test]
    fn empty_before_same_or_higher_level() {
        let src = "Intro.\n\n## A\n\n### B\n\n## C\n\nText.\n\n### D\n<!-- later -->\n\n## E\n";
        assert_eq!(lines(&RULE, src), vec![5, 11, 14]);
    }

    #[test]
    fn deeper_headings_and_content_make_a_section() {
        let src = "Intro.\n\n## A\n\n### B\n\n- item\n\n## C\n\n| a |\n|---|\n| 1 |\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn flat_levels_are_left_to_heading_structure() {
        let src = "Intro.\n\n### Levels\n\n### Analyst\n\nText.\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn shallower_levels_are_left_to_heading_structure_other_headings_are_not() {
        let level = |name: &str, grade: u32| {
            format!("## {name}\n\n### Job Grade\n\nThe {name} is a grade {grade}.\n\n### Requirements\n\n- SQL\n\n")
        };
        let before_levels = format!(
            "Intro.\n\n### Levels\n\n{}{}",
            level("Analyst", 6),
            level("Senior Analyst", 7)
        );
        assert!(lines(&RULE, &before_levels).is_empty());
        let before_a_section = "Intro.\n\n### Levels\n\n## Hiring Process\n\n1. A call\n";
        assert_eq!(lines(&RULE, before_a_section), vec![3]);
    }
}
