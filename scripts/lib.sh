# Shared shell helpers for scripts/*. Source it: . "$(dirname "$0")/lib.sh"
# Each ensure_* installs or starts what is missing on a fresh Debian machine, and says so.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="10.34.9"
# Local state (secrets, pids, logs); override to run a second stack beside the first (tests do).
SCRIBE_DIR="${SCRIBE_DIR:-$ROOT/.scribe}"

say() { printf '\033[1;34m[scribe]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[scribe] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

APT_UPDATED=0
# ensure_apt PKG...: install Debian packages that are not installed yet.
ensure_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  say "installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_node() {
  command -v node >/dev/null || die "Node.js 20+ is required (https://nodejs.org)"
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20+ is required, found $(node -v)"
}

ensure_pnpm() {
  ensure_node
  if ! command -v pnpm >/dev/null || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
    say "installing pnpm@$PNPM_VERSION (corepack cannot fetch it here)"
    npm i -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || as_root npm i -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

ensure_node_modules() {
  ensure_pnpm
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent) || die "pnpm install failed"
}

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

# PostgreSQL on 127.0.0.1:5432 with trust auth for local TCP (the machine's setup). Installs
# and starts it when absent; a cluster this script creates is given trust auth on localhost.
ensure_postgres() {
  if command -v pg_isready >/dev/null && pg_up; then return 0; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    ensure_apt postgresql postgresql-client
    local conf; conf="$(ls -d /etc/postgresql/*/main | head -1)"
    say "configuring trust auth for 127.0.0.1 in $conf/pg_hba.conf (development machine)"
    as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/; s/^(local\s+all\s+all\s+)\S+/\1trust/' "$conf/pg_hba.conf"
  fi
  say "starting PostgreSQL"
  local ver; ver="$(ls /etc/postgresql | sort -V | tail -1)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || as_root pg_ctlcluster "$ver" main start || true
  for _ in $(seq 1 30); do pg_up && return 0; sleep 1; done
  die "PostgreSQL did not start on 127.0.0.1:5432"
}

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

ensure_redis() {
  if command -v redis-cli >/dev/null && redis_up; then return 0; fi
  command -v redis-server >/dev/null || ensure_apt redis-server
  say "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
  for _ in $(seq 1 20); do redis_up && return 0; sleep 0.5; done
  die "Redis did not start on 127.0.0.1:6379"
}

# Audio tools the pipeline uses: ffmpeg (decode/convert), pocketsphinx (offline ASR), espeak-ng+sox (sample audio).
ensure_audio_tools() {
  ensure_apt ffmpeg sox espeak-ng pocketsphinx pocketsphinx-en-us
}

# Debian's Chromium (/usr/bin/chromium) for the console's browser test (playwright-core drives
# it; Playwright's own browser download cannot work here).
ensure_browser() {
  ensure_apt chromium
}

# .scribe/local.env: fresh secrets for this checkout (config has no defaults for secrets).
ensure_local_env() {
  mkdir -p "$SCRIBE_DIR"
  if [ ! -f "$SCRIBE_DIR/local.env" ]; then
    say "writing fresh local secrets to .scribe/local.env"
    umask 077
    {
      echo "STREAM_TOKEN_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')"
      echo "AUDIO_KEK=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
    } > "$SCRIBE_DIR/local.env"
  fi
  set -a; . "$SCRIBE_DIR/local.env"; set +a
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/scribe}"
  export STORAGE_DIR="${STORAGE_DIR:-$ROOT/var/audio}"
}
