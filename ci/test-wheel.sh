#!/usr/bin/env bash
# Builds the Python wheel with maturin (pyproject.toml, bindings = "bin"),
# installs it into a fresh virtual environment and runs the installed
# handbook-lint on the example handbook, as `pip install handbook-lint`
# users would.
#
# Needs: python3 (maturin is installed into a temporary venv), cargo.
#
# Environment:
#   MATURIN_VERSION   the maturin release (default below)
#   CARGO_TARGET_DIR  where cargo builds (default: target/ci-install of this
#                     checkout, shared with the other ci/test-*.sh scripts)
set -euo pipefail

MATURIN_VERSION="${MATURIN_VERSION:-1.16.0}"

NAME=test-wheel
# shellcheck source=ci/lib.sh
source "$(dirname "$0")/lib.sh"
require python3 cargo

step "installing maturin $MATURIN_VERSION"
python3 -m venv "$WORK/build"
"$WORK/build/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION"

step "building the wheel"
SECONDS=0
(cd "$REPO" && "$WORK/build/bin/maturin" build --release --quiet --out "$WORK/dist") ||
    fail "maturin could not build the wheel"
WHEEL="$(find "$WORK/dist" -name 'handbook_lint-*.whl' -print -quit)"
[ -n "$WHEEL" ] || fail "no wheel in $WORK/dist"
step "built $(basename "$WHEEL") in ${SECONDS}s"

step "installing the wheel into a fresh venv"
python3 -m venv "$WORK/user"
"$WORK/user/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$WHEEL"
BIN="$WORK/user/bin/handbook-lint"
[ -x "$BIN" ] || fail "the wheel installed no handbook-lint script"

step "running it on the example handbook"
"$BIN" --version | grep -q "handbook-lint" || fail "--version"
set +e
OUT="$("$BIN" check --color never "$REPO/examples/handbook" 2>&1)"
STATUS=$?
set -e
[ "$STATUS" = 0 ] || { echo "$OUT"; fail "exit status $STATUS on the example handbook"; }
echo "$OUT" | grep -q "list-marker" || { echo "$OUT"; fail "the example's finding is not reported"; }
echo "$OUT" | grep -q "1 warning in 1 of 3 files" || { echo "$OUT"; fail "unexpected summary"; }
step "ok"
