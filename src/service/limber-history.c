/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history store; what it keeps and promises is in limber-history.h. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "limber-history.h"

/* Records are dated between these (seconds since the epoch): 2000-01-01
 * and 2200-01-01. Outside, a time is a bug (a boottime passed as realtime,
 * a unit mix-up), not a record. */
#define MIN_REALTIME ((gint64) 946684800 * G_USEC_PER_SEC)
#define MAX_REALTIME ((gint64) 7258118400 * G_USEC_PER_SEC)

/* Another process (a second limberd during --replace, a reader) may hold
 * the write lock for a moment. */
#define BUSY_TIMEOUT_MS 5000

/* "YYYY-MM-DD" and its NUL. */
#define DAY_LEN 11

typedef struct
{
  int version;
  const char *sql;
} Migration;

/* Schema migrations, in order: migration N takes user_version N-1 to N.
 * A new schema is one more entry here and LIMBER_HISTORY_SCHEMA_VERSION
 * raised to match. Each runs in the transaction that sets user_version, so
 * a crash leaves the file at the old version or the new one. */
static const Migration migrations[] = {
  {
    1,
    /* realtime and sitting in µs; day is the local day at write time. */
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  realtime INTEGER NOT NULL,"
    "  day TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  how TEXT NOT NULL,"
    "  sitting INTEGER NOT NULL CHECK (sitting >= 0),"
    "  postpones INTEGER NOT NULL CHECK (postpones >= 0),"
    "  escalated INTEGER NOT NULL CHECK (escalated IN (0, 1)),"
    "  was_deferred INTEGER NOT NULL CHECK (was_deferred IN (0, 1)),"
    "  completed INTEGER NOT NULL CHECK (completed IN (0, 1))"
    ");"
    "CREATE INDEX events_by_time ON events (realtime);"
    "CREATE INDEX events_by_day ON events (day, kind);"
    /* Sitting µs per local day and break type (see the header). */
    "CREATE TABLE sitting ("
    "  day TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  usec INTEGER NOT NULL CHECK (usec >= 0),"
    "  PRIMARY KEY (day, type)"
    ") WITHOUT ROWID;"
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  start INTEGER NOT NULL,"
    "  day TEXT NOT NULL,"
    "  routine TEXT NOT NULL,"
    "  duration INTEGER NOT NULL CHECK (duration >= 0),"
    "  steps_completed INTEGER NOT NULL CHECK (steps_completed >= 0),"
    "  steps_total INTEGER NOT NULL CHECK (steps_total >= steps_completed),"
    "  finished INTEGER NOT NULL CHECK (finished IN (0, 1))"
    ");"
    "CREATE INDEX sessions_by_time ON sessions (start);"
    "CREATE INDEX sessions_by_day ON sessions (day);"
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIMBER_HISTORY_SCHEMA_VERSION);

typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_INSERT_EVENT,
  STMT_ADD_SITTING,
  STMT_INSERT_SESSION,
  STMT_SELECT_EVENTS,
  STMT_SELECT_SESSIONS,
  STMT_DAY_EVENTS,
  STMT_DAY_SITTING,
  STMT_DAY_SESSIONS,
  STMT_STREAK,
  N_STMTS
} Stmt;

/* Every statement, prepared once at open; data only ever goes in through
 * bound parameters. */
static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_INSERT_EVENT] =
    "INSERT INTO events (realtime, day, type, kind, how, sitting, postpones,"
    "                    escalated, was_deferred, completed)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_ADD_SITTING] =
    "INSERT INTO sitting (day, type, usec) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (day, type) DO UPDATE SET usec = usec + excluded.usec",
  [STMT_INSERT_SESSION] =
    "INSERT INTO sessions (start, day, routine, duration, steps_completed,"
    "                      steps_total, finished)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_SELECT_EVENTS] =
    "SELECT type, kind, how, realtime, sitting, postpones, escalated,"
    "       was_deferred, completed"
    " FROM events WHERE realtime >= ?1 AND realtime < ?2"
    " ORDER BY realtime, id",
  [STMT_SELECT_SESSIONS] =
    "SELECT routine, start, duration, steps_completed, steps_total, finished"
    " FROM sessions WHERE start >= ?1 AND start < ?2"
    " ORDER BY start, id",
  [STMT_DAY_EVENTS] =
    "SELECT day, SUM (kind = 'taken'), SUM (kind = 'natural'),"
    "       SUM (kind = 'postponed'), SUM (kind = 'skipped')"
    " FROM events WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
  [STMT_DAY_SITTING] =
    "SELECT day, MAX (usec) FROM sitting WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
  [STMT_DAY_SESSIONS] =
    "SELECT day, COUNT (*) FROM sessions WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
  [STMT_STREAK] =
    "SELECT day, SUM (kind = 'taken') FROM events WHERE day <= ?1"
    " GROUP BY day ORDER BY day DESC",
};

