/* md-page-review.c
 *
 * The whole validation report, grouped by the screen that can fix each
 * problem; activating a problem jumps to its field. Nothing is checked
 * here: the page only lays out what the validator reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-dossier-schema.h"
#include "md-field-widget.h"
#include "md-page-review.h"
#include "md-wizard.h"

struct _MdPageReview
{
  AdwBin      parent_instance;

  GtkImage   *summary_icon;
  GtkLabel   *summary_title;
  GtkLabel   *summary_description;
  GtkWidget  *issues_holder;
  GtkBox     *issues_box;
  GtkWidget  *submit_button;

  char       *signature;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageReview, md_page_review, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static MdWizard *
get_wizard (MdPageReview *self)
{
  return (MdWizard *) gtk_widget_get_ancestor (GTK_WIDGET (self), MD_TYPE_WIZARD);
}

static void
on_issue_activated (AdwActionRow *row,
                    MdPageReview *self)
{
  MdWizard *wizard = get_wizard (self);

  if (wizard != NULL)
    md_wizard_focus_path (wizard, g_object_get_data (G_OBJECT (row), "md-path"));
}

static GtkWidget *
create_issue_row (MdPageReview  *self,
                  const MdIssue *issue,
                  gboolean       can_jump)
{
  gboolean is_error = issue->severity == MD_SEVERITY_ERROR;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), md_dossier_schema_label_of (issue->path));
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Problem") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (can_jump)
    {
      g_object_set_data_full (G_OBJECT (row), "md-path", g_strdup (issue->path), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_issue_activated), self);
    }

  return row;
}

/* The page that owns @path, or -1 for none. The review page itself
 * owns no path, so it never claims an issue. */
static int
find_owner (MdWizard   *wizard,
            const char *path)
{
  guint n = wizard != NULL ? md_wizard_get_n_pages (wizard) : 0;

  for (guint i = 0; i < n; i++)
    if (md_wizard_page_owns_path (md_wizard_get_page (wizard, i), path))
      return i;

  return -1;
}

static GtkWidget *
create_group (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

static void
clear_groups (MdPageReview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_box))) != NULL)
    gtk_box_remove (self->issues_box, child);
}

/* One group per screen in wizard order, then "Other" for what no
 * screen owns; groups without issues are left out. */
static void
rebuild_groups (MdPageReview *self,
                MdReport     *report)
{
  MdWizard *wizard = get_wizard (self);
  guint n_pages = wizard != NULL ? md_wizard_get_n_pages (wizard) : 0;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n_issues = report != NULL ? md_report_get_n_issues (report) : 0;

  clear_groups (self);
  g_ptr_array_set_size (groups, n_pages + 1);

  for (guint i = 0; i < n_issues; i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);
      int owner = find_owner (wizard, issue->path);
      guint slot = owner >= 0 ? (guint) owner : n_pages;
      gboolean can_jump = owner >= 0 || md_find_field_widget (GTK_WIDGET (wizard), issue->path) != NULL;

      if (groups->pdata[slot] == NULL)
        groups->pdata[slot] = create_group (owner >= 0 ? md_wizard_page_get_title (md_wizard_get_page (wizard, owner))
                                                       : _("Other"));
      adw_preferences_group_add (groups->pdata[slot], create_issue_row (self, issue, wizard != NULL && can_jump));
    }

  for (guint i = 0; i < groups->len; i++)
    if (groups->pdata[i] != NULL)
      gtk_box_append (self->issues_box, groups->pdata[i]);

  gtk_widget_set_visible (self->issues_holder, n_issues > 0);
}

static void
show_summary_icon (MdPageReview *self,
                   const char   *icon_name,
                   const char   *style)
{
  static const char * const styles[] = { "success", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), styles[i]);
  gtk_image_set_from_icon_name (self->summary_icon, icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), style);
}

/* The window enables win.submit on the same condition; the tooltip
 * says why the button is insensitive. An insensitive button takes no
 * focus, so its tooltip alone would never reach keyboard and screen
 * reader users: the description carries it too. */
