# Source this from .ci/run: a throwaway PostgreSQL for the DuckLake tests.
# Installs Debian's postgresql when missing, starts a private cluster on a local port (idempotent:
# an already running one is reused) and exports WIREHOUSE_TEST_PG, a libpq connection string.
WIREHOUSE_PG_PORT="${WIREHOUSE_PG_PORT:-54329}"
WIREHOUSE_PG_DIR="${WIREHOUSE_PG_DIR:-/tmp/wirehouse-pg}"

_wh_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    _wh_sudo apt-get update -qq
    _wh_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
_wh_pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# The server refuses to run as root: as root, the cluster belongs to the postgres user.
if [ "$(id -u)" -eq 0 ]; then _wh_as_owner() { runuser -u postgres -- "$@"; }
else _wh_as_owner() { "$@"; }; fi

if ! "$_wh_pg_bin/pg_isready" -q -h 127.0.0.1 -p "$WIREHOUSE_PG_PORT"; then
    if [ ! -f "$WIREHOUSE_PG_DIR/PG_VERSION" ]; then
        mkdir -p "$WIREHOUSE_PG_DIR"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$WIREHOUSE_PG_DIR"
        _wh_as_owner "$_wh_pg_bin/initdb" -D "$WIREHOUSE_PG_DIR" -U postgres --auth=trust \
            -E UTF8 >/dev/null
    fi
    _wh_as_owner "$_wh_pg_bin/pg_ctl" -D "$WIREHOUSE_PG_DIR" -l "$WIREHOUSE_PG_DIR/server.log" \
        -o "-p $WIREHOUSE_PG_PORT -k $WIREHOUSE_PG_DIR -c listen_addresses=127.0.0.1" -w start \
        >/dev/null
fi
export WIREHOUSE_TEST_PG="host=127.0.0.1 port=$WIREHOUSE_PG_PORT user=postgres dbname=postgres"
