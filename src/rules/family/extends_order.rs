//! `extends-order`: a level that extends itself, a higher level, or forms
//! a cycle.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "extends-order",
    group: Group::Family,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "a level that extends itself, a higher level, or forms a cycle",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports an \"Extends …\" item that points the wrong way: a level that
extends itself, or a level higher up the ladder (so that the lists extend
each other in a cycle, or a junior level inherits a senior level's
requirements). Levels are read in the page's order: up the ladder, or down
it when the grades go down from one level to the next.

The default severity is `error`: a level that extends itself, or a
cycle of levels, leaves the lists without a meaning, and a junior level
that inherits a senior level's requirements asks a junior hire for a
senior's experience. The page's own references show each of these.

## Bad

```markdown
### Analyst

- Extends the Senior Analyst responsibilities

### Senior Analyst
```

## Good

```markdown
### Analyst

### Senior Analyst

- Extends the Analyst responsibilities
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    for (i, level) in family.levels.iter().enumerate() {
        for e in &level.extends {
            let Some(t) = e.target else { continue };
            let message = if t == i {
                format!("`{}` extends itself", level.name)
            } else if family.is_above(t, i) {
                let back = family.extended(t, e.list).levels.contains(&i);
                format!(
                    "`{}` extends `{}`, a level above it{}",
                    level.name,
                    family.levels[t].name,
                    if back {
                        ", which extends it back: a cycle"
                    } else {
                        ""
                    }
                )
            } else {
                continue;
            };
            out.push(
                Diagnostic::new(&RULE, e.reference_span.clone(), message)
                    .with_help("a level extends the level below it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    fn page(junior: &str, senior: &str) -> String {
        format!("---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### A\n\n#### Requirements\n\n{junior}\n\n### Senior A\n\n#### Requirements\n\n{senior}\n")
    }

    #[test]
    fn self_higher_and_cycles() {
        assert_eq!(
            lines(
                &RULE,
                &page("- Know", "- Extends the Senior A requirements")
            ),
            vec![19]
        );
        assert_eq!(
            lines(
                &RULE,
                &page("- Extends the Senior A requirements", "- Know")
            ),
            vec![13]
        );
        let found = run(
            &RULE,
            &page(
                "- Extends the Senior A requirements",
                "- Extends the A requirements",
            ),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("cycle"));
    }

    #[test]
    fn downward_references_pass() {
        assert!(lines(&RULE, &page("- Know", "- Extends the A requirements")).is_empty());
    }

    #[test]
    fn pages_listed_top_down() {
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Senior A\n\nThe Senior A is a grade 7.\n\n#### Requirements\n\n- Extends the A requirements\n\n### A\n\nThe A is a grade 6.\n";
        assert!(lines(&RULE, s).is_empty());
    }
}
