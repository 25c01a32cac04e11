//! `missing-overview`: no introductory paragraph before the first heading.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::family::{self, Layout};
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
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports a page whose first heading comes before any paragraph of text.

A job family opens with a short overview of the role: what the family does
and why it exists. It is what readers see first and what search results
and link previews show. The finding is on the first heading; a page with no
heading at all is not reported. HTML comments and other markup before the
heading do not count as an overview; a paragraph, a list or a block quote
does.

A page may also open with a heading that introduces it, with the overview
paragraph right under it (an embedded video or a table may come first),
before any other heading: that is an overview too. Such a heading

- is called `Overview`, `Introduction`, `Role`, `About the role` or
  `Summary`;
- names the family's roles (`Backend Engineering Roles at GitLab`);
- names the page: its title (`## Blog Editor` under `title: Blog
  Editor`, `### Renewals Manager Job Family`) or a shorter variant of it
  (`Director, Developer Relations` under `Director of Developer
  Relations`, `Chief of Staff to the CTO` under `Acting Chief of Staff
  to the CTO`), but not a heading that adds words to it (`Senior Blog
  Editor`, `Blog Editor Matrix`);
- or names the only role of a page whose other headings are all its
  sections (Job Grade, Responsibilities, …).

A table-of-contents heading (`Contents`, `On this page`) before the
overview is passed over. Kramdown attribute lists (`{:toc}`) and Hugo
shortcodes alone in a paragraph (an embedded video) are not an overview.
The rule is a warning: the page is complete without an overview, only
harder to read.

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
    let Some(first) = first_heading(doc) else {
        return;
    };
    // A table of contents first: the page starts after it.
    let opening = if is_contents(&doc.headings[first].text) {
        let overview = doc
            .blocks_under(first)
            .iter()
            .any(|b| b.kind == BlockKind::Paragraph && is_prose(doc.text(b.span.clone())));
        if overview {
            return;
        }
        match doc.headings.get(first + 1) {
            Some(_) => first + 1,
            None => return,
        }
    } else {
        first
    };
    if introduces(cx, opening) && opens_with_text(doc, opening) {
        return;
    }
    let heading = &doc.headings[first];
    out.push(
        Diagnostic::new(
            &RULE,
            heading.span.start..heading.content.end.max(heading.span.start),
            "the page has no overview paragraph before its first heading",
        )
        .with_label("first heading")
        .with_help("add a paragraph that introduces the job family above this heading"),
    );
}

/// The first heading, when no text comes before it; `None` when the
/// page opens with text or has no heading.
fn first_heading(doc: &Document) -> Option<usize> {
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading(index) => return Some(index),
            BlockKind::Paragraph if is_prose(doc.text(block.span.clone())) => return None,
            BlockKind::List(_) | BlockKind::BlockQuote | BlockKind::Table
                if !doc.text(block.span.clone()).trim().is_empty() =>
            {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// Whether a paragraph is text a reader reads, rather than only markup:
/// a kramdown attribute list (`{:toc}`) or a Hugo shortcode (an embedded
/// video).
fn is_prose(text: &str) -> bool {
    let text = text.trim();
    let attribute_list = text.starts_with("{:") && text.ends_with('}');
    let shortcode = text.starts_with("{{") && text.ends_with("}}");
    !text.is_empty() && !attribute_list && !shortcode
}

/// A table-of-contents heading.
fn is_contents(text: &str) -> bool {
    let words = words(text);
    matches!(
        words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["table", "of", "contents"] | ["contents"] | ["on", "this", "page"] | ["toc"]
    )
}

/// Whether heading `index` may open the overview: it introduces the page
/// (`Overview`, `Role`), names the page (its title, or a shorter variant
/// of it), names the family's roles (`Backend Engineering Roles at
/// GitLab`), or is the heading of the only role of a page whose other
/// headings are all its sections.
fn introduces(cx: &Context<'_>, index: usize) -> bool {
    let doc = cx.doc;
    let Some(heading) = doc.headings.get(index) else {
        return false;
    };
    let mut heading_words = words(&heading.text);
    if is_introduction(&heading_words) {
        return true;
    }
    if family::heading_section(&heading.text).is_some() {
        return false;
    }
    if let Some(title) = doc.title() {
        let mut title = words(title);
        strip_family_words(&mut heading_words);
        strip_family_words(&mut title);
        if names_the_same(&heading_words, &title) {
            return true;
        }
    }
    if words(&heading.text).iter().any(|w| w == "roles") {
        return true;
    }
    let family = cx.family();
    family.layout == Layout::SingleRole
        && family.is_job_family
        && doc
            .headings
            .iter()
            .enumerate()
            .all(|(i, h)| i == index || h.nested || family::heading_section(&h.text).is_some())
}

/// `Overview`, `Introduction`, `Role`, `About the role`.
fn is_introduction(words: &[String]) -> bool {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        words.as_slice(),
        ["overview"]
            | ["introduction"]
            | ["role"]
            | ["the", "role"]
            | ["about", "the", "role"]
            | ["about", "this", "role"]
            | ["role", "overview"]
            | ["job", "overview"]
            | ["summary"]
    )
}

/// Whether a heading's words name the page its title names: every word
/// of the heading is a word of the title ("Chief of Staff to the CTO"
/// under "Acting Chief of Staff to the CTO", "Director, Developer
/// Relations" under "Director of Developer Relations"). A heading that
/// adds words ("Senior …", "… Matrix") names something narrower.
fn names_the_same(heading: &[String], title: &[String]) -> bool {
    let meaningful = |w: &&String| !STOP_WORDS.contains(&w.as_str());
    let title: Vec<&String> = title.iter().filter(meaningful).collect();
    let mut heading = heading.iter().filter(meaningful).peekable();
    heading.peek().is_some() && heading.all(|w| title.contains(&w))
}

/// Words that do not tell names apart.
const STOP_WORDS: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "the", "to"];

