/* md-grant-estimate.h: what the grant will roughly be, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-dossier.h"
#include "md-programme.h"

G_BEGIN_DECLS

#define MD_GRANT_ERROR (md_grant_error_quark ())

typedef enum
{
  MD_GRANT_ERROR_INCOMPLETE,
  MD_GRANT_ERROR_NO_RATES,
} MdGrantError;

typedef struct
{
  char   *id;       /* "individual", "travel", "top_up.fewer_opportunities"… */
  char   *label;    /* translated */
  char   *detail;   /* translated: how it was computed */
  double  amount;   /* euro */
} MdGrantLine;

#define MD_TYPE_GRANT_ESTIMATE (md_grant_estimate_get_type ())

G_DECLARE_FINAL_TYPE (MdGrantEstimate, md_grant_estimate, MD, GRANT_ESTIMATE, GObject)

GQuark             md_grant_error_quark           (void);

MdGrantEstimate   *md_grant_estimate_compute      (MdDossier       *dossier,
                                                   MdProgramme     *programme,
                                                   GError         **error);
guint              md_grant_estimate_get_n_lines  (MdGrantEstimate *self);
const MdGrantLine *md_grant_estimate_get_line     (MdGrantEstimate *self,
                                                   guint            index);
const MdGrantLine *md_grant_estimate_find_line    (MdGrantEstimate *self,
                                                   const char      *id);
double             md_grant_estimate_get_total    (MdGrantEstimate *self);
gboolean           md_grant_estimate_is_indicative (MdGrantEstimate *self);
char              *md_grant_estimate_to_text      (MdGrantEstimate *self);

G_END_DECLS
