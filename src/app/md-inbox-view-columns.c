/* md-inbox-view-columns.c
 *
 * The table's columns. Every cell is made once per row widget and bound
 * with expressions on its list item ("item", then the inbox item's
 * properties), so a cell follows its row when the view recycles it and
 * a score, decision or outcome when it changes, without bind/unbind
 * code. What a cell shows is computed by small format functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-inbox-view-private.h"

#define NO_VALUE "—"

typedef void (*SetupCell) (GtkListItem *list_item,
                           MdInboxView *self);

typedef struct
{
  const char  *id;
  const char  *title;
  SetupCell    setup;
  GtkSorter *(*create_sorter) (void);
  int          width;       /* at first; the user can resize */
  gboolean     expand;
  gboolean     essential;   /* kept on a narrow screen */
} ColumnInfo;

/* ---- Expressions -------------------------------------------------------- */

static GtkExpression *
item_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
}

static GtkExpression *
property_expression (const char *property)
{
  return gtk_property_expression_new (MD_TYPE_INBOX_ITEM, item_expression (), property);
}

/* A value computed from the row's item by @callback, called as
 * callback (list_item, item, [watched value,] data); passing @watched
 * re-evaluates it when that property of the item changes. */
static GtkExpression *
item_closure (GType       type,
              GCallback   callback,
              gpointer    data,
              const char *watched)
{
  GtkExpression *params[2];
  guint n = 0;

  params[n++] = item_expression ();
  if (watched != NULL)
    params[n++] = property_expression (watched);
  return gtk_cclosure_expression_new (type, NULL, n, params, callback, data, NULL);
}

static void
bind (GtkListItem   *list_item,
      gpointer       target,
      const char    *property,
      GtkExpression *expression)
{
  gtk_expression_bind (expression, target, property, list_item);
}

/* ---- Cell widgets ------------------------------------------------------- */

static GtkWidget *
create_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static GtkWidget *
create_icon (const char *icon_name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  return icon;
}

