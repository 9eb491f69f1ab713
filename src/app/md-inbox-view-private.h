/* md-inbox-view-private.h: shared by md-inbox-view.c (models, filters,
 * selection) and md-inbox-view-columns.c (columns, cells, sorters)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-inbox-view.h"

G_BEGIN_DECLS

struct _MdInboxView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *filter_button;
  GtkFlowBox          *filter_box;
  GtkColumnView       *column_view;
  GtkStack            *stack;

  GListModel          *model;
  MdAllocation        *allocation;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkEveryFilter      *every_filter;
  GtkStringFilter     *name_filter;
  GtkStringFilter     *email_filter;
  GtkStringFilter     *choice_filters[MD_INBOX_N_FILTERS];
  GtkDropDown         *drop_downs[MD_INBOX_N_FILTERS];
  GPtrArray           *choice_values[MD_INBOX_N_FILTERS];  /* [0] is NULL: "all" */
};

void           md_inbox_view_add_columns         (MdInboxView *self);
void           md_inbox_view_show_essential_columns (MdInboxView *self,
                                                     gboolean     essential_only);
GtkExpression *md_inbox_view_state_expression    (void);
GtkExpression *md_inbox_view_decision_expression (void);
MdOutcome      md_inbox_view_outcome_of          (MdInboxItem *item);

G_END_DECLS
