//! The spelling rule's handbook vocabulary, remembered between edits.
//!
//! A capitalised unknown word used on three or more pages of the handbook
//! is a name, not a misspelling (see [`crate::engine::Linter::lint_in_handbook`]).
//! Finding out reads the handbook's other pages, which takes long on a
//! large handbook; the server asks once per word, on a thread of its own,
//! and remembers on which pages `spelling` reports each word. Until the
//! answer comes, findings of that word are held back rather than shown
//! and withdrawn. A page that changes on disk is read again for the
//! words remembered; pages added or removed start the handbook afresh.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender};

use super::context::configuration;
use crate::config::Config;
use crate::engine::{discover, Linter, Selection};
use crate::site::CanonicalFolders;

/// A question for the scanning thread: on which pages does `spelling`
/// report these words?
#[derive(Debug)]
pub struct Scan {
    /// The handbook, by its content roots.
    pub roots: Vec<PathBuf>,
    /// Which listing of the handbook's pages `pages` is.
    pub generation: u64,
    /// The folder whose configuration applies.
    pub config_folder: PathBuf,
    /// The handbook's pages.
    pub pages: Arc<Vec<PathBuf>>,
    /// The words (vocabulary keys).
    pub keys: HashSet<String>,
}

/// The scanning thread's answer.
#[derive(Debug)]
pub struct Scanned {
    /// The question.
    pub scan: Scan,
    /// For each page of the question, the words `spelling` reports there.
    pub flags: Vec<Vec<String>>,
}

/// What is known of one handbook.
#[derive(Debug)]
struct Book {
    generation: u64,
    config_folder: PathBuf,
    pages: Arc<Vec<PathBuf>>,
    /// Page index by canonical path.
    index: HashMap<PathBuf, usize>,
    /// Per word (vocabulary key): the pages reporting it, and how.
    words: HashMap<String, Vec<(usize, String)>>,
    /// Words asked about and not answered yet.
    pending: HashSet<String>,
}

/// The vocabulary of every handbook being edited.
#[derive(Debug)]
pub struct Vocabulary {
    books: HashMap<Vec<PathBuf>, Book>,
    scans: Sender<Scan>,
}

/// A new number for each listing of a handbook's pages.
static GENERATION: AtomicU64 = AtomicU64::new(1);

impl Vocabulary {
    /// Remembers nothing yet; questions go to `scans`.
    pub fn new(scans: Sender<Scan>) -> Vocabulary {
        Vocabulary {
            books: HashMap::new(),
            scans,
        }
    }

    /// For the page at `path` of the handbook `roots`, what the other
    /// pages report of `candidates`, one list a page (as
    /// [`Linter::lint_with_vocabulary`] asks), and the candidates whose
    /// answer is not known yet (asked for now if need be).
    pub fn elsewhere(
        &mut self,
        roots: &[PathBuf],
        config: &Config,
        path: &Path,
        candidates: &HashSet<String>,
    ) -> (Vec<Vec<String>>, HashSet<String>) {
        if roots.is_empty() {
            return (Vec::new(), HashSet::new());
        }
        let book = self
            .books
            .entry(roots.to_vec())
            .or_insert_with(|| Book::list(roots, config));
        let this_page = CanonicalFolders::default()
            .of(path)
            .and_then(|p| book.index.get(&p).copied());
        let mut by_page: HashMap<usize, Vec<String>> = HashMap::new();
        let mut unknown = HashSet::new();
        for key in candidates {
            match book.words.get(key) {
                Some(pages) => {
                    for (page, word) in pages.iter().filter(|(p, _)| Some(*p) != this_page) {
                        by_page.entry(*page).or_default().push(word.clone());
                    }
                }
                None => {
                    unknown.insert(key.clone());
                }
            }
        }
        let ask: HashSet<String> = unknown.difference(&book.pending).cloned().collect();
        if !ask.is_empty() {
            book.pending.extend(ask.iter().cloned());
            let _ = self.scans.send(Scan {
                roots: roots.to_vec(),
                generation: book.generation,
                config_folder: book.config_folder.clone(),
                pages: Arc::clone(&book.pages),
                keys: ask,
            });
        }
        (by_page.into_values().collect(), unknown)
    }