/* An icon next to a label that says the same in words. */
static GtkWidget *
create_decorative_icon (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "valign", GTK_ALIGN_CENTER,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static GtkWidget *
create_box (GtkWidget *first,
            GtkWidget *second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  return box;
}

/* A label showing a text property of the item as it is. */
static void
setup_text_cell (GtkListItem *list_item,
                 const char  *property,
                 float        xalign)
{
  GtkWidget *label = create_label (xalign);

  bind (list_item, label, "label", property_expression (property));
  gtk_list_item_set_child (list_item, label);
}

/* ---- Format functions --------------------------------------------------- */

static char *
format_applicant (GtkListItem *list_item,
                  MdInboxItem *item,
                  gpointer     data)
{
  if (item == NULL)
    return NULL;
  if (!md_inbox_item_is_readable (item) || md_inbox_item_get_applicant (item) == NULL)
    return g_file_get_basename (md_inbox_item_get_file (item));
  return g_strdup (md_inbox_item_get_applicant (item));
}

static char *
format_dates (GtkListItem *list_item,
              MdInboxItem *item,
              gpointer     data)
{
  const char *start = item ? md_inbox_item_get_start_date (item) : NULL;
  const char *end = item ? md_inbox_item_get_end_date (item) : NULL;

  if (start == NULL && end == NULL)
    return g_strdup (NO_VALUE);
  /* Translators: a period from the first date to the second */
  return g_strdup_printf (_("%s – %s"), start ? start : "…", end ? end : "…");
}

static char *
format_ects (GtkListItem *list_item,
             MdInboxItem *item,
             gpointer     data)
{
  double ects = item ? md_inbox_item_get_ects (item) : 0;

  return ects > 0 ? g_strdup_printf ("%g", ects) : g_strdup (NO_VALUE);
}

static char *
format_validation (GtkListItem *list_item,
                   MdInboxItem *item,
                   gpointer     data)
{
  guint errors, warnings;
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;

  if (item == NULL)
    return NULL;
  if (!md_inbox_item_is_readable (item))
    return g_strdup (_("Unreadable"));

  errors = md_inbox_item_get_errors (item);
  warnings = md_inbox_item_get_warnings (item);
  errors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  if (errors > 0 && warnings > 0)
    /* Translators: "2 errors, 1 warning" */
    return g_strdup_printf (_("%s, %s"), errors_text, warnings_text);
  if (errors > 0)
    return g_steal_pointer (&errors_text);
  if (warnings > 0)
    return g_steal_pointer (&warnings_text);
  return g_strdup (_("No problems"));
}

static char *
format_validation_icon (GtkListItem *list_item,
                        MdInboxItem *item,
                        gpointer     data)
{
  const char *state = item ? md_inbox_view_state_key (item) : "clean";

  if (g_str_equal (state, "errors"))
    return g_strdup ("dialog-error-symbolic");
  if (g_str_equal (state, "warnings"))
    return g_strdup ("dialog-warning-symbolic");
  return g_strdup ("emblem-ok-symbolic");
}

static char *
format_messages (GtkListItem *list_item,
                 MdInboxItem *item,
                 gpointer     data)
{
  const char * const *messages;

  if (item == NULL)
    return NULL;
  if (!md_inbox_item_is_readable (item))
    return g_strdup (md_inbox_item_get_load_error (item));

  messages = md_inbox_item_get_messages (item);
  return messages && messages[0] ? g_strjoinv ("\n", (char **) messages) : NULL;
}

static char *
format_integrity (GtkListItem *list_item,
                  MdInboxItem *item,
                  gpointer     data)
{
  switch (item ? md_inbox_item_get_integrity (item) : MD_INTEGRITY_UNCHECKED)
    {
    case MD_INTEGRITY_INTACT:          return g_strdup (_("Intact"));
    case MD_INTEGRITY_CHANGED_OUTSIDE: return g_strdup (_("Changed"));
    case MD_INTEGRITY_MISSING:         return g_strdup (_("No digest"));
    case MD_INTEGRITY_UNCHECKED:
    default:                           return g_strdup (NO_VALUE);
    }
}

static char *
format_integrity_tooltip (GtkListItem *list_item,
                          MdInboxItem *item,
                          gpointer     data)
{
  switch (item ? md_inbox_item_get_integrity (item) : MD_INTEGRITY_UNCHECKED)
    {
    case MD_INTEGRITY_INTACT:
      return g_strdup (_("The bundle is as Mobility Dossier saved it."));
    case MD_INTEGRITY_CHANGED_OUTSIDE:
      return g_strdup (_("The bundle was changed outside Mobility Dossier after it was saved: "
                         "its content no longer matches its digest. Ask the applicant for the original."));
    case MD_INTEGRITY_MISSING:
      return g_strdup (_("The bundle has no digest, so changes made outside Mobility Dossier cannot be detected."));
    case MD_INTEGRITY_UNCHECKED:
    default:
      return NULL;
    }
}

static gboolean
is_changed_outside (GtkListItem *list_item,
                    MdInboxItem *item,
                    gpointer     data)
{
  MdIntegrity integrity = item ? md_inbox_item_get_integrity (item) : MD_INTEGRITY_UNCHECKED;

  return integrity == MD_INTEGRITY_CHANGED_OUTSIDE || integrity == MD_INTEGRITY_MISSING;
}

static char *
format_submitted (GtkListItem *list_item,
                  MdInboxItem *item,
                  gpointer     data)
{
  const char *submitted = item ? md_inbox_item_get_submitted (item) : NULL;
  g_autoptr(GDateTime) utc = submitted ? g_date_time_new_from_iso8601 (submitted, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (submitted == NULL || *submitted == '\0')
    return g_strdup (_("Not submitted"));
  if (local == NULL)
    return g_strdup (submitted);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
format_score (GtkListItem *list_item,
              MdInboxItem *item,
              double       score,
              gpointer     data)
{
  if (item == NULL || isnan (md_inbox_item_get_score (item)))
    return g_strdup (NO_VALUE);
  return g_strdup_printf ("%.1f", md_inbox_item_get_score (item));
}

static char *
format_rank (GtkListItem *list_item,
             MdInboxItem *item,
             guint        rank,
             gpointer     data)
{
  if (item == NULL || md_inbox_item_get_rank (item) == 0)
    return g_strdup (NO_VALUE);
  return g_strdup_printf ("%u", md_inbox_item_get_rank (item));
}

static char *
format_decision (GtkListItem *list_item,
                 MdInboxItem *item,
                 const char  *decision,
                 gpointer     data)
{
  if (item == NULL || md_inbox_item_get_decision (item) == MD_DECISION_NONE)
    return g_strdup (NO_VALUE);
  return g_strdup (md_decision_describe (md_inbox_item_get_decision (item)));
}

/**
 * md_inbox_view_outcome_of:
 *
 * Returns: the outcome of the last allocation that included @item
 */
MdOutcome
md_inbox_view_outcome_of (MdInboxItem *item)
{
  const char *outcome = md_inbox_item_get_outcome (item);

  for (MdOutcome i = MD_OUTCOME_SELECTED; outcome != NULL && i <= MD_OUTCOME_UNSCORED; i++)
    if (g_str_equal (md_outcome_to_string (i), outcome))
      return i;

  return MD_OUTCOME_NONE;
}

static char *
format_outcome (GtkListItem *list_item,
                MdInboxItem *item,
                const char  *outcome,
                gpointer     data)
{
  MdOutcome value = item ? md_inbox_view_outcome_of (item) : MD_OUTCOME_NONE;

  return g_strdup (value == MD_OUTCOME_NONE ? NO_VALUE : md_outcome_describe (value));
}

static char *
format_outcome_reason (GtkListItem *list_item,
                       MdInboxItem *item,
                       const char  *outcome,
                       MdInboxView *self)
{
  const MdAllocationResult *result;

  if (item == NULL || self->allocation == NULL)
    return NULL;
  result = md_allocation_lookup (self->allocation, item);
  if (result == NULL || result->reason == NULL)
    return NULL;
  if (result->quota_title == NULL)
    return g_strdup (result->reason);
  /* Translators: a grant quota, then why the dossier got its outcome */
  return g_strdup_printf (_("%s: %s"), result->quota_title, result->reason);
}

/* ---- Cells -------------------------------------------------------------- */

static void
setup_applicant (GtkListItem *list_item,
                 MdInboxView *self)
{
  GtkWidget *label = create_label (0);
  GtkWidget *icon = create_icon ("system-users-symbolic");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (icon, _("Duplicate: the same person sent another dossier in this folder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Duplicate"), -1);
  gtk_widget_add_css_class (icon, "warning");
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_applicant), NULL, NULL));
  bind (list_item, label, "tooltip-text", property_expression ("email"));
  bind (list_item, icon, "visible", property_expression ("duplicate"));
  gtk_list_item_set_child (list_item, create_box (label, icon));
}

