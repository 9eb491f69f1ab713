/* md-inbox-view.c
 *
 * The coordinator's table: the inbox filtered (search text and one drop
 * down per dimension, all of which must match), then sorted by the
 * column the user chose, then shown with a single selection for the
 * detail pane. The columns themselves are in md-inbox-view-columns.c.
 *
 * List models do not watch their items' properties, so whoever changes
 * what the table sorts or filters on (a saved review, an allocation)
 * calls md_inbox_view_refresh().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-field-widget.h"
#include "md-inbox-view-private.h"

G_DEFINE_FINAL_TYPE (MdInboxView, md_inbox_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *value;
  const char *label;
} Choice;

typedef struct
{
  const char   *property;   /* an item property whose values are the choices, or NULL */
  const char   *title;
  const char   *all;
  const Choice *choices;    /* fixed choices when there is no property */
} FilterInfo;

static const Choice state_choices[] = {
  { "errors", N_("With errors") },
  { "warnings", N_("With warnings only") },
  { "clean", N_("Without problems") },
  { NULL, NULL }
};

static const Choice decision_choices[] = {
  { "none", N_("No decision yet") },
  { "selected", N_("Selected") },
  { "reserve", N_("Reserve") },
  { "rejected", N_("Rejected") },
  { "needs_changes", N_("Needs changes") },
  { NULL, NULL }
};

static const FilterInfo filter_infos[MD_INBOX_N_FILTERS] = {
  [MD_INBOX_FILTER_PROGRAMME] = { "programme", N_("_Programme"), N_("All programmes"), NULL },
  [MD_INBOX_FILTER_ACTIVITY] = { "activity", N_("Ac_tivity"), N_("All activities"), NULL },
  [MD_INBOX_FILTER_DESTINATION] = { "destination", N_("_Destination"), N_("All destinations"), NULL },
  [MD_INBOX_FILTER_STATE] = { NULL, N_("_Validation"), N_("Any validation state"), state_choices },
  [MD_INBOX_FILTER_DECISION] = { NULL, N_("Decisi_on"), N_("Any decision"), decision_choices },
};

/**
 * md_inbox_view_state_key:
 *
 * Returns: "errors" for a dossier with errors (an unreadable file
 *   counts as one), "warnings" for one with warnings only, else "clean"
 */
const char *
md_inbox_view_state_key (MdInboxItem *item)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (item), "errors");

  if (!md_inbox_item_is_readable (item) || md_inbox_item_get_errors (item) > 0)
    return "errors";
  if (md_inbox_item_get_warnings (item) > 0)
    return "warnings";
  return "clean";
}

/**
 * md_inbox_view_decision_key:
 *
 * Returns: the stored decision ("selected"…), or "none": an empty
 *   string would make a string filter match everything
 */
const char *
md_inbox_view_decision_key (MdInboxItem *item)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (item), "none");

  if (md_inbox_item_get_decision (item) == MD_DECISION_NONE)
    return "none";
  return md_decision_to_string (md_inbox_item_get_decision (item));
}

static char *
state_key_cb (MdInboxItem *item,
              gpointer     user_data)
{
  return g_strdup (item ? md_inbox_view_state_key (item) : NULL);
}

static char *
decision_key_cb (MdInboxItem *item,
                 const char  *decision,
                 gpointer     user_data)
{
  return g_strdup (item ? md_inbox_view_decision_key (item) : NULL);
}

GtkExpression *
md_inbox_view_state_expression (void)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (state_key_cb), NULL, NULL);
}

/* The decision is a parameter so that bound labels follow it. */
GtkExpression *
md_inbox_view_decision_expression (void)
{
  GtkExpression *decision = gtk_property_expression_new (MD_TYPE_INBOX_ITEM, NULL, "decision");

  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &decision,
                                      G_CALLBACK (decision_key_cb), NULL, NULL);
}

/* ---- Filters ------------------------------------------------------------ */

static GtkExpression *
create_filter_expression (MdInboxFilter filter)
{
  if (filter == MD_INBOX_FILTER_STATE)
    return md_inbox_view_state_expression ();
  if (filter == MD_INBOX_FILTER_DECISION)
    return md_inbox_view_decision_expression ();
  return gtk_property_expression_new (MD_TYPE_INBOX_ITEM, NULL, filter_infos[filter].property);
}

