/* md-outbox-button.c
 *
 * The outbox in the header bar: a button that shows only while the
 * outbox holds something, with a popover listing every submission and
 * where it stands (waiting, sending, sent with its receipt, or stopped
 * and why), with Retry and Remove. Rows follow their entry's
 * notifications; the list follows the outbox model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-outbox-button.h"
#include "md-window.h"

struct _MdOutboxButton
{
  AdwBin      parent_instance;

  /* The menu button, AdwBin's child, is not bound: dispose_template()
   * would unparent it under AdwBin's feet. */
  GtkWidget  *popover;
  GtkListBox *list;

  MdOutbox   *outbox;
};

G_DEFINE_FINAL_TYPE (MdOutboxButton, md_outbox_button, ADW_TYPE_BIN)

/* The widgets of one row that change with its entry. */
typedef struct
{
  MdOutboxEntry *entry;
  GtkWidget     *title;
  GtkWidget     *status;
  GtkWidget     *icon;
  GtkWidget     *progress;
  GtkWidget     *retry;
  GtkWidget     *remove;
} RowParts;

static void
row_parts_free (gpointer data)
{
  RowParts *parts = data;

  g_clear_object (&parts->entry);
  g_free (parts);
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    return g_date_time_format (when, "%H:%M");

  return g_date_time_format (when, "%x %H:%M");
}

static char *
describe_sent (MdOutboxEntry *entry)
{
  MdEndpoint *endpoint = md_outbox_entry_get_endpoint (entry);
  JsonObject *receipt = md_outbox_entry_get_receipt (entry);
  g_autofree char *where = md_endpoint_dup_display_name (endpoint);
  JsonNode *member = receipt != NULL ? json_object_get_member (receipt, "receipt_id") : NULL;
  const char *receipt_id = NULL;

  /* The receipt is the server's: its members may have any type. */
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    receipt_id = json_node_get_string (member);

  if (md_endpoint_get_kind (endpoint) == MD_ENDPOINT_KIND_FOLDER)
    return g_strdup_printf (_("Placed in %s"), where);
  if (receipt_id != NULL)
    return g_strdup_printf (_("Sent — receipt %s"), receipt_id);
  return g_strdup_printf (_("Sent to %s"), where);
}

static char *
describe_queued (MdOutboxEntry *entry)
{
  const GError *error = md_outbox_entry_get_error (entry);
  gint64 next = md_outbox_entry_get_next_attempt (entry);
  g_autofree char *where = md_endpoint_dup_display_name (md_outbox_entry_get_endpoint (entry));
  g_autofree char *when = NULL;

  if (next <= g_get_real_time ())
    return g_strdup_printf (_("Waiting to be sent to %s"), where);

  when = format_time (next);
  if (error != NULL)
    return g_strdup_printf (_("Will retry at %s: %s"), when, error->message);
  return g_strdup_printf (_("Next attempt at %s"), when);
}

static char *
describe_state (MdOutboxEntry *entry)
{
  const GError *error = md_outbox_entry_get_error (entry);
  g_autofree char *where = NULL;

  switch (md_outbox_entry_get_state (entry))
    {
    case MD_OUTBOX_STATE_QUEUED:
      return describe_queued (entry);
    case MD_OUTBOX_STATE_SENDING:
      where = md_endpoint_dup_display_name (md_outbox_entry_get_endpoint (entry));
      return g_strdup_printf (_("Sending to %s…"), where);
    case MD_OUTBOX_STATE_SENT:
      return describe_sent (entry);
    case MD_OUTBOX_STATE_FAILED:
    default:
      return g_strdup_printf (_("Not sent: %s"), error != NULL ? error->message : _("unknown reason"));
    }
}

static const char *
icon_for_state (MdOutboxState state)
{
  switch (state)
    {
    case MD_OUTBOX_STATE_SENT:
      return "emblem-ok-symbolic";
    case MD_OUTBOX_STATE_FAILED:
      return "dialog-error-symbolic";
    case MD_OUTBOX_STATE_SENDING:
      return "document-send-symbolic";
    case MD_OUTBOX_STATE_QUEUED:
    default:
      return "document-open-recent-symbolic";
    }
}

/* The outbox keeps no names, only ids: the open dossier gives its own. */
static char *
dup_entry_title (MdOutboxButton *self,
                 MdOutboxEntry  *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MdDossier *dossier = MD_IS_WINDOW (root) ? md_window_get_dossier (MD_WINDOW (root)) : NULL;
  const char *id = md_outbox_entry_get_dossier_id (entry);

  if (dossier != NULL && g_strcmp0 (md_dossier_get_id (dossier), id) == 0)
    return md_dossier_dup_display_name (dossier);

  return g_strdup_printf (_("Dossier %.8s"), id);
}

static void
update_row (GtkWidget *row)
{
  RowParts *parts = g_object_get_data (G_OBJECT (row), "md-row-parts");
  MdOutboxButton *self = MD_OUTBOX_BUTTON (gtk_widget_get_ancestor (row, MD_TYPE_OUTBOX_BUTTON));
  MdOutboxState state = md_outbox_entry_get_state (parts->entry);
  g_autofree char *status = describe_state (parts->entry);
  g_autofree char *title = NULL;

  if (self != NULL)
    {
      title = dup_entry_title (self, parts->entry);
      gtk_label_set_label (GTK_LABEL (parts->title), title);
    }
  gtk_label_set_label (GTK_LABEL (parts->status), status);
  gtk_image_set_from_icon_name (GTK_IMAGE (parts->icon), icon_for_state (state));
  gtk_widget_set_visible (parts->progress, state == MD_OUTBOX_STATE_SENDING);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (parts->progress), md_outbox_entry_get_progress (parts->entry));
  gtk_widget_set_visible (parts->retry, state == MD_OUTBOX_STATE_QUEUED || state == MD_OUTBOX_STATE_FAILED);
  gtk_widget_set_visible (parts->remove, state != MD_OUTBOX_STATE_SENDING);
}