static void
setup_programme (GtkListItem *list_item,
                 MdInboxView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *activity = create_label (0);
  GtkWidget *programme = create_label (0);

  gtk_widget_add_css_class (programme, "caption");
  gtk_widget_add_css_class (programme, "dim-label");
  bind (list_item, activity, "label", property_expression ("activity"));
  bind (list_item, activity, "tooltip-text", property_expression ("activity"));
  bind (list_item, programme, "label", property_expression ("programme"));
  bind (list_item, programme, "tooltip-text", property_expression ("programme"));
  gtk_box_append (GTK_BOX (box), activity);
  gtk_box_append (GTK_BOX (box), programme);
  gtk_list_item_set_child (list_item, box);
}

static void
setup_destination (GtkListItem *list_item,
                   MdInboxView *self)
{
  setup_text_cell (list_item, "destination", 0);
}

static void
setup_dates (GtkListItem *list_item,
             MdInboxView *self)
{
  GtkWidget *label = create_label (0);

  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_dates), NULL, NULL));
  gtk_list_item_set_child (list_item, label);
}

static void
setup_duration (GtkListItem *list_item,
                MdInboxView *self)
{
  setup_text_cell (list_item, "duration", 0);
}

static void
setup_ects (GtkListItem *list_item,
            MdInboxView *self)
{
  GtkWidget *label = create_label (1);

  gtk_widget_add_css_class (label, "numeric");
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_ects), NULL, NULL));
  gtk_list_item_set_child (list_item, label);
}

