//! A run that hands each linted file on as soon as it may: the
//! handbook's vocabulary (see [`vocabulary`](super::vocabulary)) is the
//! one thing that spans every page, so a run decides it either after
//! linting, holding every file until then, or before, in a pass of
//! `spelling` alone, and then holds one batch of files at a time.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{discover, vocabulary, DiscoverError, LintedFile, Linter, BATCH};
use crate::config::Config;
use crate::rules;
use crate::site::PageRef;

/// Above this many files, [`VocabularyPass::Auto`] decides the
/// vocabulary first. Below it, holding every file costs little memory
/// (a few MiB a thousand pages), and linting once is faster than the
/// extra `spelling` pass.
pub const HOLD_AT_MOST: usize = 4096;

/// When a run decides which unknown capitalised words are the handbook's
/// vocabulary. Both give the same findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VocabularyPass {
    /// After linting: every linted file is held until the end. The
    /// fastest way; memory grows with the findings. (A run without
    /// `spelling` has no vocabulary to decide and hands each batch on at
    /// once whatever the pass.)
    After,
    /// Before linting, in a pass of `spelling` alone over the pages
    /// (about a fifth more work): each file is handed on as soon as it
    /// and those before it are linted, so memory stays flat.
    Before,
    /// [`VocabularyPass::Before`] for runs of more than [`HOLD_AT_MOST`]
    /// files, else [`VocabularyPass::After`].
    Auto,
}

impl VocabularyPass {
    /// Whether a run over `files` files decides the vocabulary first.
    fn is_before(self, files: usize) -> bool {
        match self {
            VocabularyPass::After => false,
            VocabularyPass::Before => true,
            VocabularyPass::Auto => files > HOLD_AT_MOST,
        }
    }
}

/// Where a run's linted files go, in the order of their paths.
pub trait RunSink {
    /// Called once, before any file: how many files the run lints.
    fn start(&mut self, files: usize) -> ControlFlow<()>;
    /// The next files, in order. `Break` ends the run early.
    fn files(&mut self, files: Vec<LintedFile>) -> ControlFlow<()>;
}

impl Linter {
    /// Walks `paths` and lints the discovered files `keep` accepts, as
    /// [`Linter::lint_selected`] does, handing them to `sink` in path
    /// order. With `pass` deciding the vocabulary first, a file reaches
    /// `sink` as soon as its batch is linted and is not held after.
    pub fn lint_streamed(
        &self,
        paths: &[PathBuf],
        config: &Config,
        keep: &(dyn Fn(&Path) -> bool + Sync),
        pass: VocabularyPass,
        sink: &mut dyn RunSink,
    ) -> Result<(), DiscoverError> {
        // Word lists and patterns are built on other threads while this
        // one walks the tree and indexes the site.
        rules::spawn_preparations(self.rules.iter().map(|(rule, _)| *rule));
        let files = discover(paths, config)?;
        // The content tree is indexed once, before the parallel work.
        let _ = self.site();
        let selected: Vec<PathBuf> = files.iter().filter(|path| keep(path)).cloned().collect();
        let spelling = self.is_enabled(rules::spelling::RULE.id);
        let elsewhere = |candidates: &HashSet<String>| {
            let rest = vocabulary::rest_of_handbook(self, paths, config, &files, keep);
            vocabulary::flags_elsewhere(self, &rest, candidates)
        };
        // Without `spelling` there is no vocabulary to wait for.
        let vocabulary = match (spelling, pass.is_before(selected.len())) {
            (false, _) => Some(HashSet::new()),
            (true, true) => Some(vocabulary::decide_before(self, &selected, elsewhere)),
            (true, false) => None,
        };
        if sink.start(selected.len()).is_break() {
            return Ok(());
        }
        if let Some(progress) = &self.progress {
            progress.start(selected.len());
        }
        match vocabulary {
            Some(vocabulary) => {
                self.lint_in_batches(&selected, |mut batch| {
                    for file in &mut batch {
                        vocabulary::drop_vocabulary(file, &vocabulary);
                    }
                    match &self.progress {
                        Some(progress) => {
                            let (mut batch, mut flow) = (Some(batch), ControlFlow::Continue(()));
                            progress.suspended(&mut || {
                                if let Some(batch) = batch.take() {
                                    flow = sink.files(batch);
                                }
                            });
                            flow
                        }
                        None => sink.files(batch),
                    }
                });
                self.end_progress();
            }
            None => {
                let mut linted = Vec::with_capacity(selected.len());
                self.lint_in_batches(&selected, |batch| {
                    linted.extend(batch);
                    ControlFlow::Continue(())
                });
                if spelling {
                    vocabulary::drop_corpus_vocabulary(&mut linted, elsewhere);
                }
                self.end_progress();
                hand_over(linted, sink);
            }
        }
        Ok(())
    }

