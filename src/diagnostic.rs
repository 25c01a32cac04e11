//! Diagnostics: what a rule found, where, and how it could be fixed.
//!
//! A [`Diagnostic`] carries byte offsets into the original file. Turning
//! those into lines and columns, and rendering them, is the job of the
//! engine and the reports.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered from least to most serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be fixed; does not fail a run.
    Warning,
    /// Must be fixed; the run exits with status 1.
    Error,
}

impl Severity {
    /// The lower-case name used in configuration and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The fix keeps the meaning of the page; `--fix` applies it.
    Safe,
    /// The fix may change meaning; only `--unsafe-fixes` applies it.
    Unsafe,
}

/// One replacement of a byte range of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte offset where the replaced text starts.
    pub byte_start: usize,
    /// Byte offset just past the replaced text.
    pub byte_end: usize,
    /// The new text.
    pub replacement: String,
}

impl Edit {
    /// Replaces `range` with `replacement`.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Edit {
            byte_start: range.start,
            byte_end: range.end,
            replacement: replacement.into(),
        }
    }

    /// Deletes `range`.
    pub fn delete(range: Range<usize>) -> Self {
        Edit::replace(range, "")
    }

    /// Inserts `text` at `offset`.
    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Edit::replace(offset..offset, text)
    }

    /// The replaced byte range.
    pub fn range(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }
}

/// A machine-applicable fix: edits that never overlap each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, shown as help ("remove the trailing spaces").
    pub description: String,
    /// Whether `--fix` may apply it unasked.
    pub applicability: Applicability,
    /// The edits, in any order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix made of one edit.
    pub fn safe(description: impl Into<String>, edit: Edit) -> Self {
        Fix {
            description: description.into(),
            applicability: Applicability::Safe,
            edits: vec![edit],
        }
    }

    /// An unsafe fix made of one edit.
    pub fn unsafe_(description: impl Into<String>, edit: Edit) -> Self {
        Fix {
            description: description.into(),
            applicability: Applicability::Unsafe,
            edits: vec![edit],
        }
    }
}

/// A finding of one rule at one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, as in the catalogue (`trailing-whitespace`).
    pub rule: &'static str,
    /// The severity; rules set their default, the engine applies the
    /// configured one.
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Byte range of the offending text in the file.
    pub span: Range<usize>,
    /// Short text shown under the span in the human report.
    pub label: Option<Cow<'static, str>>,
    /// A hint on how to fix it, when there is no machine fix.
    pub help: Option<Cow<'static, str>>,
    /// Candidate replacements, best first.
    pub suggestions: Vec<String>,
    /// A machine-applicable fix. Boxed: most findings have none, and a
    /// run holds every finding until the end.
    pub fix: Option<Box<Fix>>,
}

/// The rule a diagnostic comes from, as the diagnostic records it: the
/// rule's id and its default severity. The rule catalogue converts its
/// rules into this, so a diagnostic never refers to the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The rule id, as in the catalogue (`trailing-whitespace`).
    pub rule: &'static str,
    /// The rule's severity unless configured otherwise.
    pub default_severity: Severity,
}

impl Diagnostic {
    /// A finding of `rule` over `span`; the severity is the rule's default
    /// until the engine applies the configuration.
    pub fn new(rule: impl Into<Origin>, span: Range<usize>, message: impl Into<String>) -> Self {
        let origin = rule.into();
        Diagnostic {
            rule: origin.rule,
            severity: origin.default_severity,
            message: message.into(),
            span,
            label: None,
            help: None,
            suggestions: Vec::new(),
            fix: None,
        }
    }

    /// Adds a label shown under the span.
    pub fn with_label(mut self, label: impl Into<Cow<'static, str>>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds candidate replacements, best first.
    pub fn with_suggestions(mut self, suggestions: Vec<String>) -> Self {
        self.suggestions = suggestions;
        self
    }

    /// Adds a machine-applicable fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(Box::new(fix));
        self
    }
}