static void
setup_validation (GtkListItem *list_item,
                  MdInboxView *self)
{
  GtkWidget *icon = create_decorative_icon ("emblem-ok-symbolic");
  GtkWidget *label = create_label (0);
  GtkWidget *box = create_box (icon, label);

  bind (list_item, icon, "icon-name", item_closure (G_TYPE_STRING, G_CALLBACK (format_validation_icon), NULL, NULL));
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_validation), NULL, NULL));
  bind (list_item, box, "tooltip-text", item_closure (G_TYPE_STRING, G_CALLBACK (format_messages), NULL, NULL));
  gtk_list_item_set_child (list_item, box);
}

static void
setup_integrity (GtkListItem *list_item,
                 MdInboxView *self)
{
  GtkWidget *icon = create_decorative_icon ("dialog-warning-symbolic");
  GtkWidget *label = create_label (0);
  GtkWidget *box = create_box (icon, label);

  gtk_widget_add_css_class (icon, "warning");
  bind (list_item, icon, "visible", item_closure (G_TYPE_BOOLEAN, G_CALLBACK (is_changed_outside), NULL, NULL));
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_integrity), NULL, NULL));
  bind (list_item, box, "tooltip-text", item_closure (G_TYPE_STRING, G_CALLBACK (format_integrity_tooltip), NULL, NULL));
  gtk_list_item_set_child (list_item, box);
}

static void
setup_submitted (GtkListItem *list_item,
                 MdInboxView *self)
{
  GtkWidget *label = create_label (0);

  gtk_widget_add_css_class (label, "numeric");
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_submitted), NULL, NULL));
  gtk_list_item_set_child (list_item, label);
}

static void
setup_score (GtkListItem *list_item,
             MdInboxView *self)
{
  GtkWidget *label = create_label (1);
  GtkWidget *icon = create_icon ("view-refresh-symbolic");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, _("Stale: the dossier changed after it was scored"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stale"), -1);
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_score), NULL, "score"));
  bind (list_item, icon, "visible", property_expression ("review-stale"));
  gtk_list_item_set_child (list_item, create_box (label, icon));
}

static void
setup_rank (GtkListItem *list_item,
            MdInboxView *self)
{
  GtkWidget *label = create_label (1);

  gtk_widget_add_css_class (label, "numeric");
  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_rank), NULL, "rank"));
  gtk_list_item_set_child (list_item, label);
}

static void
setup_decision (GtkListItem *list_item,
                MdInboxView *self)
{
  GtkWidget *label = create_label (0);

  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_decision), NULL, "decision"));
  gtk_list_item_set_child (list_item, label);
}

static void
setup_outcome (GtkListItem *list_item,
               MdInboxView *self)
{
  GtkWidget *label = create_label (0);

  bind (list_item, label, "label", item_closure (G_TYPE_STRING, G_CALLBACK (format_outcome), NULL, "outcome"));
  bind (list_item, label, "tooltip-text",
        item_closure (G_TYPE_STRING, G_CALLBACK (format_outcome_reason), self, "outcome"));
  gtk_list_item_set_child (list_item, label);
}

/* ---- Sorters ------------------------------------------------------------ */

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (MD_TYPE_INBOX_ITEM, NULL, property)));
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (MD_TYPE_INBOX_ITEM, NULL, property)));
}

static GtkSorter *
closure_sorter (GType     type,
                GCallback callback)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (type, NULL, 0, NULL,
                                                                          callback, NULL, NULL)));
}

static GtkSorter *
two_sorters (GtkSorter *first,
             GtkSorter *second)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();

  gtk_multi_sorter_append (sorter, first);
  gtk_multi_sorter_append (sorter, second);
  return GTK_SORTER (sorter);
}

/* Unscored dossiers sort below every score (NAN compares with nothing). */
static double
score_sort_key (MdInboxItem *item,
                gpointer     data)
{
  double score = md_inbox_item_get_score (item);

  return isnan (score) ? -1 : score;
}

/* Unranked dossiers sort after the last rank. */
static guint
rank_sort_key (MdInboxItem *item,
               gpointer     data)
{
  guint rank = md_inbox_item_get_rank (item);

  return rank == 0 ? G_MAXUINT : rank;
}

/* No decision sorts last. */
static guint
decision_sort_key (MdInboxItem *item,
                   gpointer     data)
{
  MdDecision decision = md_inbox_item_get_decision (item);

  return decision == MD_DECISION_NONE ? G_MAXUINT : decision;
}

