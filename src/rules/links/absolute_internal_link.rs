//! `absolute-internal-link`: an absolute URL to the handbook's own site
//! that should be a relative link.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::LinkKind;
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::link::{percent_decode, Target};
use crate::site::Lookup;

/// The rule.
pub static RULE: Rule = Rule {
    id: "absolute-internal-link",
    group: Group::Links,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "an absolute URL to the handbook's own site that should be a relative link",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports an absolute URL to the handbook's own site, such as
`https://about.gitlab.com/handbook/hiring/`, that should be the relative
route `/handbook/hiring/`. Relative links keep working in previews, on
mirrors and after a domain move, and can be checked offline.

The hosts and path prefixes that count as the handbook's own site are the
`internal_hosts` setting (default: `about.gitlab.com/handbook`,
`about.gitlab.com/job-families`, `about.gitlab.com/company`,
`handbook.gitlab.com`). The route is the URL's path, with its query and
fragment kept: `https://handbook.gitlab.com/handbook/x/#y` becomes
`/handbook/x/#y`.

The fix replaces the URL with the route. It is safe when the route names
a page of the content tree; otherwise (the page lives on another part of
the site, or there is no tree to look in) it is offered as unsafe.
Autolinks (`<https://…>`) get no fix.

## Bad

```markdown
See the [hiring process](https://about.gitlab.com/handbook/hiring/).
```

## Good

```markdown
See the [hiring process](/handbook/hiring/).
```
";

/// A configured host with an optional path prefix.
struct Internal<'a> {
    host: &'a str,
    prefix: &'a str,
}

impl<'a> Internal<'a> {
    fn parse(entry: &'a str) -> Internal<'a> {
        let entry = entry.trim();
        let entry = entry
            .split_once("://")
            .map_or(entry, |(_, rest)| rest)
            .trim_start_matches('/');
        let (host, prefix) = match entry.find('/') {
            Some(i) => (&entry[..i], entry[i..].trim_end_matches('/')),
            None => (entry, ""),
        };
        Internal { host, prefix }
    }

    fn matches(&self, host: &str, path: &str) -> bool {
        let host_ok = host.eq_ignore_ascii_case(self.host)
            || host
                .strip_prefix("www.")
                .is_some_and(|h| h.eq_ignore_ascii_case(self.host));
        host_ok
            && (self.prefix.is_empty()
                || path == self.prefix
                || path
                    .strip_prefix(self.prefix)
                    .is_some_and(|rest| rest.starts_with('/')))
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let hosts: Vec<Internal<'_>> = cx
        .settings
        .internal_hosts
        .iter()
        .map(|h| Internal::parse(h))
        .filter(|h| !h.host.is_empty())
        .collect();
    if hosts.is_empty() {
        return;
    }
    let destinations = cx.links().destinations();
    for (link, dest) in cx.doc.links.iter().zip(destinations) {
        if link.kind == LinkKind::Email || link.destination_span.is_empty() {
            continue;
        }
        let Target::Url { host, path, rest } = &dest.target else {
            continue;
        };
        if !hosts.iter().any(|h| h.matches(host, path)) {
            continue;
        }
        let route = if path.is_empty() {
            format!("/{rest}")
        } else {
            format!("{path}{rest}")
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            link.destination_span.clone(),
            format!("absolute link to the handbook's own site; use the relative link `{route}`"),
        )
        .with_label("absolute URL to an internal page")
        .with_suggestions(vec![route.clone()]);
        if link.kind != LinkKind::Autolink {
            let edit = Edit::replace(link.destination_span.clone(), route.clone());
            let description = format!("replace with `{route}`");
            let fix = if in_tree(cx, path) {
                Fix::safe(description, edit)
            } else {
                Fix::unsafe_(description, edit)
            };
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
}

/// Whether the route names a page or folder of the content tree.
fn in_tree(cx: &Context<'_>, path: &str) -> bool {
    let Some(site) = cx.site else { return false };
    let segments: Vec<String> = percent_decode(path)
        .split('/')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    !segments.is_empty()
        && matches!(
            site.lookup_route(&segments),
            Lookup::Page(_) | Lookup::Exists
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_links_to_internal_hosts() {
        let src = "\
[a](https://about.gitlab.com/handbook/hiring/#screening)
[b](https://about.gitlab.com/company/team/)
[c](https://about.gitlab.com/pricing/)
[d](https://handbook.gitlab.com/handbook/values/)
[e](https://about.gitlab.com/handbooks/x/)
[f](/handbook/hiring/)
<https://handbook.gitlab.com/>
[g](http://www.about.gitlab.com/job-families/sales/)
";
        assert_eq!(lines(&RULE, src), vec![1, 2, 4, 7, 8]);
        let found = run(&RULE, src);
        let fix = found[0].fix.as_ref().expect("fix");
        assert_eq!(fix.edits[0].replacement, "/handbook/hiring/#screening");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(
            found[2]
                .fix
                .as_ref()
                .map(|f| f.edits[0].replacement.as_str()),
            Some("/handbook/values/")
        );
        assert!(found[3].fix.is_none(), "autolinks get no fix");
    }

    #[test]
    fn parses_configured_hosts() {
        let h = Internal::parse("https://docs.example.com/guide/");
        assert_eq!((h.host, h.prefix), ("docs.example.com", "/guide"));
        assert!(h.matches("docs.example.com", "/guide"));
        assert!(!h.matches("docs.example.com", "/guides"));
    }
}
