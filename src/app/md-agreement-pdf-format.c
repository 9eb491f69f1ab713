/* md-agreement-pdf-format.c
 *
 * Dossier values as a printed form shows them: dates and credits in the
 * user's locale, countries and languages by name, codes by what they
 * stand for. Everything returned is plain text for a table cell, never
 * NULL (a NULL cell would mean "spanned" to the layout).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "md-agreement-pdf-private.h"
#include "md-countries.h"
#include "md-formats.h"

#define ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
#define ISO_639_2_FILE     "iso_639-2.json"
#define ISO_639_2_DOMAIN   "iso_639-2"

static char *
format_date_time (GDateTime *date_time)
{
  /* Translators: a date such as "31 July 2026", see g_date_time_format() */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

/* @iso_date: YYYY-MM-DD; anything else is printed as it is, since a form
 * must not hide what the applicant wrote. */
char *
md_pdf_format_date (const char *iso_date)
{
  GDate date;
  g_autoptr(GDateTime) date_time = NULL;

  if (iso_date == NULL)
    return g_strdup ("");
  if (!md_format_parse_date (iso_date, &date))
    return g_strdup (iso_date);

  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 12, 0, 0);
  return date_time ? format_date_time (date_time) : g_strdup (iso_date);
}

/* Signatures are stamped in UTC; the day is the signer's local one. */
char *
md_pdf_format_timestamp_date (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) stamped = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup ("");
  stamped = g_date_time_new_from_iso8601 (timestamp, utc);
  if (stamped == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (stamped);
  return format_date_time (local);
}

/* printf() follows LC_NUMERIC: "7,5" where the comma is the decimal sign. */
char *
md_pdf_format_ects (double ects)
{
  return g_strdup_printf ("%g", ects);
}

char *
md_pdf_format_country (const char *code)
{
  const char *name = md_countries_get_name (code);

  return g_strdup (name ? name : code ? code : "");
}

/* ---- Languages ---------------------------------------------------------- */

/* Two-letter code to the English name, as iso-codes lists it. */
static gpointer
load_languages (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *dir = g_getenv ("MD_ISO_CODES_DIR");
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonNode *list;

  bind_textdomain_codeset (ISO_639_2_DOMAIN, "UTF-8");
  path = g_build_filename (dir && *dir ? dir : ISO_CODES_JSON_DIR, ISO_639_2_FILE, NULL);
  /* Without iso-codes the code itself is printed, which still says it. */
  if (!json_parser_load_from_mapped_file (parser, path, NULL))
    return table;

  root = json_parser_get_root (parser);
  list = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "639-2") : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return table;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (list), i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code = entry ? json_object_get_string_member_with_default (entry, "alpha_2", NULL) : NULL;
      const char *name = entry ? json_object_get_string_member_with_default (entry, "name", NULL) : NULL;

      if (code != NULL && name != NULL)
        g_hash_table_replace (table, g_strdup (code), g_strdup (name));
    }

  return table;
}

/* "Dutch; Flemish" names one language twice; the form needs it once. */
static char *
first_name (const char *names)
{
  const char *end = strchr (names, ';');

  return end ? g_strndup (names, end - names) : g_strdup (names);
}

/* @code: a BCP 47 code such as "de" or "pt-BR": "German (de)". */
char *
md_pdf_format_language (const char *code)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *table = g_once (&once, load_languages, NULL);
  g_autofree char *primary = NULL;
  g_autofree char *name = NULL;
  const char *english;

  if (code == NULL || *code == '\0')
    return g_strdup ("");

  primary = g_ascii_strdown (code, strcspn (code, "-_"));
  english = g_hash_table_lookup (table, primary);
  if (english == NULL)
    return g_strdup (code);

  name = first_name (dgettext (ISO_639_2_DOMAIN, english));
  /* Translators: a language's name and its code, such as "German (de)" */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

/* ---- Codes -------------------------------------------------------------- */

/* Academic years start in autumn: a stay from May 2026 is in 2025/2026. */
char *
md_pdf_format_academic_year (const char *start_date)
{
  GDate date;
  int year;

  if (start_date == NULL || !md_format_parse_date (start_date, &date))
    return g_strdup ("");

  year = g_date_get_year (&date);
  if (g_date_get_month (&date) < G_DATE_AUGUST)
    year--;
  return g_strdup_printf ("%d/%d", year, year + 1);
}

