# What bench/run.sh and bench/profile/cpu-per-request.sh share: how a JVM under test is started, warmed up and
# measured. Sourced from the repository's root.

JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms224m -Xmx224m -XX:+UseSerialGC -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
# each JVM (service, floor) first runs its own scenarios for this long in all, in turns, before any is measured: on
# 2 cores the JIT compiles while wrk and PostgreSQL take the CPU, and the service serving its mix is still getting
# faster after 6 minutes of load (bench/README.md, "Warm-up: the JIT on two cores")
JIT_WARMUP=${BENCH_JIT_WARMUP:-480}
JIT_TURN=24

launch_service() { # $1 database, $2 response cache true/false, $3 port, $4 log file: the production jar, in the background
  CONTENT_HTTP_RESPONSE_CACHE_ENABLED=$2 CONTENT_LIMITS_ENABLED=false \
  CONTENT_PAGING_CURSOR_SECRET=bench-cursor-secret-0123456789abcdef0123456789 \
  CONTENT_WEBHOOKS_SECRET_KEY=bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$1" \
  QUARKUS_DATASOURCE_USERNAME=bench QUARKUS_DATASOURCE_PASSWORD=bench QUARKUS_HTTP_PORT=$3 \
    java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$4" 2>&1 &
}

launch_floor() { # $1 database, $2 port, $3 log file: the framework floor, with the service's JVM flags, in the background
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$1" \
  QUARKUS_DATASOURCE_USERNAME=bench QUARKUS_DATASOURCE_PASSWORD=bench QUARKUS_HTTP_PORT=$2 \
    java $JAVA_OPTS -jar bench/floor/target/quarkus-app/quarkus-run.jar > "$3" 2>&1 &
}

wrk_script() { # $1 paths file: the wrk script that requests it (searches carry their own)
  if [[ "$1" == *e.paths ]]; then echo bench/wrk/search.lua; else echo bench/wrk/paths.lua; fi
}

measure() { # $1 port, $2 paths file, $3 duration; prints "req/s p50 p99" (ms)
  wrk -t2 -c32 -d"$3" --latency -s "$(wrk_script "$2")" "http://localhost:$1" -- "$2" 2>&1 | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s+" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m: return float("nan")
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
p50, p99 = ms("50%"), ms("99%")
throughput = float(rps.group(1)) if rps else 0
failed = errors.group(1) if errors else 0
print(f"{throughput:.0f} {p50:.2f} {p99:.2f} {failed}")'
}

warm_jvm() { # $1 port, $2… path files: JIT_WARMUP seconds of load, JIT_TURN seconds of each in turn (a mix, as
  # production serves), results thrown away
  local port=$1; shift
  local left=$JIT_WARMUP turn
  while [ "$left" -gt 0 ]; do
    for paths in "$@"; do
      turn=$(( left < JIT_TURN ? left : JIT_TURN ))
      [ "$turn" -gt 0 ] || break
      measure "$port" "$paths" "${turn}s" > /dev/null
      left=$(( left - turn ))
    done
  done
}
