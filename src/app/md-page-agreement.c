/* md-page-agreement.c
 *
 * The learning agreement as the 2021+ KA131 template has it: language
 * competence, Table A (studies abroad), Table B (recognition at home),
 * Table C (virtual components), and the approvals of the three parties.
 * Which tables show comes from the activity's profile; whether they are
 * right is for the validator, whose warnings reach the lists by path.
 *
 * An approval records the digest of the agreement it approved; core
 * compares digests and reports "approvals.stale", which is all this
 * screen needs to tell a stale approval from a valid one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-bundle.h"
#include "md-component-list.h"
#include "md-formats.h"
#include "md-page-agreement.h"

#define ROLE_KEY  "md-approval-role"
#define ENTRY_KEY "md-approval-entry"

struct _MdPageAgreement
{
  AdwBin               parent_instance;

  GtkWidget           *tables_group;
  MdComponentList     *table_a;
  MdComponentList     *table_b;
  MdComponentList     *table_c;
  GtkWidget           *comparison_list;
  AdwActionRow        *comparison_row;
  GtkImage            *comparison_icon;
  GtkWidget           *no_tables_group;
  GtkLabel            *no_tables_title;
  GtkLabel            *no_tables_description;
  AdwPreferencesGroup *approvals_group;
  GtkWidget           *no_approvals_row;

  MdDossier           *dossier;
  MdReport            *report;
  GPtrArray           *approval_rows;
  /* What the approval rows show, to rebuild them only on change. */
  char                *approvals_shown;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageAgreement, md_page_agreement, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static char *
format_credits (double credits)
{
  g_autofree char *number = g_strdup_printf ("%g", credits);
  /* Fractions read as plural in English; whole numbers pick their form. */
  gulong plural = credits == (double) (gint64) credits ? (gulong) ABS ((gint64) credits) : 2;

  return g_strdup_printf (ngettext ("%s credit", "%s credits", plural), number);
}

/**
 * md_page_agreement_describe_totals:
 * @table_a: the ECTS credits of Table A
 * @table_b: the ECTS credits of Table B
 *
 * Returns: (transfer full): the comparison of the two totals, e.g.
 *   "Table A: 30 credits · Table B: 27 credits — they differ by 3 credits"
 */
char *
md_page_agreement_describe_totals (double table_a,
                                   double table_b)
{
  g_autofree char *a = format_credits (table_a);
  g_autofree char *b = format_credits (table_b);
  g_autofree char *difference = NULL;

  if (table_a == table_b)
    /* TRANSLATORS: the credit totals of Tables A and B, e.g. "30 credits" */
    return g_strdup_printf (_("Table A: %s · Table B: %s — they match"), a, b);

  difference = format_credits (ABS (table_a - table_b));
  /* TRANSLATORS: the credit totals of Tables A and B, then their difference */
  return g_strdup_printf (_("Table A: %s · Table B: %s — they differ by %s"), a, b, difference);
}

static void
update_comparison (MdPageAgreement *self)
{
  double a = md_component_list_get_total (self->table_a);
  double b = md_component_list_get_total (self->table_b);
  g_autofree char *text = md_page_agreement_describe_totals (a, b);
  GtkWidget *icon = GTK_WIDGET (self->comparison_icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comparison_row), text);
  gtk_image_set_from_icon_name (self->comparison_icon, a == b ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, a == b ? "warning" : "success");
  gtk_widget_add_css_class (icon, a == b ? "success" : "warning");
}

static void
on_total_changed (MdPageAgreement *self)
{
  update_comparison (self);
}

/* Tables */

static gboolean
array_has_string (JsonArray  *array,
                  const char *text)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_rows (MdPageAgreement *self,
          const char      *path)
{
  return self->dossier != NULL && md_dossier_get_length (self->dossier, path) > 0;
}

static JsonObject *
get_agreement_profile (JsonObject *activity)
{
  if (activity == NULL || !json_object_has_member (activity, "learning_agreement"))
    return NULL;

  return json_object_get_object_member (activity, "learning_agreement");
}