const char *
md_pdf_format_study_cycle (gint64 cycle)
{
  switch (cycle)
    {
    case 5:
      return _("Short cycle (EQF 5)");
    case 6:
      return _("Bachelor (EQF 6)");
    case 7:
      return _("Master (EQF 7)");
    case 8:
      return _("Doctorate (EQF 8)");
    default:
      return "";
    }
}

const char *
md_pdf_format_role (const char *role)
{
  if (g_strcmp0 (role, "student") == 0)
    return _("Student");
  if (g_strcmp0 (role, "doctoral") == 0)
    return _("Doctoral candidate");
  if (g_strcmp0 (role, "staff") == 0)
    return _("Staff member");
  if (g_strcmp0 (role, "pupil") == 0)
    return _("Pupil");
  return role ? role : "";
}

/* The reasons of the Commission's form, numbered as in the bundle. */
const char *
md_pdf_format_reason (gint64 reason_code)
{
  switch (reason_code)
    {
    case 1:
      return _("Previously selected component not available at the receiving institution");
    case 2:
      return _("Component in a different language than stated in the course catalogue");
    case 3:
      return _("Timetable conflict");
    case 4:
      return _("Substituting a deleted component");
    case 5:
      return _("Extending the mobility period");
    case 6:
      return _("Adding a virtual component");
    case 7:
      return _("Other (see the explanation)");
    default:
      return "";
    }
}

/* ---- Dossier values ----------------------------------------------------- */

char *
md_pdf_dup_string (MdDossier  *dossier,
                   const char *path)
{
  const char *value = md_dossier_get_string (dossier, path);

  return g_strdup (value ? value : "");
}

char *
md_pdf_dup_person_name (MdDossier *dossier)
{
  const char *given = md_dossier_get_string (dossier, "applicant.given_name");
  const char *family = md_dossier_get_string (dossier, "applicant.family_name");

  return g_strstrip (g_strdup_printf ("%s %s", given ? given : "", family ? family : ""));
}

char *
md_pdf_dup_activity_title (MdDossier   *dossier,
                           MdProgramme *programme)
{
  const char *activity = md_dossier_get_string (dossier, "mobility.activity");
  JsonObject *definition = programme && activity ? md_programme_get_activity (programme, activity) : NULL;
  const char *title = definition ? md_json_pick_member_translation (definition, "title") : NULL;

  return g_strdup (title ? title : activity ? activity : "");
}

char *
md_pdf_dup_programme_title (MdDossier   *dossier,
                            MdProgramme *programme)
{
  const char *title = programme ? md_programme_get_title (programme) : NULL;

  return g_strdup (title ? title : md_dossier_get_programme (dossier));
}

static char *
dup_row_member (MdDossier  *dossier,
                const char *list_path,
                guint       index,
                const char *member)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", list_path, index, member);

  return md_pdf_dup_string (dossier, path);
}

static double
get_row_ects (MdDossier  *dossier,
              const char *list_path,
              guint       index)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].ects", list_path, index);

  return md_dossier_get_double (dossier, path, 0);
}

/* Code, title, term and credits of each row; returns the credits' sum. */
double
md_pdf_add_component_rows (MdPdfTable *table,
                           MdDossier  *dossier,
                           const char *list_path)
{
  guint n = md_dossier_get_length (dossier, list_path);
  double total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = dup_row_member (dossier, list_path, i, "code");
      g_autofree char *title = dup_row_member (dossier, list_path, i, "title");
      g_autofree char *term = dup_row_member (dossier, list_path, i, "term");
      double ects = get_row_ects (dossier, list_path, i);
      g_autofree char *credits = md_pdf_format_ects (ects);

      md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) { code, title, term, credits });
      total += ects;
    }

  return total;
}

/* Which dossier a sheet of paper came from, and when. */
void
md_pdf_add_origin (MdPdfDocument *doc,
                   MdDossier     *dossier)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = format_date_time (now);
  /* Translators: the dossier's identifier, then the date of printing */
  g_autofree char *origin = g_strdup_printf (_("Printed by Mobility Dossier from dossier %s on %s."),
                                             md_dossier_get_id (dossier), date);

  md_pdf_document_add_note (doc, origin);
}
