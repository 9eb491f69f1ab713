/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long validating and estimating take: the live validation runs on
 * every keystroke, so one dossier must take well under a millisecond.
 * Prints figures; never fails on time.
 */
#include "md-bundle.h"
#include "md-grant-estimate.h"
#include "md-programme-registry.h"
#include "md-validator.h"

int
main (int argc, char *argv[])
{
  const char *path = argc > 1 ? argv[1] : NULL;
  guint rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 10000;
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint issues = 0;
  gint64 begin, first, all, estimates;
  GDate today;

  if (path == NULL)
    {
      g_printerr ("usage: bench-validate BUNDLE [ROUNDS]\n");
      return 2;
    }

  file = g_file_new_for_path (path);
  dossier = md_bundle_load_file (file, NULL, &error);
  if (dossier == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 2;
    }

  begin = g_get_monotonic_time ();
  programme = md_programme_registry_lookup (registry, md_dossier_get_programme (dossier), &error);
  if (programme == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2026);

  begin = g_get_monotonic_time ();
  {
    g_autoptr(MdReport) report = md_validate_dossier (dossier, programme, &today);
    issues = md_report_get_n_issues (report);
  }
  first = g_get_monotonic_time () - begin;

  begin = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(MdReport) report = md_validate_dossier (dossier, programme, &today);
      (void) report;
    }
  all = g_get_monotonic_time () - begin;

  begin = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(MdGrantEstimate) estimate = md_grant_estimate_compute (dossier, programme, NULL);
      (void) estimate;
    }
  estimates = g_get_monotonic_time () - begin;

  g_print ("validate (%s, %u issues)\n", md_dossier_get_programme (dossier), issues);
  g_print ("  first dossier (cold)     : %8.3f ms\n", first / 1000.0);
  g_print ("  %u dossiers             : %8.1f ms  (%.1f µs each, target well under 1 ms)\n",
           rounds, all / 1000.0, (double) all / rounds);
  g_print ("  %u grant estimates      : %8.1f ms  (%.1f µs each)\n",
           rounds, estimates / 1000.0, (double) estimates / rounds);
  return 0;
}
