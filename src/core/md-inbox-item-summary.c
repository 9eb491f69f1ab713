/* md-inbox-item-summary.c
 *
 * What an inbox item shows of a dossier, computed once in a worker
 * thread: validation against the submission date, the grant estimate,
 * the period in the activity's own day counting, and folded keys for
 * finding the same person twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "md-bundle.h"
#include "md-countries.h"
#include "md-duration.h"
#include "md-formats.h"
#include "md-grant-estimate.h"
#include "md-inbox-item-private.h"
#include "md-validator.h"

static void
set_text (MdInboxItem *self,
          Text         field,
          const char  *value)
{
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (value);
}

/* The submission date is the last confirmed delivery; a dossier that
 * arrived some other way (e-mail, a USB stick) has only its last change. */
static const char *
find_submitted (MdDossier *dossier)
{
  JsonNode *node = md_dossier_lookup (dossier, "submissions");
  const char *latest = NULL;
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *timestamp;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          timestamp = json_object_get_string_member_with_default (json_node_get_object (element),
                                                                  "timestamp", NULL);
          if (timestamp != NULL && g_strcmp0 (timestamp, latest) > 0)
            latest = timestamp;
        }
    }

  return latest ? latest : md_dossier_get_string (dossier, "modified");
}

static double
sum_table_a (MdDossier *dossier)
{
  JsonNode *node = md_dossier_lookup (dossier, "learning_agreement.table_a");
  JsonArray *rows;
  double total = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;

  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      JsonNode *ects = JSON_NODE_HOLDS_OBJECT (row) ? json_object_get_member (json_node_get_object (row), "ects") : NULL;

      if (ects != NULL && JSON_NODE_HOLDS_VALUE (ects) &&
          (json_node_get_value_type (ects) == G_TYPE_INT64 || json_node_get_value_type (ects) == G_TYPE_DOUBLE))
        total += json_node_get_double (ects);
    }

  return total;
}

static void
summarise_period (MdInboxItem *self,
                  JsonObject  *activity)
{
  JsonNode *duration = activity ? json_object_get_member (activity, "duration") : NULL;
  const char *counting_name = NULL;
  MdCounting counting;
  GDate start, end;

  if (!md_format_parse_date (self->texts[TEXT_START_DATE], &start) ||
      !md_format_parse_date (self->texts[TEXT_END_DATE], &end))
    return;

  if (duration != NULL && JSON_NODE_HOLDS_OBJECT (duration))
    counting_name = json_object_get_string_member_with_default (json_node_get_object (duration),
                                                                "counting", NULL);
  counting = md_counting_from_string (counting_name);
  self->duration_days = md_duration_days (counting, &start, &end);
  self->texts[TEXT_DURATION] = md_duration_describe_days (self->duration_days, counting);
}

static void
summarise_report (MdInboxItem *self,
                  MdReport    *report)
{
  g_autoptr(GStrvBuilder) messages = g_strv_builder_new ();
  guint n = md_report_get_n_issues (report);
  guint kept = 0;

  self->errors = md_report_count (report, MD_SEVERITY_ERROR);
  self->warnings = md_report_count (report, MD_SEVERITY_WARNING);

  /* Errors first: they are what makes a dossier ineligible. */
  for (int severity = MD_SEVERITY_ERROR; severity >= MD_SEVERITY_WARNING; severity--)
    for (guint i = 0; i < n && kept < MD_INBOX_ITEM_MAX_MESSAGES; i++)
      {
        const MdIssue *issue = md_report_get_issue (report, i);

        if ((int) issue->severity == severity)
          {
            g_strv_builder_add (messages, issue->message);
            kept++;
          }
      }

  self->messages = g_strv_builder_end (messages);
}

/* Folds case, accents and punctuation, so "Zoë Van den Broeck" and
 * "ZOE van den-broeck" are the same person. */
static char *
normalize_name (const char *given,
                const char *family)
{
  g_autofree char *joined = g_strjoin (" ", given ? given : "", family ? family : "", NULL);
  g_autofree char *decomposed = g_utf8_normalize (joined, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  if (decomposed == NULL)
    return g_string_free (key, TRUE);

  folded = g_utf8_casefold (decomposed, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      g_string_append_unichar (key, c);
      space = FALSE;
    }

  return g_string_free (key, key->len == 0);
}

static void
summarise_person (MdInboxItem *self,
                  MdDossier   *dossier)
{
  const char *email = self->texts[TEXT_EMAIL];
  const char *birth = self->texts[TEXT_DATE_OF_BIRTH];
  g_autofree char *name = normalize_name (md_dossier_get_string (dossier, "applicant.given_name"),
                                          md_dossier_get_string (dossier, "applicant.family_name"));

  if (email != NULL && g_utf8_validate (email, -1, NULL))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (email));

      if (*trimmed != '\0')
        self->email_key = g_utf8_casefold (trimmed, -1);
    }

  /* A name alone is too common to call two dossiers the same person. */
  if (name != NULL && birth != NULL && *birth != '\0')
    self->name_key = g_strconcat (name, "|", birth, NULL);
}

