/* md-grade-conversion.h: converting a host grade to the home scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-grade-table.h"

G_BEGIN_DECLS

/* What a mapping's "pass" gives: the course is recognised as passed,
 * without a grade on the home scale. */
#define MD_GRADE_RECOGNISED_WITHOUT_GRADE "P"

#define MD_TYPE_GRADE_MAPPING (md_grade_mapping_get_type ())

typedef struct _MdGradeMapping MdGradeMapping;

char           *md_grade_convert                (MdGradeTable    *from,
                                                 MdGradeTable    *to,
                                                 const char      *grade,
                                                 GError         **error);

GType           md_grade_mapping_get_type       (void) G_GNUC_CONST;
MdGradeMapping *md_grade_mapping_new_from_json  (JsonObject      *object,
                                                 GError         **error);
MdGradeMapping *md_grade_mapping_ref            (MdGradeMapping  *self);
void            md_grade_mapping_unref          (MdGradeMapping  *self);
const char     *md_grade_mapping_get_id         (MdGradeMapping  *self);
const char     *md_grade_mapping_get_title      (MdGradeMapping  *self);
const char     *md_grade_mapping_get_indicative (MdGradeMapping  *self);
const char     *md_grade_mapping_get_from_id    (MdGradeMapping  *self);
const char     *md_grade_mapping_get_to_id      (MdGradeMapping  *self);
gboolean        md_grade_mapping_check          (MdGradeMapping  *self,
                                                 MdGradeTable    *from,
                                                 MdGradeTable    *to,
                                                 GError         **error);
char           *md_grade_mapping_convert        (MdGradeMapping  *self,
                                                 MdGradeTable    *from,
                                                 MdGradeTable    *to,
                                                 const char      *grade,
                                                 GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdGradeMapping, md_grade_mapping_unref)

G_END_DECLS
