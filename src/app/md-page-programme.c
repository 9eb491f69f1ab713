/* md-page-programme.c
 *
 * The first screen: which programme and which kind of mobility. Before
 * the applicant types anything, it shows what the chosen activity is
 * (who may apply, for how long, where to, by when and with which
 * documents), read from the programme profile; it never checks a rule
 * itself, the validator does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-countries.h"
#include "md-formats.h"
#include "md-page-programme.h"
#include "md-path-combo-row.h"
#include "md-programme-registry.h"

/* Sets with at most this many countries are shown by name. */
#define MAX_NAMED_COUNTRIES 10

struct _MdPageProgramme
{
  AdwBin               parent_instance;

  MdPathComboRow      *programme_row;
  MdPathComboRow      *activity_row;
  AdwPreferencesGroup *activity_group;
  AdwActionRow        *roles_row;
  AdwActionRow        *duration_row;
  AdwActionRow        *destinations_row;
  AdwActionRow        *deadline_row;
  AdwActionRow        *window_row;
  AdwActionRow        *documents_row;
  AdwActionRow        *indicative_row;
  GtkLabel            *dossier_id_label;

  MdProgrammeRegistry *registry;
  MdDossier           *dossier;
  /* Id of the programme whose activities the activity row lists. */
  char                *activities_of;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageProgramme, md_page_programme, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

typedef struct
{
  const char *id;
  const char *label;
} Label;

static const Label role_labels[] = {
  { "student", N_("Students") },
  { "doctoral", N_("Doctoral candidates") },
  { "staff", N_("Staff members") },
  { "pupil", N_("Pupils") },
};

static const Label cycle_labels[] = {
  { "5", N_("Short cycle (EQF 5)") },
  { "6", N_("Bachelor (EQF 6)") },
  { "7", N_("Master (EQF 7)") },
  { "8", N_("Doctorate (EQF 8)") },
};

static const Label document_labels[] = {
  { "application_form", N_("Application form") },
  { "cv", N_("Curriculum vitae") },
  { "transcript", N_("Transcript of records") },
  { "language_certificate", N_("Language certificate") },
  { "motivation_letter", N_("Motivation letter") },
  { "study_plan", N_("Study plan") },
  { "recommendation_letter", N_("Letter of recommendation") },
  { "cooperation_agreement", N_("Cooperation agreement") },
  { "traineeship_agreement", N_("Traineeship agreement") },
  { "learning_agreement", N_("Learning agreement") },
  { "letter_of_acceptance", N_("Letter of acceptance") },
};

static const Label set_labels[] = {
  { "eu", N_("EU member states") },
  { "associated", N_("Third countries associated to the programme") },
  { "non_associated", N_("Third countries not associated to the programme") },
};

/* The translated label of @id, or @id itself for a code this version
 * does not know, so that nothing the profile says is hidden. */
static const char *
lookup_label (const Label *labels,
              gsize        n_labels,
              const char  *id)
{
  for (gsize i = 0; id != NULL && i < n_labels; i++)
    if (g_str_equal (labels[i].id, id))
      return _(labels[i].label);

  return id;
}

/* ---- Reading the profile ----------------------------------------------- */

static JsonNode *
member_value (JsonObject *object,
              const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static double
member_number (JsonObject *object,
               const char *member)
{
  JsonNode *node = member_value (object, member);

  if (node == NULL || json_node_get_value_type (node) == G_TYPE_STRING)
    return 0;

  return json_node_get_double (node);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = member_value (object, member);

  return node && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Element @index as text: strings as they are, numbers written out. */
static char *
dup_element_text (JsonArray *array,
                  guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

/* The elements of @array through @labels, joined; NULL when empty. */
static char *
join_labels (JsonArray   *array,
             const Label *labels,
             gsize        n_labels)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *id = dup_element_text (array, i);

      if (id != NULL)
        g_strv_builder_add (builder, lookup_label (labels, n_labels, id));
    }

  parts = g_strv_builder_end (builder);
  return parts[0] != NULL ? g_strjoinv (", ", parts) : NULL;
}

/* ---- What the activity is ---------------------------------------------- */

static char *
describe_roles (JsonObject *activity)
{
  g_autofree char *who = join_labels (member_array (activity, "roles"),
                                      role_labels, G_N_ELEMENTS (role_labels));
  g_autofree char *cycles = join_labels (member_array (activity, "study_cycles"),
                                         cycle_labels, G_N_ELEMENTS (cycle_labels));

  if (who == NULL || cycles == NULL)
    return g_steal_pointer (&who);

  /* TRANSLATORS: who may apply, then the study cycles they must be in,
   * e.g. "Students — Master (EQF 7)" */
  return g_strdup_printf (_("%s — %s"), who, cycles);
}

/* "2 to 12 months", "5 to 30 days", "1 month" */
static char *
describe_bounds (JsonObject *duration)
{
  double min = member_number (duration, "min");
  double max = member_number (duration, "max");
  gboolean days = g_strcmp0 (member_string (duration, "unit"), "days") == 0;

  if (min == max)
    return g_strdup_printf (days ? g_dngettext (GETTEXT_PACKAGE, "%g day", "%g days", (gulong) max)
                                 : g_dngettext (GETTEXT_PACKAGE, "%g month", "%g months", (gulong) max),
                            max);

  return g_strdup_printf (days ? g_dngettext (GETTEXT_PACKAGE, "%g to %g day", "%g to %g days", (gulong) max)
                               : g_dngettext (GETTEXT_PACKAGE, "%g to %g month", "%g to %g months", (gulong) max),
                          min, max);
}

static char *
describe_duration (JsonObject *activity)
{
  JsonObject *duration = member_object (activity, "duration");
  JsonObject *by_country = member_object (activity, "duration_by_country");
  g_autofree char *bounds = NULL;
  GString *text;
  JsonObjectIter iter;
  const char *code;
  JsonNode *node;

  if (duration == NULL)
    return NULL;

  bounds = describe_bounds (duration);
  text = g_string_new (NULL);
  /* TRANSLATORS: %s is a length such as "2 to 12 months" */
  g_string_printf (text, _("%s, travel days not counted"), bounds);

  /* Some destinations have bounds of their own. */
  if (by_country != NULL)
    json_object_iter_init (&iter, by_country);
  while (by_country != NULL && json_object_iter_next (&iter, &code, &node))
    {
      g_autofree char *own = JSON_NODE_HOLDS_OBJECT (node) ? describe_bounds (json_node_get_object (node)) : NULL;
      const char *name = md_countries_get_name (code);

      /* TRANSLATORS: a country and the length of a stay there, after the
       * general length: "…; Türkiye: 1 month" */
      g_string_append_printf (text, _("; %s: %s"), name ? name : code, own ? own : "");
    }

  return g_string_free (text, FALSE);
}

static char *
describe_countries (GPtrArray *codes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < codes->len; i++)
    {
      const char *name = md_countries_get_name (codes->pdata[i]);

      g_strv_builder_add (builder, name ? name : codes->pdata[i]);
    }

  names = g_strv_builder_end (builder);
  return names[0] != NULL ? g_strjoinv (", ", names) : NULL;
}

static GPtrArray *
dup_codes (JsonArray *array)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      char *code = dup_element_text (array, i);

