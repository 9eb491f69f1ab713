/* md-path-entry-row.c
 *
 * The row names its field path in the template ("applicant.email");
 * binding a dossier then needs no per-field code: text flows to the
 * model on every edit and back whenever the model changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-field-path.h"
#include "md-path-entry-row.h"

struct _MdPathEntryRow
{
  AdwEntryRow  parent_instance;

  char        *field_path;
  MdDossier   *dossier;
  gulong       changed_handler;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (MdPathEntryRow, md_path_entry_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_FIELD_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_model_value (MdPathEntryRow *self)
{
  const char *value = md_dossier_get_string (self->dossier, self->field_path);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), value ? value : "") == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), value ? value : "");
  self->syncing = FALSE;
}

static void
on_dossier_changed (MdDossier      *dossier,
                    const char     *path,
                    MdPathEntryRow *self)
{
  if (g_str_equal (path, self->field_path))
    show_model_value (self);
}

static void
on_text_changed (MdPathEntryRow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->dossier == NULL || self->field_path == NULL)
    return;

  if (!md_dossier_set_string (self->dossier, self->field_path,
                              gtk_editable_get_text (GTK_EDITABLE (self)), &error))
    g_warning ("Cannot store %s: %s", self->field_path, error->message);
}

static void
disconnect_dossier (MdPathEntryRow *self)
{
  if (self->dossier != NULL)
    g_clear_signal_handler (&self->changed_handler, self->dossier);
  g_clear_object (&self->dossier);
}

void
md_path_entry_row_set_dossier (MdPathEntryRow *self,
                               MdDossier      *dossier)
{
  g_autofree char *detailed_signal = NULL;
  g_autofree char *section = NULL;

  g_return_if_fail (MD_IS_PATH_ENTRY_ROW (self));

  if (self->dossier == dossier)
    return;

  disconnect_dossier (self);
  if (dossier == NULL || self->field_path == NULL)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self), "");
      self->syncing = FALSE;
      return;
    }

  self->dossier = g_object_ref (dossier);
  section = md_field_path_section (self->field_path);
  detailed_signal = g_strconcat ("changed::", section, NULL);
  self->changed_handler = g_signal_connect (dossier, detailed_signal,
                                            G_CALLBACK (on_dossier_changed), self);
  show_model_value (self);
}

const char *
md_path_entry_row_get_field_path (MdPathEntryRow *self)
{
  g_return_val_if_fail (MD_IS_PATH_ENTRY_ROW (self), NULL);

  return self->field_path;
}

static void
md_path_entry_row_dispose (GObject *object)
{
  MdPathEntryRow *self = (MdPathEntryRow *)object;

  disconnect_dossier (self);

  G_OBJECT_CLASS (md_path_entry_row_parent_class)->dispose (object);
}

static void
md_path_entry_row_finalize (GObject *object)
{
  MdPathEntryRow *self = (MdPathEntryRow *)object;

  g_clear_pointer (&self->field_path, g_free);

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
      g_value_set_string (value, self->field_path);
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
      g_return_if_fail (md_field_path_is_valid (g_value_get_string (value)));
      g_free (self->field_path);
      self->field_path = g_value_dup_string (value);
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

  properties[PROP_FIELD_PATH] =
    g_param_spec_string ("field-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_path_entry_row_init (MdPathEntryRow *self)
{
  g_signal_connect_swapped (self, "changed", G_CALLBACK (on_text_changed), self);
}

/**
 * md_bind_path_rows:
 * @root: a widget whose descendants include #MdPathEntryRow widgets
 * @dossier: (nullable): the dossier to show, or %NULL to clear
 */
void
md_bind_path_rows (GtkWidget *root,
                   MdDossier *dossier)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MD_IS_PATH_ENTRY_ROW (child))
        md_path_entry_row_set_dossier (MD_PATH_ENTRY_ROW (child), dossier);
      else
        md_bind_path_rows (child, dossier);
    }
}
