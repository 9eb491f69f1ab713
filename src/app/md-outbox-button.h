/* md-outbox-button.h: the outbox in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-outbox.h"

G_BEGIN_DECLS

#define MD_TYPE_OUTBOX_BUTTON (md_outbox_button_get_type ())

G_DECLARE_FINAL_TYPE (MdOutboxButton, md_outbox_button, MD, OUTBOX_BUTTON, AdwBin)

GtkWidget *md_outbox_button_new        (void);
MdOutbox  *md_outbox_button_get_outbox (MdOutboxButton *self);
void       md_outbox_button_set_outbox (MdOutboxButton *self,
                                        MdOutbox       *outbox);
GtkWidget *md_outbox_button_get_popover (MdOutboxButton *self);
GtkWidget *md_outbox_button_get_list   (MdOutboxButton *self);

G_END_DECLS
