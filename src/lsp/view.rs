//! What the requests answered on the message loop see: the open pages
//! as the editor has them, the workspace index, and other pages' text
//! (the editor's when open, else the file's).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::Uri;

use super::context::PageContext;
use super::convert::uri_to_path;
use super::documents::Documents;
use super::index::{Handbook, Handbooks};
use super::page::Page;
use crate::engine::read_source;
use crate::site::link::page_layout;
use crate::site::{Layout, PageRef, SiteIndex};

/// A view of the workspace for one request.
pub struct View<'a> {
    /// The open pages.
    pub documents: &'a Documents,
    /// The workspace index.
    pub handbooks: &'a Handbooks,
    /// The workspace folders.
    pub folders: &'a [PathBuf],
}

/// An open page with its place.
pub struct Placed<'a> {
    /// The page, parsed.
    pub page: Page,
    /// Its configuration and content roots.
    pub context: PageContext,
    /// Its handbook, when indexed.
    pub handbook: Option<&'a Handbook>,
    /// Its place in the handbook, when it is one of its pages.
    pub here: Option<PageRef>,
}

impl Placed<'_> {
    /// The handbook's site index.
    pub fn site(&self) -> Option<&SiteIndex> {
        self.handbook.map(|h| h.site.as_ref())
    }

    /// How the page's anchors are made.
    pub fn layout(&self) -> Layout {
        page_layout(self.site(), self.here.as_ref(), &self.context.path)
    }
}

impl<'a> View<'a> {
    /// The open page `uri`, parsed and placed; `None` if it is not open.
    pub fn placed(&self, uri: &Uri) -> Option<Placed<'a>> {
        let document = self.documents.get(uri)?;
        let context = PageContext::of(uri, self.folders);
        let page = Page::new(context.path.clone(), Arc::clone(&document.text));
        let handbook = self.handbooks.get(&context.roots);
        let here = handbook
            .filter(|_| context.on_disk)
            .and_then(|h| h.site.locate(&context.path));
        Some(Placed {
            page,
            context,
            handbook,
            here,
        })
    }

    /// The text of the page at `path`: the editor's if it is open, else
    /// the file's.
    pub fn text_of(&self, path: &Path) -> Option<(Option<Uri>, Arc<String>)> {
        if let Some((uri, document)) = self.open_at(path) {
            return Some((Some(uri.clone()), Arc::clone(&document.text)));
        }
        read_source(path).ok().map(|text| (None, Arc::new(text)))
    }

    /// The open page whose file is `path`.
    pub fn open_at(&self, path: &Path) -> Option<(&'a Uri, &'a super::documents::OpenDocument)> {
        let wanted = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.documents.iter().find(|(uri, _)| {
            uri_to_path(uri.as_str())
                .is_some_and(|p| p == path || std::fs::canonicalize(&p).is_ok_and(|c| c == wanted))
        })
    }
}