struct _LimberHistory
{
  GObject parent_instance;

  char *path;
  LimberHistoryOpenFlags flags;
  char *recovered_from;
  char *recovery_reason;

  sqlite3 *db;
  sqlite3_stmt *stmts[N_STMTS];
};

static void limber_history_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberHistory, limber_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      limber_history_initable_init))

G_DEFINE_QUARK (limber-history-error-quark, limber_history_error)

G_DEFINE_FLAGS_TYPE (LimberHistoryOpenFlags, limber_history_open_flags,
  G_DEFINE_ENUM_VALUE (LIMBER_HISTORY_OPEN_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIMBER_HISTORY_OPEN_RECOVER, "recover"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  PROP_RECOVERED_FROM,
  PROP_RECOVERY_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Errors */

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* Sets @error from the connection's last error (or @rc when there is no
 * connection); always returns FALSE. */
static gboolean
set_sqlite_error (LimberHistory  *self,
                  int             rc,
                  const char     *doing,
                  GError        **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (is_corruption (rc))
    g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                 _("The history file %s is damaged: %s"), self->path, detail);
  else
    g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                 /* Translators: "<what failed> (<file>): <SQLite's reason>" */
                 _("%s (%s): %s"), doing, self->path, detail);
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    {
      g_assert (*error == NULL);
      *error = g_error_new_valist (LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID, format, args);
    }
  va_end (args);
  return FALSE;
}

/* Days */

static void
format_day (GDateTime *when,
            char       day[DAY_LEN])
{
  gint year, month, mday;

  g_date_time_get_ymd (when, &year, &month, &mday);
  g_snprintf (day, DAY_LEN, "%04d-%02d-%02d", year, month, mday);
}

/* @realtime has been checked to be within MIN_REALTIME…MAX_REALTIME. */
static void
day_for_time (gint64 realtime,
              char   day[DAY_LEN])
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (realtime / G_USEC_PER_SEC);

  g_assert (when != NULL);
  format_day (when, day);
}

/* Parses exactly "YYYY-MM-DD" into a valid date. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  guint year, month, mday;

  if (text == NULL || strlen (text) != DAY_LEN - 1 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < DAY_LEN - 1; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  mday = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (mday, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, mday, month, year);
  return TRUE;
}

static gboolean
check_day (const char  *text,
           GDate       *date,
           GError     **error)
{
  if (text == NULL)
    return invalid (error, _("No day was given: expected YYYY-MM-DD"));
  if (!parse_day (text, date))
    return invalid (error, _("“%s” is not a day: expected YYYY-MM-DD"), text);
  return TRUE;
}

static void
date_to_day (const GDate *date,
             char         day[DAY_LEN])
{
  g_snprintf (day, DAY_LEN, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* Statements */

/* Ends a use of @stmt, whose last step returned @rc: the error, if any,
 * read before the reset, then a clean state for the next use (the bound
 * text is not ours). */
