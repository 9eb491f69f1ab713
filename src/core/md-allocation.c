/* md-allocation.c
 *
 * Proposes who gets the programme's grants, and says why for everyone.
 * The rules (docs/review-format.md, "Ranking and allocation"):
 *
 * 1. Out of the ranking: dossiers with validation errors (not
 *    eligible), with the decision "needs_changes" (not eligible until
 *    changed) or "rejected", without a finished or with a stale review
 *    (unscored), and, when the profile requires a positive evaluation,
 *    with a weighted score under 50 (rejected).
 * 2. The rest is ranked by weighted score, highest first; equal scores
 *    go first come, first served by submission date (the profile's
 *    allocation "order"), then by id so that the result never depends
 *    on the order of the files.
 * 3. Down the ranking, a dossier is selected when every quota it counts
 *    against has a grant left and its estimated grant fits what is left
 *    of the budget (when the profile has one). Otherwise it is a
 *    reserve (a quota is full) or over budget; the allocation goes on,
 *    so a smaller grant further down may still fit.
 *
 * The committee's own decisions "selected" and "reserve" are shown
 * beside the proposal, not forced into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-allocation.h"

typedef struct
{
  MdAllocationResult  public;
  MdInboxItem        *item;
  char               *programme_id;
  char               *quota_id;
  char               *quota_title;
  char               *reason;
  GPtrArray          *quotas;   /* Quota, borrowed from the run */
  GArray             *ranks;    /* guint: the rank in each of those quotas */
} Entry;

typedef struct
{
  JsonObject *definition;
  const char *id;
  const char *title;
  gint64      grants;   /* -1: no limit */
  guint       left;
  guint       ranked;
} Quota;

struct _MdAllocation
{
  GObject     parent_instance;

  GHashTable *entries;     /* MdInboxItem → Entry */
  GHashTable *budget_used; /* programme id → double* */
};

G_DEFINE_FINAL_TYPE (MdAllocation, md_allocation, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
  g_free (entry->programme_id);
  g_free (entry->quota_id);
  g_free (entry->quota_title);
  g_free (entry->reason);
  g_clear_pointer (&entry->quotas, g_ptr_array_unref);
  g_clear_pointer (&entry->ranks, g_array_unref);
  g_free (entry);
}

static void
md_allocation_finalize (GObject *object)
{
  MdAllocation *self = (MdAllocation *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->budget_used, g_hash_table_unref);

  G_OBJECT_CLASS (md_allocation_parent_class)->finalize (object);
}

static void
md_allocation_class_init (MdAllocationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_allocation_finalize;
}

