/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-routine-parser.h"
#include "limber-routine-private.h"

/* Where an error is, kept beside the message so that tools can print it
 * their own way (limberctl prints FILE:LINE:COL: error: DETAIL). */
typedef struct
{
  char *file;
  int line;
  int column;
  char *detail;
} LimberRoutineErrorPrivate;

static void
limber_routine_error_private_init (LimberRoutineErrorPrivate *priv)
{
}

static void
limber_routine_error_private_copy (const LimberRoutineErrorPrivate *src,
                                   LimberRoutineErrorPrivate       *dest)
{
  dest->file = g_strdup (src->file);
  dest->line = src->line;
  dest->column = src->column;
  dest->detail = g_strdup (src->detail);
}

static void
limber_routine_error_private_clear (LimberRoutineErrorPrivate *priv)
{
  g_clear_pointer (&priv->file, g_free);
  g_clear_pointer (&priv->detail, g_free);
}

/* GLib's macro finds the private data by casting a byte pointer, which
 * clang's -Wcast-align reports; GLib allocates it suitably aligned. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (LimberRoutineError, limber_routine_error)
#pragma GCC diagnostic pop

G_DEFINE_ENUM_TYPE (LimberRoutineError, limber_routine_error,
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_IO, "io"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_SYNTAX, "syntax"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_VERSION, "version"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_LIMIT, "limit"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT, "unknown-element"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE, "unknown-attribute"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_UNEXPECTED_TEXT, "unexpected-text"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_MISSING_ELEMENT, "missing-element"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_MISSING_ATTRIBUTE, "missing-attribute"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_DUPLICATE, "duplicate"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_INVALID_VALUE, "invalid-value"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_OUT_OF_RANGE, "out-of-range"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE, "unknown-reference"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_CIRCULAR, "circular"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_MISMATCH, "mismatch"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER, "outside-folder"))

typedef enum
{
  EL_ROUTINE,
  EL_FIGURES,
  EL_TITLE,
  EL_DESCRIPTION,
  EL_SAFETY,
  EL_SOURCE,
  EL_INCLUDE,
  EL_STEP,
  EL_INSTRUCTIONS,
  EL_BREATHING,
  EL_FEEL,
  EL_AVOID,
  EL_CAUTION,
  EL_POSE,
  EL_ANIMATION,
  EL_KEY,
} ElementKind;

/* The element names, by kind; <figures> inside a <routine> is an include. */
static const char * const element_names[] = {
  [EL_ROUTINE] = "routine",
  [EL_FIGURES] = "figures",
  [EL_TITLE] = "title",
  [EL_DESCRIPTION] = "description",
  [EL_SAFETY] = "safety",
  [EL_SOURCE] = "source",
  [EL_INCLUDE] = "figures",
  [EL_STEP] = "step",
  [EL_INSTRUCTIONS] = "instructions",
  [EL_BREATHING] = "breathing",
  [EL_FEEL] = "feel",
  [EL_AVOID] = "avoid",
  [EL_CAUTION] = "caution",
  [EL_POSE] = "pose",
  [EL_ANIMATION] = "animation",
  [EL_KEY] = "key",
};

#define KIND_BIT(kind) (1u << (kind))

static const guint children_of[] = {
  [EL_ROUTINE] = KIND_BIT (EL_TITLE) | KIND_BIT (EL_DESCRIPTION) | KIND_BIT (EL_SAFETY)
                 | KIND_BIT (EL_SOURCE) | KIND_BIT (EL_INCLUDE) | KIND_BIT (EL_STEP),
  [EL_STEP] = KIND_BIT (EL_TITLE) | KIND_BIT (EL_INSTRUCTIONS) | KIND_BIT (EL_BREATHING)
              | KIND_BIT (EL_FEEL) | KIND_BIT (EL_AVOID) | KIND_BIT (EL_CAUTION),
  [EL_FIGURES] = KIND_BIT (EL_POSE) | KIND_BIT (EL_ANIMATION),
  [EL_ANIMATION] = KIND_BIT (EL_KEY),
  [EL_KEY] = 0,
};

/* Elements that hold text (and only text). */
#define TEXT_KINDS (KIND_BIT (EL_TITLE) | KIND_BIT (EL_DESCRIPTION) | KIND_BIT (EL_SAFETY) \
                    | KIND_BIT (EL_SOURCE) | KIND_BIT (EL_INSTRUCTIONS)                      \
                    | KIND_BIT (EL_BREATHING) | KIND_BIT (EL_FEEL) | KIND_BIT (EL_AVOID)      \
                    | KIND_BIT (EL_CAUTION))

/* Elements a parent may hold only once. */
#define SINGLE_KINDS (KIND_BIT (EL_TITLE) | KIND_BIT (EL_DESCRIPTION) | KIND_BIT (EL_SAFETY) \
                      | KIND_BIT (EL_INSTRUCTIONS) | KIND_BIT (EL_BREATHING)                   \
                      | KIND_BIT (EL_FEEL) | KIND_BIT (EL_AVOID))

typedef struct
{
  ElementKind kind;
  gsize offset;                 /* of its '<' */
  LimberSourcePos pos;
  gboolean self_closing;
  guint seen;                   /* KIND_BITs of the children seen so far */
} Frame;

typedef struct
{
  const char *path;
  const char *data;
  gsize length;

  /* Where GMarkup is, in bytes: just after the last tag it reported. */
  gsize cursor;
  /* A cache for turning offsets into lines and columns. */
  gsize cache_offset;
  int cache_line;
  int cache_column;

  Frame stack[LIMBER_ROUTINE_MAX_DEPTH];
  guint depth;
  gboolean seen_root;
  GString *text;

  LimberRoutineDef *routine;
  LimberStepDef *step;
  GHashTable *step_ids;         /* id → line of its first use */
  LimberFigureFile *figures;
  LimberAnimationDef *animation;
  GHashTable *pose_names;       /* name → line */
  GHashTable *animation_names;  /* name → line */
} Parser;

/* Errors */

/**
 * limber_routine_set_error: (skip)
 * @error: return location for an error
 * @file: the file the error is in
 * @pos: where in @file; line 0 for the file as a whole
 * @code: a #LimberRoutineError
 * @format: the message, saying what was expected and what was found
 * @...: its arguments
 *
 * Sets a %LIMBER_ROUTINE_ERROR whose message starts with FILE:LINE:COL and
 * whose location can be read back with limber_routine_error_get_line() and
 * friends.
 */
void
limber_routine_set_error (GError             **error,
                          const char          *file,
                          LimberSourcePos      pos,
                          LimberRoutineError   code,
                          const char          *format,
                          ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  LimberRoutineErrorPrivate *priv;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  if (file == NULL)
    file = "-";

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (pos.line > 0)
    message = g_strdup_printf ("%s:%d:%d: %s", file, pos.line, pos.column, detail);
  else
    message = g_strdup_printf ("%s: %s", file, detail);

  new_error = g_error_new_literal (LIMBER_ROUTINE_ERROR, code, message);
  priv = limber_routine_error_get_private (new_error);
  priv->file = g_strdup (file);
  priv->line = pos.line;
  priv->column = pos.column;
  priv->detail = g_steal_pointer (&detail);
  g_propagate_error (error, new_error);
}

/**
 * limber_routine_error_get_file:
 * @error: a %LIMBER_ROUTINE_ERROR
 *
 * Returns: the file the error is in
 */
const char *
limber_routine_error_get_file (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == LIMBER_ROUTINE_ERROR, NULL);

  return limber_routine_error_get_private (error)->file;
}

/**
 * limber_routine_error_get_line:
 * @error: a %LIMBER_ROUTINE_ERROR
 *
 * Returns: the line of the error, counting from 1; 0 when the error is
 *   about the file as a whole (it cannot be read, it is too large)
 */
int
limber_routine_error_get_line (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == LIMBER_ROUTINE_ERROR, 0);

  return limber_routine_error_get_private (error)->line;
}

/**
 * limber_routine_error_get_column:
 * @error: a %LIMBER_ROUTINE_ERROR
 *
 * Returns: the column of the error, in characters counting from 1
 */
