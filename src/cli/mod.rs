//! The command line: `check`, `ladder`, `words`, `rules`, `explain`,
//! `lsp`, `completions` and `man`.
//!
//! This module parses the arguments and dispatches; each command lives in
//! its own module ([`check`], [`ladder`], and [`catalogue`] for `rules` and
//! `explain`); [`reference`] writes the rule reference under `docs/rules/`.

mod baseline;
mod catalogue;
mod check;
mod ladder;
mod progress;
mod reference;
mod reports;
mod words;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report;

pub use catalogue::rules_table;
pub use reference::{rule_reference, rule_reference_index, rule_reference_pages, REFERENCE_DIR};

/// A linter for company-handbook job-family pages.
///
/// Checks Markdown job-family pages (levels, grades, "Extends" references,
/// sections, prose, links and anchors) and reports findings with the exact
/// place and a fix where one is clear.
#[derive(Debug, Parser)]
#[command(name = "handbook-lint", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 no error findings, 1 error findings, 2 the run failed.\nRun `handbook-lint explain RULE` for a rule's documentation."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint pages and folders (default: the current folder).
    Check(CheckArgs),
    /// Show each job family's levels in order: grade, what each extends,
    /// and the problems the family rules find.
    Ladder(LadderArgs),
    /// List the words the spelling rule does not know, most frequent
    /// first, with their pages: to review, and to start a `words_file`.
    Words(WordsArgs),
    /// List every rule: id, group, default severity, fix, summary.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Configuration file whose `[lists]` the data sources show
        /// (default: the nearest .handbook-lint.toml above the current
        /// folder).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print a rule's documentation, with a bad and a good example, and
    /// where its data comes from.
    Explain {
        /// The rule id, e.g. `trailing-whitespace`.
        rule: String,
        /// Configuration file whose `[lists]` the data sources show
        /// (default: the nearest .handbook-lint.toml above the current
        /// folder).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Run the language server on stdin and stdout (for editors).
    Lsp {
        /// Talk over standard input and output (the default and only
        /// transport; accepted because language clients pass it).
        #[arg(long)]
        stdio: bool,
    },
    /// Print a shell completion script (e.g. `handbook-lint completions
    /// bash > /etc/bash_completion.d/handbook-lint`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `handbook-lint man >
    /// handbook-lint.1`.
    Man,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files and folders to lint; folders are searched for *.md and
    /// *.markdown pages. `-` reads one page from standard input (name it
    /// with --stdin-filename). Default: the content folder when the
    /// configuration or the site layout names one, else the current
    /// folder.
    paths: Vec<PathBuf>,
    /// The path of the page read from standard input (`-`): where it is
    /// in the handbook, for configuration, excludes and links.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Output format of the report on standard output.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also skip files named on the command line when the configuration
    /// excludes them (for pre-commit, which names every changed file).
    #[arg(long)]
    force_exclude: bool,
    /// Print findings only: no summary, no progress, no notes on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Print how many findings each rule has, instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Exit with status 0 even when there are findings (2 still means
    /// the run failed).
    #[arg(long)]
    exit_zero: bool,
    /// The least severity that makes the run exit with status 1.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Also write a report to a file: `FORMAT=FILE` (e.g.
    /// `codequality=gl-code-quality.json`), repeatable. A bare FILE takes
    /// the report of --format instead of standard output. Files are
    /// written atomically.
    #[arg(short, long, value_name = "[FORMAT=]FILE")]
    output: Vec<String>,
    /// Lint only the pages changed since the merge base of REF and HEAD
    /// (committed, uncommitted and untracked changes), e.g. `origin/main`.
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Apply the fixes rules mark safe, then report what is left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// With --fix or --diff: apply unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the changes --fix would make as a unified diff; write
    /// nothing. Exits with 1 if there are changes.
    #[arg(long)]
    diff: bool,
    /// Configuration file (default: the nearest .handbook-lint.toml
    /// above each linted path).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file (see
    /// --write-baseline), and how many were.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in a baseline file (rewriting it: findings
    /// that are gone are dropped) and exit with status 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    write_baseline: Option<PathBuf>,
    /// Run only these rules (comma-separated rule ids or group names,
    /// e.g. `prose,links`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Option<Vec<String>>,
    /// Do not run these rules (comma-separated rule ids or group names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// When to use colour in the human report. `auto` colours a terminal,
    /// never with NO_COLOR set, and always with FORCE_COLOR or
    /// CLICOLOR_FORCE set (for CI logs); `always` and `never` win over
    /// the environment.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// The least severity that fails a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Error findings fail the run.
    Error,
    /// Warnings and errors fail the run.
    Warning,
    /// Any finding fails the run.
    Info,
}

