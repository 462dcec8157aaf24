#!/usr/bin/env bash
# Creates the PostgreSQL role "cqpm" and database "cqpm" for CQPM Hub
# (scale-out mode) and prints the connection URL for cqpm.database.
#
# Local PostgreSQL (run as root on the database host):
#   CQPM_DB_PASSWORD='a long secret' deploy/postgresql/setup.sh
# Remote PostgreSQL (any host with psql 15+, as a role allowed to create
# roles and databases; libpq's variables say where):
#   PGHOST=db.example.internal PGUSER=postgres CQPM_DB_PASSWORD=... deploy/postgresql/setup.sh
#
# Without CQPM_DB_PASSWORD a random password is generated and printed once.
# CQPM_DB_LOCALE (default fr_FR.UTF-8; see create-database.sql) sets the
# database's locale. CQPM_DB_HOST (default: PGHOST, else 127.0.0.1) is the host
# written in the printed URL. Idempotent: a second run sets the password again.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly SQL_FILE="${SCRIPT_DIR}/create-database.sql"

die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

command -v psql >/dev/null || die "psql not found (apt-get install postgresql-client)"
[[ -r "${SQL_FILE}" ]] || die "cannot read ${SQL_FILE}"

generated=0
if [[ -z "${CQPM_DB_PASSWORD:-}" ]]; then
  # Hex: no character needs escaping in the URL or the properties file.
  CQPM_DB_PASSWORD="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
  generated=1
fi
export CQPM_DB_PASSWORD
export CQPM_DB_LOCALE="${CQPM_DB_LOCALE:-fr_FR.UTF-8}"

hint() {
  cat >&2 <<'HINT'
setup: the script failed (see the message above). If it says
  invalid locale name: "fr_FR.UTF-8"
generate the locale on the database host and restart PostgreSQL:
  sed -i 's/^# *fr_FR.UTF-8/fr_FR.UTF-8/' /etc/locale.gen && locale-gen && systemctl restart postgresql
or run again with CQPM_DB_LOCALE=C.UTF-8.
HINT
  exit 1
}

if [[ -n "${PGHOST:-}" ]]; then
  # Remote server: connect as the current libpq settings say.
  psql -X -v ON_ERROR_STOP=1 -d "${PGDATABASE:-postgres}" -f "${SQL_FILE}" || hint
else
  [[ ${EUID} -eq 0 ]] || die "run as root for a local PostgreSQL (or set PGHOST)"
  getent passwd postgres >/dev/null || die "no postgres user: apt-get install postgresql"
  # runuser keeps the environment (so psql's \getenv sees the password) and
  # psql reads the script from stdin, as postgres may not read this folder.
  runuser -u postgres -- psql -X -v ON_ERROR_STOP=1 -d postgres -f - <"${SQL_FILE}" || hint
fi

# Percent-encode the password for the URL (RFC 3986 unreserved set kept).
urlencode() {
  # Byte by byte, so a non-ASCII character becomes its UTF-8 bytes.
  local LC_ALL=C
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "${c}" in
      [A-Za-z0-9._~-]) out+="${c}" ;;
      *) printf -v c '%%%02X' "'${c}"; out+="${c}" ;;
    esac
  done
  printf '%s' "${out}"
}

host="${CQPM_DB_HOST:-${PGHOST:-127.0.0.1}}"
port="${PGPORT:-5432}"
url="postgresql://cqpm:$(urlencode "${CQPM_DB_PASSWORD}")@${host}:${port}/cqpm"

echo
if [[ ${generated} -eq 1 ]]; then
  echo "Generated password (shown once, store it in your secrets manager)."
fi
cat <<MSG
Connection URL, for /etc/cqpm/cqpm.properties on every instance:

  cqpm.database = ${url}

or on the command line: cqpm serve --database '${url}'
Then: systemctl restart cqpm (the migrations create the tables at start).
MSG
