# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` into a staging folder gives a tree that runs: the three
# executables answer from there, and every file the Flatpak manifest, the
# desktop file and the D-Bus service files point to is installed.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 14

stage=$XDG_RUNTIME_DIR/stage
meson install -C "$LIMBER_BUILD_ROOT" --no-rebuild --quiet --destdir "$stage" >"$XDG_RUNTIME_DIR/install.log" 2>&1
tap_is "meson install --destdir succeeds" "$?" 0

prefix=$(meson introspect "$LIMBER_BUILD_ROOT" --buildoptions | python3 -c \
  "import json,sys; print(next(o['value'] for o in json.load(sys.stdin) if o['name']=='prefix'))")
root=$stage$prefix
export GSETTINGS_SCHEMA_DIR=$root/share/glib-2.0/schemas
glib-compile-schemas "$GSETTINGS_SCHEMA_DIR"

run_capture r "$root/bin/limberctl" --version
tap_like "limberctl --version runs from the staging tree" "$r_out" '^limberctl [0-9]'
run_capture r "$root/bin/limberd" --version
tap_like "limberd --version runs from the staging tree" "$r_out" '^limberd [0-9]'
run_capture r "$root/bin/limber" --help
tap_like "limber --help runs from the staging tree" "$r_out" 'Guided stretch sessions'

for f in "share/applications/$LIMBER_APP_ID.desktop" "share/metainfo/$LIMBER_APP_ID.metainfo.xml" \
         "share/icons/hicolor/scalable/apps/$LIMBER_APP_ID.svg" \
         "share/icons/hicolor/symbolic/apps/$LIMBER_APP_ID-symbolic.svg" \
         "share/glib-2.0/schemas/io.github.limberapp.Limber.gschema.xml" \
         "share/man/man1/limberctl.1"; do
  tap_ok "$f is installed" test -f "$root/$f"
done

# D-Bus service files: named after the app id (so Flatpak exports them) and
# their Exec points at an installed program.
for name in "$LIMBER_APP_ID" "$LIMBER_SERVICE_NAME"; do
  file=$root/share/dbus-1/services/$name.service
  exec_path=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$file" 2>/dev/null)
  tap_ok "$name.service points at an installed program" test -x "$stage$exec_path"
done

tap_ok "the bundled routines are installed" bash -c "ls '$root/share/limber/routines/'*.xml >/dev/null"
desktop_icon=$(sed -n 's/^Icon=//p' "$root/share/applications/$LIMBER_APP_ID.desktop")
tap_ok "the desktop file's icon is installed" test -f "$root/share/icons/hicolor/scalable/apps/$desktop_icon.svg"
tap_done
