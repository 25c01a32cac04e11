//! Where a page belongs: the file a URI names, the configuration in
//! force for it (the nearest `.handbook-lint.toml` above it) and the
//! content roots of its handbook.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

use super::convert::uri_to_path;
use crate::config::Config;
use crate::site::SiteSpec;

/// A page's place.
#[derive(Debug)]
pub struct PageContext {
    /// The page's file, or for an unsaved buffer a name to lint it under.
    pub path: PathBuf,
    /// Whether `path` is a file the URI names (not an unsaved buffer).
    pub on_disk: bool,
    /// The configuration in force (the defaults when it is broken).
    pub config: Config,
    /// Why the configuration could not be used, if it could not.
    pub config_error: Option<String>,
    /// The content roots of the page's handbook (none for an unsaved
    /// buffer, or a page with no content tree above it).
    pub roots: Vec<PathBuf>,
}

impl PageContext {
    /// The place of the page `uri` names, in a workspace of `folders`.
    /// Without a configuration file above it, a page in a workspace
    /// folder is placed as a run from that folder places it (the folder
    /// is the project root where content roots are looked for). An
    /// unsaved buffer (`untitled:`) gets the default configuration and no
    /// handbook.
    pub fn of(uri: &Uri, folders: &[PathBuf]) -> PageContext {
        let Some(path) = uri_to_path(uri.as_str()) else {
            let name = uri.path().as_str().rsplit('/').next().unwrap_or("untitled");
            return PageContext {
                path: PathBuf::from(if name.is_empty() { "untitled" } else { name }),
                on_disk: false,
                config: Config::default(),
                config_error: None,
                roots: Vec::new(),
            };
        };
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("/"))
            .to_path_buf();
        let (mut config, config_error) = configuration(&folder);
        if config.path.is_none() {
            let workspace = folders
                .iter()
                .filter(|f| path.starts_with(f))
                .max_by_key(|f| f.components().count());
            if let Some(workspace) = workspace {
                config.root = workspace.clone();
            }
        }
        let roots = content_roots(&config);
        PageContext {
            path,
            on_disk: true,
            config,
            config_error,
            roots,
        }
    }
}

/// The configuration for pages in `folder`, and the error that made it
/// the defaults, if any.
pub fn configuration(folder: &Path) -> (Config, Option<String>) {
    match Config::discover(None, folder) {
        Ok(config) => (config, None),
        Err(err) => {
            let mut defaults = Config::default();
            defaults.root = folder.to_path_buf();
            (defaults, Some(err.to_string()))
        }
    }
}

/// The content roots `config` gives (see [`SiteSpec::content_roots`]).
pub fn content_roots(config: &Config) -> Vec<PathBuf> {
    SiteSpec {
        root: config.root.clone(),
        content_dir: config.content_dir.clone(),
        configured: config.path.is_some(),
    }
    .content_roots()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_find_their_configuration_and_content_roots() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let project = dir.path().join("handbook");
        std::fs::create_dir_all(project.join("content/jobs")).expect("folders");
        std::fs::write(
            project.join(".handbook-lint.toml"),
            "extra_words = [\"Xyzzo\"]\n",
        )
        .expect("config");
        let page = project.join("content/jobs/a.md");
        let uri: Uri = format!("file://{}", page.display()).parse().expect("a URI");
        let context = PageContext::of(&uri, &[]);
        assert!(context.on_disk && context.config_error.is_none());
        assert_eq!(context.path, page);
        assert_eq!(context.config.settings.extra_words, ["Xyzzo"]);
        assert_eq!(context.roots, [project.join("content")]);

        std::fs::write(project.join(".handbook-lint.toml"), "colour = 1\n").expect("config");
        let context = PageContext::of(&uri, &[]);
        assert!(context.config_error.is_some_and(|e| e.contains("colour")));
        assert!(
            context.config.settings.extra_words.is_empty(),
            "the defaults"
        );

        // Without a configuration file, the workspace folder is where a
        // run would start.
        std::fs::remove_file(project.join(".handbook-lint.toml")).expect("removed");
        let alone = PageContext::of(&uri, &[dir.path().join("elsewhere")]);
        assert_eq!(alone.config.root, project.join("content/jobs"));
        let context = PageContext::of(&uri, std::slice::from_ref(&project));
        assert_eq!(context.config.root, project);
        assert_eq!(context.roots, [project.join("content")]);

        let untitled: Uri = "untitled:Untitled-1".parse().expect("a URI");
        let context = PageContext::of(&untitled, &[]);
        assert!(!context.on_disk && context.roots.is_empty());
        assert_eq!(context.path, PathBuf::from("Untitled-1"));
    }
}