static gboolean
stmt_finish (LimberHistory  *self,
             sqlite3_stmt   *stmt,
             int             rc,
             const char     *doing,
             GError        **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    set_sqlite_error (self, rc, doing, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Runs a statement that returns no rows. */
static gboolean
run_stmt (LimberHistory  *self,
          Stmt            which,
          const char     *doing,
          GError        **error)
{
  sqlite3_stmt *stmt = self->stmts[which];

  return stmt_finish (self, stmt, sqlite3_step (stmt), doing, error);
}

static void
rollback (LimberHistory *self)
{
  /* A failed COMMIT or statement may have ended the transaction already. */
  if (!sqlite3_get_autocommit (self->db))
    {
      sqlite3_stmt *stmt = self->stmts[STMT_ROLLBACK];
      int rc = sqlite3_step (stmt);

      if (rc != SQLITE_DONE)
        g_debug ("History: rollback failed: %s", sqlite3_errmsg (self->db));
      sqlite3_reset (stmt);
    }
}

/* Text from a column as valid UTF-8 for a GVariant; the file could have
 * been edited by hand. */
static const char *
column_string (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return "";
  return text;
}

/* Opening */

/* Runs a one-value query (a PRAGMA) while opening. */
static gboolean
query_int (LimberHistory  *self,
           const char     *sql,
           gint64         *value,
           GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (self, rc, _("Could not read the history"), error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
exec_sql (LimberHistory  *self,
          const char     *sql,
          const char     *doing,
          GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, doing, error);
  return TRUE;
}

/* The first line of integrity_check's report, for a message. */
static char *
first_problem (const char *report)
{
  const char *start = report != NULL ? report : "";
  const char *end;

  if (g_str_has_prefix (start, "*** in database main ***\n"))
    start += strlen ("*** in database main ***\n");
  end = strchr (start, '\n');
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static gboolean
check_integrity (LimberHistory  *self,
                 GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            problem = first_problem (result);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (self, rc, _("Could not check the history"), error);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return FALSE;
  if (problem != NULL)
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                   _("The history file %s is damaged: %s"), self->path, problem);
      return FALSE;
    }
  return TRUE;
}

/* Brings the schema from user_version up to LIMBER_HISTORY_SCHEMA_VERSION
 * in one transaction. */
static gboolean
migrate (LimberHistory  *self,
         GError        **error)
{
  gint64 version;
  g_autofree char *set_version = NULL;
  g_autofree char *set_id = NULL;

  if (!exec_sql (self, "BEGIN IMMEDIATE", _("Could not update the history’s tables"), error))
    return FALSE;

  /* Read again under the write lock: another process may have migrated. */
  if (!query_int (self, "PRAGMA user_version", &version, error))
    goto fail;
  if (version >= LIMBER_HISTORY_SCHEMA_VERSION)
    {
      if (!exec_sql (self, "COMMIT", _("Could not update the history’s tables"), error))
        goto fail;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= version)
        continue;
      g_assert (migrations[i].version == version + 1);
      g_debug ("History: migrating %s to schema version %d", self->path, migrations[i].version);
      if (!exec_sql (self, migrations[i].sql, _("Could not update the history’s tables"), error))
        goto fail;
      version = migrations[i].version;
    }

  /* PRAGMAs take no parameters; these numbers are ours, not data. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", LIMBER_HISTORY_SCHEMA_VERSION);
  set_id = g_strdup_printf ("PRAGMA application_id = %d", LIMBER_HISTORY_APPLICATION_ID);
  if (!exec_sql (self, set_version, _("Could not update the history’s tables"), error)
      || !exec_sql (self, set_id, _("Could not update the history’s tables"), error)
      || !exec_sql (self, "COMMIT", _("Could not update the history’s tables"), error))
    goto fail;
  return TRUE;

fail:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
close_db (LimberHistory *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("History: closing %s failed: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
}

/* Creates the file empty and private if it is not there: an empty file is
 * an empty database to SQLite. */
static gboolean
ensure_file (LimberHistory  *self,
             GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                   _("Could not create the folder %s for the history: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                   _("Could not create the history file %s: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* Looks at the file before SQLite does. SQLite deletes a -wal it finds
 * useless (next to an empty file, or not matching a file that is not a
 * database) when it closes, and a file moved aside keeps its -wal. */
static gboolean
check_header (LimberHistory  *self,
              GError        **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  char header[sizeof magic];
  gssize got;
  GStatBuf st;
  int fd;

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                   _("Could not open the history file %s: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }
  do
    got = read (fd, header, sizeof header);
  while (got < 0 && errno == EINTR);
  if (got < 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                   _("Could not read the history file %s: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (got == 0)
    {
      /* A new file, unless a log of changes to it is left over. */
      if (g_stat (wal, &st) == 0 && st.st_size > 0)
        {
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                       _("The history file %s is empty but its write-ahead log is not"),
                       self->path);
          return FALSE;
        }
      return TRUE;
    }
  if (got < (gssize) sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                   _("The history file %s is not a database"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Opens, checks, migrates and prepares. On failure the connection is
 * closed and @error says why: CORRUPT and TOO_NEW are what recovery acts
 * on. */
static gboolean
open_db (LimberHistory  *self,
         GError        **error)
{
  gint64 app_id, version, n_objects;
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!ensure_file (self, error) || !check_header (self, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, _("Could not open the history"), error);
      goto fail;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  /* The first read: a file that is not a database fails here. */
  if (!query_int (self, "PRAGMA application_id", &app_id, error)
      || !check_integrity (self, error)
      || !query_int (self, "PRAGMA user_version", &version, error)
      || !query_int (self, "SELECT COUNT (*) FROM sqlite_schema", &n_objects, error))
    goto fail;

  if (app_id != LIMBER_HISTORY_APPLICATION_ID && (app_id != 0 || version != 0 || n_objects != 0))
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                   _("The file %s is a database, but not a Limber history"), self->path);
      goto fail;
    }
  if (version > LIMBER_HISTORY_SCHEMA_VERSION)
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_TOO_NEW,
                   _("The history file %s was written by a newer version of Limber "
                     "(schema version %d; this version knows up to %d)"),
                   self->path, (int) version, LIMBER_HISTORY_SCHEMA_VERSION);
      goto fail;
    }
  if (version < 0)
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                   _("The history file %s has an impossible schema version %d"),
                   self->path, (int) version);
      goto fail;
    }

  /* Only now that the file is known to be ours: WAL changes its header. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (self, rc, _("Could not turn on write-ahead logging for the history"), error);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    goto fail;
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                   _("The history file %s cannot use write-ahead logging (journal mode “%s”)"),
                   self->path, mode != NULL ? mode : "");
      goto fail;
    }

  if (!exec_sql (self, "PRAGMA synchronous = FULL", _("Could not set up the history"), error)
      || !exec_sql (self, "PRAGMA trusted_schema = OFF", _("Could not set up the history"), error)
      || (version < LIMBER_HISTORY_SCHEMA_VERSION && !migrate (self, error)))
    goto fail;

  for (guint i = 0; i < N_STMTS; i++)
    {
      rc = sqlite3_prepare_v3 (self->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &self->stmts[i], NULL);
      if (rc != SQLITE_OK)
        {
          /* Schema version right, tables wrong: edited by hand. */
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT,
                       _("The tables in the history file %s do not match its schema version: %s"),
                       self->path, sqlite3_errmsg (self->db));
          goto fail;
        }
    }

  return TRUE;

fail:
  close_db (self);
  return FALSE;
}

