/* md-path-switch-row.c
 *
 * A yes/no question stored as a JSON boolean:
 *   <object class="MdPathSwitchRow">
 *     <property name="field-path">applicant.scholarship</property>
 *   </object>
 * A missing value shows as off; only the user's toggle writes it, so
 * an unanswered question stays distinguishable in the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-path-switch-row.h"

struct _MdPathSwitchRow
{
  AdwActionRow    parent_instance;

  MdFieldBinding  binding;
  GtkWidget      *toggle;
  GtkWidget      *issue_icon;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPathSwitchRow, md_path_switch_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

static void
md_path_switch_row_show_value (MdFieldWidget *widget,
                               JsonNode      *value)
{
  MdPathSwitchRow *self = MD_PATH_SWITCH_ROW (widget);
  gboolean active = FALSE;

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    active = json_node_get_boolean (value);

  gtk_switch_set_active (GTK_SWITCH (self->toggle), active);
}

static void
md_path_switch_row_show_issue (MdFieldWidget *widget,
                               const char    *message)
{
  MdPathSwitchRow *self = MD_PATH_SWITCH_ROW (widget);

  md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, message);
}

static MdFieldBinding *
md_path_switch_row_get_binding (MdFieldWidget *widget)
{
  return &MD_PATH_SWITCH_ROW (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_path_switch_row_get_binding;
  iface->show_value = md_path_switch_row_show_value;
  iface->show_issue = md_path_switch_row_show_issue;
}

static void
on_active_changed (MdPathSwitchRow *self)
{
  gboolean active = gtk_switch_get_active (GTK_SWITCH (self->toggle));

  md_field_binding_store (&self->binding, json_node_init_boolean (json_node_alloc (), active));
}

/**
 * md_path_switch_row_get_switch:
 *
 * Returns: (transfer none): the row's switch
 */
GtkSwitch *
md_path_switch_row_get_switch (MdPathSwitchRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_SWITCH_ROW (self), NULL);

  return GTK_SWITCH (self->toggle);
}

static void
md_path_switch_row_dispose (GObject *object)
{
  MdPathSwitchRow *self = (MdPathSwitchRow *)object;

  md_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (md_path_switch_row_parent_class)->dispose (object);
}

static void
md_path_switch_row_class_init (MdPathSwitchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_path_switch_row_dispose;

  md_field_widget_class_install_field_path (object_class);
}

static void
md_path_switch_row_init (MdPathSwitchRow *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));

  self->toggle = gtk_switch_new ();
  gtk_widget_set_valign (self->toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->toggle);
  /* Clicking anywhere on the row, Space or Enter flip the switch. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->toggle);
  /* The switch has no text of its own; the row title names it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
  /* GTK 4.8 does not follow that relation to the title, though. */
  md_field_name_row_parts (GTK_WIDGET (self));

  g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (on_active_changed), self);
}
