#!/bin/bash
# A throwaway PostgreSQL cluster for the tests.
#   tools/pgcluster.sh start DIR   initdb in DIR, start the server on a unix
#                                  socket in DIR; prints the base URL
#   tools/pgcluster.sh stop DIR    stops the server and removes DIR
#   tools/pgcluster.sh pause DIR   stops the server, keeping DIR (a server gone away)
#   tools/pgcluster.sh resume DIR  starts the same server again on the same socket
# Installs Debian's postgresql when initdb is missing. Under root the
# cluster runs as the unprivileged user postgres (created when missing).
# Authentication: trust, on the socket only (no TCP listener).
set -euo pipefail

find_bin() {
	local name=$1 p
	if p=$(command -v "$name" 2>/dev/null); then echo "$p"; return 0; fi
	for p in /usr/lib/postgresql/*/bin/"$name"; do
		[ -x "$p" ] && { echo "$p"; return 0; }
	done
	return 1
}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

start() {
	local dir=$1
	if ! find_bin initdb >/dev/null; then
		local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
		echo "installing postgresql" >&2
		$sudo apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
	fi
	local initdb pg_ctl
	initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin postgres
	fi
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	chmod 700 "$dir"
	as_owner "$initdb" -D "$dir/data" -U newsroom --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	serve "$dir"
	# The socket folder must be reachable by the (root) test process.
	chmod 755 "$dir"
	echo "postgres://newsroom@/postgres?host=$dir"
}

# serve starts the server of DIR (its data folder and socket in DIR).
serve() {
	local dir=$1 pg_ctl
	pg_ctl=$(find_bin pg_ctl)
	as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >&2 || { cat "$dir/server.log" >&2; exit 1; }
}

pause() {
	local dir=$1 pg_ctl
	pg_ctl=$(find_bin pg_ctl)
	as_owner "$pg_ctl" -D "$dir/data" -m fast -w stop >&2
}

stop() {
	local dir=$1 pg_ctl
	[ -d "$dir" ] || return 0
	if pg_ctl=$(find_bin pg_ctl) && [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

case "${1:-}" in
start) start "${2:?folder}" ;;
stop) stop "${2:?folder}" ;;
pause) pause "${2:?folder}" ;;
resume) serve "${2:?folder}" ;;
*) echo "usage: $0 start|stop|pause|resume DIR" >&2; exit 2 ;;
esac
