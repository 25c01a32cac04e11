//! `repeated-word`: "the the".

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "repeated-word",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "a word written twice in a row (\"the the\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a word written twice in a row, also across a line break within a
paragraph or list item, and deletes the second one.

Only words separated by nothing but spaces or a line break count: markup
between them (`the **the**`) is reported without a fix. Numbers are not
checked, and neither are `that that` and `had had`, which are correct
English.

## Bad

```markdown
- Partner with the
  the Finance team
```

## Good

```markdown
- Partner with the
  Finance team
```
";

/// Doubled words that are grammatical.
const ALLOWED: &[&str] = &["that", "had"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let source = cx.doc.source.as_str();
    for pair in prose.words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if !a.text.eq_ignore_ascii_case(b.text)
            || a.text.chars().any(|c| !c.is_alphabetic())
            || ALLOWED.iter().any(|w| w.eq_ignore_ascii_case(a.text))
        {
            continue;
        }
        if !prose
            .between(a, b)
            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
        {
            continue;
        }
        let gap = source.get(a.span.end..b.span.start).unwrap_or("");
        let mut d = Diagnostic::new(&RULE, b.span.clone(), format!("`{}` is repeated", b.text))
            .with_label("repeated word");
        if !gap.is_empty() && gap.chars().all(char::is_whitespace) {
            d = d.with_fix(Fix::safe(
                "delete the repeated word",
                Edit::delete(a.span.end..b.span.end),
            ));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_repeats_across_soft_breaks() {
        assert_eq!(
            lines(
                &RULE,
                "Work with the the team.\n\n- Partner with the\n  the Finance team\n"
            ),
            vec![1, 4]
        );
    }

    #[test]
    fn fix_deletes_the_second_word() {
        let found = run(&RULE, "Work with the the team.\n");
        let edit = &found[0].fix.as_ref().map(|f| f.edits[0].clone());
        assert_eq!(edit.as_ref().map(|e| e.range()), Some(13..17));
    }

    #[test]
    fn leaves_legitimate_doubles_and_separate_blocks_alone() {
        assert_eq!(
            lines(
                &RULE,
                "He said that that was fine.\n\nPlan the\n\nthe end. Grade 6 6.\n"
            ),
            Vec::<usize>::new()
        );
    }
}
