#!/usr/bin/env bash
# Where each request's CPU goes: bash bench/profile/cpu-per-request.sh service|floor <database> <paths dir> <warm-up s> <scenario…>
#
# Starts the production jar (response cache off) or the framework floor on <database> (made by bench/run.sh), warms
# it up as bench/run.sh does (its scenarios in turns for <warm-up s>: bench/README.md, "Warm-up: the JIT on two
# cores"), then measures each scenario for 15 s after 8 s of warm-up and prints req/s, p99, and CPU per request: the
# JVM's process, every PostgreSQL process, and the whole machine (wrk included), read from /proc. <paths dir> is a
# bench_<n> folder of a bench/run.sh work directory (its <s>.paths and <s>.floor files). Run it on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
KIND=$1 DB=$2 PATHS=$3; shift 3
. bench/lib.sh
JIT_WARMUP=$1; shift
PORT=8099
LOG=$(mktemp /tmp/cpu-per-request.XXXX)
if [ "$KIND" = service ]; then
  launch_service "$DB" false $PORT "$LOG"
  SUFFIX=paths READY=/q/health/ready
else
  launch_floor "$DB" $PORT "$LOG"
  SUFFIX=floor READY="/floor/articles?limit=1"
fi
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT$READY" > /dev/null 2>&1 && break; sleep 0.5; done
files=()
for s in "$@"; do files+=("$PATHS/$s.$SUFFIX"); done
warm_jvm $PORT "${files[@]}"
pg_cpu() { local t=0 p; for p in $(pgrep -u postgres); do t=$(( t + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
for s in "$@"; do
  file="$PATHS/$s.$SUFFIX"
  measure $PORT "$file" 8s > /dev/null
  j0=$(awk '{print $14+$15}' "/proc/$PID/stat"); p0=$(pg_cpu); m0=$(busy)
  # wrk's own output: the CPU is divided by its count of requests
  out=$(wrk -t2 -c32 -d15s --latency -s "$(wrk_script "$file")" "http://localhost:$PORT" -- "$file")
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
