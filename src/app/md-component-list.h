/* md-component-list.h: edits one list of learning-agreement components
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_COMPONENT_LIST (md_component_list_get_type ())

G_DECLARE_FINAL_TYPE (MdComponentList, md_component_list, MD, COMPONENT_LIST, GtkBox)

const char *md_component_list_get_title       (MdComponentList *self);
void        md_component_list_set_title       (MdComponentList *self,
                                               const char      *title);
const char *md_component_list_get_description (MdComponentList *self);
void        md_component_list_set_description (MdComponentList *self,
                                               const char      *description);
gboolean    md_component_list_get_show_term   (MdComponentList *self);
void        md_component_list_set_show_term   (MdComponentList *self,
                                               gboolean         show_term);
double      md_component_list_get_total       (MdComponentList *self);
GtkButton  *md_component_list_get_add_button  (MdComponentList *self);

G_END_DECLS
