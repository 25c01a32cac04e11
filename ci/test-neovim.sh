#!/usr/bin/env bash
# Runs the language server in a real editor: Debian's Neovim, headless, set
# up with the README's "Neovim 0.7 to 0.9" snippet (taken from README.md
# itself, so the documented set-up is the one tested). On a small handbook it
# opens a page with a defect and checks:
#   - the page's diagnostics (a trailing space, at its line and column);
#   - go to definition on an "Extends" reference (the cursor lands on the
#     level's heading);
#   - a rename of a level (its heading, the "Extends" reference to it, the
#     in-page link to its anchor, and the other page's link to it).
#
# Needs: cargo, and Debian's `neovim` package, which the script installs with
# apt-get when it is missing (as root, or with sudo). If it cannot, it fails
# and says why: the test is never skipped.
#
# Environment:
#   CARGO_TARGET_DIR  where cargo builds (default: target/ci-install of this
#                     checkout, shared with the other ci/test-*.sh scripts)
#   NVIM              the Neovim to run (default: /usr/bin/nvim, Debian's)
set -euo pipefail

NAME=test-neovim
# shellcheck source=ci/lib.sh
source "$(dirname "$0")/lib.sh"
require cargo

NVIM="${NVIM:-/usr/bin/nvim}"

install_neovim() {
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null ||
            fail "Neovim is not installed and installing it needs root: run as root or with sudo, or install Debian's neovim package"
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null ||
        fail "Neovim is not installed and apt-get is not available to install Debian's neovim package"
    step "installing Debian's neovim package"
    export DEBIAN_FRONTEND=noninteractive
    if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends neovim >"$WORK/apt.log" 2>&1; then
        "${sudo[@]}" apt-get update -qq >>"$WORK/apt.log" 2>&1 || true
        "${sudo[@]}" apt-get install -y -qq --no-install-recommends neovim >>"$WORK/apt.log" 2>&1 || {
            cat "$WORK/apt.log" >&2
            fail "apt-get could not install Debian's neovim package (see above)"
        }
    fi
}

if [ ! -x "$NVIM" ]; then
    install_neovim
fi
[ -x "$NVIM" ] || fail "$NVIM is not there after installing neovim"
step "$("$NVIM" --version | head -n 1)"

step "building handbook-lint"
cargo build --release --locked --quiet --manifest-path "$REPO/Cargo.toml"
export PATH="$CARGO_TARGET_DIR/release:$PATH"
command -v handbook-lint >/dev/null || fail "handbook-lint was not built"

# The README's set-up, between its markers.
SETUP="$WORK/init.lua"
awk '/<!-- neovim-0.7:end -->/ { inside = 0 }
     inside && !/^```/ { print }
     /<!-- neovim-0.7:begin -->/ { inside = 1 }' "$REPO/README.md" >"$SETUP"
grep -q "vim.lsp.start_client" "$SETUP" ||
    fail "README.md has no Neovim 0.7 set-up between its neovim-0.7 markers"

HB="$WORK/handbook"
mkdir -p "$HB/content/job-families"
: >"$HB/.handbook-lint.toml"
cat >"$HB/content/job-families/analyst.md" <<'PAGE'
---
title: Analyst
---

Analysts answer questions with data.

## Levels

### Analyst

The Analyst is a grade 6.

#### Analyst Responsibilities

- Build reports for the team 
- Check the data

### Senior Analyst

The Senior Analyst is a grade 7.

#### Senior Analyst Responsibilities

- Extends the Analyst responsibilities
- Lead analyses

### Staff Analyst

The Staff Analyst is a grade 8.

#### Staff Analyst Responsibilities

- Extends the Senior Analyst responsibilities
- Set the direction

## Requirements

- Ability to use GitLab

## Performance Indicators

- Accuracy of reports

## Career Ladder

The next step after an [analyst](#senior-analyst) is a staff role.

## Hiring Process

- A call with a recruiter
PAGE
cat >"$HB/content/job-families/manager.md" <<'PAGE'
---
title: Analytics Manager
---

Managers lead analysts.

## Responsibilities

- Hire [senior analysts](/job-families/analyst/#senior-analyst)
PAGE

cat >"$WORK/test.lua" <<'LUA'
-- Runs after the page is loaded; exits 0 when every check passes.
local failures = {}
local function check(ok, what)
  io.stderr:write((ok and "ok: " or "FAIL: ") .. what .. "\n")
  if not ok then table.insert(failures, what) end
end
local function line_of(text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if line == text then return i end
  end
  return -1
end

local attached = vim.wait(20000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
check(attached, "the server is attached to the page")

local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local diagnostics = vim.diagnostic.get(0)
check(got and #diagnostics == 1, "one diagnostic (got " .. #diagnostics .. ")")
local d = diagnostics[1] or {}
local report = line_of("- Build reports for the team ")
check(d.code == "trailing-whitespace" and d.lnum == report - 1 and d.col == 28,
  "trailing-whitespace at line " .. report .. ", column 29 (got " .. tostring(d.code) .. " at "
  .. tostring(d.lnum) .. ":" .. tostring(d.col) .. ")")

-- Go to definition from "Extends the Analyst responsibilities".
local extends = line_of("- Extends the Analyst responsibilities")
vim.api.nvim_win_set_cursor(0, { extends, 16 })
vim.lsp.buf.definition()
local heading = line_of("### Analyst")
local jumped = vim.wait(10000, function() return vim.api.nvim_win_get_cursor(0)[1] == heading end, 50)
check(jumped, "definition goes to line " .. heading .. " (at " .. vim.api.nvim_win_get_cursor(0)[1] .. ")")

-- Rename the senior level from its heading.
vim.api.nvim_win_set_cursor(0, { line_of("### Senior Analyst"), 6 })
vim.lsp.buf.rename("Lead Analyst")
local renamed = vim.wait(10000, function() return line_of("### Lead Analyst") > 0 end, 50)
check(renamed, "the heading is renamed")
check(line_of("#### Lead Analyst Responsibilities") > 0, "its sub-heading is renamed")
check(line_of("- Extends the Lead Analyst responsibilities") > 0, "the Extends reference is renamed")
check(line_of("The next step after an [analyst](#lead-analyst) is a staff role.") > 0,
  "the in-page link is renamed")
local manager = vim.fn.bufnr(vim.g.manager_page)
local manager_lines = manager > 0 and vim.api.nvim_buf_get_lines(manager, 0, -1, false) or {}
check(vim.tbl_contains(manager_lines, "- Hire [senior analysts](/job-families/analyst/#lead-analyst)"),
  "the other page's link is renamed")

if #failures > 0 then
  vim.cmd("cquit 1")
else
  vim.cmd("qall!")
end
LUA

step "running Neovim on the handbook"
cd "$HB"
status=0
timeout 120 "$NVIM" --headless -i NONE -u "$SETUP" \
    --cmd "let g:manager_page = '$HB/content/job-families/manager.md'" \
    -c "luafile $WORK/test.lua" content/job-families/analyst.md || status=$?
[ "$status" = 0 ] || fail "Neovim's checks failed (status $status)"
step "ok"