int
limber_routine_error_get_column (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == LIMBER_ROUTINE_ERROR, 0);

  return limber_routine_error_get_private (error)->column;
}

/**
 * limber_routine_error_get_detail:
 * @error: a %LIMBER_ROUTINE_ERROR
 *
 * Returns: the message without its location
 */
const char *
limber_routine_error_get_detail (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == LIMBER_ROUTINE_ERROR, NULL);

  return limber_routine_error_get_private (error)->detail;
}

/**
 * limber_routine_error_format:
 * @error: an error
 *
 * Formats @error the way compilers do: "FILE:LINE:COL: error: DETAIL", or
 * "FILE: error: DETAIL" for an error about the file as a whole.
 *
 * Returns: (transfer full): the line to print
 */
char *
limber_routine_error_format (const GError *error)
{
  const LimberRoutineErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != LIMBER_ROUTINE_ERROR)
    return g_strdup_printf ("%s: %s", _("error"), error->message);

  priv = limber_routine_error_get_private (error);
  if (priv->line > 0)
    return g_strdup_printf ("%s:%d:%d: %s: %s", priv->file, priv->line, priv->column,
                            _("error"), priv->detail);
  return g_strdup_printf ("%s: %s: %s", priv->file, _("error"), priv->detail);
}

/* Finding things in the text: GMarkup reports where it has read up to,
 * which is past the element; these find where each element and attribute
 * starts, so errors point at them. GMarkup has already checked the syntax
 * of everything they look at. */

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gsize
skip_past (const char *data,
           gsize       length,
           gsize       from,
           const char *terminator)
{
  gsize n = strlen (terminator);

  for (gsize i = from; i + n <= length; i++)
    {
      if (memcmp (data + i, terminator, n) == 0)
        return i + n;
    }
  return length;
}

/* @i is at the '<' of a start or end tag; returns the offset after its '>'. */
static gsize
skip_tag (const char *data,
          gsize       length,
          gsize       i)
{
  char quote = 0;

  for (i++; i < length; i++)
    {
      char c = data[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
        }
      else if (c == '"' || c == '\'')
        {
          quote = c;
        }
      else if (c == '>')
        {
          return i + 1;
        }
    }
  return length;
}

/* Skips a comment, processing instruction or declaration at @i, the way
 * GMarkup does; returns @i when there is none there. */
static gsize
skip_passthrough (const char *data,
                  gsize       length,
                  gsize       i)
{
  gsize rest = length - i;

  if (rest >= 4 && memcmp (data + i, "<!--", 4) == 0)
    return skip_past (data, length, i + 4, "-->");
  if (rest >= 2 && memcmp (data + i, "<?", 2) == 0)
    return skip_past (data, length, i + 2, "?>");
  if (rest >= 9 && memcmp (data + i, "<![CDATA[", 9) == 0)
    return skip_past (data, length, i + 9, "]]>");
  if (rest >= 2 && memcmp (data + i, "<!", 2) == 0)
    {
      int balance = 1;

      for (i++; i < length; i++)
        {
          if (data[i] == '<')
            balance++;
          else if (data[i] == '>' && --balance == 0)
            return i + 1;
        }
      return length;
    }
  return i;
}

/* Returns the offset of the next start tag (@want_end FALSE) or end tag at
 * or after @from, skipping comments and the like. */
static gsize
find_tag (const char *data,
          gsize       length,
          gsize       from,
          gboolean    want_end)
{
  gsize i = from;

  while (i < length)
    {
      const char *lt = memchr (data + i, '<', length - i);
      gsize skipped;

      if (lt == NULL)
        return length;
      i = lt - data;

      skipped = skip_passthrough (data, length, i);
      if (skipped != i)
        {
          i = skipped;
          continue;
        }

      if (i + 1 < length && data[i + 1] == '/')
        {
          if (want_end)
            return i;
          i = skip_tag (data, length, i);
          continue;
        }

      if (!want_end)
        return i;
      i = skip_tag (data, length, i);
    }
  return length;
}

/* The offset of attribute number @index in the start tag at @tag. */
static gsize
attribute_offset (const char *data,
                  gsize       length,
                  gsize       tag,
                  guint       index)
{
  gsize i = tag + 1;
  guint n = 0;

  while (i < length && !is_xml_space (data[i]) && data[i] != '>' && data[i] != '/')
    i++;

  for (;;)
    {
      while (i < length && is_xml_space (data[i]))
        i++;
      if (i >= length || data[i] == '>' || data[i] == '/')
        return tag;
      if (n == index)
        return i;

      while (i < length && !is_xml_space (data[i]) && data[i] != '=' && data[i] != '>')
        i++;
      while (i < length && is_xml_space (data[i]))
        i++;
      if (i < length && data[i] == '=')
        i++;
      while (i < length && is_xml_space (data[i]))
        i++;
      if (i < length && (data[i] == '"' || data[i] == '\''))
        {
          char quote = data[i++];

          while (i < length && data[i] != quote)
            i++;
          i++;
        }
      n++;
    }
}

static LimberSourcePos
pos_at (Parser *p,
        gsize   offset)
{
  if (offset < p->cache_offset)
    {
      p->cache_offset = 0;
      p->cache_line = 1;
      p->cache_column = 1;
    }
  if (offset > p->length)
    offset = p->length;

  for (gsize i = p->cache_offset; i < offset; i++)
    {
      unsigned char c = p->data[i];

      if (c == '\n')
        {
          p->cache_line++;
          p->cache_column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        {
          /* Count characters, not the continuation bytes of UTF-8. */
          p->cache_column++;
        }
    }
  p->cache_offset = offset;
  return (LimberSourcePos) { p->cache_line, p->cache_column };
}

static LimberSourcePos
attribute_pos (Parser      *p,
               const Frame *frame,
               guint        index)
{
  return pos_at (p, attribute_offset (p->data, p->length, frame->offset, index));
}

/* Where the first non-blank character of the text after the last tag is. */
static LimberSourcePos
text_pos (Parser *p)
{
  gsize i = p->cursor;

  while (i < p->length)
    {
      gsize skipped;

      if (is_xml_space (p->data[i]))
        {
          i++;
          continue;
        }
      /* Comments and the like are skipped; CDATA is text. */
      if (p->data[i] == '<'
          && (i + 9 > p->length || memcmp (p->data + i, "<![CDATA[", 9) != 0))
        skipped = skip_passthrough (p->data, p->length, i);
      else
        skipped = i;
      if (skipped == i)
        break;
      i = skipped;
    }
  return pos_at (p, i);
}

/* Values */

/* A value as it appears in a message: short, on one line. */
static char *
quote_value (const char *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = value;
  guint n = 0;

  while (*p != '\0' && n < 40)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_iscntrl (c))
        g_string_append_c (text, ' ');
      else
        g_string_append_unichar (text, c);
      p = g_utf8_next_char (p);
      n++;
    }
  if (*p != '\0')
    g_string_append (text, "…");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef enum
{
  NUMBER_OK,
  NUMBER_INVALID,
  NUMBER_TOO_LARGE,
} NumberResult;

/* A whole number in decimal digits, nothing else. */
static NumberResult
parse_uint (const char *text,
            guint       max,
            guint      *out)
{
  guint64 value = 0;
  const char *p = text;

  if (*p == '\0')
    return NUMBER_INVALID;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return NUMBER_INVALID;
      value = value * 10 + (*p - '0');
      if (value > max)
        {
          while (g_ascii_isdigit (*p))
            p++;
          return *p == '\0' ? NUMBER_TOO_LARGE : NUMBER_INVALID;
        }
    }
  *out = (guint) value;
  return NUMBER_OK;
}

/* A decimal number: optional sign, digits, optional fraction. No exponent,
 * no "inf" or "nan", no hexadecimal: what people write. */
static NumberResult
parse_decimal (const char *text,
               double     *out)
{
  const char *p = text;
  guint digits = 0;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits++;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          digits++;
        }
    }
  if (*p != '\0' || digits == 0)
    return NUMBER_INVALID;
  if (digits > 12)
    return NUMBER_TOO_LARGE;
  *out = g_ascii_strtod (text, NULL);
  return NUMBER_OK;
}