    /// Records an answer; false when it is for a listing that is gone
    /// (the words are asked again when next needed).
    pub fn record(&mut self, scanned: Scanned) -> bool {
        let Some(book) = self.books.get_mut(&scanned.scan.roots) else {
            return false;
        };
        if book.generation != scanned.scan.generation {
            return false;
        }
        for key in &scanned.scan.keys {
            book.pending.remove(key);
            book.words.entry(key.clone()).or_default();
        }
        for (page, words) in scanned.flags.into_iter().enumerate() {
            for word in words {
                let key = crate::rules::spelling::vocabulary_key(&word);
                if let Some(pages) = book.words.get_mut(&key) {
                    pages.push((page, word));
                }
            }
        }
        true
    }

    /// The file at `path` changed on disk; `pages_changed` when files
    /// were added or removed. Returns whether what is known changed.
    pub fn file_changed(&mut self, path: &Path, pages_changed: bool) -> bool {
        let canonical = CanonicalFolders::default().of(path);
        let mut changed = false;
        self.books.retain(|roots, book| {
            let index = canonical.as_ref().and_then(|p| book.index.get(p).copied());
            if pages_changed && (index.is_some() || inside(roots, path, canonical.as_deref())) {
                changed = true;
                return false;
            }
            if let Some(index) = index {
                changed |= book.read_again(index);
            }
            true
        });
        changed
    }

    /// Forgets everything (the configuration changed).
    pub fn clear(&mut self) {
        self.books.clear();
    }
}

impl Book {
    /// Lists the pages of the handbook `roots` as a run finds them.
    fn list(roots: &[PathBuf], config: &Config) -> Book {
        let pages = discover(roots, config).unwrap_or_default();
        let mut canonical = CanonicalFolders::default();
        let index = pages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((canonical.of(p)?, i)))
            .collect();
        Book {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            config_folder: config.root.clone(),
            pages: Arc::new(pages),
            index,
            words: HashMap::new(),
            pending: HashSet::new(),
        }
    }

    /// Reads page `index` again for the words known; whether any of them
    /// is reported differently now.
    fn read_again(&mut self, index: usize) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let before: Vec<(String, Vec<String>)> = self
            .words
            .iter()
            .map(|(key, pages)| {
                let mut words: Vec<String> = pages
                    .iter()
                    .filter(|(p, _)| *p == index)
                    .map(|(_, w)| w.clone())
                    .collect();
                words.sort();
                (key.clone(), words)
            })
            .collect();
        for pages in self.words.values_mut() {
            pages.retain(|(p, _)| *p != index);
        }
        let keys: HashSet<String> = self.words.keys().cloned().collect();
        let (config, _) = configuration(&self.config_folder);
        let Ok(linter) = Linter::new(&config, &Selection::default()) else {
            return true;
        };
        let page = [self.pages[index].clone()];
        let flags = linter.with_site(None).spelling_flags_in(&page, &keys);
        for word in flags.into_iter().flatten() {
            let key = crate::rules::spelling::vocabulary_key(&word);
            if let Some(pages) = self.words.get_mut(&key) {
                pages.push((index, word));
            }
        }
        before.into_iter().any(|(key, mut words)| {
            let mut now: Vec<String> = self.words[&key]
                .iter()
                .filter(|(p, _)| *p == index)
                .map(|(_, w)| w.clone())
                .collect();
            now.sort();
            words.sort();
            now != words
        })
    }
}

/// Whether `path` (made `canonical`) lies in one of `roots`.
fn inside(roots: &[PathBuf], path: &Path, canonical: Option<&Path>) -> bool {
    roots.iter().any(|root| {
        path.starts_with(root)
            || canonical
                .is_some_and(|c| std::fs::canonicalize(root).is_ok_and(|r| c.starts_with(r)))
    })
}

