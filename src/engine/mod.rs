//! The engine: finds files, reads and parses each once, runs the enabled
//! rules in parallel, applies severities and suppression comments, and
//! returns findings with positions, in a stable order.

mod catalogue;
pub mod changed;
mod discover;
pub mod excerpt;
pub mod fix;
mod positions;
mod stream;
mod suppress;
mod vocabulary;
pub mod words;
mod write;

use std::collections::HashSet;
use std::ops::{ControlFlow, Range};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

pub use crate::document::read::{decode, read_source, ReadFailure};
pub use catalogue::{catalogue, RuleInfo};
pub use discover::{discover, DiscoverError};
pub use excerpt::{Excerpt, Excerpts};
pub use stream::{hand_over, RunSink, VocabularyPass, HOLD_AT_MOST};
pub use write::{write_atomic, write_atomic_with, AtomicFile};

use crate::config::{resolve_rules, Config, PerFileIgnore};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::line_index::floor_char_boundary;
use crate::document::{Document, Position};
use crate::rules::{self, Context, Group, Rule, Settings};
use crate::site::{PageRef, SiteIndex, SiteSpec};
use positions::{excerpts_of, locate};

/// A diagnostic with its start and end positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// Position of the span's start.
    pub start: Position,
    /// Position of the span's end.
    pub end: Position,
    /// The span in Unicode code points from the start of the file (as
    /// SARIF's `charOffset` counts), saturating at `u32::MAX` to keep
    /// the record small.
    pub chars: Range<u32>,
    /// The heading text of the innermost section holding the span's
    /// start (`None` before the first heading). Reports use it to name a
    /// finding without its line number. Findings in one section share
    /// the text.
    pub section: Option<Arc<str>>,
}

/// The findings for one file.
#[derive(Clone, Debug)]
pub struct LintedFile {
    /// The path, as given or relative to the working directory.
    pub path: PathBuf,
    /// The parts of the text the findings point into that reports show
    /// (lossy for files that are not UTF-8): the lines of each finding
    /// and their context. Empty when the file has no findings: a run
    /// keeps only the text it may have to show, never whole pages.
    pub excerpts: Excerpts,
    /// Findings in order of position.
    pub findings: Vec<Finding>,
}

impl LintedFile {
    /// Number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.diagnostic.severity == severity)
            .count()
    }

    /// The file's text at `span` (a finding's span, say), when the
    /// excerpts hold all of it.
    pub fn text(&self, span: Range<usize>) -> Option<&str> {
        self.excerpts.text(span)
    }
}

/// The result of a run.
#[derive(Clone, Debug, Default)]
pub struct RunReport {
    /// Number of files linted.
    pub files_checked: usize,
    /// One entry per file, sorted by path.
    pub files: Vec<LintedFile>,
    /// Every rule of the catalogue, in catalogue order, for reports that
    /// list the tool's rules (empty in a report made by hand).
    pub catalogue: &'static [RuleInfo],
}

impl RunReport {
    /// Number of findings of `severity` across all files.
    pub fn count(&self, severity: Severity) -> usize {
        self.files.iter().map(|f| f.count(severity)).sum()
    }

    /// Number of files with at least one finding.
    pub fn files_with_findings(&self) -> usize {
        self.files.iter().filter(|f| !f.findings.is_empty()).count()
    }
}

/// Which rules to run, on top of the configuration.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Run only these rule ids or group names (`--select`).
    pub select: Option<Vec<String>>,
    /// Do not run these rule ids or group names (`--ignore`).
    pub ignore: Vec<String>,
}

/// Told how far a run has come, to show progress.
pub trait Progress: Send + Sync {
    /// The run will lint `total` files.
    fn start(&self, total: usize);
    /// `done` more files are linted.
    fn advance(&self, done: usize);
    /// The run is over.
    fn finish(&self);
    /// Runs `write`, which writes the run's output, with the progress
    /// hidden, so the two do not mix on a terminal.
    fn suspended(&self, write: &mut dyn FnMut()) {
        write();
    }
}

