//! A linted page's findings, and their form in the protocol.

use std::path::PathBuf;
use std::sync::Arc;

use lsp_types::{Diagnostic as LspDiagnostic, DiagnosticSeverity, NumberOrString};

use super::convert::Text;
use crate::diagnostic::Severity;
use crate::engine::Finding;

/// The diagnostics' `source`.
pub const SOURCE: &str = "handbook-lint";

/// What linting one version of an open page found.
#[derive(Clone, Debug)]
pub struct Linted {
    /// The page.
    pub uri: lsp_types::Uri,
    /// The version linted.
    pub version: i32,
    /// Its text.
    pub text: Arc<String>,
    /// The file it was linted as.
    pub path: PathBuf,
    /// Whether the page is a file (not an unsaved buffer).
    pub on_disk: bool,
    /// The configured `words_file`, if any.
    pub words_file: Option<PathBuf>,
    /// The files the configuration's `[lists]` names.
    pub list_files: Vec<PathBuf>,
    /// The findings, in order of position.
    pub findings: Vec<Finding>,
}

impl Linted {
    /// The findings as protocol diagnostics.
    pub fn diagnostics(&self) -> Vec<LspDiagnostic> {
        let text = Text::new(&self.text);
        self.findings.iter().map(|f| diagnostic(&text, f)).collect()
    }
}

/// A finding as a protocol diagnostic: the rule id is its code (the
/// rule's documentation is the hover on it).
pub fn diagnostic(text: &Text<'_>, finding: &Finding) -> LspDiagnostic {
    let d = &finding.diagnostic;
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    } else if !d.suggestions.is_empty() {
        message.push_str("\ndid you mean: ");
        message.push_str(&d.suggestions.join(", "));
    }
    LspDiagnostic {
        range: text.range(d.span.clone()),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        ..LspDiagnostic::default()
    }
}
