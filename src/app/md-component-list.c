/* md-component-list.c
 *
 * One table of a learning agreement, e.g.:
 *   <object class="MdComponentList">
 *     <property name="field-path">learning_agreement.table_a</property>
 *     <property name="title" translatable="yes">Table A: Study Programme Abroad</property>
 *   </object>
 *
 * Component rows are positional: row i always edits "<list>[i]", and
 * its entry rows are ordinary field widgets that follow the model by
 * themselves, also when rows move. So the list only adds or drops rows
 * at the end when the length changes, and focus stays where it was.
 *
 * The list is a field widget for its own path, which md_bind_field_widgets()
 * does not look into, so it binds the entry rows it makes itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "md-component-list.h"
#include "md-field-path.h"
#include "md-path-entry-row.h"

typedef struct
{
  GtkWidget *expander;
  GtkWidget *title_row;
  GtkWidget *move_up;
  GtkWidget *move_down;
  GtkWidget *remove;
} ComponentRow;

struct _MdComponentList
{
  GtkBox          parent_instance;

  MdFieldBinding  binding;
  /* The dossier the rows are bound to, watched for the total. */
  MdDossier      *dossier;
  gulong          total_handler;

  GtkWidget      *group;
  GtkWidget      *add_button;
  GtkWidget      *issue_label;
  GtkWidget      *total_label;
  GPtrArray      *rows;
  gboolean        show_term;
  double          total;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdComponentList, md_component_list, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SHOW_TERM,
  PROP_TOTAL,
  N_PROPS,
  PROP_FIELD_PATH = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define INDEX_KEY "md-component-index"

static ComponentRow *
get_row (MdComponentList *self,
         guint            index)
{
  return g_ptr_array_index (self->rows, index);
}

static guint
get_length (MdComponentList *self)
{
  if (self->dossier == NULL || self->binding.path == NULL)
    return 0;

  return md_dossier_get_length (self->dossier, self->binding.path);
}

static char *
format_total (double total)
{
  g_autofree char *number = g_strdup_printf ("%g", total);
  /* Stored numbers stay below MD_DOSSIER_MAX_NUMBER, so this fits. */
  gint64 whole = (gint64) total;
  /* Fractions read as plural in English; whole numbers pick their form. */
  gulong plural = (double) whole == total ? (gulong) ABS (whole) : 2;

  return g_strdup_printf (ngettext ("Total: %s ECTS credit", "Total: %s ECTS credits", plural), number);
}

static void
update_total (MdComponentList *self)
{
  guint length = get_length (self);
  g_autofree char *label = NULL;
  double total = 0.0;

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].ects", self->binding.path, i);

      total += md_dossier_get_double (self->dossier, path, 0.0);
    }

  label = length > 0 ? format_total (total) : g_strdup (_("No components yet"));
  gtk_label_set_text (GTK_LABEL (self->total_label), label);

  if (total != self->total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
}

static void
on_dossier_changed (MdComponentList *self)
{
  /* Credits typed into a row change the total but not the list. */
  update_total (self);
}

static GtkWidget *
add_field (MdComponentList *self,
           GtkWidget       *expander,
           guint            index,
           const char      *member,
           const char      *title,
           const char      *kind)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->binding.path, index, member);
  GtkWidget *row = g_object_new (MD_TYPE_PATH_ENTRY_ROW,
                                 "field-path", path,
                                 "kind", kind,
                                 "title", title,
                                 NULL);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  md_field_widget_set_dossier (MD_FIELD_WIDGET (row), self->dossier);
  return row;
}

static void on_move_up_clicked   (GtkButton *button, MdComponentList *self);
static void on_move_down_clicked (GtkButton *button, MdComponentList *self);
static void on_remove_clicked    (GtkButton *button, MdComponentList *self);

static GtkWidget *
add_row_button (GtkWidget  *expander,
                guint       index,
                const char *icon_name,
                const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (index));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), button);
  return button;
}

