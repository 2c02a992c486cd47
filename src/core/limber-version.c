/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "limber-version.h"

/**
 * limber_version_string:
 *
 * Returns: the version of Limber, as in "0.1.0"; with the development
 *   profile, "0.1.0 (development)"
 */
const char *
limber_version_string (void)
{
#if DEVELOPMENT_BUILD
  return PACKAGE_VERSION " (development)";
#else
  return PACKAGE_VERSION;
#endif
}

/**
 * limber_i18n_init:
 *
 * Sets the locale from the environment and binds Limber's message catalogue
 * (from $LIMBER_LOCALEDIR when set, as in the build tree). Call first thing
 * in main().
 */
void
limber_i18n_init (void)
{
  /* An uninstalled tree points this at the build's po/ folder. */
  const char *localedir = g_getenv ("LIMBER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
