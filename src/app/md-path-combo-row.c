/* md-path-combo-row.c
 *
 * The row names its field path, the stored value of each item and how
 * values are stored, all in the template:
 *   <property name="field-path">mobility.receiving_organisation.type</property>
 *   <property name="model">
 *     <object class="GtkStringList">
 *       <items>
 *         <item translatable="yes">Higher education institution</item>
 *         <item translatable="yes">Enterprise</item>
 *       </items>
 *     </object>
 *   </property>
 *   <property name="values">hei
 * enterprise</property>
 *   <property name="kind">integer</property>   (text or integer)
 * Choices built in code go through md_path_combo_row_set_choices().
 *
 * A missing or unknown value selects nothing: AdwComboRow accepts
 * GTK_INVALID_LIST_POSITION and then shows an empty value, so there is
 * no "Not chosen" item that could be mistaken for an answer. Nothing is
 * written until the user picks an item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-path-combo-row.h"

struct _MdPathComboRow
{
  AdwComboRow     parent_instance;

  MdFieldBinding  binding;
  GStrv           values;
  char           *kind;
  /* Only compared, never dereferenced: tells a model swap apart. */
  GListModel     *known_model;
  GtkWidget      *issue_icon;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPathComboRow, md_path_combo_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

enum {
  PROP_0,
  PROP_VALUES,
  PROP_KIND,
  N_PROPS,
  PROP_FIELD_PATH = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_integer (MdPathComboRow *self)
{
  return g_strcmp0 (self->kind, "integer") == 0;
}

/* The model's value as the text used in "values", or NULL when it is
 * not something an item could stand for. */
static char *
value_to_text (JsonNode *value)
{
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return NULL;

  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

  return NULL;
}

static guint
find_position (MdPathComboRow *self,
               const char     *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (self));
  guint n_items = model ? g_list_model_get_n_items (model) : 0;

  if (text == NULL || *text == '\0' || self->values == NULL)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_items && self->values[i] != NULL; i++)
    if (g_str_equal (self->values[i], text))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
md_path_combo_row_show_value (MdFieldWidget *widget,
                              JsonNode      *value)
{
  MdPathComboRow *self = MD_PATH_COMBO_ROW (widget);
  g_autofree char *text = value_to_text (value);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), find_position (self, text));
}

/* Shows the model's value again after the items or their values
 * changed, without writing anything back. */
static void
reshow_value (MdPathComboRow *self)
{
  JsonNode *value = NULL;
  gboolean was_syncing = self->binding.syncing;

  if (self->binding.dossier != NULL && self->binding.path != NULL)
    value = md_dossier_lookup (self->binding.dossier, self->binding.path);

  self->binding.syncing = TRUE;
  md_path_combo_row_show_value (MD_FIELD_WIDGET (self), value);
  self->binding.syncing = was_syncing;
}

static void
md_path_combo_row_show_issue (MdFieldWidget *widget,
                              const char    *message)
{
  MdPathComboRow *self = MD_PATH_COMBO_ROW (widget);

  md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, message);
}

static MdFieldBinding *
md_path_combo_row_get_binding (MdFieldWidget *widget)
{
  return &MD_PATH_COMBO_ROW (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_path_combo_row_get_binding;
  iface->show_value = md_path_combo_row_show_value;
  iface->show_issue = md_path_combo_row_show_issue;
}

static JsonNode *
make_node (MdPathComboRow *self,
           const char     *text)
{
  gint64 number;
  char *end = NULL;

  if (!is_integer (self))
    return json_node_init_string (json_node_alloc (), text);

  number = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0')
    {
      g_critical ("Combo row %s: value “%s” is not an integer", self->binding.path, text);
      return NULL;
    }

  return json_node_init_int (json_node_alloc (), number);
}

/* A new model selects its first item, and that is not the user's
 * choice; whichever of the two notifications comes first shows the
 * model's value again instead. */
static gboolean
catch_up_with_model (MdPathComboRow *self)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (self));

  if (model == self->known_model)
    return FALSE;

  self->known_model = model;
  reshow_value (self);
  return TRUE;
}

