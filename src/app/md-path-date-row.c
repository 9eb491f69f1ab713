/* md-path-date-row.c
 *
 * Dates are typed as YYYY-MM-DD, the form the bundle stores, and the
 * text is stored on every edit like any entry row so the validator can
 * point at a half-typed date. The calendar is a shortcut for people
 * who prefer to pick a day; it writes into the entry, never past it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-formats.h"
#include "md-path-date-row.h"

struct _MdPathDateRow
{
  AdwEntryRow     parent_instance;

  MdFieldBinding  binding;
  GtkWidget      *menu_button;
  GtkWidget      *popover;
  GtkWidget      *calendar;
  GtkWidget      *issue_icon;
  gboolean        showing_date;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPathDateRow, md_path_date_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

static void
md_path_date_row_show_value (MdFieldWidget *widget,
                             JsonNode      *value)
{
  MdPathDateRow *self = MD_PATH_DATE_ROW (widget);
  const char *text = "";

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING)
    text = json_node_get_string (value);

  /* Replacing equal text would move the cursor while the user types. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
}

static void
md_path_date_row_show_issue (MdFieldWidget *widget,
                             const char    *message)
{
  MdPathDateRow *self = MD_PATH_DATE_ROW (widget);

  md_field_show_issue_on_row (GTK_WIDGET (self), &self->issue_icon, message);
}

static MdFieldBinding *
md_path_date_row_get_binding (MdFieldWidget *widget)
{
  return &MD_PATH_DATE_ROW (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_path_date_row_get_binding;
  iface->show_value = md_path_date_row_show_value;
  iface->show_issue = md_path_date_row_show_issue;
}

static void
on_text_changed (MdPathDateRow *self)
{
  md_field_binding_store_string (&self->binding, gtk_editable_get_text (GTK_EDITABLE (self)));
}

/* Opens the calendar on the typed date, so picking a nearby day is
 * quick; text that is not a date leaves the calendar where it was. */
static void
on_popover_show (MdPathDateRow *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (!md_format_parse_date (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    return;

  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 0, 0, 0.0);
  self->showing_date = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), date_time);
  self->showing_date = FALSE;
}

static void
on_day_selected (MdPathDateRow *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;

  if (self->showing_date)
    return;

  date_time = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  text = g_date_time_format (date_time, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/**
 * md_path_date_row_get_calendar:
 *
 * Returns: (transfer none): the calendar in the picker popover
 */
GtkCalendar *
md_path_date_row_get_calendar (MdPathDateRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_DATE_ROW (self), NULL);

  return GTK_CALENDAR (self->calendar);
}

/**
 * md_path_date_row_get_menu_button:
 *
 * Returns: (transfer none): the button that opens the calendar
 */
GtkMenuButton *
md_path_date_row_get_menu_button (MdPathDateRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_DATE_ROW (self), NULL);

  return GTK_MENU_BUTTON (self->menu_button);
}

static void
md_path_date_row_dispose (GObject *object)
{
  MdPathDateRow *self = (MdPathDateRow *)object;

  md_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (md_path_date_row_parent_class)->dispose (object);
}

static void
md_path_date_row_class_init (MdPathDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_path_date_row_dispose;

  md_field_widget_class_install_field_path (object_class);
}

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

/* GtkCalendar 4.8 leaves its arrows without a name or tooltip, and
 * screen readers read out "GtkImage". They come as previous and next
 * month, then previous and next year; a calendar built differently is
 * left alone rather than misnamed. */
static void
name_calendar_arrows (GtkWidget *calendar)
{
  static const char * const names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (calendar, buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]),
                   i % 2 == 0 ? "pan-start-symbolic" : "pan-end-symbolic") != 0)
      return;

  for (guint i = 0; i < buttons->len; i++)
    {
      gtk_widget_set_tooltip_text (buttons->pdata[i], _(names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                      -1);
    }
}

static void
add_picker (MdPathDateRow *self)
{
  self->calendar = gtk_calendar_new ();
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->calendar);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->menu_button), FALSE);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (self->menu_button, TRUE);
  gtk_widget_set_tooltip_text (self->menu_button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->menu_button);

  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
}

static void
md_path_date_row_init (MdPathDateRow *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));
  add_picker (self);
  name_calendar_arrows (self->calendar);
  md_field_name_row_parts (GTK_WIDGET (self));
  g_signal_connect_swapped (self, "changed", G_CALLBACK (on_text_changed), self);
}
