/* fuzz-bundle.c: libFuzzer target for the bundle loader; the
 * checks are md_fuzz_check_bundle() in md-fuzz-*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  md_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);

  md_fuzz_check_bundle (input);
  return 0;
}
