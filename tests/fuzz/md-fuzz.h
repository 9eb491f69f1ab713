/* md-fuzz.h: the checks behind the libFuzzer targets, shared with the
 * regression test that replays their corpus under plain GTest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "md-programme-registry.h"

G_BEGIN_DECLS

/* Called by libFuzzer; declared here for -Wmissing-prototypes. */
int                  LLVMFuzzerInitialize   (int            *argc,
                                             char         ***argv);
int                  LLVMFuzzerTestOneInput (const uint8_t  *data,
                                             size_t          size);

void                 md_fuzz_setup          (void);
GFile               *md_fuzz_programmes_dir (void);
MdProgrammeRegistry *md_fuzz_get_registry   (void);

/* Each takes one input and asserts that it is either refused with a
 * proper GError or accepted and then safe to use and to save. */
void                 md_fuzz_check_bundle    (GBytes *input);
void                 md_fuzz_check_programme (GBytes *input);
void                 md_fuzz_check_review    (GBytes *input);
void                 md_fuzz_check_answer    (GBytes *input);

/* Loads what the checks need, so that it counts as neither a leak nor
 * the first input's time; the checks call them too. */
void                 md_fuzz_prepare_checks  (void);
void                 md_fuzz_prepare_answers (void);

G_END_DECLS
