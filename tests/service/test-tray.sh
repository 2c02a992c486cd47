# SPDX-License-Identifier: GPL-3.0-or-later
# The tray icon (LimberTray, through tray-probe) against a real
# StatusNotifierWatcher (status-notifier-watcher) and a real tray host
# (gtk-sni-tray-standalone): registration with and without a watcher, the
# item's properties, the dbusmenu layout and its events, the signals sent
# on a change (and only then), "host-present", the watcher restarting,
# hiding the icon, and the Background portal's status line.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
. "$G_TEST_SRCDIR/service/tray-lib.sh"
tap_plan 58

export LIMBER_ICON_THEME_PATH="$LIMBER_SOURCE_ROOT/data/icons"
icon=io.github.limberapp.Limber-tray

# The menu as GetLayout prints it: mi ID LABEL ENABLED VISIBLE, ms ID.
mi () { printf "<(%s, {'label': <'%s'>, 'enabled': <%s>, 'visible': <%s>}, @av [])>" "$@"; }
ms () { printf "<(%s, {'type': <'separator'>, 'enabled': <true>, 'visible': <true>}, @av [])>" "$1"; }
# layout REVISION FIRST_LINE RESUME_VISIBLE
layout () {
  printf "(uint32 %s, (0, {'children-display': <'submenu'>}, [%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s]))" \
    "$1" "$(mi 1 "$2" false true)" "$(ms 2)" \
    "$(mi 3 '_Start Stretches Now' true true)" "$(mi 4 '_Micro-Break Now' true true)" \
    "<(5, {'label': <'_Pause'>, 'enabled': <true>, 'visible': <true>, 'children-display': <'submenu'>}, [$(mi 6 '_30 Minutes' true true), $(mi 7 '1 _Hour' true true), $(mi 8 'Until _Tomorrow' true true)])>" \
    "$(mi 9 _Resume true "$3")" "$(ms 10)" \
    "$(mi 11 '_Open Limber' true true)" "$(mi 12 'Pr_eferences' true true)" "$(ms 13)" \
    "$(mi 14 _Quit true true)"
}

# activations NAME: the actions the probe reported, space-separated.
activations () { sed -n 's/^activate //p' "$WORK_DIR/$1.out" | paste -sd ' ' -; }

# --- No watcher yet -----------------------------------------------------

start_probe probe 7 tray --title="Next stretch in 23 min" --line="Sitting for 27 min"
name=$(probe_bus_name tray)
tap_ok "the probe exports a tray icon with no StatusNotifierWatcher on the bus" test -n "$name"
tap_ok "it says that there is no watcher" \
  wait_for_line "$WORK_DIR/tray.err" 'No StatusNotifierWatcher on the session bus'
probe_do 7 tray title "Next stretch in 23 min"
tap_is "it logs nothing else" "$(wc -l <"$WORK_DIR/tray.err")" 1
tap_is "it is not registered" "$(count_lines "$WORK_DIR/tray.out" '^registered true')" 0

# --- A watcher appears ----------------------------------------------------

tap_ok "status-notifier-watcher owns $WATCHER" start_watcher 1
tap_ok "the item registers once the watcher appears" \
  wait_for_line "$WORK_DIR/tray.out" '^registered true'
tap_ok "RegisteredStatusNotifierItems lists it" eventually is_registered "$name"
tap_is "under the unique name of its connection" "$(item_of "$name")" "$name"
tap_is "and it still logged only the one line" "$(wc -l <"$WORK_DIR/tray.err")" 1

# --- The item's properties ------------------------------------------------

tap_is "Status is Active" "$(item_get "$name" Status)" "(<'Active'>,)"
tap_is "IconName is the normal tray icon" "$(item_get "$name" IconName)" "(<'$icon-symbolic'>,)"
tap_is "AttentionIconName is the due icon" \
  "$(item_get "$name" AttentionIconName)" "(<'$icon-due-symbolic'>,)"
