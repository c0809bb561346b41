# Shared by the benchmark scripts: starting processes, waiting for them, running wrk and
# summing up interleaved rounds. Source it after setting ROOT.

VERSION="0.1.0-SNAPSHOT"
# The JVM options the platform ships: those of ./frontline up.
JAVA_OPTS="${FRONTLINE_JAVA_OPTS:-$(sed -n 's/^JAVA_OPTS_DEFAULT="\(.*\)"$/\1/p' "$ROOT/frontline")}"
ROUNDS=5
DURATION=10
WARMUP=20
CONNECTIONS=32
PIDS=()
WORK="$(mktemp -d /tmp/frontline-bench.XXXXXX)"

parse_options() {
	while [ $# -gt 0 ]; do
		case "$1" in
			--rounds) ROUNDS="$2"; shift 2 ;;
			--duration) DURATION="$2"; shift 2 ;;
			--warmup) WARMUP="$2"; shift 2 ;;
			--connections) CONNECTIONS="$2"; shift 2 ;;
			*) echo "usage: $0 [--rounds N] [--duration SECONDS] [--warmup SECONDS] [--connections N]" >&2; exit 2 ;;
		esac
	done
}

cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	if [ -f "$WORK/nginx.pid" ]; then
		kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
	fi
	wait 2>/dev/null || true
}

need() {
	command -v "$1" >/dev/null && return
	echo "Installing $2..."
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

prepare() {
	need wrk wrk
	need curl curl
	if [ ! -f "$ROOT/gateway/target/gateway-$VERSION.jar" ] || [ ! -f "$ROOT/bff-functions/target/bff-functions-$VERSION.jar" ] ||
		[ ! -f "$ROOT/admin-console/target/admin-console-$VERSION.jar" ]; then
		(cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package)
	fi
	stock_jar
	trap cleanup EXIT
}

STOCK_JAR="bench/stock-gateway/target/stock-gateway-$VERSION.jar"

# stock_jar: builds the stock Spring Cloud Gateway (a standalone project, not a module of the
# root pom) if its jar is missing.
stock_jar() {
	if [ ! -f "$ROOT/$STOCK_JAR" ]; then
		(cd "$ROOT" && ./mvnw -B -q -f bench/stock-gateway/pom.xml -DskipTests -Dspring-javaformat.skip=true package)
	fi
}

await_http() {
	local url="$1" expected="${2:-200}" i
	for i in $(seq 1 240); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = "$expected" ] && return 0
		sleep 0.5
	done
	echo "bench: $url did not answer $expected; logs in $WORK" >&2
	exit 1
}

# start_java NAME JAR [ARGS...]: starts a service jar with the platform's JVM settings.
start_java() {
	local name="$1" jar="$2"
	shift 2
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "$ROOT/$jar" "$@" >"$WORK/$name.log" 2>&1 &
	PIDS+=($!)
	echo $! >"$WORK/$name.pid"
}

# rss_mib NAME: the resident memory of a service that start_java started, in MiB.
rss_mib() {
	awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$(cat "$WORK/$1.pid")/status"
}

# start_admin PORT: an admin console without seed routes, its management port PORT+1.
start_admin() {
	start_java admin "admin-console/target/admin-console-$VERSION.jar" --server.port="$1" \
		--management.server.port=$(($1 + 1)) --frontline.data-dir="$WORK/data" --frontline.admin.seed.enabled=false
	await_http "http://127.0.0.1:$(($1 + 1))/actuator/health/readiness"
}

# start_gateway ID PORT ADMIN_PORT [ARGS...]: a gateway watching the given admin console.
start_gateway() {
	local id="$1" port="$2" admin="$3"
	shift 3
	start_java "$id" "gateway/target/gateway-$VERSION.jar" --server.port="$port" \
		--management.server.port=$((port + 1)) --frontline.gateway.id="$id" --frontline.data-dir="$WORK/data" \
		--frontline.gateway.control-plane.uri="http://127.0.0.1:$admin" --logging.level.root=WARN "$@"
}

# start_stock_gateway NAME PORT UPSTREAM_PORT [ARGS...]: the stock Spring Cloud Gateway, forwarding
# /plain/** as is and /secured/** with a JWT (HS256, the local secret) and a Redis rate limit per
# user (127.0.0.1:6379) to the upstream on loopback. Like start_gateway it does not wait, so that
# services start side by side: await_http "http://127.0.0.1:PORT/plain/" before measuring.
start_stock_gateway() {
	local name="$1" port="$2" upstream="$3"
	shift 3
	stock_jar
	start_java "$name" "$STOCK_JAR" --server.port="$port" --upstream="http://127.0.0.1:$upstream" "$@"
}

