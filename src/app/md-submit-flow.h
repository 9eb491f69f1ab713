/* md-submit-flow.h: from the Submit button to the receipt, for a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-outbox-button.h"
#include "md-window.h"

G_BEGIN_DECLS

#define MD_TYPE_SUBMIT_FLOW (md_submit_flow_get_type ())

G_DECLARE_FINAL_TYPE (MdSubmitFlow, md_submit_flow, MD, SUBMIT_FLOW, GObject)

MdSubmitFlow  *md_submit_flow_new        (MdWindow       *window,
                                          MdOutboxButton *button);
gboolean       md_submit_flow_can_submit (MdSubmitFlow   *self);
void           md_submit_flow_submit     (MdSubmitFlow   *self);
MdOutboxEntry *md_submit_flow_get_entry  (MdSubmitFlow   *self);

G_END_DECLS
