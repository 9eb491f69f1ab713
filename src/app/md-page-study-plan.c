/* md-page-study-plan.c
 *
 * Three texts make the plan, and the programme bounds their words
 * together (the validator counts them as one), so the bounds and the
 * running total belong to the group, not to any one text. Traineeships
 * add the parts of the traineeship agreement's Table A.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-formats.h"
#include "md-page-study-plan.h"

#define TRAINEESHIP_PREFIX "study_plan.traineeship."

static const char * const plan_paths[] = {
  "study_plan.objectives",
  "study_plan.activities",
  "study_plan.learning_outcomes",
};

struct _MdPageStudyPlan
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *plan_group;
  GtkLabel            *total_label;
  GtkWidget           *traineeship_group;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageStudyPlan, md_page_study_plan, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static guint
get_word_bound (JsonObject *activity,
                const char *member)
{
  JsonObject *bounds = NULL;

  if (activity != NULL && json_object_has_member (activity, "study_plan"))
    bounds = json_object_get_object_member (activity, "study_plan");
  if (bounds == NULL || !json_object_has_member (bounds, member))
    return 0;

  return (guint) MAX (0.0, json_object_get_double_member (bounds, member));
}

static char *
describe_bounds (guint min_words,
                 guint max_words)
{
  if (min_words > 0 && max_words > 0)
    return g_strdup_printf (ngettext ("Together, the three parts need %'u to %'u word.",
                                      "Together, the three parts need %'u to %'u words.", max_words),
                            min_words, max_words);
  if (min_words > 0)
    return g_strdup_printf (ngettext ("Together, the three parts need at least %'u word.",
                                      "Together, the three parts need at least %'u words.", min_words),
                            min_words);
  if (max_words > 0)
    return g_strdup_printf (ngettext ("Together, the three parts may have at most %'u word.",
                                      "Together, the three parts may have at most %'u words.", max_words),
                            max_words);

  return NULL;
}

static void
show_bounds (MdPageStudyPlan *self,
             JsonObject      *activity)
{
  const char *why = _("What you will do abroad and what you expect to learn from it.");
  g_autofree char *bounds = describe_bounds (get_word_bound (activity, "min_words"),
                                             get_word_bound (activity, "max_words"));
  g_autofree char *description = NULL;

  if (bounds != NULL)
    /* TRANSLATORS: the group's purpose, then its word limits */
    description = g_strdup_printf (C_("plan description", "%s %s"), why, bounds);

  adw_preferences_group_set_description (self->plan_group, description ? description : why);
}

static void
show_total (MdPageStudyPlan *self,
            MdDossier       *dossier)
{
  guint words = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; dossier != NULL && i < G_N_ELEMENTS (plan_paths); i++)
    {
      const char *part = md_dossier_get_string (dossier, plan_paths[i]);

      words += part ? md_format_count_words (part) : 0;
    }

  text = g_strdup_printf (ngettext ("The plan has %'u word in all.", "The plan has %'u words in all.", words),
                          words);
  gtk_label_set_text (self->total_label, text);
}

/* The profile marks a traineeship by asking for its fields; "smt" is
 * the KA131 traineeship, whatever its profile asks. */
static gboolean
is_traineeship (JsonObject *activity)
{
  JsonArray *required = NULL;

  if (activity == NULL)
    return FALSE;

  if (g_strcmp0 (json_object_get_string_member_with_default (activity, "id", NULL), "smt") == 0)
    return TRUE;

  if (json_object_has_member (activity, "required_fields"))
    required = json_object_get_array_member (activity, "required_fields");
  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    if (g_str_has_prefix (json_array_get_string_element (required, i), TRAINEESHIP_PREFIX))
      return TRUE;

  return FALSE;
}

static void
md_page_study_plan_update (MdWizardPage *page,
                           MdDossier    *dossier,
                           MdProgramme  *programme,
                           MdReport     *report)
{
  MdPageStudyPlan *self = MD_PAGE_STUDY_PLAN (page);
  const char *activity_id = dossier ? md_dossier_get_string (dossier, "mobility.activity") : NULL;
  JsonObject *activity = programme ? md_programme_get_activity (programme, activity_id) : NULL;

  show_bounds (self, activity);
  show_total (self, dossier);
  gtk_widget_set_visible (self->traineeship_group, is_traineeship (activity));
}

static const char *
md_page_study_plan_get_title (MdWizardPage *page)
{
  return _("Study or Training Plan");
}

static const char *
md_page_study_plan_get_icon_name (MdWizardPage *page)
{
  return "x-office-document-symbolic";
}

static const char * const *
md_page_study_plan_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "study_plan.", NULL };

  return prefixes;
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_study_plan_get_title;
  iface->get_icon_name = md_page_study_plan_get_icon_name;
  iface->get_path_prefixes = md_page_study_plan_get_path_prefixes;
  iface->update = md_page_study_plan_update;
}

static void
md_page_study_plan_class_init (MdPageStudyPlanClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-study-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageStudyPlan, plan_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageStudyPlan, total_label);
  gtk_widget_class_bind_template_child (widget_class, MdPageStudyPlan, traineeship_group);
}

static void
md_page_study_plan_init (MdPageStudyPlan *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  show_bounds (self, NULL);
  show_total (self, NULL);
}

GtkWidget *
md_page_study_plan_new (void)
{
  return g_object_new (MD_TYPE_PAGE_STUDY_PLAN, NULL);
}