static gboolean
aside_taken (const char *aside)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

/* Renames the file and its companions to "<path>.corrupt-<local time>".
 * The WAL must go along: left behind, SQLite would replay the old file's
 * frames into the new one. */
static char *
move_aside (LimberHistory  *self,
            GError        **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);
  g_autofree char *aside = g_strdup (base);

  for (guint n = 2; aside_taken (aside); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s-%u", base, n);
    }

  if (g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                   _("Could not move the unusable history file %s aside: %s"),
                   self->path, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                       _("Could not move %s aside: %s"), from, g_strerror (saved_errno));
          return NULL;
        }
    }

  return g_steal_pointer (&aside);
}

static gboolean
limber_history_initable_init_impl (GInitable     *initable,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  LimberHistory *self = LIMBER_HISTORY (initable);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;

  if (self->path == NULL || *self->path == '\0')
    return invalid (error, _("No path was given for the history file"));

  if (open_db (self, &local_error))
    return TRUE;

  if (!(self->flags & LIMBER_HISTORY_OPEN_RECOVER)
      || !(g_error_matches (local_error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT)
           || g_error_matches (local_error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_TOO_NEW)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  aside = move_aside (self, error);
  if (aside == NULL)
    return FALSE;

  g_message ("%s; moved it to %s and started a new history", local_error->message, aside);
  self->recovered_from = g_steal_pointer (&aside);
  self->recovery_reason = g_strdup (local_error->message);

  return open_db (self, error);
}

static void
limber_history_initable_init (GInitableIface *iface)
{
  iface->init = limber_history_initable_init_impl;
}

/* Validation */

static gboolean
check_realtime (gint64   realtime,
                GError **error)
{
  if (realtime < MIN_REALTIME || realtime >= MAX_REALTIME)
    return invalid (error, _("A record must be dated between the years 2000 and 2200, not %lld "
                             "microseconds after 1970"), (long long) realtime);
  return TRUE;
}

static gboolean
check_event (const LimberBreakEvent  *event,
             GError                 **error)
{
  if ((int) event->type < 0 || (int) event->type >= LIMBER_N_BREAK_TYPES)
    return invalid (error, _("Unknown break type %d"), (int) event->type);
  if ((int) event->kind < LIMBER_BREAK_EVENT_WARNED || (int) event->kind > LIMBER_BREAK_EVENT_NATURAL)
    return invalid (error, _("Unknown break event %d"), (int) event->kind);
  if ((int) event->how < LIMBER_BREAK_HOW_NONE || (int) event->how > LIMBER_BREAK_HOW_GUIDED)
    return invalid (error, _("Unknown way of taking a break %d"), (int) event->how);
  if (event->kind == LIMBER_BREAK_EVENT_TAKEN && event->how == LIMBER_BREAK_HOW_NONE)
    return invalid (error, _("A break taken must say how: by pausing or with a guided session"));
  if (!check_realtime (event->realtime, error))
    return FALSE;
  if (event->sitting < 0 || event->sitting > LIMBER_HISTORY_MAX_SITTING)
    return invalid (error, _("The sitting time of a break event must be between 0 and 366 days, "
                             "not %lld microseconds"), (long long) event->sitting);
  if (event->postpones > LIMBER_HISTORY_MAX_POSTPONES)
    return invalid (error, _("A break cannot have been postponed %u times"), event->postpones);
  return TRUE;
}

/* Which events end a stretch of sitting for their break type. */
static gboolean
ends_sitting (LimberBreakEventKind kind)
{
  switch (kind)
    {
    case LIMBER_BREAK_EVENT_TAKEN:
    case LIMBER_BREAK_EVENT_NATURAL:
    case LIMBER_BREAK_EVENT_SKIPPED:
      return TRUE;
    case LIMBER_BREAK_EVENT_WARNED:
    case LIMBER_BREAK_EVENT_DUE:
    case LIMBER_BREAK_EVENT_DEFERRED:
    case LIMBER_BREAK_EVENT_POSTPONED:
    case LIMBER_BREAK_EVENT_STARTED:
    default:
      return FALSE;
    }
}

/* Writing */

/* Adds the sitting span [start, end) to its days, split at local
 * midnights. */
static gboolean
add_sitting (LimberHistory  *self,
             const char     *type,
             gint64          start,
             gint64          end,
             GError        **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_ADD_SITTING];
  gint64 t = MAX (start, 0);

  while (t < end)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (t / G_USEC_PER_SEC);
      g_autoptr(GDateTime) next_midnight = NULL;
      char day[DAY_LEN];
      gint64 chunk_end = end;
      GDate date;
      gint year, month, mday;

      g_assert (at != NULL);
      format_day (at, day);
      g_date_time_get_ymd (at, &year, &month, &mday);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, mday, month, year);
      g_date_add_days (&date, 1);
      /* Where midnight does not exist (a DST change at 00:00), GLib gives
       * the first time that does: the start of that day all the same. */
      next_midnight = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                             g_date_get_day (&date), 0, 0, 0);
      if (next_midnight != NULL)
        {
          gint64 next = g_date_time_to_unix (next_midnight) * G_USEC_PER_SEC;

          if (next > t)
            chunk_end = MIN (end, next);
        }

      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, chunk_end - t);
      if (!stmt_finish (self, stmt, sqlite3_step (stmt), _("Could not save the sitting time"), error))
        return FALSE;

      t = chunk_end;
    }
  return TRUE;
}

