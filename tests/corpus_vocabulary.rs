//! The spelling rule's handbook vocabulary: an unknown capitalised word
//! used on three or more pages of the handbook is not reported, whether
//! the run lints the whole tree, one page (as a pre-commit hook does), or
//! the pages changed on a branch (`--changed-since`, tested in
//! `cli_integrations.rs`); and whether the run decides the vocabulary
//! after linting or before (as large runs do, to write each file as soon
//! as it is linted).

use std::fs;
use std::path::Path;

use handbook_lint::config::Config;
use std::ops::ControlFlow;

use handbook_lint::engine::{LintedFile, Linter, RunSink, Selection, VocabularyPass};
use tempfile::TempDir;

fn page(body: &str) -> String {
    format!("---\ntitle: A page\n---\n\n{body}\n")
}

/// A handbook with a content tree: `.handbook-lint.toml` at the top
/// (reporting unknown words, which the vocabulary pass is about) and
/// `pages` (name, body) in `content/jobs/`.
fn handbook(pages: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    fs::write(
        dir.path().join(".handbook-lint.toml"),
        "content_dir = \"content\"\n[spelling]\nreport-unknown = true\n",
    )
    .expect("config");
    let jobs = dir.path().join("content/jobs");
    fs::create_dir_all(&jobs).expect("folders");
    for (name, body) in pages {
        fs::write(jobs.join(name), page(body)).expect("page");
    }
    dir
}

/// The lines of `spelling` findings per linted file (named relative to
/// `content/jobs`), for a run over `paths` (relative to the handbook).
/// The run decides the vocabulary after linting, and again before: both
/// must find the same.
fn spelling_lines(root: &Path, paths: &[&str]) -> Vec<(String, usize)> {
    let config = Config::discover(None, root).expect("config");
    let selection = Selection {
        select: Some(vec!["spelling".to_string()]),
        ignore: Vec::new(),
    };
    let linter = Linter::new(&config, &selection).expect("linter");
    let paths: Vec<_> = paths.iter().map(|p| root.join(p)).collect();
    let after = linter.lint_paths(&paths, &config).expect("run").files;
    let mut before = Collected::default();
    let linter = Linter::new(&config, &selection).expect("linter");
    linter
        .lint_streamed(
            &paths,
            &config,
            &|_| true,
            VocabularyPass::Before,
            &mut before,
        )
        .expect("run");
    let found = lines(&after);
    assert_eq!(lines(&before.files), found, "vocabulary decided first");
    assert_eq!(before.announced, Some(after.len()));
    found
}

/// The files a streamed run hands over, and the count it announced.
#[derive(Default)]
struct Collected {
    announced: Option<usize>,
    files: Vec<LintedFile>,
}

impl RunSink for Collected {
    fn start(&mut self, files: usize) -> ControlFlow<()> {
        self.announced = Some(files);
        ControlFlow::Continue(())
    }

    fn files(&mut self, files: Vec<LintedFile>) -> ControlFlow<()> {
        self.files.extend(files);
        ControlFlow::Continue(())
    }
}

fn lines(files: &[LintedFile]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for file in files {
        let name = file.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        for finding in &file.findings {
            found.push((name.to_string(), finding.start.line));
        }
    }
    found
}

const USED: &str = "The team runs Frobzilla every day.";

#[test]
fn a_name_used_across_the_tree_is_vocabulary_for_one_page_too() {
    let dir = handbook(&[
        ("a.md", USED),
        ("b.md", USED),
        ("c.md", USED),
        ("d.md", "Nothing."),
    ]);
    assert_eq!(spelling_lines(dir.path(), &["content"]), []);
    assert_eq!(spelling_lines(dir.path(), &["content/jobs/a.md"]), []);
    assert_eq!(
        spelling_lines(dir.path(), &["content/jobs/a.md", "content/jobs/d.md"]),
        []
    );
}