static gboolean
parse_nick (GType       type,
            const char *value,
            int        *out)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, value);

  if (found != NULL)
    *out = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

static char *
list_nicks (GType type)
{
  GEnumClass *klass = g_type_class_ref (type);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);
  return g_string_free (names, FALSE);
}

/* Ids and names: lower-case letters, digits and single dashes. */
static gboolean
is_valid_name (const char *name)
{
  const char *p = name;

  if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        continue;
      if (*p == '-' && p[1] != '\0' && p[1] != '-')
        continue;
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_name (Parser      *p,
            const Frame *frame,
            guint        index,
            const char  *attribute,
            const char  *value,
            GError     **error)
{
  g_autofree char *shown = quote_value (value);

  if (g_utf8_strlen (value, -1) > LIMBER_ROUTINE_MAX_NAME_LENGTH)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d characters for “%s”, found “%s”"),
                                LIMBER_ROUTINE_MAX_NAME_LENGTH, attribute, shown);
      return FALSE;
    }
  if (!is_valid_name (value))
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected a name of lower-case letters, digits and dashes for "
                                  "“%s” (as in neck-relief), found “%s”"),
                                attribute, shown);
      return FALSE;
    }
  return TRUE;
}

/* Collapses runs of blanks into one space and trims the ends, as xgettext
 * does when it extracts the text, so the text is the catalogue's msgid. */
static char *
normalize_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (is_xml_space (*c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* Looks @text up in Limber's catalogue. gettext 0.21 writes &, < and >
 * of XML text as entities in the msgid, so try that spelling too. */
static char *
translate (const char *text)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, text);
  g_autofree char *amp = NULL;
  g_autofree char *lt = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *unescaped_lt = NULL;
  g_autofree char *unescaped_gt = NULL;

  if (translated != text || strpbrk (text, "&<>") == NULL)
    return g_strdup (translated);

  amp = replace_all (text, "&", "&amp;");
  lt = replace_all (amp, "<", "&lt;");
  escaped = replace_all (lt, ">", "&gt;");
  translated = g_dgettext (GETTEXT_PACKAGE, escaped);
  if (translated == escaped)
    return g_strdup (text);

  unescaped_lt = replace_all (translated, "&lt;", "<");
  unescaped_gt = replace_all (unescaped_lt, "&gt;", ">");
  return replace_all (unescaped_gt, "&amp;", "&");
}

/* Attributes */

typedef struct
{
  const char *name;
  gboolean required;
  const char *example;          /* for the message when it is missing */
  const char *value;            /* out */
  guint index;                  /* out: its position among the attributes */
} Attr;

static char *
list_attributes (const Attr *attrs,
                 guint       n_attrs,
                 gboolean    joints)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_attrs; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, attrs[i].name);
    }
  if (joints)
    {
      g_string_append (names, _(" and the joint angles "));
      for (guint j = 0; j < LIMBER_N_JOINTS; j++)
        {
          if (j > 0)
            g_string_append (names, ", ");
          g_string_append (names, limber_joint_get_name ((LimberJoint) j));
        }
    }
  return g_string_free (names, FALSE);
}

static gboolean
parse_angle (Parser      *p,
             const Frame *frame,
             guint        index,
             const char  *name,
             const char  *value,
             double      *out,
             GError     **error)
{
  g_autofree char *shown = quote_value (value);
  NumberResult result = parse_decimal (value, out);

  if (result == NUMBER_INVALID)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected an angle in degrees for “%s” (as in -15 or 90), "
                                  "found “%s”"),
                                name, shown);
      return FALSE;
    }
  if (result == NUMBER_TOO_LARGE || *out < -LIMBER_ANGLE_LIMIT || *out > LIMBER_ANGLE_LIMIT)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
                                _("Expected an angle from -%g to %g degrees for “%s”, found %s"),
                                LIMBER_ANGLE_LIMIT, LIMBER_ANGLE_LIMIT, name, shown);
      return FALSE;
    }
  return TRUE;
}

/* Matches the element's attributes to @attrs; with @pose, joint angles are
 * allowed too and go into it. */
static gboolean
collect_attributes (Parser         *p,
                    const Frame    *frame,
                    const char    **names,
                    const char    **values,
                    Attr           *attrs,
                    guint           n_attrs,
                    LimberPoseDef  *pose,
                    GError        **error)
{
  const char *element = element_names[frame->kind];

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean known = FALSE;
      LimberJoint joint;

      for (guint a = 0; a < n_attrs; a++)
        {
          if (!g_str_equal (names[i], attrs[a].name))
            continue;
          if (attrs[a].value != NULL)
            {
              limber_routine_set_error (error, p->path, attribute_pos (p, frame, i),
                                        LIMBER_ROUTINE_ERROR_DUPLICATE,
                                        _("Expected the attribute “%s” once on <%s>, found it "
                                          "twice"),
                                        names[i], element);
              return FALSE;
            }
          attrs[a].value = values[i];
          attrs[a].index = i;
          known = TRUE;
          break;
        }

      if (!known && pose != NULL && limber_joint_from_name (names[i], &joint))
        {
          if (pose->given & (1u << joint))
            {
              limber_routine_set_error (error, p->path, attribute_pos (p, frame, i),
                                        LIMBER_ROUTINE_ERROR_DUPLICATE,
                                        _("Expected the attribute “%s” once on <%s>, found it "
                                          "twice"),
                                        names[i], element);
              return FALSE;
            }
          if (!parse_angle (p, frame, i, names[i], values[i], &pose->angle[joint], error))
            return FALSE;
          pose->given |= 1u << joint;
          known = TRUE;
        }

      if (!known && n_attrs == 0 && pose == NULL)
        {
          g_autofree char *shown = quote_value (names[i]);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, i),
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                                    _("Expected no attributes on <%s>, found “%s”"),
                                    element, shown);
          return FALSE;
        }
      if (!known)
        {
          g_autofree char *expected = list_attributes (attrs, n_attrs, pose != NULL);
          g_autofree char *shown = quote_value (names[i]);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, i),
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                                    _("Expected one of the attributes %s on <%s>, found “%s”"),
                                    expected, element, shown);
          return FALSE;
        }
    }

  for (guint a = 0; a < n_attrs; a++)
    {
      if (attrs[a].required && attrs[a].value == NULL)
        {
          limber_routine_set_error (error, p->path, frame->pos,
                                    LIMBER_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                    _("Expected the attribute “%s” on <%s> (as in %s), found none"),
                                    attrs[a].name, element, attrs[a].example);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_format (Parser       *p,
              const Frame  *frame,
              const char  **names,
              const char  **values,
              GError      **error)
{
  guint version = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *shown = NULL;
      NumberResult result;

      if (!g_str_equal (names[i], "format"))
        continue;

      shown = quote_value (values[i]);
      result = parse_uint (values[i], G_MAXINT, &version);
      if (result == NUMBER_INVALID)
        {
          limber_routine_set_error (error, p->path, attribute_pos (p, frame, i),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected a format version number for “format” (as in "
                                      "format=\"%d\"), found “%s”"),
                                    LIMBER_ROUTINE_FORMAT_VERSION, shown);
          return FALSE;
        }
      if (result == NUMBER_TOO_LARGE || version != LIMBER_ROUTINE_FORMAT_VERSION)
        {
          limber_routine_set_error (error, p->path, attribute_pos (p, frame, i),
                                    LIMBER_ROUTINE_ERROR_VERSION,
                                    _("Expected format version %d, found format %s: this version "
                                      "of Limber cannot read it"),
                                    LIMBER_ROUTINE_FORMAT_VERSION, shown);
          return FALSE;
        }
      return TRUE;
    }

  limber_routine_set_error (error, p->path, frame->pos,
                            LIMBER_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                            _("Expected the attribute “format” on <%s> (as in format=\"%d\"), "
                              "found none"),
                            element_names[frame->kind], LIMBER_ROUTINE_FORMAT_VERSION);
  return FALSE;
}

/* Start of each element */

static gboolean
start_routine (Parser       *p,
               Frame        *frame,
               const char  **names,
               const char  **values,
               GError      **error)
{
  Attr attrs[] = {
    { "format", TRUE, "format=\"1\"" },
    { "id", TRUE, "id=\"neck-relief\"" },
    { "kind", TRUE, "kind=\"routine\"" },
    { "areas", TRUE, "areas=\"neck shoulders\"" },
  };
  g_autofree char *basename = NULL;
  g_auto(GStrv) area_names = NULL;
  int kind;

  if (!check_format (p, frame, names, values, error))
    return FALSE;
  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  if (!check_name (p, frame, attrs[1].index, "id", attrs[1].value, error))
    return FALSE;

  /* The id is the file's name, so two files in one folder never share one. */
  basename = g_path_get_basename (p->path);
  if (g_str_has_suffix (basename, ".xml"))
    {
      basename[strlen (basename) - 4] = '\0';
      if (!g_str_equal (basename, attrs[1].value))
        {
          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[1].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected the id “%s”, the name of the file without .xml, "
                                      "found “%s”"),
                                    basename, attrs[1].value);
          return FALSE;
        }
    }

  if (!parse_nick (LIMBER_TYPE_ROUTINE_KIND, attrs[2].value, &kind))
    {
      g_autofree char *expected = list_nicks (LIMBER_TYPE_ROUTINE_KIND);
      g_autofree char *shown = quote_value (attrs[2].value);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[2].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected one of %s for “kind”, found “%s”"),
                                expected, shown);
      return FALSE;
    }

  p->routine = limber_routine_def_new (p->path);
  p->routine->id = g_strdup (attrs[1].value);
  p->routine->kind = kind;

  area_names = g_strsplit_set (attrs[3].value, " \t\n\r", -1);
  for (guint i = 0; area_names[i] != NULL; i++)
    {
      LimberArea area;

      if (area_names[i][0] == '\0')
        continue;
      area = limber_area_from_name (area_names[i]);
      if (area == LIMBER_AREA_NONE)
        {
          g_autofree char *expected = limber_area_list_names ();
          g_autofree char *shown = quote_value (area_names[i]);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[3].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected areas from %s in “areas”, found “%s”"),
                                    expected, shown);
          return FALSE;
        }
      p->routine->areas |= area;
    }
  if (p->routine->areas == LIMBER_AREA_NONE)
    {
      g_autofree char *expected = limber_area_list_names ();

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[3].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected at least one area from %s in “areas”, found none"),
                                expected);
      return FALSE;
    }

  p->step_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

