/* md-page-documents.c
 *
 * The documents the activity asks for, each with what provides it, and
 * the files attached to the dossier. Rows are rebuilt only when what
 * they show changed, so the keyboard focus stays put while the
 * applicant works elsewhere. Files come and go in
 * md-page-documents-files.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-field-widget.h"
#include "md-page-documents-private.h"

typedef struct
{
  const char *kind;
  const char *label;
  /* The dossier text that stands for the document; the same pairs as
   * the validator's, so that the page never contradicts its report. */
  const char *text_path;
} DocumentKind;

static const DocumentKind document_kinds[] = {
  { "application_form", N_("Application form"), "applicant.given_name" },
  { "cv", N_("CV"), NULL },
  { "transcript", N_("Transcript of records"), NULL },
  { "language_certificate", N_("Language certificate"), NULL },
  { "motivation_letter", N_("Motivation letter"), "motivation_letter.text" },
  { "study_plan", N_("Study or training plan"), "study_plan.objectives" },
  { "recommendation_letter", N_("Recommendation letter"), NULL },
  { "cooperation_agreement", N_("Cooperation agreement"), NULL },
  { "traineeship_agreement", N_("Traineeship agreement"), NULL },
  { "learning_agreement", N_("Learning agreement"), NULL },
  { "letter_of_acceptance", N_("Letter of acceptance"), NULL },
};

/* What "Attach Another File" offers first: the usual extra document. */
#define DEFAULT_OTHER_KIND 3

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageDocuments, md_page_documents, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static const DocumentKind *
find_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (document_kinds); i++)
    if (g_str_equal (document_kinds[i].kind, kind))
      return &document_kinds[i];

  return NULL;
}

const char *
md_document_kind_label (const char *kind)
{
  const DocumentKind *known = find_kind (kind);

  if (known != NULL)
    return _(known->label);

  return kind != NULL ? kind : _("Other document");
}

/* Toasts go to the window's overlay; without one (a page shown on its
 * own) a message still reaches the user in a dialog. */
static AdwToastOverlay *
find_toast_overlay (MdPageDocuments *self)
{
  return (AdwToastOverlay *) gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
}

void
md_page_documents_show_message (MdPageDocuments *self,
                                const char      *message)
{
  AdwToastOverlay *overlay = find_toast_overlay (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      escaped = g_markup_escape_text (message, -1);
      toast = adw_toast_new (escaped);
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Required documents */

static gboolean
has_text (MdDossier  *dossier,
          const char *path)
{
  const char *text = path != NULL ? md_dossier_get_string (dossier, path) : NULL;

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text != NULL && *text != '\0';
}

static char *
describe_kind_state (MdPageDocuments *self,
                     const char      *kind,
                     gboolean        *provided)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = md_dossier_get_length (self->dossier, "attachments");
  const DocumentKind *known = find_kind (kind);
  gboolean written_here = known != NULL && known->text_path != NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *kind_path = g_strdup_printf ("attachments[%u].kind", i);
      g_autofree char *name_path = g_strdup_printf ("attachments[%u].name", i);

      if (g_strcmp0 (md_dossier_get_string (self->dossier, kind_path), kind) != 0)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, md_dossier_get_string (self->dossier, name_path) ?: "?");
    }

  *provided = names->len > 0 || (written_here && has_text (self->dossier, known->text_path));
  if (names->len > 0)
    return g_string_free (g_steal_pointer (&names), FALSE);
  if (*provided)
    return g_strdup (_("Written in this application"));
  if (written_here)
    return g_strdup (_("Not written yet: fill it in on its screen, or attach it"));
  return g_strdup (_("Missing"));
}

static void
on_attach_kind_clicked (GtkButton       *button,
                        MdPageDocuments *self);

