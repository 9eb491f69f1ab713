/* md-inbox-detail-sections.c
 *
 * The dossier laid out read-only for the committee: a group per part of
 * the wizard, a row per filled-in field (empty ones are left out, the
 * validation report says what is missing), long texts folded, the
 * learning agreement's tables as lists and attachments with "Open".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-countries.h"
#include "md-dossier-schema.h"
#include "md-field-widget.h"
#include "md-formats.h"
#include "md-grant-estimate.h"
#include "md-inbox-detail-private.h"
#include "md-safe-files.h"

typedef struct
{
  const char *path;
  const char *label;   /* NULL: the schema's name of the field */
} Field;

static const Field applicant_fields[] = {
  { "applicant.role", NULL },
  { "applicant.given_name", NULL },
  { "applicant.family_name", NULL },
  { "applicant.date_of_birth", NULL },
  { "applicant.nationality", NULL },
  { "applicant.citizenships", N_("Citizenships") },
  { "applicant.email", NULL },
  { "applicant.phone", NULL },
  { "applicant.home_institution.name", NULL },
  { "applicant.home_institution.erasmus_code", NULL },
  { "applicant.home_institution.country", NULL },
  { "applicant.degree_programme", NULL },
  { "applicant.study_cycle", NULL },
  { "applicant.field_of_education", NULL },
  { "applicant.year_of_study", NULL },
  { "applicant.position", NULL },
  { "applicant.department", NULL },
  { "applicant.fewer_opportunities", N_("Fewer opportunities") },
  { "applicant.scholarship", N_("Holds a scholarship") },
  { "applicant.previous_mobility_months", N_("Months of earlier mobility") },
  { "applicant.one_cycle_programme", N_("One-cycle programme") },
  { "applicant.credits_obtained", NULL },
  { "applicant.gpa", NULL },
  { "applicant.iban", NULL },
  { NULL, NULL }
};

static const Field mobility_fields[] = {
  { "mobility.destination_country", NULL },
  { "mobility.receiving_organisation.name", NULL },
  { "mobility.receiving_organisation.erasmus_code", NULL },
  { "mobility.receiving_organisation.type", NULL },
  { "mobility.receiving_organisation.address", NULL },
  { "mobility.receiving_organisation.contact_name", NULL },
  { "mobility.receiving_organisation.contact_email", NULL },
  { "mobility.start_date", NULL },
  { "mobility.end_date", NULL },
  { "mobility.direction", N_("Direction") },
  { "mobility.group", N_("Group mobility") },
  { "mobility.travel_mode", NULL },
  { "mobility.distance_band", N_("Distance band") },
  { "mobility.distance_km", NULL },
  { "mobility.teaching_hours", NULL },
  { "mobility.pair_partner.name", NULL },
  { "mobility.pair_partner.email", N_("E-mail address of the partner student") },
  { "mobility.pair_partner.institution", NULL },
  { NULL, NULL }
};

static const Field text_fields[] = {
  { "motivation_letter.text", NULL },
  { "study_plan.objectives", NULL },
  { "study_plan.activities", NULL },
  { "study_plan.learning_outcomes", NULL },
  { "study_plan.traineeship.programme", NULL },
  { "study_plan.traineeship.monitoring", NULL },
  { "study_plan.traineeship.evaluation", NULL },
  { NULL, NULL }
};

static const Field traineeship_fields[] = {
  { "study_plan.traineeship.hours_per_week", NULL },
  { "study_plan.traineeship.mentor", NULL },
  { NULL, NULL }
};

static const Field language_fields[] = {
  { "learning_agreement.language.code", NULL },
  { "learning_agreement.language.cefr", NULL },
  { NULL, NULL }
};

static const struct
{
  const char *path;
  const char *title;
} agreement_tables[] = {
  { "learning_agreement.table_a", N_("Table A: components at the receiving institution") },
  { "learning_agreement.table_b", N_("Table B: recognition at the home institution") },
  { "learning_agreement.table_c", N_("Table C: virtual components") },
};

