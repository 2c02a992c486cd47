# SPDX-License-Identifier: GPL-3.0-or-later
# test-icons.sh ICONS_DIR: the icons in data/icons are well-formed SVG of the right
# size, self-contained, installed by data/icons/meson.build, and the symbolic ones
# keep to the subset GTK recolours (filled path, circle and rect).

. "$G_TEST_SRCDIR/tap.sh"

icons=$1

if ! command -v python3 >/dev/null; then
  echo "1..1"
  echo "not ok 1 - python3 is missing: install the python3 package (build-aux/test does)"
  exit 1
fi

# Each icon with the size of its canvas.
expected="hicolor/scalable/apps/io.github.limberapp.Limber.svg 128
hicolor/symbolic/apps/io.github.limberapp.Limber-symbolic.svg 16
hicolor/symbolic/apps/io.github.limberapp.Limber-tray-symbolic.svg 16
hicolor/symbolic/apps/io.github.limberapp.Limber-tray-due-symbolic.svg 16
hicolor/symbolic/apps/io.github.limberapp.Limber-tray-paused-symbolic.svg 16"

# svg_check CHECK FILE: prints what is wrong with FILE on one line, nothing when it is right.
svg_check () {
  python3 - "$@" <<'PY' | paste -sd ';' -
import re
import sys
import xml.etree.ElementTree as ET

check, path = sys.argv[1], sys.argv[2]
SVG = "{http://www.w3.org/2000/svg}"

try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError) as e:
    print(f"not well-formed: {e}")
    sys.exit(0)

def local(name):
    return name.rsplit("}", 1)[-1]

if check == "wellformed":
    if root.tag != SVG + "svg":
        print(f"the root element is {root.tag}, expected an svg element in the SVG namespace")

elif check == "size":
    print(f"viewBox={' '.join(root.get('viewBox', '').replace(',', ' ').split())}"
          f" width={root.get('width', '').removesuffix('px')}"
          f" height={root.get('height', '').removesuffix('px')}")

elif check == "self-contained":
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for el in root.iter():
        tag = local(el.tag)
        if tag in ("image", "script", "foreignObject", "metadata"):
            print(f"has a <{tag}> element")
        if not el.tag.startswith(SVG):
            print(f"has an element outside the SVG namespace: {el.tag}")
        for name, value in el.attrib.items():
            if local(name) == "href" and not value.startswith("#"):
                print(f"<{tag}> refers outside the file: {value[:60]}")
            for target in re.findall(r"url\(\s*['\"]?([^)'\"]*)", value):
                if not target.startswith("#"):
                    print(f"<{tag}> {local(name)} refers outside the file: url({target[:60]})")
            if name.startswith("{") and "w3.org" not in name:
                print(f"<{tag}> has an editor attribute: {name}")
        if tag == "style" and re.search(r"@import|url\(\s*['\"]?[^#'\")]", el.text or ""):
            print("a <style> element refers outside the file")
    for word in ("inkscape:", "sodipodi:", "data:image"):
        if word in text:
            print(f"contains {word}")

elif check == "symbolic":
    for el in root.iter():
        tag = local(el.tag)
        if tag not in ("svg", "g", "path", "circle", "rect", "title", "desc"):
            print(f"<{tag}> is outside the subset GTK recolours (path, circle, rect)")
        if tag in ("path", "circle", "rect"):
            if el.get("stroke", "none") != "none" or "stroke" in el.get("style", ""):
                print(f"<{tag}> is stroked; symbolic icons are filled only")
            if el.get("fill", "#2e3436") not in ("#2e3436", "currentColor"):
                print(f"<{tag}> is filled with {el.get('fill')}, expected #2e3436")
        if el.get("transform") is not None:
            print(f"<{tag}> has a transform, which GTK's symbolic renderer ignores")
PY
}

count=$(printf '%s\n' "$expected" | wc -l)
symbolic=$(printf '%s\n' "$expected" | grep -c -- '-symbolic\.svg ')
tap_plan $(( 1 + 4 * count + symbolic ))

found=$(cd "$icons" && find . -name '*.svg' | sed 's|^\./||' | sort | paste -sd ' ' -)
tap_is "data/icons holds exactly the expected icons" \
  "$found" "$(printf '%s\n' "$expected" | cut -d' ' -f1 | sort | paste -sd ' ' -)"

while read -r file size; do
  name=$(basename "$file")
  path=$icons/$file
  tap_is "$name is well-formed SVG" "$(svg_check wellformed "$path")" ""
  tap_is "$name is a ${size}×${size} canvas" "$(svg_check size "$path")" \
    "viewBox=0 0 $size $size width=$size height=$size"
  tap_is "$name has no bitmap, external reference or editor metadata" \
    "$(svg_check self-contained "$path")" ""
  case $name in
    *-symbolic.svg)
      tap_is "$name is filled path, circle and rect only" "$(svg_check symbolic "$path")" "" ;;
  esac
  tap_ok "$name is installed by data/icons/meson.build" grep -qF "'$file'" "$icons/meson.build"
done <<EOF
$expected
EOF

tap_done