static ComponentRow *
new_component_row (MdComponentList *self,
                   guint            index)
{
  ComponentRow *row = g_new0 (ComponentRow, 1);
  g_autofree char *heading = g_strdup_printf (_("Component %u"), index + 1);

  row->expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), heading);
  /* The subtitle repeats the component's title, which is user text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
  md_field_name_row_parts (row->expander);

  row->move_up = add_row_button (row->expander, index, "go-up-symbolic", _("Move Up"));
  row->move_down = add_row_button (row->expander, index, "go-down-symbolic", _("Move Down"));
  row->remove = add_row_button (row->expander, index, "user-trash-symbolic", _("Remove"));
  g_signal_connect (row->move_up, "clicked", G_CALLBACK (on_move_up_clicked), self);
  g_signal_connect (row->move_down, "clicked", G_CALLBACK (on_move_down_clicked), self);
  g_signal_connect (row->remove, "clicked", G_CALLBACK (on_remove_clicked), self);

  add_field (self, row->expander, index, "code", _("Component code"), "text");
  row->title_row = add_field (self, row->expander, index, "title", _("Title"), "text");
  if (self->show_term)
    add_field (self, row->expander, index, "term", _("Semester or term"), "text");
  add_field (self, row->expander, index, "ects", _("ECTS credits"), "number");

  g_object_bind_property (row->title_row, "text", row->expander, "subtitle", G_BINDING_SYNC_CREATE);
  return row;
}

static void
update_row_buttons (MdComponentList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ComponentRow *row = get_row (self, i);

      gtk_widget_set_sensitive (row->move_up, i > 0);
      gtk_widget_set_sensitive (row->move_down, i + 1 < self->rows->len);
    }
}

static void
sync_rows (MdComponentList *self,
           guint            length)
{
  if (self->rows->len == length)
    return;

  while (self->rows->len < length)
    {
      ComponentRow *row = new_component_row (self, self->rows->len);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row->expander);
      g_ptr_array_add (self->rows, row);
    }

  while (self->rows->len > length)
    {
      ComponentRow *row = get_row (self, self->rows->len - 1);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), row->expander);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }

  update_row_buttons (self);
}

static void
remove_all_rows (MdComponentList *self)
{
  sync_rows (self, 0);
}

/* Moves the rows and the total over to the binding's dossier. */
static void
follow_dossier (MdComponentList *self)
{
  MdDossier *dossier = self->binding.dossier;
  g_autofree char *section = NULL;
  g_autofree char *detailed_signal = NULL;

  if (self->dossier != NULL)
    g_clear_signal_handler (&self->total_handler, self->dossier);
  g_set_object (&self->dossier, dossier);

  if (dossier != NULL)
    {
      section = md_field_path_section (self->binding.path);
      detailed_signal = g_strconcat ("changed::", section, NULL);
      self->total_handler = g_signal_connect_swapped (dossier, detailed_signal,
                                                      G_CALLBACK (on_dossier_changed), self);
    }

  md_bind_field_widgets (GTK_WIDGET (self), dossier);
  gtk_widget_set_sensitive (self->add_button, dossier != NULL);
}

static void
md_component_list_show_value (MdFieldWidget *widget,
                              JsonNode      *value)
{
  MdComponentList *self = MD_COMPONENT_LIST (widget);
  guint length = 0;

  if (self->dossier != self->binding.dossier)
    follow_dossier (self);

  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    length = json_array_get_length (json_node_get_array (value));

  sync_rows (self, length);
  update_total (self);
}

static void
md_component_list_show_issue (MdFieldWidget *widget,
                              const char    *message)
{
  MdComponentList *self = MD_COMPONENT_LIST (widget);

  gtk_label_set_text (GTK_LABEL (self->issue_label), message ? message : "");
  gtk_widget_set_visible (self->issue_label, message != NULL);

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->group),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->group),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static MdFieldBinding *
md_component_list_get_binding (MdFieldWidget *widget)
{
  return &MD_COMPONENT_LIST (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_component_list_get_binding;
  iface->show_value = md_component_list_show_value;
  iface->show_issue = md_component_list_show_issue;
}

static void
on_add_clicked (MdComponentList *self)
{
  g_autoptr(GError) error = NULL;
  ComponentRow *row;
  guint index;

  if (self->dossier == NULL)
    return;

  if (!md_dossier_append_row (self->dossier, self->binding.path, &index, &error))
    {
      g_warning ("Cannot add a row to %s: %s", self->binding.path, error->message);
      return;
    }

  /* The model's change notification has made the row by now. */
  g_return_if_fail (index < self->rows->len);
  row = get_row (self, index);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
  gtk_widget_grab_focus (row->title_row);
}

static guint
get_button_index (GtkButton *button)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), INDEX_KEY));
}

/* Keyboard users keep moving the same component: focus follows it. */
static void
move_row (MdComponentList *self,
          guint            from,
          guint            to,
          gboolean         upwards)
{
  g_autoptr(GError) error = NULL;
  ComponentRow *row;

  if (!md_dossier_move_row (self->dossier, self->binding.path, from, to, &error))
    {
      g_warning ("Cannot move row %u of %s: %s", from, self->binding.path, error->message);
      return;
    }

  row = get_row (self, to);
  if (upwards)
    gtk_widget_grab_focus (gtk_widget_get_sensitive (row->move_up) ? row->move_up : row->move_down);
  else
    gtk_widget_grab_focus (gtk_widget_get_sensitive (row->move_down) ? row->move_down : row->move_up);
}

static void
on_move_up_clicked (GtkButton       *button,
                    MdComponentList *self)
{
  guint index = get_button_index (button);

  if (self->dossier != NULL && index > 0)
    move_row (self, index, index - 1, TRUE);
}

static void
on_move_down_clicked (GtkButton       *button,
                      MdComponentList *self)
{
  guint index = get_button_index (button);

  if (self->dossier != NULL && index + 1 < self->rows->len)
    move_row (self, index, index + 1, FALSE);
}

