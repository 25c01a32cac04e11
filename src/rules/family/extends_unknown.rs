//! `extends-unknown`: an "Extends …" reference that names no level.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::family::names::RoleName;
use crate::family::JobFamily;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "extends-unknown",
    group: Group::Family,
    severity: Severity::Error,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary: "an \"Extends …\" reference that names no level of the family; suggests the likeliest",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports an \"Extends …\" item whose reference names no level of the family.
The reader is sent to a list that does not exist, and cannot tell what the
level includes.

\"Extends the X responsibilities\", \"Extends that of the X (Intermediate)
requirements\", \"Extends responsibilities of X\", \"Extends: X\" and
\"Extends X\" are all understood, as an item of the list or as a plain
paragraph right before it (\"Extends the X requirements, plus:\"), and
references are read the way a reader
reads names: case, punctuation, \"Sr.\" for \"Senior\", plurals, a leading
\"the\" and \"(Intermediate)\" do not matter; nor do word order, \"of\" or a
comma (\"Senior Program Manager, Learning & Development\"), an abbreviation
of the level's words (\"CSM (Intermediate)\", \"Sr Director of PS\"), or a
short form of a qualified name (\"Distinguished Engineer\" for
\"Distinguished Engineer, Infrastructure\"), when exactly one level below
the referring one fits. A seniority alone (\"Extends the Intermediate
responsibilities\") names that rung of the level's own role, or the
family's base role when the page describes it before its levels; two
levels joined by \"or\" (\"Director or Senior Director of Sales\") are
understood too. The lowest level of a page, and the role of a single-role
page, can only extend a level of another family (or of another page of
the family): their references are not reported (link to that page to make
it plain). A reference of filler words only (\"to the\" where a lead-in
such as \"Extends to the responsibilities of a X\" was not read as one)
names nothing and is not reported.

When the reference names no level, the likeliest levels below the
referring one are suggested: by shared words and edit distance, ranked
first when they have the reference's rank (\"Director …\") and when they
are the level just below. A level above is never suggested. When one
level is clearly likeliest, the fix writes its name (an unsafe fix: check
it is the level meant).

The default severity is `error`: the reference points nowhere, so the
level's lists are incomplete for every reader.

## Bad

```markdown
### Senior Data Analyst

- Extends the Data Analysts (Junior) responsibilities
```

## Good

```markdown
### Senior Data Analyst

- Extends the Data Analyst (Intermediate) responsibilities
```
";

/// Suggestions below this similarity are not worth showing.
const SUGGEST: f64 = 0.45;
/// A fix needs a similarity this high …
const FIX: f64 = 0.7;
/// … and a ranking this much ahead of the runner-up.
const MARGIN: f64 = 0.08;
/// Ranked higher: a level with the reference's rank words …
const SAME_RUNG: f64 = 0.15;
/// … and the level just below the referring one.
const JUST_BELOW: f64 = 0.1;

/// A level suggested for a reference.
struct Candidate {
    /// Index of the level.
    level: usize,
    /// How alike the names are, from 0 to 1.
    similarity: f64,
    /// The similarity with the ranking's bonuses.
    rank: f64,
}

/// The levels below `from` (and `from` itself when `with_from`) whose
/// names are close to `reference`, likeliest first.
fn candidates(family: &JobFamily, from: usize, with_from: bool, reference: &str) -> Vec<Candidate> {
    let written = RoleName::read(reference);
    let ranks = written.ranks();
    let words = written.words();
    let just_below = family.level_below(from);
    let mut out: Vec<Candidate> = family
        .closest(reference)
        .into_iter()
        .filter(|&(t, _)| (with_from || t != from) && !family.is_above(t, from))
        .filter_map(|(t, similarity)| {
            let level = RoleName::read(&family.levels[t].name);
            // "Team Member Specialist" for "Team Member Relations
            // Specialist": one word dropped, a clear rename.
            let level_words = level.words();
            let dropped = level_words.len() == words.len() + 1
                && words.iter().all(|w| level_words.contains(w));
            let similarity = if dropped {
                similarity.max(FIX)
            } else {
                similarity
            };
            if similarity < SUGGEST {
                return None;
            }
            let mut rank = similarity;
            if !ranks.is_empty() && level.ranks() == ranks {
                rank += SAME_RUNG;
            }
            if just_below == Some(t) {
                rank += JUST_BELOW;
            }
            Some(Candidate {
                level: t,
                similarity,
                rank,
            })
        })
        .collect();
    out.sort_by(|a, b| b.rank.total_cmp(&a.rank).then(a.level.cmp(&b.level)));
    out
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    let doc = cx.doc;
    for (i, level) in family.levels.iter().enumerate() {
        // A reference linking to another page names another family's level.
        let mut unknown = level
            .extends
            .iter()
            .filter(|e| e.target.is_none() && !e.links_elsewhere())
            .peekable();
        if unknown.peek().is_none() {
            continue;
        }
        let roles = cx.roles();
        // Items after a heading inside the level that names a role of its
        // own are that role's, which sits above the level.
        let inner = roles
            .inner_role_heading(doc, family, i)
            .map(|h| doc.headings[h].span.start);
        for e in unknown {
            let elsewhere = inner.is_some_and(|at| e.reference_span.start > at);
            let name = RoleName::read(&e.reference);
            if !e.reference.trim().is_empty() && name.is_empty() {
                // Filler words only ("to the" of "Extends to the
                // responsibilities of a X"): a lead-in, no name.
                continue;
            }
            if family.names_base_role(&e.reference) || roles.has_heading(&name) {
                // The base role, or a role a heading of the page names.
                continue;
            }
            if !elsewhere && !family.has_level_below(i) {
                // The lowest level (or a page's single role) can only
                // extend another family's level.
                continue;
            }
            let ranked = candidates(family, i, elsewhere, &e.reference);
            let suggestions: Vec<String> = ranked
                .iter()
                .take(3)
                .map(|c| family.name_for(c.level, &e.reference))
                .collect();
            let message = if e.reference.trim().is_empty() {
                "\"Extends\" names no level".to_string()
            } else {
                format!("`{}` names no level of this family", e.reference)
            };
            let mut d = Diagnostic::new(&RULE, e.reference_span.clone(), message)
                .with_label("no level has this name");
            if let Some(best) = suggestions.first() {
                d = d.with_help(format!("did you mean `{best}`?"));
            }
            let clear = match ranked.as_slice() {
                [top] => top.similarity >= FIX,
                [top, second, ..] => top.similarity >= FIX && top.rank - second.rank >= MARGIN,
                [] => false,
            };
            let written = doc.text(e.reference_span.clone()) == e.reference;
            if let (true, true, Some(best)) = (clear, written, suggestions.first()) {
                d = d.with_fix(Fix::unsafe_(
                    format!("write `{best}`"),
                    Edit::replace(e.reference_span.clone(), best.clone()),
                ));
            }
            out.push(d.with_suggestions(suggestions));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    fn page(item: &str) -> String {
        format!(
            "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Data Analyst (Intermediate)\n\n### Senior Data Analyst\n\n### Staff Data Analyst\n\n#### Responsibilities\n\n{item}\n"
        )
    }

    #[test]
    fn resolving_references_are_never_reported() {
        for item in [
            "- Extends the Senior Data Analyst responsibilities",
            "- Extends that of the Data Analyst (Intermediate) responsibilities",
            "- Extends responsibilities of Sr. Data Analysts",
            "- Extends: the senior data analyst",
            "- Extends Data Analyst",
            "- Extends: Senior Data Analyst Experience with finance teams",
        ] {
            assert!(lines(&RULE, &page(item)).is_empty(), "{item}");
        }
    }

    #[test]
    fn links_to_a_level_or_another_family() {
        let item = "- Extends the [Senior responsibilities](#senior-data-analyst)";
        assert!(lines(&RULE, &page(item)).is_empty());
        let item = "- Extends the [Senior Engineer responsibilities](/job-families/engineering/engineer/#senior-engineer)";
        assert!(lines(&RULE, &page(item)).is_empty());
        // A link to an anchor that is no level's does not make a name one.
        let item = "- Extends the [Principal responsibilities](#principal-engineer)";
        assert_eq!(lines(&RULE, &page(item)), vec![17]);
    }

    #[test]
    fn unknown_reference_with_a_clear_fix() {
        let found = run(
            &RULE,
            &page("- Extends the Senior Data Analysts Team responsibilities"),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].suggestions.first().map(String::as_str),
            Some("Senior Data Analyst")
        );
        let fix = found[0]
            .fix
            .as_ref()
            .map(|f| f.edits[0].replacement.as_str());
        assert_eq!(fix, Some("Senior Data Analyst"));
    }

    #[test]
    fn unknown_reference_without_a_clear_winner() {
        let found = run(
            &RULE,
            &page("- Extends the Senior Data Scientist responsibilities"),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
        assert!(!found[0].suggestions.is_empty());
        assert_eq!(
            lines(
                &RULE,
                &page("- Extends the Senior Data Scientist responsibilities")
            ),
            vec![17]
        );
    }

    #[test]
    fn fused_text_is_not_part_of_the_reference() {
        let found = run(
            &RULE,
            &page("- Extends: Lead Data Analysts own the data roadmap for finance"),
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("`Lead Data Analysts`"),
            "{}",
            found[0].message
        );
        // More of a name after a level's name is not fused text.
        let found = run(&RULE, &page("- Extends: Senior Data Analyst Team"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`Senior Data Analyst Team`"));
    }

    #[test]
    fn references_a_reader_resolves() {
        for item in [
            "- Extends the Senior DA responsibilities",
            "- Extends the Data Analyst, Senior responsibilities",
            "- Extends the Senior responsibilities",
            "- Extends the Intermediate responsibilities",
            "- Extends the Data Analyst or Senior Data Analyst responsibilities",
            "- Extends the Data Analyst role responsibilities",
        ] {
            assert!(lines(&RULE, &page(item)).is_empty(), "{item}");
        }
    }

    #[test]
    fn the_likely_level_comes_first_and_never_one_above() {
        let source = "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Manager, Data Insights\n\nThe Manager, Data Insights is a grade 8.\n\n### Director, Data Analysis\n\nThe Director, Data Analysis is a grade 10.\n\n### Senior Director, Data Analysis\n\nThe Senior Director, Data Analysis is a grade 11.\n\n#### Responsibilities\n\n- Extends the Director, Data Insights responsibilities\n\n### VP, Data Insights\n\nThe VP, Data Insights is a grade 12.\n";
        let found = run(&RULE, source);
        assert_eq!(found.len(), 1);
        // A Director reference means the Director just below, though the
        // Manager shares more words; the VP above is never offered.
        assert_eq!(
            found[0].suggestions.first().map(String::as_str),
            Some("Director, Data Analysis")
        );
        assert!(found[0]
            .suggestions
            .iter()
            .all(|s| s != "VP, Data Insights"));
    }

    #[test]
    fn the_lowest_level_extends_another_family() {
        let source = "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Manager, Data Analysis\n\n#### Responsibilities\n\n- Extends the Staff Data Analyst responsibilities\n\n### Senior Manager, Data Analysis\n";
        assert!(lines(&RULE, source).is_empty());
        // The role of a single-role page too.
        let source = "---\ntitle: Staff Data Analyst\n---\n\nIntro.\n\n## Job Grade\n\nThe Staff Data Analyst is a grade 8.\n\n## Responsibilities\n\n- Extends the Senior Data Analyst responsibilities\n";
        assert!(lines(&RULE, source).is_empty());
    }

    #[test]
    fn a_rank_alone_names_the_base_role_described_before_the_levels() {
        let source = "---\ntitle: Data Analyst\n---\n\nIntro.\n\n## Data Analyst\n\n### Responsibilities\n\n- Analyse\n\n## Levels\n\n### Associate Data Analyst\n\n### Senior Data Analyst\n\n#### Responsibilities\n\n- Extends the Intermediate responsibilities\n";
        assert!(lines(&RULE, source).is_empty());
        // Without the base role's description, nothing is named.
        let source = source.replace("### Responsibilities\n\n- Analyse\n\n", "");
        assert_eq!(lines(&RULE, &source).len(), 1);
    }
}
