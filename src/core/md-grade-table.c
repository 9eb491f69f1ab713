/* md-grade-table.c
 *
 * A grading scale read from JSON, see docs/grade-conversion.md. Grades
 * are listed best first. A "distribution" scale carries the ECTS Users'
 * Guide 2015 grading table: for each passing grade the percentage of
 * all passing grades it represents, from which each grade gets its
 * cumulative-percentage interval [lo, hi). An "ordinal" scale only
 * orders its grades (pass/fail, letters without statistics), so it can
 * take part in mapping conversions only.
 *
 * Grades after the pass mark are failing grades. They carry no
 * percentage because a grading table counts passing grades only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-grade-private.h"
#include "md-grade-table.h"
#include "md-programme.h"

/* The Users' Guide tables are published rounded to whole percents, so
 * a sum of 99.6 is a correct table; anything further off is a typo. */
#define PERCENT_SUM_TOLERANCE 0.5

typedef struct
{
  double   lo;
  double   hi;
  gboolean passing;
} Grade;

struct _MdGradeTable
{
  GObject           parent_instance;

  char             *id;
  char             *pass_mark;
  char             *indicative;
  JsonObject       *title;
  MdGradeTableKind  kind;
  GStrv             names;
  GArray           *grades;
  GHashTable       *positions;
};

G_DEFINE_FINAL_TYPE (MdGradeTable, md_grade_table, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-grade-error-quark, md_grade_error)

static void
md_grade_table_finalize (GObject *object)
{
  MdGradeTable *self = (MdGradeTable *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->pass_mark, g_free);
  g_clear_pointer (&self->indicative, g_free);
  g_clear_pointer (&self->title, json_object_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->grades, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (md_grade_table_parent_class)->finalize (object);
}

static void
md_grade_table_class_init (MdGradeTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_grade_table_finalize;
}

static void
md_grade_table_init (MdGradeTable *self)
{
  self->grades = g_array_new (FALSE, TRUE, sizeof (Grade));
  /* Keys point into self->names, which lives as long as the table. */
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
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
                 _("Grading table “%s”: %s"), id, detail);
  else
    g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                 _("Grading table: %s"), detail);
}

/* Non-empty text, or NULL. */
const char *
md_grade_json_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return NULL;

  return json_node_get_string (node);
}

static gboolean
node_holds_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* md_json_pick_translation() trusts every member to be text, so a
 * title is checked whole here rather than failing later in the UI. */
gboolean
md_grade_json_title_is_valid (JsonNode *node)
{
  g_autoptr(GList) members = NULL;
  JsonObject *texts;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  texts = json_node_get_object (node);
  members = json_object_get_members (texts);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (md_grade_json_text (json_object_get_member (texts, l->data)) == NULL)
        return FALSE;
    }

  return md_grade_json_text (json_object_get_member (texts, "en")) != NULL;
}

static gboolean
read_header (MdGradeTable  *self,
             JsonObject    *object,
             GError       **error)
{
  const char *id = md_grade_json_text (json_object_get_member (object, "id"));
  const char *kind = md_grade_json_text (json_object_get_member (object, "kind"));
  const char *pass_mark = md_grade_json_text (json_object_get_member (object, "pass_mark"));
  JsonNode *title = json_object_get_member (object, "title");
  JsonNode *indicative = json_object_get_member (object, "indicative");

  if (id == NULL)
    {
      set_invalid (error, NULL, _("%s must be non-empty text."), "id");
      return FALSE;
    }
  self->id = g_strdup (id);

  if (g_strcmp0 (kind, "distribution") == 0)
    self->kind = MD_GRADE_TABLE_DISTRIBUTION;
  else if (g_strcmp0 (kind, "ordinal") == 0)
    self->kind = MD_GRADE_TABLE_ORDINAL;
  else if (g_strcmp0 (kind, "mapping") == 0)
    {
      set_invalid (error, id, _("its kind is “mapping”: it maps one scale onto another and is not a grading scale."));
      return FALSE;
    }
  else
    {
      set_invalid (error, id, _("%s must be “%s” or “%s”."), "kind", "distribution", "ordinal");
      return FALSE;
    }

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

  if (pass_mark == NULL)
    {
      set_invalid (error, id, _("%s must be non-empty text."), "pass_mark");
      return FALSE;
    }
  self->pass_mark = g_strdup (pass_mark);

  return TRUE;
}