static void
on_remove_clicked (GtkButton       *button,
                   MdComponentList *self)
{
  g_autoptr(GError) error = NULL;
  guint index = get_button_index (button);

  if (self->dossier == NULL)
    return;

  if (!md_dossier_remove_row (self->dossier, self->binding.path, index, &error))
    {
      g_warning ("Cannot remove row %u of %s: %s", index, self->binding.path, error->message);
      return;
    }

  /* The last row's widgets are gone; focus something still there. */
  if (index < self->rows->len)
    gtk_widget_grab_focus (get_row (self, index)->remove);
  else if (self->rows->len > 0)
    gtk_widget_grab_focus (get_row (self, self->rows->len - 1)->remove);
  else
    gtk_widget_grab_focus (self->add_button);
}

const char *
md_component_list_get_title (MdComponentList *self)
{
  g_return_val_if_fail (MD_IS_COMPONENT_LIST (self), NULL);

  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self->group));
}

void
md_component_list_set_title (MdComponentList *self,
                             const char      *title)
{
  g_return_if_fail (MD_IS_COMPONENT_LIST (self));

  if (g_strcmp0 (title, md_component_list_get_title (self)) == 0)
    return;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), title ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
md_component_list_get_description (MdComponentList *self)
{
  g_return_val_if_fail (MD_IS_COMPONENT_LIST (self), NULL);

  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (self->group));
}

void
md_component_list_set_description (MdComponentList *self,
                                   const char      *description)
{
  g_return_if_fail (MD_IS_COMPONENT_LIST (self));

  if (g_strcmp0 (description, md_component_list_get_description (self)) == 0)
    return;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gboolean
md_component_list_get_show_term (MdComponentList *self)
{
  g_return_val_if_fail (MD_IS_COMPONENT_LIST (self), FALSE);

  return self->show_term;
}

/**
 * md_component_list_set_show_term:
 * @show_term: whether each component has a "Semester or term" row
 */
void
md_component_list_set_show_term (MdComponentList *self,
                                 gboolean         show_term)
{
  g_return_if_fail (MD_IS_COMPONENT_LIST (self));

  show_term = !!show_term;
  if (self->show_term == show_term)
    return;

  /* Rows are made with or without the term row; make them again. */
  self->show_term = show_term;
  remove_all_rows (self);
  sync_rows (self, get_length (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TERM]);
}

/**
 * md_component_list_get_total:
 *
 * Returns: the sum of the components' ECTS credits
 */
double
md_component_list_get_total (MdComponentList *self)
{
  g_return_val_if_fail (MD_IS_COMPONENT_LIST (self), 0.0);

  return self->total;
}

/**
 * md_component_list_get_add_button:
 *
 * Returns: (transfer none): the "Add Component" button
 */
GtkButton *
md_component_list_get_add_button (MdComponentList *self)
{
  g_return_val_if_fail (MD_IS_COMPONENT_LIST (self), NULL);

  return GTK_BUTTON (self->add_button);
}

static void
md_component_list_dispose (GObject *object)
{
  MdComponentList *self = (MdComponentList *)object;

  md_field_binding_clear (&self->binding);
  if (self->dossier != NULL)
    g_clear_signal_handler (&self->total_handler, self->dossier);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (md_component_list_parent_class)->dispose (object);
}

static void
md_component_list_finalize (GObject *object)
{
  MdComponentList *self = (MdComponentList *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (md_component_list_parent_class)->finalize (object);
}

static void
md_component_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MdComponentList *self = MD_COMPONENT_LIST (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      g_value_set_string (value, self->binding.path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, md_component_list_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, md_component_list_get_description (self));
      break;
    case PROP_SHOW_TERM:
      g_value_set_boolean (value, self->show_term);
      break;
    case PROP_TOTAL:
      g_value_set_double (value, self->total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_component_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MdComponentList *self = MD_COMPONENT_LIST (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      md_field_binding_set_path (&self->binding, g_value_get_string (value));
      break;
    case PROP_TITLE:
      md_component_list_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      md_component_list_set_description (self, g_value_get_string (value));
      break;
    case PROP_SHOW_TERM:
      md_component_list_set_show_term (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_component_list_class_init (MdComponentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_component_list_dispose;
  object_class->finalize = md_component_list_finalize;
  object_class->get_property = md_component_list_get_property;
  object_class->set_property = md_component_list_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TERM] =
    g_param_spec_boolean ("show-term", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_double ("total", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_FIELD_PATH, "field-path");
}

static GtkWidget *
new_add_button (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Component"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add a component to this table"));
  /* Nothing to add to until a dossier is shown. */
  gtk_widget_set_sensitive (button, FALSE);
  return button;
}

static GtkWidget *
new_caption_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style);
  return label;
}

static void
md_component_list_init (MdComponentList *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->show_term = TRUE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (self), self->group);

  self->issue_label = new_caption_label ("error");
  gtk_widget_set_visible (self->issue_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->issue_label);

  self->total_label = new_caption_label ("dim-label");
  gtk_box_append (GTK_BOX (self), self->total_label);

  /* Below the rows rather than in the header: at phone width the header
   * has no room left for the table's title. */
  self->add_button = new_add_button ();
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (self), self->add_button);
  update_total (self);
}
