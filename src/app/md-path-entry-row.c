/* md-path-entry-row.c
 *
 * The row names its field path and value kind in the template:
 *   <property name="field-path">applicant.email</property>
 *   <property name="kind">integer</property>   (text, integer or number)
 * Numbers that do not parse are not stored; the row says so instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-path-entry-row.h"

struct _MdPathEntryRow
{
  AdwEntryRow     parent_instance;

  MdFieldBinding  binding;
  char           *kind;
  GtkWidget      *issue_icon;
  char           *model_issue;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPathEntryRow, md_path_entry_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS,
  PROP_FIELD_PATH = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_numeric (MdPathEntryRow *self)
{
  return g_strcmp0 (self->kind, "integer") == 0 || g_strcmp0 (self->kind, "number") == 0;
}

static char *
format_number (JsonNode *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
}

static void
md_path_entry_row_show_value (MdFieldWidget *widget,
                              JsonNode      *value)
{
  MdPathEntryRow *self = MD_PATH_ENTRY_ROW (widget);
  g_autofree char *text = NULL;

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
    {
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (value));
      else if (json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        text = format_number (value);
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
}

static void
md_path_entry_row_show_issue (MdFieldWidget *widget,
                              const char    *message)
{
  MdPathEntryRow *self = MD_PATH_ENTRY_ROW (widget);

  g_free (self->model_issue);
  self->model_issue = g_strdup (message);
  md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, message);
}

static MdFieldBinding *
md_path_entry_row_get_binding (MdFieldWidget *widget)
{
  return &MD_PATH_ENTRY_ROW (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_path_entry_row_get_binding;
  iface->show_value = md_path_entry_row_show_value;
  iface->show_issue = md_path_entry_row_show_issue;
}

static void
store_number (MdPathEntryRow *self,
              const char     *text)
{
  gboolean integer = g_strcmp0 (self->kind, "integer") == 0;
  g_autofree char *normal = g_strdelimit (g_strstrip (g_strdup (text)), ",", '.');
  char *end = NULL;
  double value;

  if (*normal == '\0')
    {
      md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, self->model_issue);
      return;
    }

  value = g_ascii_strtod (normal, &end);
  if (*end != '\0' || (integer && value != (gint64) value))
    {
      md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon,
                                  integer ? _("Enter a whole number.") : _("Enter a number."));
      return;
    }

  md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, self->model_issue);
  md_field_binding_store (&self->binding,
                          integer ? json_node_init_int (json_node_alloc (), (gint64) value)
                                  : json_node_init_double (json_node_alloc (), value));
}

static void
on_text_changed (MdPathEntryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  if (self->binding.syncing)
    return;

  if (is_numeric (self))
    store_number (self, text);
  else
    md_field_binding_store_string (&self->binding, text);
}

const char *
md_path_entry_row_get_field_path (MdPathEntryRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_ENTRY_ROW (self), NULL);

  return self->binding.path;
}

static void
md_path_entry_row_dispose (GObject *object)
{
  MdPathEntryRow *self = (MdPathEntryRow *)object;

  md_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (md_path_entry_row_parent_class)->dispose (object);
}

static void
md_path_entry_row_finalize (GObject *object)
{
  MdPathEntryRow *self = (MdPathEntryRow *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->model_issue, g_free);

  G_OBJECT_CLASS (md_path_entry_row_parent_class)->finalize (object);
}

static void
md_path_entry_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MdPathEntryRow *self = MD_PATH_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      g_value_set_string (value, self->binding.path);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_entry_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MdPathEntryRow *self = MD_PATH_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      md_field_binding_set_path (&self->binding, g_value_get_string (value));
      break;
    case PROP_KIND:
      g_free (self->kind);
      self->kind = g_value_dup_string (value);
      if (is_numeric (self))
        g_object_set (self, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_entry_row_class_init (MdPathEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_path_entry_row_dispose;
  object_class->finalize = md_path_entry_row_finalize;
  object_class->get_property = md_path_entry_row_get_property;
  object_class->set_property = md_path_entry_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "text",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_FIELD_PATH, "field-path");
}

static void
md_path_entry_row_init (MdPathEntryRow *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));
  g_signal_connect_swapped (self, "changed", G_CALLBACK (on_text_changed), self);
}
