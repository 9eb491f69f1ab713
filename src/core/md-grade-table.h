/* md-grade-table.h: one grading scale, with or without a grading table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MD_TYPE_GRADE_TABLE (md_grade_table_get_type ())

G_DECLARE_FINAL_TYPE (MdGradeTable, md_grade_table, MD, GRADE_TABLE, GObject)

#define MD_GRADE_ERROR (md_grade_error_quark ())

typedef enum
{
  MD_GRADE_ERROR_INVALID,
  MD_GRADE_ERROR_UNKNOWN_GRADE,
  MD_GRADE_ERROR_NOT_PASSING,
  MD_GRADE_ERROR_NO_DISTRIBUTION,
  MD_GRADE_ERROR_WRONG_TABLE,
} MdGradeError;

typedef enum
{
  MD_GRADE_TABLE_DISTRIBUTION,
  MD_GRADE_TABLE_ORDINAL,
} MdGradeTableKind;

GQuark               md_grade_error_quark         (void);

MdGradeTable        *md_grade_table_new_from_json (JsonObject    *object,
                                                   GError       **error);
const char          *md_grade_table_get_id        (MdGradeTable  *self);
const char          *md_grade_table_get_title     (MdGradeTable  *self);
const char          *md_grade_table_get_indicative (MdGradeTable *self);
MdGradeTableKind     md_grade_table_get_kind      (MdGradeTable  *self);
const char          *md_grade_table_get_pass_mark (MdGradeTable  *self);
const char * const  *md_grade_table_get_grades    (MdGradeTable  *self);
gboolean             md_grade_table_has_grade     (MdGradeTable  *self,
                                                   const char    *grade);
gboolean             md_grade_table_is_passing    (MdGradeTable  *self,
                                                   const char    *grade);
gboolean             md_grade_table_get_interval  (MdGradeTable  *self,
                                                   const char    *grade,
                                                   double        *lo,
                                                   double        *hi);

G_END_DECLS
