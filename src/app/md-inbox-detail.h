/* md-inbox-detail.h: one received dossier, read-only, and its review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-inbox.h"
#include "md-review-editor.h"

G_BEGIN_DECLS

#define MD_TYPE_INBOX_DETAIL (md_inbox_detail_get_type ())

G_DECLARE_FINAL_TYPE (MdInboxDetail, md_inbox_detail, MD, INBOX_DETAIL, AdwBin)

GtkWidget      *md_inbox_detail_new              (void);
void            md_inbox_detail_set_inbox        (MdInboxDetail *self,
                                                  MdInbox       *inbox);
void            md_inbox_detail_set_item         (MdInboxDetail *self,
                                                  MdInboxItem   *item);
MdInboxItem    *md_inbox_detail_get_item         (MdInboxDetail *self);
MdDossier      *md_inbox_detail_get_dossier      (MdInboxDetail *self);
AdwViewStack   *md_inbox_detail_get_view_stack   (MdInboxDetail *self);
MdReviewEditor *md_inbox_detail_get_review_editor (MdInboxDetail *self);
gboolean        md_inbox_detail_is_loading       (MdInboxDetail *self);

G_END_DECLS
