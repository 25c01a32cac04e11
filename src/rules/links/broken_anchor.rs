//! `broken-anchor`: a `#fragment` that matches no anchor of the page it
//! points into.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::Resolution;

/// The rule.
pub static RULE: Rule = Rule {
    id: "broken-anchor",
    group: Group::Links,
    severity: Severity::Error,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary: "a #fragment that matches no heading anchor of the target page (this page included)",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a `#fragment` that matches no anchor of the page it points into:
the same page (`#levels`, or a link to the page's own route) or another
page of the content tree.

A page's anchors are its headings' slugs as the site generator makes them
(Hugo's for a Hugo tree, kramdown's for a Middleman tree; repeated
headings get `-1`, `-2`, …), `{#custom-id}` heading attributes, and `id` /
`name` attributes of HTML tags such as `<a name=\"…\">`. Fragments of
external links, and of pages outside the tree, are not checked.

The closest anchor of the target page is suggested; when one anchor is
clearly the closest, an unsafe fix replaces the fragment with it (a
person should check it is the section meant).

## Bad

```markdown
## Senior Manager, Data

Reports to the [Senior Manager](#senior-manager-date).
```

## Good

```markdown
## Senior Manager, Data

Reports to the [Senior Manager](#senior-manager-data).
```
";

/// Fragments browsers handle without an anchor.
const ALWAYS_THERE: &[&str] = &["", "top"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let links = cx.links();
    let here = &links.here;
    for (link, resolved) in cx.doc.links.iter().zip(links.iter()) {
        let Some((dest, resolution)) = resolved else {
            continue;
        };
        let (Some(fragment), Some(offset)) = (&dest.fragment, dest.fragment_offset) else {
            continue;
        };
        if ALWAYS_THERE.contains(&fragment.as_str()) {
            continue;
        }
        let anchors = match (resolution, here.site) {
            (Resolution::ThisPage, _) => here.own_anchors(cx),
            (Resolution::Page(page), Some(site)) => site.anchors(page),
            _ => continue,
        };
        if anchors.iter().any(|a| a == fragment) {
            continue;
        }
        let place = match (resolution, here.site) {
            (Resolution::Page(page), Some(site)) => format!("`{}`", site.path(page).display()),
            _ => "this page".to_string(),
        };
        let span = link.destination_span.clone();
        let fragment_span = (span.start + offset).min(span.end)..span.end;
        let mut diagnostic = Diagnostic::new(
            &RULE,
            fragment_span.start.saturating_sub(1).max(span.start)..span.end,
            format!("`#{fragment}` matches no heading or anchor on {place}"),
        )
        .with_label("no such anchor");
        let ranked = closest(fragment, anchors);
        if let Some((best, _)) = ranked.first() {
            diagnostic = diagnostic
                .with_help(format!("the closest anchor is `#{best}`"))
                .with_suggestions(
                    ranked
                        .iter()
                        .take(3)
                        .map(|(a, _)| format!("#{a}"))
                        .collect(),
                );
        }
        if let Some(best) = clear_winner(&ranked) {
            diagnostic = diagnostic.with_fix(Fix::unsafe_(
                format!("link to `#{best}`"),
                Edit::replace(fragment_span, best),
            ));
        }
        out.push(diagnostic);
    }
}

/// The anchors most like `fragment`, best first, with their scores.
fn closest<'a>(fragment: &str, anchors: &'a [String]) -> Vec<(&'a str, f64)> {
    let wanted = fragment.to_lowercase();
    let mut ranked: Vec<(&str, f64)> = anchors
        .iter()
        .map(|a| (a.as_str(), strsim::jaro_winkler(&wanted, &a.to_lowercase())))
        .filter(|(_, score)| *score >= 0.65)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.dedup_by(|a, b| a.0 == b.0);
    ranked
}

/// The best anchor when it is close and clearly ahead of the others. An
/// anchor that only extends the best one (`x-job-grade` after `x`, the
/// subsections of the section `x`) does not compete with it.
fn clear_winner<'a>(ranked: &[(&'a str, f64)]) -> Option<&'a str> {
    let (best, score) = *ranked.first()?;
    let extends_best = |other: &str| {
        other
            .strip_prefix(best)
            .is_some_and(|rest| rest.starts_with('-'))
    };
    let runner_up = ranked[1..]
        .iter()
        .filter(|(other, _)| !extends_best(other))
        .map(|r| r.1)
        .fold(0.0, f64::max);
    (score >= 0.8 && score - runner_up >= 0.05).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn own_anchors_are_checked_without_a_tree() {
        let src = "## Senior Manager, Data\n\n## Levels\n\nSee [a](#levels), [b](#senior-manager-date), [c](#top) and [d](#nothing-like-it).\n";
        assert_eq!(lines(&RULE, src), vec![5, 5]);
        let found = run(&RULE, src);
        let fix = found[0].fix.as_ref().expect("a clear winner");
        assert_eq!(fix.edits[0].replacement, "senior-manager-data");
        assert!(found[1].fix.is_none());
    }

    #[test]
    fn custom_ids_html_anchors_and_repeats_count() {
        let src = "## Levels {#lv}\n\n## Job Grade\n\n## Job Grade\n\n<a name=\"old\"></a>\n\n[a](#lv) [b](#job-grade-1) [c](#old) [d](#levels) [e](#job-grade-2)\n";
        assert_eq!(lines(&RULE, src), vec![9, 9]);
    }

    #[test]
    fn a_section_wins_over_its_subsections() {
        let anchors: Vec<String> = [
            "senior-manager-enterprise-applications",
            "senior-manager-enterprise-applications-job-grade",
            "senior-manager-enterprise-applications-requirements",
            "manager-enterprise-applications",
            "levels",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let ranked = closest("senior-manager-data", &anchors);
        assert_eq!(
            clear_winner(&ranked),
            Some("senior-manager-enterprise-applications")
        );
    }

    #[test]
    fn close_ties_get_no_fix() {
        let anchors = vec!["job-grade-1".to_string(), "job-grade-2".to_string()];
        let ranked = closest("job-grade-3", &anchors);
        assert_eq!(ranked.len(), 2);
        assert_eq!(clear_winner(&ranked), None);
    }
}
