//! `broken-link`: a relative or root-relative link to a page or file that
//! is not in the content tree.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::Resolution;

/// The rule.
pub static RULE: Rule = Rule {
    id: "broken-link",
    group: Group::Links,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "a relative or root-relative link to a page or file not in the content tree",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a link to a page or file that the content tree does not hold.

Links are site routes, resolved the way the site generator serves pages:
`/job-families/sales/account-executive/` names
`job-families/sales/account-executive.md`, `…/_index.md`, `…/index.md`
(Hugo) or `…/index.html.md`, `….html.md`, `….html` (Middleman) under the
content root. Relative routes (`../engineer/`) are resolved from the page's
own route; links to `.md` files are resolved from the page's file; images
and other files must exist in the content root (or Hugo's `static/`).

Routes a Hugo page declares in its front matter (`aliases`, `url`) count
as that page. Links in raw HTML (`<a href>`) are not checked.

Only links into the tree are judged: when the first segment of the route
is not a folder of the content root (`/handbook/…` in a tree that only
holds `job-families/`), the page lives on another part of the site and
nothing is reported. A route naming a folder is accepted. The check is
offline and never fetches external URLs. When a file differs only in case,
or a page of the same folder has a similar name, the message says so.

## Bad

```markdown
Reports to the [Director, Sales](/job-families/sales/director-sales/).
```

## Good

```markdown
Reports to the [Director, Sales](/job-families/sales/director/).
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.site.is_none() {
        return;
    }
    for (link, resolved) in cx.doc.links.iter().zip(cx.links().iter()) {
        let Some((_, Resolution::Missing { target, hint })) = resolved else {
            continue;
        };
        let what = if link.image { "image" } else { "page" };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            link.destination_span.clone(),
            format!("no {what} at `{target}` in the content tree"),
        )
        .with_label("link target not found");
        if let Some(hint) = hint {
            diagnostic = diagnostic.with_help(hint.clone());
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    #[test]
    fn without_a_content_tree_nothing_is_reported() {
        assert_eq!(
            lines(
                &RULE,
                "See [x](/job-families/nowhere/) and [y](missing.md).\n"
            ),
            Vec::<usize>::new()
        );
    }
}
