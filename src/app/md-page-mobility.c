/* md-page-mobility.c
 *
 * Where, with whom, when and how the applicant travels, and what the
 * grant would roughly be. The estimate comes from core after every
 * validation; this page only lays it out, line by line, so that the
 * applicant sees how each answer changes the amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-formats.h"
#include "md-grant-estimate.h"
#include "md-page-mobility.h"

struct _MdPageMobility
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *teaching_group;
  GtkWidget           *pair_group;
  AdwPreferencesGroup *grant_group;

  /* The rows of the estimate, and the text they were made from, so
   * that an unchanged estimate does not rebuild them. */
  GPtrArray           *grant_rows;
  char                *shown_estimate;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageMobility, md_page_mobility, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

/**
 * md_page_mobility_format_amount:
 * @amount: euro
 *
 * Returns: (transfer full): @amount with two decimals and the euro sign
 */
char *
md_page_mobility_format_amount (double amount)
{
  return md_format_display_money (amount);
}

/* ---- The estimate ------------------------------------------------------ */

static void
clear_grant_rows (MdPageMobility *self)
{
  for (guint i = 0; i < self->grant_rows->len; i++)
    adw_preferences_group_remove (self->grant_group, self->grant_rows->pdata[i]);
  g_ptr_array_set_size (self->grant_rows, 0);
}

static AdwActionRow *
add_row (MdPageMobility *self,
         const char     *title,
         const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->grant_group, row);
  g_ptr_array_add (self->grant_rows, row);
  return ADW_ACTION_ROW (row);
}

static void
add_amount (AdwActionRow *row,
            double        amount,
            const char   *style)
{
  g_autofree char *text = md_page_mobility_format_amount (amount);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (row, label);
}

static void
add_note (MdPageMobility *self,
          const char     *message,
          const char     *detail,
          const char     *icon_name)
{
  AdwActionRow *row = add_row (self, message, detail);
  /* The icon only decorates; the text says it all. */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  adw_action_row_add_prefix (row, icon);
}

static void
show_estimate (MdPageMobility  *self,
               MdGrantEstimate *estimate)
{
  g_autofree char *total_markup = g_markup_printf_escaped ("<b>%s</b>", _("Estimated total"));
  AdwActionRow *total;

  for (guint i = 0; i < md_grant_estimate_get_n_lines (estimate); i++)
    {
      const MdGrantLine *line = md_grant_estimate_get_line (estimate, i);

      add_amount (add_row (self, line->label, line->detail), line->amount, "dim-label");
    }

  total = add_row (self, NULL, NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (total), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total), total_markup);
  add_amount (total, md_grant_estimate_get_total (estimate), "heading");

  if (md_grant_estimate_is_indicative (estimate))
    add_note (self, _("Estimate only — indicative rates"),
              _("Some rates of this programme are not final; the grant agreement sets the amount."),
              "dialog-information-symbolic");
}

static void
update_estimate (MdPageMobility *self,
                 MdDossier      *dossier,
                 MdProgramme    *programme)
{
  g_autoptr(MdGrantEstimate) estimate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (dossier != NULL && programme != NULL)
    estimate = md_grant_estimate_compute (dossier, programme, &error);

  if (estimate != NULL)
    text = md_grant_estimate_to_text (estimate);
  else
    text = g_strdup (error ? error->message : _("Choose a programme first."));

  if (g_strcmp0 (text, self->shown_estimate) == 0)
    return;

  g_free (self->shown_estimate);
  self->shown_estimate = g_steal_pointer (&text);
  clear_grant_rows (self);

  if (estimate != NULL)
    show_estimate (self, estimate);
  else
    add_note (self, self->shown_estimate, NULL, "dialog-information-symbolic");
}

/* ---- Activity-dependent groups ----------------------------------------- */

static JsonObject *
get_activity (MdDossier   *dossier,
              MdProgramme *programme)
{
  const char *id = dossier ? md_dossier_get_string (dossier, "mobility.activity") : NULL;

  return programme && id ? md_programme_get_activity (programme, id) : NULL;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static gboolean
needs_pair (JsonObject *activity)
{
  JsonNode *eligibility = activity ? json_object_get_member (activity, "eligibility") : NULL;
  JsonNode *pair = eligibility && JSON_NODE_HOLDS_OBJECT (eligibility)
                   ? get_member (json_node_get_object (eligibility), "pair") : NULL;

  return pair != NULL && json_node_get_value_type (pair) == G_TYPE_BOOLEAN && json_node_get_boolean (pair);
}

/* Teaching mobility asks for a number of hours; the group says how
 * many the activity requires. */
static void
update_teaching (MdPageMobility *self,
                 JsonObject     *activity)
{
  JsonNode *node = get_member (activity, "teaching_hours_per_week");
  double hours = node && json_node_get_value_type (node) != G_TYPE_STRING ? json_node_get_double (node) : 0;
  g_autofree char *description = NULL;

  if (hours > 0)
    description = g_strdup_printf (_("This activity requires at least %g hours of teaching per week of stay, and at least %g for a stay shorter than a week."),
                                   hours, hours);

  adw_preferences_group_set_description (self->teaching_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->teaching_group), hours > 0);
}

/* ---- MdWizardPage ------------------------------------------------------ */

static const char *
md_page_mobility_get_title (MdWizardPage *page)
{
  return _("Mobility");
}

static const char *
md_page_mobility_get_icon_name (MdWizardPage *page)
{
  return "mark-location-symbolic";
}

static const char * const *
md_page_mobility_get_path_prefixes (MdWizardPage *page)
{
  /* Every mobility field except the activity, which the programme
   * screen asks for. */
  static const char * const prefixes[] = {
    "mobility.destination_country",
    "mobility.receiving_organisation",
    "mobility.start_date",
    "mobility.end_date",
    "mobility.travel_mode",
    "mobility.distance_band",
    "mobility.distance_km",
    "mobility.direction",
    "mobility.group",
    "mobility.pair_partner",
    "mobility.teaching_hours",
    NULL
  };

  return prefixes;
}

static void
md_page_mobility_update (MdWizardPage *page,
                         MdDossier    *dossier,
                         MdProgramme  *programme,
                         MdReport     *report)
{
  MdPageMobility *self = MD_PAGE_MOBILITY (page);
  JsonObject *activity = get_activity (dossier, programme);

  gtk_widget_set_visible (self->pair_group, needs_pair (activity));
  update_teaching (self, activity);
  update_estimate (self, dossier, programme);
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_mobility_get_title;
  iface->get_icon_name = md_page_mobility_get_icon_name;
  iface->get_path_prefixes = md_page_mobility_get_path_prefixes;
  iface->update = md_page_mobility_update;
}

static void
md_page_mobility_dispose (GObject *object)
{
  MdPageMobility *self = (MdPageMobility *)object;

  g_clear_pointer (&self->grant_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_estimate, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PAGE_MOBILITY);

  G_OBJECT_CLASS (md_page_mobility_parent_class)->dispose (object);
}

static void
md_page_mobility_class_init (MdPageMobilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_mobility_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-mobility.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageMobility, teaching_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageMobility, pair_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageMobility, grant_group);
}

static void
md_page_mobility_init (MdPageMobility *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->grant_rows = g_ptr_array_new ();
  update_estimate (self, NULL, NULL);
}

GtkWidget *
md_page_mobility_new (void)
{
  return g_object_new (MD_TYPE_PAGE_MOBILITY, NULL);
}
