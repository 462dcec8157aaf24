#!/usr/bin/env bash
# Installs (or upgrades) CQPM Hub on a Debian 12 server. Run as root from a
# built source tree:
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   (cd web && npm ci && npm run build)          # produces web/dist
#   sudo deploy/install.sh
#
# Idempotent: running it again upgrades the binary and the shared files,
# keeps /etc/cqpm/cqpm.properties and /var/lib/cqpm untouched, and restarts
# the service if it was running (migrations run at start).
#
# Environment overrides (defaults in brackets):
#   BUILD_DIR   build tree holding bin/cqpm        [<source>/build]
#   SKIP_SYSTEMD=1  do not install/enable the unit (containers, chroots)
set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly SOURCE_DIR
readonly BUILD_DIR="${BUILD_DIR:-${SOURCE_DIR}/build}"
readonly SERVICE_USER=cqpm
readonly BIN=/usr/local/bin/cqpm
readonly SHARE_DIR=/usr/local/share/cqpm
readonly DOC_DIR=/usr/local/share/doc/cqpm
readonly DATA_DIR=/var/lib/cqpm
readonly CONF_DIR=/etc/cqpm
readonly CONF_FILE="${CONF_DIR}/cqpm.properties"
readonly UNIT_FILE=/etc/systemd/system/cqpm.service

log() { printf 'install: %s\n' "$*"; }
die() { printf 'install: error: %s\n' "$*" >&2; exit 1; }

# Replaces the directory $2 with a copy of $1, atomically enough that a
# file removed from the source does not linger from a previous install.
install_tree() {
  local src="$1" dest="$2" tmp
  [[ -d "${src}" ]] || die "missing ${src}"
  tmp="$(mktemp -d "${dest}.new.XXXXXX")"
  cp -R --no-preserve=ownership "${src}/." "${tmp}/"
  find "${tmp}" -type d -exec chmod 0755 {} +
  find "${tmp}" -type f -exec chmod 0644 {} +
  chown -R root:root "${tmp}"
  chmod 0755 "${tmp}"
  rm -rf "${dest}.old"
  if [[ -e "${dest}" ]]; then mv "${dest}" "${dest}.old"; fi
  mv "${tmp}" "${dest}"
  rm -rf "${dest}.old"
}

[[ ${EUID} -eq 0 ]] || die "run as root (sudo $0)"
[[ -x "${BUILD_DIR}/bin/cqpm" ]] || die "no ${BUILD_DIR}/bin/cqpm: build first (cmake --build build)"

# 1. System user and group, without a login shell or home of its own.
if ! getent group "${SERVICE_USER}" >/dev/null; then
  log "creating group ${SERVICE_USER}"
  groupadd --system "${SERVICE_USER}"
fi
if ! getent passwd "${SERVICE_USER}" >/dev/null; then
  log "creating user ${SERVICE_USER}"
  useradd --system --gid "${SERVICE_USER}" --home-dir "${DATA_DIR}" --no-create-home \
    --shell /usr/sbin/nologin --comment "CQPM Hub server" "${SERVICE_USER}"
fi

# 2. The binary (install writes a new inode, so a running server is unaffected
#    until it is restarted).
log "installing ${BIN}"
install -D -o root -g root -m 0755 "${BUILD_DIR}/bin/cqpm" "${BIN}"

# 3. Shared read-only data: workflows, schemas, plugins, web front end.
install -d -o root -g root -m 0755 "${SHARE_DIR}" "${DOC_DIR}"
for dir in workflows schemas plugins; do
  log "installing ${SHARE_DIR}/${dir}"
  install_tree "${SOURCE_DIR}/${dir}" "${SHARE_DIR}/${dir}"
done
if [[ -d "${SOURCE_DIR}/web/dist" ]]; then
  log "installing ${SHARE_DIR}/web"
  install_tree "${SOURCE_DIR}/web/dist" "${SHARE_DIR}/web"
else
  log "warning: ${SOURCE_DIR}/web/dist is missing (cd web && npm ci && npm run build); web front end not updated"
fi
install -o root -g root -m 0644 "${SOURCE_DIR}/deploy/README.md" "${DOC_DIR}/README.md"
install -o root -g root -m 0644 "${SOURCE_DIR}/deploy/cqpm.properties.example" "${DOC_DIR}/cqpm.properties.example"

# 4. Data folder, private to the service user.
install -d -o "${SERVICE_USER}" -g "${SERVICE_USER}" -m 0750 "${DATA_DIR}"
chown "${SERVICE_USER}:${SERVICE_USER}" "${DATA_DIR}"
chmod 0750 "${DATA_DIR}"

# 5. Configuration: created once from the example, never overwritten. It may
#    hold the database password, hence root:cqpm 0640.
install -d -o root -g "${SERVICE_USER}" -m 0750 "${CONF_DIR}"
if [[ ! -e "${CONF_FILE}" ]]; then
  log "creating ${CONF_FILE} from the example"
  install -o root -g "${SERVICE_USER}" -m 0640 "${SOURCE_DIR}/deploy/cqpm.properties.example" "${CONF_FILE}"
else
  log "keeping existing ${CONF_FILE} (compare with ${DOC_DIR}/cqpm.properties.example)"
fi

# 6. systemd unit.
if [[ "${SKIP_SYSTEMD:-0}" == 1 ]]; then
  log "SKIP_SYSTEMD=1: unit not installed"
  exit 0
fi
log "installing ${UNIT_FILE}"
install -o root -g root -m 0644 "${SOURCE_DIR}/deploy/cqpm.service" "${UNIT_FILE}"
if [[ ! -d /run/systemd/system ]]; then
  log "systemd is not running on this host: unit installed but not enabled"
  exit 0
fi
systemctl daemon-reload
systemctl enable cqpm.service
if systemctl is-active --quiet cqpm.service; then
  log "restarting cqpm (upgrade; migrations run at start)"
  systemctl restart cqpm.service
else
  log "enabled; start it with: systemctl start cqpm && curl -fsS http://127.0.0.1:8080/readyz"
fi
log "done"
