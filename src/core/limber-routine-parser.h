/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-routine-parser.h: reads routine and figure files (XML, format 1)
 * with GMarkup. Every error is a LIMBER_ROUTINE_ERROR that says where
 * (file:line:column), what was expected and what was found. */

#pragma once

#include <glib-object.h>

#include "limber-figure.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_ROUTINE_ERROR (limber_routine_error_quark ())
#define LIMBER_TYPE_ROUTINE_ERROR (limber_routine_error_get_type ())

/**
 * LimberRoutineError:
 * @LIMBER_ROUTINE_ERROR_IO: the file cannot be read
 * @LIMBER_ROUTINE_ERROR_SYNTAX: the file is not well-formed XML
 * @LIMBER_ROUTINE_ERROR_VERSION: the file's format version is not one this
 *   Limber reads
 * @LIMBER_ROUTINE_ERROR_LIMIT: a limit is exceeded (file size, number of
 *   steps, length of a text, nesting)
 * @LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT: an element that does not belong
 *   where it is
 * @LIMBER_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE: an attribute the element does not
 *   have
 * @LIMBER_ROUTINE_ERROR_UNEXPECTED_TEXT: text where only elements belong
 * @LIMBER_ROUTINE_ERROR_MISSING_ELEMENT: a required element is missing
 * @LIMBER_ROUTINE_ERROR_MISSING_ATTRIBUTE: a required attribute is missing
 * @LIMBER_ROUTINE_ERROR_DUPLICATE: something that must be unique is not
 * @LIMBER_ROUTINE_ERROR_INVALID_VALUE: a value of the wrong form (not a
 *   number, an unknown keyword, an empty text)
 * @LIMBER_ROUTINE_ERROR_OUT_OF_RANGE: a number outside its range
 * @LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE: a name of a pose, animation or cue
 *   that does not exist
 * @LIMBER_ROUTINE_ERROR_CIRCULAR: poses that are based on each other in a
 *   circle
 * @LIMBER_ROUTINE_ERROR_MISMATCH: keyframes that mix views or postures
 * @LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER: a referenced file outside the
 *   routine's folder
 *
 * The codes of %LIMBER_ROUTINE_ERROR. Their nicks ("unknown-element", …) are
 * what tests/unit/routines-bad/MANIFEST writes.
 */
typedef enum
{
  LIMBER_ROUTINE_ERROR_IO,
  LIMBER_ROUTINE_ERROR_SYNTAX,
  LIMBER_ROUTINE_ERROR_VERSION,
  LIMBER_ROUTINE_ERROR_LIMIT,
  LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT,
  LIMBER_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
  LIMBER_ROUTINE_ERROR_UNEXPECTED_TEXT,
  LIMBER_ROUTINE_ERROR_MISSING_ELEMENT,
  LIMBER_ROUTINE_ERROR_MISSING_ATTRIBUTE,
  LIMBER_ROUTINE_ERROR_DUPLICATE,
  LIMBER_ROUTINE_ERROR_INVALID_VALUE,
  LIMBER_ROUTINE_ERROR_OUT_OF_RANGE,
  LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE,
  LIMBER_ROUTINE_ERROR_CIRCULAR,
  LIMBER_ROUTINE_ERROR_MISMATCH,
  LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER,
} LimberRoutineError;

/* The format version this parser reads and writes in its documentation. */
#define LIMBER_ROUTINE_FORMAT_VERSION 1

/* Limits that keep a hostile or broken file from costing much. */
#define LIMBER_ROUTINE_MAX_FILE_SIZE      (256 * 1024)
#define LIMBER_ROUTINE_MAX_DEPTH          3
#define LIMBER_ROUTINE_MAX_STEPS          40
#define LIMBER_ROUTINE_MAX_SOURCES        12
#define LIMBER_ROUTINE_MAX_CAUTIONS       6
#define LIMBER_ROUTINE_MAX_INCLUDES       4
#define LIMBER_ROUTINE_MAX_POSES          512
#define LIMBER_ROUTINE_MAX_ANIMATIONS     256
#define LIMBER_ROUTINE_MAX_KEYS           64
#define LIMBER_ROUTINE_MAX_BASE_DEPTH     8
#define LIMBER_ROUTINE_MAX_NAME_LENGTH    64
#define LIMBER_ROUTINE_MAX_TITLE_LENGTH   80
#define LIMBER_ROUTINE_MAX_TEXT_LENGTH    400
#define LIMBER_ROUTINE_MAX_URL_LENGTH     300

/* Durations, in seconds. A step lasts this long on each side. */
#define LIMBER_ROUTINE_MIN_STEP_SECONDS   3
#define LIMBER_ROUTINE_MAX_STEP_SECONDS   600
#define LIMBER_ROUTINE_MAX_REPETITIONS    100
/* A micro-stretch must fit a micro-break; a routine a stretch break. */
#define LIMBER_MICRO_STRETCH_MAX_SECONDS  60
#define LIMBER_ROUTINE_MIN_SECONDS        60
#define LIMBER_ROUTINE_MAX_SECONDS        (30 * 60)
#define LIMBER_ANIMATION_MIN_SECONDS      0.5
#define LIMBER_ANIMATION_MAX_SECONDS      120.0
#define LIMBER_ANGLE_LIMIT                360.0

GQuark           limber_routine_error_quark          (void);
GType            limber_routine_error_get_type       (void) G_GNUC_CONST;
const char      *limber_routine_error_get_file       (const GError *error);
int              limber_routine_error_get_line       (const GError *error);
int              limber_routine_error_get_column     (const GError *error);
const char      *limber_routine_error_get_detail     (const GError *error);
char            *limber_routine_error_format         (const GError *error);

gboolean         limber_routine_parser_read_file     (const char   *path,
                                                      char        **out_data,
                                                      gsize        *out_length,
                                                      GError      **error);
LimberRoutine   *limber_routine_parser_parse_routine (const char   *path,
                                                      const char   *data,
                                                      gssize        length,
                                                      GError      **error);
LimberFigureSet *limber_routine_parser_parse_figures (const char   *path,
                                                      const char   *data,
                                                      gssize        length,
                                                      LimberFigureSet *parent,
                                                      GError      **error);

G_END_DECLS
