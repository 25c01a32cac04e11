//! What the command-line test crates share: a clean page, the binary with
//! a neutral colour environment, and folders of pages.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// A complete, clean job-family page.
pub const CLEAN: &str = "---
title: Support Engineer
---

The Support Engineer job family helps customers succeed with the product.

## Levels

### Support Engineer (Intermediate)

The Support Engineer (Intermediate) is a [grade 6](/handbook/job-grades/#job-grades).

#### Support Engineer (Intermediate) Responsibilities

- Answer customer tickets within the agreed response times

#### Support Engineer (Intermediate) Requirements

- Two years of experience in a customer-facing technical role
- Ability to use GitLab

## Performance Indicators

- Customer satisfaction

## Career Ladder

The next step is the Senior Support Engineer role.

## Hiring Process

1. A screening call with a recruiter
2. An interview with the hiring manager
";

/// The binary, with the colour variables of the environment removed.
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("handbook-lint").expect("the binary is built");
    for name in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(name);
    }
    cmd
}

/// A folder holding `files` (path, text).
pub fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    dir
}

/// Writes `bytes` at `path` under `root`, creating its folders.
pub fn write(root: &Path, path: &str, bytes: &[u8]) {
    let full = root.join(path);
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(full, bytes).expect("write file");
}
