/* md-field-widget.c
 *
 * Widgets name their field path in the template; binding a dossier to a
 * whole page is then one walk over its widgets, with no per-field code.
 * Values flow to the model on every edit and back whenever the model
 * changes; the validator's issues come back by the same path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "md-field-path.h"
#include "md-field-widget.h"

G_DEFINE_INTERFACE (MdFieldWidget, md_field_widget, GTK_TYPE_WIDGET)

static void
md_field_widget_default_init (MdFieldWidgetInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_string ("field-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static MdFieldBinding *
get_binding (MdFieldWidget *self)
{
  return MD_FIELD_WIDGET_GET_IFACE (self)->get_binding (self);
}

const char *
md_field_widget_get_field_path (MdFieldWidget *self)
{
  g_return_val_if_fail (MD_IS_FIELD_WIDGET (self), NULL);

  return get_binding (self)->path;
}

enum {
  FIELD_PATH_PROP = 1,
};

static void
field_path_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (prop_id == FIELD_PATH_PROP)
    g_value_set_string (value, get_binding (MD_FIELD_WIDGET (object))->path);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
field_path_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id == FIELD_PATH_PROP)
    md_field_binding_set_path (get_binding (MD_FIELD_WIDGET (object)), g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/**
 * md_field_widget_class_install_field_path:
 *
 * For a field widget whose only property is "field-path": installs it
 * with accessors that read and write the binding, so that the class
 * needs no get_property/set_property of its own. A class with more
 * properties handles "field-path" in its own accessors instead.
 */
void
md_field_widget_class_install_field_path (GObjectClass *object_class)
{
  object_class->get_property = field_path_get_property;
  object_class->set_property = field_path_set_property;
  g_object_class_override_property (object_class, FIELD_PATH_PROP, "field-path");
}

static void
show_model_value (MdFieldWidget *self)
{
  MdFieldBinding *binding = get_binding (self);
  JsonNode *value = binding->dossier ? md_dossier_lookup (binding->dossier, binding->path) : NULL;

  binding->syncing = TRUE;
  MD_FIELD_WIDGET_GET_IFACE (self)->show_value (self, value);
  binding->syncing = FALSE;
}

static void
on_dossier_changed (MdDossier     *dossier,
                    const char    *path,
                    MdFieldWidget *self)
{
  const char *own = get_binding (self)->path;
  gsize length = strlen (path);

  /* A change to a list (rows added, removed, moved) concerns every
   * field inside it. */
  if (g_str_equal (path, own) ||
      (g_str_has_prefix (own, path) && (own[length] == '[' || own[length] == '.')))
    show_model_value (self);
}

static void
disconnect_dossier (MdFieldBinding *binding)
{
  if (binding->dossier != NULL)
    g_clear_signal_handler (&binding->changed_handler, binding->dossier);
  g_clear_object (&binding->dossier);
}

/**
 * md_field_widget_set_dossier:
 * @dossier: (nullable): the dossier to show, or %NULL to clear
 */
void
md_field_widget_set_dossier (MdFieldWidget *self,
                             MdDossier     *dossier)
{
  MdFieldBinding *binding;
  g_autofree char *section = NULL;
  g_autofree char *detailed_signal = NULL;

  g_return_if_fail (MD_IS_FIELD_WIDGET (self));

  binding = get_binding (self);
  if (binding->dossier == dossier && dossier != NULL)
    return;

  disconnect_dossier (binding);
  if (dossier != NULL && binding->path != NULL)
    {
      binding->dossier = g_object_ref (dossier);
      section = md_field_path_section (binding->path);
      detailed_signal = g_strconcat ("changed::", section, NULL);
      binding->changed_handler = g_signal_connect (dossier, detailed_signal,
                                                   G_CALLBACK (on_dossier_changed), self);
    }

  show_model_value (self);
  md_field_widget_show_issue (self, NULL);
}

void
md_field_widget_show_issue (MdFieldWidget *self,
                            const char    *message)
{
  g_return_if_fail (MD_IS_FIELD_WIDGET (self));

  MD_FIELD_WIDGET_GET_IFACE (self)->show_issue (self, message);
}

void
md_field_binding_init (MdFieldBinding *binding,
                       GtkWidget      *owner)
{
  binding->owner = owner;
}

void
md_field_binding_clear (MdFieldBinding *binding)
{
  disconnect_dossier (binding);
  g_clear_pointer (&binding->path, g_free);
}

void
md_field_binding_set_path (MdFieldBinding *binding,
                           const char     *path)
{
  g_return_if_fail (path == NULL || md_field_path_is_valid (path));

  g_free (binding->path);
  binding->path = g_strdup (path);
}

/**
 * md_field_binding_store:
 * @value: (transfer full): the edited value
 *
 * Writes an edit to the model, unless the widget is only showing the
 * model's own value.
 */