    /// Lints `selected` in batches of [`BATCH`], placed in the site index
    /// when there is one, handing each batch to `sink` in order until it
    /// breaks.
    fn lint_in_batches(
        &self,
        selected: &[PathBuf],
        sink: impl FnMut(Vec<LintedFile>) -> ControlFlow<()>,
    ) {
        match self.site() {
            Some(site) => {
                let pages: Vec<Option<PageRef>> = selected
                    .par_iter()
                    .map(|path| site.await_lint(path))
                    .collect();
                let lint =
                    |i: usize, path: &Path| self.lint_run_page(site, path, pages[i].as_ref());
                self.lint_batches(selected, lint, sink);
                site.end_run();
            }
            None => self.lint_batches(selected, |_, path| self.lint_file(path), sink),
        }
    }

    fn end_progress(&self) {
        if let Some(progress) = &self.progress {
            progress.finish();
        }
    }
}

/// Hands `files` to `sink` a batch at a time, until it breaks.
pub fn hand_over(files: Vec<LintedFile>, sink: &mut dyn RunSink) {
    let mut files = files.into_iter();
    loop {
        let batch: Vec<LintedFile> = files.by_ref().take(BATCH).collect();
        if batch.is_empty() || sink.files(batch).is_break() {
            return;
        }
    }
}

/// A sink that keeps every file: [`Linter::lint_selected`]'s.
#[derive(Debug, Default)]
pub(super) struct Collect {
    pub(super) files: Vec<LintedFile>,
}

impl RunSink for Collect {
    fn start(&mut self, files: usize) -> ControlFlow<()> {
        self.files.reserve(files);
        ControlFlow::Continue(())
    }

    fn files(&mut self, files: Vec<LintedFile>) -> ControlFlow<()> {
        self.files.extend(files);
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::engine::Progress;

    /// What a run did, in order: `Linted` when a batch is linted (the
    /// progress advances), `Handed` when the sink gets files.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Event {
        Linted,
        Handed,
    }

    #[derive(Default)]
    struct Log(Mutex<Vec<Event>>);

    impl Log {
        fn push(&self, event: Event) {
            if let Ok(mut events) = self.0.lock() {
                events.push(event);
            }
        }
    }

    impl Progress for Log {
        fn start(&self, _total: usize) {}
        fn advance(&self, _done: usize) {
            self.push(Event::Linted);
        }
        fn finish(&self) {}
    }

    struct Sink(Arc<Log>);

    impl RunSink for Sink {
        fn start(&mut self, _files: usize) -> ControlFlow<()> {
            ControlFlow::Continue(())
        }
        fn files(&mut self, _files: Vec<LintedFile>) -> ControlFlow<()> {
            self.0.push(Event::Handed);
            ControlFlow::Continue(())
        }
    }

    /// The events of a run over a folder of two and a half batches of
    /// pages, with every rule or with only `rules`.
    fn events(pass: VocabularyPass, rules: Option<&[&str]>) -> Vec<Event> {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..BATCH * 5 / 2 {
            let page = format!("---\ntitle: Page {i}\n---\n\nA page.\n");
            std::fs::write(dir.path().join(format!("{i:04}.md")), page).expect("page");
        }
        let config = Config::with_root(dir.path().to_path_buf());
        let log = Arc::new(Log::default());
        let selection = crate::engine::Selection {
            select: rules.map(|ids| ids.iter().map(|id| id.to_string()).collect()),
            ignore: Vec::new(),
        };
        let linter = Linter::new(&config, &selection)
            .expect("linter")
            .with_progress(log.clone());
        let paths = [dir.path().to_path_buf()];
        linter
            .lint_streamed(&paths, &config, &|_| true, pass, &mut Sink(log.clone()))
            .expect("run");
        let events = log.0.lock().map(|e| e.clone()).unwrap_or_default();
        events
    }

    #[test]
    fn deciding_the_vocabulary_first_hands_each_batch_on_as_it_is_linted() {
        use Event::*;
        assert_eq!(
            events(VocabularyPass::Before, None),
            [Linted, Handed, Linted, Handed, Linted, Handed]
        );
        assert_eq!(
            events(VocabularyPass::After, None),
            [Linted, Linted, Linted, Handed, Handed, Handed]
        );
    }

    #[test]
    fn without_spelling_there_is_nothing_to_wait_for() {
        use Event::*;
        assert_eq!(
            events(VocabularyPass::After, Some(&["trailing-whitespace"])),
            [Linted, Handed, Linted, Handed, Linted, Handed]
        );
    }

    #[test]
    fn auto_decides_first_only_for_large_runs() {
        assert!(!VocabularyPass::Auto.is_before(HOLD_AT_MOST));
        assert!(VocabularyPass::Auto.is_before(HOLD_AT_MOST + 1));
        assert!(VocabularyPass::Before.is_before(1));
        assert!(!VocabularyPass::After.is_before(usize::MAX));
    }
}
