//! `duplicate-heading`: two headings with the same anchor on one page.

use std::collections::HashMap;

use foldhash::fast::RandomState;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::slug;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "duplicate-heading",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary:
        "two headings with the same anchor on one page (the second gets a surprising `-1` anchor)",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a heading whose anchor is already taken by an earlier heading on
the same page. The site gives the second one a `-1` suffix (`#requirements`
and `#requirements-1`), so a link meant for it lands on the first, and the
table of contents shows two identical entries. The finding is on the later
heading and names the line of the first.

Anchors are compared as the site computes them (`{#custom-id}` attributes
included), so `Performance Indicators (PI)` and `Performance Indicators
(PI)` collide, while `Analyst Requirements` and `Senior Analyst
Requirements` do not. Give repeated sub-sections the level's name.

## Bad

```markdown
### Analyst

#### Requirements

### Senior Analyst

#### Requirements
```

## Good

```markdown
### Analyst

#### Analyst Requirements

### Senior Analyst

#### Senior Analyst Requirements
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let mut first: HashMap<String, usize, RandomState> =
        HashMap::with_capacity_and_hasher(doc.headings.len(), RandomState::default());
    for (index, heading) in doc.headings.iter().enumerate() {
        let base = match &heading.custom_id {
            Some(id) => id.clone(),
            None => slug::hugo(&heading.text),
        };
        if base.is_empty() {
            continue;
        }
        let Some(&earlier) = first.get(&base) else {
            first.insert(base, index);
            continue;
        };
        let line = doc.line_number(doc.headings[earlier].span.start);
        out.push(
            Diagnostic::new(
                &RULE,
                heading.span.start..heading.content.end.max(heading.span.start),
                format!(
                    "heading `{}` has the same anchor `#{base}` as the heading on line {line}; this one becomes `#{}`",
                    heading.text, heading.anchor
                ),
            )
            .with_label(format!("same anchor as line {line}"))
            .with_help("rename one of the headings, for example with the level's name"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn second_and_later_duplicates_are_reported() {
        let src = "Intro.\n\n## Requirements\n\nA\n\n## Other\n\nB\n\n### Requirements\n\nC\n\n## requirements\n\nD\n";
        assert_eq!(lines(&RULE, src), vec![11, 15]);
        let found = run(&RULE, src);
        assert!(found[0].message.contains("line 3"));
        assert!(found[0].message.contains("#requirements-1"));
    }

    #[test]
    fn custom_ids_and_distinct_names() {
        let src = "Intro.\n\n## A {#same}\n\nA\n\n## B {#same}\n\nB\n\n## Analyst Requirements\n\nC\n\n## Senior Analyst Requirements\n\nD\n";
        assert_eq!(lines(&RULE, src), vec![7]);
    }
}