static void
explain_submit (MdPageReview *self,
                MdReport     *report)
{
  const char *why;

  if (report == NULL)
    why = _("Create or open a dossier first.");
  else if (md_report_count (report, MD_SEVERITY_ERROR) > 0)
    why = _("Fix the problems listed above first.");
  else
    why = _("Send the dossier to the address set in Preferences.");

  gtk_widget_set_tooltip_text (self->submit_button, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->submit_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
}

static void
show_summary (MdPageReview *self,
              MdReport     *report)
{
  guint errors = report != NULL ? md_report_count (report, MD_SEVERITY_ERROR) : 0;
  guint warnings = report != NULL ? md_report_count (report, MD_SEVERITY_WARNING) : 0;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean ready = report != NULL && errors == 0;

  if (report == NULL)
    title = g_strdup (_("No Dossier Open"));
  else if (errors > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u problem must be fixed before submitting",
                                          "%u problems must be fixed before submitting", errors), errors);
  else
    title = g_strdup (_("Ready to Submit"));

  if (warnings > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u warning: check it, then decide.",
                                                "%u warnings: check them, then decide.", warnings), warnings);
  else if (errors > 0)
    description = g_strdup (_("Select a problem to go to its field."));
  else if (ready)
    description = g_strdup (_("Everything the programme asks for is there. Save the bundle and send it to your coordinator."));
  else
    description = g_strdup (_("Create or open a dossier to see what is left to do."));

  show_summary_icon (self, ready ? "emblem-ok-symbolic" : errors > 0 ? "dialog-error-symbolic" : "document-open-symbolic",
                     ready ? "success" : errors > 0 ? "error" : "dim-label");
  gtk_label_set_label (self->summary_title, title);
  gtk_label_set_label (self->summary_description, description);
  explain_submit (self, report);
}

/* Cheap to compute and equal exactly when the rows would be the same. */
static char *
compute_signature (MdReport *report)
{
  GString *signature = g_string_new (report != NULL ? "R" : "-");
  guint n = report != NULL ? md_report_get_n_issues (report) : 0;

  for (guint i = 0; i < n; i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);

      g_string_append_printf (signature, "%d\x1f%s\x1f%s\x1e", issue->severity, issue->path, issue->message);
    }

  return g_string_free (signature, FALSE);
}

static void
md_page_review_update (MdWizardPage *page,
                       MdDossier    *dossier,
                       MdProgramme  *programme,
                       MdReport     *report)
{
  MdPageReview *self = MD_PAGE_REVIEW (page);
  g_autofree char *signature = compute_signature (report);

  if (g_strcmp0 (signature, self->signature) == 0)
    return;

  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  show_summary (self, report);
  rebuild_groups (self, report);
}

static const char *
md_page_review_get_title (MdWizardPage *page)
{
  return _("Review");
}

static const char *
md_page_review_get_icon_name (MdWizardPage *page)
{
  return "emblem-ok-symbolic";
}

static const char * const *
md_page_review_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { NULL };

  return prefixes;
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_review_get_title;
  iface->get_icon_name = md_page_review_get_icon_name;
  iface->get_path_prefixes = md_page_review_get_path_prefixes;
  iface->update = md_page_review_update;
}

static void
md_page_review_dispose (GObject *object)
{
  MdPageReview *self = (MdPageReview *)object;

  g_clear_pointer (&self->signature, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PAGE_REVIEW);

  G_OBJECT_CLASS (md_page_review_parent_class)->dispose (object);
}

static void
md_page_review_class_init (MdPageReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_review_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-review.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageReview, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, MdPageReview, summary_title);
  gtk_widget_class_bind_template_child (widget_class, MdPageReview, summary_description);
  gtk_widget_class_bind_template_child (widget_class, MdPageReview, issues_holder);
  gtk_widget_class_bind_template_child (widget_class, MdPageReview, issues_box);
  gtk_widget_class_bind_template_child (widget_class, MdPageReview, submit_button);
}

static void
md_page_review_init (MdPageReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  show_summary (self, NULL);
  gtk_widget_set_visible (self->issues_holder, FALSE);
}

GtkWidget *
md_page_review_new (void)
{
  return g_object_new (MD_TYPE_PAGE_REVIEW, NULL);
}
