/* md-page-review.h: the "Review" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_REVIEW (md_page_review_get_type ())

G_DECLARE_FINAL_TYPE (MdPageReview, md_page_review, MD, PAGE_REVIEW, AdwBin)

GtkWidget *md_page_review_new (void);

G_END_DECLS