static GtkWidget *
create_required_row (MdPageDocuments *self,
                     const char      *kind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Attach…"));
  gboolean provided = FALSE;
  g_autofree char *state = describe_kind_state (self, kind, &provided);
  g_autofree char *accessible = NULL;
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), md_document_kind_label (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);

  icon = gtk_image_new_from_icon_name (provided ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_add_css_class (icon, provided ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  provided ? _("Provided") : _("Missing"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: accessible name of the button that attaches a file of this kind, e.g. "Attach CV" */
  accessible = g_strdup_printf (_("Attach %s"), md_document_kind_label (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "md-kind", g_strdup (kind), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_attach_kind_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static JsonArray *
get_required_kinds (MdPageDocuments *self)
{
  const char *activity_id = NULL;
  JsonObject *activity = NULL;
  JsonNode *node;

  if (self->dossier != NULL)
    activity_id = md_dossier_get_string (self->dossier, "mobility.activity");
  if (self->programme != NULL && activity_id != NULL)
    activity = md_programme_get_activity (self->programme, activity_id);
  if (activity == NULL || !json_object_has_member (activity, "required_documents"))
    return NULL;

  node = json_object_get_member (activity, "required_documents");
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
rebuild_required_rows (MdPageDocuments *self)
{
  JsonArray *kinds = get_required_kinds (self);

  for (guint i = 0; i < self->required_rows->len; i++)
    adw_preferences_group_remove (self->required_group, self->required_rows->pdata[i]);
  g_ptr_array_set_size (self->required_rows, 0);

  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      const char *kind = json_array_get_string_element (kinds, i);

      if (kind != NULL)
        g_ptr_array_add (self->required_rows, create_required_row (self, kind));
    }

  if (self->required_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Choose an activity first: the documents it asks for are listed here."));
      g_ptr_array_add (self->required_rows, row);
    }

  for (guint i = 0; i < self->required_rows->len; i++)
    adw_preferences_group_add (self->required_group, self->required_rows->pdata[i]);
}

/* Attached files */

static void
on_open_clicked (GtkButton       *button,
                 MdPageDocuments *self);
static void
on_remove_clicked (GtkButton       *button,
                   MdPageDocuments *self);

static char *
describe_attachment (JsonObject *attachment)
{
  const char *media_type = json_object_get_string_member_with_default (attachment, "media_type", "");
  g_autofree char *content_type = g_content_type_from_mime_type (media_type);
  g_autofree char *type_text = content_type ? g_content_type_get_description (content_type) : NULL;
  g_autofree char *size_text = g_format_size (json_object_get_int_member_with_default (attachment, "size", 0));

  /* Translators: kind of document · size · file type, e.g. "CV · 52.1 kB · PDF document" */
  return g_strdup_printf (_("%s · %s · %s"),
                          md_document_kind_label (json_object_get_string_member_with_default (attachment, "kind", NULL)),
                          size_text, type_text ? type_text : media_type);
}

static GtkWidget *
create_row_button (MdPageDocuments *self,
                   const char      *icon_name,
                   const char      *tooltip,
                   const char      *accessible,
                   JsonObject      *attachment,
                   guint            index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* The index with the checksum, so a stale row never acts on another file. */
  g_object_set_data (G_OBJECT (button), "md-index", GUINT_TO_POINTER (index));
  g_object_set_data_full (G_OBJECT (button), "md-sha256",
                          g_strdup (json_object_get_string_member_with_default (attachment, "sha256", "")),
                          g_free);
  return button;
}

static GtkWidget *
create_attached_row (MdPageDocuments *self,
                     JsonObject      *attachment,
                     guint            index)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = json_object_get_string_member_with_default (attachment, "name", "");
  g_autofree char *subtitle = describe_attachment (attachment);
  /* Translators: accessible name of a button; %s is a file name */
  g_autofree char *open_name = g_strdup_printf (_("Open “%s”"), name);
  /* Translators: accessible name of a button; %s is a file name */
  g_autofree char *remove_name = g_strdup_printf (_("Remove “%s”"), name);
  GtkWidget *open_button, *remove_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));

  open_button = create_row_button (self, "document-open-symbolic", _("Open"), open_name, attachment, index);
  remove_button = create_row_button (self, "user-trash-symbolic", _("Remove"), remove_name, attachment, index);
  g_signal_connect (open_button, "clicked", G_CALLBACK (on_open_clicked), self);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  return row;
}

static JsonArray *
get_attachments (MdPageDocuments *self)
{
  JsonNode *node = self->dossier ? md_dossier_lookup (self->dossier, "attachments") : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
rebuild_attached_rows (MdPageDocuments *self)
{
  JsonArray *attachments = get_attachments (self);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->attached_list, 0)) != NULL)
    gtk_list_box_remove (self->attached_list, GTK_WIDGET (row));

  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = json_array_get_object_element (attachments, i);

      if (attachment != NULL)
        gtk_list_box_append (self->attached_list, create_attached_row (self, attachment, i));
    }
}

