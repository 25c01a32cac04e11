//! The rule catalogue.
//!
//! Each rule is a small module that declares a [`Rule`]: its id, group,
//! default severity, whether it can fix what it finds, its documentation
//! (with a bad and a good example, checked by the tests), and a check
//! function that reads the models and returns diagnostics. Rules live in
//! one folder per catalogue group (`run`, `structure`, `family`, `prose`,
//! `layout`, `links`), beside the helpers that group's rules share.
//! Adding a rule is one new module in its group and one line in [`ALL`].

use std::fmt;

use crate::diagnostic::{Applicability, Diagnostic, Origin, Severity};
use crate::document::Document;

mod settings;
pub use settings::Settings;

pub mod family;
pub mod layout;
pub mod links;
pub mod prose;
pub mod run;
pub use prose::spelling;
pub mod structure;

/// Every rule, in catalogue order.
pub static ALL: &[&Rule] = &[
    &run::read_error::RULE,
    &run::unused_suppression::RULE,
    &structure::front_matter::RULE,
    &structure::missing_overview::RULE,
    &structure::missing_section::RULE,
    &structure::heading_structure::RULE,
    &structure::duplicate_heading::RULE,
    &structure::empty_section::RULE,
    &structure::duplicate_block::RULE,
    &family::missing_grade::RULE,
    &family::grade_order::RULE,
    &family::level_name_mismatch::RULE,
    &family::role_reference::RULE,
    &family::required_requirement::RULE,
    &family::extends_unknown::RULE,
    &family::extends_kind::RULE,
    &family::extends_order::RULE,
    &family::extends_run_on::RULE,
    &family::extends_redundant::RULE,
    &spelling::RULE,
    &prose::confused_word::RULE,
    &prose::brand_name::RULE,
    &prose::repeated_word::RULE,
    &prose::inclusive_language::RULE,
    &prose::gender_coded_language::RULE,
    &prose::vacancy_language::RULE,
    &prose::placeholder::RULE,
    &prose::punctuation_spacing::RULE,
    &layout::mojibake::RULE,
    &layout::invisible_character::RULE,
    &layout::trailing_whitespace::RULE,
    &layout::multiple_spaces::RULE,
    &layout::end_of_file::RULE,
    &layout::list_marker::RULE,
    &layout::lost_list_marker::RULE,
    &layout::unbalanced_brackets::RULE,
    &layout::foreign_markup::RULE,
    &links::broken_link::RULE,
    &links::broken_anchor::RULE,
    &links::absolute_internal_link::RULE,
    &links::link_syntax::RULE,
    &links::missing_link_brackets::RULE,
];

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// Starts each distinct [`Rule::prepare`] of `rules` once, on the thread
/// pool, in the order of `rules`: several rules share one preparation
/// (the prose lists, the family's patterns), and a second job for it
/// would only wait on the first.
pub fn spawn_preparations<'a>(rules: impl IntoIterator<Item = &'a Rule>) {
    let mut started: Vec<fn()> = Vec::new();
    for prepare in rules.into_iter().filter_map(|rule| rule.prepare) {
        if !started.iter().any(|&s| std::ptr::fn_addr_eq(s, prepare)) {
            started.push(prepare);
            rayon::spawn(prepare);
        }
    }
}

/// The catalogue's groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Problems of the run itself.
    Run,
    /// Front matter, sections and headings.
    Structure,
    /// Levels, grades and "Extends" references.
    Family,
    /// Wording.
    Prose,
    /// Characters and layout.
    Layout,
    /// Links and anchors.
    Links,
}

impl Group {
    /// The group's heading in the rule catalogue.
    pub fn title(self) -> &'static str {
        match self {
            Group::Run => "The run itself",
            Group::Structure => "Document and structure",
            Group::Family => "Levels, grades and \"Extends\"",
            Group::Prose => "Prose",
            Group::Layout => "Characters and layout",
            Group::Links => "Links",
        }
    }

    /// The group's name as the catalogue writes it.
    pub fn name(self) -> &'static str {
        match self {
            Group::Run => "run",
            Group::Structure => "structure",
            Group::Family => "family",
            Group::Prose => "prose",
            Group::Layout => "layout",
            Group::Links => "links",
        }
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a rule can fix what it finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixable {
    /// Never.
    No,
    /// Always, with this applicability.
    Always(Applicability),
    /// For some findings (when one correction is clearly right).
    Sometimes(Applicability),
}

impl Fixable {
    /// A word for listings: `no`, `safe`, `unsafe`, `sometimes`.
    pub fn describe(self) -> &'static str {
        match self {
            Fixable::No => "no",
            Fixable::Always(Applicability::Safe) => "safe",
            Fixable::Always(Applicability::Unsafe) => "unsafe",
            Fixable::Sometimes(Applicability::Safe) => "sometimes (safe)",
            Fixable::Sometimes(Applicability::Unsafe) => "sometimes (unsafe)",
        }
    }
}

/// What a rule's check reads.
pub struct Context<'a> {
    /// The page.
    pub doc: &'a Document,
    /// Rule settings from the configuration.
    pub settings: &'a Settings,
    /// The content tree's pages and anchors, built once per run; `None`
    /// when no content root was found (link rules then check only what
    /// the page itself shows).
    pub site: Option<&'a crate::site::SiteIndex>,
    /// The page's job-family model, built on first use (only the family
    /// rules read it).
    family: std::sync::OnceLock<crate::family::JobFamily>,
    /// The family's role names, read on first use and shared by the
    /// family rules that compare names.
    roles: std::sync::OnceLock<crate::family::Roles>,
    /// The page's prose, collected on first use and shared by the prose
    /// rules.
    prose: std::sync::OnceLock<prose::Prose<'a>>,
    /// What the one search of the prose rules' lists found in the page's
    /// prose, on first use.
    list_matches: std::sync::OnceLock<prose::lists::ListMatches>,
    /// The page's links, resolved on first use and shared by the link
    /// rules.
    links: std::sync::OnceLock<links::link_target::Links<'a>>,
    /// The page's place in the site index, found on first use unless the
    /// engine already knows it.
    page: std::sync::OnceLock<Option<crate::site::PageRef>>,
}

