/* md-review-private.h: shared by md-review.c (the file) and
 * md-review-scores.c (scores and decisions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-review.h"

G_BEGIN_DECLS

struct _MdReview
{
  GObject     parent_instance;

  JsonObject *root;
};

G_END_DECLS
