/* md-test-util.h: main-loop, lookup and fixture helpers shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard.h"

G_BEGIN_DECLS

typedef gboolean (*MdTestCondition) (gpointer data);

void              md_test_init_ui             (int             *argc,
                                               char          ***argv,
                                               const char      *data_template);

void              md_test_iterate             (void);
void              md_test_iterate_for         (guint            milliseconds);
void              md_test_wait_until_at       (const char      *where,
                                               const char      *condition_name,
                                               MdTestCondition  condition,
                                               gpointer         data,
                                               gint64           limit_us);
/* A wait that runs out names its caller and the condition it waited for. */
#define md_test_wait_until(condition, data, limit_us) \
  md_test_wait_until_at (G_STRLOC, #condition, (condition), (data), (limit_us))

GtkWidget        *md_test_find_descendant     (GtkWidget       *root,
                                               GType            type);
AdwMessageDialog *md_test_find_message_dialog (void);

typedef gboolean (*MdTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

GtkWidget        *md_test_find_widget         (GtkWidget         *root,
                                               MdTestWidgetMatch  match,
                                               gconstpointer      data);
guint             md_test_count_widgets       (GtkWidget         *root,
                                               MdTestWidgetMatch  match,
                                               gconstpointer      data);

GtkWidget        *md_test_find_field          (GtkWidget       *root,
                                               const char      *path);
void              md_test_type_text           (GtkWidget       *root,
                                               const char      *path,
                                               const char      *text);
void              md_test_choose              (GtkWidget       *root,
                                               const char      *path,
                                               const char      *value);
void              md_test_switch_on           (GtkWidget       *root,
                                               const char      *path);
void              md_test_assert_text_contains (const char *text,
                                                const char *expected);
void              md_test_assert_text_lacks    (const char *text,
                                                const char *unexpected);

JsonNode         *md_test_lookup_value        (MdDossier       *dossier,
                                               const char      *path,
                                               GType            type);

gboolean          md_test_report_has          (MdWizard        *wizard,
                                               const char      *path,
                                               const char      *rule);

/* One wizard screen in a window of its own, bound to a dossier. */
typedef struct
{
  GtkWindow           *window;
  MdWizard            *wizard;
  GtkWidget           *page;
  MdDossier           *dossier;
  MdProgrammeRegistry *registry;
} MdTestPageFixture;

void              md_test_page_fixture_set_up    (MdTestPageFixture *fixture,
                                                  GtkWidget         *page,
                                                  MdDossier         *dossier,
                                                  int                width,
                                                  int                height);
void              md_test_page_fixture_tear_down (MdTestPageFixture *fixture);

G_END_DECLS