tap_is "ToolTip has the title and line" "$(item_get "$name" ToolTip)" \
  "(<('', @a(iiay) [], 'Next stretch in 23 min', 'Sitting for 27 min')>,)"
tap_is "IconThemePath comes from LIMBER_ICON_THEME_PATH" \
  "$(item_get "$name" IconThemePath)" "(<'$LIMBER_ICON_THEME_PATH'>,)"
all=$(gdbus call --session --dest "$name" --object-path /StatusNotifierItem \
        --method org.freedesktop.DBus.Properties.GetAll org.kde.StatusNotifierItem 2>&1)
tap_like "Category is ApplicationStatus" "$all" "'Category': <'ApplicationStatus'>"
tap_like "Id is the app id" "$all" "'Id': <'$LIMBER_APP_ID'>"
tap_like "Menu points at the dbusmenu object and ItemIsMenu is false" "$all" \
  "'Menu': <objectpath '/MenuBar'>, 'ItemIsMenu': <false>"
tap_like "WindowId is 0" "$all" "'WindowId': <0>"

# --- The menu -------------------------------------------------------------

tap_is "GetLayout 0 -1 [] gives the whole menu" \
  "$(menu_call "$name" GetLayout 0 -1 '[]')" "$(layout 0 'Next stretch in 23 min' false)"
tap_is "GetLayout honours a depth of 0 and a property filter" \
  "$(menu_call "$name" GetLayout 5 0 "['label']")" "(uint32 0, (5, {'label': <'_Pause'>}, @av []))"
one_level=$(menu_call "$name" GetLayout 0 1 "['visible']")
depth_one () {
  printf '%s' "$one_level" | grep -qF "<(5, {'visible': <true>}, @av [])>" &&
    ! printf '%s' "$one_level" | grep -qF '(6,'
}
tap_ok "GetLayout with a depth of 1 leaves the submenu's items out" depth_one
tap_is "GetGroupProperties gives the asked properties of the known ids" \
  "$(menu_call "$name" GetGroupProperties '[1, 9, 42]' "['label', 'visible']")" \
  "([(1, {'label': <'Next stretch in 23 min'>, 'visible': <true>}), (9, {'label': <'_Resume'>, 'visible': <false>})],)"
tap_is "GetProperty reads one property" "$(menu_call "$name" GetProperty 1 enabled)" "(<false>,)"
tap_is "the menu's Version, TextDirection and Status" \
  "$(for p in Version TextDirection Status; do
       gdbus call --session --dest "$name" --object-path /MenuBar \
         --method org.freedesktop.DBus.Properties.Get com.canonical.dbusmenu $p
     done | paste -sd ' ' -)" "(<uint32 3>,) (<'ltr'>,) (<'normal'>,)"

menu_call "$name" Event 6 clicked '<0>' 0 >/dev/null
tap_ok "a click on Pause ▸ 30 Minutes activates pause-30m" \
  wait_for_line "$WORK_DIR/tray.out" '^activate pause-30m$'
# The disabled first line, the Pause submenu itself and the hidden Resume
# do nothing; Quit comes last so its line says all the others were seen.
for id in 3 4 7 8 11 12 1 5 9 14; do menu_call "$name" Event $id clicked '<0>' 0 >/dev/null; done
wait_for_line "$WORK_DIR/tray.out" '^activate quit$'
tap_is "each entry activates its action, and only entries with one that are shown" \
  "$(activations tray)" "pause-30m start-stretch micro-break pause-1h pause-tomorrow open preferences quit"
tap_like "an Event for an unknown id is an error" \
  "$(menu_call "$name" Event 99 clicked '<0>' 0)" 'InvalidArgs'
tap_is "EventGroup answers the unknown ids" \
  "$(menu_call "$name" EventGroup "[(3, 'clicked', <0>, uint32 0), (99, 'clicked', <0>, uint32 0)]")" "([99],)"
