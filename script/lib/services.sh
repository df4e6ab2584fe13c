# Starts and stops the servers of the distributed mode on loopback, from Debian's packages (and
# npm's s3rver): PostgreSQL, Redis, an S3 server. Sourced after common.sh. Everything lives under
# $SERVICES_DIR; every process started is recorded in $SERVICES_DIR/pids as "ROLE PID".

SERVICES_PACKAGES=(postgresql redis-server)
# The web page's tests (tests/web) drive Debian's Chromium through npm's playwright-core.
WEB_TEST_PACKAGES=(chromium)
# promtool (Debian ships it in the prometheus package) checks and unit-tests deploy/prometheus's alert rules.
ALERT_TEST_PACKAGES=(prometheus)
S3RVER_VERSION=3.7.1
S3_ACCESS_KEY=S3RVER
S3_SECRET_KEY=S3RVER

# free_port: a TCP port on 127.0.0.1 that nothing listens on. Taken below the kernel's range of
# ephemeral ports, so an outgoing connection cannot be holding it when the server binds it.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 21000 ] || low=32768
  while :; do
    port=$(( (RANDOM % (low - 20000)) + 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# wait_for_port PORT NAME: waits up to 30 s for a listener.
wait_for_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  die "$2 did not start on port $1 (logs in $SERVICES_DIR)"
}

services_init() {
  SERVICES_DIR="${SERVICES_DIR:-$(mktemp -d /tmp/docstrange-services.XXXXXX)}"
  chmod 755 "$SERVICES_DIR"
  : > "$SERVICES_DIR/pids"
}

record_pid() { echo "$1 $2" >> "$SERVICES_DIR/pids"; }

start_postgres() {
  local bin data
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  data="$SERVICES_DIR/pg"
  PG_PORT=$(free_port)
  # The server runs as the postgres user: its data, socket and log live in folders it owns.
  install -d -o postgres -g postgres "$data" "$SERVICES_DIR/pgrun"
  runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-sync >"$SERVICES_DIR/pg-init.log" 2>&1
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$SERVICES_DIR/pgrun/postgres.log" -w \
    -o "-p $PG_PORT -k $SERVICES_DIR/pgrun -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  record_pid postgres "$(head -1 "$data/postmaster.pid")"
  runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE docstrange" >/dev/null
  POSTGRES_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=docstrange;Maximum Pool Size=50"
}

start_redis() {
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" >/dev/null
  wait_for_port "$REDIS_PORT" redis
  record_pid redis "$(cat "$SERVICES_DIR/redis.pid")"
  REDIS_CONFIGURATION="127.0.0.1:$REDIS_PORT"
}

# ensure_npm: Node.js may come from Debian or elsewhere: only install Debian's when there is no npm at all.
ensure_npm() {
  command -v npm >/dev/null 2>&1 || ensure_apt_packages nodejs npm
}

# npm_ci_when_changed DIR: installs DIR's packages from its lockfile (npm ci), again only when the lockfile changed.
npm_ci_when_changed() {
  local dir=$1
  cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json" && return 0
  say "installing the packages of ${dir#"$ROOT"/} (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --silent)
  cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"
}

# wait_ready URL LOG: up to 60 s for URL's /api/v1/health/ready to answer 200; else the log's last lines and a failure.
wait_ready() {
  node -e '
    const url = process.argv[1];
    const deadline = Date.now() + 60000;
    (async () => {
      while (Date.now() < deadline) {
        try { if ((await fetch(`${url}/api/v1/health/ready`)).ok) return; } catch {}
        await new Promise(r => setTimeout(r, 200));
      }
      console.error(`the server was not ready at ${url} within 60 s`);
      process.exit(1);
    })();' "$1" || { tail -n 30 "$2" >&2; return 1; }
}

# s3rver is installed once into the repository's tool folder (ignored by git).
ensure_s3rver() {
  S3RVER="$ROOT/.artifacts/tools/s3rver/node_modules/.bin/s3rver"
  [ -x "$S3RVER" ] && return 0
  ensure_npm
  say "installing s3rver $S3RVER_VERSION"
  mkdir -p "$ROOT/.artifacts/tools/s3rver"
  (cd "$ROOT/.artifacts/tools/s3rver" && npm install --no-audit --no-fund --silent "s3rver@$S3RVER_VERSION" >/dev/null)
}

start_s3() {
  ensure_s3rver
  S3_PORT=$(free_port)
  mkdir -p "$SERVICES_DIR/s3"
  "$S3RVER" -a 127.0.0.1 -p "$S3_PORT" -d "$SERVICES_DIR/s3" --configure-bucket docstrange --silent \
    >"$SERVICES_DIR/s3.log" 2>&1 &
  record_pid s3 $!
  wait_for_port "$S3_PORT" s3rver
  S3_SERVICE_URL="http://127.0.0.1:$S3_PORT"
}

# stop_services: stops every recorded process (PostgreSQL through pg_ctl), then removes the folder.
stop_services() {
  [ -n "${SERVICES_DIR:-}" ] && [ -f "$SERVICES_DIR/pids" ] || return 0
  local bin
  if grep -q '^postgres ' "$SERVICES_DIR/pids"; then
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    runuser -u postgres -- "$bin/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  while read -r role pid; do
    [ "$role" = postgres ] && continue
    kill "$pid" 2>/dev/null || true
  done < "$SERVICES_DIR/pids"
  # Wait (up to 10 s) for them to exit, so nothing writes into the folder while it is removed.
  for _ in $(seq 1 100); do
    local alive=0
    while read -r _ pid; do kill -0 "$pid" 2>/dev/null && alive=1; done < "$SERVICES_DIR/pids"
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  rm -rf "$SERVICES_DIR"
}
