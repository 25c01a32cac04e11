//! What the link rules share: where the page being linted sits in the
//! content tree, and where each of its links leads. Both are worked out
//! once per page (see [`Context::links`]) and read by every link rule.

use std::sync::OnceLock;

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
        let page = cx.site.and_then(|site| site.locate(&cx.doc.path));
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

    /// Where `link`, whose destination is `dest`, leads; `None` for links
    /// that are not checked (e-mail, autolinks, undefined references).
    pub fn resolve(&self, cx: &Context<'_>, link: &Link, dest: &Destination) -> Option<Resolution> {
        if matches!(link.kind, LinkKind::Email | LinkKind::Autolink) {
            return None;
        }
        if link.destination_span.is_empty() && !link.destination.is_empty() {
            return None;
        }
        if link.kind == LinkKind::Reference && link.destination_span.is_empty() {
            return None;
        }
        Some(match self.site {
            Some(site) => site.resolve(self.page.as_ref(), &cx.doc.path, dest),
            None => match dest.target {
                crate::site::link::Target::FragmentOnly => Resolution::ThisPage,
                _ => Resolution::Unknown,
            },
        })
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
        let destinations: Vec<Destination> = cx
            .doc
            .links
            .iter()
            .map(|link| Destination::parse(&link.destination))
            .collect();
        let resolved = cx
            .doc
            .links
            .iter()
            .zip(&destinations)
            .map(|(link, dest)| here.resolve(cx, link, dest))
            .collect();
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