#[test]
fn a_name_on_too_few_pages_is_reported_alone_and_with_the_tree() {
    let dir = handbook(&[("a.md", USED), ("b.md", USED), ("d.md", "Nothing.")]);
    let whole = spelling_lines(dir.path(), &["content"]);
    assert_eq!(whole, [("a.md".to_string(), 5), ("b.md".to_string(), 5)]);
    assert_eq!(
        spelling_lines(dir.path(), &["content/jobs/a.md"]),
        [("a.md".to_string(), 5)]
    );
}

#[test]
fn a_lower_case_use_elsewhere_keeps_the_word_an_error() {
    let dir = handbook(&[
        ("a.md", USED),
        ("b.md", USED),
        ("c.md", USED),
        ("d.md", "We frobzilla the data."),
    ]);
    let whole = spelling_lines(dir.path(), &["content"]);
    assert_eq!(whole.len(), 4, "{whole:?}");
    assert_eq!(
        spelling_lines(dir.path(), &["content/jobs/a.md"]),
        [("a.md".to_string(), 5)]
    );
}

#[test]
fn suppressed_uses_elsewhere_do_not_count() {
    let suppressed =
        "<!-- handbook-lint-disable-next-line spelling -->\nThe team runs Frobzilla every day.";
    let dir = handbook(&[("a.md", USED), ("b.md", USED), ("c.md", suppressed)]);
    let whole = spelling_lines(dir.path(), &["content"]);
    assert_eq!(whole.len(), 2, "{whole:?}");
    assert_eq!(
        spelling_lines(dir.path(), &["content/jobs/a.md"]),
        [("a.md".to_string(), 5)]
    );
}

#[test]
fn excluded_pages_do_not_count() {
    let dir = handbook(&[("a.md", USED), ("b.md", USED), ("c.md", USED)]);
    fs::write(
        dir.path().join(".handbook-lint.toml"),
        "content_dir = \"content\"\nexclude = [\"content/jobs/c.md\"]\n[spelling]\nreport-unknown = true\n",
    )
    .expect("config");
    assert_eq!(spelling_lines(dir.path(), &["content"]).len(), 2);
    assert_eq!(spelling_lines(dir.path(), &["content/jobs/a.md"]).len(), 1);
}

#[test]
fn pages_whose_spelling_is_ignored_do_not_count() {
    let dir = handbook(&[("a.md", USED), ("b.md", USED), ("c.md", USED)]);
    fs::write(
        dir.path().join(".handbook-lint.toml"),
        "content_dir = \"content\"\n[spelling]\nreport-unknown = true\n[per-file-ignores]\n\"content/jobs/c.md\" = [\"spelling\"]\n",
    )
    .expect("config");
    assert_eq!(spelling_lines(dir.path(), &["content"]).len(), 2);
}

#[test]
fn an_editor_buffer_is_judged_with_the_tree_and_not_twice() {
    // On disk, a.md and b.md use the name; in the editor, a.md still does
    // and c.md does not: two pages, so the name is reported.
    let dir = handbook(&[("a.md", USED), ("b.md", USED), ("c.md", "Nothing.")]);
    let root = dir.path();
    let config = Config::discover(None, root).expect("config");
    let linter = Linter::new(&config, &Selection::default()).expect("linter");
    let path = root.join("content/jobs/a.md");
    let buffer = std::sync::Arc::new(page("Frobzilla, edited."));
    let spelling = |file: &handbook_lint::engine::LintedFile| {
        file.findings
            .iter()
            .filter(|f| f.diagnostic.rule == "spelling")
            .count()
    };
    let file = linter.lint_in_handbook(&path, buffer.clone(), &config);
    assert_eq!(spelling(&file), 1);
    // A third page makes it vocabulary.
    fs::write(root.join("content/jobs/c.md"), page(USED)).expect("page");
    let linter = Linter::new(&config, &Selection::default()).expect("linter");
    let file = linter.lint_in_handbook(&path, buffer, &config);
    assert_eq!(spelling(&file), 0);
}