static void
show_no_tables_note (MdPageAgreement *self,
                     JsonObject      *activity)
{
  if (activity == NULL)
    {
      gtk_label_set_text (self->no_tables_title, _("No Activity Chosen"));
      gtk_label_set_text (self->no_tables_description,
                          _("The tables of the agreement depend on the programme and activity: choose them first."));
    }
  else
    {
      gtk_label_set_text (self->no_tables_title, _("No Course Tables"));
      gtk_label_set_text (self->no_tables_description,
                          _("This activity has no course tables. Describe what you will do abroad in the study or training plan."));
    }
}

static void
describe_table_c (MdPageAgreement *self,
                  gboolean         required)
{
  const char *description = required
    ? _("Courses or activities you follow online from the receiving institution: component code, title and ECTS credits. This activity is blended: at least one virtual component is compulsory.")
    : _("Courses or activities you follow online from the receiving institution: component code, title and ECTS credits. Compulsory for blended mobility; optional otherwise.");

  md_component_list_set_description (self->table_c, description);
}

/* A table the activity does not use still shows while it has rows, so
 * that rows kept from another activity can be seen and removed. */
static void
show_tables (MdPageAgreement *self,
             JsonObject      *activity)
{
  JsonObject *profile = get_agreement_profile (activity);
  JsonArray *tables = profile && json_object_has_member (profile, "tables")
                        ? json_object_get_array_member (profile, "tables") : NULL;
  const char *virtual = profile ? json_object_get_string_member_with_default (profile, "virtual_component", "optional")
                                : "optional";
  gboolean has_tables = tables != NULL && json_array_get_length (tables) > 0;
  gboolean required = g_strcmp0 (virtual, "required") == 0;
  gboolean show_a = array_has_string (tables, "table_a") || has_rows (self, "learning_agreement.table_a");
  gboolean show_b = array_has_string (tables, "table_b") || has_rows (self, "learning_agreement.table_b");
  gboolean show_c = (has_tables && g_strcmp0 (virtual, "none") != 0) || required ||
                    has_rows (self, "learning_agreement.table_c");

  gtk_widget_set_visible (GTK_WIDGET (self->table_a), show_a);
  gtk_widget_set_visible (GTK_WIDGET (self->table_b), show_b);
  gtk_widget_set_visible (self->comparison_list, show_a && show_b);
  gtk_widget_set_visible (GTK_WIDGET (self->table_c), show_c);
  gtk_widget_set_visible (self->tables_group, show_a || show_b || show_c);
  gtk_widget_set_visible (self->no_tables_group, !has_tables);
  describe_table_c (self, required);
  show_no_tables_note (self, activity);
}

/* Approvals */

static const char *
describe_role (const char *role)
{
  if (g_strcmp0 (role, "student") == 0)
    return _("Student");
  if (g_strcmp0 (role, "sending") == 0)
    return _("Sending institution");
  if (g_strcmp0 (role, "receiving") == 0)
    return _("Receiving institution");

  return role ? role : "";
}