/* ---- Values ------------------------------------------------------------- */

static gboolean
is_country_path (const char *path)
{
  return g_str_has_suffix (path, "country") || g_str_has_suffix (path, "nationality") ||
         g_str_has_suffix (path, "citizenships");
}

static char *
format_number (double      value,
               const char *path)
{
  if (g_str_has_suffix (path, "_km"))
    /* Translators: a distance in kilometres */
    return g_strdup_printf (_("%g km"), value);
  return g_strdup_printf ("%g", value);
}

static char *
format_scalar (JsonNode   *node,
               const char *path)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return format_number (json_node_get_double (node), path);
  if (type == G_TYPE_STRING && is_country_path (path) && md_countries_get_name (json_node_get_string (node)))
    return g_strdup (md_countries_get_name (json_node_get_string (node)));
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

/* The value at @path as text, or NULL when it is empty. */
static char *
format_value (MdDossier  *dossier,
              const char *path)
{
  JsonNode *node = md_dossier_lookup (dossier, path);
  g_autoptr(GString) text = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      g_autofree char *value = format_scalar (node, path);

      return value && *value ? g_steal_pointer (&value) : NULL;
    }

  array = json_node_get_array (node);
  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *value = JSON_NODE_HOLDS_VALUE (element) ? format_scalar (element, path) : NULL;

      if (value == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, value);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static const char *
field_label (const Field *field)
{
  return field->label ? _(field->label) : md_dossier_schema_label_of (field->path);
}

/* ---- Rows and groups ---------------------------------------------------- */

static GtkWidget *
create_group (const char *title,
              const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
create_value_row (const char *title,
                  const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* Adds a row per filled-in field; returns how many. */
static guint
add_field_rows (GtkWidget   *group,
                MdDossier   *dossier,
                const Field *fields)
{
  guint added = 0;

  for (const Field *field = fields; field->path != NULL; field++)
    {
      g_autofree char *value = format_value (dossier, field->path);

      if (value == NULL)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_value_row (field_label (field), value));
      added++;
    }

  return added;
}

static GtkWidget *
create_text_row (const char *title,
                 const char *text)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label = gtk_label_new (text);
  guint words = md_format_count_words (text);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  md_field_name_row_parts (row);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
  return row;
}

static GtkWidget *
create_status_row (const char *icon_name,
                   const char *style,
                   const char *title,
                   const char *subtitle)
{
  GtkWidget *row = create_value_row (title, subtitle);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_remove_css_class (row, "property");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* ---- Sections ----------------------------------------------------------- */

GtkWidget *
md_inbox_detail_create_validation_group (MdReport *report)
{
  GtkWidget *group = create_group (_("Validation"),
                                   _("What the checks of the programme profile found in this dossier."));
  guint n = md_report_get_n_issues (report);

  if (n == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_status_row ("emblem-ok-symbolic", "success", _("No problems found"), NULL));

  for (guint i = 0; i < n; i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);
      gboolean error = issue->severity == MD_SEVERITY_ERROR;

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_status_row (error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                                    error ? "error" : "warning", issue->message,
                                                    issue->path ? md_dossier_schema_label_of (issue->path) : NULL));
    }

  return group;
}

static char *
format_amount (double amount)
{
  return md_format_display_money (amount);
}

static GtkWidget *
create_amount_row (const char *title,
                   const char *detail,
                   double      amount)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = format_amount (amount);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

GtkWidget *
md_inbox_detail_create_estimate_group (MdDossier   *dossier,
                                       MdProgramme *programme)
{
  GtkWidget *group = create_group (_("Grant Estimate"), _("What the programme’s rates give for this mobility."));
  g_autoptr(MdGrantEstimate) estimate = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *total;

  if (programme == NULL)
    return NULL;

  estimate = md_grant_estimate_compute (dossier, programme, &error);
  if (estimate == NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_status_row ("dialog-information-symbolic", NULL,
                                                    _("No estimate"), error->message));
      return group;
    }

  for (guint i = 0; i < md_grant_estimate_get_n_lines (estimate); i++)
    {
      const MdGrantLine *line = md_grant_estimate_get_line (estimate, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_amount_row (line->label, line->detail, line->amount));
    }

  total = create_amount_row (_("Total"), md_grant_estimate_is_indicative (estimate)
                             ? _("Indicative: the programme’s rates are not final.") : NULL,
                             md_grant_estimate_get_total (estimate));
  gtk_widget_add_css_class (total, "heading");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), total);
  return group;
}

