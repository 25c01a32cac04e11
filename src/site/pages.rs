//! What the index keeps per file, and how a run reads its pages.
//!
//! The index needs the text of other pages: a link's target for its
//! anchors, and every page's front matter for the routes it declares.
//! Within a run those pages are also linted:
//!
//! - A page that is linted records its routes from the text being linted
//!   ([`Entry::record`]), so a route lookup reads nothing. Its anchors are
//!   scanned once, the first time a link asks for them: few pages are
//!   linked to with a fragment, and scanning every linted page cost more
//!   than reading those few again.
//! - A page the run has yet to lint ([`Entry::await_lint`]) that the index
//!   reads first, as a link target, keeps its text until its turn
//!   ([`Entry::take_early_text`]), within [`EARLY_TEXT_BUDGET`] bytes for
//!   all such pages; past that, such a page is read again when linted.
//!
//! Outside a run (an editor's page, `--fix`) nothing is awaited and the
//! index reads what it needs from disk. Either way a page's anchors and
//! routes come from the same text, so findings do not depend on the order
//! pages are linted in.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use super::{scan, Layout};
use crate::document::read::read_source;

/// The most page text, in bytes, a run keeps for pages read early as
/// link targets. Pages are kilobytes: this holds thousands of them.
pub const EARLY_TEXT_BUDGET: usize = 16 * 1024 * 1024;

/// What the index knows of one file.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    /// The anchors of its headings and HTML, scanned once.
    anchors: OnceLock<Vec<String>>,
    /// The routes its front matter declares (`url`, `aliases`), once.
    routes: OnceLock<Vec<String>>,
    /// Its place in the current run.
    early: Mutex<Early>,
}

/// A file's place in the current run.
#[derive(Debug, Default)]
enum Early {
    /// Not to be linted in this run (or already linted).
    #[default]
    NotAwaited,
    /// To be linted later in this run.
    Awaited,
    /// To be linted later in this run, and already read: its text.
    Held(Arc<String>),
}

/// The bytes of page text held by every entry of an index.
#[derive(Debug, Default)]
pub(crate) struct HeldBytes(AtomicUsize);

impl Entry {
    /// The anchors, scanned from the text `read` gives the first time.
    pub fn anchors(&self, layout: Layout, read: impl FnOnce() -> Option<Arc<String>>) -> &[String] {
        self.anchors
            .get_or_init(|| read().map_or_else(Vec::new, |text| scan::anchors(&text, layout)))
    }

    /// The routes the front matter declares, read from the text `read`
    /// gives the first time.
    pub fn routes(&self, read: impl FnOnce() -> Option<Arc<String>>) -> &[String] {
        self.routes
            .get_or_init(|| read().map_or_else(Vec::new, |text| front_matter_routes(&text)))
    }

    /// Records what the index needs of every page from `text`, the text
    /// being linted: its routes. Anchors are not recorded: only pages a
    /// link reaches with a fragment need them, and scanning every linted
    /// page for them cost more than reading those few again.
    pub fn record(&self, text: &str) {
        self.routes.get_or_init(|| front_matter_routes(text));
    }

    /// Marks the page as one the run will lint.
    pub fn await_lint(&self) {
        *self.lock() = Early::Awaited;
    }

    /// The page's turn to be linted: its text if it was read early.
    pub fn take_early_text(&self, held: &HeldBytes) -> Option<Arc<String>> {
        match std::mem::take(&mut *self.lock()) {
            Early::Held(text) => {
                held.0.fetch_sub(text.len(), Ordering::Relaxed);
                Some(text)
            }
            Early::NotAwaited | Early::Awaited => None,
        }
    }

    /// Ends the run for this page: forgets that it was awaited and drops
    /// its text.
    pub fn end_run(&self, held: &HeldBytes) {
        let _ = self.take_early_text(held);
    }

    /// The page's text: held from an earlier read, or read from `path`
    /// and kept when the run awaits the page and the budget allows.
    /// Files that are not valid UTF-8 are read lossily; files that cannot
    /// be read (missing, binary, a FIFO) give `None`.
    pub fn read(&self, path: &Path, held: &HeldBytes) -> Option<Arc<String>> {
        if let Early::Held(text) = &*self.lock() {
            return Some(Arc::clone(text));
        }
        let text = match read_source(path) {
            Ok(text) => Arc::new(text),
            Err(failure) if !failure.display_text.is_empty() => {
                return Some(Arc::new(failure.display_text))
            }
            Err(_) => return None,
        };
        let mut early = self.lock();
        if matches!(*early, Early::Awaited) && held.reserve(text.len()) {
            *early = Early::Held(Arc::clone(&text));
        }
        Some(text)
    }

