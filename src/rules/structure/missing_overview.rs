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
    prepare: None,
};

const DOCS: &str = "\
Reports a page whose first heading comes before any paragraph of text.

A job family opens with a short overview of the role: what the family does
and why it exists. It is what readers see first and what search results
and link previews show. The finding is on the first heading; a page with no
heading at all is not reported. HTML comments and other markup before the
heading do not count as an overview; a paragraph, a list or a block quote
does.

A page may also open with a heading that only names the page (`## Blog
Editor` under `title: Blog Editor`, `### Renewals Manager Job Family`) or
is called `Overview` or `Introduction`, with the overview paragraph right
under it, before any other heading: that is an overview too.

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
                if names_the_page(&heading.text, doc.title()) && opens_with_text(doc, index) {
                    return;
                }
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

/// Whether a heading only introduces the page: `Overview`, `Introduction`,
/// or the page's title (optionally followed by "Job Family").
fn names_the_page(heading: &str, title: Option<&str>) -> bool {
    let norm = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let mut words = norm(heading);
    if matches!(words.as_slice(), [w] if w == "overview" || w == "introduction") {
        return true;
    }
    let Some(title) = title else {
        return false;
    };
    let mut title = norm(title);
    strip_family_words(&mut words);
    strip_family_words(&mut title);
    !words.is_empty() && words == title
}

/// Drops a trailing "Job Family", "Roles" or "Role": "Database Engineer
/// Roles" names the same page as "Database Engineer".
fn strip_family_words(words: &mut Vec<String>) {
    if words.ends_with(&["job".to_string(), "family".to_string()]) {
        words.truncate(words.len() - 2);
    } else if words.last().is_some_and(|w| w == "roles" || w == "role") && words.len() > 1 {
        words.pop();
    }
}

/// Whether the first block under heading `index`, before any other heading,
/// is a paragraph of text (a table may come first).
fn opens_with_text(doc: &crate::document::Document, index: usize) -> bool {
    for block in doc.blocks_under(index) {
        match block.kind {
            BlockKind::Heading(_) => return false,
            BlockKind::Paragraph | BlockKind::List(_) | BlockKind::BlockQuote
                if !doc.text(block.span.clone()).trim().is_empty() =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
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

    #[test]
    fn a_heading_that_names_the_page_may_open_the_overview() {
        // The title repeated as the first heading, the overview under it.
        let src = "---\ntitle: \"Blog Editor\"\n---\n\n## Blog Editor\n\nEditors write.\n\n### Requirements\n";
        assert!(lines(&RULE, src).is_empty());
        let src = "---\ntitle: Tax\n---\n\n### **Tax Job Family**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThe tax team.\n\n## Tax Analyst\n";
        assert!(lines(&RULE, src).is_empty());
        let src = "---\ntitle: T\n---\n\n## Overview\n\nThe family.\n\n## Levels\n";
        assert!(lines(&RULE, src).is_empty());
        let src = "---\ntitle: Database Engineer Roles\n---\n\n## Database Engineer\n\nA hybrid role.\n\n## Job Grade\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn a_naming_heading_without_text_under_it_is_still_reported() {
        // Title heading directly followed by another heading.
        let src = "---\ntitle: Blog Editor\n---\n\n## Blog Editor\n\n### Requirements\n\n- A\n";
        assert_eq!(lines(&RULE, src), vec![5]);
        // A heading that names a level, not the page.
        let src = "---\ntitle: Accounting\n---\n\n## Senior Accountant\n\nText.\n";
        assert_eq!(lines(&RULE, src), vec![5]);
    }
}