static void
on_model_changed (MdPathComboRow *self)
{
  catch_up_with_model (self);
}

static void
on_selected_changed (MdPathComboRow *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  JsonNode *node;

  if (catch_up_with_model (self))
    return;

  if (self->binding.syncing || self->values == NULL ||
      position == GTK_INVALID_LIST_POSITION || position >= g_strv_length (self->values))
    return;

  /* An empty value marks a placeholder item: nothing to store. */
  if (*self->values[position] == '\0')
    return;

  node = make_node (self, self->values[position]);
  if (node != NULL)
    md_field_binding_store (&self->binding, node);
}

const char * const *
md_path_combo_row_get_values (MdPathComboRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_COMBO_ROW (self), NULL);

  return (const char * const *) self->values;
}

/**
 * md_path_combo_row_set_values:
 * @values: (nullable) (array zero-terminated=1): the stored value of
 *   each item, in the model's order
 */
void
md_path_combo_row_set_values (MdPathComboRow     *self,
                              const char * const *values)
{
  g_return_if_fail (MD_IS_PATH_COMBO_ROW (self));

  g_strfreev (self->values);
  self->values = g_strdupv ((char **) values);
  /* Templates may indent the lines of "values". */
  for (guint i = 0; self->values != NULL && self->values[i] != NULL; i++)
    g_strstrip (self->values[i]);
  reshow_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUES]);
}

/**
 * md_path_combo_row_set_choices:
 * @values: (array zero-terminated=1): the stored value of each choice
 * @labels: (array zero-terminated=1): what the user sees for each
 *   choice, already translated
 *
 * Replaces the items, for choices that come from data (programmes,
 * activities) rather than from the template.
 */
void
md_path_combo_row_set_choices (MdPathComboRow     *self,
                               const char * const *values,
                               const char * const *labels)
{
  g_autoptr(GtkStringList) model = NULL;

  g_return_if_fail (MD_IS_PATH_COMBO_ROW (self));
  g_return_if_fail (values != NULL && labels != NULL);
  g_return_if_fail (g_strv_length ((char **) values) == g_strv_length ((char **) labels));

  model = gtk_string_list_new (labels);

  /* Old values must not pick an item of the new model, even briefly. */
  g_strfreev (self->values);
  self->values = NULL;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (model));
  md_path_combo_row_set_values (self, values);
}

static void
md_path_combo_row_dispose (GObject *object)
{
  MdPathComboRow *self = (MdPathComboRow *)object;

  md_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (md_path_combo_row_parent_class)->dispose (object);
}

static void
md_path_combo_row_finalize (GObject *object)
{
  MdPathComboRow *self = (MdPathComboRow *)object;

  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (md_path_combo_row_parent_class)->finalize (object);
}

static void
md_path_combo_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MdPathComboRow *self = MD_PATH_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      g_value_set_string (value, self->binding.path);
      break;
    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_combo_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MdPathComboRow *self = MD_PATH_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      md_field_binding_set_path (&self->binding, g_value_get_string (value));
      break;
    case PROP_VALUES:
      md_path_combo_row_set_values (self, g_value_get_boxed (value));
      break;
    case PROP_KIND:
      g_free (self->kind);
      self->kind = g_value_dup_string (value);
      reshow_value (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_combo_row_class_init (MdPathComboRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_path_combo_row_dispose;
  object_class->finalize = md_path_combo_row_finalize;
  object_class->get_property = md_path_combo_row_get_property;
  object_class->set_property = md_path_combo_row_set_property;

  properties[PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "text",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_FIELD_PATH, "field-path");
}

static void
md_path_combo_row_init (MdPathComboRow *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));
  md_field_name_row_parts (GTK_WIDGET (self));

  g_signal_connect_swapped (self, "notify::selected", G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self, "notify::model", G_CALLBACK (on_model_changed), self);
}