      if (code != NULL)
        g_ptr_array_add (codes, code);
    }

  return codes;
}

/* A country set by its usual name, its countries when there are few,
 * or how many countries it has. */
static char *
describe_set (const char *name,
              JsonArray  *countries)
{
  g_autoptr(GPtrArray) codes = dup_codes (countries);
  g_autofree char *names = codes->len <= MAX_NAMED_COUNTRIES ? describe_countries (codes) : NULL;
  const char *region = g_str_has_prefix (name, "region_") ? name + strlen ("region_") : NULL;
  const char *known = lookup_label (set_labels, G_N_ELEMENTS (set_labels), name);

  if (known != name)
    return g_strdup (known);
  if (region != NULL && names != NULL)
    /* TRANSLATORS: a numbered region of the world and its countries */
    return g_strdup_printf (_("Region %s: %s"), region, names);
  if (region != NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Region %s (%u country)", "Region %s (%u countries)",
                                         codes->len), region, codes->len);
  if (names != NULL)
    return g_steal_pointer (&names);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u country", "%u countries", codes->len), codes->len);
}

/* Excluded countries that one of the destination sets would include. */
static char *
describe_exclusions (MdProgramme *programme,
                     JsonArray   *sets)
{
  JsonObject *exclusions = member_object (md_programme_get_definition (programme), "exclusions");
  g_autoptr(GPtrArray) excluded = dup_codes (member_array (exclusions, "countries"));
  g_autoptr(GPtrArray) relevant = g_ptr_array_new ();

  for (guint i = 0; i < excluded->len; i++)
    for (guint j = 0; j < json_array_get_length (sets); j++)
      if (md_programme_set_contains (programme, json_array_get_string_element (sets, j), excluded->pdata[i]))
        {
          g_ptr_array_add (relevant, excluded->pdata[i]);
          break;
        }

  return describe_countries (relevant);
}