tap_ok "and applies the known ones" wait_for_line "$WORK_DIR/tray.out" '^activate start-stretch$' 20 2
tap_is "AboutToShow needs no update" "$(menu_call "$name" AboutToShow 5)" "(false,)"
tap_is "AboutToShowGroup answers the unknown ids" \
  "$(menu_call "$name" AboutToShowGroup '[0, 5, 77]')" "(@ai [], [77])"
gdbus call --session --dest "$name" --object-path /StatusNotifierItem \
  --method org.kde.StatusNotifierItem.Activate -- 10 10 >/dev/null
tap_ok "Activate (a click on the icon) activates open" \
  wait_for_line "$WORK_DIR/tray.out" '^activate open$' 20 2

# --- Changes, and the signals they send ------------------------------------

monitor=$WORK_DIR/monitor.out
start_bg monitor_pid "$monitor" "$WORK_DIR/monitor.err" gdbus monitor --session --dest "$name"
# gdbus subscribes before it asks for the owner, so once it prints the
# owner, it hears every signal.
wait_for_line "$monitor" 'is owned by' 20

probe_do 7 tray status due
tap_is "a due break gives NeedsAttention" "$(item_get "$name" Status)" "(<'NeedsAttention'>,)"
tap_is "and the due icon" "$(item_get "$name" IconName)" "(<'$icon-due-symbolic'>,)"
tap_ok "NewStatus says NeedsAttention" \
  wait_for_line "$monitor" "NewStatus \('NeedsAttention',\)"

probe_do 7 tray status due
probe_do 7 tray title "Next stretch at 14:00 (desk_1)"
probe_do 7 tray title "Next stretch at 14:00 (desk_1)"
probe_do 7 tray line "Sitting for 28 min"
probe_do 7 tray status paused
tap_ok "pausing shows Resume: LayoutUpdated with a new revision" \
  wait_for_line "$monitor" 'LayoutUpdated \(uint32 1, 0\)'
# Signals from one sender arrive in order: everything before is in.
tap_is "NewStatus and NewIcon came once per change of status" \
  "$(count_lines "$monitor" '\.NewStatus ') $(count_lines "$monitor" '\.NewIcon ')" "2 2"
tap_is "NewToolTip came once per change of the text, not for a repeat" \
  "$(count_lines "$monitor" '\.NewToolTip ')" 2
tap_ok "ItemsPropertiesUpdated carried the new first line, its underscore doubled" \
  grep -qF "ItemsPropertiesUpdated ([(1, {'label': <'Next stretch at 14:00 (desk__1)'>})], @a(ias) [])" "$monitor"
tap_ok "and Resume becoming visible" \
  grep -qF "ItemsPropertiesUpdated ([(9, {'visible': <true>})], @a(ias) [])" "$monitor"
tap_is "the tooltip reads back the new text" "$(item_get "$name" ToolTip)" \
  "(<('', @a(iiay) [], 'Next stretch at 14:00 (desk_1)', 'Sitting for 28 min')>,)"
tap_is "paused: Active, with the paused icon" \
  "$(item_get "$name" Status) $(item_get "$name" IconName)" "(<'Active'>,) (<'$icon-paused-symbolic'>,)"
tap_is "the layout shows Resume at revision 1" \
  "$(menu_call "$name" GetLayout 0 -1 '[]')" "$(layout 1 'Next stretch at 14:00 (desk__1)' true)"
menu_call "$name" Event 9 clicked '<0>' 0 >/dev/null
tap_ok "a click on Resume activates resume" wait_for_line "$WORK_DIR/tray.out" '^activate resume$'
kill_bg "$monitor_pid"

# --- host-present ------------------------------------------------------------

tap_is "with no tray host, host-present has stayed false" \
  "$(watcher_get IsStatusNotifierHostRegistered) $(count_lines "$WORK_DIR/tray.out" '^host-present')" \
  "(<false>,) 0"