static gboolean
insert_event (LimberHistory           *self,
              const LimberBreakEvent  *event,
              GError                 **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_INSERT_EVENT];
  const char *type = limber_break_type_to_string (event->type);
  char day[DAY_LEN];

  day_for_time (event->realtime, day);
  /* Binding cannot fail: right indexes, and the text outlives the step. */
  sqlite3_bind_int64 (stmt, 1, event->realtime);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, limber_break_event_kind_to_string (event->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, limber_break_how_to_string (event->how), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, event->sitting);
  sqlite3_bind_int64 (stmt, 7, event->postpones);
  sqlite3_bind_int (stmt, 8, event->escalated ? 1 : 0);
  sqlite3_bind_int (stmt, 9, event->was_deferred ? 1 : 0);
  sqlite3_bind_int (stmt, 10, event->completed ? 1 : 0);
  if (!stmt_finish (self, stmt, sqlite3_step (stmt), _("Could not save a break event"), error))
    return FALSE;

  if (ends_sitting (event->kind) && event->sitting > 0)
    return add_sitting (self, type, event->realtime - event->sitting, event->realtime, error);
  return TRUE;
}

/* Queries */

static gboolean
check_range (gint64   from,
             gint64   to,
             GError **error)
{
  if (from > to)
    return invalid (error, _("The start of a time range (%lld) is after its end (%lld)"),
                    (long long) from, (long long) to);
  return TRUE;
}

static GVariant *
finish_query (LimberHistory    *self,
              GVariantBuilder  *builder,
              sqlite3_stmt     *stmt,
              int               rc,
              GError          **error)
{
  if (!stmt_finish (self, stmt, rc, _("Could not read the history"), error))
    return NULL;
  return g_variant_ref_sink (g_variant_builder_end (builder));
}

typedef struct
{
  gint64 sitting;
  guint taken;
  guint natural;
  guint postponed;
  guint skipped;
  guint sessions;
} DaySummary;

/* The summary of the day in column 0 of @stmt's row, or NULL if it is not
 * in [first, first + n_days). */
