//! The command line: `check`, `rules`, `explain`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Config;
use crate::engine::{Linter, Selection};
use crate::report;
use crate::report::Totals;
use crate::rules;

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
    /// List every rule: id, group, default severity, fix, summary.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a rule's documentation, with a bad and a good example.
    Explain {
        /// The rule id, e.g. `trailing-whitespace`.
        rule: String,
    },
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files and folders to lint; folders are searched for *.md and
    /// *.markdown pages.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Configuration file (default: the nearest .handbook-lint.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Option<Vec<String>>,
    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// When to use colour in the human report (never with NO_COLOR set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Annotated source excerpts for people.
    Human,
    /// The JSON diagnostics contract, for editors and tools.
    Json,
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
        Command::Check(args) => check(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("handbook-lint: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    let config = Config::discover(args.config.as_deref(), &cwd).map_err(|err| err.to_string())?;
    let selection = Selection {
        select: args.select,
        ignore: args.ignore,
    };
    let linter = Linter::new(&config, &selection)?;
    let files = crate::engine::discover(&args.paths, &config).map_err(|err| err.to_string())?;
    // Each file is printed as soon as it and the files before it are
    // linted, then dropped: memory does not grow with the number of files.
    let mut out = Output::new();
    let mut totals = Totals {
        files_checked: files.len(),
        ..Totals::default()
    };
    match args.format {
        Format::Human => {
            let renderer = report::human::Renderer::new(use_color(args.color));
            linter.lint_each(&files, |file| {
                totals.add(&file);
                out.write(&renderer.file(&file));
            });
            out.write(&(totals.summary() + "\n"));
        }
        Format::Json => {
            let mut stream = report::json::Stream::default();
            out.write(&stream.start(files.len()));
            linter.lint_each(&files, |file| {
                totals.add(&file);
                out.write(&stream.file(&file));
            });
            out.write(&(stream.finish() + "\n"));
        }
    }
    out.finish()?;
    Ok(if totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Buffered standard output that remembers the first failure. A closed
/// pipe (`| head`) is not a failure of the lint: output just stops.
struct Output {
    writer: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
    error: Option<std::io::Error>,
}

impl Output {
    fn new() -> Self {
        Output {
            writer: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock()),
            closed: false,
            error: None,
        }
    }

    fn write(&mut self, text: &str) {
        if self.closed || text.is_empty() {
            return;
        }
        if let Err(err) = self.writer.write_all(text.as_bytes()) {
            self.fail(err);
        }
    }

    fn fail(&mut self, err: std::io::Error) {
        self.closed = true;
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            self.error.get_or_insert(err);
        }
    }

    fn finish(mut self) -> Result<(), String> {
        if !self.closed {
            if let Err(err) = self.writer.flush() {
                self.fail(err);
            }
        }
        match self.error {
            Some(err) => Err(format!("cannot write the report: {err}")),
            None => Ok(()),
        }
    }
}

fn use_color(choice: Color) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        Color::Never => false,
        Color::Always => !no_color,
        Color::Auto => !no_color && std::io::stdout().is_terminal(),
    }
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not a failure of the lint.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(format!("cannot write the report: {err}")),
    }
}

fn list_rules(format: ListFormat) -> Result<ExitCode, String> {
    let text = match format {
        ListFormat::Text => rules_table(),
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = rules::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "group": r.group.name(),
                        "severity": r.severity.as_str(),
                        "fix": r.fix.describe(),
                        "summary": r.summary,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n"
        }
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The rule list as a plain-text table (also the README's rule list).
pub fn rules_table() -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<24} {:<10} {:<8} {:<18} {}\n",
        "RULE", "GROUP", "SEVERITY", "FIX", "SUMMARY"
    ));
    for r in rules::ALL {
        out.push_str(&format!(
            "{:<24} {:<10} {:<8} {:<18} {}\n",
            r.id,
            r.group.name(),
            r.severity.as_str(),
            r.fix.describe(),
            r.summary
        ));
    }
    out
}

fn explain(id: &str) -> Result<ExitCode, String> {
    let rule = rules::find(id).ok_or_else(|| crate::config::unknown_rule(id))?;
    let text = format!(
        "# {}\n\ngroup: {} | default severity: {} | fix: {}\n\n{}\n\n{}",
        rule.id,
        rule.group.name(),
        rule.severity.as_str(),
        rule.fix.describe(),
        rule.summary,
        rule.docs
    );
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