static void
md_allocation_init (MdAllocation *self)
{
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->budget_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char * const outcome_names[] = {
  [MD_OUTCOME_NONE] = "",
  [MD_OUTCOME_SELECTED] = "selected",
  [MD_OUTCOME_RESERVE] = "reserve",
  [MD_OUTCOME_NOT_ELIGIBLE] = "not_eligible",
  [MD_OUTCOME_REJECTED] = "rejected",
  [MD_OUTCOME_OVER_BUDGET] = "over_budget",
  [MD_OUTCOME_UNSCORED] = "unscored",
};

/**
 * md_outcome_to_string:
 *
 * Returns: the stable name used in exports ("selected", "reserve",
 *   "not_eligible", "rejected", "over_budget", "unscored"), "" for none
 */
const char *
md_outcome_to_string (MdOutcome outcome)
{
  g_return_val_if_fail (outcome <= MD_OUTCOME_UNSCORED, "");

  return outcome_names[outcome];
}

const char *
md_outcome_describe (MdOutcome outcome)
{
  switch (outcome)
    {
    case MD_OUTCOME_SELECTED:     return _("Selected");
    case MD_OUTCOME_RESERVE:      return _("Reserve");
    case MD_OUTCOME_NOT_ELIGIBLE: return _("Not eligible");
    case MD_OUTCOME_REJECTED:     return _("Rejected");
    case MD_OUTCOME_OVER_BUDGET:  return _("Over budget");
    case MD_OUTCOME_UNSCORED:     return _("Not scored");
    case MD_OUTCOME_NONE:
    default:                      return "";
    }
}

MdAllocation *
md_allocation_new (void)
{
  return g_object_new (MD_TYPE_ALLOCATION, NULL);
}

/* ---- Profile data -------------------------------------------------------- */

static JsonArray *
definition_array (MdProgramme *programme,
                  const char  *member)
{
  JsonNode *node = json_object_get_member (md_programme_get_definition (programme), member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
definition_object (MdProgramme *programme,
                   const char  *member)
{
  JsonNode *node = json_object_get_member (md_programme_get_definition (programme), member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }

  return FALSE;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static GArray *
read_quotas (MdProgramme *programme)
{
  JsonArray *array = definition_array (programme, "quotas");
  GArray *quotas = g_array_new (FALSE, TRUE, sizeof (Quota));

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      Quota quota = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      quota.definition = object;
      quota.id = json_object_get_string_member_with_default (object, "id", "");
      quota.title = md_json_pick_member_translation (object, "title");
      if (quota.title == NULL)
        quota.title = quota.id;
      quota.grants = json_object_get_int_member_with_default (object, "grants", -1);
      quota.left = quota.grants < 0 ? G_MAXUINT : (guint) quota.grants;
      g_array_append_val (quotas, quota);
    }

  return quotas;
}

/* Absent lists match everything; a destination matches a quota when
 * it is in one of the quota's country sets. */
static gboolean
quota_matches (MdProgramme *programme,
               Quota       *quota,
               MdInboxItem *item)
{
  JsonArray *activities = member_array (quota->definition, "activities");
  JsonArray *destinations = member_array (quota->definition, "destinations");
  const char *country = md_inbox_item_get_destination_code (item);

  if (activities != NULL && json_array_get_length (activities) > 0 &&
      !array_has_string (activities, md_inbox_item_get_activity_id (item)))
    return FALSE;

  if (destinations == NULL || json_array_get_length (destinations) == 0)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (destinations); i++)
    {
      JsonNode *node = json_array_get_element (destinations, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          md_programme_set_contains (programme, json_node_get_string (node), country))
        return TRUE;
    }

  return FALSE;
}

/* ---- Ranking ------------------------------------------------------------- */

static void
set_outcome (Entry      *entry,
             MdOutcome   outcome,
             char       *reason)
{
  entry->public.outcome = outcome;
  g_free (entry->reason);
  entry->reason = reason;
  entry->public.reason = reason;
}

static char *
describe_decision_reason (MdInboxItem *item,
                          const char  *fallback)
{
  MdReview *review = md_inbox_item_get_review (item);
  const char *reason = review ? md_review_get_decision_reason (review) : NULL;

  return g_strdup (reason && *reason ? reason : fallback);
}

/* Step 1: who is out of the ranking, and why. Returns FALSE for those. */
static gboolean
screen (Entry    *entry,
        gboolean  requires_positive)
{
  MdInboxItem *item = entry->item;
  guint errors = md_inbox_item_get_errors (item);
  double score = md_inbox_item_get_score (item);

  entry->public.score = score;
  if (errors > 0)
    set_outcome (entry, MD_OUTCOME_NOT_ELIGIBLE,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not eligible: %u problem",
                                               "Not eligible: %u problems", errors), errors));
  else if (md_inbox_item_get_decision (item) == MD_DECISION_NEEDS_CHANGES)
    {
      g_autofree char *why = describe_decision_reason (item, _("the committee asked for changes"));

      set_outcome (entry, MD_OUTCOME_NOT_ELIGIBLE,
                   g_strdup_printf (_("Not eligible until changed: %s"), why));
    }
  else if (md_inbox_item_get_decision (item) == MD_DECISION_REJECTED)
    {
      g_autofree char *why = describe_decision_reason (item, _("no reason recorded"));

      set_outcome (entry, MD_OUTCOME_REJECTED, g_strdup_printf (_("Rejected by the committee: %s"), why));
    }
  else if (md_inbox_item_get_review_stale (item))
    set_outcome (entry, MD_OUTCOME_UNSCORED,
                 g_strdup (_("Not scored: the dossier changed after it was reviewed")));
  else if (isnan (score))
    set_outcome (entry, MD_OUTCOME_UNSCORED, g_strdup (_("Not scored yet")));
  else if (requires_positive && score < MD_REVIEW_POSITIVE_SCORE)
    set_outcome (entry, MD_OUTCOME_REJECTED,
                 g_strdup_printf (_("Rejected: a score of %.1f is below the %g needed for a positive evaluation"),
                                  score, MD_REVIEW_POSITIVE_SCORE));
  else
    return TRUE;

  return FALSE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;
  int order;

  if (x->public.score != y->public.score)
    return x->public.score > y->public.score ? -1 : 1;

  /* A dossier without a submission date comes after those with one. */
  order = g_strcmp0 (md_inbox_item_get_submitted (x->item) ? md_inbox_item_get_submitted (x->item) : "~",
                     md_inbox_item_get_submitted (y->item) ? md_inbox_item_get_submitted (y->item) : "~");
  if (order != 0)
    return order;

  return g_strcmp0 (md_inbox_item_get_id (x->item), md_inbox_item_get_id (y->item));
}