static GtkStringFilter *
create_string_filter (GtkExpression          *expression,
                      GtkStringFilterMatchMode mode)
{
  GtkStringFilter *filter = gtk_string_filter_new (expression);

  gtk_string_filter_set_match_mode (filter, mode);
  gtk_string_filter_set_ignore_case (filter, mode != GTK_STRING_FILTER_MATCH_MODE_EXACT);
  return filter;
}

static void
create_filters (MdInboxView *self)
{
  GtkAnyFilter *search = gtk_any_filter_new ();

  self->every_filter = gtk_every_filter_new ();
  self->name_filter = create_string_filter (gtk_property_expression_new (MD_TYPE_INBOX_ITEM, NULL, "applicant"),
                                            GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->email_filter = create_string_filter (gtk_property_expression_new (MD_TYPE_INBOX_ITEM, NULL, "email"),
                                             GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_multi_filter_append (GTK_MULTI_FILTER (search), g_object_ref (GTK_FILTER (self->name_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (search), g_object_ref (GTK_FILTER (self->email_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->every_filter), GTK_FILTER (search));

  for (guint i = 0; i < MD_INBOX_N_FILTERS; i++)
    {
      self->choice_filters[i] = create_string_filter (create_filter_expression (i),
                                                      GTK_STRING_FILTER_MATCH_MODE_EXACT);
      gtk_multi_filter_append (GTK_MULTI_FILTER (self->every_filter),
                               g_object_ref (GTK_FILTER (self->choice_filters[i])));
    }
}

static void
on_search_changed (GtkSearchEntry *entry,
                   MdInboxView    *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Both filters of the "any" filter change: each notifies it once. */
  gtk_string_filter_set_search (self->name_filter, text);
  gtk_string_filter_set_search (self->email_filter, text);
}

/* The filters fold away: their button says how many are in use. */
static void
update_filter_button (MdInboxView *self)
{
  g_autofree char *label = NULL;
  guint active = 0;

  for (guint i = 0; i < MD_INBOX_N_FILTERS; i++)
    active += gtk_string_filter_get_search (self->choice_filters[i]) != NULL;

  if (active == 0)
    label = g_strdup (_("_Filters"));
  else
    /* Translators: the button that shows the filters, with how many are in use */
    label = g_strdup_printf (_("_Filters (%u)"), active);
  gtk_button_set_label (GTK_BUTTON (self->filter_button), label);
  if (active > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
on_drop_down_selected (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       MdInboxView *self)
{
  MdInboxFilter filter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "md-filter"));
  GPtrArray *values = self->choice_values[filter];
  guint selected = gtk_drop_down_get_selected (drop_down);

  gtk_string_filter_set_search (self->choice_filters[filter],
                                values != NULL && selected < values->len ? values->pdata[selected] : NULL);
  update_filter_button (self);
}

/* Replaces the choices of @filter, keeping the chosen value when it is
 * still there (otherwise: all). */
static void
set_choices (MdInboxView   *self,
             MdInboxFilter  filter,
             GPtrArray     *values,
             GPtrArray     *labels)
{
  GtkDropDown *drop_down = self->drop_downs[filter];
  g_autofree char *chosen = g_strdup (gtk_string_filter_get_search (self->choice_filters[filter]));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (list, 0, 0, (const char * const *) labels->pdata);
  for (guint i = 1; chosen != NULL && i < values->len; i++)
    if (g_str_equal (values->pdata[i], chosen))
      selected = i;

  g_clear_pointer (&self->choice_values[filter], g_ptr_array_unref);
  self->choice_values[filter] = g_ptr_array_ref (values);
  g_signal_handlers_block_by_func (drop_down, on_drop_down_selected, self);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop_down, selected);
  g_signal_handlers_unblock_by_func (drop_down, on_drop_down_selected, self);
  on_drop_down_selected (drop_down, NULL, self);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The distinct non-empty values of a property over the inbox. */
static GPtrArray *
collect_values (GListModel *model,
                const char *property)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;

      g_object_get (item, property, &value, NULL);
      /* Not g_hash_table_add() alone: on a duplicate it swaps in the new
       * key, which is freed at the end of this iteration. */
      if (value != NULL && *value != '\0' && !g_hash_table_contains (seen, value))
        {
          g_hash_table_add (seen, value);
          g_ptr_array_add (values, g_steal_pointer (&value));
        }
    }

  g_ptr_array_sort (values, compare_collated);
  return values;
}

static void
update_choices (MdInboxView   *self,
                MdInboxFilter  filter)
{
  const FilterInfo *info = &filter_infos[filter];
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (info->property != NULL)
    {
      values = collect_values (self->model, info->property);
      g_ptr_array_insert (values, 0, NULL);
      g_ptr_array_add (labels, _(info->all));
      for (guint i = 1; i < values->len; i++)
        g_ptr_array_add (labels, values->pdata[i]);
    }
  else
    {
      values = g_ptr_array_new ();
      g_ptr_array_add (values, NULL);
      g_ptr_array_add (labels, _(info->all));
      for (const Choice *choice = info->choices; choice->value != NULL; choice++)
        {
          g_ptr_array_add (values, (gpointer) choice->value);
          g_ptr_array_add (labels, _(choice->label));
        }
    }

  set_choices (self, filter, values, labels);
}

static GtkWidget *
create_filter_widget (MdInboxView   *self,
                      MdInboxFilter  filter)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_(filter_infos[filter].title));
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* The relation names the drop-down, not the button that takes the focus. */
  md_field_name_parts (drop_down, gtk_label_get_text (GTK_LABEL (label)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  self->drop_downs[filter] = GTK_DROP_DOWN (drop_down);
  g_object_set_data (G_OBJECT (drop_down), "md-filter", GUINT_TO_POINTER (filter));
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected), self);
  return box;
}

/* ---- Models ------------------------------------------------------------- */

static void
update_stack (MdInboxView *self)
{
  gboolean hidden_all = self->model != NULL &&
                        g_list_model_get_n_items (self->model) > 0 &&
                        g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  gtk_stack_set_visible_child_name (self->stack, hidden_all ? "no-match" : "list");
}

static void
on_model_items_changed (GListModel  *model,
                        guint        position,
                        guint        removed,
                        guint        added,
                        MdInboxView *self)
{
  update_choices (self, MD_INBOX_FILTER_PROGRAMME);
  update_choices (self, MD_INBOX_FILTER_ACTIVITY);
  update_choices (self, MD_INBOX_FILTER_DESTINATION);
}

static void
on_filtered_items_changed (GListModel  *model,
                           guint        position,
                           guint        removed,
                           guint        added,
                           MdInboxView *self)
{
  update_stack (self);
}

static void
on_selected_item_changed (MdInboxView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
create_models (MdInboxView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->every_filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->filter_model, "items-changed", G_CALLBACK (on_filtered_items_changed), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed), self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
md_inbox_view_dispose (GObject *object)
{
  MdInboxView *self = (MdInboxView *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->allocation);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_INBOX_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->every_filter);
  g_clear_object (&self->name_filter);
  g_clear_object (&self->email_filter);
  for (guint i = 0; i < MD_INBOX_N_FILTERS; i++)
    {
      g_clear_object (&self->choice_filters[i]);
      g_clear_pointer (&self->choice_values[i], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (md_inbox_view_parent_class)->dispose (object);
}

static void
md_inbox_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MdInboxView *self = MD_INBOX_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, md_inbox_view_get_selected_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_inbox_view_class_init (MdInboxViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_inbox_view_dispose;
  object_class->get_property = md_inbox_view_get_property;

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, MD_TYPE_INBOX_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-inbox-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MdInboxView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MdInboxView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, MdInboxView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, MdInboxView, column_view);
  gtk_widget_class_bind_template_child (widget_class, MdInboxView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
}

static void
md_inbox_view_init (MdInboxView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  create_filters (self);
  for (guint i = 0; i < MD_INBOX_N_FILTERS; i++)
    {
      gtk_flow_box_append (self->filter_box, create_filter_widget (self, i));
      update_choices (self, i);
    }
  md_inbox_view_add_columns (self);
  create_models (self);
  /* The table's own list would be read out as "GtkColumnListView". */
  md_field_name_parts (GTK_WIDGET (self->column_view), _("Received dossiers"));
}

GtkWidget *
md_inbox_view_new (void)
{
  return g_object_new (MD_TYPE_INBOX_VIEW, NULL);
}

/**
 * md_inbox_view_set_model:
 * @model: (nullable): a #GListModel of #MdInboxItem, usually an #MdInbox
 */
void
md_inbox_view_set_model (MdInboxView *self,
                         GListModel  *model)
{
  g_return_if_fail (MD_IS_INBOX_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_model_items_changed), self);

  gtk_filter_list_model_set_model (self->filter_model, model);
  on_model_items_changed (model, 0, 0, 0, self);
  update_stack (self);
}

/**
 * md_inbox_view_set_allocation:
 * @allocation: (nullable): where the outcome column finds its reasons
 */
void
md_inbox_view_set_allocation (MdInboxView  *self,
                              MdAllocation *allocation)
{
  g_return_if_fail (MD_IS_INBOX_VIEW (self));

  if (g_set_object (&self->allocation, allocation))
    md_inbox_view_refresh (self);
}

/**
 * md_inbox_view_set_compact:
 * @compact: whether the view is as narrow as a phone
 *
 * Shows only the essential columns when @compact.
 */
void
md_inbox_view_set_compact (MdInboxView *self,
                           gboolean     compact)
{
  g_return_if_fail (MD_IS_INBOX_VIEW (self));

  md_inbox_view_show_essential_columns (self, compact);
}

/**
 * md_inbox_view_get_visible_items:
 *
 * Returns: (transfer none): the items as shown: filtered and sorted
 */
GListModel *
md_inbox_view_get_visible_items (MdInboxView *self)
{
  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/**
 * md_inbox_view_get_sorter:
 *
 * Returns: (transfer none): the order the user chose with the column
 *   headers, to print or export in the same order
 */
GtkSorter *
md_inbox_view_get_sorter (MdInboxView *self)
{
  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);

  return gtk_column_view_get_sorter (self->column_view);
}

/**
 * md_inbox_view_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the selected dossier
 */
MdInboxItem *
md_inbox_view_get_selected_item (MdInboxView *self)
{
  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
md_inbox_view_select_item (MdInboxView *self,
                           MdInboxItem *item)
{
  GListModel *visible;

  g_return_if_fail (MD_IS_INBOX_VIEW (self));

  visible = G_LIST_MODEL (self->sort_model);
  for (guint i = 0; item != NULL && i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(MdInboxItem) candidate = g_list_model_get_item (visible, i);

      if (candidate == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * md_inbox_view_refresh:
 *
 * Sorts and filters again, after items changed what the table sorts
 * or filters on (a review was saved, grants were allocated).
 */
void
md_inbox_view_refresh (MdInboxView *self)
{
  g_return_if_fail (MD_IS_INBOX_VIEW (self));

  gtk_filter_changed (GTK_FILTER (self->every_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
}

GtkColumnView *
md_inbox_view_get_column_view (MdInboxView *self)
{
  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);

  return self->column_view;
}

/**
 * md_inbox_view_get_column:
 * @id: "applicant", "programme", "destination", "dates", "duration",
 *   "ects", "validation", "integrity", "submitted", "score", "rank",
 *   "decision" or "outcome"
 *
 * Returns: (transfer none) (nullable): the column
 */
GtkColumnViewColumn *
md_inbox_view_get_column (MdInboxView *self,
                          const char  *id)
{
  GListModel *columns;

  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "md-column-id"), id) == 0)
        return column;
    }

  return NULL;
}

GtkEditable *
md_inbox_view_get_search_entry (MdInboxView *self)
{
  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
md_inbox_view_get_filter (MdInboxView   *self,
                          MdInboxFilter  filter)
{
  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), NULL);
  g_return_val_if_fail (filter < MD_INBOX_N_FILTERS, NULL);

  return self->drop_downs[filter];
}

/**
 * md_inbox_view_choose_filter:
 * @value: (nullable): a value of the filter ("errors", "selected", a
 *   programme's title…), or %NULL for all
 *
 * Selects @value in the filter's drop down, as the user would.
 *
 * Returns: whether @value is one of the choices
 */
gboolean
md_inbox_view_choose_filter (MdInboxView   *self,
                             MdInboxFilter  filter,
                             const char    *value)
{
  GPtrArray *values;

  g_return_val_if_fail (MD_IS_INBOX_VIEW (self), FALSE);
  g_return_val_if_fail (filter < MD_INBOX_N_FILTERS, FALSE);

  values = self->choice_values[filter];
  for (guint i = 0; i < values->len; i++)
    {
      if (g_strcmp0 (values->pdata[i], value) == 0)
        {
          gtk_drop_down_set_selected (self->drop_downs[filter], i);
          return TRUE;
        }
    }

  return FALSE;
}
