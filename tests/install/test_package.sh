#!/usr/bin/env bash
# The package a user installs: `cpack -G DEB` builds khabar_VERSION_ARCH.deb; its files are checked
# one by one (a DESTDIR install and the package's own list), then it is installed with apt into a
# fresh Debian 12 debootstrap chroot, where `khabar index` indexes the sample, `khabar search`
# finds it, `man khabar` shows the page and the bash completion loads; `apt-get purge` must then
# leave none of its files behind.
# Usage: test_package.sh BUILD_DIR SOURCE_DIR. Prints SKIPPED (exit 0) for what cannot run here:
# not root, no debootstrap, or no Debian mirror reachable.
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
work="$build/tests/tmp/package"
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The .deb, named as Debian names packages, with Depends from dpkg-shlibdeps.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")/\1/p' "$build/CPackConfig.cmake")
deb="$work/out/khabar_${version}_$(dpkg --print-architecture).deb"
[[ -f $deb ]] || fail "no $deb (cpack made: $(ls "$work/out"))"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libxapian30 libicu72 libarchive13 libjemalloc2 libcld2-0 libc6; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

# 2. Every file where a user expects it, in the package and in a DESTDIR install from cmake.
expected=(./usr/bin/khabar ./usr/bin/khabar-index ./usr/share/man/man1/khabar.1.gz
  ./usr/share/bash-completion/completions/khabar ./usr/share/zsh/vendor-completions/_khabar
  ./usr/share/doc/khabar/README.md ./usr/share/doc/khabar/copyright)
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/deb-files"
for f in "${expected[@]}"; do grep -qx "$f" "$work/deb-files" || fail "package lacks $f"; done
DESTDIR="$work/destdir" cmake --install "$build" --prefix /usr >/dev/null
for f in "${expected[@]}"; do [[ -f "$work/destdir/${f#./}" ]] || fail "cmake --install lacks $f"; done
"$work/destdir/usr/bin/khabar" --version | grep -q '^khabar ' || fail "installed khabar --version"
echo "package and DESTDIR install: ${#expected[@]} files checked"

# 3. A fresh Debian 12: apt installs the .deb and its dependencies; the tool works; purge cleans.
if [[ $(id -u) -ne 0 ]] || ! command -v debootstrap >/dev/null; then
  echo "SKIPPED: chroot install test (needs root and debootstrap)"; exit 0
fi
mirror=${KHABAR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=/var/tmp/khabar-bookworm-minbase.tar.gz   # a pristine chroot, reused by later runs
root="$work/chroot"
if [[ ! -s $cache ]]; then
  if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -5 "$work/debootstrap.log"
    echo "SKIPPED: chroot install test (debootstrap from $mirror failed; log above)"; exit 0
  fi
  tar -C "$root" -czf "$cache.tmp" . && mv "$cache.tmp" "$cache"
else
  mkdir -p "$root" && tar -C "$root" -xzf "$cache"
fi
cleanup() { umount "$root/proc" 2>/dev/null || true; }
trap cleanup EXIT
mount -t proc proc "$root/proc"   # khabar finds khabar-index through /proc/self/exe
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
cp "$src/testdata/sample-news.tar.gz" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 bash -c "$1"; }
in_root "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db ./tmp/$(basename "$deb")" \
  >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get install ./$(basename "$deb") in the chroot"; }
in_root "dpkg -L khabar" >"$work/installed-files"
in_root "khabar --version" | tee "$work/version.txt"
grep -q "jemalloc" "$work/version.txt" || fail "--version does not name jemalloc"
in_root "khabar index --db /tmp/news.db /tmp/sample-news.tar.gz" >"$work/index.log" 2>&1 ||
  { cat "$work/index.log"; fail "khabar index of the sample in the chroot"; }
hits=$(in_root "khabar search --db /tmp/news.db --count cocoa")
[[ $hits -gt 0 ]] || fail "khabar search --count cocoa: '$hits'"
in_root "khabar-index --version | grep -q 'allocator: jemalloc'" || fail "khabar-index does not run with jemalloc"
in_root "MANPAGER=cat MANWIDTH=80 man khabar" >"$work/man.txt" 2>&1 || { cat "$work/man.txt"; fail "man khabar"; }
grep -q "EXIT STATUS" "$work/man.txt" || fail "man khabar has no EXIT STATUS"
completion=$(in_root "source /usr/share/bash-completion/completions/khabar && COMP_WORDS=(khabar search --so) COMP_CWORD=2 && _khabar && echo \${COMPREPLY[*]}")
[[ $completion == "--sort" ]] || fail "bash completion of 'khabar search --so': '$completion'"
echo "chroot: installed, indexed the sample ($hits hits for cocoa), man page and completion work"
in_root "DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq khabar" >>"$work/apt.log" 2>&1 || fail "apt-get purge khabar"
left=0
while read -r f; do
  [[ -f "$root$f" || -L "$root$f" ]] && { echo "left behind: $f"; left=1; }
done <"$work/installed-files"
[[ -e "$root/usr/share/doc/khabar" ]] && { echo "left behind: /usr/share/doc/khabar"; left=1; }
((left == 0)) || fail "files left after apt-get purge khabar"
echo "purge: none of the package's $(wc -l <"$work/installed-files") paths left"
echo "1 passed, 0 failed"
