/* md-allocation.h: ranking dossiers and sharing out a programme's grants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-inbox-item.h"
#include "md-programme.h"

G_BEGIN_DECLS

typedef enum
{
  MD_OUTCOME_NONE,          /* not part of any allocation run */
  MD_OUTCOME_SELECTED,
  MD_OUTCOME_RESERVE,
  MD_OUTCOME_NOT_ELIGIBLE,
  MD_OUTCOME_REJECTED,
  MD_OUTCOME_OVER_BUDGET,
  MD_OUTCOME_UNSCORED,
} MdOutcome;

typedef struct
{
  MdOutcome   outcome;
  const char *quota_id;     /* the first quota the dossier counts against, or NULL */
  const char *quota_title;  /* translated, or NULL */
  guint       rank;         /* 1… in that quota (in the programme without quotas); 0 = not ranked */
  guint       ranked;       /* how many are ranked there */
  double      score;        /* the weighted score used, NAN when none */
  const char *reason;       /* translated: why this outcome */
} MdAllocationResult;

#define MD_TYPE_ALLOCATION (md_allocation_get_type ())

G_DECLARE_FINAL_TYPE (MdAllocation, md_allocation, MD, ALLOCATION, GObject)

const char               *md_outcome_to_string         (MdOutcome     outcome);
const char               *md_outcome_describe          (MdOutcome     outcome);

MdAllocation             *md_allocation_new            (void);
void                      md_allocation_run            (MdAllocation *self,
                                                        MdProgramme  *programme,
                                                        GListModel   *items);
const MdAllocationResult *md_allocation_lookup         (MdAllocation *self,
                                                        MdInboxItem  *item);
guint                     md_allocation_count          (MdAllocation *self,
                                                        MdProgramme  *programme,
                                                        const char   *quota_id,
                                                        MdOutcome     outcome);
double                    md_allocation_get_budget_used (MdAllocation *self,
                                                         MdProgramme  *programme);

G_END_DECLS
