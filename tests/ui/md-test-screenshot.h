/* md-test-screenshot.h: PNGs of the real widgets, for looking at them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void md_test_save_screenshot (GtkWidget  *widget,
                              const char *name);

G_END_DECLS