# add_route ADMIN_PORT ID PATH AUTH_MODE UPSTREAM FUNCTION [EXTRA_JSON_FIELDS]
add_route() {
	curl -s -f -o /dev/null -u admin:admin -H 'Content-Type: application/json' \
		"http://127.0.0.1:$1/api/v1/routes" -d "{\"id\":\"$2\",\"match\":{\"path\":\"$3\",\"methods\":[\"GET\"]},
		\"auth\":{\"mode\":\"$4\"},\"timeout\":\"5s\",\"stable\":{\"uris\":[\"$5\"],\"function\":\"$6\"}${7:+,$7}}" ||
		{ echo "bench: could not create route $2" >&2; exit 1; }
}

# start_nginx PORT [PROXY_PORT]: an upstream on loopback that answers 200 at once and, given
# PROXY_PORT, an nginx reverse proxy to it there, with pooled keep-alive upstream connections.
start_nginx() {
	local proxy=""
	mkdir -p "$WORK/nginx"
	if [ -n "${2:-}" ]; then
		proxy="upstream loopback { server 127.0.0.1:$1; keepalive 64; }
	server {
		listen 127.0.0.1:$2;
		location / { proxy_pass http://loopback; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
	}"
	fi
	cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $WORK/nginx;
	proxy_temp_path $WORK/nginx;
	fastcgi_temp_path $WORK/nginx;
	uwsgi_temp_path $WORK/nginx;
	scgi_temp_path $WORK/nginx;
	server {
		listen 127.0.0.1:$1;
		location / { default_type application/json; return 200 '{"ok":true}'; }
	}
	$proxy
}
CONF
	nginx -c "$WORK/nginx.conf"
}

# measure URL SECONDS CONNECTIONS [TOKEN]: prints "rps p50ms p99ms errors" of one wrk run.
measure() {
	local url="$1" seconds="$2" connections="$3" token="${4:-}" threads=2
	[ "$connections" -lt 2 ] && threads=1
	wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency ${token:+-H "Authorization: Bearer $token"} "$url" |
		awk '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		/^ +50%/ { p50 = ms($2) }
		/^ +99%/ { p99 = ms($2) }
		/Requests\/sec/ { rps = $2 }
		/Non-2xx/ { errors = $5 }
		/Socket errors/ { errors += $4 + $6 + $8 + $10 }
		END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

# run_rounds SCENARIO...: needs functions url_of, token_of and connections_of; warms up,
# then runs every scenario in each round and writes "scenario rps p50 p99 errors" lines.
run_rounds() {
	local scenario round status
	local token
	for scenario in "$@"; do
		token="$(token_of "$scenario")"
		status="$(curl -s -o /dev/null -w '%{http_code}' ${token:+-H "Authorization: Bearer $token"} \
			"$(url_of "$scenario")")"
		[ "$status" = 200 ] || { echo "bench: scenario $scenario answers $status, not 200; logs in $WORK" >&2; exit 1; }
	done
	echo "Warming up (${WARMUP}s a scenario)"
	for scenario in "$@"; do
		measure "$(url_of "$scenario")" "$WARMUP" "$(connections_of "$scenario")" "$(token_of "$scenario")" >/dev/null
	done
	: >"$WORK/results"
	for round in $(seq 1 "$ROUNDS"); do
		for scenario in "$@"; do
			echo "$scenario $(measure "$(url_of "$scenario")" "$DURATION" "$(connections_of "$scenario")" \
				"$(token_of "$scenario")")" | tee -a "$WORK/results" | sed "s/^/  round $round: /"
		done
	done
}

# medians: prints "scenario rps p50 p99 errors" per scenario of the rounds so far, medians of
# the rounds and the sum of errors.
medians() {
	awk '
		function median(list,   n, i, j, t, a) {
			n = split(list, a, " ")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		!($1 in seen) { seen[$1] = 1; order[++n] = $1 }
		{ rps[$1] = rps[$1] " " $2; p50[$1] = p50[$1] " " $3; p99[$1] = p99[$1] " " $4; errors[$1] += $5 }
		END { for (i = 1; i <= n; i++) { s = order[i]; print s, median(rps[s]), median(p50[s]), median(p99[s]), errors[s] } }
	' "$WORK/results"
}

# summarize TITLE SCENARIO...: medians of each scenario and the ratio of its req/s to the
# first's, or to that of scenario $BASE when set.
summarize() {
	local title="$1"
	shift
	echo
	echo "$title: medians of $ROUNDS interleaved rounds of ${DURATION}s, $(nproc) cores, $(date -u +%F)"
	medians | awk -v order="$*" -v base="${BASE:-$1}" '
		{ rps[$1] = $2; p50[$1] = $3; p99[$1] = $4; errors[$1] = $5 }
		END {
			n = split(order, names, " ")
			printf "%-12s %10s %9s %9s %8s %7s\n", "scenario", "req/s", "p50 ms", "p99 ms", "ratio", "errors"
			for (i = 1; i <= n; i++) {
				s = names[i]
				printf "%-12s %10.0f %9.2f %9.2f %8.3f %7d\n", s, rps[s], p50[s], p99[s], rps[s] / rps[base], errors[s]
			}
		}' | tee -a "$WORK/summary"
}
