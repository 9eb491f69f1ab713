/* md-app-types.c
 *
 * Templates name our widgets by class name ("MdPathSwitchRow"), and
 * GtkBuilder can only find a class that has been registered; nothing
 * else would register a widget that is only ever made from a template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-app-types.h"
#include "md-component-list.h"
#include "md-inbox-detail.h"
#include "md-inbox-view.h"
#include "md-outbox-button.h"
#include "md-page-agreement.h"
#include "md-page-documents.h"
#include "md-page-mobility.h"
#include "md-page-motivation.h"
#include "md-page-programme.h"
#include "md-page-review.h"
#include "md-page-study-plan.h"
#include "md-path-combo-row.h"
#include "md-path-code-row.h"
#include "md-path-date-row.h"
#include "md-path-entry-row.h"
#include "md-path-switch-row.h"
#include "md-path-text-view.h"
#include "md-review-editor.h"
#include "md-wizard.h"

/**
 * md_app_register_types:
 *
 * Registers every widget class that templates may use. Call it before
 * building any template; calling it again does nothing.
 */
void
md_app_register_types (void)
{
  g_type_ensure (MD_TYPE_COMPONENT_LIST);
  g_type_ensure (MD_TYPE_INBOX_DETAIL);
  g_type_ensure (MD_TYPE_INBOX_VIEW);
  g_type_ensure (MD_TYPE_OUTBOX_BUTTON);
  g_type_ensure (MD_TYPE_PAGE_AGREEMENT);
  g_type_ensure (MD_TYPE_PAGE_DOCUMENTS);
  g_type_ensure (MD_TYPE_PAGE_MOBILITY);
  g_type_ensure (MD_TYPE_PAGE_MOTIVATION);
  g_type_ensure (MD_TYPE_PAGE_PROGRAMME);
  g_type_ensure (MD_TYPE_PAGE_REVIEW);
  g_type_ensure (MD_TYPE_PAGE_STUDY_PLAN);
  g_type_ensure (MD_TYPE_PATH_COMBO_ROW);
  g_type_ensure (MD_TYPE_PATH_CODE_ROW);
  g_type_ensure (MD_TYPE_PATH_DATE_ROW);
  g_type_ensure (MD_TYPE_PATH_ENTRY_ROW);
  g_type_ensure (MD_TYPE_PATH_SWITCH_ROW);
  g_type_ensure (MD_TYPE_PATH_TEXT_VIEW);
  g_type_ensure (MD_TYPE_REVIEW_EDITOR);
  g_type_ensure (MD_TYPE_WIZARD);
}
