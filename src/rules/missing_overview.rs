//! `missing-overview`: no introductory paragraph before the first heading.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::BlockKind;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-overview",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "no introductory paragraph before the first heading",
    docs: DOCS,
    check: Check::Page(check),
};

const DOCS: &str = "\
Reports a page whose first heading comes before any paragraph of text.

A job family opens with a short overview of the role: what the family does
and why it exists. It is what readers see first and what search results
and link previews show. The finding is on the first heading; a page with no
heading at all is not reported. HTML comments and other markup before the
heading do not count as an overview; a paragraph, a list or a block quote
does.

## Bad

```markdown
---
title: Data Analyst
---

## Levels
```

## Good

```markdown
---
title: Data Analyst
---

The Data Analyst job family turns the company's data into decisions.

## Levels
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading(index) => {
                let Some(heading) = doc.headings.get(index) else {
                    return;
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        heading.span.start..heading.content.end.max(heading.span.start),
                        "the page has no overview paragraph before its first heading",
                    )
                    .with_label("first heading")
                    .with_help("add a paragraph that introduces the job family above this heading"),
                );
                return;
            }
            BlockKind::Paragraph
            | BlockKind::List(_)
            | BlockKind::BlockQuote
            | BlockKind::Table
                if !doc.text(block.span.clone()).trim().is_empty() =>
            {
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    #[test]
    fn heading_first_is_reported() {
        assert_eq!(
            lines(&RULE, "---\ntitle: T\n---\n\n## Levels\n\nText.\n"),
            vec![5]
        );
        assert_eq!(
            lines(
                &RULE,
                "---\ntitle: T\n---\n<!-- note -->\n\n## Job Grade \n"
            ),
            vec![6]
        );
    }

    #[test]
    fn overview_or_no_heading_passes() {
        assert!(lines(&RULE, "---\ntitle: T\n---\n\nThe family.\n\n## Levels\n").is_empty());
        assert!(lines(&RULE, "---\ntitle: T\n---\n").is_empty());
        assert!(lines(&RULE, "Only text.\n").is_empty());
    }
}