static gboolean
approval_is_stale (MdReport *report,
                   guint     index)
{
  g_autofree char *path = g_strdup_printf ("approvals[%u]", index);

  for (guint i = 0; report != NULL && i < md_report_get_n_issues (report); i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);

      if (g_strcmp0 (issue->rule, "approvals.stale") == 0 && g_strcmp0 (issue->path, path) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
get_approval_member (MdPageAgreement *self,
                     guint            index,
                     const char      *member)
{
  g_autofree char *path = g_strdup_printf ("approvals[%u].%s", index, member);
  const char *value = md_dossier_get_string (self->dossier, path);

  return value ? value : "";
}

static GtkWidget *
create_state_label (gboolean stale)
{
  GtkWidget *label = gtk_label_new (stale ? _("Stale: the agreement changed after this approval")
                                          : _("Approved"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, stale ? "warning" : "success");
  return label;
}

static GtkWidget *
create_approval_row (MdPageAgreement *self,
                     guint            index,
                     gboolean         stale)
{
  const char *name = get_approval_member (self, index, "name");
  g_autofree char *when = md_format_display_timestamp (get_approval_member (self, index, "timestamp"));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = create_state_label (stale);

  /* TRANSLATORS: who approved and when, e.g. "Student · 2024-05-02 14:30" */
  subtitle = g_strdup_printf (C_("approval", "%s · %s"), describe_role (get_approval_member (self, index, "role")), when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name != '\0' ? name : _("Unnamed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (stale ? "dialog-warning-symbolic" : "emblem-ok-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (GTK_LABEL (state)), -1);
  return row;
}

static char *
describe_approvals (MdPageAgreement *self,
                    guint            n_approvals)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < n_approvals; i++)
    g_string_append_printf (shown, "%s\n%s\n%s\n%d\n",
                            get_approval_member (self, i, "role"),
                            get_approval_member (self, i, "name"),
                            get_approval_member (self, i, "timestamp"),
                            approval_is_stale (self->report, i));

  return g_string_free (shown, FALSE);
}

static void
show_approvals (MdPageAgreement *self)
{
  guint n = self->dossier ? md_dossier_get_length (self->dossier, "approvals") : 0;
  g_autofree char *shown = describe_approvals (self, n);

  if (g_strcmp0 (shown, self->approvals_shown) == 0)
    return;

  for (guint i = 0; i < self->approval_rows->len; i++)
    adw_preferences_group_remove (self->approvals_group, self->approval_rows->pdata[i]);
  g_ptr_array_set_size (self->approval_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = create_approval_row (self, i, approval_is_stale (self->report, i));

      adw_preferences_group_add (self->approvals_group, row);
      g_ptr_array_add (self->approval_rows, row);
    }

  gtk_widget_set_visible (self->no_approvals_row, n == 0);
  g_free (self->approvals_shown);
  self->approvals_shown = g_steal_pointer (&shown);
}

static void
set_approval_member (MdPageAgreement *self,
                     guint            index,
                     const char      *member,
                     const char      *value)
{
  g_autofree char *path = g_strdup_printf ("approvals[%u].%s", index, member);
  g_autoptr(GError) error = NULL;

  if (!md_dossier_set_string (self->dossier, path, value, &error))
    g_warning ("Cannot record %s: %s", path, error->message);
}

static void
record_approval (MdPageAgreement *self,
                 const char      *role,
                 const char      *name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *digest = md_bundle_compute_agreement_digest (self->dossier);
  g_autoptr(GError) error = NULL;
  guint index;

  if (!md_dossier_append_row (self->dossier, "approvals", &index, &error))
    {
      g_warning ("Cannot record an approval: %s", error->message);
      return;
    }

  set_approval_member (self, index, "role", role);
  set_approval_member (self, index, "name", name);
  set_approval_member (self, index, "timestamp", timestamp);
  set_approval_member (self, index, "agreement_digest", digest);
  /* A fresh approval matches the agreement: no need to wait for the
   * validator to show it. */
  show_approvals (self);
}

static void
on_approval_response (AdwMessageDialog *dialog,
                      const char       *response,
                      MdPageAgreement  *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), ENTRY_KEY);
  const char *role = g_object_get_data (G_OBJECT (dialog), ROLE_KEY);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "approve") && *name != '\0' && self->dossier != NULL)
    record_approval (self, role, name);
}

static void
on_approver_changed (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "approve", *name != '\0');
}

static char *
dup_applicant_name (MdDossier *dossier)
{
  const char *given = md_dossier_get_string (dossier, "applicant.given_name");
  const char *family = md_dossier_get_string (dossier, "applicant.family_name");
  g_autofree char *name = g_strjoin (" ", given ? given : "", family ? family : "", NULL);

  return g_strstrip (g_steal_pointer (&name));
}

static GtkWidget *
create_approver_entry (MdPageAgreement *self,
                       const char      *role)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();
  g_autofree char *name = g_str_equal (role, "student") ? dup_applicant_name (self->dossier) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), name ? name : "");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  return list;
}

