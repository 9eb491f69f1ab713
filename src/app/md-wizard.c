/* md-wizard.c
 *
 * The wizard owns the live validation: every change to the dossier
 * restarts a short timer, after which the core validator runs once and
 * its issues go back to the widgets by field path, to the step list
 * (one state per screen) and to the pages that show derived values.
 * Navigation between screens is free; nothing here re-checks a rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-field-widget.h"
#include "md-validator.h"
#include "md-wizard.h"

#define VALIDATION_DELAY_MS 250

struct _MdWizard
{
  GtkWidget            parent_instance;

  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *sidebar_separator;
  GtkWidget           *content;
  GtkListBox          *steps_list;
  GtkStack            *pages;
  GtkWidget           *steps_button;

  GPtrArray           *page_list;     /* MdWizardPage, in order */
  GPtrArray           *step_icons;    /* GtkImage per page */
  MdDossier           *dossier;
  MdProgrammeRegistry *registry;
  MdProgramme         *programme;
  MdReport            *report;
  GDate               *reference_date;
  guint                validation_source;
};

G_DEFINE_FINAL_TYPE (MdWizard, md_wizard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_navigation (MdWizard *self);

static MdProgramme *
lookup_programme (MdWizard *self)
{
  const char *id = self->dossier ? md_dossier_get_programme (self->dossier) : NULL;

  if (self->registry == NULL || id == NULL)
    return NULL;

  if (self->programme != NULL && g_strcmp0 (md_programme_get_id (self->programme), id) == 0)
    return self->programme;

  g_clear_object (&self->programme);
  self->programme = md_programme_registry_lookup (self->registry, id, NULL);
  return self->programme;
}

guint
md_wizard_count_page_issues (MdWizard     *self,
                             MdWizardPage *page,
                             MdSeverity    severity)
{
  guint count = 0;

  g_return_val_if_fail (MD_IS_WIZARD (self), 0);

  for (guint i = 0; self->report != NULL && i < md_report_get_n_issues (self->report); i++)
    {
      const MdIssue *issue = md_report_get_issue (self->report, i);

      count += issue->severity == severity && md_wizard_page_owns_path (page, issue->path);
    }

  return count;
}

static void
update_step_states (MdWizard *self)
{
  for (guint i = 0; i < self->page_list->len; i++)
    {
      MdWizardPage *page = self->page_list->pdata[i];
      GtkWidget *icon = self->step_icons->pdata[i];
      guint errors = md_wizard_count_page_issues (self, page, MD_SEVERITY_ERROR);
      guint warnings = md_wizard_count_page_issues (self, page, MD_SEVERITY_WARNING);
      g_autofree char *description = NULL;

      gtk_widget_remove_css_class (icon, "error");
      gtk_widget_remove_css_class (icon, "warning");
      gtk_widget_remove_css_class (icon, "success");
      if (errors > 0)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
          gtk_widget_add_css_class (icon, "error");
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to fix", "%u problems to fix", errors), errors);
        }
      else if (warnings > 0)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, "warning");
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
        }
      else
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "emblem-ok-symbolic");
          gtk_widget_add_css_class (icon, "success");
          description = g_strdup (_("Complete"));
        }

      gtk_widget_set_tooltip_text (icon, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (icon))),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
}

/**
 * md_wizard_validate_now:
 *
 * Runs the validator at once instead of after the typing pause; the
 * tests and the review screen use it.
 */
