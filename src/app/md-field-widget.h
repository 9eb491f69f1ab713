/* md-field-widget.h: a widget that edits one dossier field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "md-dossier.h"
#include "md-report.h"

G_BEGIN_DECLS

/* The binding state every field widget embeds: the field path it names
 * in its template, the dossier it shows, and a guard so that showing a
 * model value does not write it back. */
typedef struct
{
  GtkWidget *owner;
  char      *path;
  MdDossier *dossier;
  gulong     changed_handler;
  gboolean   syncing;
} MdFieldBinding;

#define MD_TYPE_FIELD_WIDGET (md_field_widget_get_type ())

G_DECLARE_INTERFACE (MdFieldWidget, md_field_widget, MD, FIELD_WIDGET, GtkWidget)

struct _MdFieldWidgetInterface
{
  GTypeInterface parent_iface;

  MdFieldBinding *(*get_binding) (MdFieldWidget *self);
  /* Show the model's value at the binding's path (NULL node: empty). */
  void            (*show_value)  (MdFieldWidget *self,
                                  JsonNode      *value);
  /* Show the first problem of the field, or clear it with NULL. */
  void            (*show_issue)  (MdFieldWidget *self,
                                  const char    *message);
};

const char *md_field_widget_get_field_path (MdFieldWidget  *self);
void        md_field_widget_class_install_field_path
                                           (GObjectClass   *object_class);
void        md_field_widget_set_dossier    (MdFieldWidget  *self,
                                            MdDossier      *dossier);
void        md_field_widget_show_issue     (MdFieldWidget  *self,
                                            const char     *message);

void        md_field_binding_init          (MdFieldBinding *binding,
                                            GtkWidget      *owner);
void        md_field_binding_clear         (MdFieldBinding *binding);
void        md_field_binding_set_path      (MdFieldBinding *binding,
                                            const char     *path);
gboolean    md_field_binding_store         (MdFieldBinding *binding,
                                            JsonNode       *value);
void        md_field_binding_store_string  (MdFieldBinding *binding,
                                            const char     *text);

void        md_field_show_issue_on_row     (GtkWidget      *row,
                                            GtkWidget     **issue_icon,
                                            const char     *message);
void        md_field_name_parts            (GtkWidget      *root,
                                            const char     *name);
void        md_field_name_row_parts        (GtkWidget      *row);

void        md_bind_field_widgets          (GtkWidget      *root,
                                            MdDossier      *dossier);
void        md_show_field_issues           (GtkWidget      *root,
                                            MdReport       *report);
GtkWidget  *md_find_field_widget           (GtkWidget      *root,
                                            const char     *path);

G_END_DECLS
