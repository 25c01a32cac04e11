//! Settings rules read, filled from the configuration file.

/// Rule settings. The defaults are what a handbook on GitLab's model
/// expects.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Phrases every family's requirements must contain
    /// (`required-requirement`).
    pub required_phrases: Vec<String>,
    /// Extra words the spelling rule accepts.
    pub extra_words: Vec<String>,
    /// Hosts and path prefixes of the handbook's own site
    /// (`absolute-internal-link`).
    pub internal_hosts: Vec<String>,
    /// The `[spelling]` settings.
    pub spelling: crate::rules::prose::spelling::SpellingSettings,
    /// Whether C-level roles ("Chief Financial Officer") must state a
    /// grade (`missing-grade`). By convention they state none.
    pub c_level_grades: bool,
    /// The prose rules' lists: the embedded ones, plus the entries the
    /// configuration's `[lists]` table adds.
    pub lists: crate::rules::prose::extra::ProseLists,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            required_phrases: vec!["Ability to use GitLab".to_string()],
            extra_words: Vec::new(),
            internal_hosts: vec![
                "about.gitlab.com/handbook".to_string(),
                "about.gitlab.com/job-families".to_string(),
                "about.gitlab.com/company".to_string(),
                "handbook.gitlab.com".to_string(),
            ],
            spelling: Default::default(),
            c_level_grades: false,
            lists: Default::default(),
        }
    }
}
