/* md-inbox-detail.c
 *
 * The selected dossier: the "Dossier" page shows every section read-only
 * (md-inbox-detail-sections.c) with the full validation report and the
 * grant estimate; the "Review" page scores it (MdReviewEditor).
 *
 * The inbox keeps only a summary per file, so the bundle is read again,
 * off the main thread, whenever the selection changes; a newer
 * selection cancels the older read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "md-formats.h"
#include "md-inbox-detail-private.h"
#include "md-validator.h"

G_DEFINE_FINAL_TYPE (MdInboxDetail, md_inbox_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static MdProgramme *
lookup_programme (MdInboxDetail *self,
                  MdInboxItem   *item)
{
  if (self->inbox == NULL || item == NULL)
    return NULL;
  return md_inbox_lookup_programme (self->inbox, md_inbox_item_get_programme_id (item));
}

static void
remove_sections (MdInboxDetail *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (self->sections_box, self->sections->pdata[i]);
  g_ptr_array_set_size (self->sections, 0);
}

static void
add_section (MdInboxDetail *self,
             GtkWidget     *section)
{
  if (section == NULL)
    return;
  gtk_box_append (self->sections_box, section);
  g_ptr_array_add (self->sections, section);
}

/* Deadlines count from the submission, as in the list. */
static MdReport *
validate (MdDossier   *dossier,
          MdProgramme *programme,
          MdInboxItem *item)
{
  const char *submitted = md_inbox_item_get_submitted (item);
  GDate reference;

  if (submitted != NULL && strlen (submitted) >= 10)
    {
      g_autofree char *day = g_strndup (submitted, 10);

      if (md_format_parse_date (day, &reference))
        return md_validate_dossier (dossier, programme, &reference);
    }

  return md_validate_dossier (dossier, programme, NULL);
}

static void
show_header (MdInboxDetail *self)
{
  const char *activity = md_inbox_item_get_activity (self->item);
  const char *programme = md_inbox_item_get_programme (self->item);
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->title_label, md_inbox_item_get_applicant (self->item));
  if (activity != NULL && programme != NULL)
    /* Translators: an activity, then its programme */
    subtitle = g_strdup_printf (_("%s — %s"), activity, programme);
  else
    subtitle = g_strdup (activity ? activity : programme);
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (self->integrity_banner,
                          md_dossier_get_integrity (self->dossier) == MD_INTEGRITY_CHANGED_OUTSIDE);
}

static void
show_dossier (MdInboxDetail *self)
{
  MdProgramme *programme = lookup_programme (self, self->item);
  g_autoptr(MdReport) report = validate (self->dossier, programme, self->item);

  show_header (self);
  remove_sections (self);
  add_section (self, md_inbox_detail_create_validation_group (report));
  add_section (self, md_inbox_detail_create_estimate_group (self->dossier, programme));
  add_section (self, md_inbox_detail_create_applicant_group (self->dossier));
  add_section (self, md_inbox_detail_create_mobility_group (self->dossier, self->item));
  add_section (self, md_inbox_detail_create_texts_group (self->dossier));
  add_section (self, md_inbox_detail_create_agreement_group (self->dossier));
  add_section (self, md_inbox_detail_create_attachments_group (self, self->dossier));
  add_section (self, md_inbox_detail_create_file_group (self->item));
  gtk_stack_set_visible_child_name (self->stack, "dossier");
}

static void
show_unreadable (MdInboxDetail *self,
                 const char    *message)
{
  adw_status_page_set_description (self->unreadable_page, message);
  gtk_stack_set_visible_child_name (self->stack, "unreadable");
}