static DaySummary *
summary_for_row (sqlite3_stmt *stmt,
                 const GDate  *first,
                 DaySummary   *days,
                 guint         n_days)
{
  GDate date;
  gint64 offset;

  if (!parse_day ((const char *) sqlite3_column_text (stmt, 0), &date))
    return NULL;
  offset = (gint64) g_date_get_julian (&date) - (gint64) g_date_get_julian (first);
  if (offset < 0 || offset >= n_days)
    return NULL;
  return &days[offset];
}

static guint
column_count (sqlite3_stmt *stmt,
              int           column)
{
  return (guint) CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXUINT32);
}

/**
 * limber_history_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/limber/history.sqlite3
 */
char *
limber_history_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "history.sqlite3", NULL);
}

/**
 * limber_history_day_for_time:
 * @realtime: µs since the Unix epoch
 *
 * Returns: (transfer full) (nullable): the local day of @realtime as
 *   "YYYY-MM-DD", as the store files it; NULL if out of range
 */
char *
limber_history_day_for_time (gint64 realtime)
{
  g_autoptr(GDateTime) when = NULL;
  char day[DAY_LEN];

  when = g_date_time_new_from_unix_local (realtime >= 0 ? realtime / G_USEC_PER_SEC
                                                        : -((-realtime - 1) / G_USEC_PER_SEC) - 1);
  if (when == NULL)
    return NULL;
  format_day (when, day);
  return g_strdup (day);
}

/**
 * limber_history_new:
 * @path: the database file; its folder is created if missing
 * @flags: LIMBER_HISTORY_OPEN_RECOVER to move an unusable file aside
 *
 * Opens the history, creating or migrating the file as needed.
 *
 * Returns: (transfer full) (nullable): the store, or NULL with @error set
 *   (LIMBER_HISTORY_ERROR_CORRUPT, _TOO_NEW without the recover flag,
 *   _FAILED when the file cannot be opened or written)
 */
LimberHistory *
limber_history_new (const char              *path,
                    LimberHistoryOpenFlags   flags,
                    GError                 **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (LIMBER_TYPE_HISTORY, NULL, error,
                         "path", path,
                         "flags", flags,
                         NULL);
}

const char *
limber_history_get_path (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  return self->path;
}

/**
 * limber_history_get_recovered_from:
 *
 * Returns: (nullable): where the unusable file found at open was moved, or
 *   NULL if the file was fine
 */
const char *
limber_history_get_recovered_from (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  return self->recovered_from;
}

/**
 * limber_history_get_recovery_reason:
 *
 * Returns: (nullable): why the file was moved aside (a sentence), or NULL
 */
const char *
limber_history_get_recovery_reason (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  return self->recovery_reason;
}

/**
 * limber_history_record_event:
 *
 * Saves one break event (any kind) and, for TAKEN, NATURAL and SKIPPED,
 * its sitting time. When this returns TRUE the record is on disk.
 */
gboolean
limber_history_record_event (LimberHistory           *self,
                             const LimberBreakEvent  *event,
                             GError                 **error)
{
  return limber_history_record_events (self, event, 1, error);
}

/**
 * limber_history_record_events:
 *
 * Saves @n_events events in one transaction: all or none. Nothing is
 * written if any event is invalid.
 */