/* Step 2: rank within each quota; the first quota names the rank. */
static void
rank_candidates (GPtrArray *candidates,
                 GArray    *quotas)
{
  guint overall = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      Entry *entry = candidates->pdata[i];

      overall++;
      for (guint q = 0; q < entry->quotas->len; q++)
        {
          Quota *quota = entry->quotas->pdata[q];

          quota->ranked++;
          g_array_append_val (entry->ranks, quota->ranked);
        }
      entry->public.rank = entry->ranks->len > 0 ? g_array_index (entry->ranks, guint, 0) : overall;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Entry *entry = candidates->pdata[i];

      entry->public.ranked = entry->quotas->len > 0 ? ((Quota *) entry->quotas->pdata[0])->ranked
                                                    : candidates->len;
    }
}

/* ---- Allocating ---------------------------------------------------------- */

static Quota *
first_full_quota (Entry *entry,
                  guint *rank)
{
  for (guint q = 0; q < entry->quotas->len; q++)
    {
      Quota *quota = entry->quotas->pdata[q];

      if (quota->left == 0)
        {
          *rank = g_array_index (entry->ranks, guint, q);
          return quota;
        }
    }

  return NULL;
}

static char *
describe_place (Entry *entry,
                Quota *quota,
                guint  rank)
{
  if (quota == NULL)
    /* TRANSLATORS: "rank 3 of 11" */
    return g_strdup_printf (_("rank %u of %u"), rank, entry->public.ranked);

  if (quota->grants < 0)
    /* TRANSLATORS: "rank 3 of 11 in “Staff training”" */
    return g_strdup_printf (_("rank %u of %u in “%s”"), rank, quota->ranked, quota->title);

  /* TRANSLATORS: "rank 3 of 11 in “Staff training” (5 grants)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "rank %u of %u in “%s” (%u grant)",
                                       "rank %u of %u in “%s” (%u grants)", (gulong) quota->grants),
                          rank, quota->ranked, quota->title, (guint) quota->grants);
}

static gboolean
fits_budget (Entry  *entry,
             double  budget_left,
             char  **reason)
{
  double estimate = md_inbox_item_get_estimate (entry->item);

  if (isnan (estimate))
    {
      *reason = g_strdup (_("Over budget: the grant cannot be estimated, so it cannot be checked against the budget"));
      return FALSE;
    }

  if (estimate > budget_left + 0.005)
    {
      *reason = g_strdup_printf (_("Over budget: the estimated grant of €%.2f is more than the €%.2f left"),
                                 estimate, MAX (budget_left, 0));
      return FALSE;
    }

  return TRUE;
}

/* Step 3, down the ranking. Returns the money given out. */
static double
allocate (GPtrArray *candidates,
          double     budget)
{
  gboolean has_budget = !isnan (budget);
  double used = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      Entry *entry = candidates->pdata[i];
      Quota *primary = entry->quotas->len > 0 ? entry->quotas->pdata[0] : NULL;
      g_autofree char *place = NULL;
      char *reason = NULL;
      guint rank = entry->public.rank;
      Quota *full = first_full_quota (entry, &rank);

      if (full != NULL)
        {
          place = describe_place (entry, full, rank);
          set_outcome (entry, MD_OUTCOME_RESERVE, g_strdup_printf (_("Reserve: %s, all allocated"), place));
          continue;
        }

      if (has_budget && !fits_budget (entry, budget - used, &reason))
        {
          set_outcome (entry, MD_OUTCOME_OVER_BUDGET, reason);
          continue;
        }

      for (guint q = 0; q < entry->quotas->len; q++)
        ((Quota *) entry->quotas->pdata[q])->left--;
      if (has_budget)
        used += md_inbox_item_get_estimate (entry->item);

      place = describe_place (entry, primary, entry->public.rank);
      set_outcome (entry, MD_OUTCOME_SELECTED, g_strdup_printf (_("Selected: %s"), place));
    }

  return used;
}