/// Answers scans until `scans` closes, sending each answer through
/// `answer`. Questions that queue up while one is answered are merged.
pub fn scan_loop(scans: Receiver<Scan>, answer: impl Fn(Scanned)) {
    while let Ok(first) = scans.recv() {
        let mut queued = vec![first];
        queued.extend(scans.try_iter());
        for scan in merge(queued) {
            let (config, _) = configuration(&scan.config_folder);
            let flags = match Linter::new(&config, &Selection::default()) {
                Ok(linter) => linter
                    .with_site(None)
                    .spelling_flags_in(&scan.pages, &scan.keys),
                Err(_) => vec![Vec::new(); scan.pages.len()],
            };
            answer(Scanned { scan, flags });
        }
    }
}

/// Questions about the same listing of a handbook, merged into one.
fn merge(scans: Vec<Scan>) -> Vec<Scan> {
    let mut merged: Vec<Scan> = Vec::new();
    for scan in scans {
        match merged
            .iter_mut()
            .find(|m| m.roots == scan.roots && m.generation == scan.generation)
        {
            Some(m) => m.keys.extend(scan.keys),
            None => merged.push(scan),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A handbook where `Zorblax` is on two pages besides the edited one,
    /// and unknown words are reported (else `spelling` reports none of
    /// them, and there is no vocabulary to find).
    fn handbook() -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(
            dir.path().join(".handbook-lint.toml"),
            "[spelling]\nreport-unknown = true\n",
        )
        .expect("configuration");
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).expect("folder");
        for name in ["a", "b"] {
            std::fs::write(
                content.join(format!("{name}.md")),
                "We use Zorblax daily.\n",
            )
            .expect("page");
        }
        let edited = content.join("c.md");
        std::fs::write(&edited, "Zorblax.\n").expect("page");
        (dir, vec![content], edited)
    }

    fn answer_all(vocabulary: &mut Vocabulary, scans: &Receiver<Scan>) {
        let (tx, rx) = crossbeam_channel::unbounded();
        let queued: Vec<Scan> = scans.try_iter().collect();
        let (inner_tx, inner_rx) = crossbeam_channel::unbounded();
        for scan in queued {
            let _ = inner_tx.send(scan);
        }
        drop(inner_tx);
        scan_loop(inner_rx, |s| {
            let _ = tx.send(s);
        });
        for scanned in rx.try_iter() {
            assert!(vocabulary.record(scanned));
        }
    }

    #[test]
    fn words_are_asked_once_and_then_known() {
        let (_dir, roots, edited) = handbook();
        let mut config = Config::default();
        config.root = roots[0].parent().expect("parent").to_path_buf();
        let (tx, scans) = crossbeam_channel::unbounded();
        let mut vocabulary = Vocabulary::new(tx);
        let candidates: HashSet<String> = ["zorblax".to_string()].into();

        let (flags, unknown) = vocabulary.elsewhere(&roots, &config, &edited, &candidates);
        assert!(flags.is_empty());
        assert_eq!(unknown, candidates);
        // Asked again before the answer: not asked twice.
        let _ = vocabulary.elsewhere(&roots, &config, &edited, &candidates);
        assert_eq!(scans.len(), 1);

        answer_all(&mut vocabulary, &scans);
        let (flags, unknown) = vocabulary.elsewhere(&roots, &config, &edited, &candidates);
        assert!(unknown.is_empty());
        let mut words: Vec<String> = flags.into_iter().flatten().collect();
        words.sort();
        assert_eq!(
            words,
            ["Zorblax", "Zorblax"],
            "the edited page itself not counted"
        );

        // One of the pages drops the word.
        std::fs::write(roots[0].join("a.md"), "Nothing here.\n").expect("page");
        assert!(vocabulary.file_changed(&roots[0].join("a.md"), false));
        let (flags, _) = vocabulary.elsewhere(&roots, &config, &edited, &candidates);
        assert_eq!(flags.into_iter().flatten().count(), 1);
    }
}
