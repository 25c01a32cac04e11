//! The reports of a `check` run, written as the run's files come: the
//! report on standard output (or the statistics), the `--output` files,
//! the baseline's filtering, and the totals the exit status is read
//! from. Nothing here holds more than the files of one batch.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;

use super::baseline::{Baseline, Filter};
use super::{is_closed_pipe, plural, CheckArgs, FailOn, Format};
use crate::diagnostic::Severity;
use crate::engine::{hand_over, AtomicFile, LintedFile, RunReport, RunSink};
use crate::report::{ReportWriter, Totals};

/// Where a `check` run's files go.
pub(super) struct Reports {
    stdout: Stdout,
    /// The `--output` reports, each with its file.
    files: Vec<(PathBuf, Box<dyn ReportWriter>, AtomicFile)>,
    statistics: Option<Statistics>,
    baseline: Option<Filter>,
    totals: Totals,
    /// The first error, which ends the run.
    error: Option<String>,
}

impl Reports {
    /// The reports `args` asks for: `outputs` are the `--output` files
    /// (`None`: in the `--format` format, in place of standard output).
    /// Each file is created now (as a temporary file that replaces it at
    /// the end), so a file that cannot be written stops the run before
    /// any linting.
    pub(super) fn new(
        args: &CheckArgs,
        outputs: &[(Option<Format>, PathBuf)],
        baseline: Option<&Baseline>,
        color: bool,
    ) -> Result<Reports, String> {
        let mut files = Vec::new();
        let mut stdout_format = Some(args.format);
        for (format, path) in outputs {
            if format.is_none() {
                stdout_format = None;
            }
            let format = format.unwrap_or(args.format);
            let file = AtomicFile::create(path).map_err(|err| cannot_write(path, err))?;
            files.push((path.clone(), format.writer(false, true), file));
        }
        let stdout = match stdout_format {
            Some(format) if !args.statistics => Some(format.writer(color, !args.quiet)),
            _ => None,
        };
        Ok(Reports {
            stdout: Stdout {
                writer: stdout,
                out: std::io::BufWriter::new(std::io::stdout()),
                closed: false,
            },
            files,
            statistics: args.statistics.then(Statistics::default),
            baseline: baseline.map(Baseline::filter),
            totals: Totals::default(),
            error: None,
        })
    }

    /// Writes the whole of `report`, a run whose files are already in.
    pub(super) fn write_whole(&mut self, report: RunReport) {
        if self.start(report.files_checked).is_continue() {
            hand_over(report.files, self);
        }
    }

    /// Closes every report and puts the `--output` files in place; the
    /// exit status, given `args`.
    pub(super) fn finish(mut self, args: &CheckArgs) -> Result<std::process::ExitCode, String> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        let totals = self.totals;
        for (path, mut writer, mut file) in std::mem::take(&mut self.files) {
            match writer
                .finish(&totals, &mut file)
                .and_then(|()| file.commit())
            {
                Err(err) if !is_closed_pipe(&err) => return Err(cannot_write(&path, err)),
                _ => {}
            }
        }
        let statistics = self.statistics.take().map(|s| s.render(&totals));
        self.stdout.write(|writer, out| {
            match (writer, statistics) {
                (_, Some(text)) => out.write_all(text.as_bytes())?,
                (Some(writer), None) => writer.finish(&totals, out)?,
                (None, None) => {}
            }
            out.flush()
        })?;
        if let Some(filter) = &self.baseline {
            if filter.removed > 0 && !args.quiet {
                eprintln!(
                    "handbook-lint: {} in the baseline not shown",
                    plural(filter.removed, "finding", "findings")
                );
            }
        }
        let threshold = match args.fail_on {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        };
        Ok(if totals.any_at_least(threshold) && !args.exit_zero {
            std::process::ExitCode::from(1)
        } else {
            std::process::ExitCode::SUCCESS
        })
    }

    /// Runs `write` on every `--output` report. A report whose reader
    /// has closed it (a named pipe, or `/dev/stdout` read by `head`) is
    /// dropped, as standard output is; any other error is the run's.
    fn write_files(
        &mut self,
        mut write: impl FnMut(&mut dyn ReportWriter, &mut AtomicFile) -> std::io::Result<()>,
    ) -> Result<(), String> {
        let mut error = None;
        self.files.retain_mut(|(path, writer, file)| {
            if error.is_some() {
                return true;
            }
            match write(writer.as_mut(), file) {
                Ok(()) => true,
                Err(err) if is_closed_pipe(&err) => false,
                Err(err) => {
                    error = Some(cannot_write(path, err));
                    true
                }
            }
        });
        error.map_or(Ok(()), Err)
    }

    /// Records `result`'s error as the run's; `Break` if there is one.
    fn check(&mut self, result: Result<(), String>) -> ControlFlow<()> {
        match result {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => {
                self.error.get_or_insert(error);
                ControlFlow::Break(())
            }
        }
    }
}

