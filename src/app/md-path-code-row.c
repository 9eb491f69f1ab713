/* md-path-code-row.c
 *
 * Countries and languages are stored as codes (ISO 3166-1 alpha-2 "BE",
 * ISO 639-1 "nl") but chosen by their translated name; typing in the
 * drop-down's search filters the list, which matters with some 250
 * entries. As in MdPathComboRow, a missing
 * or unknown code selects nothing (GTK_INVALID_LIST_POSITION) rather
 * than a "Not chosen" item, and nothing is stored until the user picks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-iso-codes.h"
#include "md-path-code-row.h"

struct _MdPathCodeRow
{
  AdwActionRow    parent_instance;

  MdFieldBinding  binding;
  MdIsoCodes      list;
  GtkWidget      *drop_down;
  /* codes->pdata[i] is the code of the drop-down's item i. */
  GPtrArray      *codes;
  GtkWidget      *issue_icon;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

enum {
  PROP_0,
  PROP_CODES,
  N_PROPS,
  PROP_FIELD_PATH = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* Parallel to MdIsoCodes, as the "codes" property names them. */
static const char * const list_names[] = { "countries", "languages" };

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPathCodeRow, md_path_code_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

static guint
find_code (MdPathCodeRow *self,
           const char       *code)
{
  guint position;

  if (code != NULL && g_ptr_array_find_with_equal_func (self->codes, code, g_str_equal, &position))
    return position;

  return GTK_INVALID_LIST_POSITION;
}

static void
md_path_code_row_show_value (MdFieldWidget *widget,
                                JsonNode      *value)
{
  MdPathCodeRow *self = MD_PATH_CODE_ROW (widget);
  const char *code = NULL;

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING)
    code = json_node_get_string (value);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), find_code (self, code));
}

static void
md_path_code_row_show_issue (MdFieldWidget *widget,
                                const char    *message)
{
  MdPathCodeRow *self = MD_PATH_CODE_ROW (widget);

  md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, message);
}

static MdFieldBinding *
md_path_code_row_get_binding (MdFieldWidget *widget)
{
  return &MD_PATH_CODE_ROW (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_path_code_row_get_binding;
  iface->show_value = md_path_code_row_show_value;
  iface->show_issue = md_path_code_row_show_issue;
}

static void
on_selected_changed (MdPathCodeRow *self)
{
  const char *code = md_path_code_row_get_code_at (self, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drop_down)));

  if (code != NULL)
    md_field_binding_store_string (&self->binding, code);
}

/**
 * md_path_code_row_get_drop_down:
 *
 * Returns: (transfer none): the drop-down listing the countries or languages
 */
GtkDropDown *
md_path_code_row_get_drop_down (MdPathCodeRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_CODE_ROW (self), NULL);

  return GTK_DROP_DOWN (self->drop_down);
}

/**
 * md_path_code_row_get_code_at:
 * @position: an item of the drop-down
 *
 * Returns: (nullable): the code of the item at @position
 */
const char *
md_path_code_row_get_code_at (MdPathCodeRow *self,
                              guint          position)
{
  g_return_val_if_fail (MD_IS_PATH_CODE_ROW (self), NULL);

  if (position >= self->codes->len)
    return NULL;

  return g_ptr_array_index (self->codes, position);
}

static void
md_path_code_row_dispose (GObject *object)
{
  MdPathCodeRow *self = (MdPathCodeRow *)object;

  md_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (md_path_code_row_parent_class)->dispose (object);
}

static void
md_path_code_row_finalize (GObject *object)
{
  MdPathCodeRow *self = (MdPathCodeRow *)object;

  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (md_path_code_row_parent_class)->finalize (object);
}

static void
md_path_code_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MdPathCodeRow *self = MD_PATH_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      g_value_set_string (value, md_field_widget_get_field_path (MD_FIELD_WIDGET (self)));
      break;
    case PROP_CODES:
      g_value_set_string (value, list_names[self->list]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_code_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MdPathCodeRow *self = MD_PATH_CODE_ROW (object);
  const char *name;

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      md_field_binding_set_path (&self->binding, g_value_get_string (value));
      break;
    case PROP_CODES:
      name = g_value_get_string (value);
      self->list = name && g_str_equal (name, "languages") ? MD_ISO_CODES_LANGUAGES : MD_ISO_CODES_COUNTRIES;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void md_path_code_row_constructed (GObject *object);

static void
md_path_code_row_class_init (MdPathCodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = md_path_code_row_constructed;
  object_class->dispose = md_path_code_row_dispose;
  object_class->finalize = md_path_code_row_finalize;
  object_class->get_property = md_path_code_row_get_property;
  object_class->set_property = md_path_code_row_set_property;

  /**
   * MdPathCodeRow:codes:
   *
   * What the row picks: "countries" (the default) or "languages".
   */
  properties[PROP_CODES] =
    g_param_spec_string ("codes", NULL, NULL, "countries",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_FIELD_PATH, "field-path");
}

/* Names are translated once, when the row is made: after the language
 * changes, the windows are built again. */
static GListModel *
load_names (MdPathCodeRow *self)
{
  g_autoptr(GPtrArray) codes = md_iso_codes_list (self->list);
  GtkStringList *names = gtk_string_list_new (NULL);

  self->codes = g_ptr_array_new_full (codes->len, g_free);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      g_ptr_array_add (self->codes, g_strdup (code));
      gtk_string_list_append (names, md_iso_codes_get_name (self->list, code));
    }

  return G_LIST_MODEL (names);
}

static void
md_path_code_row_init (MdPathCodeRow *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));
}

/* The list is known once the construct-only "codes" is set. */
static void
md_path_code_row_constructed (GObject *object)
{
  MdPathCodeRow *self = MD_PATH_CODE_ROW (object);
  GtkExpression *expression;

  G_OBJECT_CLASS (md_path_code_row_parent_class)->constructed (object);

  /* The search entry matches what this expression yields per item. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->drop_down = gtk_drop_down_new (load_names (self), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->drop_down), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), GTK_INVALID_LIST_POSITION);
  gtk_widget_set_valign (self->drop_down, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->drop_down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->drop_down);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
  /* GTK 4.8 does not follow that relation to the title, though. */
  md_field_name_row_parts (GTK_WIDGET (self));

  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_selected_changed), self);
}