/* What the rows show, so they are only rebuilt (and the focus lost)
 * when something visible changed. */
static char *
compute_signature (MdPageDocuments *self)
{
  GString *signature = g_string_new (md_dossier_get_string (self->dossier, "mobility.activity"));
  JsonArray *attachments = get_attachments (self);

  g_string_append_printf (signature, "|%p|", (gpointer) self->programme);
  for (guint i = 0; i < G_N_ELEMENTS (document_kinds); i++)
    g_string_append_c (signature, has_text (self->dossier, document_kinds[i].text_path) ? '1' : '0');
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = json_array_get_object_element (attachments, i);

      if (attachment != NULL)
        g_string_append_printf (signature, "%s/%s/%s|",
                                json_object_get_string_member_with_default (attachment, "name", ""),
                                json_object_get_string_member_with_default (attachment, "kind", ""),
                                json_object_get_string_member_with_default (attachment, "sha256", ""));
    }

  return g_string_free (signature, FALSE);
}

void
md_page_documents_refresh (MdPageDocuments *self)
{
  g_autofree char *signature = NULL;

  if (self->dossier == NULL)
    return;

  signature = compute_signature (self);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;

  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  rebuild_required_rows (self);
  rebuild_attached_rows (self);
}

static void
on_attach_kind_clicked (GtkButton       *button,
                        MdPageDocuments *self)
{
  md_page_documents_choose_file (self, g_object_get_data (G_OBJECT (button), "md-kind"));
}

static void
on_attach_another_clicked (MdPageDocuments *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected < G_N_ELEMENTS (document_kinds))
    md_page_documents_choose_file (self, document_kinds[selected].kind);
}

/* The row's index, or -1 when the list changed under a stale row. */
static int
get_button_index (MdPageDocuments *self,
                  GtkButton       *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "md-index"));
  g_autofree char *path = g_strdup_printf ("attachments[%u].sha256", index);

  if (self->dossier == NULL ||
      g_strcmp0 (md_dossier_get_string (self->dossier, path),
                 g_object_get_data (G_OBJECT (button), "md-sha256")) != 0)
    return -1;

  return index;
}

static void
on_open_clicked (GtkButton       *button,
                 MdPageDocuments *self)
{
  int index = get_button_index (self, button);

  if (index >= 0)
    md_page_documents_open_attachment (self, index);
}

/* Puts a removed attachment back at its place (or at the end, when
 * the list got shorter since), in one change of the list. */
static gboolean
restore_attachment (MdDossier  *dossier,
                    JsonNode   *removed,
                    guint       wanted,
                    GError    **error)
{
  JsonNode *current = md_dossier_lookup (dossier, "attachments");
  JsonArray *array = current != NULL && JSON_NODE_HOLDS_ARRAY (current) ? json_node_get_array (current) : NULL;
  guint length = array != NULL ? json_array_get_length (array) : 0;
  g_autoptr(JsonArray) restored = json_array_sized_new (length + 1);

  for (guint i = 0; i <= length; i++)
    {
      if (i == MIN (wanted, length))
        json_array_add_element (restored, json_node_copy (removed));
      if (i < length)
        json_array_add_element (restored, json_node_copy (json_array_get_element (array, i)));
    }

  return md_dossier_set_value (dossier, "attachments",
                               json_node_init_array (json_node_alloc (), restored), error);
}

/* The toast carries what Undo needs, so every removal keeps its own
 * Undo for as long as its toast is shown. */
static void
on_undo_clicked (AdwToast        *toast,
                 MdPageDocuments *self)
{
  MdDossier *dossier = g_object_get_data (G_OBJECT (toast), "md-dossier");
  g_autoptr(GError) error = NULL;

  if (dossier != self->dossier)
    return;

  if (!restore_attachment (dossier, g_object_get_data (G_OBJECT (toast), "md-removed"),
                           GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "md-index")), &error))
    md_page_documents_show_message (self, error->message);
  md_page_documents_refresh (self);
}