static void
summarise_programme (MdInboxItem *self,
                     MdDossier   *dossier,
                     MdProgramme *programme)
{
  g_autoptr(MdReport) report = NULL;
  g_autoptr(MdGrantEstimate) estimate = NULL;
  JsonObject *activity = NULL;
  GDate reference;
  GDate *today = NULL;

  /* Deadlines are checked against the submission date, as the CLI's
   * --date does, not against the day the coordinator opens the folder. */
  if (self->texts[TEXT_SUBMITTED] != NULL &&
      strlen (self->texts[TEXT_SUBMITTED]) >= 10)
    {
      g_autofree char *day = g_strndup (self->texts[TEXT_SUBMITTED], 10);

      if (md_format_parse_date (day, &reference))
        today = &reference;
    }

  report = md_validate_dossier (dossier, programme, today);
  summarise_report (self, report);

  if (programme == NULL)
    {
      summarise_period (self, NULL);
      return;
    }

  activity = md_programme_get_activity (programme, self->texts[TEXT_ACTIVITY_ID]);
  set_text (self, TEXT_PROGRAMME, md_programme_get_title (programme));
  if (activity != NULL)
    set_text (self, TEXT_ACTIVITY, md_json_pick_member_translation (activity, "title"));
  summarise_period (self, activity);

  estimate = md_grant_estimate_compute (dossier, programme, NULL);
  if (estimate != NULL)
    self->estimate = md_grant_estimate_get_total (estimate);
}

/* The digest a review records. An intact bundle carries it already;
 * otherwise it is computed over what is in the file now. */
static char *
dup_content_digest (MdDossier *dossier)
{
  if (md_dossier_get_integrity (dossier) == MD_INTEGRITY_INTACT)
    {
      const char *recorded = md_dossier_get_string (dossier, "integrity.digest");

      if (recorded != NULL)
        return g_ascii_strdown (recorded, -1);
    }

  return md_bundle_compute_digest (md_dossier_get_root (dossier));
}

/**
 * md_inbox_item_new_for_dossier:
 * @file: where the bundle was read from
 * @dossier: the loaded bundle
 * @programme: (nullable): its programme profile, %NULL when unknown
 *
 * Validates @dossier, estimates its grant and keeps the summary. Safe
 * to call in a worker thread: nothing here touches shared state.
 *
 * Returns: (transfer full): the item
 */
MdInboxItem *
md_inbox_item_new_for_dossier (GFile       *file,
                               MdDossier   *dossier,
                               MdProgramme *programme)
{
  MdInboxItem *self;
  const char *destination;
  const char *country;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (MD_IS_DOSSIER (dossier), NULL);

  self = g_object_new (MD_TYPE_INBOX_ITEM, NULL);
  self->file = g_object_ref (file);
  self->integrity = md_dossier_get_integrity (dossier);
  self->digest = dup_content_digest (dossier);
  self->texts[TEXT_APPLICANT] = md_dossier_dup_display_name (dossier);
  set_text (self, TEXT_ID, md_dossier_get_id (dossier));
  set_text (self, TEXT_EMAIL, md_dossier_get_string (dossier, "applicant.email"));
  set_text (self, TEXT_DATE_OF_BIRTH, md_dossier_get_string (dossier, "applicant.date_of_birth"));
  set_text (self, TEXT_PROGRAMME_ID, md_dossier_get_programme (dossier));
  set_text (self, TEXT_PROGRAMME, md_dossier_get_programme (dossier));
  set_text (self, TEXT_ACTIVITY_ID, md_dossier_get_string (dossier, "mobility.activity"));
  set_text (self, TEXT_ACTIVITY, self->texts[TEXT_ACTIVITY_ID]);
  destination = md_dossier_get_string (dossier, "mobility.destination_country");
  set_text (self, TEXT_DESTINATION_CODE, destination);
  country = md_countries_get_name (destination);
  set_text (self, TEXT_DESTINATION, country ? country : destination);
  set_text (self, TEXT_START_DATE, md_dossier_get_string (dossier, "mobility.start_date"));
  set_text (self, TEXT_END_DATE, md_dossier_get_string (dossier, "mobility.end_date"));
  set_text (self, TEXT_SUBMITTED, find_submitted (dossier));
  self->ects = sum_table_a (dossier);

  summarise_programme (self, dossier, programme);
  summarise_person (self, dossier);
  return self;
}

/**
 * md_inbox_item_new_unreadable:
 * @message: why the file could not be read as a dossier
 *
 * Returns: (transfer full): an item that shows the file and the problem,
 *   so the coordinator sees everything that was dropped in the folder
 */
MdInboxItem *
md_inbox_item_new_unreadable (GFile      *file,
                              const char *message)
{
  MdInboxItem *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (MD_TYPE_INBOX_ITEM, NULL);
  self->file = g_object_ref (file);
  self->texts[TEXT_LOAD_ERROR] = g_strdup (message);
  name = g_file_get_basename (file);
  self->texts[TEXT_APPLICANT] = g_filename_display_name (name);
  self->messages = g_new0 (char *, 2);
  self->messages[0] = g_strdup (message);
  self->errors = 1;
  return self;
}
