/* md-fuzz.c: what the fuzz targets need before their first input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "md-countries.h"
#include "md-fuzz.h"

/* The test suites run with G_DEBUG=fatal-warnings, so a critical or a
 * warning that hostile input provokes would fail them; here it must
 * abort too, for libFuzzer to keep the input as a crash. GLib's own
 * fatal path raises SIGTRAP, which libFuzzer does not catch. */
static GLogWriterOutput
write_log_cb (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

/**
 * md_fuzz_setup:
 *
 * For LLVMFuzzerInitialize(), not for GTest, which has its own idea of
 * fatal messages.
 */
void
md_fuzz_setup (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (write_log_cb, NULL, NULL);

  /* One-time loads, so that they count neither as leaks nor as the
   * first input's time. */
  md_countries_is_known ("BE");
  g_get_language_names ();
  md_fuzz_prepare_checks ();
  md_fuzz_prepare_answers ();
}

/**
 * md_fuzz_programmes_dir:
 *
 * Returns: (transfer full): $MD_PROGRAMMES_DIR as under `meson devenv`
 *   and `meson test`, or else the source tree's data/programmes
 */
GFile *
md_fuzz_programmes_dir (void)
{
  const char *dir = g_getenv ("MD_PROGRAMMES_DIR");

  if (dir == NULL || *dir == '\0')
    dir = MD_FUZZ_SOURCE_ROOT "/data/programmes";

  return g_file_new_for_path (dir);
}

/**
 * md_fuzz_get_registry:
 *
 * Returns: (transfer none): the shipped profiles, loaded once
 */
MdProgrammeRegistry *
md_fuzz_get_registry (void)
{
  static MdProgrammeRegistry *registry;

  if (registry == NULL)
    {
      g_autoptr(GFile) dir = md_fuzz_programmes_dir ();
      g_autoptr(GError) error = NULL;

      registry = md_programme_registry_new (dir);
      if (!md_programme_registry_load (registry, &error))
        g_error ("fuzz: cannot load the programme profiles: %s", error->message);
    }

  return registry;
}