static char *
describe_destinations (MdProgramme *programme,
                       JsonObject  *activity)
{
  JsonArray *sets = member_array (activity, "destinations");
  JsonObject *country_sets = member_object (md_programme_get_definition (programme), "country_sets");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *excluded = NULL;

  for (guint i = 0; sets != NULL && i < json_array_get_length (sets); i++)
    {
      const char *name = json_array_get_string_element (sets, i);
      g_autofree char *set = name ? describe_set (name, member_array (country_sets, name)) : NULL;

      if (set != NULL)
        g_strv_builder_add (builder, set);
    }

  parts = g_strv_builder_end (builder);
  if (parts[0] == NULL)
    return NULL;

  joined = g_strjoinv ("; ", parts);
  excluded = describe_exclusions (programme, sets);
  if (excluded == NULL)
    return g_steal_pointer (&joined);

  /* TRANSLATORS: the destinations, then the countries that are not */
  return g_strdup_printf (_("%s, except %s"), joined, excluded);
}

static char *
describe_deadline (MdProgramme *programme)
{
  JsonObject *application = member_object (md_programme_get_definition (programme), "application");
  const char *deadline = member_string (application, "deadline");
  double lead = member_number (application, "lead_time_months");
  g_autofree char *date = deadline ? md_format_display_iso_date (deadline) : NULL;
  g_autofree char *lead_text = NULL;

  if (lead > 0)
    lead_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g month", "%g months", (gulong) lead), lead);

  if (date != NULL && lead_text != NULL)
    /* TRANSLATORS: a date, then a time such as "2 months" */
    return g_strdup_printf (_("Apply by %s, at least %s before departure"), date, lead_text);
  if (date != NULL)
    return g_strdup_printf (_("Apply by %s"), date);
  if (lead_text != NULL)
    return g_strdup_printf (_("Apply at least %s before departure"), lead_text);

  return NULL;
}

static char *
describe_window (MdProgramme *programme)
{
  JsonObject *application = member_object (md_programme_get_definition (programme), "application");
  JsonObject *window = member_object (application, "mobility_window");
  const char *start = member_string (window, "start");
  const char *end = member_string (window, "end");
  g_autofree char *start_text = start ? md_format_display_iso_date (start) : NULL;
  g_autofree char *end_text = end ? md_format_display_iso_date (end) : NULL;

  if (start_text == NULL || end_text == NULL)
    return NULL;

  /* TRANSLATORS: the first and last day on which the stay may take place */
  return g_strdup_printf (_("Between %s and %s"), start_text, end_text);
}

/* Shows @text (taken) as the row's subtitle, or hides the row when the
 * profile says nothing about it. */
static void
show_fact (AdwActionRow *row,
           char         *text)
{
  adw_action_row_set_subtitle (row, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  g_free (text);
}

static void
show_activity (MdPageProgramme *self,
               MdProgramme     *programme,
               JsonObject      *activity)
{
  const char *description = md_json_pick_member_translation (activity, "description");
  g_autofree char *markup = g_markup_escape_text (description ? description : "", -1);

  adw_preferences_group_set_description (self->activity_group, markup);
  show_fact (self->roles_row, describe_roles (activity));
  show_fact (self->duration_row, describe_duration (activity));
  show_fact (self->destinations_row, describe_destinations (programme, activity));
  show_fact (self->deadline_row, describe_deadline (programme));
  show_fact (self->window_row, describe_window (programme));
  show_fact (self->documents_row, join_labels (member_array (activity, "required_documents"),
                                               document_labels, G_N_ELEMENTS (document_labels)));
  gtk_widget_set_visible (GTK_WIDGET (self->indicative_row),
                          md_programme_is_indicative (programme, "activities"));
}

static void
show_no_activity (MdPageProgramme *self)
{
  adw_preferences_group_set_description (self->activity_group,
                                         _("Choose an activity to see who may apply, for how long and by when."));
  show_fact (self->roles_row, NULL);
  show_fact (self->duration_row, NULL);
  show_fact (self->destinations_row, NULL);
  show_fact (self->deadline_row, NULL);
  show_fact (self->window_row, NULL);
  show_fact (self->documents_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->indicative_row), FALSE);
}

/* ---- Choices ----------------------------------------------------------- */

static void
set_choices (MdPathComboRow *row,
             GStrvBuilder   *values,
             GStrvBuilder   *labels)
{
  g_auto(GStrv) value_list = g_strv_builder_end (values);
  g_auto(GStrv) label_list = g_strv_builder_end (labels);

  md_path_combo_row_set_choices (row, (const char * const *) value_list, (const char * const *) label_list);
}

