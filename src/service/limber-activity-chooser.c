/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-activity-chooser.h"
#include "limber-activity-mutter.h"
#include "limber-activity-none.h"
#include "limber-activity-screensaver.h"
#include "limber-activity-wayland.h"
#include "limber-activity-x11.h"

typedef LimberActivitySource *(*SourceNewFunc) (LimberClock *clock);

typedef struct
{
  const char *name;
  SourceNewFunc new_source;
} SourceEntry;

/* In the order they are tried: the most precise and cheapest first. */
static const SourceEntry sources[] = {
  { "mutter", limber_activity_mutter_new },
  { "wayland", limber_activity_wayland_new },
  { "x11", limber_activity_x11_new },
  { "screensaver", limber_activity_screensaver_new },
  { "none", limber_activity_none_new },
};

static const char * const source_names[] = {
  "mutter", "wayland", "x11", "screensaver", "none", NULL,
};

/**
 * limber_activity_source_list_names:
 *
 * Returns: (transfer none): the names limber_activity_source_choose()
 *   accepts besides "auto", in the order they are tried
 */
const char * const *
limber_activity_source_list_names (void)
{
  return source_names;
}

static const SourceEntry *
find_entry (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      if (g_strcmp0 (sources[i].name, name) == 0)
        return &sources[i];
    }
  return NULL;
}

static LimberActivitySource *
try_start (const SourceEntry  *entry,
           LimberClock        *clock,
           guint               threshold_ms,
           GError            **error)
{
  g_autoptr(LimberActivitySource) source = entry->new_source (clock);

  if (!limber_activity_source_start (source, threshold_ms, error))
    return NULL;
  return g_steal_pointer (&source);
}

/**
 * limber_activity_source_choose:
 * @clock: the clock the sources express idle spans in
 * @override: (nullable): a source name to use if it works, or "auto"/%NULL
 * @threshold_ms: how long without input counts as idle
 * @out_log_line: (out) (optional) (transfer full): the line that was logged
 *
 * Starts the first source that works here, trying @override first when it
 * names one. An unknown @override is warned about; a forced source that is
 * unavailable is logged with its error; both then fall back to the automatic
 * choice. Logs one line saying which source was chosen and why the earlier
 * ones were skipped. Never fails: "none" always starts.
 *
 * Returns: (transfer full): a started activity source
 */
LimberActivitySource *
limber_activity_source_choose (LimberClock  *clock,
                               const char   *override,
                               guint         threshold_ms,
                               char        **out_log_line)
{
  g_autoptr(LimberActivitySource) chosen = NULL;
  g_autoptr(GString) skipped = g_string_new (NULL);
  g_autofree char *forced_failure = NULL;
  const SourceEntry *forced = NULL;
  g_autofree char *line = NULL;
  const char *name;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (threshold_ms > 0, NULL);

  if (override != NULL && *override != '\0' && g_strcmp0 (override, "auto") != 0)
    {
      forced = find_entry (override);
      if (forced == NULL)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) source_names);

          g_warning ("Unknown activity source “%s” (known: auto, %s); choosing automatically",
                     override, known);
        }
    }

  if (forced != NULL)
    {
      g_autoptr(GError) error = NULL;

      chosen = try_start (forced, clock, threshold_ms, &error);
      if (chosen == NULL)
        forced_failure = g_strdup_printf ("%s is unavailable: %s", forced->name, error->message);
    }

  for (gsize i = 0; chosen == NULL && i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GError) error = NULL;

      if (&sources[i] == forced)
        continue;
      chosen = try_start (&sources[i], clock, threshold_ms, &error);
      if (chosen == NULL)
        g_string_append_printf (skipped, "%s%s: %s", skipped->len > 0 ? "; " : "",
                                sources[i].name, error->message);
    }

  /* "none" cannot fail. */
  g_assert (chosen != NULL);
  name = limber_activity_source_get_name (chosen);

  if (forced != NULL && forced_failure == NULL)
    line = g_strdup_printf ("Activity source: %s (requested)", name);
  else
    {
      g_autoptr(GString) text = g_string_new ("Activity source: ");

      g_string_append (text, name);
      if (g_strcmp0 (name, "none") == 0)
        g_string_append (text, ": nothing can tell idle time here, so wall-clock time is counted");
      if (forced_failure != NULL)
        g_string_append_printf (text, " (requested %s)", forced_failure);
      if (skipped->len > 0)
        g_string_append_printf (text, " (skipped %s)", skipped->str);
      line = g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_message ("%s", line);
  if (out_log_line != NULL)
    *out_log_line = g_steal_pointer (&line);

  return g_steal_pointer (&chosen);
}