static void
describe_dialog (AdwMessageDialog *dialog,
                 const char       *role)
{
  if (g_str_equal (role, "student"))
    {
      adw_message_dialog_set_heading (dialog, _("Approve as Student"));
      adw_message_dialog_set_body (dialog, _("You approve the learning agreement as it is now. Any later change to it makes this approval stale."));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "approve", _("_Approve"), NULL);
    }
  else
    {
      adw_message_dialog_set_heading (dialog, g_str_equal (role, "sending") ? _("Record Sending Approval")
                                                                            : _("Record Receiving Approval"));
      adw_message_dialog_set_body (dialog, g_str_equal (role, "sending")
                                   ? _("Who approved the learning agreement for the sending institution? Any later change to the agreement makes this approval stale.")
                                   : _("Who approved the learning agreement for the receiving institution? Any later change to the agreement makes this approval stale."));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "approve", _("_Record"), NULL);
    }
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MdPageAgreement *self = MD_PAGE_AGREEMENT (widget);
  const char *role = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry_list;
  GtkWidget *entry;

  if (self->dossier == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL));
  describe_dialog (dialog, role);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "approve");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry_list = create_approver_entry (self, role);
  entry = gtk_widget_get_first_child (entry_list);
  adw_message_dialog_set_extra_child (dialog, entry_list);
  g_object_set_data_full (G_OBJECT (dialog), ROLE_KEY, g_strdup (role), g_free);
  g_object_set_data (G_OBJECT (dialog), ENTRY_KEY, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_approver_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approval_response), self, 0);
  on_approver_changed (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* MdWizardPage */

static void
md_page_agreement_update (MdWizardPage *page,
                          MdDossier    *dossier,
                          MdProgramme  *programme,
                          MdReport     *report)
{
  MdPageAgreement *self = MD_PAGE_AGREEMENT (page);
  const char *activity_id = dossier ? md_dossier_get_string (dossier, "mobility.activity") : NULL;
  JsonObject *activity = programme ? md_programme_get_activity (programme, activity_id) : NULL;

  g_set_object (&self->dossier, dossier);
  g_set_object (&self->report, report);
  show_tables (self, activity);
  update_comparison (self);
  show_approvals (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.approve", dossier != NULL);
}

static const char *
md_page_agreement_get_title (MdWizardPage *page)
{
  return _("Learning Agreement");
}

static const char *
md_page_agreement_get_icon_name (MdWizardPage *page)
{
  return "emblem-documents-symbolic";
}

static const char * const *
md_page_agreement_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "learning_agreement.", "approvals", NULL };

  return prefixes;
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_agreement_get_title;
  iface->get_icon_name = md_page_agreement_get_icon_name;
  iface->get_path_prefixes = md_page_agreement_get_path_prefixes;
  iface->update = md_page_agreement_update;
}

static void
md_page_agreement_dispose (GObject *object)
{
  MdPageAgreement *self = (MdPageAgreement *)object;

  g_clear_object (&self->dossier);
  g_clear_object (&self->report);
  g_clear_pointer (&self->approval_rows, g_ptr_array_unref);
  g_clear_pointer (&self->approvals_shown, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PAGE_AGREEMENT);

  G_OBJECT_CLASS (md_page_agreement_parent_class)->dispose (object);
}

static void
md_page_agreement_class_init (MdPageAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_agreement_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-agreement.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, tables_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, table_a);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, table_b);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, table_c);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, comparison_list);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, comparison_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, comparison_icon);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, no_tables_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, no_tables_title);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, no_tables_description);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, approvals_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageAgreement, no_approvals_row);
  gtk_widget_class_bind_template_callback (widget_class, on_total_changed);

  gtk_widget_class_install_action (widget_class, "agreement.approve", "s", approve_action);
}

static void
md_page_agreement_init (MdPageAgreement *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->approval_rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.approve", FALSE);
  show_tables (self, NULL);
  update_comparison (self);
}

GtkWidget *
md_page_agreement_new (void)
{
  return g_object_new (MD_TYPE_PAGE_AGREEMENT, NULL);
}
