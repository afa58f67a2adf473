#!/usr/bin/env bash
# Runs the Node bench on a bare GPU server that has the NVIDIA driver but no Node, no Vulkan
# loader and no network (the device machine of docs/benchmarks-real-gpu.md). Expects, from the
# repo root: .gl/*.deb (Vulkan/GL loaders), .devkit/bin/node.xz (x86-64 node),
# .devkit/bin/webgpu.tar.xz (node_modules/webgpu with dist/linux-x64/dawn.node) and
# .devkit/bundle/ (npx vite build --config scripts/bench-node/vite.config.ts).
# Output: $OUT/bench-h200.txt and $OUT/bench-h200.json (OUT defaults to bench-results).
# BENCH_* variables pass through to the bench (scripts/bench-node/entry.ts).
set -uo pipefail
OUT=${OUT:-bench-results}
B=/tmp/bench-node

# xz may be missing from a minimal image; Python's lzma is the fallback.
unxz_to() { xz -dc "$1" > "$2" 2>/dev/null || python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"; }
probe() { timeout 60 "$B/node" "$B/bundle/probe.mjs"; }

setup() {
  # The device README's loader recipe (BENCH_SKIP_GL=1 skips it where loaders are installed).
  if [ -z "${BENCH_SKIP_GL:-}" ]; then for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig; fi
  mkdir -p "$B"
  unxz_to .devkit/bin/node.xz "$B/node" && chmod +x "$B/node"
  tar xJf .devkit/bin/webgpu.tar.xz -C "$B" 2>/dev/null || python3 -c 'import tarfile,sys; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' .devkit/bin/webgpu.tar.xz "$B"
  rm -rf "$B/bundle" && cp -r .devkit/bundle "$B/bundle"
  # dawn.node needs GLIBCXX_3.4.30 (GCC 12); an older libstdc++ gets the carried one.
  if ! grep -q GLIBCXX_3.4.30 "$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/{print $NF; exit}')" 2>/dev/null && [ -f .devkit/bin/libstdc++.so.6.xz ]; then
    mkdir -p "$B/lib" && unxz_to .devkit/bin/libstdc++.so.6.xz "$B/lib/libstdc++.so.6" && export LD_LIBRARY_PATH="$B/lib"
  fi
}

main() {
  echo "## $(date -u +%FT%TZ) $(uname -srm)"
  nvidia-smi -L
  nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,power.draw,temperature.gpu --format=csv
  ldconfig -p | grep -E 'libvulkan\.so|libGLX_nvidia|libstdc\+\+' | head -5
  echo "node $("$B/node" --version); LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
  # Find a Vulkan driver Dawn can use: the NVIDIA manifest first, then any other one there.
  if ! probe; then
    echo "no hardware adapter with VK_DRIVER_FILES=${VK_DRIVER_FILES:-unset}; trying other manifests"
    ls -la /usr/local/nvidia/share/vulkan/icd.d /etc/vulkan/icd.d /usr/share/vulkan/icd.d 2>&1 | head -20
    cat "$icd" 2>&1 | head -20
    for j in /usr/local/nvidia/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json /usr/share/vulkan/icd.d/*.json; do
      [ -f "$j" ] || continue
      export VK_DRIVER_FILES=$j VK_ICD_FILENAMES=$j
      VK_LOADER_DEBUG=error,warn probe && break
      unset VK_DRIVER_FILES VK_ICD_FILENAMES
    done
  fi
  echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-unset}"
  # A hung readback must not eat the lease: the bench is sized for well under this.
  BENCH_JSON="$OUT/bench-h200.json" timeout "${BENCH_TIMEOUT:-330}" "$B/node" "$B/bundle/entry.mjs"
}

mkdir -p "$OUT"
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -f "$icd" ]; then export VK_DRIVER_FILES=$icd VK_ICD_FILENAMES=$icd; fi
egl=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
if [ -f "$egl" ]; then export __EGL_VENDOR_LIBRARY_FILENAMES=$egl; fi
export XDG_RUNTIME_DIR=/tmp
# Not in a pipeline: setup exports LD_LIBRARY_PATH, which a subshell would lose.
setup >"$OUT/bench-h200.txt" 2>&1
cat "$OUT/bench-h200.txt"
main 2>&1 | tee -a "$OUT/bench-h200.txt"
