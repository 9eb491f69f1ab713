/* md-inbox-view.h: the coordinator's sortable, filterable table of dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-allocation.h"
#include "md-inbox-item.h"

G_BEGIN_DECLS

typedef enum
{
  MD_INBOX_FILTER_PROGRAMME,
  MD_INBOX_FILTER_ACTIVITY,
  MD_INBOX_FILTER_DESTINATION,
  MD_INBOX_FILTER_STATE,
  MD_INBOX_FILTER_DECISION,
  MD_INBOX_N_FILTERS
} MdInboxFilter;

#define MD_TYPE_INBOX_VIEW (md_inbox_view_get_type ())

G_DECLARE_FINAL_TYPE (MdInboxView, md_inbox_view, MD, INBOX_VIEW, AdwBin)

GtkWidget           *md_inbox_view_new               (void);
void                 md_inbox_view_set_model         (MdInboxView   *self,
                                                      GListModel    *model);
void                 md_inbox_view_set_allocation    (MdInboxView   *self,
                                                      MdAllocation  *allocation);
void                 md_inbox_view_set_compact       (MdInboxView   *self,
                                                      gboolean       compact);
GListModel          *md_inbox_view_get_visible_items (MdInboxView   *self);
GtkSorter           *md_inbox_view_get_sorter        (MdInboxView   *self);
MdInboxItem         *md_inbox_view_get_selected_item (MdInboxView   *self);
void                 md_inbox_view_select_item       (MdInboxView   *self,
                                                      MdInboxItem   *item);
void                 md_inbox_view_refresh           (MdInboxView   *self);
GtkColumnView       *md_inbox_view_get_column_view   (MdInboxView   *self);
GtkColumnViewColumn *md_inbox_view_get_column        (MdInboxView   *self,
                                                      const char    *id);
GtkEditable         *md_inbox_view_get_search_entry  (MdInboxView   *self);
GtkDropDown         *md_inbox_view_get_filter        (MdInboxView   *self,
                                                      MdInboxFilter  filter);
gboolean             md_inbox_view_choose_filter     (MdInboxView   *self,
                                                      MdInboxFilter  filter,
                                                      const char    *value);

const char          *md_inbox_view_state_key         (MdInboxItem   *item);
const char          *md_inbox_view_decision_key      (MdInboxItem   *item);

G_END_DECLS
