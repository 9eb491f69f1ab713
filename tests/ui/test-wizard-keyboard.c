/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard without a mouse: every field has a name for assistive
 * technology, Tab reaches every visible field of a screen in the order
 * it appears on screen, and the screens change with the keyboard.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-component-list.h"
#include "md-field-widget.h"
#include "md-path-text-view.h"
#include "md-test-util.h"
#include "md-window.h"

static void
iterate (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static const char *
accessible_name_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (MD_IS_PATH_TEXT_VIEW (widget))
    return md_path_text_view_get_title (MD_PATH_TEXT_VIEW (widget));
  if (MD_IS_COMPONENT_LIST (widget))
    return md_component_list_get_title (MD_COMPONENT_LIST (widget));
  return NULL;
}

static void
collect_fields (GtkWidget *root,
                GPtrArray *fields)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MD_IS_FIELD_WIDGET (child))
        g_ptr_array_add (fields, child);
      collect_fields (child, fields);
    }
}

static MdWindow *
open_new_dossier (void)
{
  MdWindow *window = md_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 5000);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  iterate ();
  return window;
}

static void
test_every_field_has_a_name (void)
{
  MdWindow *window = open_new_dossier ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  collect_fields (GTK_WIDGET (md_window_get_wizard (window)), fields);
  g_assert_cmpuint (fields->len, >, 40);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = accessible_name_of (fields->pdata[i]);
      const char *path = md_field_widget_get_field_path (fields->pdata[i]);

      if (name == NULL || *name == '\0')
        g_error ("the field bound to %s has no name", path);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
field_holding_focus (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (MD_IS_FIELD_WIDGET (w))
      {
        /* Rows inside a component list belong to the list's order. */
        GtkWidget *outer = gtk_widget_get_ancestor (gtk_widget_get_parent (w), MD_TYPE_COMPONENT_LIST);
        return outer ? outer : w;
      }

  return NULL;
}

static void
test_tab_follows_the_screen (void)
{
  MdWindow *window = open_new_dossier ();
  MdWizard *wizard = md_window_get_wizard (window);

  for (guint page_index = 0; page_index + 1 < md_wizard_get_n_pages (wizard); page_index++)
    {
      GtkWidget *page = GTK_WIDGET (md_wizard_get_page (wizard, page_index));
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();
      g_autoptr(GPtrArray) reached = g_ptr_array_new ();
      double last_y = -1;

      md_wizard_show_page (wizard, page_index);
      iterate ();
      collect_fields (page, fields);
      gtk_window_set_focus (GTK_WINDOW (window), NULL);

      for (guint step = 0; step < 400; step++)
        {
          GtkWidget *field;
          graphene_point_t point;

          gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
          field = field_holding_focus (GTK_WINDOW (window));
          if (field == NULL || !gtk_widget_is_ancestor (field, page) || g_ptr_array_find (reached, field, NULL))
            continue;

          g_ptr_array_add (reached, field);
          g_assert_true (gtk_widget_compute_point (field, page, &GRAPHENE_POINT_INIT (0, 0), &point));
          if (point.y + 0.5 < last_y)
            g_error ("Tab went back up the screen at %s", md_field_widget_get_field_path (MD_FIELD_WIDGET (field)));
          last_y = point.y;
        }

      for (guint i = 0; i < fields->len; i++)
        {
          GtkWidget *field = fields->pdata[i];

          if (!gtk_widget_is_visible (field) || gtk_widget_get_ancestor (gtk_widget_get_parent (field), MD_TYPE_COMPONENT_LIST))
            continue;
          if (!g_ptr_array_find (reached, field, NULL))
            g_error ("Tab never reaches %s on screen %u", md_field_widget_get_field_path (MD_FIELD_WIDGET (field)), page_index + 1);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screens_change_with_the_keyboard (void)
{
  MdWindow *window = open_new_dossier ();
  MdWizard *wizard = md_window_get_wizard (window);

  g_assert_true (md_wizard_get_visible_page (wizard) == md_wizard_get_page (wizard, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (md_wizard_get_visible_page (wizard) == md_wizard_get_page (wizard, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.previous", NULL));
  g_assert_true (md_wizard_get_visible_page (wizard) == md_wizard_get_page (wizard, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-keys-data-XXXXXX");

  g_test_add_func ("/keyboard/names", test_every_field_has_a_name);
  g_test_add_func ("/keyboard/tab-order", test_tab_follows_the_screen);
  g_test_add_func ("/keyboard/screens", test_screens_change_with_the_keyboard);
  return g_test_run ();
}
