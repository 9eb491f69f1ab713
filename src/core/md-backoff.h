/* md-backoff.h: when to try a failed submission again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_BACKOFF (md_backoff_get_type ())

G_DECLARE_FINAL_TYPE (MdBackoff, md_backoff, MD, BACKOFF, GObject)

/* The defaults: 30 s, doubling, at most 1 h, up to 25 % earlier. */
#define MD_BACKOFF_DEFAULT_BASE    (30 * G_USEC_PER_SEC)
#define MD_BACKOFF_DEFAULT_CAP     (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define MD_BACKOFF_DEFAULT_JITTER  0.25

MdBackoff *md_backoff_new               (void);
MdBackoff *md_backoff_new_full          (gint64     base_usec,
                                         gint64     cap_usec,
                                         double     jitter,
                                         GRand     *rand);
gint64     md_backoff_get_base          (MdBackoff *self);
gint64     md_backoff_get_cap           (MdBackoff *self);
double     md_backoff_get_jitter        (MdBackoff *self);
gint64     md_backoff_get_nominal_delay (MdBackoff *self,
                                         guint      attempt);
gint64     md_backoff_get_delay         (MdBackoff *self,
                                         guint      attempt);

G_END_DECLS
