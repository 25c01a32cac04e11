//! `missing-grade`: a level (or a single-role family) with no grade
//! statement.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-grade",
    group: Group::Family,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "a level (or a single-level family) with no grade statement",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports a level of a job family, or the one role of a single-role family,
that does not state its job grade. A level states its grade in a sentence
such as \"The Senior Analyst is a [grade 7](…#job-grades).\", under the
level's heading or its \"Job Grade\" sub-heading; a grade sentence elsewhere
on the page that names the level counts too. Compensation and the career
ladder are read from these sentences, so a level without one cannot be
placed. Pages that are not job families (no levels and none of their
sections) are left alone.

The grade may be written in any of the forms pages use: \"is a [grade
7](…)\", \"is a job grade [level 7](…)\", \"is a job grade [12](…)\", \"is a
grade [8]\", \"is [Job Grade 10](…)\", \"is a [grade #10](…)\", or a bare
linked number whose link points at the grades (\"is a [10](…#job-grades)\").
A `Role | Grade` table naming the level (by its name or by a link to its
heading) states its grade too, and the one level of a single-role page takes
a grade sentence stated anywhere on the page. A level that says it has no
grade (\"The Intern is not aligned to a job grade\") is not reported.

Only levels are judged: specialties (under a Specialties heading, or among
the levels or under the Hiring Process without one, named after a team
rather than a role), a variant of several levels at once whose heading
joins their ranks (\"Director and Senior Director, Public Sector\": it
takes the grades of those levels), a heading that introduces the whole family
(\"Backend Engineering Roles at GitLab\"), and parts of a level written as
headings of their own (\"Nice to have\", \"Additional Requirements for EMEA\")
are not levels.

C-level roles (\"Chief Financial Officer\", \"CEO\") by convention state no
grade: they are not reported unless `c-level-grades = true` is set in the
configuration.

The default severity is `error`: a real level without a grade cannot be
placed on the compensation ladder, and the finding is certain once the
page's levels are read.

## Bad

```markdown
### Senior Analyst

#### Senior Analyst Responsibilities
```

## Good

```markdown
### Senior Analyst

The Senior Analyst is a [grade 7](/handbook/total-rewards/#job-grades).

#### Senior Analyst Responsibilities
```
";

/// C-suite titles written as initials.
const C_SUITE: &[&str] = &[
    "ceo", "cfo", "coo", "cto", "cmo", "cro", "clo", "cpo", "cio", "ciso", "cso", "cdo",
];

/// Whether a role's name is a C-level title: "Chief … Officer", or the
/// initials alone ("CFO").
fn is_c_level(name: &str) -> bool {
    let words = crate::family::names::tokens(name);
    (words.iter().any(|w| w == "chief") && words.iter().any(|w| w == "officer"))
        || (words.len() == 1 && C_SUITE.contains(&words[0].as_str()))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    if !family.is_job_family {
        return;
    }
    for (i, level) in family.levels.iter().enumerate() {
        if level.grade.is_some() || level.no_grade.is_some() {
            continue;
        }
        if !cx.settings.c_level_grades && is_c_level(&level.name) {
            continue;
        }
        // A page of family-wide sections only (a section's `_index.md`
        // with the Performance Indicators, Career Ladder and Hiring Process
        // of levels that have pages of their own) describes no role.
        let describes_a_role = level.responsibilities.is_some()
            || level.requirements.is_some()
            || level
                .subheadings
                .iter()
                .any(|s| s.kind == Some(crate::family::SectionKind::JobGrade));
        if level.is_implicit() && !describes_a_role {
            continue;
        }
        let (span, message) = if level.is_implicit() {
            // Point at an empty "Job Grade" section if there is one.
            let grade_heading = level
                .subheadings
                .iter()
                .find(|s| s.kind == Some(crate::family::SectionKind::JobGrade))
                .map(|s| cx.doc.headings[s.heading].content.clone());
            (
                grade_heading.unwrap_or_else(|| family.level_span(cx.doc, i)),
                "the role has no grade statement".to_string(),
            )
        } else {
            (
                family.level_span(cx.doc, i),
                format!("level `{}` has no grade statement", level.name),
            )
        };
        let role = if level.name.is_empty() {
            "<role>"
        } else {
            level.name.as_str()
        };
        out.push(Diagnostic::new(&RULE, span, message).with_help(format!(
            "state it in a sentence: \"The {role} is a [grade N](…#job-grades).\""
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    const PAGE: &str = "---\ntitle: Analyst\n---\n\nIntro.\n\n## Levels\n\n### Analyst\n\nThe Analyst is a grade 6.\n\n### Senior Analyst\n\n#### Responsibilities\n\n- Lead\n";

    #[test]
    fn a_level_without_a_grade() {
        assert_eq!(lines(&RULE, PAGE), vec![13]);
    }

    #[test]
    fn a_grade_under_a_job_grade_heading_or_elsewhere_counts() {
        let page = PAGE.replace(
            "#### Responsibilities",
            "#### Job Grade\n\nThe Senior Analyst is a grade 7.\n\n#### Responsibilities",
        );
        assert!(lines(&RULE, &page).is_empty());
        let page = format!("{PAGE}\n## Job Grades\n\nThe Senior Analyst is a grade 7.\n");
        assert!(lines(&RULE, &page).is_empty());
    }

    #[test]
    fn single_role_pages() {
        let page = "---\ntitle: Analyst\n---\n\nIntro.\n\n## Job Grade\n\n## Responsibilities\n\n- Do\n\n## Requirements\n\n- Know\n";
        assert_eq!(lines(&RULE, page), vec![7]);
        let page = "---\ntitle: Analyst\n---\n\nIntro.\n\n## Responsibilities\n\n- Do\n\n## Requirements\n\n- Know\n";
        assert_eq!(lines(&RULE, page), vec![2]);
    }

    #[test]
    fn a_page_of_family_wide_sections_describes_no_role() {
        // The `_index.md` of a family whose levels have pages of their own.
        let page = "---\ntitle: Analyst\n---\n\nIntro.\n\n## Performance Indicators\n\n- Reports\n\n## Career Ladder\n\nNone yet.\n\n## Hiring Process\n\n- A call\n";
        assert!(lines(&RULE, page).is_empty());
        // With a role's own list it is a single-role page again.
        let page = page.replace(
            "## Career Ladder",
            "## Requirements\n\n- Know\n\n## Career Ladder",
        );
        assert_eq!(lines(&RULE, &page), vec![2]);
    }

    #[test]
    fn c_level_roles_state_no_grade_by_convention() {
        let page = "---\ntitle: Chief Data Officer\n---\n\nIntro.\n\n## Responsibilities\n\n- Do\n\n## Requirements\n\n- Know\n";
        assert!(lines(&RULE, page).is_empty());
        let settings = crate::rules::Settings {
            c_level_grades: true,
            ..Default::default()
        };
        let found = crate::rules::testing::run_with(&RULE, "test.md", page, &settings);
        assert_eq!(found.len(), 1);
        assert!(is_c_level("CFO"));
        assert!(!is_c_level("Chief of Staff to the CTO"));
    }

    #[test]
    fn a_level_that_says_it_has_no_grade() {
        let page = PAGE.replace(
            "#### Responsibilities",
            "The Senior Analyst is not aligned to a job grade.\n\n#### Responsibilities",
        );
        assert!(lines(&RULE, &page).is_empty());
    }

    #[test]
    fn pages_that_are_not_families() {
        assert!(lines(
            &RULE,
            "---\ntitle: Index\n---\n\nSome text.\n\n## Teams\n\n- A\n"
        )
        .is_empty());
        assert!(lines(&RULE, "").is_empty());
    }
}
