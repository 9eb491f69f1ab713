/* md-grade-conversion.c
 *
 * Two ways to turn a grade obtained abroad into a grade of the home
 * scale, see docs/grade-conversion.md:
 *
 * - by position (md_grade_convert()): both scales carry a grading
 *   table, and the host grade becomes the home grade whose cumulative
 *   percentage interval overlaps its own the most;
 * - by an explicit mapping (MdGradeMapping), for scales without
 *   statistics such as pass/fail or letters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-grade-conversion.h"
#include "md-grade-private.h"
#include "md-programme.h"

/* Intervals come from percentages with at most a few decimals; this
 * only absorbs the rounding of the scaling to 100. */
#define EPSILON 1e-9

#define KEYWORD_PASS "pass"
#define KEYWORD_FAIL "fail"

static gboolean
require_known (MdGradeTable  *table,
               const char    *grade,
               GError       **error)
{
  g_autofree char *grades = NULL;

  if (md_grade_table_has_grade (table, grade))
    return TRUE;

  grades = g_strjoinv (", ", (GStrv) md_grade_table_get_grades (table));
  g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_UNKNOWN_GRADE,
               _("“%s” is not a grade of “%s” (its grades: %s)."),
               grade, md_grade_table_get_id (table), grades);
  return FALSE;
}

/* The host institution says the course was failed. How badly is not
 * comparable between scales, so the home scale's plain fail (its last,
 * lowest grade) is recorded rather than a guess such as FX. A home
 * scale that lists no failing grade has nothing to record. */
static char *
convert_failing (MdGradeTable  *from,
                 MdGradeTable  *to,
                 const char    *grade,
                 GError       **error)
{
  const char * const *grades = md_grade_table_get_grades (to);
  const char *lowest = grades[g_strv_length ((GStrv) grades) - 1];

  if (!md_grade_table_is_passing (to, lowest))
    return g_strdup (lowest);

  g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NOT_PASSING,
               _("“%s” is not a passing grade of “%s”; nothing is recognised."),
               grade, md_grade_table_get_id (from));
  return NULL;
}

static gboolean
require_distribution (MdGradeTable  *table,
                      MdGradeTable  *from,
                      MdGradeTable  *to,
                      GError       **error)
{
  if (md_grade_table_get_kind (table) == MD_GRADE_TABLE_DISTRIBUTION)
    return TRUE;

  g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NO_DISTRIBUTION,
               _("“%s” has no grading table (percentages of passing grades), so grades cannot be "
                 "converted by their position; a mapping from “%s” to “%s” is needed."),
               md_grade_table_get_id (table), md_grade_table_get_id (from), md_grade_table_get_id (to));
  return FALSE;
}

/* The home grade whose interval overlaps [lo, hi) the most. A tie goes
 * to the grade whose interval holds the midpoint of [lo, hi), as the
 * reference rule says; since intervals are half-open, a midpoint on a
 * boundary belongs to the lower of the two grades. Ties the midpoint
 * does not settle (only possible around a narrower grade in between)
 * go to the grade whose own midpoint is closest, then to the better
 * grade. */
static const char *
pick_by_overlap (MdGradeTable *to,
                 double        lo,
                 double        hi)
{
  const char * const *grades = md_grade_table_get_grades (to);
  double middle = (lo + hi) / 2;
  const char *best = NULL;
  double best_overlap = 0;
  double best_distance = 0;
  gboolean best_contains = FALSE;

  for (guint i = 0; grades[i] != NULL; i++)
    {
      double grade_lo, grade_hi, overlap, distance;
      gboolean contains;

      if (!md_grade_table_get_interval (to, grades[i], &grade_lo, &grade_hi))
        continue;

      overlap = MAX (0, MIN (hi, grade_hi) - MAX (lo, grade_lo));
      contains = grade_lo - EPSILON <= middle && middle < grade_hi - EPSILON;
      distance = fabs ((grade_lo + grade_hi) / 2 - middle);

      if (best != NULL)
        {
          if (overlap < best_overlap - EPSILON)
            continue;
          if (overlap <= best_overlap + EPSILON)
            {
              if (best_contains && !contains)
                continue;
              if (best_contains == contains && distance >= best_distance - EPSILON)
                continue;
            }
        }

      best = grades[i];
      best_overlap = overlap;
      best_distance = distance;
      best_contains = contains;
    }

  return best;
}

