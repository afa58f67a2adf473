#!/usr/bin/env bash
# The ablation (./ablation.ts) on the bare GPU server of docs/benchmarks-real-gpu.md, for two
# bundles in one lease: .devkit/bundle-head (HEAD's engine, built from `git archive HEAD` plus
# the ablation files) and .devkit/bundle (the working tree's engine), then the parity check of
# the working tree's engine. Same setup as ./device.sh (loaders, node, Dawn). Carry:
# [".gl", ".devkit/bin", ".devkit/bundle", ".devkit/bundle-head"].
# Output: $OUT/ablation-head.{txt,json}, $OUT/ablation-fix.{txt,json}, $OUT/parity-fix.txt.
set -uo pipefail
OUT=${OUT:-bench-results}
B=/tmp/bench-node
mkdir -p "$OUT" "$B"
unxz_to() { xz -dc "$1" > "$2" 2>/dev/null || python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"; }
for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig
unxz_to .devkit/bin/node.xz "$B/node" && chmod +x "$B/node"
tar xJf .devkit/bin/webgpu.tar.xz -C "$B" 2>/dev/null || python3 -c 'import tarfile,sys; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' .devkit/bin/webgpu.tar.xz "$B"
rm -rf "$B/bundle" "$B/bundle-head" && cp -r .devkit/bundle "$B/bundle" && cp -r .devkit/bundle-head "$B/bundle-head"
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
[ -f "$icd" ] && export VK_DRIVER_FILES=$icd VK_ICD_FILENAMES=$icd
export XDG_RUNTIME_DIR=/tmp
{ echo "## $(date -u +%FT%TZ) $(uname -srm)"; nvidia-smi -L
  nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,power.draw,temperature.gpu --format=csv; } 2>&1 | tee "$OUT/ablation-head.txt"
# Budgets keep the whole command inside the device call's limit even if one part hangs.
ABL_MIN_SECONDS=${ABL_MIN_SECONDS:-0.25} ABL_JSON="$OUT/ablation-head.json" timeout "${ABL_HEAD_TIMEOUT:-125}" "$B/node" "$B/bundle-head/ablation.mjs" 2>&1 | tee -a "$OUT/ablation-head.txt"
ABL_MIN_SECONDS=${ABL_MIN_SECONDS:-0.25} ABL_ONLY=${ABL_FIX_ONLY:-bare,k,k-guards,engine-norec-1,engine-norec-8,engine-rec-1,engine-rec-8} ABL_JSON="$OUT/ablation-fix.json" \
  timeout "${ABL_FIX_TIMEOUT:-45}" "$B/node" "$B/bundle/ablation.mjs" 2>&1 | tee "$OUT/ablation-fix.txt"
BENCH_RUNS=1 BENCH_IMPLS=bare BENCH_MIN_SECONDS=0.05 BENCH_JSON="$OUT/parity-fix.json" timeout 20 "$B/node" "$B/bundle/entry.mjs" 2>&1 | tee "$OUT/parity-fix.txt"