GtkWidget *
md_inbox_detail_create_applicant_group (MdDossier *dossier)
{
  GtkWidget *group = create_group (_("Applicant"), NULL);

  add_field_rows (group, dossier, applicant_fields);
  return group;
}

GtkWidget *
md_inbox_detail_create_mobility_group (MdDossier   *dossier,
                                       MdInboxItem *item)
{
  GtkWidget *group = create_group (_("Mobility"), NULL);
  const char *activity = md_inbox_item_get_activity (item);

  if (activity != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_value_row (md_dossier_schema_label_of ("mobility.activity"), activity));
  if (md_inbox_item_get_duration (item) != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_value_row (_("Duration"), md_inbox_item_get_duration (item)));
  add_field_rows (group, dossier, mobility_fields);
  return group;
}

GtkWidget *
md_inbox_detail_create_texts_group (MdDossier *dossier)
{
  GtkWidget *group = create_group (_("Motivation and Plans"), NULL);
  guint added = 0;

  for (const Field *field = text_fields; field->path != NULL; field++)
    {
      const char *text = md_dossier_get_string (dossier, field->path);

      if (text == NULL || *text == '\0')
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_text_row (field_label (field), text));
      added++;
    }
  added += add_field_rows (group, dossier, traineeship_fields);

  if (added == 0)
    {
      g_object_ref_sink (group);
      g_object_unref (group);
      return NULL;
    }
  return group;
}

static char *
describe_component (MdDossier  *dossier,
                    const char *row_path)
{
  g_autofree char *ects_path = g_strconcat (row_path, ".ects", NULL);
  g_autofree char *term_path = g_strconcat (row_path, ".term", NULL);
  g_autofree char *status_path = g_strconcat (row_path, ".status", NULL);
  g_autofree char *ects = format_value (dossier, ects_path);
  g_autofree char *term = format_value (dossier, term_path);
  g_autofree char *status = format_value (dossier, status_path);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: a number of ECTS credits */
  g_string_append_printf (text, _("%s ECTS"), ects ? ects : "0");
  if (term != NULL)
    g_string_append_printf (text, " · %s", term);
  if (status != NULL)
    g_string_append_printf (text, " · %s", status);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_table_row (MdDossier  *dossier,
                  const char *path,
                  const char *title)
{
  guint n = md_dossier_get_length (dossier, path);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;
  double total = 0;

  md_field_name_row_parts (row);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *row_path = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *code_path = g_strconcat (row_path, ".code", NULL);
      g_autofree char *title_path = g_strconcat (row_path, ".title", NULL);
      g_autofree char *ects_path = g_strconcat (row_path, ".ects", NULL);
      const char *code = md_dossier_get_string (dossier, code_path);
      const char *component = md_dossier_get_string (dossier, title_path);
      g_autofree char *heading = code && *code ? g_strdup_printf ("%s · %s", code, component ? component : "")
                                               : g_strdup (component ? component : "");
      g_autofree char *detail = describe_component (dossier, row_path);

      total += md_dossier_get_double (dossier, ects_path, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_value_row (heading, detail));
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u component, %g ECTS", "%u components, %g ECTS", n),
                              n, total);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

GtkWidget *
md_inbox_detail_create_agreement_group (MdDossier *dossier)
{
  GtkWidget *group = create_group (_("Learning Agreement"), NULL);
  guint added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (agreement_tables); i++)
    {
      if (md_dossier_get_length (dossier, agreement_tables[i].path) == 0)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_table_row (dossier, agreement_tables[i].path, _(agreement_tables[i].title)));
      added++;
    }
  added += add_field_rows (group, dossier, language_fields);

  if (added == 0)
    {
      g_object_ref_sink (group);
      g_object_unref (group);
      return NULL;
    }
  return group;
}