/* Reads grades[index]; a passing grade of a distribution scale also
 * gets its percentage, stored in grade->hi until the intervals are
 * computed. */
static const char *
read_grade (MdGradeTable  *self,
            JsonNode      *element,
            guint          index,
            Grade         *grade,
            GError       **error)
{
  JsonObject *object;
  JsonNode *percent;
  const char *name;

  if (self->kind == MD_GRADE_TABLE_ORDINAL)
    {
      name = md_grade_json_text (element);
      if (name == NULL)
        set_invalid (error, self->id, _("grades[%u] must be non-empty text."), index);
      return name;
    }

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      set_invalid (error, self->id, _("grades[%u] must be an object with “grade” and “percent”."), index);
      return NULL;
    }

  object = json_node_get_object (element);
  name = md_grade_json_text (json_object_get_member (object, "grade"));
  if (name == NULL)
    {
      set_invalid (error, self->id, _("grades[%u].grade must be non-empty text."), index);
      return NULL;
    }

  percent = json_object_get_member (object, "percent");
  if (!grade->passing)
    {
      if (percent != NULL)
        {
          set_invalid (error, self->id,
                       _("grades[%u].percent: “%s” comes after the pass mark, and a grading table counts passing grades only."),
                       index, name);
          return NULL;
        }
      return name;
    }

  if (!node_holds_number (percent))
    {
      set_invalid (error, self->id, _("grades[%u].percent must be a number."), index);
      return NULL;
    }
  if (json_node_get_double (percent) < 0)
    {
      set_invalid (error, self->id, _("grades[%u].percent must not be negative."), index);
      return NULL;
    }

  grade->hi = json_node_get_double (percent);
  return name;
}

static gboolean
read_grades (MdGradeTable  *self,
             JsonObject    *object,
             GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  /* Holds the parser's strings, valid while @object is. */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (object, "grades");
  gboolean seen_pass_mark = FALSE;
  JsonArray *array;
  guint length;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    {
      set_invalid (error, self->id, _("%s must be a non-empty list, best grade first."), "grades");
      return FALSE;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      Grade grade = { 0, 0, !seen_pass_mark };
      const char *name = read_grade (self, json_array_get_element (array, i), i, &grade, error);

      if (name == NULL)
        return FALSE;

      if (!g_hash_table_add (seen, (gpointer) name))
        {
          if (self->kind == MD_GRADE_TABLE_ORDINAL)
            set_invalid (error, self->id, _("grades[%u] “%s” is listed twice."), i, name);
          else
            set_invalid (error, self->id, _("grades[%u].grade “%s” is listed twice."), i, name);
          return FALSE;
        }
      g_array_append_val (self->grades, grade);
      g_strv_builder_add (names, name);

      if (g_str_equal (name, self->pass_mark))
        seen_pass_mark = TRUE;
    }

  self->names = g_strv_builder_end (names);
  for (guint i = 0; self->names[i] != NULL; i++)
    g_hash_table_insert (self->positions, self->names[i], GUINT_TO_POINTER (i));

  if (!seen_pass_mark)
    {
      set_invalid (error, self->id, _("pass_mark “%s” is not one of the grades."), self->pass_mark);
      return FALSE;
    }

  return TRUE;
}

/* Turns the percentages into cumulative intervals. They are scaled to
 * add up to exactly 100 so that two tables rounded differently still
 * cover the same range and can be compared. */
