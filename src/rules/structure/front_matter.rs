//! `front-matter`: front matter missing, not valid, or without a title.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "front-matter",
    group: Group::Structure,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "front matter missing, not valid YAML, or without `title`",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a page whose front matter is missing, never closed, not valid YAML
(or TOML between `+++` lines), or has no `title`. The site takes the page
title from it; without it the page is built without a title or not at all.

YAML anchors and aliases (`&name`, `*name`) are refused without being
expanded: job-family front matter never needs them, and a chain of aliases
can make a YAML parser use unbounded memory.

## Bad

```markdown
---
layout: job_family_page
---

The Analyst job family …
```

## Good

```markdown
---
title: Analyst
layout: job_family_page
---

The Analyst job family …
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some(fm) = &doc.front_matter else {
        let first_line = doc.lines.line_range(&doc.source, 0);
        out.push(
            Diagnostic::new(&RULE, first_line, "page has no front matter")
                .with_help("start the page with `---`, a `title: …` line and `---`"),
        );
        return;
    };
    if let Some(problem) = &fm.problem {
        out.push(Diagnostic::new(
            &RULE,
            problem.span.clone(),
            problem.message.clone(),
        ));
        return;
    }
    match fm.field("title") {
        None => {
            let opening = doc
                .lines
                .line_range(&doc.source, doc.lines.line_of(fm.span.start));
            out.push(
                Diagnostic::new(&RULE, opening, "front matter has no `title`")
                    .with_help("add a `title: …` line"),
            );
        }
        Some(field) if fm.title().is_none() => {
            out.push(Diagnostic::new(
                &RULE,
                field.span.clone(),
                "front matter `title` is empty",
            ));
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn missing_front_matter() {
        assert_eq!(lines(&RULE, "Text\n"), vec![1]);
    }

    #[test]
    fn missing_and_empty_title() {
        assert_eq!(lines(&RULE, "---\nlayout: x\n---\n"), vec![1]);
        assert_eq!(lines(&RULE, "---\nlayout: x\ntitle: \"\"\n---\n"), vec![3]);
    }

    #[test]
    fn invalid_yaml_and_aliases() {
        let found = run(&RULE, "---\ntitle: [unclosed\n---\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("not valid YAML"));
        assert_eq!(lines(&RULE, "---\ntitle: T\nx: &a 1\n---\n"), vec![3]);
    }

    #[test]
    fn valid_front_matter_passes() {
        assert!(run(&RULE, "---\ntitle: T\n---\n\nText\n").is_empty());
    }
}
