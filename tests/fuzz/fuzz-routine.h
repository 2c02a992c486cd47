/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-routine.h: libFuzzer's entry points, for the fuzz target and for
 * the plain runner that replays the regression corpus in every build. */

#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);
