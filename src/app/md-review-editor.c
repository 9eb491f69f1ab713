/* md-review-editor.c
 *
 * One reviewer's scores for the selected dossier, one spin button per
 * evaluation criterion the profile sets for its activity, with an
 * optional comment each; the committee's decision and its reason.
 * "Save Review" writes the sidecar beside the bundle (md-review), so
 * other coordinators sharing the folder see it, and updates the item.
 *
 * Several reviewers can score the same dossier: typing the name of one
 * who already did shows that reviewer's scores. The scores are checked
 * by md-review, never here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-field-widget.h"
#include "md-review-editor.h"

struct _MdReviewEditor
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkWidget           *stale_banner;
  AdwPreferencesGroup *criteria_group;
  AdwEntryRow         *reviewer_row;
  AdwActionRow        *total_row;
  AdwEntryRow         *comment_row;
  AdwComboRow         *decision_row;
  AdwEntryRow         *reason_row;
  GtkLabel            *error_label;

  MdInboxItem         *item;
  MdProgramme         *programme;
  GPtrArray           *rows;          /* AdwExpanderRow, one per criterion */
  GCancellable        *cancellable;
  char                *last_reviewer;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (MdReviewEditor, md_review_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const MdDecision decisions[] = {
  MD_DECISION_NONE,
  MD_DECISION_SELECTED,
  MD_DECISION_RESERVE,
  MD_DECISION_REJECTED,
  MD_DECISION_NEEDS_CHANGES,
};

static const char *
get_activity (MdReviewEditor *self)
{
  return md_inbox_item_get_activity_id (self->item);
}

static MdReview *
get_review (MdReviewEditor *self)
{
  return self->item ? md_inbox_item_get_review (self->item) : NULL;
}

static char *
dup_reviewer (MdReviewEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));
}

static void
update_actions (MdReviewEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save",
                                 self->item != NULL && self->programme != NULL && !self->busy);
}

static void
show_error (MdReviewEditor *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- Criteria ----------------------------------------------------------- */

static char *
format_number (double value)
{
  return g_strdup_printf ("%g", value);
}

static char *
describe_criterion (JsonObject *criterion)
{
  g_autofree char *weight = format_number (json_object_get_double_member_with_default (criterion, "weight", 0));
  g_autofree char *max_score = format_number (json_object_get_double_member_with_default (criterion, "max_score", 0));

  /* Translators: the weight of a criterion, then its highest score */
  return g_strdup_printf (_("Weight %s, scored from 0 to %s"), weight, max_score);
}

static GtkSpinButton *
get_spin (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "md-spin");
}

static GtkEditable *
get_comment (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "md-comment");
}

static const char *
get_criterion_id (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "md-criterion");
}

static void update_total (MdReviewEditor *self);

static GtkWidget *
create_criterion_row (MdReviewEditor *self,
                      JsonObject     *criterion)
{
  const char *title = md_json_pick_member_translation (criterion, "title");
  double max_score = json_object_get_double_member_with_default (criterion, "max_score", 0);
  g_autofree char *subtitle = describe_criterion (criterion);
  g_autofree char *comment_title = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max_score, 0.5);
  GtkWidget *comment = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  md_field_name_row_parts (row);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (update_total), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), spin);

  /* Translators: %s is an evaluation criterion */
  comment_title = g_strdup_printf (_("Comment on “%s”"), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), comment_title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comment);

  g_object_set_data_full (G_OBJECT (row), "md-criterion",
                          g_strdup (json_object_get_string_member_with_default (criterion, "id", "")), g_free);
  g_object_set_data (G_OBJECT (row), "md-spin", spin);
  g_object_set_data (G_OBJECT (row), "md-comment", comment);
  return row;
}

