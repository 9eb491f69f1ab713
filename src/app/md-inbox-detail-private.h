/* md-inbox-detail-private.h: shared by md-inbox-detail.c (loading,
 * layout) and md-inbox-detail-sections.c (the read-only sections)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-inbox-detail.h"
#include "md-report.h"

G_BEGIN_DECLS

struct _MdInboxDetail
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *unreadable_page;
  AdwViewStack   *view_stack;
  GtkBox         *sections_box;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkWidget      *integrity_banner;
  MdReviewEditor *review_editor;

  MdInbox        *inbox;
  MdInboxItem    *item;
  MdDossier      *dossier;
  GPtrArray      *sections;       /* the groups below the title */
  GCancellable   *cancellable;    /* the current load */
  GCancellable   *open_cancellable;
};

GtkWidget *md_inbox_detail_create_validation_group  (MdReport      *report);
GtkWidget *md_inbox_detail_create_estimate_group    (MdDossier     *dossier,
                                                     MdProgramme   *programme);
GtkWidget *md_inbox_detail_create_applicant_group   (MdDossier     *dossier);
GtkWidget *md_inbox_detail_create_mobility_group    (MdDossier     *dossier,
                                                     MdInboxItem   *item);
GtkWidget *md_inbox_detail_create_texts_group       (MdDossier     *dossier);
GtkWidget *md_inbox_detail_create_agreement_group   (MdDossier     *dossier);
GtkWidget *md_inbox_detail_create_attachments_group (MdInboxDetail *self,
                                                     MdDossier     *dossier);
GtkWidget *md_inbox_detail_create_file_group        (MdInboxItem   *item);
void       md_inbox_detail_open_attachment          (MdInboxDetail *self,
                                                     guint          index);

G_END_DECLS
