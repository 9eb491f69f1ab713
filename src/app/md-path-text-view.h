/* md-path-text-view.h: a long text bound to one dossier field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_TEXT_VIEW (md_path_text_view_get_type ())

G_DECLARE_FINAL_TYPE (MdPathTextView, md_path_text_view, MD, PATH_TEXT_VIEW, GtkBox)

const char  *md_path_text_view_get_title     (MdPathTextView *self);
void         md_path_text_view_set_title     (MdPathTextView *self,
                                              const char     *title);
guint        md_path_text_view_get_min_words (MdPathTextView *self);
void         md_path_text_view_set_min_words (MdPathTextView *self,
                                              guint           min_words);
guint        md_path_text_view_get_max_words (MdPathTextView *self);
void         md_path_text_view_set_max_words (MdPathTextView *self,
                                              guint           max_words);
GtkTextView *md_path_text_view_get_text_view (MdPathTextView *self);

G_END_DECLS
