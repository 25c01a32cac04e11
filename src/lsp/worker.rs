//! The linting thread: lints open pages off the message loop, so typing
//! never waits for it.
//!
//! Edits are debounced ([`next_batch`]): the thread lints once the
//! editor has been quiet for a moment, and each page once for a burst of
//! edits (its last version). It owns the workspace index's updates: a file changed on
//! disk updates the index, then the open pages that link to it (or all
//! of them, when pages were added or removed) are linted again. Requests
//! that need the findings (hover, code actions) queue behind the edits
//! before them and are answered from the findings of the version the
//! editor has.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use crossbeam_channel::Receiver;
use lsp_server::{ErrorCode, Request};
use lsp_types::{MessageType, Uri};

use super::context::PageContext;
use super::debounce::next_batch;
use super::findings::Linted;
use super::index::{link_targets, Handbook, Handbooks};
use super::outbox::{Outbox, Reply};
use super::vocabulary::{Scanned, Vocabulary};
use super::{actions, hover, ClientSupport};
use crate::document::Document;
use crate::engine::fix::FixMode;
use crate::engine::{Linter, Selection};
use crate::rules::spelling;

/// Work for the linting thread.
#[derive(Debug)]
pub enum Job {
    /// A page was opened or edited: its new version.
    Edit {
        /// The page.
        uri: Uri,
        /// The editor's version.
        version: i32,
        /// The whole text.
        text: Arc<String>,
    },
    /// A page was closed.
    Close(Uri),
    /// Files or folders changed on disk (watched files, a save).
    Changed(Vec<PathBuf>),
    /// Index the handbook of the workspace folder now.
    Index(PathBuf),
    /// The scanning thread's answer about words.
    Scanned(Scanned),
    /// A request answered from the findings: hover, code actions.
    Request(Request),
    /// The server is stopping.
    Stop,
}

impl Job {
    /// Whether the job asks for a lint that may wait for quiet.
    pub fn is_edit(&self) -> bool {
        matches!(self, Job::Edit { .. } | Job::Changed(_) | Job::Scanned(_))
    }
}

/// The shared workspace index.
pub type SharedIndex = Arc<RwLock<Handbooks>>;

/// An open page as the thread knows it.
#[derive(Debug)]
struct Open {
    version: i32,
    text: Arc<String>,
    linted: Option<Linted>,
    /// Words whose findings were held back, waiting for the vocabulary.
    held_back: HashSet<String>,
}

/// The linting thread's state.
pub struct Worker {
    outbox: Outbox,
    index: SharedIndex,
    vocabulary: Vocabulary,
    open: HashMap<Uri, Open>,
    /// Messages already logged once (broken configurations, buffers
    /// that are not files).
    told: HashSet<String>,
    /// What the client can apply.
    client: ClientSupport,
    /// The workspace folders.
    folders: Arc<Vec<PathBuf>>,
}

impl Worker {
    /// A thread state answering through `outbox`.
    pub fn new(
        outbox: Outbox,
        index: SharedIndex,
        vocabulary: Vocabulary,
        client: ClientSupport,
        folders: Arc<Vec<PathBuf>>,
    ) -> Worker {
        Worker {
            outbox,
            index,
            vocabulary,
            open: HashMap::new(),
            told: HashSet::new(),
            client,
            folders,
        }
    }

