/* md-test-screenshot.c
 *
 * When $MD_SCREENSHOT_DIR is set, saves @widget as
 * "<name>-<language>.png" there; otherwise does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "md-test-screenshot.h"

void
md_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("MD_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  /* Let the entry rows' title animations finish. */
  for (gint64 end = g_get_monotonic_time () + 500 * 1000; g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strdup_printf ("%s-%s.png", name, language && *language ? language : "en");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
