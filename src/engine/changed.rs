//! `--changed-since REF`: the pages a branch changed, from git.
//!
//! The changed files are those that differ between the merge base of REF
//! and HEAD and the working tree (added, copied, modified or renamed;
//! deleted files have nothing to lint), plus untracked files that are not
//! ignored, so a page not yet added is linted too. When the merge base
//! cannot be computed (a shallow clone, or REF already being the merge
//! base as GitLab's `CI_MERGE_REQUEST_DIFF_BASE_SHA` is), REF itself is
//! the base.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The files changed since `reference`, as canonical absolute paths.
pub fn changed_files(reference: &str, cwd: &Path) -> Result<BTreeSet<PathBuf>, String> {
    if reference.starts_with('-') {
        return Err(format!("`{reference}` is not a git revision"));
    }
    let top = git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        format!(
            "--changed-since needs a git repository, and {} is not in one",
            cwd.display()
        )
    })?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let commit = format!("{reference}^{{commit}}");
    git(cwd, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
        format!("`{reference}` is not a commit in this repository (is the history fetched?)")
    })?;
    let base = match git(cwd, &["merge-base", reference, "HEAD"]) {
        Ok(base) => base.trim().to_string(),
        Err(_) => reference.to_string(),
    };
    let diff = git(
        &top,
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=ACMR",
            &base,
            "--",
        ],
    )?;
    let untracked = git(&top, &["ls-files", "-z", "--others", "--exclude-standard"])?;
    Ok(diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|name| !name.is_empty())
        .map(|name| {
            let path = top.join(name);
            std::fs::canonicalize(&path).unwrap_or(path)
        })
        .collect())
}

/// Whether `path` is one of `changed` (canonical absolute paths).
pub fn is_changed(changed: &BTreeSet<PathBuf>, path: &Path) -> bool {
    match std::fs::canonicalize(path) {
        Ok(real) => changed.contains(&real),
        Err(_) => std::path::absolute(path).is_ok_and(|p| changed.contains(&p)),
    }
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .output()
        .map_err(|err| format!("cannot run git: {err}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "`git {}` failed: {}",
            args.join(" "),
            stderr.trim()
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed a path that is not UTF-8".to_string())
}