static gboolean
start_figures (Parser       *p,
               Frame        *frame,
               const char  **names,
               const char  **values,
               GError      **error)
{
  Attr attrs[] = {
    { "format", TRUE, "format=\"1\"" },
  };

  if (!check_format (p, frame, names, values, error))
    return FALSE;
  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  p->figures = limber_figure_file_new (p->path);
  p->pose_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->animation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

static gboolean
start_source (Parser       *p,
              Frame        *frame,
              const char  **names,
              const char  **values,
              GError      **error)
{
  Attr attrs[] = {
    { "url", TRUE, "url=\"https://www.nhs.uk/…\"" },
  };
  const char *url;

  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  if (p->routine->source_urls->len >= LIMBER_ROUTINE_MAX_SOURCES)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d sources in a routine, found more"),
                                LIMBER_ROUTINE_MAX_SOURCES);
      return FALSE;
    }

  url = attrs[0].value;
  if (strlen (url) > LIMBER_ROUTINE_MAX_URL_LENGTH)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[0].index),
                                LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected a web address of at most %d characters, found %zu"),
                                LIMBER_ROUTINE_MAX_URL_LENGTH, strlen (url));
      return FALSE;
    }
  if (!((g_str_has_prefix (url, "https://") && strlen (url) > strlen ("https://"))
        || (g_str_has_prefix (url, "http://") && strlen (url) > strlen ("http://")))
      || strpbrk (url, " \t\n\r") != NULL)
    {
      g_autofree char *shown = quote_value (url);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[0].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected a web address starting with https:// for “url”, "
                                  "found “%s”"),
                                shown);
      return FALSE;
    }

  g_ptr_array_add (p->routine->source_urls, g_strdup (url));
  return TRUE;
}

static gboolean
start_include (Parser       *p,
               Frame        *frame,
               const char  **names,
               const char  **values,
               GError      **error)
{
  Attr attrs[] = {
    { "src", TRUE, "src=\"my-figures.xml\"" },
  };
  g_auto(GStrv) parts = NULL;
  const char *src;
  LimberIncludeDef *include;

  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  if (p->routine->includes->len >= LIMBER_ROUTINE_MAX_INCLUDES)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d <figures> files in a routine, found more"),
                                LIMBER_ROUTINE_MAX_INCLUDES);
      return FALSE;
    }

  /* A routine may only use files from its own folder (or below it): it
   * cannot make Limber read anything else. The loader checks symbolic
   * links too, when it opens the file. */
  src = attrs[0].value;
  parts = g_strsplit (src, "/", -1);
  if (src[0] == '\0' || g_path_is_absolute (src) || src[0] == '~'
      || g_strv_contains ((const char * const *) parts, "..")
      || strchr (src, '\\') != NULL || strlen (src) > 255)
    {
      g_autofree char *shown = quote_value (src);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[0].index),
                                LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER,
                                _("Expected the path of a file in the routine's folder for “src” "
                                  "(as in my-figures.xml), found “%s”"),
                                shown);
      return FALSE;
    }

  include = g_new0 (LimberIncludeDef, 1);
  include->src = g_strdup (src);
  include->pos = attribute_pos (p, frame, attrs[0].index);
  g_ptr_array_add (p->routine->includes, include);
  return TRUE;
}

static gboolean
start_step (Parser       *p,
            Frame        *frame,
            const char  **names,
            const char  **values,
            GError      **error)
{
  Attr attrs[] = {
    { "id", TRUE, "id=\"chin-tucks\"" },
    { "duration", TRUE, "duration=\"30\"" },
    { "sides", FALSE, "sides=\"left-right\"" },
    { "repetitions", FALSE, "repetitions=\"5\"" },
    { "animation", TRUE, "animation=\"chin-tucks\"" },
  };
  g_autoptr(LimberStepDef) step = NULL;
  gpointer first_line;
  NumberResult result;
  int sides = LIMBER_STEP_SIDES_ONCE;

  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  if (p->routine->steps->len >= LIMBER_ROUTINE_MAX_STEPS)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d steps in a routine, found more"),
                                LIMBER_ROUTINE_MAX_STEPS);
      return FALSE;
    }

  if (!check_name (p, frame, attrs[0].index, "id", attrs[0].value, error))
    return FALSE;
  if (g_hash_table_lookup_extended (p->step_ids, attrs[0].value, NULL, &first_line))
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[0].index),
                                LIMBER_ROUTINE_ERROR_DUPLICATE,
                                _("Expected a step id not used before, found “%s” again "
                                  "(first used on line %d)"),
                                attrs[0].value, GPOINTER_TO_INT (first_line));
      return FALSE;
    }

  step = limber_step_def_new ();
  step->id = g_strdup (attrs[0].value);

  result = parse_uint (attrs[1].value, LIMBER_ROUTINE_MAX_STEP_SECONDS, &step->duration);
  if (result == NUMBER_INVALID)
    {
      g_autofree char *shown = quote_value (attrs[1].value);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[1].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected a whole number of seconds for “duration” (as in 30), "
                                  "found “%s”"),
                                shown);
      return FALSE;
    }
  if (result == NUMBER_TOO_LARGE || step->duration < LIMBER_ROUTINE_MIN_STEP_SECONDS)
    {
      g_autofree char *shown = quote_value (attrs[1].value);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[1].index),
                                LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
                                _("Expected a “duration” from %d to %d seconds, found %s"),
                                LIMBER_ROUTINE_MIN_STEP_SECONDS, LIMBER_ROUTINE_MAX_STEP_SECONDS,
                                shown);
      return FALSE;
    }

  if (attrs[2].value != NULL && !parse_nick (LIMBER_TYPE_STEP_SIDES, attrs[2].value, &sides))
    {
      g_autofree char *expected = list_nicks (LIMBER_TYPE_STEP_SIDES);
      g_autofree char *shown = quote_value (attrs[2].value);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[2].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected one of %s for “sides”, found “%s”"),
                                expected, shown);
      return FALSE;
    }
  step->sides = sides;

  if (attrs[3].value != NULL)
    {
      result = parse_uint (attrs[3].value, LIMBER_ROUTINE_MAX_REPETITIONS, &step->repetitions);
      if (result == NUMBER_INVALID)
        {
          g_autofree char *shown = quote_value (attrs[3].value);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[3].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected a whole number for “repetitions” (as in 5), "
                                      "found “%s”"),
                                    shown);
          return FALSE;
        }
      if (result == NUMBER_TOO_LARGE || step->repetitions == 0)
        {
          g_autofree char *shown = quote_value (attrs[3].value);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[3].index),
                                    LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
                                    _("Expected “repetitions” from 1 to %d, found %s"),
                                    LIMBER_ROUTINE_MAX_REPETITIONS, shown);
          return FALSE;
        }
    }

  if (!check_name (p, frame, attrs[4].index, "animation", attrs[4].value, error))
    return FALSE;
  step->animation = g_strdup (attrs[4].value);
  step->animation_pos = attribute_pos (p, frame, attrs[4].index);

  g_hash_table_insert (p->step_ids, g_strdup (step->id), GINT_TO_POINTER (frame->pos.line));
  p->step = g_steal_pointer (&step);
  return TRUE;
}