impl RunSink for Reports {
    fn start(&mut self, files: usize) -> ControlFlow<()> {
        self.totals.files_checked += files;
        let result = self.write_files(|writer, file| writer.start(files, file));
        if self.check(result).is_break() {
            return ControlFlow::Break(());
        }
        let result = self.stdout.write(|writer, out| match writer {
            Some(writer) => writer.start(files, out),
            None => Ok(()),
        });
        self.check(result)
    }

    fn files(&mut self, mut files: Vec<LintedFile>) -> ControlFlow<()> {
        for file in &mut files {
            if let Some(filter) = &mut self.baseline {
                filter.apply(file);
            }
            self.totals.add(file);
            if let Some(statistics) = &mut self.statistics {
                statistics.add(file);
            }
        }
        let result = self.write_files(|writer, file| writer.files(&files, file));
        if self.check(result).is_break() {
            return ControlFlow::Break(());
        }
        let result = self.stdout.write(|writer, out| match writer {
            Some(writer) => writer.files(&files, out),
            None => Ok(()),
        });
        self.check(result)
    }
}

/// The report on standard output.
struct Stdout {
    /// `None` when `--statistics` or a bare `--output FILE` takes its
    /// place.
    writer: Option<Box<dyn ReportWriter>>,
    out: std::io::BufWriter<std::io::Stdout>,
    /// Closed by its reader (`| head`): a run goes on for its other
    /// reports and its exit status, writing nothing here.
    closed: bool,
}

impl Stdout {
    /// Runs `write` with the report's writer and standard output, unless
    /// the reader has closed it. A closed pipe is not a failure of the
    /// lint; other errors are.
    fn write(
        &mut self,
        write: impl FnOnce(Option<&mut Box<dyn ReportWriter>>, &mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), String> {
        if self.closed {
            return Ok(());
        }
        match write(self.writer.as_mut(), &mut self.out) {
            Ok(()) => Ok(()),
            Err(err) if is_closed_pipe(&err) => {
                self.closed = true;
                Ok(())
            }
            Err(err) => Err(format!("cannot write the report: {err}")),
        }
    }
}

fn cannot_write(path: &std::path::Path, err: std::io::Error) -> String {
    format!("cannot write report {}: {err}", path.display())
}

/// `--statistics`: findings per rule, most first, with the rule's
/// severity and how many have a fix.
#[derive(Debug, Default)]
struct Statistics {
    /// Per rule: findings, findings with a fix, the highest severity.
    counts: BTreeMap<&'static str, (usize, usize, Severity)>,
}

impl Statistics {
    fn add(&mut self, file: &LintedFile) {
        for finding in &file.findings {
            let d = &finding.diagnostic;
            let entry = self.counts.entry(d.rule).or_insert((0, 0, d.severity));
            entry.0 += 1;
            entry.1 += usize::from(d.fix.is_some());
            entry.2 = entry.2.max(d.severity);
        }
    }

    /// The table, then the summary line.
    fn render(&self, totals: &Totals) -> String {
        let mut rows: Vec<_> = self.counts.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let mut out = String::new();
        for (rule, (count, fixable, severity)) in rows {
            let fix = if *fixable > 0 {
                format!(" ({fixable} fixable)")
            } else {
                String::new()
            };
            out.push_str(&format!("{count:>6}  {rule:<28} {severity}{fix}\n"));
        }
        out.push_str(&totals.summary());
        out.push('\n');
        out
    }
}