gboolean
md_field_binding_store (MdFieldBinding *binding,
                        JsonNode       *value)
{
  g_autoptr(JsonNode) owned = value;
  g_autoptr(GError) error = NULL;

  if (binding->syncing || binding->dossier == NULL || binding->path == NULL)
    return FALSE;

  if (!md_dossier_set_value (binding->dossier, binding->path, g_steal_pointer (&owned), &error))
    {
      g_warning ("Cannot store %s: %s", binding->path, error->message);
      return FALSE;
    }

  return TRUE;
}

void
md_field_binding_store_string (MdFieldBinding *binding,
                               const char     *text)
{
  md_field_binding_store (binding, json_node_init_string (json_node_alloc (), text));
}

/**
 * md_field_show_issue_on_row:
 * @row: a list row (entry row, action row…)
 * @issue_icon: where the row keeps its warning icon, created on demand
 *
 * Marks the row as having a problem: a warning icon with the message
 * as tooltip, the "error" style, and the message as the accessible
 * description so screen readers announce it.
 */
void
md_field_show_issue_on_row (GtkWidget   *row,
                            GtkWidget  **issue_icon,
                            const char  *message)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      if (*issue_icon != NULL)
        gtk_widget_set_visible (*issue_icon, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (*issue_icon == NULL)
    {
      *issue_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (*issue_icon, "error");
      gtk_widget_set_valign (*issue_icon, GTK_ALIGN_CENTER);
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), *issue_icon);
      else if (ADW_IS_ACTION_ROW (row))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), *issue_icon);
    }

  gtk_widget_set_tooltip_text (*issue_icon, message);
  gtk_widget_set_visible (*issue_icon, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/**
 * md_bind_field_widgets:
 * @root: a widget whose descendants include field widgets
 * @dossier: (nullable): the dossier to show, or %NULL to clear
 */
void
md_bind_field_widgets (GtkWidget *root,
                       MdDossier *dossier)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MD_IS_FIELD_WIDGET (child))
        md_field_widget_set_dossier (MD_FIELD_WIDGET (child), dossier);
      else
        md_bind_field_widgets (child, dossier);
    }
}

/**
 * md_show_field_issues:
 * @report: (nullable): the latest validation report
 *
 * Puts each field's first problem next to it; fields without problems
 * are cleared.
 */
void
md_show_field_issues (GtkWidget *root,
                      MdReport  *report)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MD_IS_FIELD_WIDGET (child))
        {
          g_autoptr(GPtrArray) issues = NULL;
          const char *path = md_field_widget_get_field_path (MD_FIELD_WIDGET (child));

          if (report != NULL && path != NULL)
            issues = md_report_issues_for_path (report, path);
          md_field_widget_show_issue (MD_FIELD_WIDGET (child),
                                      issues && issues->len > 0
                                        ? ((MdIssue *) issues->pdata[0])->message : NULL);
        }

      /* Lists are field widgets that hold field widgets of their own. */
      md_show_field_issues (child, report);
    }
}

/**
 * md_find_field_widget:
 *
 * Returns: (transfer none) (nullable): the widget bound to @path
 */
GtkWidget *
md_find_field_widget (GtkWidget  *root,
                      const char *path)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (MD_IS_FIELD_WIDGET (child) &&
          g_strcmp0 (md_field_widget_get_field_path (MD_FIELD_WIDGET (child)), path) == 0)
        return child;

      found = md_find_field_widget (child, path);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Row titles carry mnemonic underscores ("_Nationality"); names must not. */
static char *
strip_mnemonic (const char *text)
{
  GString *plain = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

static gboolean
is_unnamed_part (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_CALENDAR (widget) ||
         (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent));
}

/**
 * md_field_name_parts:
 * @root: a widget built of parts GTK or libadwaita leave unnamed
 * @name: the name to give them, translated and without mnemonic
 *
 * GTK 4.8 names a widget only from its own label or from labels it is
 * labelled by, and the parts GTK and libadwaita build into widgets have
 * neither: the list in a combo row's or a drop-down's popover, the
 * drop-down's button and search entry, a switch, a calendar, the lists
 * of an expander row or of a column view. Screen readers then read out
 * the widget's type ("GtkSwitch"). This names the parts below @root;
 * rows inside keep their own names.
 */
void
md_field_name_parts (GtkWidget  *root,
                     const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child))
        continue;

      if (is_unnamed_part (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      md_field_name_parts (child, name);
    }
}

static void
on_row_title_changed (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);
  g_autofree char *name = adw_preferences_row_get_use_underline (row) ? strip_mnemonic (title)
                                                                       : g_strdup (title);

  md_field_name_parts (GTK_WIDGET (row), name);
}

/**
 * md_field_name_row_parts:
 * @row: an #AdwPreferencesRow that holds all its parts
 *
 * Names the row's parts (see md_field_name_parts()) after its title, now
 * and whenever the title changes.
 */
void
md_field_name_row_parts (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  g_signal_connect (row, "notify::title", G_CALLBACK (on_row_title_changed), NULL);
  g_signal_connect (row, "notify::use-underline", G_CALLBACK (on_row_title_changed), NULL);
  on_row_title_changed (ADW_PREFERENCES_ROW (row));
}