/// Lower-case words of a heading or title.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
/// is a paragraph of text (a table, HTML such as an embedded video, or a
/// shortcode may come first).
fn opens_with_text(doc: &Document, index: usize) -> bool {
    for block in doc.blocks_under(index) {
        match block.kind {
            BlockKind::Heading(_) => return false,
            BlockKind::Paragraph if is_prose(doc.text(block.span.clone())) => return true,
            BlockKind::List(_) | BlockKind::BlockQuote
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
    fn headings_that_introduce_the_page() {
        // The family's roles.
        let src = "---\ntitle: Backend Engineer\n---\n\n## Backend Engineering Roles at GitLab\n\nBackend engineers build the product.\n\n## Levels\n";
        assert!(lines(&RULE, src).is_empty());
        // A variant of the title.
        let src = "---\ntitle: Director of Developer Relations\n---\n\n## Director, Developer Relations\n\nThe director leads.\n\n### Job Grade\n\nText.\n";
        assert!(lines(&RULE, src).is_empty());
        let src = "---\ntitle: Acting Chief of Staff to the CTO\n---\n\n## Chief of Staff to the CTO\n\nThe role.\n\n### Responsibilities\n\n- x\n";
        assert!(lines(&RULE, src).is_empty());
        // `Role`, after an embedded video.
        let src = "---\ntitle: Product Manager\n---\n\n<figure><iframe src=\"v\"></iframe></figure>\n\n## Role\n\n<figure><iframe src=\"v\"></iframe></figure>\n\nProduct managers decide.\n\n## Levels\n";
        assert!(lines(&RULE, src).is_empty());
        // After a table of contents.
        let src = "---\ntitle: T\n---\n\n## On this page\n{:.no_toc}\n\n- TOC\n{:toc}\n\n## Overview\n\nThe family.\n\n## Levels\n";
        assert!(lines(&RULE, src).is_empty());
        let src =
            "---\ntitle: T\n---\n\n## Contents\n\n- [Levels](#levels)\n\n## Levels\n\nText.\n";
        assert_eq!(lines(&RULE, src), vec![5]);
    }

    #[test]
    fn a_level_heading_is_no_introduction() {
        // A level of the page, a variant with a seniority word.
        let src = "---\ntitle: Data Analyst\n---\n\n## Senior Data Analyst\n\nSenior analysts lead.\n\n### Job Grade\n\nThe Senior Data Analyst is a grade 7.\n\n## Staff Data Analyst\n\n### Job Grade\n\nThe Staff Data Analyst is a grade 8.\n";
        assert_eq!(lines(&RULE, src), vec![5]);
        // Markup alone before the heading is no overview.
        let src = "---\ntitle: T\n---\n\n{{< youtube abc >}}\n\n## Levels\n\nText.\n";
        assert_eq!(lines(&RULE, src), vec![7]);
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
