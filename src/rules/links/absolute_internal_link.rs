//! `absolute-internal-link`: an absolute URL to the handbook's own site
//! that should be a relative link.

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::LinkKind;
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::link::{percent_decode, Target};
use crate::site::{Layout, Lookup};

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
`handbook.gitlab.com`). Links are reported, and so are URLs written bare
in the prose of a Hugo page, since Hugo's renderer links them.

The suggested route is the one the site serves the page at, with the
URL's query and fragment kept: `https://handbook.gitlab.com/handbook/x/#y`
becomes `/handbook/x/#y`. On a Hugo site, which serves pages at
lower-cased routes without `.html`, an old Middleman path such as
`/handbook/Infra-Escalation/process.html` becomes
`/handbook/infra-escalation/process/`, and the pages of
`about.gitlab.com/company/` are looked for under `/handbook/company/`,
where the Hugo handbook keeps them.

The fix replaces the URL with the route. It is safe when the content tree
holds the route. When it does not (the page lives on another part of the
site, or there is no tree to look in), the route is offered as an unsafe
fix; for a company page on a Hugo site whose tree holds neither
`/company/…` nor `/handbook/company/…`, the route is not known and no
route or fix is offered. Autolinks (`<https://…>`) and bare URLs get no
fix, since the URL is also the link's text.

The default severity is `warning`: the absolute link works today; it is
fragile rather than broken.

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

/// An absolute URL found on the page: a link's destination or a bare URL.
struct Found<'a> {
    span: Range<usize>,
    target: &'a Target,
    /// Whether the fix may replace the URL (not when it is also the
    /// link's text).
    fixable: bool,
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
    let links = cx.links();
    let mut found: Vec<Found<'_>> = cx
        .doc
        .links
        .iter()
        .zip(links.destinations())
        .filter(|(link, _)| link.kind != LinkKind::Email && !link.destination_span.is_empty())
        .map(|(link, dest)| Found {
            span: link.destination_span.clone(),
            target: &dest.target,
            fixable: link.kind != LinkKind::Autolink,
        })
        .collect();
    let bare = if links.here.layout == Layout::Hugo {
        links.bare_urls()
    } else {
        &[]
    };
    found.extend(bare.iter().map(|(span, dest)| Found {
        span: span.clone(),
        target: &dest.target,
        fixable: false,
    }));
    found.sort_by_key(|f| f.span.start);
    for f in found {
        let Target::Url { host, path, rest } = f.target else {
            continue;
        };
        if !hosts.iter().any(|h| h.matches(host, path)) {
            continue;
        }
        out.push(report(cx, &f, path, rest));
    }
}

/// The finding for an internal URL with this path and rest (`?q#f`).
fn report(cx: &Context<'_>, found: &Found<'_>, path: &str, rest: &str) -> Diagnostic {
    let what = "absolute link to the handbook's own site";
    let (route, safe, help) = match relative_route(cx, cx.links().here.layout, path) {
        Route::Unknown(help) => {
            return Diagnostic::new(
                &RULE,
                found.span.clone(),
                format!("{what}; link to the page's relative route"),
            )
            .with_label("absolute URL to an internal page")
            .with_help(help);
        }
        Route::Known { route, help } => (route, true, help),
        Route::Likely { route, help } => (route, false, help),
    };
    let route = if route.is_empty() {
        format!("/{rest}")
    } else {
        format!("{route}{rest}")
    };
    let mut diagnostic = Diagnostic::new(
        &RULE,
        found.span.clone(),
        format!("{what}; use the relative link `{route}`"),
    )
    .with_label("absolute URL to an internal page")
    .with_suggestions(vec![route.clone()]);
    if let Some(help) = help {
        diagnostic = diagnostic.with_help(help);
    }
    if found.fixable {
        let edit = Edit::replace(found.span.clone(), route.clone());
        let description = format!("replace with `{route}`");
        diagnostic = diagnostic.with_fix(if safe {
            Fix::safe(description, edit)
        } else {
            Fix::unsafe_(description, edit)
        });
    }
    diagnostic
}

/// The relative route of an internal URL's page.
enum Route {
    /// The content tree holds it.
    Known { route: String, help: Option<String> },
    /// The route the site serves the URL's path at, which the content
    /// tree does not show (or there is no tree).
    Likely { route: String, help: Option<String> },
    /// Not known; the help says why.
    Unknown(String),
}

