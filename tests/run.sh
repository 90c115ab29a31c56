#!/usr/bin/env bash
# Runs the whole EarlyWarning test suite against real infrastructure.
#
#  1. Makes PostgreSQL (127.0.0.1:5432) and RabbitMQ (127.0.0.1:5672, management on 15672)
#     available, in this order of preference for each server:
#       already running -> installed but stopped (start it) -> apt-get install (root only)
#       -> `docker compose up -d` with the repo's docker-compose.yml.
#     If a server cannot be made available the script stops: tests never run without them.
#  2. Provisions, idempotently, the `earlywarning` PostgreSQL role (LOGIN SUPERUSER) and
#     database, and the `earlywarning` RabbitMQ administrator on vhost `/`, when the server is
#     a local install (the docker-compose services get the same through their env vars).
#  3. Exports EW_TEST_POSTGRES, EW_TEST_RABBITMQ (kept when already set: then only the host and
#     port they name are checked) and EW_REQUIRE_INFRASTRUCTURE=1.
#     Finds Chromium for the dashboard tests (EW_TEST_CHROMIUM when set; else `chromium` on PATH;
#     else apt-get install chromium as root) and exports its path as EW_TEST_CHROMIUM, or stops.
#     Makes sure node and npm are on PATH (else apt-get install nodejs npm as root), or stops.
#  4. Runs `dotnet test` on the solution (extra arguments are passed through, e.g. --filter)
#     and prints one line `Summary: N passed, M failed, K skipped`. It exits non-zero when
#     dotnet test fails, when any test failed or was skipped (a skipped test is a defect here),
#     or when no test passed.
#
# EW_RUNSH_INFRA_ONLY=1 stops after step 3 (to check the infrastructure part alone).
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/earlywarning-run.XXXXXX")"
INFRA_LOG="$WORK/infrastructure.log"
TEST_LOG="$WORK/dotnet-test.log"
: >"$INFRA_LOG"

log() { echo "run.sh: $*"; }
die() {
    echo "run.sh: ERROR: $*" >&2
    echo "run.sh: infrastructure log: $INFRA_LOG" >&2
    exit 1
}

# ---------------------------------------------------------------------------------------------
# helpers

port_open() { # host port
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1
}

wait_port() { # host port seconds
    local deadline=$((SECONDS + $3))
    until port_open "$1" "$2"; do
        ((SECONDS < deadline)) || return 1
        sleep 1
    done
}

# Runs a command with its output in the infrastructure log; on failure shows the log's tail.
quiet() {
    echo "+ $*" >>"$INFRA_LOG"
    if ! "$@" </dev/null >>"$INFRA_LOG" 2>&1; then
        tail -n 25 "$INFRA_LOG" | sed 's/^/run.sh:   | /' >&2
        return 1
    fi
}

