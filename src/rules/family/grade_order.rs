//! `grade-order`: grades that go down as levels go up, or grades that are
//! not whole numbers.

use crate::diagnostic::{Diagnostic, Severity};
use crate::family::Grade;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "grade-order",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "grades that go down as levels go up (page order, extends graph), or a grade that is not a whole number",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports a level whose grade is lower than that of a level below it on the
ladder, and a grade that is not a whole number.

Levels are read in the page's order: up the ladder, or down it when most
grades go down from one level to the next. A level that extends another
(\"Extends the Analyst responsibilities\") sits above it, so its grade
should not be lower either. Job grades are whole numbers.

Management levels listed after the individual contributors start a track
of their own: a `Manager, Design` (grade 8) after a `Principal Designer`
(grade 9) is the Staff level's peer, not out of order.

A drop that the names explain is not reported either: a page that starts a
second ladder (an `Associate` after a `Senior`), lists a peer role after
the top of the ladder (a `Senior Director` after the `VP`), or lists a
group in the other direction names the lower rank where the grade goes
down. When the names do not tell (no rank word, or the same rank), a level
is reported when the levels after it carry on above it (`6, 7, 5, 8`) or
when it is the last, not when the page carries on from the lower grade (a
second ladder `6, 7, 5, 6`). Equal grades on consecutive levels are not
reported: pages use them for peer levels.

The default severity is `warning`: the order is read from the page, which
may list more than one ladder.

## Bad

```markdown
### Analyst

The Analyst is a [grade 7](/grades/).

### Senior Analyst

The Senior Analyst is a [grade 6.5](/grades/).
```

## Good

```markdown
### Analyst

The Analyst is a [grade 6](/grades/).

### Senior Analyst

The Senior Analyst is a [grade 7](/grades/).
```
";

/// Whether a level's name is on the management track ("Manager, Brand
/// Design", "Director of Sales", "VP, People").
fn manages(name: &str) -> bool {
    crate::family::names::tokens(name).iter().any(|w| {
        matches!(
            w.as_str(),
            "manager" | "director" | "vp" | "head" | "chief" | "president" | "officer"
        )
    })
}

/// A level's rank by the words of its name, on one scale for both
/// tracks: individual contributors by seniority, then managers, directors
/// and executives. `None` when the name has no rank word.
fn rank(name: &str) -> Option<u32> {
    let words = crate::family::names::tokens(name);
    let has = |w: &str| words.iter().any(|x| x == w);
    let senior = has("senior") || has("sr");
    if has("chief") {
        return Some(90);
    }
    if has("vp") || (has("vice") && has("president")) {
        return Some(if senior { 81 } else { 80 });
    }
    if has("director") {
        return Some(if senior { 71 } else { 70 });
    }
    if has("manager")
        && !words
            .iter()
            .any(|w| w == "program" || w == "product" || w == "account")
    {
        return Some(if senior { 61 } else { 60 });
    }
    [
        ("fellow", 7),
        ("distinguished", 6),
        ("principal", 5),
        ("staff", 4),
        ("lead", 4),
        ("senior", 3),
        ("intermediate", 2),
        ("associate", 1),
        ("junior", 1),
        ("intern", 0),
    ]
    .iter()
    .find(|(w, _)| has(w))
    .map(|&(_, r)| r)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    for level in &family.levels {
        if let Some(g) = &level.grade {
            if g.whole().is_none() {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        g.number_span.clone(),
                        format!("grade {} of `{}` is not a whole number", g.text, level.name),
                    )
                    .with_help("job grades are whole numbers"),
                );
            }
        }
    }
    let grade = |i: usize| {
        family
            .levels
            .get(i)
            .and_then(|l| l.grade.as_ref())
            .and_then(Grade::whole)
    };
    // Page order, read in the page's direction.
    let descending = family.descending();
    let mut reported = vec![false; family.levels.len()];
    let mut best: Option<(usize, u32)> = None;
    for (i, done) in reported.iter_mut().enumerate() {
        let Some(g) = grade(i) else { continue };
        // The management track starts again beside the individual
        // contributors: a Manager (grade 8) listed after a Principal
        // (grade 9) is the Staff level's peer, not the Principal's senior.
        if best.is_some_and(|(j, _)| {
            !manages(&family.levels[j].name) && manages(&family.levels[i].name)
        }) {
            best = None;
        }
        if let Some((j, top)) = best {
            let wrong = if descending { g > top } else { g < top };
            if wrong && !confirmed(family, i, j, top, descending) {
                best = Some((i, g));
                continue;
            }
            if wrong {
                *done = true;
                let g_span = family.levels[i]
                    .grade
                    .as_ref()
                    .map_or_else(|| family.level_span(cx.doc, i), |g| g.number_span.clone());
                let place = if descending { "below" } else { "above" };
                out.push(Diagnostic::new(
                    &RULE,
                    g_span,
                    format!(
                        "`{}` is grade {g}, {} than `{}` (grade {top}) though it sits {place} it",
                        family.levels[i].name,
                        if descending { "higher" } else { "lower" },
                        family.levels[j].name,
                    ),
                ));
                continue;
            }
        }
        best = Some((i, g));
    }
    // The extends graph: a level sits above what it extends.
    for (i, level) in family.levels.iter().enumerate() {
        if reported[i] {
            continue;
        }
        let Some(g) = grade(i) else { continue };
        let mut seen = Vec::new();
        for e in &level.extends {
            let Some(t) = e.target.filter(|&t| t != i) else {
                continue;
            };
            let Some(tg) = grade(t) else { continue };
            // A reference up the page is `extends-order`'s finding.
            if tg > g && !family.is_above(t, i) && !seen.contains(&t) {
                seen.push(t);
                out.push(Diagnostic::new(
                    &RULE,
                    e.reference_span.clone(),
                    format!(
                        "`{}` (grade {g}) extends `{}`, which has the higher grade {tg}",
                        level.name, family.levels[t].name
                    ),
                ));
            }
        }
    }
}