/**
 * md_grade_convert:
 * @from: the host institution's scale
 * @to: the home scale
 * @grade: a grade of @from
 *
 * Converts by position in the two grading tables. A failing grade
 * becomes the lowest failing grade of @to when @to lists failing
 * grades.
 *
 * Returns: (transfer full) (nullable): the grade of @to, or %NULL with
 *   %MD_GRADE_ERROR_UNKNOWN_GRADE, %MD_GRADE_ERROR_NOT_PASSING or
 *   %MD_GRADE_ERROR_NO_DISTRIBUTION
 */
char *
md_grade_convert (MdGradeTable  *from,
                  MdGradeTable  *to,
                  const char    *grade,
                  GError       **error)
{
  double lo, hi;

  g_return_val_if_fail (MD_IS_GRADE_TABLE (from), NULL);
  g_return_val_if_fail (MD_IS_GRADE_TABLE (to), NULL);
  g_return_val_if_fail (grade != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_known (from, grade, error))
    return NULL;

  /* Also covers ordinal scales, which have nothing to compare. */
  if (g_str_equal (md_grade_table_get_id (from), md_grade_table_get_id (to)))
    return g_strdup (grade);

  if (!md_grade_table_is_passing (from, grade))
    return convert_failing (from, to, grade, error);

  if (!require_distribution (from, from, to, error) ||
      !require_distribution (to, from, to, error))
    return NULL;

  md_grade_table_get_interval (from, grade, &lo, &hi);
  return g_strdup (pick_by_overlap (to, lo, hi));
}

struct _MdGradeMapping
{
  char       *id;
  char       *from_id;
  char       *to_id;
  char       *indicative;
  JsonObject *title;
  GStrv       keys;
  GHashTable *map;
};

G_DEFINE_BOXED_TYPE (MdGradeMapping, md_grade_mapping, md_grade_mapping_ref, md_grade_mapping_unref)

static void
md_grade_mapping_clear (gpointer data)
{
  MdGradeMapping *self = data;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->from_id, g_free);
  g_clear_pointer (&self->to_id, g_free);
  g_clear_pointer (&self->indicative, g_free);
  g_clear_pointer (&self->title, json_object_unref);
  g_clear_pointer (&self->keys, g_strfreev);
  g_clear_pointer (&self->map, g_hash_table_unref);
}

MdGradeMapping *
md_grade_mapping_ref (MdGradeMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
md_grade_mapping_unref (MdGradeMapping *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, md_grade_mapping_clear);
}

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError     **error,
             const char  *id,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list ap;

  va_start (ap, format);
  detail = g_strdup_vprintf (format, ap);
  va_end (ap);

  if (id != NULL)
    g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                 _("Grade mapping “%s”: %s"), id, detail);
  else
    g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                 _("Grade mapping: %s"), detail);
}

