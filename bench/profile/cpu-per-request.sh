#!/usr/bin/env bash
# Where each request's CPU goes: bash bench/profile/cpu-per-request.sh service|floor <database> <paths dir> <warm-up s> <scenario…>
#
# Starts the production jar (response cache off) or the framework floor on <database> (made by bench/run.sh), loads
# it with its scenarios in 24 s turns for <warm-up s> (the JIT; bench/README.md, "Warm-up: the JIT on two cores"),
# then measures each scenario for 15 s after 8 s of warm-up and prints req/s, p99, and CPU per request: the JVM's
# process, every PostgreSQL process, and the whole machine (wrk included), read from /proc. <paths dir> is a
# bench_<n> folder of a bench/run.sh work directory (its <s>.paths and <s>.floor files). Run it on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
KIND=$1 DB=$2 PATHS=$3 WARM=$4; shift 4
PORT=8099
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB" QUARKUS_DATASOURCE_USERNAME=bench \
  QUARKUS_DATASOURCE_PASSWORD=bench QUARKUS_HTTP_PORT=$PORT
JAVA_OPTS="-Xms224m -Xmx224m -XX:+UseSerialGC -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"
LOG=$(mktemp /tmp/cpu-per-request.XXXX)
if [ "$KIND" = service ]; then
  CONTENT_HTTP_RESPONSE_CACHE_ENABLED=false CONTENT_LIMITS_ENABLED=false QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false \
  CONTENT_PAGING_CURSOR_SECRET=bench-cursor-secret-0123456789abcdef0123456789 \
  CONTENT_WEBHOOKS_SECRET_KEY=bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= \
    java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$LOG" 2>&1 &
  SUFFIX=paths READY=/q/health/ready
else
  java $JAVA_OPTS -jar bench/floor/target/quarkus-app/quarkus-run.jar > "$LOG" 2>&1 &
  SUFFIX=floor READY="/floor/articles?limit=1"
fi
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT$READY" > /dev/null 2>&1 && break; sleep 0.5; done
script() { [ "$1" = e ] && echo bench/wrk/search.lua || echo bench/wrk/paths.lua; }
load() { wrk -t2 -c32 -d"$2" --latency -s "$(script "$1")" "http://localhost:$PORT" -- "$PATHS/$1.$SUFFIX"; }
pg_cpu() { local t=0 p; for p in $(pgrep -u postgres); do t=$(( t + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
left=$WARM
while [ "$left" -gt 0 ]; do
  for s in "$@"; do [ "$left" -gt 0 ] || break; load "$s" 24s > /dev/null; left=$(( left - 24 )); done
done
for s in "$@"; do
  load "$s" 8s > /dev/null
  j0=$(awk '{print $14+$15}' "/proc/$PID/stat"); p0=$(pg_cpu); m0=$(busy)
  out=$(load "$s" 15s)
  j1=$(awk '{print $14+$15}' "/proc/$PID/stat"); p1=$(pg_cpu); m1=$(busy)
  python3 - "$s" "$j0" "$j1" "$p0" "$p1" "$m0" "$m1" "$(getconf CLK_TCK)" "$out" <<'PY'
import re, sys
s, *ticks, hz, out = sys.argv[1:]
j0, j1, p0, p1, m0, m1 = map(int, ticks)
ms = 1000 / int(hz)
requests = int(re.search(r"(\d+) requests in", out).group(1))
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p99 = re.search(r"99%\s+(\S+)", out).group(1)
print(f"{s}: {rate:.0f} req/s, p99 {p99}; CPU ms per request: JVM {(j1 - j0) * ms / requests:.3f}, "
      f"PostgreSQL {(p1 - p0) * ms / requests:.3f}, machine {(m1 - m0) * ms / requests:.3f}")
PY
done