/// Whether level `i`, whose grade goes the wrong way from `top` (the grade
/// of level `j`), is out of order rather than the start of another group:
/// its name ranks it on the grade's wrong side of `j`, or, when the names
/// do not tell, the next graded level carries on from `top` rather than
/// from `i` (or there is none).
fn confirmed(
    family: &crate::family::JobFamily,
    i: usize,
    j: usize,
    top: u32,
    descending: bool,
) -> bool {
    let name = |k: usize| family.levels[k].name.as_str();
    if let (Some(ri), Some(rj)) = (rank(name(i)), rank(name(j))) {
        if ri != rj {
            // Up the ladder by name where the grade goes down (or the
            // reverse on a page listed from the top).
            return if descending { ri < rj } else { ri > rj };
        }
    }
    let next = family.levels[i + 1..]
        .iter()
        .find_map(|l| l.grade.as_ref().and_then(Grade::whole));
    match next {
        Some(n) if descending => n <= top,
        Some(n) => n >= top,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    fn page(grades: &[&str]) -> String {
        let mut s = String::from("---\ntitle: A\n---\n\nIntro.\n\n## Levels\n");
        for (i, g) in grades.iter().enumerate() {
            s.push_str(&format!(
                "\n### Level{i} A\n\nThe Level{i} A is a grade {g}.\n"
            ));
        }
        s
    }

    #[test]
    fn grades_going_down_the_page() {
        // Lines: level headings at 9, 13, 17, 21; grades on 11, 15, 19, 23.
        assert_eq!(lines(&RULE, &page(&["6", "7", "5", "8"])), vec![19]);
        assert!(lines(&RULE, &page(&["6", "7", "7", "8"])).is_empty());
    }

    #[test]
    fn a_page_listed_from_the_top_down() {
        assert!(lines(&RULE, &page(&["9", "8", "7"])).is_empty());
        assert_eq!(lines(&RULE, &page(&["9", "8", "10", "6"])), vec![19]);
    }

    #[test]
    fn extending_a_level_below_with_a_higher_grade() {
        // Top down: 10, 9, 7, 8; the third extends the fourth.
        let mut s = page(&["10", "9", "7", "8"]);
        s = s.replace(
            "The Level2 A is a grade 7.\n",
            "The Level2 A is a grade 7.\n\n#### Responsibilities\n\n- Extends the Level3 A responsibilities\n",
        );
        // The fourth is out of order on the page (line 27), and the
        // third extends a higher grade (line 23).
        assert_eq!(lines(&RULE, &s), vec![27, 23]);
    }

    #[test]
    fn the_management_track_starts_again() {
        let levels = |names: &[(&str, &str)]| {
            let mut s = "---\ntitle: Designer\n---\n\nIntro.\n\n## Levels\n\n".to_string();
            for (name, grade) in names {
                s.push_str(&format!("### {name}\n\nThe {name} is a grade {grade}.\n\n"));
            }
            s
        };
        let ok = levels(&[
            ("Designer", "6"),
            ("Senior Designer", "7"),
            ("Principal Designer", "9"),
            ("Manager, Design", "8"),
            ("Senior Manager, Design", "9"),
        ]);
        assert!(lines(&RULE, &ok).is_empty());
        // Within the management track the order still counts.
        let bad = levels(&[
            ("Designer", "6"),
            ("Principal Designer", "9"),
            ("Manager, Design", "8"),
            ("Senior Manager, Design", "10"),
            ("Director, Design", "9"),
        ]);
        assert_eq!(lines(&RULE, &bad), vec![27]);
    }

    #[test]
    fn fractional_grades() {
        assert_eq!(lines(&RULE, &page(&["6", "6.5"])), vec![15]);
    }

    #[test]
    fn extending_a_level_of_a_higher_grade() {
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Lead A\n\nThe Lead A is a grade 8.\n\n### Senior A\n\nThe Senior A is a grade 7.\n\n#### Responsibilities\n\n- Extends the Lead A responsibilities\n";
        // Two levels with grades going down read as a page listed top
        // down: the Senior extends a level above it, `extends-order`'s
        // finding.
        assert!(lines(&RULE, s).is_empty());
        let s = "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Lead A\n\n#### Responsibilities\n\n- Extends the Senior A responsibilities\n\n### Senior A\n\nThe Senior A is a grade 7.\n\n## Grades\n\nThe Lead A is a grade 6.\n";
        // Extending a level further up the page is `extends-order`'s
        // finding, not a second one here.
        assert!(lines(&RULE, s).is_empty());
    }
}
