#!/usr/bin/env bash
# Makes sure the services the tests need are present: a PostgreSQL server on
# 127.0.0.1:5432 and Debian's Chromium. Installs them from Debian's packages
# when they are missing (needs root, as on the project's machines).
set -euo pipefail

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

postgres_ready() {
  command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432
}

if ! postgres_ready; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "services: installing PostgreSQL"
    apt_install postgresql
  fi
  version="$(ls /etc/postgresql | sort -n | tail -n 1)"
  echo "services: starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do postgres_ready && break; sleep 1; done
  postgres_ready || { echo "services: PostgreSQL did not start" >&2; exit 1; }
  # A cluster installed here uses password authentication on TCP; give the
  # postgres user the password that the test connection string carries.
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
fi
echo "services: PostgreSQL is accepting connections on 127.0.0.1:5432"

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "services: installing Chromium"
  apt_install chromium
fi
echo "services: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null)"

# kubectl checks that the stand-in Kubernetes API server of the tests speaks
# the real protocol.
if ! command -v kubectl >/dev/null; then
  echo "services: installing kubectl"
  apt_install kubernetes-client
fi
echo "services: $(kubectl version --client 2>/dev/null | head -n 1)"
