//! Go to definition: an "Extends …" reference goes to the heading of the
//! level it names; a link (a grade sentence's link too) goes to the page
//! it leads to, and to the heading its `#anchor` names.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_server::Request;
use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location, Range, Uri};

use super::convert::{path_to_uri, Text};
use super::outbox::Reply;
use super::view::{Placed, View};
use crate::document::{Document, Link};
use crate::site::link::Target;
use crate::site::{heading_anchors, layout_of_page, Destination, Layout, Resolution};

/// The request's method.
pub const METHOD: &str = "textDocument/definition";

/// Answers a definition request.
pub fn answer(request: &Request, view: &View<'_>) -> Reply {
    let params: GotoDefinitionParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(METHOD, &err),
    };
    let at = params.text_document_position_params;
    let uri = &at.text_document.uri;
    let Some(placed) = view.placed(uri) else {
        return Reply::null(format!("definition: {} is not open", uri.as_str()));
    };
    let page = &placed.page;
    let offset = page.offset(at.position);
    if let Some((_, extends)) = page.extends_at(offset) {
        let heading = extends
            .target
            .filter(|_| !extends.links_elsewhere())
            .and_then(|t| page.family.levels[t].heading);
        if let Some(h) = heading {
            let range = page.range(page.doc.headings[h].content.clone());
            return Reply::answer(GotoDefinitionResponse::Scalar(Location {
                uri: uri.clone(),
                range,
            }));
        }
    }
    let link = page.link_at(offset).or_else(|| page.grade_link_at(offset));
    match link.and_then(|link| link_location(&placed, view, uri, link)) {
        Some(location) => Reply::answer(GotoDefinitionResponse::Scalar(location)),
        None => Reply::Answer(serde_json::Value::Null),
    }
}

/// Where a link leads.
pub enum Destined {
    /// The linking page itself.
    ThisPage,
    /// A file, with how its anchors are made.
    File(PathBuf, Layout),
}

/// Where the link destination `written`, on the placed page, leads.
pub fn destined(placed: &Placed<'_>, written: &str) -> Option<Destined> {
    let destination = Destination::parse(written);
    if let Some(site) = placed.site() {
        match site.resolve(placed.here.as_ref(), &placed.context.path, &destination) {
            Resolution::ThisPage => return Some(Destined::ThisPage),
            Resolution::Page(page) => {
                return Some(Destined::File(site.path(&page), site.layout(&page)))
            }
            _ => {}
        }
    }
    match &destination.target {
        Target::FragmentOnly => Some(Destined::ThisPage),
        Target::Relative(path) if placed.context.on_disk => {
            let folder = placed.context.path.parent()?;
            let file = folder.join(path);
            file.is_file()
                .then(|| Destined::File(file.clone(), layout_of_page(&file)))
        }
        _ => None,
    }
}

/// The location a link leads to: the heading its fragment names, else
/// the start of the page.
fn link_location(placed: &Placed<'_>, view: &View<'_>, uri: &Uri, link: &Link) -> Option<Location> {
    let fragment = Destination::parse(&link.destination).fragment;
    match destined(placed, &link.destination)? {
        Destined::ThisPage => {
            let fragment = fragment?;
            let page = &placed.page;
            let anchors = page.heading_anchors(placed.layout());
            let h = anchors.iter().position(|a| *a == fragment)?;
            Some(Location {
                uri: uri.clone(),
                range: page.range(page.doc.headings[h].content.clone()),
            })
        }
        Destined::File(path, layout) => {
            let (open, text) = view.text_of(&path)?;
            let target = match open {
                Some(uri) => uri,
                None => path_to_uri(&path)?,
            };
            let range = fragment
                .and_then(|f| heading_range(&path, text, layout, &f))
                .unwrap_or_default();
            Some(Location { uri: target, range })
        }
    }
}

/// The range of the heading of `text` (the page at `path`) whose anchor
/// is `fragment`.
fn heading_range(path: &Path, text: Arc<String>, layout: Layout, fragment: &str) -> Option<Range> {
    let doc = Document::parse(path, text);
    let anchors = heading_anchors(&doc, layout);
    let h = anchors.iter().position(|a| a == fragment)?;
    let lines = Text::with_lines(&doc.source, doc.lines.clone());
    Some(lines.range(doc.headings[h].content.clone()))
}