    /// Runs until `jobs` closes.
    pub fn run(mut self, jobs: Receiver<Job>) {
        while let Some(batch) = next_batch(&jobs) {
            if batch.iter().any(|job| matches!(job, Job::Stop)) {
                return;
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| self.process(batch)));
            if outcome.is_err() {
                self.outbox.log(
                    MessageType::ERROR,
                    "handbook-lint: internal error while linting; the pages open are linted again on their next change",
                );
            }
        }
    }

    fn process(&mut self, batch: Vec<Job>) {
        let mut dirty: Vec<Uri> = Vec::new();
        let mut requests = Vec::new();
        let mark = |dirty: &mut Vec<Uri>, uri: Uri| {
            if !dirty.contains(&uri) {
                dirty.push(uri);
            }
        };
        for job in batch {
            match job {
                Job::Edit { uri, version, text } => {
                    let (linted, held_back) = self
                        .open
                        .remove(&uri)
                        .map(|o| (o.linted, o.held_back))
                        .unwrap_or_default();
                    self.open.insert(
                        uri.clone(),
                        Open {
                            version,
                            text,
                            linted,
                            held_back,
                        },
                    );
                    mark(&mut dirty, uri);
                }
                Job::Close(uri) => {
                    self.open.remove(&uri);
                    dirty.retain(|d| d != &uri);
                    self.outbox.publish(uri, Vec::new(), None);
                }
                Job::Changed(paths) => {
                    for uri in self.files_changed(&paths) {
                        mark(&mut dirty, uri);
                    }
                }
                Job::Index(folder) => self.index_folder(&folder),
                Job::Scanned(scanned) => {
                    let keys = scanned.scan.keys.clone();
                    self.vocabulary.record(scanned);
                    for (uri, open) in &self.open {
                        if !open.held_back.is_disjoint(&keys) {
                            mark(&mut dirty, uri.clone());
                        }
                    }
                }
                Job::Request(request) => requests.push(request),
                Job::Stop => {}
            }
        }
        for uri in dirty {
            self.lint(&uri);
        }
        for request in requests {
            self.answer(request);
        }
    }

    /// Lints an open page and publishes its diagnostics.
    fn lint(&mut self, uri: &Uri) {
        let Some(open) = self.open.get(uri) else {
            return;
        };
        let (version, text) = (open.version, Arc::clone(&open.text));
        let context = PageContext::of(uri, &self.folders);
        self.tell_once(uri, &context);
        let excluded = context.on_disk && context.config.is_excluded(&context.path);
        let (findings, held_back) = if excluded {
            (Vec::new(), HashSet::new())
        } else {
            self.ensure_indexed(&context.roots);
            self.findings(&context, Arc::clone(&text))
        };
        let linted = Linted {
            uri: uri.clone(),
            version,
            text,
            path: context.path,
            on_disk: context.on_disk,
            words_file: context.config.words_file.clone(),
            list_files: context.config.list_files.clone(),
            findings,
        };
        self.outbox
            .publish(uri.clone(), linted.diagnostics(), Some(version));
        if let Some(open) = self.open.get_mut(uri) {
            open.linted = Some(linted);
            open.held_back = held_back;
        }
    }

    /// The findings on `text`, the page of `context`, with findings of
    /// words whose handbook vocabulary is not known yet held back; and
    /// those words.
    fn findings(
        &mut self,
        context: &PageContext,
        text: Arc<String>,
    ) -> (Vec<crate::engine::Finding>, HashSet<String>) {
        let handbooks = self.index.read().unwrap_or_else(PoisonError::into_inner);
        let site = handbooks.get(&context.roots).map(|h| Arc::clone(&h.site));
        let linter = match Linter::new(&context.config, &Selection::default()) {
            Ok(linter) => linter.with_site(site),
            Err(message) => {
                self.outbox
                    .log(MessageType::ERROR, format!("handbook-lint: {message}"));
                return (Vec::new(), HashSet::new());
            }
        };
        let vocabulary = &mut self.vocabulary;
        let mut unknown = HashSet::new();
        let file = linter.lint_with_vocabulary(&context.path, Arc::clone(&text), |candidates| {
            let (flags, pending) =
                vocabulary.elsewhere(&context.roots, &context.config, &context.path, candidates);
            unknown = pending;
            flags
        });
        let mut findings = file.findings;
        if !unknown.is_empty() {
            findings.retain(|f| {
                f.diagnostic.rule != spelling::RULE.id
                    || !text
                        .get(f.diagnostic.span.clone())
                        .is_some_and(|w| unknown.contains(&spelling::vocabulary_key(w)))
            });
        }
        (findings, unknown)
    }

    /// Logs, once each, what the user should know about a page's place:
    /// a broken configuration, a buffer that is not a file.
    fn tell_once(&mut self, uri: &Uri, context: &PageContext) {
        if let Some(error) = &context.config_error {
            if self.told.insert(error.clone()) {
                self.outbox.show(
                    MessageType::ERROR,
                    format!("handbook-lint: {error}; using the defaults"),
                );
            }
        }
        if !context.on_disk && self.told.insert(uri.as_str().to_string()) {
            self.outbox.log(
                MessageType::INFO,
                format!(
                    "handbook-lint: {} is not a file: linted with the default configuration, without a handbook to check links against",
                    uri.as_str()
                ),
            );
        }
    }

    /// Indexes the handbook with content roots `roots` unless it is.
    fn ensure_indexed(&self, roots: &[PathBuf]) {
        if roots.is_empty() || self.read_index().contains(roots) {
            return;
        }
        let started = Instant::now();
        let handbook = Handbook::build(roots.to_vec());
        self.outbox.log(
            MessageType::INFO,
            format!(
                "handbook-lint: indexed {} pages of {} in {} ms",
                handbook.page_count(),
                roots
                    .iter()
                    .map(|r| r.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                started.elapsed().as_millis()
            ),
        );
        self.index
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(handbook);
    }

    /// Indexes the handbook of a workspace folder.
    fn index_folder(&self, folder: &Path) {
        let (config, _) = super::context::configuration(folder);
        self.ensure_indexed(&super::context::content_roots(&config));
    }

    fn read_index(&self) -> std::sync::RwLockReadGuard<'_, Handbooks> {
        self.index.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Updates the index for files changed on disk; the open pages to
    /// lint again.
    fn files_changed(&mut self, paths: &[PathBuf]) -> Vec<Uri> {
        let mut settings = false;
        let mut everything = false;
        let mut inside = false;
        {
            let mut handbooks = self.index.write().unwrap_or_else(PoisonError::into_inner);
            for path in paths {
                settings |= self.is_setting(path);
                let refreshed = handbooks.refresh(path);
                inside |= refreshed.inside;
                // Pages added or removed change where links lead; a word
                // on a page read again changes every page's vocabulary.
                everything |= refreshed.pages_changed;
                everything |= self.vocabulary.file_changed(path, refreshed.pages_changed);
            }
        }
        if settings {
            self.vocabulary.clear();
            everything = true;
        }
        if everything {
            return self.open.keys().cloned().collect();
        }
        if !inside {
            return Vec::new();
        }
        let changed: HashSet<PathBuf> = paths
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        self.open
            .iter()
            .filter(|(uri, open)| self.links_to_any(uri, &open.text, &changed))
            .map(|(uri, _)| uri.clone())
            .collect()
    }

    /// Whether `path` is a configuration file, or the words file or a
    /// list file of an open page's configuration.
    fn is_setting(&self, path: &Path) -> bool {
        path.file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME)
            || self.open.values().any(|o| {
                o.linted.as_ref().is_some_and(|l| {
                    l.words_file.as_deref() == Some(path) || l.list_files.iter().any(|f| f == path)
                })
            })
    }

    /// Whether the open page `uri` links to one of the files `changed`
    /// (canonical paths).
    fn links_to_any(&self, uri: &Uri, text: &Arc<String>, changed: &HashSet<PathBuf>) -> bool {
        let context = PageContext::of(uri, &self.folders);
        let handbooks = self.read_index();
        let Some(handbook) = handbooks.get(&context.roots) else {
            return false;
        };
        let here = handbook.site.locate(&context.path);
        let doc = Document::parse(&context.path, Arc::clone(text));
        link_targets(&handbook.site, here.as_ref(), &doc)
            .iter()
            .filter_map(|page| std::fs::canonicalize(handbook.site.path(page)).ok())
            .any(|target| changed.contains(&target))
    }

    /// Answers a request from the findings of the page's version.
    fn answer(&self, request: Request) {
        let reply = match request.method.as_str() {
            hover::METHOD => hover::answer(&request, |uri| self.linted(uri)),
            actions::METHOD => actions::answer(
                &request,
                actions::Needs {
                    linted: |uri: &Uri| self.linted(uri),
                    fix_all: |linted: &Linted| self.fix_all(linted),
                    client: &self.client,
                },
            ),
            other => Reply::Refuse(
                ErrorCode::MethodNotFound,
                format!("unhandled method {other}"),
            ),
        };
        self.outbox.reply(request.id, reply);
    }

    /// The page's text with every safe fix applied, if that changes it.
    fn fix_all(&self, linted: &Linted) -> Option<String> {
        let context = PageContext::of(&linted.uri, &self.folders);
        let handbooks = self.read_index();
        let site = handbooks.get(&context.roots).map(|h| Arc::clone(&h.site));
        let linter = Linter::new(&context.config, &Selection::default())
            .ok()?
            .with_site(site);
        let outcome = linter.fix_source(&context.path, &linted.text, FixMode::Safe);
        outcome.changed().then_some(outcome.text)
    }

    /// The findings of an open page's current version.
    fn linted(&self, uri: &Uri) -> Option<&Linted> {
        let open = self.open.get(uri)?;
        open.linted.as_ref().filter(|l| l.version == open.version)
    }
}