    fn lock(&self) -> MutexGuard<'_, Early> {
        // The state is a plain value: a panic elsewhere cannot leave it
        // half-written.
        self.early
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl HeldBytes {
    /// Counts `len` more bytes as held, if they fit the budget.
    fn reserve(&self, len: usize) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
                held.checked_add(len)
                    .filter(|&total| total <= EARLY_TEXT_BUDGET)
            })
            .is_ok()
    }

    /// Bytes held now.
    #[cfg(test)]
    pub fn get(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

/// The routes a page's front matter declares.
fn front_matter_routes(text: &str) -> Vec<String> {
    scan::front_matter(text).map_or_else(Vec::new, scan::front_matter_routes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
        let path = dir.path().join("p.md");
        std::fs::write(&path, text).expect("write page");
        path
    }

    #[test]
    fn an_awaited_page_keeps_its_text_until_its_turn() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = page(&dir, "## Levels\n");
        let held = HeldBytes::default();
        let entry = Entry::default();
        entry.await_lint();
        let read = || entry.read(&path, &held);
        assert_eq!(entry.anchors(Layout::Hugo, read), ["levels"]);
        assert_eq!(held.get(), 10);
        std::fs::remove_file(&path).expect("remove page");
        let text = entry.take_early_text(&held).expect("text kept");
        assert_eq!(text.as_str(), "## Levels\n");
        assert_eq!(held.get(), 0);
        assert_eq!(entry.take_early_text(&held), None);
    }

    #[test]
    fn a_page_not_awaited_keeps_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = page(&dir, "## Levels\n");
        let held = HeldBytes::default();
        let entry = Entry::default();
        assert!(entry.read(&path, &held).is_some());
        assert_eq!(held.get(), 0);
        assert_eq!(entry.take_early_text(&held), None);
    }

    #[test]
    fn the_budget_bounds_what_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = page(&dir, "x");
        let held = HeldBytes::default();
        assert!(held.reserve(EARLY_TEXT_BUDGET - 1));
        let entry = Entry::default();
        entry.await_lint();
        assert!(entry.read(&path, &held).is_some());
        assert_eq!(held.get(), EARLY_TEXT_BUDGET);
        let big = Entry::default();
        big.await_lint();
        assert!(big.read(&path, &held).is_some());
        assert_eq!(big.take_early_text(&held), None);
        entry.end_run(&held);
        assert_eq!(held.get(), EARLY_TEXT_BUDGET - 1);
    }

    #[test]
    fn recorded_routes_need_no_read_and_anchors_are_read_when_asked() {
        let entry = Entry::default();
        let text = "---\ntitle: A\naliases: [/old/]\n---\n## Levels\n";
        entry.record(text);
        let unread = || -> Option<Arc<String>> { panic!("read after record") };
        assert_eq!(entry.routes(unread), ["/old/"]);
        let mut reads = 0;
        let mut read = || {
            reads += 1;
            Some(Arc::new(text.to_string()))
        };
        assert_eq!(entry.anchors(Layout::Hugo, &mut read), ["levels"]);
        assert_eq!(entry.anchors(Layout::Hugo, &mut read), ["levels"]);
        assert_eq!(reads, 1);
    }

    #[test]
    fn unreadable_pages_have_no_anchors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let held = HeldBytes::default();
        let entry = Entry::default();
        let binary = page(&dir, "## A\n\0");
        assert!(entry.read(&binary, &held).is_none());
        let missing = dir.path().join("missing.md");
        assert!(entry.read(&missing, &held).is_none());
    }

    #[test]
    fn routes_come_from_the_front_matter_only() {
        assert_eq!(
            front_matter_routes("\u{feff}---\r\nurl: /a/\r\n---\r\nBody\n"),
            ["/a/"]
        );
        assert_eq!(front_matter_routes("+++\nurl = '/b/'\n+++\n"), ["/b/"]);
        assert!(front_matter_routes("---\nurl: /a/\n").is_empty());
        assert!(front_matter_routes("# Title\n\nurl: /a/\n").is_empty());
        assert!(front_matter_routes("---\ntitle: A\n---\nurl: /a/\n").is_empty());
    }
}
