//! `extends-kind`: "Extends … responsibilities" in a Requirements list, or
//! the reverse.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "extends-kind",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary: "\"Extends … responsibilities\" in a Requirements list, or the reverse",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports an \"Extends …\" item that names one list while sitting in the
other: \"Extends the Analyst responsibilities\" under Requirements, or
\"… requirements\" under Responsibilities. A level's requirements extend
the requirements of the level below, and its responsibilities its
responsibilities. The fix names the list the item sits in.

The default severity is `warning`: the reader can tell which list is
meant, and some pages name the other list on purpose.

## Bad

```markdown
#### Senior Analyst Requirements

- Extends the Analyst responsibilities
```

## Good

```markdown
#### Senior Analyst Requirements

- Extends the Analyst requirements
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for level in &cx.family().levels {
        for e in &level.extends {
            let (Some(stated), Some(span)) = (e.stated, &e.stated_span) else {
                continue;
            };
            if stated == e.list {
                continue;
            }
            let written = cx.doc.text(span.clone());
            let mut replacement = e.list.word().to_string();
            if written.chars().next().is_some_and(char::is_uppercase) {
                replacement = capitalise(&replacement);
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    span.clone(),
                    format!(
                        "\"Extends … {}\" in a list of {}",
                        stated.word(),
                        e.list.word()
                    ),
                )
                .with_fix(Fix::safe(
                    format!("write `{replacement}`"),
                    Edit::replace(span.clone(), replacement),
                )),
            );
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    fn page(heading: &str, item: &str) -> String {
        format!("---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### A\n\n### Senior A\n\n#### {heading}\n\n{item}\n")
    }

    #[test]
    fn wrong_list_word() {
        let s = page("Requirements", "- Extends the A responsibilities");
        assert_eq!(lines(&RULE, &s), vec![15]);
        let found = run(
            &RULE,
            &page("Responsibilities", "- Extends Requirements of A"),
        );
        let fix = found
            .first()
            .and_then(|d| d.fix.as_ref())
            .map(|f| f.edits[0].replacement.as_str());
        assert_eq!(fix, Some("Responsibilities"));
    }

    #[test]
    fn right_or_no_list_word() {
        assert!(lines(&RULE, &page("Requirements", "- Extends the A requirements")).is_empty());
        assert!(lines(&RULE, &page("Requirements", "- Extends: A")).is_empty());
    }
}