/// Lints pages with a fixed set of rules and settings.
#[derive(Debug)]
pub struct Linter {
    /// The enabled rules, each with its configured level (`None`: the
    /// rule's own severity for each finding).
    rules: Vec<(&'static Rule, Option<Severity>)>,
    settings: Settings,
    /// Where the content tree is, and its index once built.
    site_spec: SiteSpec,
    site: OnceLock<Option<Arc<SiteIndex>>>,
    /// Rules not run on some paths (`[per-file-ignores]`).
    per_file_ignores: Vec<PerFileIgnore>,
    /// The configuration's root, which per-file globs are relative to.
    root: PathBuf,
    progress: Option<Arc<dyn Progress>>,
}

impl std::fmt::Debug for dyn Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Linter {
    /// The rules the configuration and selection enable, with their
    /// severities. Unknown ids in the selection are an error.
    pub fn new(config: &Config, selection: &Selection) -> Result<Linter, String> {
        let resolve = |names: &[String]| -> Result<Vec<&'static str>, String> {
            let mut ids = Vec::new();
            for name in names {
                ids.extend(resolve_rules(name)?.iter().map(|rule| rule.id));
            }
            Ok(ids)
        };
        let select = selection.select.as_deref().map(resolve).transpose()?;
        let ignore = resolve(&selection.ignore)?;
        let rules = rules::ALL
            .iter()
            .copied()
            .filter(|rule| {
                select.as_ref().is_none_or(|ids| ids.contains(&rule.id))
                    && !ignore.contains(&rule.id)
            })
            .filter_map(|rule| {
                let severity = match config.levels.get(rule.id) {
                    Some(level) => Some(level.severity()?),
                    None => None,
                };
                Some((rule, severity))
            })
            .collect();
        Ok(Linter {
            rules,
            settings: config.settings.clone(),
            site_spec: SiteSpec {
                root: config.root.clone(),
                content_dir: config.content_dir.clone(),
                configured: config.path.is_some(),
            },
            site: OnceLock::new(),
            per_file_ignores: config.per_file_ignores.clone(),
            root: config.root.clone(),
            progress: None,
        })
    }

    /// Reports the progress of runs to `progress`.
    pub fn with_progress(self, progress: Arc<dyn Progress>) -> Linter {
        Linter {
            progress: Some(progress),
            ..self
        }
    }

    /// The content roots links are checked against: the configured
    /// `content_dir`, else the folders found from the project root.
    pub fn content_roots(&self) -> Vec<PathBuf> {
        self.site_spec.content_roots()
    }

    /// A linter with every rule at its default severity.
    pub fn with_defaults() -> Linter {
        Linter::new(&Config::default(), &Selection::default()).unwrap_or(Linter {
            rules: Vec::new(),
            settings: Settings::default(),
            site_spec: SiteSpec::default(),
            site: OnceLock::new(),
            per_file_ignores: Vec::new(),
            root: PathBuf::from("."),
            progress: None,
        })
    }

    /// Uses `site` as the content tree's index instead of finding and
    /// indexing the tree on first use.
    pub fn with_site(self, site: Option<Arc<SiteIndex>>) -> Linter {
        let cell = OnceLock::new();
        let _ = cell.set(site);
        Linter { site: cell, ..self }
    }

    /// The content tree's index, built on first use (once per linter, so
    /// once per run), when a link rule runs and a content root is found.
    pub fn site(&self) -> Option<&SiteIndex> {
        self.site
            .get_or_init(|| {
                let wanted = self.rules.iter().any(|(r, _)| r.group == Group::Links);
                wanted
                    .then(|| SiteIndex::discover(&self.site_spec))
                    .flatten()
                    .map(Arc::new)
            })
            .as_deref()
    }

