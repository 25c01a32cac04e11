//! Baselines: `--write-baseline FILE` records a run's findings by the
//! fingerprints of the Code Quality report (line-independent: the rule,
//! the path, the section, the offending text and its occurrence), and
//! `--baseline FILE` then reports only findings not recorded, so a
//! handbook with many old findings can adopt the linter and still fail
//! on new ones.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::{write_atomic, LintedFile, RunReport};
use crate::report;

/// The version of the baseline file format.
const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding: its path and rule for people reading the file,
/// its fingerprint for matching.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    fingerprint: String,
}

/// A loaded baseline: how many findings each fingerprint stands for.
#[derive(Debug, Default)]
pub struct Baseline {
    counts: HashMap<String, usize>,
}

/// Loads the baseline at `path`; a file that cannot be read or is not a
/// baseline is an error naming it.
pub fn load(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("{}: cannot read the baseline: {err}", path.display()))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|err| {
        format!(
            "{}: line {}: not a baseline file: {err}",
            path.display(),
            err.line()
        )
    })?;
    if file.version != VERSION {
        return Err(format!(
            "{}: baseline version {} is not supported (expected {VERSION})",
            path.display(),
            file.version
        ));
    }
    let mut counts = HashMap::new();
    for entry in file.findings {
        *counts.entry(entry.fingerprint).or_insert(0) += 1;
    }
    Ok(Baseline { counts })
}

/// Writes every finding of `report` to a baseline at `path`, atomically;
/// returns how many were written. Findings no longer reported are not
/// carried over from an older baseline.
pub fn write(path: &Path, report: &RunReport) -> Result<usize, String> {
    let mut findings = Vec::new();
    for file in &report.files {
        let name = report::portable_path(&file.path);
        let prints = report::codequality::fingerprints(&name, file);
        for (finding, fingerprint) in file.findings.iter().zip(prints) {
            findings.push(Entry {
                path: name.clone(),
                rule: finding.diagnostic.rule.to_string(),
                fingerprint,
            });
        }
    }
    let count = findings.len();
    let file = BaselineFile {
        version: VERSION,
        findings,
    };
    let mut text = serde_json::to_string_pretty(&file)
        .map_err(|err| format!("cannot write the baseline: {err}"))?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
        .map_err(|err| format!("cannot write baseline {}: {err}", path.display()))?;
    Ok(count)
}

impl Baseline {
    /// A filter that removes the baseline's findings from files given
    /// one after another in a run's order.
    pub fn filter(&self) -> Filter {
        Filter {
            left: self.counts.clone(),
            removed: 0,
        }
    }
}

/// The baseline's findings not yet matched, as a run's files go by.
#[derive(Debug)]
pub struct Filter {
    left: HashMap<String, usize>,
    /// How many findings it has removed.
    pub removed: usize,
}

impl Filter {
    /// Removes from `file` the findings the baseline records and earlier
    /// files have not matched (each recorded finding matches one).
    pub fn apply(&mut self, file: &mut LintedFile) {
        let name = report::portable_path(&file.path);
        let prints = report::codequality::fingerprints(&name, file);
        let mut prints = prints.into_iter();
        let Filter { left, removed } = self;
        file.findings.retain(|_| {
            let Some(print) = prints.next() else {
                return true;
            };
            match left.get_mut(&print) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    *removed += 1;
                    false
                }
                _ => true,
            }
        });
    }
}
