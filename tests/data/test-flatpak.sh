# SPDX-License-Identifier: GPL-3.0-or-later
# Offline checks of the Flatpak manifest: flatpak-builder parses it with no
# unknown property, every finish-arg is one of the justified ones below
# (each has its reason in a comment in the manifest), there is no home or
# host filesystem access, and every module's archive is pinned by sha256.

. "$G_TEST_SRCDIR/tap.sh"

manifest=$1

# The justified permissions; the manifest says why for each.
allowed="--share=ipc
--socket=wayland
--socket=fallback-x11
--device=dri
--socket=pulseaudio
--talk-name=org.gnome.Mutter.IdleMonitor
--talk-name=org.kde.StatusNotifierWatcher
--talk-name=org.gnome.ScreenSaver
--talk-name=org.freedesktop.ScreenSaver
--talk-name=org.gnome.SessionManager
--system-talk-name=org.freedesktop.login1"

if ! command -v flatpak-builder >/dev/null; then
  echo "1..1"
  echo "not ok 1 - flatpak-builder is missing: install the flatpak-builder package (build-aux/test does)"
  exit 1
fi

tap_plan 6

# flatpak-builder is not ours: run it without the tests' GLib debugging.
out=$(env -u G_DEBUG -u G_ENABLE_DIAGNOSTIC flatpak-builder --show-manifest "$manifest" 2>"$XDG_RUNTIME_DIR/show-manifest.err")
rc=$?
err=$(cat "$XDG_RUNTIME_DIR/show-manifest.err")
tap_is "flatpak-builder --show-manifest parses it" "$rc" 0
tap_is "with no warning (no unknown property)" "$err" ""

json () { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }

args=$(json 'print("\n".join(d.get("finish-args", [])))')
extra=$(comm -23 <(printf '%s\n' "$args" | sort) <(printf '%s\n' "$allowed" | sort))
tap_is "every finish-arg is a justified one" "$extra" ""
tap_is "no filesystem access at all" "$(printf '%s\n' "$args" | grep -c -- '--filesystem')" 0
tap_is "the app's command is limber" "$(json 'print(d["command"])')" limber
unpinned=$(json '
for m in d["modules"]:
    for s in m.get("sources", []):
        if s.get("type") == "archive" and len(s.get("sha256", "")) != 64:
            print(m["name"])')
tap_is "every downloaded archive is pinned by sha256" "$unpinned" ""

tap_done
