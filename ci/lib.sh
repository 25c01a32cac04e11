# Shared set-up of the ci/test-*.sh scripts. Source it after setting NAME
# (the script's name in messages):
#
#   NAME=test-x; source "$(dirname "$0")/lib.sh"; require git cargo
#
# It sets REPO (this checkout), CARGO_TARGET_DIR (default:
# target/ci-install of this checkout, shared by the scripts so one build
# is reused) and WORK (a temporary folder removed on exit), and defines
# fail, step and require.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target/ci-install}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/handbook-lint-$NAME.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

fail() {
    echo "$NAME: FAIL: $*" >&2
    exit 1
}
step() { echo "$NAME: $*"; }

# require TOOL... : fails unless every TOOL is on PATH.
require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is not installed"
    done
}
