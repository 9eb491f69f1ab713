/* md-review-editor.h: scoring one dossier and recording the decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-inbox-item.h"
#include "md-programme.h"

G_BEGIN_DECLS

#define MD_TYPE_REVIEW_EDITOR (md_review_editor_get_type ())

G_DECLARE_FINAL_TYPE (MdReviewEditor, md_review_editor, MD, REVIEW_EDITOR, AdwBin)

GtkWidget      *md_review_editor_new             (void);
void            md_review_editor_set_item        (MdReviewEditor *self,
                                                  MdInboxItem    *item,
                                                  MdProgramme    *programme);
MdInboxItem    *md_review_editor_get_item        (MdReviewEditor *self);
GtkSpinButton  *md_review_editor_get_score_button (MdReviewEditor *self,
                                                  const char     *criterion);
GtkEditable    *md_review_editor_get_reviewer    (MdReviewEditor *self);
AdwComboRow    *md_review_editor_get_decision_row (MdReviewEditor *self);
GtkEditable    *md_review_editor_get_reason      (MdReviewEditor *self);
GtkEditable    *md_review_editor_get_comment     (MdReviewEditor *self);
gboolean        md_review_editor_is_busy         (MdReviewEditor *self);

G_END_DECLS