void
md_wizard_validate_now (MdWizard *self)
{
  MdProgramme *programme;

  g_return_if_fail (MD_IS_WIZARD (self));

  g_clear_handle_id (&self->validation_source, g_source_remove);
  g_clear_object (&self->report);
  if (self->dossier == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
      return;
    }

  programme = lookup_programme (self);
  self->report = md_validate_dossier (self->dossier, programme, self->reference_date);
  md_show_field_issues (GTK_WIDGET (self->pages), self->report);
  for (guint i = 0; i < self->page_list->len; i++)
    md_wizard_page_update (self->page_list->pdata[i], self->dossier, programme, self->report);
  update_step_states (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * md_wizard_set_reference_date:
 * @date: (nullable): the day deadlines are checked against, or %NULL
 *   for today
 *
 * Lets tests check a dossier as if it were some other day, so that a
 * sample stays valid after its call closed.
 */
void
md_wizard_set_reference_date (MdWizard    *self,
                              const GDate *date)
{
  g_return_if_fail (MD_IS_WIZARD (self));

  g_clear_pointer (&self->reference_date, g_date_free);
  if (date != NULL)
    self->reference_date = g_date_copy (date);
  md_wizard_validate_now (self);
}

static gboolean
validate_after_pause_cb (gpointer user_data)
{
  MdWizard *self = user_data;

  self->validation_source = 0;
  md_wizard_validate_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_dossier_changed (MdWizard *self)
{
  g_clear_handle_id (&self->validation_source, g_source_remove);
  self->validation_source = g_timeout_add (VALIDATION_DELAY_MS, validate_after_pause_cb, self);
}

static GtkWidget *
create_step_row (MdWizardPage *page,
                 guint         index,
                 GtkWidget   **icon_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  g_autofree char *numbered = g_strdup_printf ("%u. %s", index + 1, md_wizard_page_get_title (page));

  label = gtk_label_new (numbered);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  *icon_out = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (md_wizard_page_get_icon_name (page)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), *icon_out);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, numbered, -1);
  return row;
}

void
md_wizard_add_page (MdWizard     *self,
                    MdWizardPage *page)
{
  GtkWidget *icon = NULL;
  GtkWidget *row;
  g_autofree char *name = NULL;

  g_return_if_fail (MD_IS_WIZARD (self));
  g_return_if_fail (MD_IS_WIZARD_PAGE (page));

  name = g_strdup_printf ("page-%u", self->page_list->len);
  row = create_step_row (page, self->page_list->len, &icon);
  g_ptr_array_add (self->page_list, page);
  g_ptr_array_add (self->step_icons, icon);
  gtk_stack_add_titled (self->pages, GTK_WIDGET (page), name, md_wizard_page_get_title (page));
  gtk_list_box_append (self->steps_list, row);

  if (self->page_list->len == 1)
    gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (row));
  update_navigation (self);
}

guint
md_wizard_get_n_pages (MdWizard *self)
{
  g_return_val_if_fail (MD_IS_WIZARD (self), 0);

  return self->page_list->len;
}

MdWizardPage *
md_wizard_get_page (MdWizard *self,
                    guint     index)
{
  g_return_val_if_fail (MD_IS_WIZARD (self), NULL);
  g_return_val_if_fail (index < self->page_list->len, NULL);

  return self->page_list->pdata[index];
}

static guint
visible_index (MdWizard *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pages);
  guint index = 0;

  g_ptr_array_find (self->page_list, child, &index);
  return index;
}

MdWizardPage *
md_wizard_get_visible_page (MdWizard *self)
{
  g_return_val_if_fail (MD_IS_WIZARD (self), NULL);

  return self->page_list->len ? self->page_list->pdata[visible_index (self)] : NULL;
}

static void
update_navigation (MdWizard *self)
{
  guint index = visible_index (self);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", index + 1 < self->page_list->len);
  gtk_widget_set_visible (self->steps_button, folded);
}

