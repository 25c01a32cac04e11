//! What the link rules share: where the page being linted sits in the
//! content tree, and where each of its links leads. Both are worked out
//! once per page (see [`Context::links`]) and read by every link rule.

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::RandomState;

use crate::document::{Link, LinkKind};
use crate::rules::Context;
use crate::site::link::{document_anchors, page_layout};
use crate::site::{Destination, Layout, PageRef, Resolution, SiteIndex};

/// The page being linted, placed in the site.
pub(crate) struct Here<'a> {
    /// The site index, if there is one.
    pub site: Option<&'a SiteIndex>,
    /// The page's place in the index.
    pub page: Option<PageRef>,
    /// The slugs its anchors follow.
    pub layout: Layout,
    own: OnceLock<Vec<String>>,
}

impl<'a> Here<'a> {
    /// Places the page of `cx`.
    pub fn new(cx: &Context<'a>) -> Here<'a> {
        let page = cx.page().cloned();
        let layout = page_layout(cx.site, page.as_ref(), &cx.doc.path);
        Here {
            site: cx.site,
            page,
            layout,
            own: OnceLock::new(),
        }
    }

    /// The page's own anchors, from its document.
    pub fn own_anchors(&self, cx: &Context<'_>) -> &[String] {
        self.own
            .get_or_init(|| document_anchors(cx.doc, self.layout))
    }

    /// Whether `link` is checked at all: not e-mail, autolinks or
    /// undefined references.
    fn is_checked(link: &Link) -> bool {
        if matches!(link.kind, LinkKind::Email | LinkKind::Autolink) {
            return false;
        }
        if link.destination_span.is_empty() && !link.destination.is_empty() {
            return false;
        }
        !(link.kind == LinkKind::Reference && link.destination_span.is_empty())
    }

    /// Where a checked link to `dest` leads.
    fn resolve_destination(&self, cx: &Context<'_>, dest: &Destination) -> Resolution {
        match self.site {
            Some(site) => site.resolve(self.page.as_ref(), &cx.doc.path, dest),
            None => match dest.target {
                crate::site::link::Target::FragmentOnly => Resolution::ThisPage,
                _ => Resolution::Unknown,
            },
        }
    }
}

/// The page placed in the site and every link of it parsed and resolved,
/// in the order of [`crate::document::Document::links`].
pub(crate) struct Links<'a> {
    /// The page.
    pub here: Here<'a>,
    destinations: Vec<Destination>,
    resolved: Vec<Option<Resolution>>,
}

impl<'a> Links<'a> {
    /// Places the page of `cx`, parses its links' destinations and
    /// resolves them.
    pub fn new(cx: &Context<'a>) -> Links<'a> {
        let here = Here::new(cx);
        let links = &cx.doc.links;
        let mut destinations: Vec<Destination> = Vec::with_capacity(links.len());
        let mut resolved: Vec<Option<Resolution>> = Vec::with_capacity(links.len());
        // A page often repeats a destination (every level links to the
        // same grade table): each written destination is parsed and
        // resolved once, at the first link that writes it (resolving
        // reads only the destination and the page).
        let mut first: HashMap<&str, usize, RandomState> = HashMap::default();
        for (i, link) in links.iter().enumerate() {
            let earlier = *first.entry(link.destination.as_str()).or_insert(i);
            let dest = match destinations.get(earlier) {
                Some(dest) if earlier < i => dest.clone(),
                _ => Destination::parse(&link.destination),
            };
            let resolution = if !Here::is_checked(link) {
                None
            } else if let Some(Some(known)) = resolved.get(earlier).filter(|_| earlier < i) {
                Some(known.clone())
            } else {
                Some(here.resolve_destination(cx, &dest))
            };
            destinations.push(dest);
            resolved.push(resolution);
        }
        Links {
            here,
            destinations,
            resolved,
        }
    }

    /// The parsed destination of each link.
    pub fn destinations(&self) -> &[Destination] {
        &self.destinations
    }

    /// Each link's destination and resolution (`None` for links that are
    /// not checked).
    pub fn iter(&self) -> impl Iterator<Item = Option<(&Destination, &Resolution)>> {
        self.destinations
            .iter()
            .zip(&self.resolved)
            .map(|(dest, resolved)| resolved.as_ref().map(|r| (dest, r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::Settings;

    #[test]
    fn repeated_destinations_resolve_as_the_first() {
        let src = "Intro [a](#x) [b](#x) [c](/h/p/#g) <https://e.x/> [d](/h/p/#g) [e][r] [f][r] [g](#x)\n\n[r]: #x\n";
        let doc = Document::parse("t.md", src.to_string());
        let settings = Settings::default();
        let cx = Context::new(&doc, &settings, None);
        let links = Links::new(&cx);
        assert_eq!(links.destinations().len(), doc.links.len());
        for ((link, dest), found) in doc.links.iter().zip(links.destinations()).zip(links.iter()) {
            let fresh = Destination::parse(&link.destination);
            assert_eq!(dest, &fresh);
            let resolution =
                Here::is_checked(link).then(|| links.here.resolve_destination(&cx, &fresh));
            assert_eq!(found.map(|(_, r)| r.clone()), resolution, "{link:?}");
        }
    }
}
