#!/usr/bin/env bash
# Every lint of `make lint`, one after the other; stops at the first that fails.
#   tests/lint/lint_all.sh LINT_BUILD_DIR JOBS
# - every C++ file as clang-format writes it (`make format` fixes them);
# - clang-tidy's checks (.clang-tidy) over every translation unit (clang_tidy.sh);
# - the OpenAPI document by Redocly's rules;
# - the web's TypeScript by tsc (--noEmit; the build runs it too) and ESLint
#   (web/eslint.config.js: hooks, fast refresh, no .tsx over 250 lines); the
#   web's types against the OpenAPI document are checked by its unit tests.
set -euo pipefail
dir=${1:?lint build directory}
jobs=${2:-2}
cd "$(dirname "$0")/../.."
find core tests -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run --Werror \
  || { echo "lint: run 'make format'" >&2; exit 1; }
tests/lint/clang_tidy.sh "$dir" "$jobs"
cd web
quietly() { "$@" >/dev/null 2>&1 || { "$@"; exit 1; }; }
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
quietly npm run --silent lint:openapi
quietly npm run --silent typecheck
quietly npm run --silent lint
echo "lint: clean (clang-format, clang-tidy, Redocly, tsc, ESLint)"
