//! The command line: `check`, `ladder`, `rules`, `explain`, `lsp`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::engine::changed;
use crate::engine::fix::{FixMode, FixOutcome};
use crate::engine::{
    self, discover, read_source, write_atomic, write_atomic_with, Linter, RunReport, Selection,
};
use crate::family::{JobFamily, Layout};
use crate::report;
use crate::report::ladder::{FamilyLadder, LadderExtends, LadderLevel, Problem};
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
    /// Show each job family's levels in order: grade, what each extends,
    /// and the problems the family rules find.
    Ladder(LadderArgs),
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
    /// Run the language server on stdin and stdout (for editors).
    Lsp {
        /// Talk over standard input and output (the default and only
        /// transport; accepted because language clients pass it).
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files and folders to lint; folders are searched for *.md and
    /// *.markdown pages.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format of the report on standard output.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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
}

impl Format {
    fn parse_name(name: &str) -> Option<Format> {
        <Format as ValueEnum>::from_str(name, true).ok()
    }

    /// Writes the report in this format to `out`, one linted file at a
    /// time.
    fn write(self, report: &RunReport, color: bool, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Format::Human => report::human::write(report, color, out),
            Format::Json => {
                report::json::write(report, out)?;
                out.write_all(b"\n")
            }
            Format::Codequality => report::codequality::write(report, out),
            Format::Junit => report::junit::write(report, out),
            Format::Sarif => report::sarif::write(report, out),
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
        Command::Check(args) => check(args),
        Command::Ladder(args) => ladder(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Lsp { stdio: _ } => crate::lsp::run().map(|()| ExitCode::SUCCESS),
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
    let outputs = parse_outputs(&args.output, args.format)?;
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err("--unsafe-fixes needs --fix or --diff".to_string());
    }
    let config = Config::discover(args.config.as_deref(), &cwd).map_err(|err| err.to_string())?;
    let selection = Selection {
        select: args.select,
        ignore: args.ignore,
    };
    let linter = Linter::new(&config, &selection)?;
    let changed = match &args.changed_since {
        Some(reference) => Some(changed::changed_files(reference, &cwd)?),
        None => None,
    };
    let keep = |path: &Path| {
        changed
            .as_ref()
            .is_none_or(|set| changed::is_changed(set, path))
    };
    if args.fix || args.diff {
        let mode = if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        };
        let files = discover(&args.paths, &config).map_err(|err| err.to_string())?;
        let selected: Vec<PathBuf> = files.into_iter().filter(|p| keep(p)).collect();
        let fixed = fix_files(&linter, &selected, mode, !args.diff)?;
        if args.diff {
            write_stdout(&fixed.diff)?;
            eprintln!(
                "handbook-lint: would apply {} in {}",
                plural(fixed.applied, "fix", "fixes"),
                plural(fixed.files, "file", "files")
            );
            return Ok(if fixed.files > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
        if fixed.applied > 0 {
            eprintln!(
                "handbook-lint: applied {} in {}",
                plural(fixed.applied, "fix", "fixes"),
                plural(fixed.files, "file", "files")
            );
        }
    }
    let report = linter
        .lint_selected(&args.paths, &config, &keep)
        .map_err(|err| err.to_string())?;
    let color = use_color(args.color);
    let mut stdout_format = Some(args.format);
    for (format, file) in &outputs {
        match format {
            Some(format) => write_report(file, *format, &report)?,
            None => {
                write_report(file, args.format, &report)?;
                stdout_format = None;
            }
        }
    }
    if let Some(format) = stdout_format {
        write_report_to_stdout(format, &report, color)?;
    }
    let code = exit_code(&report);
    // The run ends here: the operating system takes the report's memory
    // back at once, faster than freeing each finding.
    std::mem::forget(report);
    Ok(code)
}

fn ladder(args: LadderArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the working directory: {err}"))?;
    let config = Config::discover(args.config.as_deref(), &cwd).map_err(|err| err.to_string())?;
    let family_rules: Vec<String> = rules::ALL
        .iter()
        .filter(|r| r.group == rules::Group::Family)
        .map(|r| r.id.to_string())
        .collect();
    let selection = Selection {
        select: Some(family_rules),
        ignore: Vec::new(),
    };
    let linter = Linter::new(&config, &selection)?;
    let files = engine::discover(&args.paths, &config).map_err(|err| err.to_string())?;
    let mut ladders = Vec::new();
    let mut errors = false;
    for path in files {
        let source = match engine::read_source(&path) {
            Ok(source) => source,
            Err(failure) => {
                eprintln!("handbook-lint: {}: {}", path.display(), failure.message);
                continue;
            }
        };
        let doc = Document::parse(&path, source);
        let family = JobFamily::build(&doc);
        if !family.is_job_family {
            continue;
        }
        let diagnostics = linter.check(&doc);
        errors |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        ladders.push(ladder_rows(&doc, &family, diagnostics));
    }
    let text = match args.format {
        ListFormat::Text => report::ladder::render_text(&ladders),
        ListFormat::Json => report::ladder::render_json(&ladders) + "\n",
    };
    write_stdout(&text)?;
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The rows `ladder` shows for one page.
fn ladder_rows(
    doc: &Document,
    family: &JobFamily,
    diagnostics: Vec<crate::diagnostic::Diagnostic>,
) -> FamilyLadder {
    let levels = family
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| LadderLevel {
            name: level.name.clone(),
            line: doc.line_number(family.level_span(doc, i).start),
            grade: level.grade.as_ref().map(|g| g.text.clone()),
            extends: level
                .extends
                .iter()
                .map(|e| LadderExtends {
                    list: e.list.word(),
                    reference: e.reference.clone(),
                    level: e
                        .target
                        .and_then(|t| family.levels.get(t))
                        .map(|l| l.name.clone()),
                    line: doc.line_number(e.reference_span.start),
                })
                .collect(),
        })
        .collect();
    let problems = diagnostics
        .into_iter()
        .map(|d| {
            let at = doc.position(d.span.start);
            Problem {
                line: at.line,
                column: at.column,
                rule: d.rule,
                severity: d.severity,
                message: d.message,
            }
        })
        .collect();
    FamilyLadder {
        path: doc.path.to_string_lossy().into_owned(),
        title: family.title.clone(),
        layout: match family.layout {
            Layout::Nested => "nested",
            Layout::SameDepth => "same-depth",
            Layout::Unlabelled => "unlabelled",
            Layout::SingleRole => "single-role",
        },
        levels,
        problems,
    }
}

/// `--output` values: a format (or `None` for the --format report) and a
/// file.
fn parse_outputs(
    values: &[String],
    default: Format,
) -> Result<Vec<(Option<Format>, PathBuf)>, String> {
    let mut outputs = Vec::new();
    for value in values {
        let (format, file) = match value.split_once('=') {
            Some((name, file)) if Format::parse_name(name).is_some() => {
                (Format::parse_name(name), file)
            }
            _ => (None, value.as_str()),
        };
        if file.is_empty() {
            return Err(format!("--output {value}: no file name"));
        }
        if format.is_none()
            && outputs
                .iter()
                .any(|(f, _): &(Option<Format>, PathBuf)| f.is_none())
        {
            return Err(format!(
                "--output {value}: only one bare FILE (for the {default:?} report) is allowed; name the format of the others (FORMAT=FILE)"
            ));
        }
        outputs.push((format, PathBuf::from(file)));
    }
    Ok(outputs)
}

/// Writes the report in `format` (without colour) to the file at `path`,
/// atomically, one linted file at a time.
fn write_report(path: &Path, format: Format, report: &RunReport) -> Result<(), String> {
    write_atomic_with(path, |out| format.write(report, false, out))
        .map_err(|err| format!("cannot write report {}: {err}", path.display()))
}

/// What fixing did.
struct Fixed {
    applied: usize,
    files: usize,
    diff: String,
}

fn fix_files(
    linter: &Linter,
    files: &[PathBuf],
    mode: FixMode,
    write: bool,
) -> Result<Fixed, String> {
    let outcomes: Vec<(&PathBuf, String, FixOutcome)> = files
        .par_iter()
        .filter_map(|path| {
            let source = read_source(path).ok()?;
            let outcome = linter.fix_source(path, &source, mode);
            outcome.changed().then_some((path, source, outcome))
        })
        .collect();
    let mut fixed = Fixed {
        applied: 0,
        files: 0,
        diff: String::new(),
    };
    for (path, source, outcome) in outcomes {
        fixed.applied += outcome.applied;
        fixed.files += 1;
        if write {
            write_atomic(path, outcome.text.as_bytes())
                .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        } else {
            let name = report::portable_path(path);
            let diff = similar::TextDiff::from_lines(&source, &outcome.text);
            fixed.diff.push_str(
                &diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string(),
            );
        }
    }
    Ok(fixed)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn exit_code(report: &RunReport) -> ExitCode {
    if report.count(Severity::Error) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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

/// Writes the report in `format` to standard output as it is rendered.
fn write_report_to_stdout(format: Format, report: &RunReport, color: bool) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = format
        .write(report, color, &mut out)
        .and_then(|()| out.flush());
    stdout_result(written)
}

fn stdout_result(written: std::io::Result<()>) -> Result<(), String> {
    match written {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not a failure of the lint.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(format!("cannot write the report: {err}")),
    }
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
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
