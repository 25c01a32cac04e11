//! A small Hugo handbook for the language server's tests: a job family
//! with four levels, a manager family linking to it, and a page of job
//! grades that is not a job family.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use super::client::uri;

/// The analyst family: levels with grades, "Extends" references, an
/// in-page link to a level and links to the grades page.
pub const ANALYST: &str = "---
title: Data Analyst
---

Data analysts turn questions about the business into answers.

## Levels

### Data Analyst (Intermediate)

The Data Analyst (Intermediate) is a [grade 6](/handbook/grades/#grade-table).

#### Data Analyst Responsibilities

- Build recurring reports
- Check the quality of source data

#### Data Analyst Requirements

- Fluent SQL
- Ability to use GitLab

### Senior Data Analyst

The Senior Data Analyst is a [grade 7](/handbook/grades/#grade-table).

#### Senior Data Analyst Responsibilities

- Extends the Data Analyst responsibilities
- Lead analyses across teams

#### Senior Data Analyst Requirements

- Extends the Data Analyst requirements
- Mentor other analysts

### Staff Data Analyst

The Staff Data Analyst is a [grade 8](/handbook/grades/#grade-table).

#### Staff Data Analyst Responsibilities

- Extends the Senior Data Analyst responsibilities
- Set the analytics roadmap

#### Staff Data Analyst Requirements

- Extends the Senior Data Analyst requirements
- Publish internal guidance

## Performance Indicators

- [Report accuracy](/handbook/grades/#accuracy)

## Career Ladder

Analysts grow into [the senior level](#senior-data-analyst) and beyond.

## Hiring Process

- A call with a recruiter
";

/// The manager family: links to the senior analyst level, one from the
/// site's root and one relative.
pub const MANAGER: &str = "---
title: Analytics Manager
---

Analytics managers lead teams of analysts.

The Analytics Manager is a [grade 9](/handbook/grades/#grade-table).

## Responsibilities

- Hire [senior analysts](/job-families/data-analyst/#senior-data-analyst)
- Coach [analysts](../data-analyst/#senior-data-analyst) and review their work

## Requirements

- Ability to use GitLab

## Performance Indicators

- Team throughput

## Career Ladder

The next step is a director role.

## Hiring Process

- A call with the hiring manager
";

/// The grades page: not a job family.
pub const GRADES: &str = "---
title: Grades
---

How grades work.

## Grade Table

Each role has a grade.

## Accuracy

Reports are checked.
";

/// The handbook on disk.
pub struct Handbook {
    /// Keeps the folder while the test runs.
    pub dir: tempfile::TempDir,
    /// The project folder (holding the configuration and `content/`).
    pub root: PathBuf,
}

impl Handbook {
    /// Writes the handbook, with `config` as its `.handbook-lint.toml`.
    pub fn new(config: &str) -> Handbook {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = std::fs::canonicalize(dir.path())
            .expect("canonical folder")
            .join("handbook");
        std::fs::create_dir_all(root.join("content/job-families")).expect("folders");
        std::fs::create_dir_all(root.join("content/handbook")).expect("folders");
        std::fs::write(root.join(".handbook-lint.toml"), config).expect("configuration");
        let handbook = Handbook { dir, root };
        handbook.write("content/job-families/data-analyst.md", ANALYST);
        handbook.write("content/job-families/manager.md", MANAGER);
        handbook.write("content/handbook/grades.md", GRADES);
        handbook
    }

    /// Writes a file of the handbook.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("file");
    }

    /// A file of the handbook.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The URI of a file of the handbook.
    pub fn uri(&self, rel: &str) -> String {
        uri(&self.path(rel))
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// The analyst page's URI and manager page's URI in `handbook`.
pub fn family_uris(handbook: &Handbook) -> (String, String) {
    (
        handbook.uri("content/job-families/data-analyst.md"),
        handbook.uri("content/job-families/manager.md"),
    )
}