static gboolean
compute_intervals (MdGradeTable  *self,
                   GError       **error)
{
  double sum = 0;
  double cumulative = 0;
  guint last_passing = 0;

  for (guint i = 0; i < self->grades->len; i++)
    {
      Grade *grade = &g_array_index (self->grades, Grade, i);

      if (grade->passing)
        {
          sum += grade->hi;
          last_passing = i;
        }
    }

  if (fabs (sum - 100) > PERCENT_SUM_TOLERANCE)
    {
      set_invalid (error, self->id,
                   _("the percentages of the passing grades add up to %g, not 100."), sum);
      return FALSE;
    }

  for (guint i = 0; i <= last_passing; i++)
    {
      Grade *grade = &g_array_index (self->grades, Grade, i);
      double percent = grade->hi;

      grade->lo = cumulative * 100 / sum;
      cumulative += percent;
      grade->hi = i == last_passing ? 100 : cumulative * 100 / sum;
    }

  return TRUE;
}

/**
 * md_grade_table_new_from_json:
 * @object: a grading scale, see docs/grade-conversion.md
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with
 *   %MD_GRADE_ERROR_INVALID naming the offending member
 */
MdGradeTable *
md_grade_table_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(MdGradeTable) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MD_TYPE_GRADE_TABLE, NULL);
  if (!read_header (self, object, error) ||
      !read_grades (self, object, error))
    return NULL;

  if (self->kind == MD_GRADE_TABLE_DISTRIBUTION && !compute_intervals (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
md_grade_table_get_id (MdGradeTable *self)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), NULL);

  return self->id;
}

/**
 * md_grade_table_get_title:
 *
 * Returns: the title in the user's language; the id when the table has
 *   no title
 */
const char *
md_grade_table_get_title (MdGradeTable *self)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), NULL);

  if (self->title == NULL)
    return self->id;

  return md_json_pick_translation (self->title);
}

/**
 * md_grade_table_get_indicative:
 *
 * Returns: (nullable): why the table is only an example (constructed
 *   data rather than an institution's published table), or %NULL
 */
const char *
md_grade_table_get_indicative (MdGradeTable *self)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), NULL);

  return self->indicative;
}

MdGradeTableKind
md_grade_table_get_kind (MdGradeTable *self)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), MD_GRADE_TABLE_ORDINAL);

  return self->kind;
}

const char *
md_grade_table_get_pass_mark (MdGradeTable *self)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), NULL);

  return self->pass_mark;
}

/**
 * md_grade_table_get_grades:
 *
 * Returns: (transfer none): all grades, best first, passing grades
 *   before failing ones
 */
const char * const *
md_grade_table_get_grades (MdGradeTable *self)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), NULL);

  return (const char * const *) self->names;
}

static const Grade *
lookup (MdGradeTable *self,
        const char   *grade)
{
  gpointer position;

  if (grade == NULL || !g_hash_table_lookup_extended (self->positions, grade, NULL, &position))
    return NULL;

  return &g_array_index (self->grades, Grade, GPOINTER_TO_UINT (position));
}

gboolean
md_grade_table_has_grade (MdGradeTable *self,
                          const char   *grade)
{
  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), FALSE);

  return lookup (self, grade) != NULL;
}

gboolean
md_grade_table_is_passing (MdGradeTable *self,
                           const char   *grade)
{
  const Grade *found;

  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), FALSE);

  found = lookup (self, grade);
  return found != NULL && found->passing;
}

/**
 * md_grade_table_get_interval:
 * @lo: (out) (optional): where the grade's cumulative percentage starts
 * @hi: (out) (optional): where it ends (excluded)
 *
 * Returns: %TRUE for a passing grade of a distribution scale; failing
 *   grades, unknown grades and ordinal scales have no interval
 */
gboolean
md_grade_table_get_interval (MdGradeTable *self,
                             const char   *grade,
                             double       *lo,
                             double       *hi)
{
  const Grade *found;

  g_return_val_if_fail (MD_IS_GRADE_TABLE (self), FALSE);

  found = lookup (self, grade);
  if (self->kind != MD_GRADE_TABLE_DISTRIBUTION || found == NULL || !found->passing)
    return FALSE;

  if (lo != NULL)
    *lo = found->lo;
  if (hi != NULL)
    *hi = found->hi;
  return TRUE;
}
