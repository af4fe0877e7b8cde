#!/usr/bin/env bash
# Install the Debian packages that Qt (and Python's venv) need, if any are missing.
# Usage: scripts/ensure-system-deps.sh run|test|xvfb
# Installs as root or with password-less sudo; otherwise prints the one apt-get line to run.
set -euo pipefail

# Qt's widgets on any platform plugin, a font to draw text with, and for speech: PulseAudio,
# GSSAPI (QtTextToSpeech pulls in QtNetwork, which links it) and XRandR (the FFmpeg media plugin).
qt_libs="libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core libpulse0 libgssapi-krb5-2 libxrandr2"
# Qt's X11 (xcb) plugin, for a real window.
x11_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
# A virtual screen, for screenshots of the real window on a machine without one.
xvfb_tools="xvfb xauth"

case "${1:-test}" in
  run) wanted="$qt_libs $x11_libs" ;;
  test) wanted="$qt_libs" ;;
  xvfb) wanted="$qt_libs $x11_libs $xvfb_tools" ;;
  *) echo "usage: $0 run|test|xvfb" >&2; exit 2 ;;
esac

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  wanted="python3 $wanted"
  python=python3
fi
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  wanted="python3-venv $wanted"
fi
command -v make >/dev/null 2>&1 || wanted="make $wanted"
# A C compiler and Python's headers, for the compiled scorer (setup.py). Without them the
# install still works and the scorer runs as plain Python, about a third slower.
command -v cc >/dev/null 2>&1 || wanted="gcc $wanted"
if ! "$python" -c 'import os, sysconfig; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' >/dev/null 2>&1; then
  wanted="python3-dev $wanted"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-based system: make sure Qt 6's runtime libraries are installed." >&2
  exit 0
fi

missing=""
for package in $wanted; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

line="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "listen-drill needs these system packages:$missing" >&2
  echo "Install them with:  sudo apt-get update && sudo $line" >&2
  exit 1
fi
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
# shellcheck disable=SC2086
if ! { $sudo apt-get update -qq && $sudo $line -qq; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "Installing system packages failed; run by hand: sudo apt-get update && sudo $line" >&2
  exit 1
fi
rm -f "$log"
