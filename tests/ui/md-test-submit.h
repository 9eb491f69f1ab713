/* md-test-submit.h: what the submission tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-application.h"
#include "md-outbox-entry.h"
#include "md-preferences-window.h"

G_BEGIN_DECLS

gpointer             md_test_find_visible_toplevel (GType           type);
gboolean             md_test_message_dialog_shown  (gpointer        data);
MdOutboxEntry       *md_test_find_outbox_entry     (MdApplication  *app,
                                                    const char     *dossier_id,
                                                    const char     *uri);
MdOutboxEntry       *md_test_wait_for_outbox_entry (MdApplication  *app,
                                                    const char     *dossier_id,
                                                    const char     *uri,
                                                    MdOutboxState   state,
                                                    gint64          limit_us);
gboolean             md_test_receipt_saved         (gpointer        window);
AdwComboRow         *md_test_find_submission_type_row (MdPreferencesWindow *preferences);
MdPreferencesWindow *md_test_open_preferences      (MdApplication  *app);

G_END_DECLS