gboolean
limber_history_record_events (LimberHistory           *self,
                              const LimberBreakEvent  *events,
                              guint                    n_events,
                              GError                 **error)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (events != NULL || n_events == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_events; i++)
    if (!check_event (&events[i], error))
      return FALSE;

  if (!run_stmt (self, STMT_BEGIN, _("Could not start saving to the history"), error))
    return FALSE;
  for (guint i = 0; i < n_events; i++)
    if (!insert_event (self, &events[i], error))
      goto fail;
  if (!run_stmt (self, STMT_COMMIT, _("Could not save to the history"), error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/**
 * limber_history_record_session:
 * @routine_id: the routine's id
 * @start: when the session started, µs since the epoch
 * @duration_seconds: how long it ran
 * @steps_completed: steps played to their end
 * @steps_total: steps in the routine
 * @finished: TRUE if it ran to its end, FALSE if it ended early
 *
 * Saves one guided session. When this returns TRUE the record is on disk.
 */
gboolean
limber_history_record_session (LimberHistory  *self,
                               const char     *routine_id,
                               gint64          start,
                               gint64          duration_seconds,
                               guint           steps_completed,
                               guint           steps_total,
                               gboolean        finished,
                               GError        **error)
{
  sqlite3_stmt *stmt;
  char day[DAY_LEN];

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (routine_id == NULL || *routine_id == '\0')
    return invalid (error, _("A guided session needs the id of its routine"));
  if (strlen (routine_id) > LIMBER_HISTORY_MAX_ROUTINE_ID || !g_utf8_validate (routine_id, -1, NULL))
    return invalid (error, _("A routine id must be valid UTF-8 of at most %d bytes"),
                    LIMBER_HISTORY_MAX_ROUTINE_ID);
  if (!check_realtime (start, error))
    return FALSE;
  if (duration_seconds < 0 || duration_seconds > LIMBER_HISTORY_MAX_SESSION_SECONDS)
    return invalid (error, _("A guided session must last between 0 and 24 hours, not %lld s"),
                    (long long) duration_seconds);
  if (steps_total == 0 || steps_total > LIMBER_HISTORY_MAX_STEPS)
    return invalid (error, _("A routine must have between 1 and %d steps, not %u"),
                    LIMBER_HISTORY_MAX_STEPS, steps_total);
  if (steps_completed > steps_total)
    return invalid (error, _("A guided session cannot complete %u steps of %u"),
                    steps_completed, steps_total);

  day_for_time (start, day);
  stmt = self->stmts[STMT_INSERT_SESSION];
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, routine_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, duration_seconds);
  sqlite3_bind_int64 (stmt, 5, steps_completed);
  sqlite3_bind_int64 (stmt, 6, steps_total);
  sqlite3_bind_int (stmt, 7, finished ? 1 : 0);
  /* One statement outside a transaction is a transaction of its own. */
  return stmt_finish (self, stmt, sqlite3_step (stmt), _("Could not save a guided session"), error);
}

/**
 * limber_history_query_events:
 * @from: start of the range, included (µs since the epoch)
 * @to: end of the range, excluded
 *
 * Returns: (transfer full) (nullable): LIMBER_HISTORY_EVENTS_TYPE
 */
GVariant *
limber_history_query_events (LimberHistory  *self,
                             gint64          from,
                             gint64          to,
                             GError        **error)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (LIMBER_HISTORY_EVENTS_TYPE));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_range (from, to, error))
    return NULL;

  stmt = self->stmts[STMT_SELECT_EVENTS];
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add (&builder, "(sssxxubbb)",
                           column_string (stmt, 0),
                           column_string (stmt, 1),
                           column_string (stmt, 2),
                           (gint64) sqlite3_column_int64 (stmt, 3),
                           (gint64) sqlite3_column_int64 (stmt, 4),
                           column_count (stmt, 5),
                           sqlite3_column_int (stmt, 6) != 0,
                           sqlite3_column_int (stmt, 7) != 0,
                           sqlite3_column_int (stmt, 8) != 0);
  return finish_query (self, &builder, stmt, rc, error);
}

/**
 * limber_history_query_sessions:
 * @from: start of the range, included (µs since the epoch)
 * @to: end of the range, excluded
 *
 * Returns: (transfer full) (nullable): LIMBER_HISTORY_SESSIONS_TYPE, the
 *   sessions that started in [@from, @to)
 */
GVariant *
limber_history_query_sessions (LimberHistory  *self,
                               gint64          from,
                               gint64          to,
                               GError        **error)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (LIMBER_HISTORY_SESSIONS_TYPE));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_range (from, to, error))
    return NULL;

  stmt = self->stmts[STMT_SELECT_SESSIONS];
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add (&builder, "(sxxuub)",
                           column_string (stmt, 0),
                           (gint64) sqlite3_column_int64 (stmt, 1),
                           (gint64) sqlite3_column_int64 (stmt, 2),
                           column_count (stmt, 3),
                           column_count (stmt, 4),
                           sqlite3_column_int (stmt, 5) != 0);
  return finish_query (self, &builder, stmt, rc, error);
}

/**
 * limber_history_query_days:
 * @first_day: "YYYY-MM-DD", included
 * @last_day: "YYYY-MM-DD", included; at most LIMBER_HISTORY_MAX_DAYS days
 *   after @first_day
 *
 * Returns: (transfer full) (nullable): LIMBER_HISTORY_DAYS_TYPE, one entry
 *   per day of the range, in order
 */
