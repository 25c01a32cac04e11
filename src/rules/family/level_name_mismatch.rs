//! `level-name-mismatch`: a level's sub-heading or grade sentence names
//! another role.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::family::{names, JobFamily, Level};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "level-name-mismatch",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "a level's sub-heading (\"X Requirements\") or grade sentence (\"The X is a grade\") names another role",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a sub-heading (\"Senior Analyst Requirements\") or a grade sentence
(\"The Senior Analyst is a grade 7\") that names a role other than the
level it sits under: usually a section copied from another level, or a
level renamed in one place only. A reader cannot tell which role the
section describes.

Names are compared the way a reader compares them: case, punctuation,
\"Sr.\" for \"Senior\", plurals, a leading \"the\", \"(Intermediate)\" and
\"Analyst (Senior)\" for \"Senior Analyst\" do not matter. Generic
sub-headings (\"Job Grade\", \"Key Responsibilities\") name no role.

## Bad

```markdown
### Senior Analyst

#### Staff Analyst Requirements
```

## Good

```markdown
### Senior Analyst

#### Senior Analyst Requirements
```
";

/// Words that qualify a section rather than name a role.
const GENERIC: &[&str] = &[
    "additional",
    "key",
    "core",
    "job",
    "general",
    "minimum",
    "preferred",
    "technical",
    "basic",
    "specific",
    "other",
    "common",
    "shared",
    "nice",
    "to",
    "have",
    "role",
    "level",
    "leadership",
    "management",
    "team",
    "extra",
    "optional",
    "main",
    "primary",
    "base",
    "functional",
    "specialty",
    "all",
    "your",
    "our",
    "the",
    "and",
    "this",
    "for",
    "of",
    "position",
    "grade",
    "people",
    "individual",
    "contributor",
    "responsibility",
    "requirement",
    "success",
    "expected",
    "essential",
    "desired",
    "desirable",
    "bonus",
    "qualification",
];

fn generic(name: &str) -> bool {
    names::tokens(name)
        .iter()
        .all(|w| GENERIC.contains(&w.as_str()))
}

/// Whether `role` can be read as naming `level`.
fn names_level(family: &JobFamily, level: &Level, role: &str) -> bool {
    let role_key = names::key(role);
    if level.answers_to_key(&role_key) || generic(role) {
        return true;
    }
    // "Senior Advocate (Advocate Manager)": either name of the level.
    if let Some((base, rest)) = level
        .name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
    {
        if names::key(base) == role_key || names::key(rest) == role_key {
            return true;
        }
    }
    // "Manager, Technical Accounting" and "Technical Accounting Manager".
    let level_key = names::key(&level.name);
    if names::title_last(&level.name).is_some_and(|n| names::key(&n) == role_key)
        || names::title_last(role).is_some_and(|n| names::key(&n) == level_key)
    {
        return true;
    }
    let role_words = names::tokens(role);
    if role_words.len() > 10 {
        // A sentence rather than a name.
        return true;
    }
    // A specialty's own sub-section.
    if family
        .specialties
        .iter()
        .any(|s| names::key(&s.name) == role_key)
    {
        return true;
    }
    // A level named by its seniority alone ("Senior") is named by any role
    // with that seniority and no other.
    let level_words = names::tokens(&level.name);
    let bare = level_words
        .iter()
        .all(|w| names::SENIORITY.contains(&w.as_str()));
    bare && level_words.iter().all(|w| role_words.contains(w))
        && role_words
            .iter()
            .all(|w| !names::SENIORITY.contains(&w.as_str()) || level_words.contains(w))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    for level in family.levels.iter().filter(|l| !l.is_implicit()) {
        let mut report = |span: Range<usize>, role: &str, what: &str| {
            let mut d = Diagnostic::new(
                &RULE,
                span,
                format!(
                    "{what} names `{role}`, but it sits under the level `{}`",
                    level.name
                ),
            );
            if family.resolve(role).is_some() {
                d = d.with_label(format!("`{role}` is another level of this family"));
            }
            out.push(d.with_help(format!(
                "name the level as its heading does: `{}`",
                level.name
            )));
        };
        for sub in &level.subheadings {
            if let Some((role, span)) = &sub.role {
                if !names_level(family, level, role) {
                    report(span.clone(), role, "the sub-heading");
                }
            }
        }
        if let Some(g) = &level.grade {
            if let (Some(role), Some(span)) = (&g.role, &g.role_span) {
                // A grade found outside the level was matched by its name.
                if level.span.contains(&span.start) && !names_level(family, level, role) {
                    report(span.clone(), role, "the grade sentence");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    fn page(body: &str) -> String {
        format!("---\ntitle: Analyst\n---\n\nIntro.\n\n## Levels\n\n{body}")
    }

    #[test]
    fn sub_heading_naming_another_role() {
        let s = page("### Senior Analyst\n\nThe Senior Analyst is a grade 7.\n\n#### Staff Analyst Requirements\n\n- Know\n");
        assert_eq!(lines(&RULE, &s), vec![13]);
        // Flat at the level's depth.
        let s = page("### Senior Analyst\n\nThe Senior Analyst is a grade 7.\n\n### Senior Data Analyst Requirements\n\n- Know\n");
        assert_eq!(lines(&RULE, &s), vec![13]);
    }

    #[test]
    fn grade_sentence_naming_another_role() {
        let s = page("### Senior Analyst\n\nThe Staff Analyst is a grade 7.\n");
        assert_eq!(lines(&RULE, &s), vec![11]);
        // Title first or last, a different rung is still another role.
        let s = page("### Senior Manager, Analysis\n\nThe Analysis Manager is a grade 9.\n");
        assert_eq!(lines(&RULE, &s), vec![11]);
    }

    #[test]
    fn spellings_a_reader_accepts() {
        for (heading, sub, grade) in [
            (
                "Senior Analyst",
                "Sr. Analyst Requirements",
                "The Analyst (Senior) is a grade 7.",
            ),
            (
                "Analyst (Intermediate)",
                "Analyst Requirements",
                "The Intermediate Analyst is a grade 6.",
            ),
            (
                "Analyst",
                "Analyst (Intermediate) Requirements",
                "The Analysts are a grade 6.",
            ),
            (
                "Senior",
                "Senior Analyst Requirements",
                "The Senior Analyst is a grade 7.",
            ),
            (
                "Senior Analyst",
                "Key Responsibilities",
                "The job grade for this role is a grade 7.",
            ),
            (
                "Senior Analyst (Analysis Lead)",
                "Senior Analyst Requirements",
                "The Senior Analyst is a grade 7.",
            ),
            (
                "Manager, Data Analysis",
                "Data Analysis Manager Requirements",
                "The Data Analysis Manager is a grade 8.",
            ),
            (
                "Senior Data Analysis Manager",
                "Senior Manager, Data Analysis Requirements",
                "The Senior Manager, Data Analysis is a grade 9.",
            ),
        ] {
            let s = page(&format!(
                "### {heading}\n\n{grade}\n\n#### {sub}\n\n- Know\n"
            ));
            assert!(lines(&RULE, &s).is_empty(), "{heading} / {sub} / {grade}");
        }
    }

    #[test]
    fn single_role_pages_are_not_compared_with_their_title() {
        let s = "---\ntitle: Analytics\n---\n\nIntro.\n\n## Job Grade\n\nThe Analyst is a grade 6.\n\n## Responsibilities\n\n- Do\n";
        assert!(lines(&RULE, s).is_empty());
    }
}
