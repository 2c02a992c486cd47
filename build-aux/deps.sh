# SPDX-License-Identifier: GPL-3.0-or-later
# deps.sh: the packages Limber needs, and a function that installs the
# missing ones. Sourced by build-aux/run and build-aux/test.
#
# Debian/Ubuntu: missing packages are installed with apt-get (through sudo
# when not root). Elsewhere the list is printed and the script stops.
# Set LIMBER_SKIP_DEPS=1 to skip this step when you manage packages yourself.

# To build and run Limber.
LIMBER_BUILD_DEPS=(
  gcc libc6-dev pkgconf meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libnotify-dev libsqlite3-dev libx11-dev libxext-dev libxss-dev
  libwayland-dev libwayland-bin wayland-protocols
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  appstream desktop-file-utils
)

# To run it with no display: a private X server, bus and notification server,
# and screenshots.
LIMBER_HEADLESS_DEPS=(
  xvfb xauth dbus dbus-x11 dunst imagemagick xdotool libglib2.0-bin
)

# Only for the test suite.
LIMBER_TEST_DEPS=(
  groff-base flatpak-builder
  python3 git
  # The activity sources and session monitors against real desktop parts:
  # Mutter (IdleMonitor, RemoteDesktop input), KWin (the ext-idle-notify-v1
  # compositor in Debian 12, with its fake-input protocol), dbusmock for
  # logind and the session services, x11-utils for xprop and xmessage.
  mutter kwin-wayland plasma-wayland-protocols
  python3-dbusmock python3-gi gir1.2-glib-2.0 gsettings-desktop-schemas x11-utils
  sqlite3  # the history crash test checks the file with its CLI
  # The tray icon against a real watcher and a real tray host:
  # status-notifier-watcher and gtk-sni-tray-standalone.
  haskell-status-notifier-item-utils haskell-gtk-sni-tray-utils
  clang libclang-rt-14-dev
)

# limber_install_deps PACKAGE...: makes sure every PACKAGE is installed.
limber_install_deps () {
  local missing=() pkg sudo=

  if [ "${LIMBER_SKIP_DEPS:-0}" = 1 ]; then
    echo "==> LIMBER_SKIP_DEPS=1: not checking packages"
    return 0
  fi

  if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    echo "This system has no apt-get, so build-aux cannot install what Limber needs." >&2
    echo "Install the equivalents of these Debian packages with your package manager:" >&2
    printf '  %s\n' "$@" | sort -u >&2
    echo "then run again with LIMBER_SKIP_DEPS=1." >&2
    exit 1
  fi

  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "==> Installing ${#missing[@]} missing packages: ${missing[*]}"

  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "Not root and no sudo: install these packages as root, then run again:" >&2
      echo "  apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo=sudo
  fi

  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || { echo "apt-get update failed" >&2; exit 1; }
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    { echo "apt-get install failed" >&2; exit 1; }
}