void
md_wizard_show_page (MdWizard *self,
                     guint     index)
{
  GtkListBoxRow *row;

  g_return_if_fail (MD_IS_WIZARD (self));
  g_return_if_fail (index < self->page_list->len);

  gtk_stack_set_visible_child (self->pages, self->page_list->pdata[index]);
  row = gtk_list_box_get_row_at_index (self->steps_list, index);
  gtk_list_box_select_row (self->steps_list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  update_navigation (self);
}

/**
 * md_wizard_focus_path:
 *
 * Shows the screen that holds the widget bound to @path and moves the
 * keyboard focus there, for "jump to the problem".
 *
 * Returns: whether a screen owns @path
 */
gboolean
md_wizard_focus_path (MdWizard   *self,
                      const char *path)
{
  g_return_val_if_fail (MD_IS_WIZARD (self), FALSE);

  for (guint i = 0; i < self->page_list->len; i++)
    {
      MdWizardPage *page = self->page_list->pdata[i];
      GtkWidget *widget = md_find_field_widget (GTK_WIDGET (page), path);

      if (widget == NULL && !md_wizard_page_owns_path (page, path))
        continue;

      md_wizard_show_page (self, i);
      if (widget != NULL)
        gtk_widget_grab_focus (widget);
      return TRUE;
    }

  return FALSE;
}

static void
on_step_activated (MdWizard      *self,
                   GtkListBoxRow *row)
{
  md_wizard_show_page (self, gtk_list_box_row_get_index (row));
}

static void
on_visible_page_changed (MdWizard *self)
{
  update_navigation (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MdWizard *self = MD_WIZARD (widget);
  guint index = visible_index (self);

  if (index > 0)
    md_wizard_show_page (self, index - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdWizard *self = MD_WIZARD (widget);
  guint index = visible_index (self);

  if (index + 1 < self->page_list->len)
    md_wizard_show_page (self, index + 1);
}

static void
show_steps_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MdWizard *self = MD_WIZARD (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/**
 * md_wizard_set_dossier:
 * @dossier: (nullable): the dossier to edit
 * @registry: (nullable): where to find its programme profile
 */
void
md_wizard_set_dossier (MdWizard            *self,
                       MdDossier           *dossier,
                       MdProgrammeRegistry *registry)
{
  g_return_if_fail (MD_IS_WIZARD (self));

  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);

  g_set_object (&self->dossier, dossier);
  g_set_object (&self->registry, registry);
  g_clear_object (&self->programme);

  md_bind_field_widgets (GTK_WIDGET (self->pages), dossier);
  if (dossier != NULL)
    g_signal_connect_swapped (dossier, "changed", G_CALLBACK (on_dossier_changed), self);

  md_wizard_validate_now (self);
  if (self->page_list->len > 0)
    md_wizard_show_page (self, 0);
}

/**
 * md_wizard_get_report:
 *
 * Returns: (transfer none) (nullable): the latest validation report
 */
MdReport *
md_wizard_get_report (MdWizard *self)
{
  g_return_val_if_fail (MD_IS_WIZARD (self), NULL);

  return self->report;
}

/**
 * md_wizard_get_programme:
 *
 * Returns: (transfer none) (nullable): the dossier's programme profile
 */
MdProgramme *
md_wizard_get_programme (MdWizard *self)
{
  g_return_val_if_fail (MD_IS_WIZARD (self), NULL);

  return lookup_programme (self);
}

static void
md_wizard_dispose (GObject *object)
{
  MdWizard *self = (MdWizard *)object;

  g_clear_handle_id (&self->validation_source, g_source_remove);
  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);
  g_clear_object (&self->dossier);
  g_clear_object (&self->registry);
  g_clear_object (&self->programme);
  g_clear_object (&self->report);
  g_clear_pointer (&self->reference_date, g_date_free);
  g_clear_pointer (&self->page_list, g_ptr_array_unref);
  g_clear_pointer (&self->step_icons, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WIZARD);

  G_OBJECT_CLASS (md_wizard_parent_class)->dispose (object);
}

static void
md_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MdWizard *self = MD_WIZARD (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_wizard_class_init (MdWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_wizard_dispose;
  object_class->get_property = md_wizard_get_property;

  /**
   * MdWizard:report:
   *
   * The latest validation report; notified after every validation, so
   * that actions such as submitting can follow it.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, MD_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWizard, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MdWizard, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MdWizard, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, MdWizard, content);
  gtk_widget_class_bind_template_child (widget_class, MdWizard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, MdWizard, pages);
  gtk_widget_class_bind_template_child (widget_class, MdWizard, steps_button);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);

  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.show-steps", NULL, show_steps_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.previous", NULL);
}

static void
md_wizard_init (MdWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->page_list = g_ptr_array_new ();
  self->step_icons = g_ptr_array_new ();
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->sidebar_separator), FALSE);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_navigation),
                           self, G_CONNECT_SWAPPED);
  update_navigation (self);
}

MdWizard *
md_wizard_new (void)
{
  return g_object_new (MD_TYPE_WIZARD, NULL);
}