static gboolean
check_new_name (Parser      *p,
                const Frame *frame,
                guint        index,
                GHashTable  *names,
                const char  *what,
                const char  *name,
                GError     **error)
{
  gpointer first_line;

  if (!check_name (p, frame, index, "name", name, error))
    return FALSE;
  if (g_hash_table_lookup_extended (names, name, NULL, &first_line))
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_DUPLICATE,
                                /* Translators: the first %s is "pose" or "animation" */
                                _("Expected a %s name not used before in this file, found “%s” "
                                  "again (first used on line %d)"),
                                what, name, GPOINTER_TO_INT (first_line));
      return FALSE;
    }
  g_hash_table_insert (names, g_strdup (name), GINT_TO_POINTER (frame->pos.line));
  return TRUE;
}

static gboolean
start_pose (Parser       *p,
            Frame        *frame,
            const char  **names,
            const char  **values,
            GError      **error)
{
  Attr attrs[] = {
    { "name", TRUE, "name=\"seated-side\"" },
    { "base", FALSE, "base=\"seated-side\"" },
    { "view", FALSE, "view=\"side\"" },
    { "posture", FALSE, "posture=\"seated\"" },
  };
  g_autoptr(LimberPoseDef) pose = limber_pose_def_new ();
  int view = LIMBER_FIGURE_VIEW_SIDE;
  int posture = LIMBER_FIGURE_POSTURE_SEATED;

  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), pose, error))
    return FALSE;

  if (p->figures->poses->len >= LIMBER_ROUTINE_MAX_POSES)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d poses in a figures file, found more"),
                                LIMBER_ROUTINE_MAX_POSES);
      return FALSE;
    }
  if (!check_new_name (p, frame, attrs[0].index, p->pose_names, _("pose"), attrs[0].value, error))
    return FALSE;

  if (attrs[1].value != NULL)
    {
      /* A derived pose is drawn like its base. */
      for (guint a = 2; a <= 3; a++)
        {
          if (attrs[a].value != NULL)
            {
              limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[a].index),
                                        LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                        _("Expected no “%s” on a pose with a “base”: it takes its "
                                          "view and posture from the base, found “%s”"),
                                        attrs[a].name, attrs[a].value);
              return FALSE;
            }
        }
      if (!check_name (p, frame, attrs[1].index, "base", attrs[1].value, error))
        return FALSE;
      pose->base = g_strdup (attrs[1].value);
      pose->base_pos = attribute_pos (p, frame, attrs[1].index);
    }
  else
    {
      for (guint a = 2; a <= 3; a++)
        {
          if (attrs[a].value == NULL)
            {
              limber_routine_set_error (error, p->path, frame->pos,
                                        LIMBER_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                        _("Expected the attribute “%s” on a <pose> without a "
                                          "“base” (as in %s), found none"),
                                        attrs[a].name, attrs[a].example);
              return FALSE;
            }
        }
      if (!parse_nick (LIMBER_TYPE_FIGURE_VIEWPOINT, attrs[2].value, &view))
        {
          g_autofree char *expected = list_nicks (LIMBER_TYPE_FIGURE_VIEWPOINT);
          g_autofree char *shown = quote_value (attrs[2].value);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[2].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected one of %s for “view”, found “%s”"),
                                    expected, shown);
          return FALSE;
        }
      if (!parse_nick (LIMBER_TYPE_FIGURE_POSTURE, attrs[3].value, &posture))
        {
          g_autofree char *expected = list_nicks (LIMBER_TYPE_FIGURE_POSTURE);
          g_autofree char *shown = quote_value (attrs[3].value);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[3].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected one of %s for “posture”, found “%s”"),
                                    expected, shown);
          return FALSE;
        }
    }

  pose->name = g_strdup (attrs[0].value);
  pose->pos = frame->pos;
  pose->view = view;
  pose->posture = posture;
  g_ptr_array_add (p->figures->poses, g_steal_pointer (&pose));
  return TRUE;
}

static gboolean
parse_seconds (Parser      *p,
               const Frame *frame,
               guint        index,
               const char  *name,
               const char  *value,
               double       min,
               double       max,
               double      *out,
               GError     **error)
{
  g_autofree char *shown = quote_value (value);
  NumberResult result = parse_decimal (value, out);

  if (result == NUMBER_INVALID)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected a number of seconds for “%s” (as in 2.5), found “%s”"),
                                name, shown);
      return FALSE;
    }
  if (result == NUMBER_TOO_LARGE || *out < min || *out > max)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, index),
                                LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
                                _("Expected “%s” from %g to %g seconds, found %s"),
                                name, min, max, shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_animation (Parser       *p,
                 Frame        *frame,
                 const char  **names,
                 const char  **values,
                 GError      **error)
{
  Attr attrs[] = {
    { "name", TRUE, "name=\"chin-tucks\"" },
    { "duration", TRUE, "duration=\"6\"" },
    { "loop", FALSE, "loop=\"false\"" },
  };
  g_autoptr(LimberAnimationDef) animation = NULL;
  double duration;

  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  if (p->figures->animations->len >= LIMBER_ROUTINE_MAX_ANIMATIONS)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d animations in a figures file, found more"),
                                LIMBER_ROUTINE_MAX_ANIMATIONS);
      return FALSE;
    }
  if (!check_new_name (p, frame, attrs[0].index, p->animation_names, _("animation"),
                       attrs[0].value, error))
    return FALSE;
  if (!parse_seconds (p, frame, attrs[1].index, "duration", attrs[1].value,
                      LIMBER_ANIMATION_MIN_SECONDS, LIMBER_ANIMATION_MAX_SECONDS, &duration, error))
    return FALSE;

  animation = limber_animation_def_new ();
  animation->name = g_strdup (attrs[0].value);
  animation->pos = frame->pos;
  animation->duration = duration;

  if (attrs[2].value != NULL)
    {
      if (g_str_equal (attrs[2].value, "true"))
        animation->loops = TRUE;
      else if (g_str_equal (attrs[2].value, "false"))
        animation->loops = FALSE;
      else
        {
          g_autofree char *shown = quote_value (attrs[2].value);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[2].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected true or false for “loop”, found “%s”"), shown);
          return FALSE;
        }
    }

  p->animation = g_steal_pointer (&animation);
  return TRUE;
}