impl<'a> Context<'a> {
    /// What the rules read for one page.
    pub fn new(
        doc: &'a Document,
        settings: &'a Settings,
        site: Option<&'a crate::site::SiteIndex>,
    ) -> Self {
        Context {
            doc,
            settings,
            site,
            family: std::sync::OnceLock::new(),
            roles: std::sync::OnceLock::new(),
            prose: std::sync::OnceLock::new(),
            list_matches: std::sync::OnceLock::new(),
            links: std::sync::OnceLock::new(),
            page: std::sync::OnceLock::new(),
        }
    }

    /// The same context, with the page's place in the site index given
    /// (the engine finds it once per page before linting).
    pub fn with_page(self, page: Option<crate::site::PageRef>) -> Self {
        let _ = self.page.set(page);
        self
    }

    /// The page's place in the site index, if it lies in a content root.
    pub fn page(&self) -> Option<&crate::site::PageRef> {
        self.page
            .get_or_init(|| self.site.and_then(|site| site.locate(&self.doc.path)))
            .as_ref()
    }

    /// The page's job-family model: levels, grades, "Extends" references.
    pub fn family(&self) -> &crate::family::JobFamily {
        self.family
            .get_or_init(|| crate::family::JobFamily::build(self.doc))
    }

    /// The family's role names, read once for comparisons.
    pub fn roles(&self) -> &crate::family::Roles {
        self.roles.get_or_init(|| self.family().roles(self.doc))
    }

    /// The page's prose: text blocks and words with exact spans.
    pub fn prose(&self) -> &prose::Prose<'a> {
        self.prose.get_or_init(|| prose::Prose::new(self.doc))
    }

    /// The phrases of the prose rules' lists in the page's prose, and the
    /// blocks where their patterns may match: one search for them all.
    pub fn list_matches(&self) -> &prose::lists::ListMatches {
        self.list_matches
            .get_or_init(|| prose::lists::ListMatches::new(self.prose(), &self.settings.lists))
    }

    /// The page placed in the site, and where each of its links leads.
    pub(crate) fn links(&self) -> &links::link_target::Links<'a> {
        self.links
            .get_or_init(|| links::link_target::Links::new(self))
    }
}

/// How a rule is run.
#[derive(Clone, Copy)]
pub enum Check {
    /// Reads one page's models.
    Page(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// Reported by the engine itself (read errors, suppressions).
    Engine,
}

/// A rule: identity, documentation and check.
pub struct Rule {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Catalogue group.
    pub group: Group,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// Whether findings come with fixes.
    pub fix: Fixable,
    /// One line for `handbook-lint rules`.
    pub summary: &'static str,
    /// Full documentation for `handbook-lint explain`, in Markdown, with
    /// a `## Bad` and a `## Good` example.
    pub docs: &'static str,
    /// The check.
    pub check: Check,
    /// Builds the data the check needs (word lists, dictionaries,
    /// search automata) ahead of its first page, so that a run can
    /// build it while it walks the tree; `None` when there is nothing to
    /// build. The data is built on first use anyway.
    pub prepare: Option<fn()>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

impl From<&Rule> for Origin {
    fn from(rule: &Rule) -> Origin {
        Origin {
            rule: rule.id,
            default_severity: rule.severity,
        }
    }
}

impl Rule {
    /// Runs the rule on one page (engine rules return nothing here).
    pub fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if let Check::Page(check) = self.check {
            check(cx, out);
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule unit tests.
    use super::*;

    /// Runs `rule` on `source` with default settings.
    pub fn run(rule: &Rule, source: &str) -> Vec<Diagnostic> {
        run_at(rule, "test.md", source)
    }

    /// Runs `rule` on `source`, read from `path`, with default settings.
    pub fn run_at(rule: &Rule, path: &str, source: &str) -> Vec<Diagnostic> {
        run_with(rule, path, source, &Settings::default())
    }

    /// Runs `rule` on `source`, read from `path`, with `settings`.
    pub fn run_with(rule: &Rule, path: &str, source: &str, settings: &Settings) -> Vec<Diagnostic> {
        let doc = Document::parse(path, source.to_string());
        let cx = Context::new(&doc, settings, None);
        let mut out = Vec::new();
        rule.run(&cx, &mut out);
        out
    }

    /// The 1-based lines of `rule`'s findings on `source`.
    pub fn lines(rule: &Rule, source: &str) -> Vec<usize> {
        let doc = Document::parse("test.md", source.to_string());
        run(rule, source)
            .iter()
            .map(|d| doc.line_number(d.span.start))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for rule in ALL {
            assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.id
            );
        }
    }

    #[test]
    fn every_rule_documents_a_bad_and_a_good_example() {
        for rule in ALL {
            assert!(rule.docs.contains("## Bad"), "{} docs lack ## Bad", rule.id);
            assert!(
                rule.docs.contains("## Good"),
                "{} docs lack ## Good",
                rule.id
            );
            assert!(!rule.summary.is_empty());
        }
    }
}