static gboolean
read_mapping (MdGradeMapping  *self,
              JsonObject      *object,
              GError         **error)
{
  const char *id = md_grade_json_text (json_object_get_member (object, "id"));
  const char *from_id = md_grade_json_text (json_object_get_member (object, "from"));
  const char *to_id = md_grade_json_text (json_object_get_member (object, "to"));
  JsonNode *title = json_object_get_member (object, "title");
  JsonNode *indicative = json_object_get_member (object, "indicative");
  JsonNode *map = json_object_get_member (object, "map");
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GList) members = NULL;

  if (id == NULL)
    {
      set_invalid (error, NULL, _("%s must be non-empty text."), "id");
      return FALSE;
    }
  self->id = g_strdup (id);

  if (g_strcmp0 (md_grade_json_text (json_object_get_member (object, "kind")), "mapping") != 0)
    {
      set_invalid (error, id, _("%s must be “%s”."), "kind", "mapping");
      return FALSE;
    }

  if (from_id == NULL || to_id == NULL)
    {
      set_invalid (error, id, _("%s must be non-empty text."), from_id == NULL ? "from" : "to");
      return FALSE;
    }
  self->from_id = g_strdup (from_id);
  self->to_id = g_strdup (to_id);

  if (title != NULL)
    {
      if (!md_grade_json_title_is_valid (title))
        {
          set_invalid (error, id, _("%s must map language codes to text, with at least “en”."), "title");
          return FALSE;
        }
      self->title = json_object_ref (json_node_get_object (title));
    }

  if (indicative != NULL)
    {
      if (md_grade_json_text (indicative) == NULL)
        {
          set_invalid (error, id, _("%s must be non-empty text."), "indicative");
          return FALSE;
        }
      self->indicative = g_strdup (md_grade_json_text (indicative));
    }

  if (map == NULL || !JSON_NODE_HOLDS_OBJECT (map) ||
      json_object_get_size (json_node_get_object (map)) == 0)
    {
      set_invalid (error, id, _("%s must be a non-empty object from grades of “%s” to grades of “%s”."),
                   "map", from_id, to_id);
      return FALSE;
    }

  members = json_object_get_members (json_node_get_object (map));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *target = md_grade_json_text (json_object_get_member (json_node_get_object (map), l->data));

      if (target == NULL)
        {
          set_invalid (error, id, _("map.%s must be non-empty text."), (const char *) l->data);
          return FALSE;
        }
      g_strv_builder_add (keys, l->data);
      g_hash_table_insert (self->map, g_strdup (l->data), g_strdup (target));
    }
  self->keys = g_strv_builder_end (keys);

  return TRUE;
}

/**
 * md_grade_mapping_new_from_json:
 * @object: a mapping, see docs/grade-conversion.md
 *
 * Only the mapping's own shape is checked here; whether its grades
 * exist is checked against the two scales by md_grade_mapping_check().
 *
 * Returns: (transfer full) (nullable): the mapping, or %NULL with
 *   %MD_GRADE_ERROR_INVALID naming the offending member
 */