can_apt() { [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; }

APT_UPDATED=0
apt_install() { # packages...
    export DEBIAN_FRONTEND=noninteractive
    if ((APT_UPDATED == 0)); then
        log "apt-get update"
        quiet apt-get -o DPkg::Lock::Timeout=600 update -q || return 1
        APT_UPDATED=1
    fi
    log "apt-get install -y $* (output in $INFRA_LOG)"
    quiet apt-get -o DPkg::Lock::Timeout=600 install -y -q "$@"
}

COMPOSE=()
compose_available() {
    ((${#COMPOSE[@]})) && return 0
    [[ -f "$ROOT/docker-compose.yml" ]] || return 1
    command -v docker >/dev/null 2>&1 || return 1
    if docker compose version >/dev/null 2>&1; then
        COMPOSE=(docker compose -f "$ROOT/docker-compose.yml")
    elif command -v docker-compose >/dev/null 2>&1; then
        COMPOSE=(docker-compose -f "$ROOT/docker-compose.yml")
    else
        return 1
    fi
    docker info >/dev/null 2>&1 || { COMPOSE=(); return 1; }
}

compose_up() { # service host port seconds
    compose_available || return 1
    # --wait (Compose v2) waits for the healthchecks: the published port opens before the server.
    log "$1: starting with ${COMPOSE[*]} up -d $1"
    if "${COMPOSE[@]}" up --help 2>/dev/null | grep -q -- '--wait'; then
        quiet timeout "$(($4 + 60))" "${COMPOSE[@]}" up -d --wait "$1" || return 1
    else
        quiet "${COMPOSE[@]}" up -d "$1" || return 1
    fi
    wait_port "$2" "$3" "$4"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

PG_HOST=127.0.0.1 PG_PORT=5432

pg_version() { # highest installed server version, empty when none
    local dir v best=""
    for dir in /usr/lib/postgresql/*/bin/postgres; do
        [[ -x "$dir" ]] || continue
        v="$(basename "$(dirname "$(dirname "$dir")")")"
        if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$v" | sort -V | tail -n 1)" == "$v" ]]; then
            best="$v"
        fi
    done
    echo "$best"
}

pg_start_installed() {
    local ver port
    ver="$(pg_version)"
    [[ -n "$ver" ]] || return 1
    command -v pg_ctlcluster >/dev/null 2>&1 || return 1
    if [[ ! -f "/etc/postgresql/$ver/main/postgresql.conf" ]]; then
        log "postgres: creating cluster $ver/main on port $PG_PORT"
        quiet pg_createcluster -p "$PG_PORT" "$ver" main || return 1
    fi
    port="$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main" { print $3 }')"
    if [[ -n "$port" && "$port" != "$PG_PORT" ]]; then
        log "postgres: WARNING cluster $ver/main is configured for port $port, not $PG_PORT"
    fi
    log "postgres: starting cluster $ver/main"
    if ! quiet pg_ctlcluster --skip-systemctl-redirect "$ver" main start; then
        wait_port "$PG_HOST" "$PG_PORT" 5 || return 1 # it may have been starting already
    fi
    wait_port "$PG_HOST" "$PG_PORT" 60
}

PG_LOCAL=0
ensure_postgres() {
    if port_open "$PG_HOST" "$PG_PORT"; then
        log "postgres: already running on $PG_HOST:$PG_PORT"
    elif [[ -n "$(pg_version)" ]] && pg_start_installed; then
        log "postgres: started the installed server"
    elif [[ -z "$(pg_version)" ]] && can_apt && apt_install postgresql; then
        # Installing may or may not start the server (policy-rc.d, no systemd): start it if not.
        if wait_port "$PG_HOST" "$PG_PORT" 5; then
            log "postgres: installed, started by the package"
        else
            pg_start_installed || die "postgres: installed but could not be started"
            log "postgres: installed and started"
        fi
    elif compose_up postgres "$PG_HOST" "$PG_PORT" 120; then
        log "postgres: started with docker compose"
    else
        die "PostgreSQL is not reachable on $PG_HOST:$PG_PORT and could not be started, installed (needs root and apt-get) or run with docker compose"
    fi
    if id postgres >/dev/null 2>&1 && [[ -n "$(pg_version)" ]] && pg_as_admin -Atc 'select 1' >/dev/null 2>&1; then
        PG_LOCAL=1
    fi
}

pg_as_admin() { # psql arguments... ; runs psql as the postgres OS user over the local socket
    (cd / && runuser -u postgres -- psql -X -p "$PG_PORT" -v ON_ERROR_STOP=1 "$@")
}

provision_postgres() {
    if ((PG_LOCAL == 0)); then
        log "postgres: not a local install, relying on the server's own credentials (docker-compose env)"
        return 0
    fi
    log "postgres: provisioning role and database earlywarning"
    pg_as_admin -q >>"$INFRA_LOG" 2>&1 <<'SQL' || die "postgres: provisioning failed"
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'earlywarning') THEN
        CREATE ROLE earlywarning LOGIN SUPERUSER PASSWORD 'earlywarning';
    ELSE
        ALTER ROLE earlywarning LOGIN SUPERUSER PASSWORD 'earlywarning';
    END IF;
END
$$;
SELECT 'CREATE DATABASE earlywarning OWNER earlywarning'
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = 'earlywarning')\gexec
ALTER DATABASE earlywarning OWNER TO earlywarning;
SQL
}

verify_postgres() {
    command -v psql >/dev/null 2>&1 || return 0
    local deadline=$((SECONDS + 60))
    until PGCONNECT_TIMEOUT=10 psql -X -q -At \
        "postgresql://earlywarning:earlywarning@$PG_HOST:$PG_PORT/earlywarning" -c 'select 1' >/dev/null 2>>"$INFRA_LOG"; do
        ((SECONDS < deadline)) || die "postgres: cannot log in as earlywarning/earlywarning on $PG_HOST:$PG_PORT/earlywarning"
        sleep 2
    done
    log "postgres: login as earlywarning works"
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ

MQ_HOST=127.0.0.1 MQ_PORT=5672 MQ_MGMT_PORT=15672

rabbit_installed() { command -v rabbitmq-server >/dev/null 2>&1 && command -v rabbitmqctl >/dev/null 2>&1; }

rabbit_wait() {
    log "rabbitmq: waiting for the broker (up to 180 s)"
    wait_port "$MQ_HOST" "$MQ_PORT" 180 || return 1
    quiet timeout 120 rabbitmqctl await_startup --timeout 110
}

rabbit_start_installed() {
    rabbit_installed || return 1
    log "rabbitmq: starting rabbitmq-server -detached"
    quiet rabbitmq-server -detached || return 1
    rabbit_wait
}

RABBIT_LOCAL=0
ensure_rabbitmq() {
    if port_open "$MQ_HOST" "$MQ_PORT"; then
        log "rabbitmq: already running on $MQ_HOST:$MQ_PORT"
    elif rabbit_installed && rabbit_start_installed; then
        log "rabbitmq: started the installed server"
    elif ! rabbit_installed && can_apt && apt_install rabbitmq-server; then
        if wait_port "$MQ_HOST" "$MQ_PORT" 5; then
            rabbit_wait || die "rabbitmq: installed and started by the package but not answering"
            log "rabbitmq: installed, started by the package"
        else
            rabbit_start_installed || die "rabbitmq: installed but could not be started"
            log "rabbitmq: installed and started"
        fi
    elif compose_up rabbitmq "$MQ_HOST" "$MQ_PORT" 180; then
        wait_port "$MQ_HOST" "$MQ_MGMT_PORT" 120 || die "rabbitmq: management port $MQ_MGMT_PORT not answering"
        log "rabbitmq: started with docker compose"
    else
        die "RabbitMQ is not reachable on $MQ_HOST:$MQ_PORT and could not be started, installed (needs root and apt-get) or run with docker compose"
    fi
}

# True when the management API already shows earlywarning as an administrator with .* on `/`.
rabbit_already_provisioned() {
    command -v curl >/dev/null 2>&1 || return 1
    local api="http://$MQ_HOST:$MQ_MGMT_PORT/api" who perms
    who="$(curl -fsS -m 10 -u earlywarning:earlywarning "$api/whoami" 2>/dev/null)" || return 1
    perms="$(curl -fsS -m 10 -u earlywarning:earlywarning "$api/permissions/%2F/earlywarning" 2>/dev/null)" || return 1
    [[ "$who" == *'"administrator"'* ]] || return 1
    [[ "$perms" == *'"configure":".*","write":".*","read":".*"'* ]]
}

provision_rabbitmq() {
    if rabbit_already_provisioned; then
        log "rabbitmq: user earlywarning already provisioned, management API answers"
        RABBIT_LOCAL=2
        return 0
    fi
    if rabbit_installed && timeout 60 rabbitmqctl -q status >/dev/null 2>&1; then
        RABBIT_LOCAL=1
    fi
    if ((RABBIT_LOCAL == 0)); then
        log "rabbitmq: not a local install, relying on the server's own credentials (docker-compose env)"
        return 0
    fi
    log "rabbitmq: provisioning user earlywarning (administrator, .* .* .* on /)"
    if timeout 60 rabbitmqctl -q list_users 2>>"$INFRA_LOG" | awk '{ print $1 }' | grep -qx earlywarning; then
        quiet timeout 60 rabbitmqctl change_password earlywarning earlywarning || die "rabbitmq: change_password failed"
    else
        quiet timeout 60 rabbitmqctl add_user earlywarning earlywarning || die "rabbitmq: add_user failed"
    fi
    quiet timeout 60 rabbitmqctl set_user_tags earlywarning administrator || die "rabbitmq: set_user_tags failed"
    quiet timeout 60 rabbitmqctl set_permissions -p / earlywarning '.*' '.*' '.*' || die "rabbitmq: set_permissions failed"

    if ! timeout 60 rabbitmq-plugins list -e -m 2>>"$INFRA_LOG" | grep -qx rabbitmq_management; then
        log "rabbitmq: enabling rabbitmq_management"
        quiet timeout 120 rabbitmq-plugins enable rabbitmq_management || die "rabbitmq: could not enable rabbitmq_management"
    fi
    wait_port "$MQ_HOST" "$MQ_MGMT_PORT" 120 || die "rabbitmq: management API not answering on $MQ_HOST:$MQ_MGMT_PORT"
}

verify_rabbitmq() {
    if ((RABBIT_LOCAL == 2)); then
        log "rabbitmq: login as earlywarning works (management API)"
        return 0
    fi
    if ((RABBIT_LOCAL == 1)); then
        quiet timeout 60 rabbitmqctl authenticate_user earlywarning earlywarning \
            || die "rabbitmq: earlywarning/earlywarning does not authenticate"
    fi
    if command -v curl >/dev/null 2>&1 && port_open "$MQ_HOST" "$MQ_MGMT_PORT"; then
        local deadline=$((SECONDS + 60))
        until curl -fsS -o /dev/null -u earlywarning:earlywarning "http://$MQ_HOST:$MQ_MGMT_PORT/api/overview" 2>>"$INFRA_LOG"; do
            ((SECONDS < deadline)) || die "rabbitmq: management API refuses earlywarning/earlywarning"
            sleep 2
        done
        log "rabbitmq: login as earlywarning works (AMQP user and management API)"
    else
        log "rabbitmq: login as earlywarning works"
    fi
}

# ---------------------------------------------------------------------------------------------
# Chromium: the dashboard tests drive Debian's `chromium` headless over the DevTools protocol

ensure_chromium() {
    if EW_TEST_CHROMIUM="$(command -v chromium)"; then
        log "chromium: installed at $EW_TEST_CHROMIUM"
    elif can_apt && apt_install chromium && EW_TEST_CHROMIUM="$(command -v chromium)"; then
        log "chromium: installed Debian's chromium at $EW_TEST_CHROMIUM"
    else
        die "Chromium is not installed and could not be installed (needs root and apt-get: apt-get install chromium); the dashboard tests need it"
    fi
}

verify_chromium() {
    [[ -x "$EW_TEST_CHROMIUM" ]] || die "chromium: $EW_TEST_CHROMIUM is not an executable"
    quiet timeout 60 "$EW_TEST_CHROMIUM" --version || die "chromium: $EW_TEST_CHROMIUM --version fails"
    log "chromium: $(tail -n 1 "$INFRA_LOG")"
}

# The partner-consumer test runs an independent AMQP client written for Node.js (npm ci of its lock file).
ensure_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        log "node: $(node --version), npm $(npm --version)"
    elif can_apt && apt_install nodejs npm && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        log "node: installed Debian's nodejs $(node --version) and npm $(npm --version)"
    else
        die "node and npm are not installed and could not be installed (needs root and apt-get: apt-get install nodejs npm); the partner-consumer test needs them"
    fi
}

# ---------------------------------------------------------------------------------------------
# connection strings given by the caller

host_port_from_npgsql() { # connection string -> "host port"
    local host="" port=5432 part key value
    IFS=';' read -r -a parts <<<"$1"
    for part in "${parts[@]}"; do
        key="$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
        value="$(echo "${part#*=}" | sed 's/^ *//; s/ *$//')"
        case "$key" in
            host | server) host="${value%%,*}" ;;
            port) port="$value" ;;
        esac
    done
    if [[ "$host" == *:* && "$host" != \[* ]]; then port="${host##*:}"; host="${host%%:*}"; fi
    echo "${host:-localhost} $port"
}

host_port_from_amqp() { # amqp(s)://user:pass@host:port/vhost -> "host port"
    local uri="$1" rest host port
    port=5672
    [[ "$uri" == amqps://* ]] && port=5671
    rest="${uri#*://}"
    rest="${rest%%/*}"
    rest="${rest##*@}"
    host="${rest%%:*}"
    [[ "$rest" == *:* ]] && port="${rest##*:}"
    echo "${host:-localhost} $port"
}

# ---------------------------------------------------------------------------------------------
# main: infrastructure

infra_start=$SECONDS

if [[ -n "${EW_TEST_POSTGRES:-}" ]]; then
    read -r h p <<<"$(host_port_from_npgsql "$EW_TEST_POSTGRES")"
    port_open "$h" "$p" || die "EW_TEST_POSTGRES is set but $h:$p is not reachable"
    log "postgres: using EW_TEST_POSTGRES ($h:$p reachable), no provisioning"
else
    ensure_postgres
    provision_postgres
    verify_postgres
    export EW_TEST_POSTGRES="Host=$PG_HOST;Port=$PG_PORT;Username=earlywarning;Password=earlywarning;Database=earlywarning"
fi

if [[ -n "${EW_TEST_RABBITMQ:-}" ]]; then
    read -r h p <<<"$(host_port_from_amqp "$EW_TEST_RABBITMQ")"
    port_open "$h" "$p" || die "EW_TEST_RABBITMQ is set but $h:$p is not reachable"
    log "rabbitmq: using EW_TEST_RABBITMQ ($h:$p reachable), no provisioning"
else
    ensure_rabbitmq
    provision_rabbitmq
    verify_rabbitmq
    export EW_TEST_RABBITMQ="amqp://earlywarning:earlywarning@$MQ_HOST:$MQ_PORT/"
fi

export EW_REQUIRE_INFRASTRUCTURE=1

if [[ -n "${EW_TEST_CHROMIUM:-}" ]]; then
    log "chromium: using EW_TEST_CHROMIUM ($EW_TEST_CHROMIUM)"
else
    ensure_chromium
fi
verify_chromium
export EW_TEST_CHROMIUM
ensure_node

log "infrastructure ready in $((SECONDS - infra_start)) s (log: $INFRA_LOG)"

if [[ "${EW_RUNSH_INFRA_ONLY:-0}" == 1 ]]; then
    log "EW_RUNSH_INFRA_ONLY=1: not running the tests"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# main: tests

SOLUTION=EarlyWarning.sln
[[ -f "$SOLUTION" || ! -f EarlyWarning.slnx ]] || SOLUTION=EarlyWarning.slnx
[[ -f "$SOLUTION" ]] || die "no EarlyWarning.sln (or .slnx) in $ROOT"

log "dotnet test $SOLUTION -c Release $* (log: $TEST_LOG)"
set +e
dotnet test "$SOLUTION" -c Release "$@" </dev/null 2>&1 | tee "$TEST_LOG"
test_rc=${PIPESTATUS[0]}
set -e

# The terminal logger may leave the last line without its newline: keep the verdict lines alone.
[[ -z "$(tail -c 1 "$TEST_LOG")" ]] || echo

# Strip colours and terminal-logger escapes before reading the summary lines.
sed -E $'s/\x1b\\[[0-9;?]*[A-Za-z]//g; s/\x1b\\][^\x1b\x07]*(\x07|\x1b\\\\)//g; s/\r//g' "$TEST_LOG" >"$WORK/clean.log"

read -r passed failed skipped projects < <(awk '
    # VSTest, one line per test project:
    # "Passed!  - Failed:     0, Passed:    44, Skipped:     0, Total:    44, Duration: 3 s - X.dll (net10.0)"
    match($0, /^[ \t]*(Passed|Failed)![ \t]+-[ \t]+Failed:[ \t]*[0-9]+,[ \t]*Passed:[ \t]*[0-9]+,[ \t]*Skipped:[ \t]*[0-9]+/) {
        line = substr($0, RSTART, RLENGTH)
        gsub(/[^0-9,]/, "", line); split(line, n, ",")
        vf += n[1]; vp += n[2]; vs += n[3]; vn++; next
    }
    # Terminal logger, one line for the whole run:
    # "Test summary: total: 8, failed: 0, succeeded: 6, skipped: 2, duration: 3.2s"
    match($0, /Test summary: total: *[0-9]+, failed: *[0-9]+, succeeded: *[0-9]+, skipped: *[0-9]+/) {
        line = substr($0, RSTART, RLENGTH)
        sub(/^Test summary: /, "", line); gsub(/[^0-9,]/, "", line); split(line, n, ",")
        tf += n[2]; tp += n[3]; ts += n[4]; tn++; next
    }
    # Microsoft.Testing.Platform: "Test run summary: ..." followed by "  failed: N" lines.
    /Test run summary:/ { inmtp = 1; mn++; next }
    inmtp && /^[ \t]+failed: *[0-9]+/    { v = $0; gsub(/[^0-9]/, "", v); mf += v; next }
    inmtp && /^[ \t]+succeeded: *[0-9]+/ { v = $0; gsub(/[^0-9]/, "", v); mp += v; next }
    inmtp && /^[ \t]+skipped: *[0-9]+/   { v = $0; gsub(/[^0-9]/, "", v); ms += v; next }
    inmtp && /^[ \t]+(total|duration|error):/ { next }
    { inmtp = 0 }
    END {
        if (vn)      print vp + 0, vf + 0, vs + 0, vn
        else if (tn) print tp + 0, tf + 0, ts + 0, tn
        else         print mp + 0, mf + 0, ms + 0, mn + 0
    }' "$WORK/clean.log")

status=0
if ((test_rc != 0)); then log "FAIL: dotnet test exited with $test_rc"; status=1; fi
if ((projects == 0)); then log "FAIL: no test summary line found in the dotnet test output"; status=1; fi
if ((failed > 0)); then log "FAIL: $failed test(s) failed"; status=1; fi
if ((skipped > 0)); then log "FAIL: $skipped test(s) skipped, and a skipped test is a defect here"; status=1; fi
if ((passed == 0)); then log "FAIL: no test passed"; status=1; fi
echo "Summary: $passed passed, $failed failed, $skipped skipped"
exit "$status"
