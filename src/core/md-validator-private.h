/* md-validator-private.h: shared by the validator's rule files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-duration.h"
#include "md-validator.h"

G_BEGIN_DECLS

typedef struct
{
  MdDossier   *dossier;
  MdProgramme *programme;
  JsonObject  *activity;
  JsonObject  *institution;
  MdReport    *report;
  GDate        today;
  GDate        start;
  GDate        end;
  gboolean     has_period;   /* both dates valid and in order */
  MdCounting   counting;
  guint        days;         /* in the activity's counting */
  guint        calendar_days;
} MdValidation;

const char *md_validation_text      (MdValidation *v,
                                     const char   *path);
double      md_json_get_number      (JsonObject   *object,
                                     const char   *member,
                                     double        fallback);
gboolean    md_json_array_has_string (JsonArray   *array,
                                      const char  *value);
JsonArray  *md_json_get_array       (JsonObject   *object,
                                     const char   *member);
JsonObject *md_json_get_object      (JsonObject   *object,
                                     const char   *member);

void        md_validate_agreement   (MdValidation *v);
void        md_validate_texts       (MdValidation *v);
void        md_validate_documents   (MdValidation *v);
void        md_validate_approvals   (MdValidation *v);

G_END_DECLS