static double
read_budget (MdProgramme *programme)
{
  JsonObject *budget = definition_object (programme, "budget");
  JsonNode *amount = budget ? json_object_get_member (budget, "amount") : NULL;

  if (amount == NULL || !JSON_NODE_HOLDS_VALUE (amount) ||
      (json_node_get_value_type (amount) != G_TYPE_INT64 && json_node_get_value_type (amount) != G_TYPE_DOUBLE))
    return NAN;

  return json_node_get_double (amount);
}

static gboolean
requires_positive_evaluation (MdProgramme *programme)
{
  JsonObject *allocation = definition_object (programme, "allocation");

  return allocation != NULL &&
         json_object_get_boolean_member_with_default (allocation, "requires_positive_evaluation", FALSE);
}

static Entry *
new_entry (MdAllocation *self,
           MdProgramme  *programme,
           MdInboxItem  *item)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->item = g_object_ref (item);
  entry->programme_id = g_strdup (md_programme_get_id (programme));
  entry->quotas = g_ptr_array_new ();
  entry->ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  entry->public.score = NAN;
  g_hash_table_replace (self->entries, item, entry);
  return entry;
}

static void
match_quotas (Entry       *entry,
              MdProgramme *programme,
              GArray      *quotas)
{
  for (guint q = 0; q < quotas->len; q++)
    {
      Quota *quota = &g_array_index (quotas, Quota, q);

      if (quota_matches (programme, quota, entry->item))
        g_ptr_array_add (entry->quotas, quota);
    }

  if (entry->quotas->len > 0)
    {
      Quota *primary = entry->quotas->pdata[0];

      entry->quota_id = g_strdup (primary->id);
      entry->quota_title = g_strdup (primary->title);
      entry->public.quota_id = entry->quota_id;
      entry->public.quota_title = entry->quota_title;
    }
}

/* Quotas exist, none is for this activity and destination. */
static gboolean
screen_quotas (Entry  *entry,
               GArray *quotas)
{
  if (quotas->len == 0 || entry->quotas->len > 0)
    return TRUE;

  set_outcome (entry, MD_OUTCOME_NOT_ELIGIBLE,
               g_strdup (_("Not eligible: no grant quota covers this activity and destination")));
  return FALSE;
}

