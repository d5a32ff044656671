#!/bin/sh
# check_deb.sh BUILD_DIR -- the Debian package `make deb` builds (CPack):
# it installs the binary, the man page and the examples under /usr, and
# removing it removes them.  dpkg works on a temporary root with a dpkg
# database of its own (--root), so the machine's packages are untouched.
set -u
build=$1
for tool in cpack dpkg dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "FAIL: needs $tool (apt-get install cmake dpkg)"; exit 1; }
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
    { echo "FAIL: cpack"; cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/out/minish_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no minish_*.deb"; cat "$tmp/cpack.log"; exit 1; }
dpkg-deb -f "$deb" Package Version Architecture Depends
dpkg-deb -c "$deb" | grep '\./usr/bin/minish$' >/dev/null || { echo "FAIL: no /usr/bin/minish in the package"; fail=1; }

# an empty dpkg database in a temporary root
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: > "$root/var/lib/dpkg/status"
# --force-depends: the temporary database has no libc6 to depend on
dpkg="dpkg --root=$root --force-not-root --force-depends --force-script-chrootless --log=/dev/null"
$dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { echo "FAIL: dpkg -i"; cat "$tmp/dpkg.log"; exit 1; }
$dpkg -s minish | grep -q '^Status: install ok installed' || { echo "FAIL: dpkg -s after -i"; fail=1; }
[ -x "$root/usr/bin/minish" ] && "$root/usr/bin/minish" -c 'echo installed' | grep -q '^installed$' ||
    { echo "FAIL: /usr/bin/minish does not run"; fail=1; }
[ -f "$root/usr/share/man/man1/minish.1" ] || { echo "FAIL: no man page"; fail=1; }
ls "$root"/usr/share/doc/minish/examples/*.sh >/dev/null 2>&1 || { echo "FAIL: no examples"; fail=1; }

$dpkg -r minish >"$tmp/dpkg.log" 2>&1 || { echo "FAIL: dpkg -r"; cat "$tmp/dpkg.log"; exit 1; }
left=$(find "$root" ! -type d ! -path "$root/var/lib/dpkg/*")
[ -z "$left" ] || { echo "FAIL: dpkg -r left:"; echo "$left"; fail=1; }

[ "$fail" = 0 ] && echo "deb ok"
exit "$fail"