static MdOutboxEntry *
get_row_entry (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  RowParts *parts = row ? g_object_get_data (G_OBJECT (row), "md-row-parts") : NULL;

  return parts ? parts->entry : NULL;
}

static void
on_retry_clicked (GtkButton      *button,
                  MdOutboxButton *self)
{
  MdOutboxEntry *entry = get_row_entry (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (entry != NULL && self->outbox != NULL && !md_outbox_retry (self->outbox, entry, &error))
    gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
}

static void
on_remove_clicked (GtkButton      *button,
                   MdOutboxButton *self)
{
  MdOutboxEntry *entry = get_row_entry (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (entry != NULL && self->outbox != NULL && !md_outbox_remove (self->outbox, entry, &error))
    gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
}

static GtkWidget *
create_icon_button (MdOutboxButton *self,
                    const char     *icon_name,
                    const char     *label,
                    GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* A popover sizes itself from its natural width, not the width it
 * gets: labels capped in width wrap the same in both, so no row is
 * cut off. An AdwActionRow's labels cannot be capped, hence this row. */
static GtkWidget *
create_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MdOutboxButton *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  RowParts *parts = g_new0 (RowParts, 1);
  g_autofree char *title = dup_entry_title (self, item);

  parts->entry = g_object_ref (item);
  parts->title = create_label (NULL);
  parts->status = create_label ("dim-label");
  parts->icon = gtk_image_new ();
  parts->progress = gtk_progress_bar_new ();
  parts->retry = create_icon_button (self, "view-refresh-symbolic", _("Send Again Now"), G_CALLBACK (on_retry_clicked));
  parts->remove = create_icon_button (self, "user-trash-symbolic", _("Remove From the Outbox"), G_CALLBACK (on_remove_clicked));
  gtk_label_set_label (GTK_LABEL (parts->title), title);
  gtk_widget_add_css_class (parts->status, "caption");
  gtk_widget_set_valign (parts->icon, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), parts->title);
  gtk_box_append (GTK_BOX (texts), parts->status);
  gtk_box_append (GTK_BOX (texts), parts->progress);
  gtk_box_append (GTK_BOX (box), parts->icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), parts->retry);
  gtk_box_append (GTK_BOX (box), parts->remove);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "md-row-parts", parts, row_parts_free);

  g_signal_connect_object (item, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);
  return row;
}

/* The outbox knows ids only; the open dossier, which gives its name,
 * may have changed since the rows were made. */
static void
on_popover_show (MdOutboxButton *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "md-row-parts") != NULL)
      update_row (row);
}

static void
on_items_changed (MdOutboxButton *self)
{
  gboolean empty = self->outbox == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->outbox)) == 0;

  if (empty)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_set_visible (GTK_WIDGET (self), !empty);
}

static void
md_outbox_button_dispose (GObject *object)
{
  MdOutboxButton *self = MD_OUTBOX_BUTTON (object);

  md_outbox_button_set_outbox (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_OUTBOX_BUTTON);

  G_OBJECT_CLASS (md_outbox_button_parent_class)->dispose (object);
}

static void
md_outbox_button_class_init (MdOutboxButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_outbox_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-outbox-button.ui");
  gtk_widget_class_bind_template_child (widget_class, MdOutboxButton, popover);
  gtk_widget_class_bind_template_child (widget_class, MdOutboxButton, list);
}

static void
md_outbox_button_init (MdOutboxButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);
}

GtkWidget *
md_outbox_button_new (void)
{
  return g_object_new (MD_TYPE_OUTBOX_BUTTON, NULL);
}

/**
 * md_outbox_button_get_outbox:
 *
 * Returns: (transfer none) (nullable): the outbox shown
 */
MdOutbox *
md_outbox_button_get_outbox (MdOutboxButton *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_BUTTON (self), NULL);

  return self->outbox;
}

/**
 * md_outbox_button_set_outbox:
 * @outbox: (nullable): the outbox to show
 */
void
md_outbox_button_set_outbox (MdOutboxButton *self,
                             MdOutbox       *outbox)
{
  g_return_if_fail (MD_IS_OUTBOX_BUTTON (self));
  g_return_if_fail (outbox == NULL || MD_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (outbox), create_row, self, NULL);
  if (outbox != NULL)
    g_signal_connect_swapped (outbox, "items-changed", G_CALLBACK (on_items_changed), self);
  on_items_changed (self);
}

/**
 * md_outbox_button_get_popover:
 *
 * Returns: (transfer none): the popover with the list
 */
GtkWidget *
md_outbox_button_get_popover (MdOutboxButton *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_BUTTON (self), NULL);

  return self->popover;
}

/**
 * md_outbox_button_get_list:
 *
 * Returns: (transfer none): the list box with one row per entry
 */
GtkWidget *
md_outbox_button_get_list (MdOutboxButton *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_BUTTON (self), NULL);

  return GTK_WIDGET (self->list);
}