static void
remove_criterion_rows (MdReviewEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->criteria_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_criterion_rows (MdReviewEditor *self)
{
  g_autoptr(GPtrArray) criteria = NULL;

  if (self->programme == NULL)
    return;

  criteria = md_review_list_criteria (self->programme, get_activity (self));
  for (guint i = 0; i < criteria->len; i++)
    {
      GtkWidget *row = create_criterion_row (self, criteria->pdata[i]);

      adw_preferences_group_add (self->criteria_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* ---- Showing a review --------------------------------------------------- */

static void
show_reviewer (MdReviewEditor *self,
               const char     *reviewer)
{
  MdReview *review = get_review (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      const char *id = get_criterion_id (row);
      const char *comment = review ? md_review_get_comment (review, reviewer, id) : NULL;
      double score = 0;

      if (review != NULL)
        md_review_get_score (review, reviewer, id, &score);
      gtk_spin_button_set_value (get_spin (row), score);
      gtk_editable_set_text (get_comment (row), comment ? comment : "");
    }

  gtk_editable_set_text (GTK_EDITABLE (self->comment_row),
                         review && md_review_get_comment (review, reviewer, NULL)
                         ? md_review_get_comment (review, reviewer, NULL) : "");
}

static gboolean
has_reviewer (MdReview   *review,
              const char *reviewer)
{
  for (guint i = 0; review != NULL && i < md_review_get_n_reviewers (review); i++)
    if (g_strcmp0 (md_review_get_reviewer (review, i), reviewer) == 0)
      return TRUE;

  return FALSE;
}

static void update_total (MdReviewEditor *self);

static void
on_reviewer_changed (AdwEntryRow    *row,
                     MdReviewEditor *self)
{
  g_autofree char *reviewer = dup_reviewer (self);

  if (has_reviewer (get_review (self), reviewer))
    show_reviewer (self, reviewer);
  update_total (self);
}

static void
show_decision (MdReviewEditor *self)
{
  MdReview *review = get_review (self);
  MdDecision decision = review ? md_review_get_decision (review) : MD_DECISION_NONE;
  const char *reason = review ? md_review_get_decision_reason (review) : NULL;

  adw_combo_row_set_selected (self->decision_row, decision);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
}

static void
update_stale (MdReviewEditor *self)
{
  gtk_widget_set_visible (self->stale_banner,
                          self->item != NULL && md_inbox_item_get_review_stale (self->item));
}

static char *
choose_reviewer (MdReviewEditor *self)
{
  const char *real_name = g_get_real_name ();

  if (self->last_reviewer != NULL)
    return g_strdup (self->last_reviewer);
  if (real_name != NULL && !g_str_equal (real_name, "Unknown"))
    return g_strdup (real_name);
  return g_strdup ("");
}

/* ---- The weighted score ------------------------------------------------- */

/* The review as it would be saved, for @reviewer. */
static MdReview *
build_review (MdReviewEditor  *self,
              const char      *reviewer,
              GError         **error)
{
  MdReview *existing = get_review (self);
  g_autoptr(MdReview) review = NULL;

  if (existing != NULL)
    {
      g_autoptr(GBytes) bytes = md_review_serialize (existing);

      review = md_review_load_bytes (bytes, error);
      if (review == NULL)
        return NULL;
    }
  else
    review = md_review_new (md_inbox_item_get_id (self->item), NULL);
  md_review_set_bundle_digest (review, md_inbox_item_get_digest (self->item));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      if (!md_review_set_score (review, reviewer, get_criterion_id (row),
                                gtk_spin_button_get_value (get_spin (row)),
                                self->programme, get_activity (self), error))
        return NULL;
      md_review_set_comment (review, reviewer, get_criterion_id (row),
                             gtk_editable_get_text (get_comment (row)));
    }
  md_review_set_comment (review, reviewer, NULL, gtk_editable_get_text (GTK_EDITABLE (self->comment_row)));
  md_review_set_decision (review, decisions[adw_combo_row_get_selected (self->decision_row)],
                          gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), reviewer);

  return g_steal_pointer (&review);
}

static guint
find_reviewer (MdReview   *review,
               const char *reviewer)
{
  guint i;

  for (i = 0; i < md_review_get_n_reviewers (review); i++)
    if (g_strcmp0 (md_review_get_reviewer (review, i), reviewer) == 0)
      break;

  return i;
}

static void
update_total (MdReviewEditor *self)
{
  g_autoptr(MdReview) review = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *text = NULL;
  double mine, overall;

  if (self->item == NULL || self->programme == NULL || self->rows->len == 0)
    {
      adw_action_row_set_subtitle (self->total_row, _("This activity has no evaluation criteria."));
      return;
    }

  /* Before a name is typed, a placeholder: an empty one cannot hold scores. */
  reviewer = dup_reviewer (self);
  if (*reviewer == '\0')
    {
      g_free (reviewer);
      reviewer = g_strdup ("\x01");
    }
  review = build_review (self, reviewer, NULL);
  if (review == NULL)
    return;
  mine = md_review_reviewer_score (review, find_reviewer (review, reviewer), self->programme, get_activity (self));
  overall = md_review_weighted_score (review, self->programme, get_activity (self));
  if (md_review_get_n_reviewers (review) > 1 && !isnan (overall))
    /* Translators: a score out of 100 by this reviewer, then with the other reviewers */
    text = g_strdup_printf (_("%.1f of 100; with the other reviewers: %.1f"), mine, overall);
  else
    text = g_strdup_printf (_("%.1f of 100"), mine);
  adw_action_row_set_subtitle (self->total_row, text);
}

/* ---- Saving ------------------------------------------------------------- */

/* The editor is held until the write ends, so that it can report it. */
typedef struct
{
  MdReviewEditor *self;
  MdInboxItem    *item;
  MdProgramme    *programme;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->item);
  g_clear_object (&request->programme);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  MdReview *review = MD_REVIEW (source);
  g_autoptr(GError) error = NULL;
  MdReviewEditor *self;

  if (!md_review_save_file_finish (review, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  self->busy = FALSE;
  update_actions (self);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The review could not be saved: %s"), error->message);

      show_error (self, message);
      return;
    }

  md_inbox_item_set_review (request->item, review, request->programme);
  update_stale (self);
  g_signal_emit (self, signals[SAVED], 0, request->item);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdReviewEditor *self = MD_REVIEW_EDITOR (widget);
  g_autofree char *reviewer = dup_reviewer (self);
  g_autoptr(MdReview) review = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SaveRequest *request;

  if (*reviewer == '\0')
    {
      show_error (self, _("Enter your name as the reviewer before saving."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reviewer_row));
      return;
    }

  review = build_review (self, reviewer, &error);
  if (review == NULL)
    {
      show_error (self, error->message);
      return;
    }

  file = md_review_file_for_bundle (md_inbox_item_get_file (self->item), md_inbox_item_get_id (self->item));
  if (file == NULL)
    {
      show_error (self, _("This dossier has no valid id, so its review cannot be saved beside it."));
      return;
    }

  show_error (self, NULL);
  g_free (self->last_reviewer);
  self->last_reviewer = g_strdup (reviewer);
  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->item = g_object_ref (self->item);
  request->programme = g_object_ref (self->programme);
  self->busy = TRUE;
  update_actions (self);
  md_review_save_file_async (review, file, self->cancellable, save_cb, request);
}

/* ---- GObject ------------------------------------------------------------ */

static void
md_review_editor_dispose (GObject *object)
{
  MdReviewEditor *self = (MdReviewEditor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->last_reviewer, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_REVIEW_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (md_review_editor_parent_class)->dispose (object);
}

static void
md_review_editor_class_init (MdReviewEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_review_editor_dispose;

  /**
   * MdReviewEditor::saved:
   * @item: the reviewed dossier, its review already updated
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, MD_TYPE_INBOX_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-review-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, stale_banner);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, total_row);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, comment_row);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, MdReviewEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_changed);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
}

static void
md_review_editor_init (MdReviewEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    gtk_string_list_append (labels, md_decision_describe (decisions[i]));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (labels));
  md_field_name_row_parts (GTK_WIDGET (self->decision_row));
  /* The score's group has no title that could name its list. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->total_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weighted score"),
                                  -1);
  update_actions (self);
}

GtkWidget *
md_review_editor_new (void)
{
  return g_object_new (MD_TYPE_REVIEW_EDITOR, NULL);
}

/**
 * md_review_editor_set_item:
 * @item: (nullable): the dossier to score
 * @programme: (nullable): its profile, for the criteria
 */
void
md_review_editor_set_item (MdReviewEditor *self,
                           MdInboxItem    *item,
                           MdProgramme    *programme)
{
  g_autofree char *reviewer = NULL;

  g_return_if_fail (MD_IS_REVIEW_EDITOR (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  g_set_object (&self->programme, programme);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify::review-stale", G_CALLBACK (update_stale), self);

  remove_criterion_rows (self);
  add_criterion_rows (self);
  reviewer = choose_reviewer (self);
  g_signal_handlers_block_by_func (self->reviewer_row, on_reviewer_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), reviewer);
  g_signal_handlers_unblock_by_func (self->reviewer_row, on_reviewer_changed, self);
  show_reviewer (self, reviewer);
  show_decision (self);
  show_error (self, NULL);
  update_stale (self);
  update_total (self);
  update_actions (self);
}

/**
 * md_review_editor_get_item:
 *
 * Returns: (transfer none) (nullable): the dossier being scored
 */
MdInboxItem *
md_review_editor_get_item (MdReviewEditor *self)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), NULL);

  return self->item;
}

/**
 * md_review_editor_get_score_button:
 * @criterion: a criterion id of the profile
 *
 * Returns: (transfer none) (nullable): the spin button of @criterion
 */
GtkSpinButton *
md_review_editor_get_score_button (MdReviewEditor *self,
                                   const char     *criterion)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (get_criterion_id (self->rows->pdata[i]), criterion) == 0)
      return get_spin (self->rows->pdata[i]);

  return NULL;
}

GtkEditable *
md_review_editor_get_reviewer (MdReviewEditor *self)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), NULL);

  return GTK_EDITABLE (self->reviewer_row);
}

AdwComboRow *
md_review_editor_get_decision_row (MdReviewEditor *self)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), NULL);

  return self->decision_row;
}

GtkEditable *
md_review_editor_get_reason (MdReviewEditor *self)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), NULL);

  return GTK_EDITABLE (self->reason_row);
}

GtkEditable *
md_review_editor_get_comment (MdReviewEditor *self)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), NULL);

  return GTK_EDITABLE (self->comment_row);
}

gboolean
md_review_editor_is_busy (MdReviewEditor *self)
{
  g_return_val_if_fail (MD_IS_REVIEW_EDITOR (self), FALSE);

  return self->busy;
}