/// Where the site serves the page of an internal URL's `path`.
fn relative_route(cx: &Context<'_>, layout: Layout, path: &str) -> Route {
    let served = match layout {
        Layout::Hugo => hugo_route(path),
        Layout::Middleman => path.to_string(),
    };
    let served_help = (served != path)
        .then(|| format!("Hugo serves `{path}` at `{served}` (lower case, no `.html`)"));
    let company =
        layout == Layout::Hugo && (served == "/company" || served.starts_with("/company/"));
    if !company {
        return match lookup(cx, &served) {
            Some(Lookup::Page(_) | Lookup::Exists) => Route::Known {
                route: served,
                help: served_help,
            },
            _ => Route::Likely {
                route: served,
                help: served_help,
            },
        };
    }
    let moved = format!("/handbook{served}");
    let moved_help = "the Hugo handbook keeps the pages of `about.gitlab.com/company/` under `/handbook/company/`"
        .to_string();
    if let Some(Lookup::Page(_) | Lookup::Exists) = lookup(cx, &moved) {
        return Route::Known {
            route: moved,
            help: Some(moved_help),
        };
    }
    match lookup(cx, &served) {
        Some(Lookup::Page(_) | Lookup::Exists) => Route::Known {
            route: served,
            help: served_help,
        },
        Some(Lookup::Missing { .. }) => Route::Likely {
            route: served,
            help: served_help,
        },
        _ => Route::Unknown(format!(
            "{moved_help}, but the content tree holds neither `{served}` nor `{moved}`: link to the route the page has now"
        )),
    }
}

/// What the content tree holds at a route (`None` without a tree).
fn lookup(cx: &Context<'_>, route: &str) -> Option<Lookup> {
    let site = cx.site?;
    let segments: Vec<String> = percent_decode(route)
        .split('/')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    if segments.is_empty() {
        return Some(Lookup::Exists);
    }
    Some(site.lookup_route_once(&segments))
}

/// The route Hugo serves a path at: lower-cased, `x.html` as `x/` and
/// `x/index.html` as `x/` (a path written the way the older Middleman site
/// served it).
fn hugo_route(path: &str) -> String {
    let lower = path.to_lowercase();
    if let Some(folder) = lower.strip_suffix("/index.html") {
        return format!("{folder}/");
    }
    match lower.strip_suffix(".html") {
        Some(page) if !page.ends_with('/') => format!("{page}/"),
        _ => lower,
    }
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
    fn routes_are_those_the_site_serves() {
        assert_eq!(
            hugo_route("/handbook/A/Process.html"),
            "/handbook/a/process/"
        );
        assert_eq!(hugo_route("/handbook/a/index.html"), "/handbook/a/");
        assert_eq!(hugo_route("/handbook/a/"), "/handbook/a/");
        assert_eq!(hugo_route("/handbook/values"), "/handbook/values");
        let src = "[a](https://about.gitlab.com/handbook/Dev/Process.html#Step-1)\n\n\
                   [b](https://about.gitlab.com/company/team/)\n";
        let found = run(&RULE, src);
        assert_eq!(found[0].suggestions, vec!["/handbook/dev/process/#Step-1"]);
        let fix = found[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert!(
            found[1].suggestions.is_empty(),
            "{:?}",
            found[1].suggestions
        );
        assert!(found[1].fix.is_none());
        assert!(
            found[1]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("/handbook/company/team/"),
            "{:?}",
            found[1].help
        );
    }

    #[test]
    fn middleman_pages_keep_the_path_and_their_bare_urls_are_text() {
        let src = "[a](https://about.gitlab.com/company/team/) and https://about.gitlab.com/handbook/x/\n";
        let doc = crate::document::Document::parse("p.html.md", src.to_string());
        let settings = crate::rules::Settings::default();
        let cx = Context::new(&doc, &settings, None);
        let mut found = Vec::new();
        check(&cx, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].suggestions, vec!["/company/team/"]);
    }

    #[test]
    fn bare_urls_in_prose_are_reported_without_a_fix() {
        let src = "Pay is set at https://about.gitlab.com/handbook/total-rewards/. See `https://about.gitlab.com/handbook/x/`.\n";
        assert_eq!(lines(&RULE, src), vec![1]);
        let found = run(&RULE, src);
        assert_eq!(found[0].suggestions, vec!["/handbook/total-rewards/"]);
        assert!(found[0].fix.is_none());
        assert_eq!(
            &src[found[0].span.clone()],
            "https://about.gitlab.com/handbook/total-rewards/"
        );
    }

    #[test]
    fn parses_configured_hosts() {
        let h = Internal::parse("https://docs.example.com/guide/");
        assert_eq!((h.host, h.prefix), ("docs.example.com", "/guide"));
        assert!(h.matches("docs.example.com", "/guide"));
        assert!(!h.matches("docs.example.com", "/guides"));
    }
}