GVariant *
limber_history_query_days (LimberHistory  *self,
                           const char     *first_day,
                           const char     *last_day,
                           GError        **error)
{
  static const Stmt queries[] = { STMT_DAY_EVENTS, STMT_DAY_SITTING, STMT_DAY_SESSIONS };
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (LIMBER_HISTORY_DAYS_TYPE));
  g_autofree DaySummary *days = NULL;
  char first_text[DAY_LEN], last_text[DAY_LEN];
  GDate first, last;
  guint n_days;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_day (first_day, &first, error) || !check_day (last_day, &last, error))
    return NULL;
  if (g_date_compare (&first, &last) > 0)
    {
      invalid (error, _("The first day %s is after the last day %s"), first_day, last_day);
      return NULL;
    }
  if (g_date_days_between (&first, &last) >= LIMBER_HISTORY_MAX_DAYS)
    {
      invalid (error, _("A summary can cover at most %d days"), LIMBER_HISTORY_MAX_DAYS);
      return NULL;
    }

  n_days = (guint) g_date_days_between (&first, &last) + 1;
  days = g_new0 (DaySummary, n_days);
  /* Normalised, so "BETWEEN" compares like with like. */
  date_to_day (&first, first_text);
  date_to_day (&last, last_text);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = self->stmts[queries[q]];
      int rc;

      sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          DaySummary *day = summary_for_row (stmt, &first, days, n_days);

          if (day == NULL)
            continue;
          switch (queries[q])
            {
            case STMT_DAY_EVENTS:
              day->taken = column_count (stmt, 1);
              day->natural = column_count (stmt, 2);
              day->postponed = column_count (stmt, 3);
              day->skipped = column_count (stmt, 4);
              break;
            case STMT_DAY_SITTING:
              day->sitting = MAX (sqlite3_column_int64 (stmt, 1), 0);
              break;
            case STMT_DAY_SESSIONS:
              day->sessions = column_count (stmt, 1);
              break;
            case STMT_BEGIN:
            case STMT_COMMIT:
            case STMT_ROLLBACK:
            case STMT_INSERT_EVENT:
            case STMT_ADD_SITTING:
            case STMT_INSERT_SESSION:
            case STMT_SELECT_EVENTS:
            case STMT_SELECT_SESSIONS:
            case STMT_STREAK:
            case N_STMTS:
            default:
              g_assert_not_reached ();
            }
        }
      if (!stmt_finish (self, stmt, rc, _("Could not read the history"), error))
        return NULL;
    }

  for (guint i = 0; i < n_days; i++)
    {
      GDate date = first;
      char text[DAY_LEN];

      g_date_add_days (&date, i);
      date_to_day (&date, text);
      g_variant_builder_add (&builder, "(sxuuuuu)", text,
                             (gint64) ((days[i].sitting + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC),
                             days[i].taken, days[i].natural, days[i].postponed,
                             days[i].skipped, days[i].sessions);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * limber_history_get_streak:
 * @today: (nullable): "YYYY-MM-DD", or NULL for the local day now
 * @days: (out): the streak, as defined in limber-history.h
 */
gboolean
limber_history_get_streak (LimberHistory  *self,
                           const char     *today,
                           guint          *days,
                           GError        **error)
{
  g_autofree char *now_day = NULL;
  sqlite3_stmt *stmt;
  char today_text[DAY_LEN];
  GDate date;
  guint streak = 0;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = now_day = limber_history_day_for_time (g_get_real_time ());
  if (!check_day (today, &date, error))
    return FALSE;
  date_to_day (&date, today_text);

  stmt = self->stmts[STMT_STREAK];
  sqlite3_bind_text (stmt, 1, today_text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean taken = sqlite3_column_int64 (stmt, 1) > 0;

      if (taken)
        streak++;
      else if (g_strcmp0 (column_string (stmt, 0), today_text) != 0)
        break;
    }
  /* Stopped early (SQLITE_ROW) or at the end: both fine. */
  if (!stmt_finish (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc,
                    _("Could not read the history"), error))
    return FALSE;

  *days = streak;
  return TRUE;
}

static void
limber_history_finalize (GObject *object)
{
  LimberHistory *self = LIMBER_HISTORY (object);

  close_db (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovered_from, g_free);
  g_clear_pointer (&self->recovery_reason, g_free);

  G_OBJECT_CLASS (limber_history_parent_class)->finalize (object);
}

static void
limber_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberHistory *self = LIMBER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_RECOVERED_FROM:
      g_value_set_string (value, self->recovered_from);
      break;
    case PROP_RECOVERY_REASON:
      g_value_set_string (value, self->recovery_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LimberHistory *self = LIMBER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_assert (self->path == NULL);
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_flags (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_class_init (LimberHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_history_finalize;
  object_class->get_property = limber_history_get_property;
  object_class->set_property = limber_history_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        LIMBER_TYPE_HISTORY_OPEN_FLAGS, LIMBER_HISTORY_OPEN_NONE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Set once, at open, when the file found there was moved aside. */
  properties[PROP_RECOVERED_FROM] =
    g_param_spec_string ("recovered-from", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RECOVERY_REASON] =
    g_param_spec_string ("recovery-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_history_init (LimberHistory *self)
{
}
