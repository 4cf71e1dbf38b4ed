#!/usr/bin/env bash
# Images, measured: bash bench/media.sh
#  1. a 24-megapixel JPEG (6000 x 4000, photo-like) made by bench/media/MakeJpeg.java;
#  2. the production jar started as the other benches start it (-Xms224m -Xmx224m, SerialGC), on the embedded
#     PostgreSQL and a media folder of its own;
#  3. the upload timed (sniff, measure, decode subsampled, master copy, placeholder, WebP trial), then the first
#     1280-wide JPEG and WebP renditions, with the process's peak RSS (VmHWM) and the largest heap before a GC;
#  4. wrk (-t2 -c32, loopback) on the 1280-wide JPEG rendition served by the service (a file in its media folder),
#     then by nginx serving the same file.
# Needs root for apt-get (wrk, nginx). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=8093; REF_PORT=8094; DURATION=${BENCH_DURATION:-15s}
WORK=$(mktemp -d /tmp/content-media.XXXX); chmod 755 "$WORK"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
}
APP=; cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
java bench/media/MakeJpeg.java 6000 4000 "$WORK/photo.jpg"
(cd "$WORK" && CONTENT_ADMIN_KEY=bench-admin CONTENT_LIMITS_ENABLED=false QUARKUS_HTTP_PORT=$PORT \
  java -Xms224m -Xmx224m -XX:+UseSerialGC -Xlog:gc:file="$WORK/gc.log" \
  -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1) &
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
APP=$(pgrep -f "Xlog:gc:file=$WORK/gc.log" | head -1)
hwm() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$APP/status"; }
heap() { python3 -c '
import re, sys
best = 0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)M->\d+M\(", line)
    if m: best = max(best, int(m.group(1)))
print(best)' "$WORK/gc.log"; }
rss_idle=$(hwm)
t0=$(date +%s%N)
curl -sf -X POST localhost:$PORT/api/v1/assets -H 'Authorization: Bearer bench-admin' -H 'Content-Type: image/jpeg' \
  --data-binary @"$WORK/photo.jpg" -o "$WORK/asset.json"
t1=$(date +%s%N)
src=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['image']['src'])" "$WORK/asset.json")
webp=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['image']['webpSrcset']; print(s.split(', ')[4].split(' ')[0] if s else '')" "$WORK/asset.json")
curl -sf "localhost:$PORT$src" -o "$WORK/r.jpg"
t2=$(date +%s%N)
[ -n "$webp" ] && curl -sf "localhost:$PORT$webp" -o "$WORK/r.webp"
t3=$(date +%s%N)
rss_made=$(hwm)
file=$(find "$WORK/data/media/renditions" -name 1280.jpg | head -1)
mkdir -p "$WORK/www/media"; cp "$file" "$WORK/www/media/1280.jpg"; chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; keepalive_requests 100000; types { image/jpeg jpg; }
  server { listen $REF_PORT; root $WORK/www; etag on; } }
NGINX
nginx -c "$WORK/nginx.conf"
measure() { wrk -t2 -c32 -d"$DURATION" --latency "$1" 2>&1 | python3 -c '
import re, sys
t = sys.stdin.read()
r = re.search(r"Requests/sec:\s+([\d.]+)", t); m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", t, re.M)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
print(f"{float(r.group(1)):.0f} {p99:.2f}")'; }
wrk -t2 -c32 -d5s "http://localhost:$PORT$src" >/dev/null 2>&1
read -r ours ours99 <<< "$(measure "http://localhost:$PORT$src")"
wrk -t2 -c32 -d5s "http://localhost:$REF_PORT/media/1280.jpg" >/dev/null 2>&1
read -r ref ref99 <<< "$(measure "http://localhost:$REF_PORT/media/1280.jpg")"
ms() { echo $(( ($2 - $1) / 1000000 )); }
printf 'Images, %s (%s cores), 24 MP JPEG (%s KB), -Xmx224m SerialGC:\n\n' "$(date -u +%Y-%m-%d)" "$(nproc)" \
  "$(( $(stat -c %s "$WORK/photo.jpg") / 1024 ))"
printf '| step | time | note |\n|---|---:|---|\n'
printf '| upload: sniff, measure, decode (subsampled), master, placeholder, WebP trial | %s ms | |\n' "$(ms $t0 $t1)"
printf '| first 1280-wide JPEG rendition | %s ms | %s KB |\n' "$(ms $t1 $t2)" "$(( $(stat -c %s "$WORK/r.jpg") / 1024 ))"
[ -n "$webp" ] && printf '| first 1280-wide WebP rendition | %s ms | %s KB |\n' "$(ms $t2 $t3)" \
  "$(( $(stat -c %s "$WORK/r.webp") / 1024 ))"
printf '| peak RSS: idle / after all of it | %s MB / %s MB | largest heap before a GC: %s MB of 224 |\n' \
  "$rss_idle" "$rss_made" "$(heap)"
printf '\n| serving the cached 1280-wide JPEG | req/s | p99 ms |\n|---|---:|---:|\n'
printf '| this service | %s | %s |\n| nginx, the same file | %s | %s |\n| ratio | %s%% | |\n' \
  "$ours" "$ours99" "$ref" "$ref99" "$(( ref > 0 ? ours * 100 / ref : 0 ))"
