//! `level-name-mismatch`: a level's sub-heading or grade sentence names
//! another role.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::family::names::{self, RoleName};
use crate::family::{JobFamily, Level, Roles, SectionKind};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "level-name-mismatch",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "a level's sub-heading (\"X Requirements\") or grade sentence (\"The X is a grade\") names another role, or misspells the level's name",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports a sub-heading (\"Senior Analyst Requirements\") or a grade sentence
(\"The Senior Analyst is a grade 7\") that names a role other than the
level it sits under: usually a section copied from another level, or a
level renamed in one place only. A reader cannot tell which role the
section describes. On a page with a single role, the grade sentence is
compared with the page's title.

Names are compared the way a reader compares them. These name the same
role, and are not reported:

- case, punctuation, \"Sr.\" for \"Senior\", plurals, a leading \"the\",
  \"(Intermediate)\" and \"Analyst (Senior)\" for \"Senior Analyst\";
- the same words in another order, with or without \"of\" or a comma
  (\"Director, Product Management\" and \"Director of Product Management\";
  \"Program Manager, Learning & Development\" and \"Learning & Development
  Program Manager\"; \"Account Executive - Mid Market\" and \"Mid Market
  Account Executive\");
- an abbreviation of the level's words (\"CSA\" for \"Customer Success
  Architect\", \"Director of CSM\", \"Sr Director of PS\", \"L&D\");
- a trailing \"role\" or \"level\" (\"The Backend Engineering Manager role\",
  \"The Associate level in the Engineering Division\"), or a descriptor in
  brackets (\"The Manager, Sales (people manager)\");
- a short form of a qualified name (\"Distinguished Engineer\" for
  \"Distinguished Engineer, Infrastructure\");
- the level's rank alone (\"Senior Job Grade\" under \"Senior Product
  Designer\"), or, under a level named by its rank alone (\"Manager\"), the
  rank with words of the family (\"The Manager, Recruiting\").

A name that is exactly another level's name is always reported. Generic
sub-headings (\"Job Grade\", \"Key Responsibilities\") and words that
qualify a section rather than name a role (\"Location Specific
Requirements\") are not.

Several places that name the same other role give one finding: on the
level heading when every sub-heading and the grade sentence agree with
each other and not with it (the heading is the odd one out), or, when
another role's sections (its Job Grade first) follow the level's own, on
the first of them (that role's level heading is probably missing). A
heading inside a level that names a role of its own (a level written one
level too deep) ends the level's sections: what follows it is that role's. A name one letter or two away from the
level's own is reported as a likely misspelling, template text left in a
name (\"Associate Title Job Grade\") as template text.

The default severity is `warning`: the page still reads, and which side is
stale (the heading or the sections) needs a reader's judgement.

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

/// What a name written in a level says about the level.
#[derive(Clone, Debug, PartialEq)]
enum Verdict {
    /// It names the level, or no role at all.
    Fine,
    /// Template text left in ("Associate Title").
    Template,
    /// A section word inside the name: text pasted twice.
    Garbled,
    /// The level's name with one word misspelt: (as written, as meant).
    Typo(String, String),
    /// Another role; another level of the family, when it is one.
    Another(Option<usize>),
}

/// A name written in a level: a sub-heading's role or the grade
/// sentence's.
struct Place {
    /// The name as written.
    text: String,
    /// Where it is written.
    span: Range<usize>,
    /// "the sub-heading" or "the grade sentence".
    what: &'static str,
    /// The section a sub-heading names ("Job Grade" in "X Job Grade").
    section: Option<SectionKind>,
    /// The name, read.
    name: RoleName,
    /// What it says about the level.
    verdict: Verdict,
}

/// Whether a name holds a template's placeholder word ("Associate Title").
fn is_template(name: &RoleName) -> bool {
    name.words().contains(&"title")
}

/// Whether a section word sits inside a name: heading text pasted twice.
fn is_garbled(name: &RoleName) -> bool {
    name.words()
        .iter()
        .any(|w| matches!(*w, "responsibility" | "requirement" | "indicator"))
}

/// What `text` (read as `name`), written in level `i` (in a heading when
/// `heading`), says about the level.
fn verdict(
    family: &JobFamily,
    roles: &Roles,
    i: usize,
    text: &str,
    name: &RoleName,
    heading: bool,
) -> Verdict {
    if generic(text) || names::tokens(text).len() > 10 {
        // No role, or a sentence rather than a name.
        return Verdict::Fine;
    }
    if name.is_empty() {
        return Verdict::Fine;
    }
    if is_template(name) {
        return Verdict::Template;
    }
    let key = names::key(text);
    if family.levels[i].answers_to_key(&key) {
        return Verdict::Fine;
    }
    // Exactly another level's name: never read as this level's.
    if let Some(j) = family.levels.iter().position(|l| l.answers_to_key(&key)) {
        return Verdict::Another(Some(j));
    }
    let specialty = |s: &crate::family::Specialty| names::same_role(name, &RoleName::read(&s.name));
    if roles.names_level(name, i) || family.specialties.iter().any(specialty) {
        return Verdict::Fine;
    }
    if heading && !roles.reads_as_role(name) {
        // "Location Specific Requirements": words that qualify the section.
        return Verdict::Fine;
    }
    if is_garbled(name) {
        return Verdict::Garbled;
    }
    if let Some((written, meant)) = roles.level(i).and_then(|l| names::typo(name, l)) {
        return Verdict::Typo(written, meant);
    }
    Verdict::Another(roles.other_level(name, i))
}

/// The names written in level `i`, in page order: its sub-headings' roles
/// and its grade sentence's. A heading inside the level that names a
/// role of its own (a level the page wrote at the wrong depth) ends them:
/// what follows it is that role's.
fn places(doc: &Document, family: &JobFamily, roles: &Roles, i: usize) -> Vec<Place> {
    let level = &family.levels[i];
    let stop = roles
        .inner_role_heading(doc, family, i)
        .map_or(usize::MAX, |h| doc.headings[h].span.start);
    let mut out = Vec::new();
    let mut add = |text: &str, span: &Range<usize>, section: Option<SectionKind>| {
        if span.start < stop {
            let name = RoleName::read(text);
            let verdict = verdict(family, roles, i, text, &name, section.is_some());
            out.push(Place {
                text: text.to_string(),
                span: span.clone(),
                what: if section.is_some() {
                    "the sub-heading"
                } else {
                    "the grade sentence"
                },
                section,
                name,
                verdict,
            });
        }
    };
    for sub in &level.subheadings {
        if let (Some((role, span)), Some(kind)) = (&sub.role, sub.kind) {
            add(role, span, Some(kind));
        }
    }
    if let Some(g) = &level.grade {
        if let (Some(role), Some(span)) = (&g.role, &g.role_span) {
            // A grade found outside the level was matched by its name.
            if level.span.contains(&span.start) {
                add(role, span, None);
            }
        }
    }
    out.sort_by_key(|p| p.span.start);
    out
}

/// Whether two places name the same other role.
fn same_other(a: &Place, b: &Place) -> bool {
    matches!(a.verdict, Verdict::Another(_))
        && matches!(b.verdict, Verdict::Another(_))
        && (names::key(&a.text) == names::key(&b.text) || names::same_role(&a.name, &b.name))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    if family.levels.is_empty() {
        return;
    }
    let roles = cx.roles();
    for (i, level) in family.levels.iter().enumerate() {
        if level.is_implicit() {
            single_role(roles, level, out);
            continue;
        }
        let places = places(cx.doc, family, roles, i);
        report(cx.doc, level, &places, out);
    }
}

/// The findings of one level's places.
fn report(doc: &Document, level: &Level, places: &[Place], out: &mut Vec<Diagnostic>) {
    let flagged: Vec<&Place> = places
        .iter()
        .filter(|p| p.verdict != Verdict::Fine)
        .collect();
    let Some(first) = flagged.first() else {
        return;
    };
    // Every place names one other role: the heading is the odd one out.
    if let (Some(h), true) = (
        level.heading,
        flagged.len() == places.len() && flagged.len() >= 2,
    ) {
        if flagged.iter().all(|p| same_other(first, p)) {
            let mut d = Diagnostic::new(
                &RULE,
                doc.headings[h].content.clone(),
                format!(
                    "the level heading names `{}`, but its sub-headings and grade sentence name `{}`",
                    level.name, first.text
                ),
            )
            .with_label(format!("{} places name `{}`", flagged.len(), first.text));
            if let Verdict::Another(Some(_)) = first.verdict {
                d = d.with_help(format!(
                    "`{}` is another level of this family: were its sections copied here?",
                    first.text
                ));
            } else {
                d = d.with_help("rename the heading, or the sections if they were copied");
            }
            out.push(d);
            return;
        }
    }
    let mut k = 0;
    while k < places.len() {
        if places[k].verdict == Verdict::Fine {
            k += 1;
            continue;
        }
        // Another role's sections, starting with its Job Grade, after the
        // level's own: one finding, where its level heading should be.
        let after_own = places[..k].iter().any(|p| p.verdict == Verdict::Fine);
        let mut end = k + 1;
        if after_own && places[k].section == Some(SectionKind::JobGrade) {
            while end < places.len() && same_other(&places[k], &places[end]) {
                end += 1;
            }
        }
        out.extend(finding(level, &places[k..end], after_own));
        k = end;
    }
}

/// The finding for a run of places that say the same about `level`.
fn finding(level: &Level, run: &[Place], after_own: bool) -> Option<Diagnostic> {
    let p = run.first()?;
    let help = format!("name the level as its heading does: `{}`", level.name);
    let d = match &p.verdict {
        Verdict::Template => Diagnostic::new(
            &RULE,
            p.span.clone(),
            format!(
                "{} holds template text (`{}`) where the level's name `{}` belongs",
                p.what, p.text, level.name
            ),
        )
        .with_help(help),
        Verdict::Garbled => Diagnostic::new(
            &RULE,
            p.span.clone(),
            format!(
                "{} text `{}` looks garbled: a section word sits inside the name",
                p.what, p.text
            ),
        )
        .with_help(help),
        Verdict::Typo(written, meant) => Diagnostic::new(
            &RULE,
            p.span.clone(),
            format!(
                "{} names `{}`: `{written}` looks like a misspelling of `{meant}` in the level's name `{}`",
                p.what, p.text, level.name
            ),
        )
        .with_help(help),
        Verdict::Another(other) => {
            let message = if run.len() >= 2 && after_own {
                format!(
                    "the sub-headings from here name `{}`, but they sit under the level `{}`: is the level heading for `{}` missing?",
                    p.text, level.name, p.text
                )
            } else {
                format!(
                    "{} names `{}`, but it sits under the level `{}`",
                    p.what, p.text, level.name
                )
            };
            let mut d = Diagnostic::new(&RULE, p.span.clone(), message);
            if other.is_some() {
                d = d.with_label(format!("`{}` is another level of this family", p.text));
            } else if run.len() >= 2 {
                d = d.with_label(format!("{} places name `{}`", run.len(), p.text));
            }
            d.with_help(help)
        }
        Verdict::Fine => return None,
    };
    Some(d)
}

/// A page with a single role: its grade sentence against the title. Only a
/// name with the title's head noun ("Director" in "Senior Director,
/// Engineering") is another role; other titles may name the family
/// ("Engineering Management") rather than the role.
fn single_role(roles: &Roles, level: &Level, out: &mut Vec<Diagnostic>) {
    let (Some(title), Some(g)) = (roles.title(), &level.grade) else {
        return;
    };
    let (Some(text), Some(span)) = (&g.role, &g.role_span) else {
        return;
    };
    let name = RoleName::read(text);
    if name.is_empty()
        || generic(text)
        || names::names_level(&name, title, &|w| roles.family_word(w))
    {
        return;
    }
    if let Some((written, meant)) = names::typo(&name, title) {
        out.push(
            Diagnostic::new(
                &RULE,
                span.clone(),
                format!(
                    "the grade sentence names `{text}`: `{written}` looks like a misspelling of `{meant}` in the page's title `{}`",
                    level.name
                ),
            )
            .with_help(format!("name the role as the title does: `{}`", level.name)),
        );
        return;
    }
    let same_head = name.head().is_some() && name.head() == title.head();
    // A page for one level of a family ("Senior Analyst" titled "Analyst").
    let rank_of_title = names::same_role(&name.without_seniority(), &title.without_seniority());
    if same_head && !rank_of_title {
        out.push(
            Diagnostic::new(
                &RULE,
                span.clone(),
                format!(
                    "the grade sentence names `{text}`, but the page's title is `{}`",
                    level.name
                ),
            )
            .with_help(format!("name the role as the title does: `{}`", level.name)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

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
    fn single_role_pages_compare_the_grade_sentence_with_a_title_of_the_same_role() {
        // A title that names the family rather than the role.
        let s = "---\ntitle: Analytics\n---\n\nIntro.\n\n## Job Grade\n\nThe Analyst is a grade 6.\n\n## Responsibilities\n\n- Do\n";
        assert!(lines(&RULE, s).is_empty());
        // The same head noun, another function: copied from another page.
        let s = "---\ntitle: Director, Data\n---\n\nIntro.\n\n## Job Grade\n\nThe Director, Security is a grade 10.\n\n## Responsibilities\n\n- Do\n";
        assert_eq!(lines(&RULE, s), vec![9]);
        // A page for one rung of the title's role.
        let s = "---\ntitle: Data Analyst\n---\n\nIntro.\n\n## Job Grade\n\nThe Senior Data Analyst is a grade 7.\n\n## Responsibilities\n\n- Do\n";
        assert!(lines(&RULE, s).is_empty());
    }

    #[test]
    fn another_level_is_labelled() {
        let s = page("### Analyst\n\nThe Analyst is a grade 6.\n\n### Senior Analyst\n\nThe Analyst is a grade 7.\n");
        let found = run(&RULE, &s);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .label
            .as_deref()
            .is_some_and(|l| l.contains("another level")));
    }

    #[test]
    fn qualifiers_of_a_section_name_no_role() {
        let s = page("### Senior Analyst\n\nThe Senior Analyst is a grade 7.\n\n### Location Specific Requirements\n\n- A permit\n");
        assert!(lines(&RULE, &s).is_empty());
    }

    #[test]
    fn a_level_heading_written_too_deep_owns_what_follows_it() {
        let s = page("### Analyst\n\nThe Analyst is a grade 6.\n\n#### Analyst Requirements\n\n- Know\n\n#### Senior Analyst\n\n#### Senior Analyst Job Grade\n\nThe Senior Analyst is a grade 7.\n\n#### Senior Analyst Requirements\n\n- Know more\n");
        assert!(lines(&RULE, &s).is_empty());
    }

    #[test]
    fn one_finding_for_the_sections_of_a_level_without_heading() {
        let s = page("### Analyst\n\n#### Analyst Job Grade\n\nThe Analyst is a grade 6.\n\n#### Analyst Requirements\n\n- Know\n\n#### Senior Analyst Job Grade\n\nThe Senior Analyst is a grade 7.\n\n#### Senior Analyst Requirements\n\n- Know more\n");
        assert_eq!(lines(&RULE, &s), vec![19]);
        let found = run(&RULE, &s);
        assert!(found[0].message.contains("missing"), "{}", found[0].message);
    }
}