static gboolean
start_key (Parser       *p,
           Frame        *frame,
           const char  **names,
           const char  **values,
           GError      **error)
{
  Attr attrs[] = {
    { "time", TRUE, "time=\"1.5\"" },
    { "pose", TRUE, "pose=\"seated-side\"" },
    { "ease", FALSE, "ease=\"linear\"" },
    { "cue", FALSE, "cue=\"repetition\"" },
  };
  LimberAnimationDef *animation = p->animation;
  LimberKeyDef key = { 0 };
  int easing = LIMBER_EASING_EASE_IN_OUT;

  if (!collect_attributes (p, frame, names, values, attrs, G_N_ELEMENTS (attrs), NULL, error))
    return FALSE;

  if (animation->keys->len >= LIMBER_ROUTINE_MAX_KEYS)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d keys in an animation, found more"),
                                LIMBER_ROUTINE_MAX_KEYS);
      return FALSE;
    }

  if (!parse_seconds (p, frame, attrs[0].index, "time", attrs[0].value,
                      0.0, animation->duration, &key.time, error))
    return FALSE;
  if (animation->keys->len == 0 && key.time != 0.0)
    {
      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[0].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected the first key at time 0, found %g"), key.time);
      return FALSE;
    }
  if (animation->keys->len > 0)
    {
      double previous = g_array_index (animation->keys, LimberKeyDef,
                                       animation->keys->len - 1).time;

      if (key.time <= previous)
        {
          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[0].index),
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected a time later than %g (the key before), found %g"),
                                    previous, key.time);
          return FALSE;
        }
    }

  if (!check_name (p, frame, attrs[1].index, "pose", attrs[1].value, error))
    return FALSE;

  if (attrs[2].value != NULL && !parse_nick (LIMBER_TYPE_EASING, attrs[2].value, &easing))
    {
      g_autofree char *expected = list_nicks (LIMBER_TYPE_EASING);
      g_autofree char *shown = quote_value (attrs[2].value);

      limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[2].index),
                                LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected one of %s for “ease”, found “%s”"),
                                expected, shown);
      return FALSE;
    }

  if (attrs[3].value != NULL)
    {
      if (!limber_cue_from_name (attrs[3].value, &key.cue))
        {
          g_autofree char *expected = limber_cue_list_names ();
          g_autofree char *shown = quote_value (attrs[3].value);

          limber_routine_set_error (error, p->path, attribute_pos (p, frame, attrs[3].index),
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE,
                                    _("Expected one of the cues %s for “cue”, found “%s”"),
                                    expected, shown);
          return FALSE;
        }
      key.has_cue = TRUE;
    }

  key.easing = easing;
  key.pose = g_strdup (attrs[1].value);
  key.pose_pos = attribute_pos (p, frame, attrs[1].index);
  g_array_append_val (animation->keys, key);
  return TRUE;
}

static gboolean
start_text_element (Parser       *p,
                    Frame        *frame,
                    const char  **names,
                    const char  **values,
                    GError      **error)
{
  if (frame->kind == EL_SOURCE)
    {
      if (!start_source (p, frame, names, values, error))
        return FALSE;
    }
  else if (!collect_attributes (p, frame, names, values, NULL, 0, NULL, error))
    {
      return FALSE;
    }

  if (frame->kind == EL_CAUTION && p->step->cautions->len >= LIMBER_ROUTINE_MAX_CAUTIONS)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %d cautions in a step, found more"),
                                LIMBER_ROUTINE_MAX_CAUTIONS);
      return FALSE;
    }

  g_string_truncate (p->text, 0);
  return TRUE;
}

static char *
list_children (ElementKind parent)
{
  GString *names = g_string_new (NULL);

  for (guint kind = 0; kind < G_N_ELEMENTS (element_names); kind++)
    {
      if (children_of[parent] & KIND_BIT (kind))
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append_printf (names, "<%s>", element_names[kind]);
        }
    }
  return g_string_free (names, FALSE);
}

static void
parser_start_element (GMarkupParseContext  *context,
                      const char           *name,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  Parser *p = user_data;
  Frame *parent = p->depth > 0 ? &p->stack[p->depth - 1] : NULL;
  Frame frame = { 0 };
  gsize offset;
  gboolean ok = FALSE;

  offset = find_tag (p->data, p->length, p->cursor, FALSE);
  p->cursor = skip_tag (p->data, p->length, offset);
  frame.offset = offset;
  frame.pos = pos_at (p, offset);
  frame.self_closing = p->cursor >= 2 && p->data[p->cursor - 2] == '/';

  if (parent == NULL)
    {
      if (p->seen_root)
        {
          limber_routine_set_error (error, p->path, frame.pos,
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                    _("Expected the end of the file after the root element, "
                                      "found <%s>"),
                                    name);
          return;
        }
      p->seen_root = TRUE;

      if (g_str_equal (name, "routine"))
        frame.kind = EL_ROUTINE;
      else if (g_str_equal (name, "figures"))
        frame.kind = EL_FIGURES;
      else
        {
          limber_routine_set_error (error, p->path, frame.pos,
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                    _("Expected <routine> or <figures> as the first element, "
                                      "found <%s>"),
                                    name);
          return;
        }
    }
  else
    {
      gboolean found = FALSE;

      if (p->depth >= LIMBER_ROUTINE_MAX_DEPTH)
        {
          limber_routine_set_error (error, p->path, frame.pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                    _("Expected at most %d levels of elements, found <%s> "
                                      "inside <%s>, which holds no elements"),
                                    LIMBER_ROUTINE_MAX_DEPTH, name,
                                    element_names[parent->kind]);
          return;
        }

      for (guint kind = 0; kind < G_N_ELEMENTS (element_names); kind++)
        {
          if ((children_of[parent->kind] & KIND_BIT (kind))
              && g_str_equal (name, element_names[kind]))
            {
              frame.kind = kind;
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          if (children_of[parent->kind] == 0)
            limber_routine_set_error (error, p->path, frame.pos,
                                      LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                      _("Expected no elements inside <%s>, found <%s>"),
                                      element_names[parent->kind], name);
          else
            {
              g_autofree char *expected = list_children (parent->kind);

              limber_routine_set_error (error, p->path, frame.pos,
                                        LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                        _("Expected one of %s inside <%s>, found <%s>"),
                                        expected, element_names[parent->kind], name);
            }
          return;
        }

      if ((SINGLE_KINDS & KIND_BIT (frame.kind)) && (parent->seen & KIND_BIT (frame.kind)))
        {
          limber_routine_set_error (error, p->path, frame.pos, LIMBER_ROUTINE_ERROR_DUPLICATE,
                                    _("Expected one <%s> inside <%s>, found a second one"),
                                    name, element_names[parent->kind]);
          return;
        }
      parent->seen |= KIND_BIT (frame.kind);
    }

  switch (frame.kind)
    {
    case EL_ROUTINE:
      ok = start_routine (p, &frame, names, values, error);
      break;
    case EL_FIGURES:
      ok = start_figures (p, &frame, names, values, error);
      break;
    case EL_INCLUDE:
      ok = start_include (p, &frame, names, values, error);
      break;
    case EL_STEP:
      ok = start_step (p, &frame, names, values, error);
      break;
    case EL_POSE:
      ok = start_pose (p, &frame, names, values, error);
      break;
    case EL_ANIMATION:
      ok = start_animation (p, &frame, names, values, error);
      break;
    case EL_KEY:
      ok = start_key (p, &frame, names, values, error);
      break;
    case EL_TITLE:
    case EL_DESCRIPTION:
    case EL_SAFETY:
    case EL_SOURCE:
    case EL_INSTRUCTIONS:
    case EL_BREATHING:
    case EL_FEEL:
    case EL_AVOID:
    case EL_CAUTION:
      ok = start_text_element (p, &frame, names, values, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    p->stack[p->depth++] = frame;
}

/* End of each element */

static gboolean
end_text_element (Parser  *p,
                  Frame   *frame,
                  GError **error)
{
  g_autofree char *text = normalize_space (p->text->str);
  const char *name = element_names[frame->kind];
  glong max = frame->kind == EL_TITLE ? LIMBER_ROUTINE_MAX_TITLE_LENGTH
                                      : LIMBER_ROUTINE_MAX_TEXT_LENGTH;
  glong length = g_utf8_strlen (text, -1);
  LimberStepDef *step = p->step;
  LimberRoutineDef *routine = p->routine;

  if (length == 0)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                _("Expected some text inside <%s>, found none"), name);
      return FALSE;
    }
  if (length > max)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected at most %ld characters inside <%s>, found %ld"),
                                max, name, length);
      return FALSE;
    }

  switch (frame->kind)
    {
    case EL_TITLE:
      if (step != NULL)
        step->title = translate (text);
      else
        routine->title = translate (text);
      break;
    case EL_DESCRIPTION:
      routine->description = translate (text);
      break;
    case EL_SAFETY:
      routine->safety = translate (text);
      break;
    case EL_SOURCE:
      /* The names of sources stay as published. */
      g_ptr_array_add (routine->source_titles, g_steal_pointer (&text));
      break;
    case EL_INSTRUCTIONS:
      step->instructions = translate (text);
      break;
    case EL_BREATHING:
      step->breathing = translate (text);
      break;
    case EL_FEEL:
      step->feel = translate (text);
      break;
    case EL_AVOID:
      step->avoid = translate (text);
      break;
    case EL_CAUTION:
      g_ptr_array_add (step->cautions, translate (text));
      break;
    case EL_ROUTINE:
    case EL_FIGURES:
    case EL_INCLUDE:
    case EL_STEP:
    case EL_POSE:
    case EL_ANIMATION:
    case EL_KEY:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
require_child (Parser      *p,
               const Frame *frame,
               ElementKind  child,
               const char  *hint,
               GError     **error)
{
  if (frame->seen & KIND_BIT (child))
    return TRUE;

  limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_MISSING_ELEMENT,
                            /* Translators: the last %s is a hint such as "say what to feel" */
                            _("Expected a <%s> inside <%s>, found none: %s"),
                            element_names[child], element_names[frame->kind], hint);
  return FALSE;
}