static void
set_cancellable (MdInboxDetail *self,
                 GCancellable  *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_dossier_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MdInboxDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_inbox_item_load_dossier_finish (MD_INBOX_ITEM (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->item != MD_INBOX_ITEM (source))
    return;

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (dossier == NULL)
    {
      show_unreadable (self, error->message);
      return;
    }

  g_set_object (&self->dossier, dossier);
  show_dossier (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
md_inbox_detail_dispose (GObject *object)
{
  MdInboxDetail *self = (MdInboxDetail *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->inbox);
  g_clear_object (&self->item);
  g_clear_object (&self->dossier);

  /* The bin's child is a template child: unparent it once, here. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_INBOX_DETAIL);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (md_inbox_detail_parent_class)->dispose (object);
}

static void
md_inbox_detail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MdInboxDetail *self = MD_INBOX_DETAIL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, md_inbox_detail_is_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_inbox_detail_class_init (MdInboxDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_inbox_detail_dispose;
  object_class->get_property = md_inbox_detail_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MD_TYPE_REVIEW_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-inbox-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, unreadable_page);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, sections_box);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, integrity_banner);
  gtk_widget_class_bind_template_child (widget_class, MdInboxDetail, review_editor);
}

static void
md_inbox_detail_init (MdInboxDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = g_ptr_array_new ();
  self->open_cancellable = g_cancellable_new ();
}

GtkWidget *
md_inbox_detail_new (void)
{
  return g_object_new (MD_TYPE_INBOX_DETAIL, NULL);
}

/**
 * md_inbox_detail_set_inbox:
 *
 * Sets where the programme profiles of the items are looked up.
 */
void
md_inbox_detail_set_inbox (MdInboxDetail *self,
                           MdInbox       *inbox)
{
  g_return_if_fail (MD_IS_INBOX_DETAIL (self));

  g_set_object (&self->inbox, inbox);
}

/**
 * md_inbox_detail_set_item:
 * @item: (nullable): the dossier to show
 */
void
md_inbox_detail_set_item (MdInboxDetail *self,
                          MdInboxItem   *item)
{
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (MD_IS_INBOX_DETAIL (self));

  if (self->item == item)
    return;

  g_set_object (&self->item, item);
  g_clear_object (&self->dossier);
  md_review_editor_set_item (self->review_editor, item, lookup_programme (self, item));
  set_cancellable (self, NULL);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  if (!md_inbox_item_is_readable (item))
    {
      show_unreadable (self, md_inbox_item_get_load_error (item));
      return;
    }

  cancellable = g_cancellable_new ();
  set_cancellable (self, cancellable);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  md_inbox_item_load_dossier_async (item, cancellable, load_dossier_cb, g_object_ref (self));
}

/**
 * md_inbox_detail_get_item:
 *
 * Returns: (transfer none) (nullable): the dossier shown
 */
MdInboxItem *
md_inbox_detail_get_item (MdInboxDetail *self)
{
  g_return_val_if_fail (MD_IS_INBOX_DETAIL (self), NULL);

  return self->item;
}

/**
 * md_inbox_detail_get_dossier:
 *
 * Returns: (transfer none) (nullable): the dossier once it is read
 */
MdDossier *
md_inbox_detail_get_dossier (MdInboxDetail *self)
{
  g_return_val_if_fail (MD_IS_INBOX_DETAIL (self), NULL);

  return self->dossier;
}

/**
 * md_inbox_detail_get_view_stack:
 *
 * Returns: (transfer none): the "dossier" and "review" pages, for a
 *   view switcher
 */
AdwViewStack *
md_inbox_detail_get_view_stack (MdInboxDetail *self)
{
  g_return_val_if_fail (MD_IS_INBOX_DETAIL (self), NULL);

  return self->view_stack;
}

MdReviewEditor *
md_inbox_detail_get_review_editor (MdInboxDetail *self)
{
  g_return_val_if_fail (MD_IS_INBOX_DETAIL (self), NULL);

  return self->review_editor;
}

gboolean
md_inbox_detail_is_loading (MdInboxDetail *self)
{
  g_return_val_if_fail (MD_IS_INBOX_DETAIL (self), FALSE);

  return self->cancellable != NULL;
}