static void
offer_undo (MdPageDocuments *self,
            JsonNode        *removed,
            guint            index)
{
  AdwToastOverlay *overlay = find_toast_overlay (self);
  JsonObject *attachment = json_node_get_object (removed);
  g_autofree char *escaped = g_markup_escape_text (json_object_get_string_member_with_default (attachment, "name", ""), -1);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("“%s” removed"), escaped);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "md-removed", json_node_ref (removed),
                          (GDestroyNotify) json_node_unref);
  g_object_set_data_full (G_OBJECT (toast), "md-dossier", g_object_ref (self->dossier), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "md-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
on_remove_clicked (GtkButton       *button,
                   MdPageDocuments *self)
{
  int index = get_button_index (self, button);
  g_autofree char *path = g_strdup_printf ("attachments[%d]", index);
  g_autoptr(JsonNode) removed = NULL;
  g_autoptr(GError) error = NULL;

  if (index < 0)
    return;

  removed = json_node_copy (md_dossier_lookup (self->dossier, path));
  if (!md_dossier_remove_row (self->dossier, "attachments", index, &error))
    {
      md_page_documents_show_message (self, error->message);
      return;
    }

  md_page_documents_refresh (self);
  offer_undo (self, removed, index);
}

/* MdWizardPage */

static const char *
md_page_documents_get_title (MdWizardPage *page)
{
  return _("Documents");
}

static const char *
md_page_documents_get_icon_name (MdWizardPage *page)
{
  return "mail-attachment-symbolic";
}

static const char * const *
md_page_documents_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "attachments", NULL };

  return prefixes;
}

static void
md_page_documents_update (MdWizardPage *page,
                          MdDossier    *dossier,
                          MdProgramme  *programme,
                          MdReport     *report)
{
  MdPageDocuments *self = MD_PAGE_DOCUMENTS (page);

  g_set_object (&self->dossier, dossier);
  g_set_object (&self->programme, programme);
  md_page_documents_refresh (self);
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_documents_get_title;
  iface->get_icon_name = md_page_documents_get_icon_name;
  iface->get_path_prefixes = md_page_documents_get_path_prefixes;
  iface->update = md_page_documents_update;
}

/* GObject */

static void
md_page_documents_dispose (GObject *object)
{
  MdPageDocuments *self = (MdPageDocuments *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->dossier);
  g_clear_object (&self->programme);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PAGE_DOCUMENTS);

  G_OBJECT_CLASS (md_page_documents_parent_class)->dispose (object);
}

static void
md_page_documents_finalize (GObject *object)
{
  MdPageDocuments *self = (MdPageDocuments *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->required_rows, g_ptr_array_unref);
  g_free (self->signature);
  g_free (self->chooser_kind);

  G_OBJECT_CLASS (md_page_documents_parent_class)->finalize (object);
}

static void
md_page_documents_class_init (MdPageDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_documents_dispose;
  object_class->finalize = md_page_documents_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-documents.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageDocuments, required_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageDocuments, attached_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageDocuments, attached_list);
  gtk_widget_class_bind_template_child (widget_class, MdPageDocuments, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_another_clicked);
}

static void
setup_kind_row (MdPageDocuments *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (document_kinds); i++)
    gtk_string_list_append (labels, _(document_kinds[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, DEFAULT_OTHER_KIND);
}

static void
md_page_documents_init (MdPageDocuments *self)
{
  g_autofree char *limit = g_format_size (MD_ATTACHMENT_MAX_SIZE);
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->required_rows = g_ptr_array_new ();
  setup_kind_row (self);
  md_field_name_row_parts (GTK_WIDGET (self->kind_row));
  /* Translators: %s is a size, such as "10.5 MB" */
  description = g_strdup_printf (_("Attached files travel inside the saved bundle, so each one can be at most %s."),
                                 limit);
  adw_preferences_group_set_description (self->attached_group, description);
  rebuild_required_rows (self);
}

GtkWidget *
md_page_documents_new (void)
{
  return g_object_new (MD_TYPE_PAGE_DOCUMENTS, NULL);
}
