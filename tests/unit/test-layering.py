#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the layer rule of design.md with the build's real compile commands.

For each layer it takes the compiler command meson uses for one of the layer's
own sources (from compile_commands.json) and compiles a probe file that
includes a forbidden header instead. The probe must fail to compile in
src/core, src/service and src/ctl, and the same probe must compile in
src/app, where GTK is allowed: that control proves the probe itself is sound.
"""

import json
import os
import shlex
import subprocess
import sys
import tempfile

FORBIDDEN = ['gtk/gtk.h', 'adwaita.h', 'gst/gst.h']
LOWER_LAYERS = ['src/core/', 'src/service/', 'src/ctl/']
APP_LAYER = 'src/app/'


def command_for(entries, layer):
    for entry in entries:
        path = os.path.normpath(os.path.join(entry['directory'], entry['file']))
        rel = os.path.relpath(path, source_root)
        if rel.startswith(layer) and rel.endswith('.c') and '-main.c' not in rel:
            args = entry.get('arguments') or shlex.split(entry['command'])
            return entry['directory'], args, entry['file']
    return None


def compile_probe(directory, args, source, header):
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, 'probe.c')
        with open(probe, 'w') as f:
            f.write('#include <%s>\nint limber_probe (void);\nint limber_probe (void) { return 0; }\n' % header)
        out = []
        skip = False
        for arg in args:
            if skip:
                skip = False
                continue
            if arg in ('-o', '-MF', '-MQ'):
                skip = True
                continue
            if arg in ('-MD', '-MMD'):
                continue
            out.append(probe if arg == source else arg)
        out += ['-o', os.path.join(tmp, 'probe.o')]
        result = subprocess.run(out, cwd=directory, capture_output=True, text=True)
        return result.returncode, result.stderr


build_root = sys.argv[1]
source_root = os.environ.get('LIMBER_SOURCE_ROOT',
                             os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
with open(os.path.join(build_root, 'compile_commands.json')) as f:
    entries = json.load(f)

checks = []
for layer in LOWER_LAYERS:
    for header in FORBIDDEN:
        checks.append((layer, header, False))
checks.append((APP_LAYER, 'gtk/gtk.h', True))
checks.append((APP_LAYER, 'adwaita.h', True))
checks.append((APP_LAYER, 'gst/gst.h', True))

print('1..%d' % len(checks))
failed = 0
for n, (layer, header, allowed) in enumerate(checks, 1):
    found = command_for(entries, layer)
    if found is None:
        print('not ok %d - no compile command for %s' % (n, layer))
        failed += 1
        continue
    rc, err = compile_probe(*found, header)
    if allowed:
        good = rc == 0
        what = '%s compiles in %s' % (header, layer)
    else:
        good = rc != 0 and header in err
        what = '#include <%s> fails to compile in %s' % (header, layer)
    print('%s %d - %s' % ('ok' if good else 'not ok', n, what))
    if not good:
        failed += 1
        for line in err.splitlines()[:5]:
            print('# ' + line)

sys.exit(1 if failed else 0)