MdGradeMapping *
md_grade_mapping_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(MdGradeMapping) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_rc_box_new0 (MdGradeMapping);
  self->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_mapping (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
md_grade_mapping_get_id (MdGradeMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * md_grade_mapping_get_title:
 *
 * Returns: the title in the user's language; the id when the mapping
 *   has no title
 */
const char *
md_grade_mapping_get_title (MdGradeMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->title == NULL)
    return self->id;

  return md_json_pick_translation (self->title);
}

/**
 * md_grade_mapping_get_indicative:
 *
 * Returns: (nullable): why the mapping is only an example, or %NULL
 */
const char *
md_grade_mapping_get_indicative (MdGradeMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->indicative;
}

const char *
md_grade_mapping_get_from_id (MdGradeMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->from_id;
}

const char *
md_grade_mapping_get_to_id (MdGradeMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->to_id;
}

static gboolean
check_target (MdGradeMapping  *self,
              MdGradeTable    *from,
              MdGradeTable    *to,
              const char      *grade,
              GError         **error)
{
  const char *target = g_hash_table_lookup (self->map, grade);
  gboolean passing = md_grade_table_is_passing (from, grade);

  if (md_grade_table_has_grade (to, target))
    {
      if (passing && !md_grade_table_is_passing (to, target))
        set_invalid (error, self->id, _("map.%s: a passing grade cannot become the failing grade “%s”."),
                     grade, target);
      else if (!passing && md_grade_table_is_passing (to, target))
        set_invalid (error, self->id, _("map.%s: a failing grade cannot become the passing grade “%s”."),
                     grade, target);
      else
        return TRUE;
    }
  else if (g_str_equal (target, KEYWORD_PASS))
    {
      if (passing)
        return TRUE;
      set_invalid (error, self->id, _("map.%s: a failing grade cannot map to “%s”."), grade, KEYWORD_PASS);
    }
  else if (g_str_equal (target, KEYWORD_FAIL))
    {
      if (!passing)
        return TRUE;
      set_invalid (error, self->id, _("map.%s: a passing grade cannot map to “%s”."), grade, KEYWORD_FAIL);
    }
  else
    set_invalid (error, self->id, _("map.%s: “%s” is not a grade of “%s”, nor “%s” or “%s”."),
                 grade, target, md_grade_table_get_id (to), KEYWORD_PASS, KEYWORD_FAIL);

  return FALSE;
}

/**
 * md_grade_mapping_check:
 * @from: the scale the mapping converts from
 * @to: the scale it converts to
 *
 * Checks that the mapping is meant for these two scales, that it maps
 * every grade of @from, only to grades of @to or to "pass" or "fail",
 * and that it keeps passing grades passing and failing grades failing.
 *
 * Returns: %FALSE with %MD_GRADE_ERROR_WRONG_TABLE or
 *   %MD_GRADE_ERROR_INVALID when it does not
 */
gboolean
md_grade_mapping_check (MdGradeMapping  *self,
                        MdGradeTable    *from,
                        MdGradeTable    *to,
                        GError         **error)
{
  const char * const *grades;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MD_IS_GRADE_TABLE (from), FALSE);
  g_return_val_if_fail (MD_IS_GRADE_TABLE (to), FALSE);

  if (!g_str_equal (self->from_id, md_grade_table_get_id (from)) ||
      !g_str_equal (self->to_id, md_grade_table_get_id (to)))
    {
      g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_WRONG_TABLE,
                   _("Grade mapping “%s” converts from “%s” to “%s”, not from “%s” to “%s”."),
                   self->id, self->from_id, self->to_id,
                   md_grade_table_get_id (from), md_grade_table_get_id (to));
      return FALSE;
    }

  for (guint i = 0; self->keys[i] != NULL; i++)
    {
      if (!md_grade_table_has_grade (from, self->keys[i]))
        {
          set_invalid (error, self->id, _("map.%s: “%s” is not a grade of “%s”."),
                       self->keys[i], self->keys[i], self->from_id);
          return FALSE;
        }
    }

  grades = md_grade_table_get_grades (from);
  for (guint i = 0; grades[i] != NULL; i++)
    {
      if (!g_hash_table_contains (self->map, grades[i]))
        {
          set_invalid (error, self->id, _("map has no entry for “%s”, a grade of “%s”."),
                       grades[i], self->from_id);
          return FALSE;
        }
      if (!check_target (self, from, to, grades[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * md_grade_mapping_convert:
 * @from: the host institution's scale, the mapping's "from"
 * @to: the home scale, the mapping's "to"
 * @grade: a grade of @from
 *
 * Returns: (transfer full) (nullable): the mapped grade of @to;
 *   %MD_GRADE_RECOGNISED_WITHOUT_GRADE for "pass"; for "fail", the
 *   lowest failing grade of @to if it lists one, otherwise %NULL with
 *   %MD_GRADE_ERROR_NOT_PASSING
 */
char *
md_grade_mapping_convert (MdGradeMapping  *self,
                          MdGradeTable    *from,
                          MdGradeTable    *to,
                          const char      *grade,
                          GError         **error)
{
  const char *target;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (grade != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!md_grade_mapping_check (self, from, to, error) ||
      !require_known (from, grade, error))
    return NULL;

  target = g_hash_table_lookup (self->map, grade);
  if (md_grade_table_has_grade (to, target))
    return g_strdup (target);

  if (g_str_equal (target, KEYWORD_PASS))
    return g_strdup (MD_GRADE_RECOGNISED_WITHOUT_GRADE);

  return convert_failing (from, to, grade, error);
}
