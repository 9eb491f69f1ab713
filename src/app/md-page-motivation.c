/* md-page-motivation.c
 *
 * The letter editor, with next to it the selection criteria of the
 * applicant's activity: the applicant writes better when they know
 * what the committee will score. Both the word bounds and the criteria
 * are read from the programme profile; the validator alone decides
 * whether the letter is long enough.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-page-motivation.h"
#include "md-path-text-view.h"

/* A letter is a page or two: give it room to breathe. */
#define LETTER_MIN_HEIGHT 320

struct _MdPageMotivation
{
  AdwBin               parent_instance;

  MdPathTextView      *letter_view;
  AdwPreferencesGroup *criteria_group;

  GPtrArray           *criterion_rows;
  /* What the criteria rows were built for, to rebuild only on change. */
  MdProgramme         *shown_programme;
  char                *shown_activity;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageMotivation, md_page_motivation, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static guint
get_word_bound (JsonObject *bounds,
                const char *member)
{
  if (bounds == NULL || !json_object_has_member (bounds, member))
    return 0;

  return (guint) MAX (0.0, json_object_get_double_member (bounds, member));
}

static void
show_word_bounds (MdPageMotivation *self,
                  JsonObject       *activity)
{
  JsonObject *bounds = NULL;

  if (activity != NULL && json_object_has_member (activity, "motivation_letter"))
    bounds = json_object_get_object_member (activity, "motivation_letter");

  md_path_text_view_set_min_words (self->letter_view, get_word_bound (bounds, "min_words"));
  md_path_text_view_set_max_words (self->letter_view, get_word_bound (bounds, "max_words"));
}

static gboolean
criterion_applies (JsonObject *criterion,
                   const char *activity_id)
{
  JsonArray *activities;

  if (!json_object_has_member (criterion, "activities"))
    return FALSE;

  activities = json_object_get_array_member (criterion, "activities");
  for (guint i = 0; activities != NULL && i < json_array_get_length (activities); i++)
    if (g_strcmp0 (json_array_get_string_element (activities, i), activity_id) == 0)
      return TRUE;

  return FALSE;
}

/* Weights need not add up to 100 (docs/programme-profiles.md), so the
 * share of each criterion is its weight over the sum of the weights
 * that apply: the same sum the total score is divided by. */
static GPtrArray *
collect_criteria (MdProgramme *programme,
                  const char  *activity_id,
                  double      *total_weight)
{
  JsonObject *definition = md_programme_get_definition (programme);
  JsonArray *criteria = NULL;
  GPtrArray *found = g_ptr_array_new ();

  *total_weight = 0;
  if (json_object_has_member (definition, "evaluation_criteria"))
    criteria = json_object_get_array_member (definition, "evaluation_criteria");

  for (guint i = 0; criteria != NULL && i < json_array_get_length (criteria); i++)
    {
      JsonObject *criterion = json_array_get_object_element (criteria, i);

      if (criterion == NULL || !criterion_applies (criterion, activity_id))
        continue;

      g_ptr_array_add (found, criterion);
      *total_weight += json_object_get_double_member_with_default (criterion, "weight", 0);
    }

  return found;
}

static GtkWidget *
create_criterion_row (JsonObject *criterion,
                      double      total_weight)
{
  double weight = json_object_get_double_member_with_default (criterion, "weight", 0);
  double max_score = json_object_get_double_member_with_default (criterion, "max_score", 0);
  double share = total_weight > 0 ? weight / total_weight * 100 : 0;
  const char *title = md_json_pick_member_translation (criterion, "title");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* TRANSLATORS: share of the total score, then the scale,
   * e.g. "25 % · scored out of 10" */
  subtitle = g_strdup_printf (_("%.0f %% · scored out of %g"), share, max_score);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
clear_criteria (MdPageMotivation *self)
{
  for (guint i = 0; i < self->criterion_rows->len; i++)
    adw_preferences_group_remove (self->criteria_group, self->criterion_rows->pdata[i]);
  g_ptr_array_set_size (self->criterion_rows, 0);
}

static void
show_criteria (MdPageMotivation *self,
               MdProgramme      *programme,
               const char       *activity_id)
{
  g_autoptr(GPtrArray) criteria = NULL;
  double total_weight = 0;

  clear_criteria (self);
  if (programme != NULL && activity_id != NULL)
    criteria = collect_criteria (programme, activity_id, &total_weight);

  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      GtkWidget *row = create_criterion_row (criteria->pdata[i], total_weight);

      adw_preferences_group_add (self->criteria_group, row);
      g_ptr_array_add (self->criterion_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->criteria_group), self->criterion_rows->len > 0);
}

static void
md_page_motivation_update (MdWizardPage *page,
                           MdDossier    *dossier,
                           MdProgramme  *programme,
                           MdReport     *report)
{
  MdPageMotivation *self = MD_PAGE_MOTIVATION (page);
  const char *activity_id = dossier ? md_dossier_get_string (dossier, "mobility.activity") : NULL;
  JsonObject *activity = programme ? md_programme_get_activity (programme, activity_id) : NULL;

  show_word_bounds (self, activity);

  /* Rebuilding on every validation would reset the rows under the
   * screen reader for nothing. */
  if (programme == self->shown_programme && g_strcmp0 (activity_id, self->shown_activity) == 0)
    return;

  g_set_object (&self->shown_programme, programme);
  g_free (self->shown_activity);
  self->shown_activity = g_strdup (activity_id);
  show_criteria (self, programme, activity_id);
}

static const char *
md_page_motivation_get_title (MdWizardPage *page)
{
  return _("Motivation Letter");
}

static const char *
md_page_motivation_get_icon_name (MdWizardPage *page)
{
  return "document-edit-symbolic";
}

static const char * const *
md_page_motivation_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "motivation_letter.", NULL };

  return prefixes;
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_motivation_get_title;
  iface->get_icon_name = md_page_motivation_get_icon_name;
  iface->get_path_prefixes = md_page_motivation_get_path_prefixes;
  iface->update = md_page_motivation_update;
}

static void
md_page_motivation_dispose (GObject *object)
{
  MdPageMotivation *self = (MdPageMotivation *)object;

  g_clear_pointer (&self->criterion_rows, g_ptr_array_unref);
  g_clear_object (&self->shown_programme);
  g_clear_pointer (&self->shown_activity, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PAGE_MOTIVATION);

  G_OBJECT_CLASS (md_page_motivation_parent_class)->dispose (object);
}

static void
md_page_motivation_class_init (MdPageMotivationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_motivation_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-motivation.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageMotivation, letter_view);
  gtk_widget_class_bind_template_child (widget_class, MdPageMotivation, criteria_group);
}

static void
md_page_motivation_init (MdPageMotivation *self)
{
  GtkWidget *scrolled;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->criterion_rows = g_ptr_array_new ();
  /* The text view's own default suits a paragraph, not a letter. */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (md_path_text_view_get_text_view (self->letter_view)),
                                      GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), LETTER_MIN_HEIGHT);
}

GtkWidget *
md_page_motivation_new (void)
{
  return g_object_new (MD_TYPE_PAGE_MOTIVATION, NULL);
}