start_bg host_pid "$WORK_DIR/host.log" "$WORK_DIR/host.err" env -u G_DEBUG gtk-sni-tray-standalone
tap_ok "a tray host starting makes host-present true" \
  wait_for_line "$WORK_DIR/tray.out" '^host-present true$'
kill_bg "$host_pid"
tap_ok "the host leaving makes it false" wait_for_line "$WORK_DIR/tray.out" '^host-present false$'

# --- The watcher restarts --------------------------------------------------

kill_bg "$WATCHER_PID"
tap_ok "the item notices the watcher leaving" \
  wait_for_line "$WORK_DIR/tray.out" '^registered false$'
tap_ok "a new watcher comes up" start_watcher 2
tap_ok "the item registers again with it" wait_for_line "$WORK_DIR/tray.out" '^registered true$' 20 2
tap_ok "the new watcher lists it" eventually is_registered "$name"
tap_is "no more log lines for all that" "$(wc -l <"$WORK_DIR/tray.err")" 1

# --- Hiding the icon ------------------------------------------------------------

probe_do 7 tray visible false
tap_ok "hidden: the watcher drops the item" eventually is_not_registered "$name"
tap_like "and it is no longer on the bus" "$(item_get "$name" Status)" 'Error'
probe_do 7 tray visible true
name2=$(probe_bus_name tray 2)
tap_ok "shown again: registered again" eventually is_registered "$name2"
tap_is "and exported, in the same state" "$(item_get "$name2" Status) $(item_get "$name2" IconName)" \
  "(<'Active'>,) (<'$icon-paused-symbolic'>,)"

# --- The Background portal's status line ----------------------------------------
# xdg-desktop-portal takes a status only from a sandboxed app, so the portal
# here is python-dbusmock, and the "inside Flatpak" probe says so with
# --sandboxed (which stands in for /.flatpak-info).

portal=org.freedesktop.portal.Desktop
start_dbusmock portal --session "$portal" /org/freedesktop/portal/desktop \
  org.freedesktop.portal.Background
wait_for_bus_name "$portal" 20 &&
  gdbus call --session --dest "$portal" --object-path /org/freedesktop/portal/desktop \
    --method org.freedesktop.DBus.Mock.AddMethod org.freedesktop.portal.Background SetStatus \
    'a{sv}' '' '' >/dev/null
portal_messages () {
  gdbus call --session --dest "$portal" --object-path /org/freedesktop/portal/desktop \
    --method org.freedesktop.DBus.Mock.GetMethodCalls SetStatus |
    grep -oE "'message': <'[^']*'>" | sed -e "s/^'message': <'//" -e "s/'>$//"
}
start_probe plain 8 plain --hidden
probe_do 8 plain background "Next stretch in 23 min"
start_probe flatpak 9 flatpak --hidden --sandboxed
probe_do 9 flatpak background "Next stretch in 23 min"
probe_do 9 flatpak background "Next stretch in 23 min"
long=$(printf 'x%.0s' $(seq 1 120))
probe_do 9 flatpak background "$long"
two_calls () { [ "$(portal_messages | wc -l)" -ge 2 ]; }
eventually two_calls
tap_is "inside Flatpak the portal gets each new line once, cut to 96 characters (outside, none)" \
  "$(portal_messages | awk '{ print length($0) ": " substr($0, 1, 22) }' | paste -sd ' ' -)" \
  "22: Next stretch in 23 min 96: xxxxxxxxxxxxxxxxxxxxxx"

stop_bg "$plain"
plain_rc=$?
stop_bg "$flatpak"
flatpak_rc=$?
stop_bg "$probe"
tap_is "the probes stop cleanly, every object freed" "$? $plain_rc $flatpak_rc" "0 0 0"
kill_bg "$DBUSMOCK_PID"
kill_bg "$WATCHER_PID"

tap_done