static gboolean
end_step (Parser  *p,
          Frame   *frame,
          GError **error)
{
  if (!require_child (p, frame, EL_TITLE, _("give the step a short title"), error)
      || !require_child (p, frame, EL_INSTRUCTIONS,
                         _("say what to do in one to three sentences"), error)
      || !require_child (p, frame, EL_FEEL, _("say what the person should feel"), error)
      || !require_child (p, frame, EL_AVOID, _("say what to avoid"), error))
    return FALSE;

  g_ptr_array_add (p->routine->steps, g_steal_pointer (&p->step));
  return TRUE;
}

static gboolean
end_routine (Parser  *p,
             Frame   *frame,
             GError **error)
{
  guint total = 0;

  if (!require_child (p, frame, EL_TITLE, _("give the routine a title"), error)
      || !require_child (p, frame, EL_DESCRIPTION,
                         _("say what the routine is for in a sentence or two"), error)
      || !require_child (p, frame, EL_SAFETY, _("every routine carries the safety note"), error)
      || !require_child (p, frame, EL_SOURCE,
                         _("name the guidance the routine is based on"), error)
      || !require_child (p, frame, EL_STEP, _("a routine needs at least one step"), error))
    return FALSE;

  for (guint i = 0; i < p->routine->steps->len; i++)
    {
      LimberStepDef *step = g_ptr_array_index (p->routine->steps, i);

      total += step->sides == LIMBER_STEP_SIDES_LEFT_RIGHT ? 2 * step->duration : step->duration;
    }

  if (p->routine->kind == LIMBER_ROUTINE_KIND_MICRO_STRETCH
      && total > LIMBER_MICRO_STRETCH_MAX_SECONDS)
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
                                _("Expected a micro-stretch of at most %d seconds in all, found "
                                  "%u (left-right steps count twice)"),
                                LIMBER_MICRO_STRETCH_MAX_SECONDS, total);
      return FALSE;
    }
  if (p->routine->kind == LIMBER_ROUTINE_KIND_ROUTINE
      && (total < LIMBER_ROUTINE_MIN_SECONDS || total > LIMBER_ROUTINE_MAX_SECONDS))
    {
      limber_routine_set_error (error, p->path, frame->pos, LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
                                _("Expected a routine of %d to %d seconds in all, found %u "
                                  "(left-right steps count twice)"),
                                LIMBER_ROUTINE_MIN_SECONDS, LIMBER_ROUTINE_MAX_SECONDS, total);
      return FALSE;
    }
  return TRUE;
}

static gboolean
end_animation (Parser  *p,
               Frame   *frame,
               GError **error)
{
  if (!require_child (p, frame, EL_KEY, _("an animation needs at least one key"), error))
    return FALSE;

  g_ptr_array_add (p->figures->animations, g_steal_pointer (&p->animation));
  return TRUE;
}

static void
parser_end_element (GMarkupParseContext  *context,
                    const char           *name,
                    gpointer              user_data,
                    GError              **error)
{
  Parser *p = user_data;
  Frame *frame;

  g_assert (p->depth > 0);
  frame = &p->stack[p->depth - 1];

  if (!frame->self_closing)
    {
      gsize offset = find_tag (p->data, p->length, p->cursor, TRUE);

      p->cursor = skip_tag (p->data, p->length, offset);
    }

  if (TEXT_KINDS & KIND_BIT (frame->kind))
    {
      if (!end_text_element (p, frame, error))
        return;
    }
  else if (frame->kind == EL_STEP)
    {
      if (!end_step (p, frame, error))
        return;
    }
  else if (frame->kind == EL_ROUTINE)
    {
      if (!end_routine (p, frame, error))
        return;
    }
  else if (frame->kind == EL_ANIMATION)
    {
      if (!end_animation (p, frame, error))
        return;
    }

  p->depth--;
}

static void
parser_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  Parser *p = user_data;
  const Frame *frame = p->depth > 0 ? &p->stack[p->depth - 1] : NULL;

  if (frame != NULL && (TEXT_KINDS & KIND_BIT (frame->kind)))
    {
      g_string_append_len (p->text, text, length);
      return;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (!is_xml_space (text[i]))
        {
          g_autofree char *copy = g_strndup (text, length);
          g_autofree char *trimmed = normalize_space (copy);
          g_autofree char *shown = quote_value (trimmed);

          if (frame == NULL)
            limber_routine_set_error (error, p->path, text_pos (p),
                                      LIMBER_ROUTINE_ERROR_UNEXPECTED_TEXT,
                                      _("Expected only elements, found the text “%s”"), shown);
          else
            limber_routine_set_error (error, p->path, text_pos (p),
                                      LIMBER_ROUTINE_ERROR_UNEXPECTED_TEXT,
                                      _("Expected only elements inside <%s>, found the text “%s”"),
                                      element_names[frame->kind], shown);
          return;
        }
    }
}

static const GMarkupParser markup_parser = {
  parser_start_element,
  parser_end_element,
  parser_text,
  NULL,
  NULL,
};

static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

static void
parser_clear (Parser *p)
{
  g_clear_pointer (&p->text, string_free);
  g_clear_pointer (&p->routine, limber_routine_def_free);
  g_clear_pointer (&p->step, limber_step_def_free);
  g_clear_pointer (&p->step_ids, g_hash_table_unref);
  g_clear_pointer (&p->figures, limber_figure_file_free);
  g_clear_pointer (&p->animation, limber_animation_def_free);
  g_clear_pointer (&p->pose_names, g_hash_table_unref);
  g_clear_pointer (&p->animation_names, g_hash_table_unref);
}

/* GMarkup puts "Error on line N char M: " before its messages; the
 * location goes elsewhere here, so take it off. */
static const char *
strip_markup_prefix (const char *message)
{
  const char *p = message;

  if (!g_str_has_prefix (p, "Error on line "))
    return message;
  p = strstr (p, ": ");
  return p != NULL ? p + 2 : message;
}