static guint
outcome_sort_key (MdInboxItem *item,
                  gpointer     data)
{
  MdOutcome outcome = md_inbox_view_outcome_of (item);

  return outcome == MD_OUTCOME_NONE ? G_MAXUINT : outcome;
}

static GtkSorter *sort_applicant (void)   { return string_sorter ("applicant"); }
static GtkSorter *sort_programme (void)   { return two_sorters (string_sorter ("programme"), string_sorter ("activity")); }
static GtkSorter *sort_destination (void) { return string_sorter ("destination"); }
static GtkSorter *sort_dates (void)       { return two_sorters (string_sorter ("start-date"), string_sorter ("end-date")); }
static GtkSorter *sort_duration (void)    { return numeric_sorter ("duration-days"); }
static GtkSorter *sort_ects (void)        { return numeric_sorter ("ects"); }
static GtkSorter *sort_validation (void)  { return two_sorters (numeric_sorter ("errors"), numeric_sorter ("warnings")); }
static GtkSorter *sort_integrity (void)   { return numeric_sorter ("integrity"); }
static GtkSorter *sort_submitted (void)   { return string_sorter ("submitted"); }
static GtkSorter *sort_score (void)       { return closure_sorter (G_TYPE_DOUBLE, G_CALLBACK (score_sort_key)); }
static GtkSorter *sort_rank (void)        { return closure_sorter (G_TYPE_UINT, G_CALLBACK (rank_sort_key)); }
static GtkSorter *sort_decision (void)    { return closure_sorter (G_TYPE_UINT, G_CALLBACK (decision_sort_key)); }
static GtkSorter *sort_outcome (void)     { return closure_sorter (G_TYPE_UINT, G_CALLBACK (outcome_sort_key)); }

/* ---- Columns ------------------------------------------------------------ */

/* What the committee decides on comes first; the mobility's facts after. */
static const ColumnInfo column_infos[] = {
  { "applicant", N_("Applicant"), setup_applicant, sort_applicant, 190, TRUE, TRUE },
  { "programme", N_("Activity"), setup_programme, sort_programme, 210, TRUE, FALSE },
  { "destination", N_("Destination"), setup_destination, sort_destination, 130, FALSE, FALSE },
  { "validation", N_("Validation"), setup_validation, sort_validation, 150, FALSE, TRUE },
  { "integrity", N_("Integrity"), setup_integrity, sort_integrity, 110, FALSE, FALSE },
  { "score", N_("Score"), setup_score, sort_score, 80, FALSE, TRUE },
  { "rank", N_("Rank"), setup_rank, sort_rank, 64, FALSE, FALSE },
  { "decision", N_("Decision"), setup_decision, sort_decision, 130, FALSE, FALSE },
  { "outcome", N_("Allocation"), setup_outcome, sort_outcome, 130, FALSE, FALSE },
  { "dates", N_("Dates"), setup_dates, sort_dates, 200, FALSE, FALSE },
  { "duration", N_("Duration"), setup_duration, sort_duration, 150, FALSE, FALSE },
  { "ects", N_("ECTS"), setup_ects, sort_ects, 64, FALSE, FALSE },
  { "submitted", N_("Submitted"), setup_submitted, sort_submitted, 140, FALSE, FALSE },
};

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          MdInboxView              *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "md-column-info");

  info->setup (list_item, self);
}

void
md_inbox_view_add_columns (MdInboxView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_infos); i++)
    {
      const ColumnInfo *info = &column_infos[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = info->create_sorter ();

      g_object_set_data (G_OBJECT (factory), "md-column-info", (gpointer) info);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
      column = gtk_column_view_column_new (_(info->title), factory);
      g_object_set_data (G_OBJECT (column), "md-column-id", (gpointer) info->id);
      g_object_set_data (G_OBJECT (column), "md-column-info", (gpointer) info);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, info->width);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* On a phone, only the name, the validation state and the score fit. */
void
md_inbox_view_show_essential_columns (MdInboxView *self,
                                      gboolean     essential_only)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const ColumnInfo *info = g_object_get_data (G_OBJECT (column), "md-column-info");

      gtk_column_view_column_set_visible (column, !essential_only || info->essential);
      gtk_column_view_column_set_fixed_width (column, essential_only ? info->width * 3 / 4 : info->width);
    }
}
