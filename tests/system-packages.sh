#!/bin/sh
# Installs the system programs the screen-reader tests listen through (tests/readers):
# Orca on a virtual X display (with espeak-ng, also used alone by tests/test_urgent_speech.py
# to time how soon the urgent-help number is heard), and Fenrir unpacked into .readers/fenrir (not installed:
# an installed Fenrir registers a service that would take over a machine's console).
# yasr (a small PTY reader) is the third reader; it speaks through a stub speech server.
# strace drives tests/test_strace_faults.py and tests/test_strace_open_faults.py (a kill and
# an error at each system call).
# Safe to run again: when everything is there it only checks, and says nothing.
# Run as root on Debian 12 or newer; elsewhere it says what to install and exits 0.
set -u

packages="orca espeak-ng xvfb dbus-x11 at-spi2-core xfce4-terminal xdotool python3-pyatspi
  python3-daemonize python3-dbus python3-evdev python3-pexpect python3-pkg-resources
  python3-pyte python3-pyudev python3-xdg yasr strace"
root=$(cd "$(dirname "$0")/.." && pwd)
fenrir_dir="$root/.readers/fenrir"
fenrir="$fenrir_dir/usr/bin/fenrir"

# shellcheck disable=SC2086
installed=" $(dpkg-query -W -f '${Package} ${Status}\n' $packages 2>/dev/null \
    | sed -n 's/ install ok installed$//p' | tr '\n' ' ')"
missing=""
for package in $packages; do
    case "$installed" in
        *" $package "*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && [ -f "$fenrir" ] && [ -e "$fenrir_dir/usr/lib/python3/config" ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "The screen-reader tests will be skipped: as root on Debian, run 'sh tests/system-packages.sh' (it installs${missing:- nothing more} and unpacks Fenrir into .readers/fenrir)."
    exit 0
fi

give_up() {
    echo "Could not install the screen readers ($1); the screen-reader tests will be skipped." >&2
    [ "${SPMS_REQUIRE_READERS:-}" = 1 ] && exit 1
    exit 0
}

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || give_up "apt-get update failed"
if [ -n "$missing" ]; then
    echo "Installing the screen readers for the tests:$missing"
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null \
        || give_up "apt-get install failed"
fi
if [ ! -f "$fenrir" ]; then
    download=$(mktemp -d)
    chmod 777 "$download"
    (cd "$download" && apt-get download -qq fenrir >/dev/null 2>&1) \
        || { rm -rf "$download"; give_up "apt-get download fenrir failed"; }
    mkdir -p "$fenrir_dir"
    dpkg -x "$download"/fenrir_*.deb "$fenrir_dir" || give_up "dpkg -x failed"
    rm -rf "$download"
fi
# Unpacked, Fenrir looks for its keymaps and punctuation beside its Python package.
[ -e "$fenrir_dir/usr/lib/python3/config" ] \
    || ln -s ../../../etc/fenrirscreenreader "$fenrir_dir/usr/lib/python3/config"
