# SPDX-License-Identifier: GPL-3.0-or-later
# validate.sh KIND PATH: one TAP check (or a few) of Limber's data files.

. "$G_TEST_SRCDIR/tap.sh"

kind=$1
path=$2

need () {
  # need TOOL PACKAGE
  if ! command -v "$1" >/dev/null; then
    echo "1..1"
    echo "not ok 1 - $1 is missing: install the $2 package (build-aux/test does)"
    exit 1
  fi
}

# check_output DESCRIPTION COMMAND...: passes when COMMAND exits 0; shows its output.
check_output () {
  local description=$1; shift
  local output rc
  output=$("$@" 2>&1); rc=$?
  TAP_COUNT=$((TAP_COUNT + 1))
  if [ $rc -eq 0 ]; then
    echo "ok $TAP_COUNT - $description"
  else
    echo "not ok $TAP_COUNT - $description"
    TAP_FAILED=$((TAP_FAILED + 1))
  fi
  printf '%s\n' "$output" | sed '/^$/d; s/^/# /'
}

case $kind in
  desktop)
    need desktop-file-validate desktop-file-utils
    tap_plan 1
    check_output "desktop-file-validate $(basename "$path")" desktop-file-validate "$path"
    ;;

  metainfo)
    need appstreamcli appstream
    tap_plan 1
    check_output "appstreamcli validate --no-net $(basename "$path")" \
      appstreamcli validate --no-net --explain "$path"
    ;;

  gschema)
    need glib-compile-schemas libglib2.0-bin
    tap_plan 1
    check_output "glib-compile-schemas --strict" glib-compile-schemas --strict --dry-run "$path"
    ;;

  translations)
    # Each language compiles cleanly and is complete against the catalogue
    # the sources make now: nothing untranslated, nothing fuzzy.
    need msgfmt gettext
    languages=$(sed -e 's/#.*//' "$path/LINGUAS" | tr -s ' \n' ' ')
    set -- $languages
    tap_plan $(( 2 * $# + 2 ))
    tap_ok "LINGUAS lists at least one language" test $# -gt 0
    pot=$XDG_RUNTIME_DIR/limber.pot
    make_pot () {
      meson compile -C "$LIMBER_BUILD_ROOT" limber-pot >/dev/null 2>&1 && cp "$path/limber.pot" "$pot"
    }
    tap_ok "the catalogue can be made from the sources" make_pot
    for lang in "$@"; do
      check_output "msgfmt --check $lang.po" \
        msgfmt --check --statistics -o /dev/null "$path/$lang.po"
      merged=$XDG_RUNTIME_DIR/$lang.po
      msgmerge --quiet --no-fuzzy-matching -o "$merged" "$path/$lang.po" "$pot" 2>/dev/null
      stats=$(msgfmt --statistics -o /dev/null "$merged" 2>&1)
      tap_like "$lang is complete ($stats)" "$stats" '^[0-9]+ translated messages\.$'
    done
    ;;

  potfiles)
    # Every file with translatable text is in POTFILES.in, and every file
    # listed there exists, so nothing silently drops out of the catalogue.
    cd "$path" || exit 1
    listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort)
    marked=$( { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(' src --include='*.c';
                grep -rl 'translatable="yes"' src data --include='*.ui';
                ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml; } 2>/dev/null | sort -u)
    missing=$(comm -13 <(printf '%s\n' "$listed") <(printf '%s\n' "$marked"))
    tap_plan 2
    tap_is "every file with translatable text is in po/POTFILES.in" "$missing" ""
    gone=""
    for f in $listed; do [ -e "$f" ] || gone="$gone $f"; done
    tap_is "every file in po/POTFILES.in exists" "$gone" ""
    ;;

  spdx)
    # Every source, script, build and data file carries the licence line.
    cd "$path" || exit 1
    if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
      files=$(git ls-files --cached --others --exclude-standard)
    else
      files=$(find . -type f -not -path './.git/*' -not -path './_build*' | sed 's|^\./||')
    fi
    unlicensed=""
    for f in $files; do
      case $f in
        COPYING|*.png|*.ogg|*.oga|*.wav|*/corpus/*|*.pot) continue ;;
      esac
      [ -f "$f" ] || continue
      head -n 5 "$f" | grep -q 'SPDX-License-Identifier:' || unlicensed="$unlicensed $f"
    done
    tap_plan 1
    tap_is "every file has an SPDX-License-Identifier line" "$unlicensed" ""
    ;;

  man)
    # Each manual page renders with no groff warning.
    need groff groff-base
    shift
    tap_plan $#
    for page in "$@"; do
      check_output "$(basename "$page") renders cleanly" \
        bash -c 'out=$(groff -man -Tutf8 -ww -z "$1" 2>&1); printf "%s" "$out"; [ -z "$out" ]' _ "$page"
    done
    ;;

  *)
    echo "validate.sh: unknown kind $kind" >&2
    exit 2
    ;;
esac

tap_done