    /// Whether rule `id` runs.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.rules.iter().any(|(r, _)| r.id == id)
    }

    fn severity_of(&self, id: &str) -> Option<Severity> {
        self.rules
            .iter()
            .find(|(r, _)| r.id == id)
            .map(|(r, s)| s.unwrap_or(r.severity))
    }

    /// Lints the files under `paths` (see [`discover`]), in parallel.
    pub fn lint_paths(
        &self,
        paths: &[PathBuf],
        config: &Config,
    ) -> Result<RunReport, DiscoverError> {
        self.lint_selected(paths, config, &|_| true)
    }

    /// Walks `paths` as [`Linter::lint_paths`] does, but lints only the
    /// discovered files `keep` accepts (`--changed-since`). State that
    /// spans the whole tree is built from every discovered file, so a
    /// page is judged the same whether or not its neighbours are linted.
    pub fn lint_selected(
        &self,
        paths: &[PathBuf],
        config: &Config,
        keep: &(dyn Fn(&Path) -> bool + Sync),
    ) -> Result<RunReport, DiscoverError> {
        let mut collect = stream::Collect::default();
        self.lint_streamed(paths, config, keep, VocabularyPass::After, &mut collect)?;
        Ok(RunReport {
            files_checked: collect.files.len(),
            files: collect.files,
            catalogue: catalogue(),
        })
    }

    /// Lints `files` in parallel and hands each result to `sink` in the
    /// order of `files`, as soon as it and those before it are done.
    ///
    /// Files are linted in batches of [`BATCH`], so at most one batch of
    /// results is held at a time: a caller that renders each file and
    /// drops it runs in memory that does not grow with the number of
    /// files.
    pub fn lint_each(&self, files: &[PathBuf], mut sink: impl FnMut(LintedFile)) {
        self.lint_batches(
            files,
            |_, path| self.lint_file(path),
            |batch| {
                batch.into_iter().for_each(&mut sink);
                ControlFlow::Continue(())
            },
        );
    }

    /// [`Linter::lint_each`] with `lint` (given each file's index in
    /// `files`) to lint a file, handing each batch to `sink` until it
    /// breaks.
    fn lint_batches(
        &self,
        files: &[PathBuf],
        lint: impl Fn(usize, &Path) -> LintedFile + Sync,
        mut sink: impl FnMut(Vec<LintedFile>) -> ControlFlow<()>,
    ) {
        for (number, batch) in files.chunks(BATCH).enumerate() {
            let first = number * BATCH;
            let linted: Vec<LintedFile> = batch
                .par_iter()
                .enumerate()
                .map(|(i, path)| lint(first + i, path))
                .collect();
            if let Some(progress) = &self.progress {
                progress.advance(batch.len());
            }
            if sink(linted).is_break() {
                return;
            }
        }
    }

    /// Lints a page of a run over the content tree `site`: its text is the
    /// one the index read early, if it did, and what the index needs of
    /// the page is recorded from it, so the file is read only once.
    fn lint_run_page(&self, site: &SiteIndex, path: &Path, page: Option<&PageRef>) -> LintedFile {
        let Some(page) = page else {
            return self.lint_file(path);
        };
        let source = match site.take_early_text(page) {
            Some(text) => text,
            None => match read_source(path) {
                Ok(text) => Arc::new(text),
                Err(failure) => return self.read_failure(path, failure),
            },
        };
        site.record_linted(page, &source);
        self.lint_placed(path, source, Some(page))
    }

    /// Reads and lints one file; a file that cannot be read gives a
    /// `read-error` finding.
    pub fn lint_file(&self, path: &Path) -> LintedFile {
        match read_source(path) {
            Ok(source) => self.lint_source(path, Arc::new(source)),
            Err(failure) => self.read_failure(path, failure),
        }
    }

    /// Lints a page held in memory.
    pub fn lint_source(&self, path: &Path, source: Arc<String>) -> LintedFile {
        self.lint_placed(path, source, None)
    }

    /// [`Linter::lint_source`] for a page whose place in the site index is
    /// known (`Some`), so it is not looked up again.
    fn lint_placed(&self, path: &Path, source: Arc<String>, page: Option<&PageRef>) -> LintedFile {
        let doc = Document::parse(path, source);
        let diagnostics = self.check_placed(&doc, page);
        let findings = locate(&doc, diagnostics);
        let excerpts = excerpts_of(&doc.source, &doc.lines, &findings);
        LintedFile {
            path: doc.path,
            excerpts,
            findings,
        }
    }

    /// Lints a page held in memory (an editor's buffer) as a run over the
    /// whole handbook judges it: [`Linter::lint_source`], then the
    /// run-level pass of `spelling` with the content tree's other pages
    /// (see [`vocabulary`]).
    pub fn lint_in_handbook(
        &self,
        path: &Path,
        source: Arc<String>,
        config: &Config,
    ) -> LintedFile {
        self.lint_with_vocabulary(path, source, |candidates| {
            let walked = [path.to_path_buf()];
            let rest = vocabulary::rest_of_handbook(self, &[], config, &walked, &|_| true);
            self.spelling_flags_in(&rest, candidates)
        })
    }

    /// [`Linter::lint_in_handbook`] with the handbook's other pages seen
    /// through `elsewhere`: given the candidate words (as
    /// [`rules::spelling::vocabulary_key`] gives them), it returns the
    /// words of them `spelling` reports on each other page (one list a
    /// page), as [`Linter::spelling_flags_in`] does. A caller that lints
    /// the same page often (an editor) can remember those answers.
    pub fn lint_with_vocabulary(
        &self,
        path: &Path,
        source: Arc<String>,
        elsewhere: impl FnOnce(&HashSet<String>) -> Vec<Vec<String>>,
    ) -> LintedFile {
        let mut files = [self.lint_source(path, source)];
        if self.is_enabled(rules::spelling::RULE.id) {
            vocabulary::drop_corpus_vocabulary(&mut files, elsewhere);
        }
        let [file] = files;
        file
    }

    /// For each page of `paths` (same order), the words of `candidates`
    /// (vocabulary keys) that `spelling` reports there, as written, after
    /// suppression comments. Only pages whose text holds a candidate are
    /// parsed; pages that cannot be read have none.
    pub fn spelling_flags_in(
        &self,
        paths: &[PathBuf],
        candidates: &HashSet<String>,
    ) -> Vec<Vec<String>> {
        vocabulary::flags_elsewhere(self, paths, candidates)
    }

    /// Runs the enabled rules on a parsed page and applies severities and
    /// suppression comments.
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        self.check_placed(doc, None)
    }

    /// [`Linter::check`] for a page whose place in the site index is
    /// known (`Some`).
    fn check_placed(&self, doc: &Document, page: Option<&PageRef>) -> Vec<Diagnostic> {
        let mut cx = Context::new(doc, &self.settings, self.site());
        if let Some(page) = page {
            cx = cx.with_page(Some(page.clone()));
        }
        let mut diagnostics = Vec::new();
        for (rule, severity) in &self.rules {
            let before = diagnostics.len();
            rule.run(&cx, &mut diagnostics);
            // A configured level applies to every finding; otherwise a
            // rule may grade its findings (spelling's tiers).
            if let Some(severity) = severity {
                for d in &mut diagnostics[before..] {
                    d.severity = *severity;
                }
            }
        }
        let mut diagnostics = suppress::apply(doc, diagnostics, self);
        self.drop_per_file_ignores(&doc.path, &mut diagnostics);
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        diagnostics.dedup();
        diagnostics
    }

    /// Drops the findings of rules `[per-file-ignores]` turns off for
    /// `path`.
    fn drop_per_file_ignores(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        if self.per_file_ignores.is_empty() {
            return;
        }
        let ignored: Vec<&'static str> = self
            .per_file_ignores
            .iter()
            .filter(|entry| entry.matches(&self.root, path))
            .flat_map(|entry| entry.rules.iter().copied())
            .collect();
        if !ignored.is_empty() {
            diagnostics.retain(|d| !ignored.contains(&d.rule));
        }
    }

    /// Whether `[per-file-ignores]` turns rule `id` off for `path`.
    fn ignores_on(&self, path: &Path, id: &str) -> bool {
        self.per_file_ignores
            .iter()
            .any(|entry| entry.rules.contains(&id) && entry.matches(&self.root, path))
    }

    fn read_failure(&self, path: &Path, failure: ReadFailure) -> LintedFile {
        let source = failure.display_text;
        let lines = crate::document::LineIndex::new(&source);
        let mut findings = Vec::new();
        if let Some(severity) = self.severity_of(rules::run::read_error::RULE.id) {
            let mut diagnostic = Diagnostic::new(
                &rules::run::read_error::RULE,
                failure.span.clone(),
                failure.message,
            );
            diagnostic.severity = severity;
            let start = floor_char_boundary(&source, failure.span.start);
            let end = floor_char_boundary(&source, failure.span.end).max(start);
            let char_start = source[..start].chars().count();
            findings.push(Finding {
                start: lines.position(&source, failure.span.start),
                end: lines.position(&source, failure.span.end),
                chars: char_range(char_start, source[start..end].chars().count()),
                section: None,
                diagnostic,
            });
        }
        LintedFile {
            path: path.to_path_buf(),
            excerpts: excerpts_of(&source, &lines, &findings),
            findings,
        }
    }
}

/// A span in code points, `start` and `len` saturated to fit in `u32`.
pub(crate) fn char_range(start: usize, len: usize) -> Range<u32> {
    let start = u32::try_from(start).unwrap_or(u32::MAX);
    let end = u32::try_from(len).map_or(u32::MAX, |len| start.saturating_add(len));
    start..end
}

/// How many files are linted at a time by [`Linter::lint_each`]: enough
/// to keep every core busy, few enough that their results stay small.
pub const BATCH: usize = 256;

// A run of up to `HOLD_AT_MOST` files holds every finding until the end
// (the run-level spelling pass needs all pages first): keep the record
// small. Rare parts (fixes) are
// boxed; code-point offsets are `u32`.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Finding>() <= 200);
