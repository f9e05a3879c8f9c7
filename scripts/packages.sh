#!/usr/bin/env bash
# Debian 12 packages khabar needs; sourced by demo.sh and test.sh. Installs only what is missing.
set -euo pipefail

# libcld2-dev: CLD2 names the language of Arabic-script articles (ur/ar/fa/ps); its library,
# libcld2-0, is also what a built khabar needs at run time.
# libjemalloc-dev: khabar-index allocates with jemalloc (about 15% less CPU than glibc's malloc;
# bench/REPORT.md); the .deb depends on libjemalloc2.
# liblz4-dev: the stored records are LZ4-compressed (common/database/packed_record.h).
# libgmime-3.0-dev: GMime reads e-mail messages and mbox files (the .deb depends on libgmime-3.0-0).
# libcpp-httplib-dev: the HTTP server of `khabar serve` (a shared library in Debian, libcpp-httplib0.11).
KHABAR_BUILD_PACKAGES=(cmake make g++ pkg-config libxapian-dev libicu-dev libarchive-dev libfmt-dev
  nlohmann-json3-dev libcli11-dev libxml2-dev doctest-dev libcld2-dev libjemalloc-dev
  libcpp-httplib-dev liblz4-dev libgmime-3.0-dev git)
KHABAR_RUNTIME_PACKAGES=(libxapian30 libicu72 libarchive13 libfmt9 libxml2 libcld2-0 libjemalloc2
  libcpp-httplib0.11 liblz4-1 libgmime-3.0-0)
# Tests also build archives with the usual tools and check databases with xapian-check.
# tests/install: the .deb is built with cpack (dpkg-shlibdeps from dpkg-dev), installed into a
# debootstrap chroot, and its man page read with man-db; CPack needs `file` for dpkg-shlibdeps.
KHABAR_TEST_PACKAGES=(xapian-tools tar gzip zip unzip xz-utils zstd bzip2 python3 dpkg-dev file
  debootstrap man-db bash-completion zsh)
# tests/browser: the web UI of `khabar serve` driven in Debian's chromium (headless) by
# playwright-core from npm (Node.js and npm come with the machine, not from Debian here);
# fonts-noto-core has Noto Nastaliq Urdu and Noto Naskh Arabic, which the UI's font stack names.
KHABAR_BROWSER_PACKAGES=(chromium fonts-noto-core)
# fuzz/run_ci.sh: clang with libFuzzer and the sanitizer runtimes.
KHABAR_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "khabar: installing ${missing[*]}" >&2
    if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
