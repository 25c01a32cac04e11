#!/usr/bin/env bash
# Runs the pre-commit hook this repository publishes (.pre-commit-hooks.yaml)
# with the real pre-commit, on a throwaway repository: a commit with a bad
# page is refused and shows the finding; a commit with a good page goes
# through.
#
# pre-commit clones this repository at HEAD, so the hook definition must be
# committed. Its `language: rust` makes pre-commit `cargo install` the
# clone: slow the first time, then the build folder is reused.
#
# Needs: git, python3 (pre-commit is installed into a temporary venv), cargo.
#
# Environment:
#   PRE_COMMIT_VERSION  the pre-commit release (default below)
#   CARGO_TARGET_DIR    where cargo builds (default: target/ci-install of
#                       this checkout, shared with ci/test-gitlab-ci.sh)
set -euo pipefail

PRE_COMMIT_VERSION="${PRE_COMMIT_VERSION:-4.7.0}"

NAME=test-pre-commit
# shellcheck source=ci/lib.sh
source "$(dirname "$0")/lib.sh"
require git python3 cargo

REV="$(git -C "$REPO" rev-parse HEAD)"
git -C "$REPO" cat-file -e "$REV:.pre-commit-hooks.yaml" 2>/dev/null ||
    fail ".pre-commit-hooks.yaml is not committed at HEAD (pre-commit clones the committed state)"
if ! git -C "$REPO" diff --quiet HEAD -- .pre-commit-hooks.yaml src Cargo.toml Cargo.lock; then
    echo "test-pre-commit: note: uncommitted changes are not part of this test (pre-commit uses $REV)"
fi

step "installing pre-commit $PRE_COMMIT_VERSION"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
PRE_COMMIT="$WORK/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$WORK/pre-commit-home"

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Handbook GIT_AUTHOR_EMAIL=handbook@example.com
export GIT_COMMITTER_NAME=Handbook GIT_COMMITTER_EMAIL=handbook@example.com
HB="$WORK/handbook"
mkdir -p "$HB/content"
cd "$HB"
git init -q -b main
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $REPO
    rev: $REV
    hooks:
      - id: handbook-lint
YAML
git add .pre-commit-config.yaml
git commit -q -m "pre-commit configuration"
"$PRE_COMMIT" install >/dev/null

step "building the hook (cargo install of $REV)"
SECONDS=0
"$PRE_COMMIT" install-hooks || fail "pre-commit could not install the hook"
step "hook built in ${SECONDS}s"

step "a commit with a bad page is refused"
printf 'A page without front matter.\n\n## Levels \n' >content/bad.md
git add content/bad.md
if git commit -m "Bad page" >"$WORK/bad.log" 2>&1; then
    cat "$WORK/bad.log"
    fail "the commit with a bad page went through"
fi
cat "$WORK/bad.log"
grep -q "handbook-lint.*Failed" "$WORK/bad.log" || fail "the hook did not report a failure"
grep -q "page has no front matter" "$WORK/bad.log" || fail "the finding is not shown"
grep -q "content/bad.md" "$WORK/bad.log" || fail "the page is not named"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "a commit was made"

step "a commit with a good page goes through"
git rm -q --cached content/bad.md
rm content/bad.md
cp "$REPO/fixtures/trailing-whitespace/good.md" content/analyst.md
# Not Markdown: the hook must not be given it.
printf 'Notes without front matter.\n' >content/notes.txt
git add content
if ! git commit -m "Good page" >"$WORK/good.log" 2>&1; then
    cat "$WORK/good.log"
    fail "the commit with a good page was refused"
fi
cat "$WORK/good.log"
grep -q "handbook-lint.*Passed" "$WORK/good.log" || fail "the hook did not run on the good page"
[ "$(git rev-list --count HEAD)" = 2 ] || fail "no commit was made"

step "ok"
