#!/usr/bin/env bash
# Installs what building, running and testing CQPM Hub needs on Debian 12, and
# only what is missing: Debian packages with apt-get, the web front end's
# packages with npm. Used by `make run`, `make test` and deploy/install.sh.
# Run as root (apt-get). Set CQPM_SKIP_TEST_DEPS=1 to skip test-only packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make pkg-config git lld  # lld: links the test programs in a seventh of the time (CMakeLists.txt)
  libpoco-dev libssl-dev libpq-dev libargon2-dev libvalijson-dev prometheus-cpp-dev
  libgit2-dev liblua5.4-dev libmagic-dev libqrencode-dev libqpdf-dev
  libpango1.0-dev libcairo2-dev liblcms2-dev fonts-dejavu-core fonts-dejavu-extra libicu-dev  # PDFs in Unicode, folding (docs/unicode.md)
  libhowardhinnant-date-dev tzdata
  libjemalloc-dev  # the server's allocator (CMakeLists.txt, docs/lessons.md)
  libsqlite3-dev sqlite3 nodejs npm
  curl jq  # the README's walk through the API (tests/readme/readme_walk_test.cpp runs it)
)
if [ "${CQPM_SKIP_TEST_DEPS:-0}" != 1 ]; then
  packages+=(googletest libgtest-dev libgmock-dev postgresql chromium poppler-utils qpdf nginx
    clamav-daemon clang libclang-rt-14-dev clang-format clang-tidy
    libxml2-utils  # xmllint checks the Accrochage flux against its schema (tests/accrochage/)
    openssl  # certificates for the identity provider over TLS (tests/support/test_pki.cpp)
    gdb)  # a crashing test prints every thread's stack (tests/support/crash_report.cpp)
fi

missing=()
for package in "${packages[@]}"; do
  if [ "$package" = nodejs ] || [ "$package" = npm ]; then
    # A newer Node.js from elsewhere counts as present.
    command -v "${package/nodejs/node}" >/dev/null 2>&1 && continue
  fi
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "Run as root (or install them yourself): apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # A test cluster is started by the test suite itself; the distribution's own
  # cluster is not needed.
  if printf '%s\n' "${missing[@]}" | grep -qx postgresql; then
    pg_ctlcluster --help >/dev/null 2>&1 && for c in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do
      pg_ctlcluster ${c%/*} ${c#*/} stop >/dev/null 2>&1 || true
    done
  fi
  # Likewise the tests start their own nginx; the distribution's default site is not needed.
  if printf '%s\n' "${missing[@]}" | grep -qx nginx; then
    (service nginx stop || /usr/sbin/nginx -s quit) >/dev/null 2>&1 || true
  fi
  # And their own clamd, on a signature file they write: the distribution's
  # daemon and freshclam (which needs the internet) are not needed.
  if printf '%s\n' "${missing[@]}" | grep -qx clamav-daemon; then
    for service in clamav-daemon clamav-freshclam; do service "$service" stop >/dev/null 2>&1 || true; done
  fi
fi

# The web front end: reinstall only when the lock file changed.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "Installing the web front end's npm packages"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
