//! `broken-anchor`: a `#fragment` that matches no anchor of the page it
//! points into.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::Resolution;

use super::anchor_match;

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
page of the content tree. Another page is named by the route it is served
at (`/job-families/sales/director/`).

A page's anchors are its headings' slugs as the site generator makes them
(Hugo's for a Hugo tree, kramdown's for a Middleman tree; repeated
headings get `-1`, `-2`, …), `{#custom-id}` heading attributes, and `id` /
`name` attributes of HTML tags such as `<a name=\"…\">`. Fragments of
external links, and of pages outside the tree, are not checked.

A malformed fragment that holds a section path around the anchor
(`#specialties/##gitlab-for-education/`, or a trailing slash) is read as
the anchor after its last `#`: when the page has that anchor, the message
says so and an unsafe fix links to it.

Otherwise the anchors the link plausibly meant are suggested, best first.
Fragments and anchors are compared word by word: the same word, a slip of
typing (`date` for `data`), another form of it (`level`, `levels`) or its
initials (`csm` for `customer-success-manager`) match, and filler words
(`of`, `the`) do not count. A level's heading ranks above its
sub-sections (`-job-grade`, `-requirements`), whose extra words count
against them. When no anchor is like the fragment, the link's text is
compared instead (`[Senior Manager, Data](#manager-3)`). When nothing is
alike, no anchor is suggested: the page has no such section. When one
anchor is clearly the closest, an unsafe fix replaces the fragment with it
(a person should check it is the section meant).

The default severity is `error`: the anchors are computed as the site
generator computes them, and a broken fragment drops the reader at the top
of the page instead of the section the link names.

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
        // The target page in the site, `None` for this page.
        let (anchors, target) = match (resolution, here.site) {
            (Resolution::ThisPage, _) => (here.own_anchors(cx), None),
            (Resolution::Page(page), Some(site)) => (site.anchors(page), Some((site, page))),
            _ => continue,
        };
        if anchors.iter().any(|a| a == fragment) {
            continue;
        }
        let place = match target {
            Some((site, page)) => format!("`{}`", site.served_route(page)),
            None => "this page".to_string(),
        };
        let span = link.destination_span.clone();
        let fragment_span = (span.start + offset).min(span.end)..span.end;
        let reported = fragment_span.start.saturating_sub(1).max(span.start)..span.end;
        let meant = meant_anchor(fragment);
        if let Some(meant) = meant.filter(|m| anchors.iter().any(|a| a == m)) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    reported,
                    format!(
                        "malformed fragment `#{fragment}`: the anchor `#{meant}` on {place} is meant"
                    ),
                )
                .with_label("not an anchor as written")
                .with_help(format!("link to `#{meant}`"))
                .with_suggestions(vec![format!("#{meant}")])
                .with_fix(Fix::unsafe_(
                    format!("link to `#{meant}`"),
                    Edit::replace(fragment_span, meant),
                )),
            );
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            &RULE,
            reported,
            format!("`#{fragment}` matches no heading or anchor on {place}"),
        )
        .with_label("no such anchor");
        let ranked = anchor_match::rank(meant.unwrap_or(fragment), &link.text, anchors);
        match ranked.first() {
            Some((best, _)) => {
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
            None => {
                diagnostic = diagnostic.with_help(
                    "no heading there is like it: link to a section that exists, or drop the fragment",
                );
            }
        }
        if let Some(best) = anchor_match::clear_winner(&ranked) {
            diagnostic = diagnostic.with_fix(Fix::unsafe_(
                format!("link to `#{best}`"),
                Edit::replace(fragment_span, best),
            ));
        }
        out.push(diagnostic);
    }
}

/// The anchor a malformed fragment names: the part after its last `#`
/// (`specialties/##gitlab-for-education/` is a section path pasted around
/// the anchor `gitlab-for-education`), without the slashes around it.
/// `None` when the fragment is not malformed that way.
fn meant_anchor(fragment: &str) -> Option<&str> {
    let last = fragment.rsplit('#').next().unwrap_or(fragment);
    let meant = last.trim_matches('/');
    (meant != fragment && !meant.is_empty() && !meant.contains('/')).then_some(meant)
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
    fn a_malformed_fragment_names_the_anchor_after_its_last_hash() {
        let src = "## Specialties\n\n### Open Source\n\n[a](#specialties/##open-source/) [b](#open-source/) [c](#specialties/##nothing/)\n";
        let found = run(&RULE, src);
        assert_eq!(found.len(), 3);
        assert!(
            found[0].message.contains("`#open-source`"),
            "{}",
            found[0].message
        );
        let fix = found[0].fix.as_ref().expect("the anchor meant");
        assert_eq!(fix.edits[0].replacement, "open-source");
        assert_eq!(&src[fix.edits[0].range()], "specialties/##open-source/");
        assert!(found[1].message.starts_with("malformed fragment"));
        assert!(found[2].message.contains("matches no heading"));
    }

    #[test]
    fn no_suggestion_when_no_heading_is_alike() {
        let src = "## Secure\n\n## Scalability\n\nSee the [specialties](#specialties).\n";
        let found = run(&RULE, src);
        assert_eq!(found.len(), 1);
        assert!(found[0].suggestions.is_empty());
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn meant_anchors_of_malformed_fragments() {
        assert_eq!(meant_anchor("a/##b/"), Some("b"));
        assert_eq!(meant_anchor("levels/"), Some("levels"));
        assert_eq!(meant_anchor("levels"), None);
        assert_eq!(meant_anchor("a/b"), None);
        assert_eq!(meant_anchor("##"), None);
    }
}