#[derive(Debug, Args)]
struct LadderArgs {
    /// Files and folders to read; folders are searched for *.md and
    /// *.markdown pages.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Configuration file (default: the nearest .handbook-lint.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct WordsArgs {
    /// Files and folders to read; folders are searched for *.md and
    /// *.markdown pages.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format: a table, JSON, or the words that do not look like
    /// typos, one a line (a `words_file` to review).
    #[arg(long, value_enum, default_value_t = WordsFormat::Text)]
    format: WordsFormat,
    /// Configuration file (default: the nearest .handbook-lint.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum WordsFormat {
    Text,
    Json,
    Words,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Annotated source excerpts for people.
    Human,
    /// The JSON diagnostics contract, for editors and tools.
    Json,
    /// GitLab Code Quality (merge request widget).
    Codequality,
    /// JUnit XML (CI test reports).
    Junit,
    /// SARIF 2.1.0 (code-scanning dashboards).
    Sarif,
    /// One line per finding: `path:line:column: severity [rule] message`
    /// (quickfix lists, grep).
    Concise,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

impl Format {
    fn parse_name(name: &str) -> Option<Format> {
        <Format as ValueEnum>::from_str(name, true).ok()
    }

    /// A writer of the report in this format. `summary` closes the
    /// human and concise reports with the summary line.
    fn writer(self, color: bool, summary: bool) -> Box<dyn report::ReportWriter> {
        match self {
            Format::Human => Box::new(report::human::Writer::new(color, summary)),
            Format::Json => Box::new(report::json::Writer::with_final_newline()),
            Format::Codequality => Box::new(report::codequality::Writer::default()),
            Format::Junit => Box::new(report::junit::Writer::default()),
            Format::Sarif => Box::new(report::sarif::Writer::new(crate::engine::catalogue())),
            Format::Concise => Box::new(report::concise::Writer { summary }),
            Format::Github => Box::new(report::github::Writer),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::check(args),
        Command::Ladder(args) => ladder::ladder(args),
        Command::Words(args) => words::words(args),
        Command::Rules { format, config } => catalogue::list_rules(format, config.as_deref()),
        Command::Explain { rule, config } => catalogue::explain(&rule, config.as_deref()),
        Command::Lsp { stdio: _ } => crate::lsp::run().map(|()| ExitCode::SUCCESS),
        Command::Completions { shell } => completions(shell),
        Command::Man => man_page(),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("handbook-lint: error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The command-line definition, for completions and the man page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Writes the completion script for `shell` to standard output.
fn completions(shell: clap_complete::Shell) -> Result<ExitCode, String> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "handbook-lint", &mut out);
    write_stdout(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the man page (roff) to standard output.
fn man_page() -> Result<ExitCode, String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command())
        .render(&mut out)
        .map_err(|err| format!("cannot render the man page: {err}"))?;
    write_stdout(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether `err` says the reader of a report has gone (`| head`): not a
/// failure of the lint.
fn is_closed_pipe(err: &std::io::Error) -> bool {
    err.kind() == std::io::ErrorKind::BrokenPipe
}

fn stdout_result(written: std::io::Result<()>) -> Result<(), String> {
    match written {
        Ok(()) => Ok(()),
        Err(err) if is_closed_pipe(&err) => Ok(()),
        Err(err) => Err(format!("cannot write the report: {err}")),
    }
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}
