/* md-page-applicant.c
 *
 * "About you": identity, home institution, studies or job, inclusion
 * and bank account. Groups that do not concern the applicant (staff
 * details for students, study results where the programme does not
 * select on them) are hidden rather than left empty, so that nobody
 * wonders whether to fill them in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-page-applicant.h"

struct _MdPageApplicant
{
  AdwBin               parent_instance;

  GtkWidget           *studies_group;
  GtkWidget           *staff_group;
  AdwPreferencesGroup *eligibility_group;
  GtkWidget           *credits_row;
  GtkWidget           *gpa_row;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageApplicant, md_page_applicant, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static const char *
md_page_applicant_get_title (MdWizardPage *page)
{
  return _("About You");
}

static const char *
md_page_applicant_get_icon_name (MdWizardPage *page)
{
  return "avatar-default-symbolic";
}

static const char * const *
md_page_applicant_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "applicant.", NULL };

  return prefixes;
}

static JsonObject *
get_eligibility (MdDossier   *dossier,
                 MdProgramme *programme)
{
  const char *activity_id = md_dossier_get_string (dossier, "mobility.activity");
  JsonObject *activity = activity_id ? md_programme_get_activity (programme, activity_id) : NULL;
  JsonNode *node = activity ? json_object_get_member (activity, "eligibility") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static double
get_minimum (JsonObject *eligibility,
             const char *member)
{
  JsonNode *node = eligibility ? json_object_get_member (eligibility, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING)
    return -1;

  return json_node_get_double (node);
}

/* Study results are asked only where the programme selects on them,
 * and the group says what the programme asks for. */
static void
update_eligibility (MdPageApplicant *self,
                    JsonObject      *eligibility)
{
  double credits = get_minimum (eligibility, "min_credits_obtained");
  double gpa = get_minimum (eligibility, "min_gpa");
  g_autofree char *description = NULL;

  if (credits >= 0 && gpa >= 0)
    description = g_strdup_printf (_("This programme asks for at least %g credits obtained so far and a grade point average of at least %g on a 4.0 scale."),
                                   credits, gpa);
  else if (credits >= 0)
    description = g_strdup_printf (_("This programme asks for at least %g credits obtained so far."), credits);
  else if (gpa >= 0)
    description = g_strdup_printf (_("This programme asks for a grade point average of at least %g on a 4.0 scale."), gpa);

  adw_preferences_group_set_description (self->eligibility_group, description);
  gtk_widget_set_visible (self->credits_row, credits >= 0);
  gtk_widget_set_visible (self->gpa_row, gpa >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->eligibility_group), description != NULL);
}

static void
md_page_applicant_update (MdWizardPage *page,
                          MdDossier    *dossier,
                          MdProgramme  *programme,
                          MdReport     *report)
{
  MdPageApplicant *self = MD_PAGE_APPLICANT (page);
  const char *role = dossier ? md_dossier_get_string (dossier, "applicant.role") : NULL;
  gboolean staff = g_strcmp0 (role, "staff") == 0;

  gtk_widget_set_visible (self->staff_group, staff);
  gtk_widget_set_visible (self->studies_group, !staff);
  update_eligibility (self, dossier && programme ? get_eligibility (dossier, programme) : NULL);
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_applicant_get_title;
  iface->get_icon_name = md_page_applicant_get_icon_name;
  iface->get_path_prefixes = md_page_applicant_get_path_prefixes;
  iface->update = md_page_applicant_update;
}

static void
md_page_applicant_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MD_TYPE_PAGE_APPLICANT);

  G_OBJECT_CLASS (md_page_applicant_parent_class)->dispose (object);
}

static void
md_page_applicant_class_init (MdPageApplicantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_applicant_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-applicant.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageApplicant, studies_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageApplicant, staff_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageApplicant, eligibility_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageApplicant, credits_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageApplicant, gpa_row);
}

static void
md_page_applicant_init (MdPageApplicant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
md_page_applicant_new (void)
{
  return g_object_new (MD_TYPE_PAGE_APPLICANT, NULL);
}