/**
 * limber_routine_parser_parse: (skip)
 * @path: the file name, for messages and the id check
 * @data: the file's contents
 * @length: the length of @data, or -1 if it is nul-terminated
 * @out: (out caller-allocates): the routine or the figures of the file
 * @error: return location for a #LIMBER_ROUTINE_ERROR
 *
 * Parses a routine or figures file. Nothing is looked up yet: poses,
 * animations and referenced files are resolved by the loader.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_routine_parser_parse (const char        *path,
                             const char        *data,
                             gssize             length,
                             LimberParsedFile  *out,
                             GError           **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  Parser p = { 0 };
  const char *nul;
  const char *invalid;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (length < 0)
    length = strlen (data);

  if ((gsize) length > LIMBER_ROUTINE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (LIMBER_ROUTINE_MAX_FILE_SIZE);

      limber_routine_set_error (error, path, (LimberSourcePos) { 0, 0 }, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected a file of at most %s, found %s"), max, size);
      return FALSE;
    }

  /* A byte order mark is harmless; some editors write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  p.path = path;
  p.data = data;
  p.length = length;
  p.cache_line = 1;
  p.cache_column = 1;
  p.text = g_string_new (NULL);

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      limber_routine_set_error (error, path, pos_at (&p, nul - data), LIMBER_ROUTINE_ERROR_SYNTAX,
                                _("Expected text, found a NUL byte: this is not a text file"));
      parser_clear (&p);
      return FALSE;
    }

  /* Checked here rather than left to GMarkup: it reports bad UTF-8 in a
   * CDATA section but goes on parsing (GLib 2.74), and this says where. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      limber_routine_set_error (error, path, pos_at (&p, invalid - data),
                                LIMBER_ROUTINE_ERROR_SYNTAX,
                                _("Expected UTF-8 text, found a byte that is not UTF-8: save the "
                                  "file as UTF-8"));
      parser_clear (&p);
      return FALSE;
    }

  context = g_markup_parse_context_new (&markup_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &p, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == G_MARKUP_ERROR)
        {
          /* GLib 2.74 quotes invalid UTF-8 in some messages as it is. */
          g_autofree char *reason = g_utf8_make_valid (strip_markup_prefix (local_error->message),
                                                       -1);
          int line, column;

          g_markup_parse_context_get_position (context, &line, &column);
          limber_routine_set_error (error, path, (LimberSourcePos) { line, column },
                                    LIMBER_ROUTINE_ERROR_SYNTAX,
                                    _("Expected well-formed XML: %s"), reason);
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      parser_clear (&p);
      return FALSE;
    }

  /* GMarkup accepts a document of nothing but comments. */
  if (p.routine == NULL && p.figures == NULL)
    {
      limber_routine_set_error (error, path, pos_at (&p, p.length), LIMBER_ROUTINE_ERROR_SYNTAX,
                                _("Expected a <routine> or <figures> element, found none"));
      parser_clear (&p);
      return FALSE;
    }

  if (p.routine != NULL)
    out->routine = limber_routine_new_from_def (p.routine);
  else
    out->figures = g_steal_pointer (&p.figures);
  parser_clear (&p);
  return TRUE;
}

void
limber_parsed_file_clear (LimberParsedFile *parsed)
{
  g_clear_object (&parsed->routine);
  g_clear_pointer (&parsed->figures, limber_figure_file_free);
}

/**
 * limber_routine_parser_read_file:
 * @path: a file name
 * @out_data: (out) (transfer full): the contents, nul-terminated
 * @out_length: (out): the length of the contents
 * @error: return location for a #LIMBER_ROUTINE_ERROR
 *
 * Reads a routine or figures file, refusing anything that is not a regular
 * file or is larger than %LIMBER_ROUTINE_MAX_FILE_SIZE without reading it.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_routine_parser_read_file (const char  *path,
                                 char       **out_data,
                                 gsize       *out_length,
                                 GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_data != NULL, FALSE);
  g_return_val_if_fail (out_length != NULL, FALSE);

  /* O_NONBLOCK: opening a FIFO must not hang; it is refused below. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      limber_routine_set_error (error, path, (LimberSourcePos) { 0, 0 }, LIMBER_ROUTINE_ERROR_IO,
                                _("Cannot open the file: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      limber_routine_set_error (error, path, (LimberSourcePos) { 0, 0 }, LIMBER_ROUTINE_ERROR_IO,
                                _("Expected a regular file, found a folder or a special file"));
      g_close (fd, NULL);
      return FALSE;
    }

  if (st.st_size > LIMBER_ROUTINE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (LIMBER_ROUTINE_MAX_FILE_SIZE);

      limber_routine_set_error (error, path, (LimberSourcePos) { 0, 0 }, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected a file of at most %s, found %s"), max, size);
      g_close (fd, NULL);
      return FALSE;
    }

  /* Read one byte more than allowed, to notice a file that grew. */
  buffer = g_malloc (LIMBER_ROUTINE_MAX_FILE_SIZE + 2);
  while (length <= LIMBER_ROUTINE_MAX_FILE_SIZE)
    {
      gssize n = read (fd, buffer + length, LIMBER_ROUTINE_MAX_FILE_SIZE + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          limber_routine_set_error (error, path, (LimberSourcePos) { 0, 0 },
                                    LIMBER_ROUTINE_ERROR_IO,
                                    _("Cannot read the file: %s"), g_strerror (saved_errno));
          g_close (fd, NULL);
          return FALSE;
        }
      if (n == 0)
        break;
      length += n;
    }
  g_close (fd, NULL);

  if (length > LIMBER_ROUTINE_MAX_FILE_SIZE)
    {
      g_autofree char *max = g_format_size (LIMBER_ROUTINE_MAX_FILE_SIZE);

      limber_routine_set_error (error, path, (LimberSourcePos) { 0, 0 }, LIMBER_ROUTINE_ERROR_LIMIT,
                                _("Expected a file of at most %s, found a larger one"), max);
      return FALSE;
    }

  buffer[length] = '\0';
  *out_data = g_realloc (g_steal_pointer (&buffer), length + 1);
  *out_length = length;
  return TRUE;
}

/**
 * limber_routine_parser_parse_routine:
 * @path: the file name, for messages; when it ends in ".xml", the
 *   routine's id must be the name without it
 * @data: the file's contents
 * @length: the length of @data, or -1 if it is nul-terminated
 * @error: return location for a #LIMBER_ROUTINE_ERROR
 *
 * Parses a routine file. Its steps are not yet linked to animations: see
 * limber_routine_resolve().
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL with @error set
 */
LimberRoutine *
limber_routine_parser_parse_routine (const char  *path,
                                     const char  *data,
                                     gssize       length,
                                     GError     **error)
{
  LimberParsedFile parsed;

  if (!limber_routine_parser_parse (path, data, length, &parsed, error))
    return NULL;

  if (parsed.routine == NULL)
    {
      limber_routine_set_error (error, path, (LimberSourcePos) { 1, 1 },
                                LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                _("Expected a <routine> file, found a <figures> file"));
      limber_parsed_file_clear (&parsed);
      return NULL;
    }
  return parsed.routine;
}

/**
 * limber_routine_parser_parse_figures:
 * @path: the file name, for messages
 * @data: the file's contents
 * @length: the length of @data, or -1 if it is nul-terminated
 * @parent: (nullable): poses and animations the file may use
 * @error: return location for a #LIMBER_ROUTINE_ERROR
 *
 * Parses a figures file and resolves its base poses and keyframes.
 *
 * Returns: (transfer full) (nullable): its poses and animations, in a set
 *   whose parent is @parent; or %NULL with @error set
 */
LimberFigureSet *
limber_routine_parser_parse_figures (const char       *path,
                                     const char       *data,
                                     gssize            length,
                                     LimberFigureSet  *parent,
                                     GError          **error)
{
  LimberParsedFile parsed;
  LimberFigureSet *set;

  if (!limber_routine_parser_parse (path, data, length, &parsed, error))
    return NULL;

  if (parsed.figures == NULL)
    {
      limber_routine_set_error (error, path, (LimberSourcePos) { 1, 1 },
                                LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                                _("Expected a <figures> file, found a <routine> file"));
      limber_parsed_file_clear (&parsed);
      return NULL;
    }

  set = limber_figure_set_new_from_file (parsed.figures, parent, error);
  limber_parsed_file_clear (&parsed);
  return set;
}