static void
load_programme_choices (MdPageProgramme *self)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  GListModel *programmes;

  if (self->registry != NULL)
    return;

  self->registry = md_programme_registry_new_default ();
  if (!md_programme_registry_load (self->registry, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->programme_row), markup);
      return;
    }

  programmes = md_programme_registry_get_programmes (self->registry);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(MdProgramme) programme = g_list_model_get_item (programmes, i);
      const char *title = md_programme_get_title (programme);

      g_strv_builder_add (values, md_programme_get_id (programme));
      g_strv_builder_add (labels, title ? title : md_programme_get_id (programme));
    }

  set_choices (self->programme_row, values, labels);
}

static void
refresh_activity_choices (MdPageProgramme *self,
                          MdProgramme     *programme)
{
  const char *id = programme ? md_programme_get_id (programme) : NULL;
  JsonArray *activities = programme ? member_array (md_programme_get_definition (programme), "activities") : NULL;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  if (g_strcmp0 (id, self->activities_of) == 0)
    return;

  g_free (self->activities_of);
  self->activities_of = g_strdup (id);

  for (guint i = 0; activities != NULL && i < json_array_get_length (activities); i++)
    {
      JsonObject *activity = json_array_get_object_element (activities, i);
      const char *activity_id = member_string (activity, "id");
      const char *title = md_json_pick_member_translation (activity, "title");

      if (activity_id == NULL)
        continue;
      g_strv_builder_add (values, activity_id);
      g_strv_builder_add (labels, title ? title : activity_id);
    }

  set_choices (self->activity_row, values, labels);
}

/* A dossier belongs to one call of its programme: choosing another
 * programme moves it to that profile's call. Runs after the row has
 * stored the choice. */
static void
on_programme_selected (MdPageProgramme *self)
{
  g_autoptr(MdProgramme) programme = NULL;
  const char *id;

  if (self->dossier == NULL || self->registry == NULL)
    return;

  id = md_dossier_get_programme (self->dossier);
  programme = id ? md_programme_registry_lookup (self->registry, id, NULL) : NULL;
  if (programme == NULL ||
      g_strcmp0 (md_dossier_get_string (self->dossier, "call"), md_programme_get_call (programme)) == 0)
    return;

  md_dossier_set_string (self->dossier, "call", md_programme_get_call (programme), NULL);
}

/* ---- MdWizardPage ------------------------------------------------------ */

static const char *
md_page_programme_get_title (MdWizardPage *page)
{
  return _("Programme and Activity");
}

static const char *
md_page_programme_get_icon_name (MdWizardPage *page)
{
  return "view-list-bullet-symbolic";
}

static const char * const *
md_page_programme_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "programme", "mobility.activity", "call", NULL };

  return prefixes;
}

static void
md_page_programme_update (MdWizardPage *page,
                          MdDossier    *dossier,
                          MdProgramme  *programme,
                          MdReport     *report)
{
  MdPageProgramme *self = MD_PAGE_PROGRAMME (page);
  const char *activity_id = dossier ? md_dossier_get_string (dossier, "mobility.activity") : NULL;
  JsonObject *activity = programme && activity_id ? md_programme_get_activity (programme, activity_id) : NULL;

  g_set_object (&self->dossier, dossier);
  load_programme_choices (self);
  refresh_activity_choices (self, programme);

  if (activity != NULL)
    show_activity (self, programme, activity);
  else
    show_no_activity (self);

  gtk_label_set_label (self->dossier_id_label, dossier ? md_dossier_get_id (dossier) : "");
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_programme_get_title;
  iface->get_icon_name = md_page_programme_get_icon_name;
  iface->get_path_prefixes = md_page_programme_get_path_prefixes;
  iface->update = md_page_programme_update;
}

static void
md_page_programme_dispose (GObject *object)
{
  MdPageProgramme *self = (MdPageProgramme *)object;

  g_clear_object (&self->dossier);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->activities_of, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PAGE_PROGRAMME);

  G_OBJECT_CLASS (md_page_programme_parent_class)->dispose (object);
}

static void
md_page_programme_class_init (MdPageProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_page_programme_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-programme.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, programme_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, activity_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, activity_group);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, roles_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, duration_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, destinations_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, window_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, documents_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, indicative_row);
  gtk_widget_class_bind_template_child (widget_class, MdPageProgramme, dossier_id_label);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_selected);
}

static void
md_page_programme_init (MdPageProgramme *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  show_no_activity (self);
}

GtkWidget *
md_page_programme_new (void)
{
  return g_object_new (MD_TYPE_PAGE_PROGRAMME, NULL);
}