static void
publish (MdAllocation *self,
         MdProgramme  *programme,
         double        used)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_replace (self->budget_used, g_strdup (md_programme_get_id (programme)),
                        g_memdup2 (&used, sizeof used));

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (g_strcmp0 (entry->programme_id, md_programme_get_id (programme)) != 0)
        continue;
      md_inbox_item_set_rank (entry->item, entry->public.rank);
      md_inbox_item_set_outcome (entry->item, md_outcome_to_string (entry->public.outcome));
      /* The quotas of this run are freed when it ends. */
      g_ptr_array_set_size (entry->quotas, 0);
    }
}

static gboolean
is_of_programme (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  Entry *entry = value;

  return g_strcmp0 (entry->programme_id, user_data) == 0;
}

static void
forget_programme (MdAllocation *self,
                  MdProgramme  *programme)
{
  g_hash_table_foreach_remove (self->entries, is_of_programme,
                               (gpointer) md_programme_get_id (programme));
}

/**
 * md_allocation_run:
 * @programme: the profile whose quotas and budget are allocated
 * @items: a #GListModel of #MdInboxItem; items of other programmes
 *   are left alone
 *
 * Ranks and allocates the dossiers of @programme (see the top of this
 * file), records a result per item and sets the items' "rank" and
 * "outcome". Running again for the same programme replaces its results.
 */
void
md_allocation_run (MdAllocation *self,
                   MdProgramme  *programme,
                   GListModel   *items)
{
  g_autoptr(GArray) quotas = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  gboolean requires_positive;
  guint n;

  g_return_if_fail (MD_IS_ALLOCATION (self));
  g_return_if_fail (MD_IS_PROGRAMME (programme));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  forget_programme (self, programme);
  quotas = read_quotas (programme);
  requires_positive = requires_positive_evaluation (programme);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (items, i);
      Entry *entry;

      if (!md_inbox_item_is_readable (item) ||
          g_strcmp0 (md_inbox_item_get_programme_id (item), md_programme_get_id (programme)) != 0)
        continue;

      entry = new_entry (self, programme, item);
      match_quotas (entry, programme, quotas);
      if (screen (entry, requires_positive) && screen_quotas (entry, quotas))
        g_ptr_array_add (candidates, entry);
    }

  g_ptr_array_sort (candidates, compare_candidates);
  rank_candidates (candidates, quotas);
  publish (self, programme, allocate (candidates, read_budget (programme)));
}

/**
 * md_allocation_lookup:
 *
 * Returns: (nullable): the result for @item, valid as long as the
 *   allocation; %NULL when no run included it
 */
const MdAllocationResult *
md_allocation_lookup (MdAllocation *self,
                      MdInboxItem  *item)
{
  Entry *entry;

  g_return_val_if_fail (MD_IS_ALLOCATION (self), NULL);

  entry = g_hash_table_lookup (self->entries, item);
  return entry ? &entry->public : NULL;
}

/**
 * md_allocation_count:
 * @quota_id: (nullable): count only this quota's dossiers
 *
 * Returns: how many dossiers of @programme have @outcome
 */
guint
md_allocation_count (MdAllocation *self,
                     MdProgramme  *programme,
                     const char   *quota_id,
                     MdOutcome     outcome)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_return_val_if_fail (MD_IS_ALLOCATION (self), 0);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), 0);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (g_strcmp0 (entry->programme_id, md_programme_get_id (programme)) == 0 &&
          entry->public.outcome == outcome &&
          (quota_id == NULL || g_strcmp0 (entry->quota_id, quota_id) == 0))
        count++;
    }

  return count;
}

/**
 * md_allocation_get_budget_used:
 *
 * Returns: the estimated grants of the selected dossiers of @programme
 *   when its profile has a budget, else 0
 */
double
md_allocation_get_budget_used (MdAllocation *self,
                               MdProgramme  *programme)
{
  double *used;

  g_return_val_if_fail (MD_IS_ALLOCATION (self), 0);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), 0);

  used = g_hash_table_lookup (self->budget_used, md_programme_get_id (programme));
  return used ? *used : 0;
}