/* ---- Attachments -------------------------------------------------------- */

static void
on_open_clicked (GtkButton     *button,
                 MdInboxDetail *self)
{
  md_inbox_detail_open_attachment (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "md-index")));
}

static GtkWidget *
create_attachment_row (MdInboxDetail *self,
                       MdDossier     *dossier,
                       guint          index)
{
  g_autofree char *name_path = g_strdup_printf ("attachments[%u].name", index);
  g_autofree char *type_path = g_strdup_printf ("attachments[%u].media_type", index);
  g_autofree char *size_path = g_strdup_printf ("attachments[%u].size", index);
  g_autofree char *kind_path = g_strdup_printf ("attachments[%u].kind", index);
  g_autofree char *size = g_format_size (md_dossier_get_int (dossier, size_path, 0));
  const char *name = md_dossier_get_string (dossier, name_path);
  const char *kind = md_dossier_get_string (dossier, kind_path);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", kind ? kind : "",
                                               md_dossier_get_string (dossier, type_path), size);
  g_autofree char *accessible = NULL;
  GtkWidget *row = create_value_row (name ? name : "", subtitle);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));

  gtk_widget_remove_css_class (row, "property");
  /* Translators: accessible name of the button that opens an attached file */
  accessible = g_strdup_printf (_("Open %s"), name ? name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "md-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

GtkWidget *
md_inbox_detail_create_attachments_group (MdInboxDetail *self,
                                          MdDossier     *dossier)
{
  guint n = md_dossier_get_length (dossier, "attachments");
  GtkWidget *group = create_group (_("Attachments"), NULL);

  if (n == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_status_row ("mail-attachment-symbolic", NULL, _("No attachments"), NULL));
  for (guint i = 0; i < n; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_attachment_row (self, dossier, i));

  return group;
}

GtkWidget *
md_inbox_detail_create_file_group (MdInboxItem *item)
{
  GtkWidget *group = create_group (_("File"), NULL);
  g_autofree char *path = g_file_get_path (md_inbox_item_get_file (item));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_value_row (_("Location"), path));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_value_row (_("Dossier ID"), md_inbox_item_get_id (item)));
  if (md_inbox_item_get_submitted (item) != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_value_row (_("Submitted"), md_inbox_item_get_submitted (item)));
  return group;
}

/* Viewers need a file: a private copy under the cache, in a folder
 * named after the content, so opening it twice reuses it. The name is
 * the sender's: md_safe_file_name() keeps it inside that folder, and a
 * leading dot would hide the file. */
static char *
sanitize_name (const char *name)
{
  char *safe = md_safe_file_name (name);

  if (safe[0] == '.')
    safe[0] = '_';
  return safe;
}

static void
on_copy_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why */
      message = g_strdup_printf (_("The attachment could not be opened: %s"), error->message);
      gtk_widget_activate_action (self, "win.show-message", "s", message);
      return;
    }

  uri = g_file_get_uri (G_FILE (source));
  root = gtk_widget_get_root (self);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

void
md_inbox_detail_open_attachment (MdInboxDetail *self,
                                 guint          index)
{
  g_autofree char *name_path = g_strdup_printf ("attachments[%u].name", index);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (MD_IS_INBOX_DETAIL (self));
  g_return_if_fail (self->dossier != NULL);

  bytes = md_dossier_dup_attachment_data (self->dossier, index, &error);
  if (bytes == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }

  name = sanitize_name (md_dossier_get_string (self->dossier, name_path));
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  digest[16] = '\0';
  folder = g_build_filename (g_get_user_cache_dir (), APP_ID, "open", digest, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", g_strerror (errno));
      return;
    }

  file = g_file_new_build_filename (folder, name, NULL);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->open_cancellable, on_copy_written, g_object_ref (self));
}
