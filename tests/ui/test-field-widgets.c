/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each field widget on its own: edits reach the model with the right
 * JSON type, model changes reach the widget, and issues show and clear.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-component-list.h"
#include "md-countries.h"
#include "md-path-combo-row.h"
#include "md-path-code-row.h"
#include "md-path-date-row.h"
#include "md-path-entry-row.h"
#include "md-path-switch-row.h"
#include "md-path-text-view.h"
#include "md-test-util.h"

#define PROGRAMME "erasmus-ka131-2024"

static GtkWindow *
present (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_append (GTK_LIST_BOX (list), widget);
      gtk_window_set_child (window, list);
    }
  else
    gtk_window_set_child (window, widget);

  gtk_window_present (window);
  md_test_iterate ();
  return window;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  md_test_iterate ();
}

static MdDossier *
bind_new_dossier (gpointer widget)
{
  MdDossier *dossier = md_dossier_new (PROGRAMME, "2024");

  md_field_widget_set_dossier (MD_FIELD_WIDGET (widget), dossier);
  return dossier;
}

static void
assert_value_type (MdDossier  *dossier,
                   const char *path,
                   GType       type)
{
  JsonNode *node = md_dossier_lookup (dossier, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == type);
}

static void
assert_row_issue (gpointer    widget,
                  const char *message)
{
  md_field_widget_show_issue (MD_FIELD_WIDGET (widget), message);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "error"));
  md_field_widget_show_issue (MD_FIELD_WIDGET (widget), NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (widget), "error"));
}

static GtkWidget *
find_button_with_icon (GtkWidget  *root,
                       const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
        return child;
      found = find_button_with_icon (child, icon_name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_switch_row (void)
{
  const char *path = "applicant.scholarship";
  MdPathSwitchRow *row = g_object_new (MD_TYPE_PATH_SWITCH_ROW,
                                       "field-path", path, "title", "Scholarship", NULL);
  GtkWindow *window = present (GTK_WIDGET (row));
  g_autoptr(MdDossier) dossier = bind_new_dossier (row);
  GtkSwitch *toggle = md_path_switch_row_get_switch (row);

  /* Unanswered: shown as off, and showing it wrote nothing. */
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_null (md_dossier_lookup (dossier, path));

  gtk_switch_set_active (toggle, TRUE);
  assert_value_type (dossier, path, G_TYPE_BOOLEAN);
  g_assert_true (md_dossier_get_boolean (dossier, path));

  /* Activating the row (click, Space, Enter) flips the switch, at the
   * end of its animation. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  md_test_iterate_for (500);
  assert_value_type (dossier, path, G_TYPE_BOOLEAN);
  g_assert_false (md_dossier_get_boolean (dossier, path));

  md_dossier_set_boolean (dossier, path, TRUE, NULL);
  g_assert_true (gtk_switch_get_active (toggle));

  assert_row_issue (row, "Say whether you receive a scholarship.");
  close_window (window);
}

static void
test_combo_row_text (void)
{
  const char *path = "mobility.receiving_organisation.type";
  const char *values[] = { "hei", "enterprise", "ngo", NULL };
  const char *labels[] = { "Higher education institution", "Enterprise", "NGO", NULL };
  const char *reordered_values[] = { "ngo", "hei", "enterprise", NULL };
  const char *reordered_labels[] = { "NGO", "Higher education institution", "Enterprise", NULL };
  MdPathComboRow *row = g_object_new (MD_TYPE_PATH_COMBO_ROW,
                                      "field-path", path, "title", "Organisation type", NULL);
  GtkWindow *window;
  g_autoptr(MdDossier) dossier = NULL;

  md_path_combo_row_set_choices (row, values, labels);
  window = present (GTK_WIDGET (row));
  dossier = bind_new_dossier (row);

  /* Nothing chosen yet: nothing selected, nothing stored. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (md_dossier_lookup (dossier, path));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  assert_value_type (dossier, path, G_TYPE_STRING);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "enterprise");

  md_dossier_set_string (dossier, path, "ngo", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);

  /* New choices while bound: the value is kept and found again. */
  md_path_combo_row_set_choices (row, reordered_values, reordered_labels);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "ngo");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  /* A value no item stands for selects nothing and is left alone. */
  md_dossier_set_string (dossier, path, "museum", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "museum");

  assert_row_issue (row, "Choose the type of organisation.");
  close_window (window);
}

static void
test_combo_row_integer (void)
{
  const char *path = "applicant.study_cycle";
  const char *values[] = { "1", "2", "3", NULL };
  const char *labels[] = { "Bachelor", "Master", "Doctorate", NULL };
  MdPathComboRow *row = g_object_new (MD_TYPE_PATH_COMBO_ROW,
                                      "field-path", path, "kind", "integer",
                                      "title", "Study cycle", NULL);
  GtkWindow *window;
  g_autoptr(MdDossier) dossier = NULL;

  md_path_combo_row_set_choices (row, values, labels);
  window = present (GTK_WIDGET (row));
  dossier = bind_new_dossier (row);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  assert_value_type (dossier, path, G_TYPE_INT64);
  g_assert_cmpint (md_dossier_get_int (dossier, path, -1), ==, 3);

  md_dossier_set_int (dossier, path, 1, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  close_window (window);
}

static void
test_date_row (void)
{
  const char *path = "mobility.start_date";
  MdPathDateRow *row = g_object_new (MD_TYPE_PATH_DATE_ROW,
                                     "field-path", path, "title", "Start date", NULL);
  GtkWindow *window = present (GTK_WIDGET (row));
  g_autoptr(MdDossier) dossier = bind_new_dossier (row);
  GtkCalendar *calendar = md_path_date_row_get_calendar (row);
  GtkMenuButton *button = md_path_date_row_get_menu_button (row);
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autoptr(GDateTime) pick = g_date_time_new_local (2024, 9, 2, 0, 0, 0.0);
  g_autoptr(GDateTime) shown = NULL;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Pick a Date");

  /* Half-typed dates are stored too, for the validator to point at. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2024-09-0");
  assert_value_type (dossier, path, G_TYPE_STRING);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "2024-09-0");

  gtk_calendar_select_day (calendar, pick);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2024-09-02");
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "2024-09-02");

  /* Opening the picker shows the typed date without changing it. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-14");
  gtk_menu_button_popup (button);
  md_test_iterate_for (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 14);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "2025-02-14");

  /* Picking a day writes it and closes the picker. */
  g_clear_pointer (&pick, g_date_time_unref);
  pick = g_date_time_new_local (2025, 2, 20, 0, 0, 0.0);
  gtk_calendar_select_day (calendar, pick);
  g_signal_emit_by_name (calendar, "day-selected");
  md_test_iterate_for (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "2025-02-20");

  md_dossier_set_string (dossier, path, "2024-10-01", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2024-10-01");

  assert_row_issue (row, "The start date is not a date.");
  close_window (window);
}

static void
test_text_view (void)
{
  const char *path = "motivation_letter.text";
  MdPathTextView *view = g_object_new (MD_TYPE_PATH_TEXT_VIEW,
                                       "field-path", path,
                                       "title", "_Motivation letter",
                                       "min-words", 2,
                                       "max-words", 1000,
                                       NULL);
  GtkWindow *window = present (GTK_WIDGET (view));
  g_autoptr(MdDossier) dossier = bind_new_dossier (view);
  GtkTextView *text_view = md_path_text_view_get_text_view (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkWidget *title_label = gtk_widget_get_first_child (GTK_WIDGET (view));
  GtkWidget *issue_label = gtk_widget_get_last_child (GTK_WIDGET (view));
  GtkWidget *counter_label = gtk_widget_get_prev_sibling (issue_label);
  g_autoptr(JsonNode) letter = NULL;
  const char *counter;
  GtkTextIter iter;

  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (title_label)) == GTK_WIDGET (text_view));
  g_assert_cmpstr (md_path_text_view_get_title (view), ==, "_Motivation letter");
  g_assert_false (gtk_widget_get_visible (issue_label));

  gtk_text_buffer_set_text (buffer, "Hello brave world", -1);
  assert_value_type (dossier, path, G_TYPE_STRING);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "Hello brave world");
  counter = gtk_label_get_text (GTK_LABEL (counter_label));
  g_assert_nonnull (strstr (counter, "3 words"));
  g_assert_nonnull (strstr (counter, "17 characters"));
  g_assert_nonnull (strstr (counter, "2 to 1000 words"));

  md_path_text_view_set_min_words (view, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (counter_label)), "at most 1000 words"));

  /* Showing the same text again (here: its section is replaced with an
   * equal copy) must not move the cursor. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 5);
  gtk_text_buffer_place_cursor (buffer, &iter);
  letter = json_from_string ("{\"text\": \"Hello brave world\"}", NULL);
  md_dossier_set_value (dossier, "motivation_letter", g_steal_pointer (&letter), NULL);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 5);

  md_dossier_set_string (dossier, path, "Dear committee", NULL);
  {
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Dear committee");
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (counter_label)), "2 words"));

  md_field_widget_show_issue (MD_FIELD_WIDGET (view), "The letter is too short.");
  g_assert_true (gtk_widget_get_visible (issue_label));
  g_assert_true (gtk_widget_has_css_class (issue_label, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (issue_label)), ==, "The letter is too short.");
  md_field_widget_show_issue (MD_FIELD_WIDGET (view), NULL);
  g_assert_false (gtk_widget_get_visible (issue_label));

  close_window (window);
}

static guint
find_country (MdPathCodeRow *row,
              const char       *code)
{
  const char *at;

  for (guint i = 0; (at = md_path_code_row_get_code_at (row, i)) != NULL; i++)
    if (g_str_equal (at, code))
      return i;

  g_assert_not_reached ();
}

static void
test_country_row (void)
{
  const char *path = "mobility.destination_country";
  MdPathCodeRow *row = g_object_new (MD_TYPE_PATH_CODE_ROW,
                                        "field-path", path, "title", "Destination country", NULL);
  GtkWindow *window = present (GTK_WIDGET (row));
  g_autoptr(MdDossier) dossier = bind_new_dossier (row);
  GtkDropDown *drop_down = md_path_code_row_get_drop_down (row);
  GtkStringObject *item;

  g_assert_true (gtk_drop_down_get_enable_search (drop_down));
  g_assert_nonnull (gtk_drop_down_get_expression (drop_down));
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (md_dossier_lookup (dossier, path));

  gtk_drop_down_set_selected (drop_down, find_country (row, "DE"));
  assert_value_type (dossier, path, G_TYPE_STRING);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "DE");

  md_dossier_set_string (dossier, path, "FR", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, find_country (row, "FR"));
  item = gtk_drop_down_get_selected_item (drop_down);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, md_countries_get_name ("FR"));

  md_dossier_set_string (dossier, path, "QQ", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, "QQ");

  assert_row_issue (row, "Choose the destination country.");
  close_window (window);
}

static GtkWidget *
find_row_button (GtkWidget  *list,
                 guint       index,
                 const char *icon_name)
{
  g_autofree char *path = g_strdup_printf ("learning_agreement.table_a[%u].title", index);
  GtkWidget *title_row = md_find_field_widget (list, path);
  GtkWidget *expander;

  g_assert_nonnull (title_row);
  expander = gtk_widget_get_ancestor (title_row, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  return find_button_with_icon (expander, icon_name);
}

static void
set_component (GtkWidget  *list,
               guint       index,
               const char *title,
               const char *ects)
{
  g_autofree char *title_path = g_strdup_printf ("learning_agreement.table_a[%u].title", index);
  g_autofree char *ects_path = g_strdup_printf ("learning_agreement.table_a[%u].ects", index);

  gtk_editable_set_text (GTK_EDITABLE (md_find_field_widget (list, title_path)), title);
  gtk_editable_set_text (GTK_EDITABLE (md_find_field_widget (list, ects_path)), ects);
}

static void
assert_titles (MdDossier         *dossier,
               GtkWidget         *list,
               const char * const *titles)
{
  guint n = g_strv_length ((char **) titles);

  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.table_a"), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("learning_agreement.table_a[%u].title", i);

      g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, titles[i]);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (md_find_field_widget (list, path))), ==, titles[i]);
    }

  /* No rows left over from longer lists. */
  {
    g_autofree char *path = g_strdup_printf ("learning_agreement.table_a[%u].title", n);

    g_assert_null (md_find_field_widget (list, path));
  }
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_component_list (void)
{
  const char *list_path = "learning_agreement.table_a";
  MdComponentList *list = g_object_new (MD_TYPE_COMPONENT_LIST,
                                        "field-path", list_path, "title", "Table A", NULL);
  GtkWidget *widget = GTK_WIDGET (list);
  GtkWindow *window = present (widget);
  GtkButton *add = md_component_list_get_add_button (list);
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(MdDossier) other = NULL;
  guint total_notifications = 0;
  GtkWidget *issue_label;
  GtkWidget *focus;

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (add)));
  dossier = bind_new_dossier (list);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (add)));
  g_signal_connect_swapped (list, "notify::total", G_CALLBACK (count_notify), &total_notifications);

  for (guint i = 0; i < 3; i++)
    g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (md_dossier_get_length (dossier, list_path), ==, 3);
  g_assert_nonnull (md_find_field_widget (widget, "learning_agreement.table_a[2].code"));
  g_assert_nonnull (md_find_field_widget (widget, "learning_agreement.table_a[2].term"));

  /* The new row's title is ready for typing. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, md_find_field_widget (widget, "learning_agreement.table_a[2].title")));

  set_component (widget, 0, "Course 0", "5");
  set_component (widget, 1, "R&D <Lab> 1", "7.5");
  set_component (widget, 2, "Course 2", "10");
  assert_value_type (dossier, "learning_agreement.table_a[1].ects", G_TYPE_DOUBLE);
  g_assert_cmpfloat (md_component_list_get_total (list), ==, 22.5);
  g_assert_cmpuint (total_notifications, >, 0);

  g_assert_false (gtk_widget_get_sensitive (find_row_button (widget, 0, "go-up-symbolic")));
  g_assert_false (gtk_widget_get_sensitive (find_row_button (widget, 2, "go-down-symbolic")));

  g_signal_emit_by_name (find_row_button (widget, 2, "go-up-symbolic"), "clicked");
  assert_titles (dossier, widget, (const char * const[]) { "Course 0", "Course 2", "R&D <Lab> 1", NULL });

  g_signal_emit_by_name (find_row_button (widget, 0, "user-trash-symbolic"), "clicked");
  assert_titles (dossier, widget, (const char * const[]) { "Course 2", "R&D <Lab> 1", NULL });
  g_assert_cmpfloat (md_component_list_get_total (list), ==, 17.5);

  /* Credits changed in the model show in the total too. */
  md_dossier_set_double (dossier, "learning_agreement.table_a[0].ects", 12, NULL);
  g_assert_cmpfloat (md_component_list_get_total (list), ==, 19.5);

  md_component_list_set_show_term (list, FALSE);
  g_assert_null (md_find_field_widget (widget, "learning_agreement.table_a[0].term"));
  assert_titles (dossier, widget, (const char * const[]) { "Course 2", "R&D <Lab> 1", NULL });

  /* Another dossier: rows follow its length and values. */
  other = md_dossier_new (PROGRAMME, "2024");
  md_dossier_append_row (other, list_path, NULL, NULL);
  md_dossier_set_string (other, "learning_agreement.table_a[0].title", "Thesis", NULL);
  md_dossier_set_double (other, "learning_agreement.table_a[0].ects", 30, NULL);
  md_field_widget_set_dossier (MD_FIELD_WIDGET (list), other);
  assert_titles (other, widget, (const char * const[]) { "Thesis", NULL });
  g_assert_cmpfloat (md_component_list_get_total (list), ==, 30);

  /* Edits now go to the new dossier only. */
  set_component (widget, 0, "Master thesis", "30");
  g_assert_cmpstr (md_dossier_get_string (other, "learning_agreement.table_a[0].title"), ==, "Master thesis");
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[0].title"), ==, "Course 2");

  /* The list's own issue shows below the group. */
  issue_label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (widget));
  md_field_widget_show_issue (MD_FIELD_WIDGET (list), "Add at least one component.");
  g_assert_true (gtk_widget_get_visible (issue_label));
  g_assert_true (gtk_widget_has_css_class (issue_label, "error"));
  md_field_widget_show_issue (MD_FIELD_WIDGET (list), NULL);
  g_assert_false (gtk_widget_get_visible (issue_label));

  md_field_widget_set_dossier (MD_FIELD_WIDGET (list), NULL);
  g_assert_null (md_find_field_widget (widget, "learning_agreement.table_a[0].title"));
  close_window (window);
}

static const char combo_ui[] =
  "<interface>"
  "  <object class='MdPathComboRow' id='type'>"
  "    <property name='field-path'>mobility.receiving_organisation.type</property>"
  "    <property name='title'>Organisation type</property>"
  "    <property name='model'>"
  "      <object class='GtkStringList'>"
  "        <items>"
  "          <item translatable='yes'>Higher education institution</item>"
  "          <item translatable='yes'>Enterprise</item>"
  "          <item>Public body</item>"
  "        </items>"
  "      </object>"
  "    </property>"
  "    <property name='values'>hei\nenterprise\npublic</property>"
  "  </object>"
  "  <object class='MdPathComboRow' id='cycle'>"
  "    <property name='field-path'>applicant.study_cycle</property>"
  "    <property name='kind'>integer</property>"
  "    <property name='model'>"
  "      <object class='GtkStringList'>"
  "        <items><item>Bachelor</item><item>Master</item></items>"
  "      </object>"
  "    </property>"
  "    <property name='values'>1\n2</property>"
  "  </object>"
  "</interface>";

static void
test_combo_row_builder (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_dossier_new (PROGRAMME, "2024");
  MdPathComboRow *type_row;
  MdPathComboRow *cycle_row;
  const char * const *values;

  gtk_builder_add_from_string (builder, combo_ui, -1, &error);
  g_assert_no_error (error);
  type_row = MD_PATH_COMBO_ROW (gtk_builder_get_object (builder, "type"));
  cycle_row = MD_PATH_COMBO_ROW (gtk_builder_get_object (builder, "cycle"));
  g_object_ref_sink (type_row);
  g_object_ref_sink (cycle_row);

  values = md_path_combo_row_get_values (type_row);
  g_assert_cmpuint (g_strv_length ((char **) values), ==, 3);
  g_assert_cmpstr (values[0], ==, "hei");
  g_assert_cmpstr (values[1], ==, "enterprise");
  g_assert_cmpstr (values[2], ==, "public");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (type_row))), ==, 3);

  md_field_widget_set_dossier (MD_FIELD_WIDGET (type_row), dossier);
  md_field_widget_set_dossier (MD_FIELD_WIDGET (cycle_row), dossier);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type_row)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (cycle_row)), ==, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), 1);
  g_assert_cmpstr (md_dossier_get_string (dossier, "mobility.receiving_organisation.type"), ==, "enterprise");
  md_dossier_set_string (dossier, "mobility.receiving_organisation.type", "public", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type_row)), ==, 2);

  adw_combo_row_set_selected (ADW_COMBO_ROW (cycle_row), 1);
  assert_value_type (dossier, "applicant.study_cycle", G_TYPE_INT64);
  g_assert_cmpint (md_dossier_get_int (dossier, "applicant.study_cycle", -1), ==, 2);

  g_object_unref (type_row);
  g_object_unref (cycle_row);
}

static const char types_ui[] =
  "<interface>"
  "  <object class='GtkBox' id='box'>"
  "    <property name='orientation'>vertical</property>"
  "    <child><object class='MdPathEntryRow'><property name='field-path'>applicant.email</property></object></child>"
  "    <child><object class='MdPathSwitchRow'><property name='field-path'>applicant.scholarship</property></object></child>"
  "    <child><object class='MdPathComboRow'><property name='field-path'>mobility.activity</property></object></child>"
  "    <child><object class='MdPathDateRow'><property name='field-path'>mobility.end_date</property></object></child>"
  "    <child><object class='MdPathCodeRow'><property name='field-path'>applicant.nationality</property></object></child>"
  "    <child><object class='MdPathTextView'>"
  "      <property name='field-path'>study_plan.objectives</property>"
  "      <property name='title'>_Objectives</property>"
  "      <property name='max-words'>500</property>"
  "    </object></child>"
  "    <child><object class='MdComponentList'>"
  "      <property name='field-path'>learning_agreement.table_b</property>"
  "      <property name='show-term'>False</property>"
  "    </object></child>"
  "  </object>"
  "</interface>";

static void
test_builder_types (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_dossier_new (PROGRAMME, "2024");
  GtkWidget *box;

  gtk_builder_add_from_string (builder, types_ui, -1, &error);
  g_assert_no_error (error);
  box = g_object_ref_sink (GTK_WIDGET (gtk_builder_get_object (builder, "box")));

  md_bind_field_widgets (box, dossier);
  md_dossier_set_string (dossier, "applicant.nationality", "BE", NULL);
  md_dossier_append_row (dossier, "learning_agreement.table_b", NULL, NULL);
  g_assert_nonnull (md_find_field_widget (box, "learning_agreement.table_b[0].title"));
  g_assert_null (md_find_field_widget (box, "learning_agreement.table_b[0].term"));
  g_assert_true (MD_IS_PATH_CODE_ROW (md_find_field_widget (box, "applicant.nationality")));

  md_bind_field_widgets (box, NULL);
  g_object_unref (box);
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, NULL);

  g_test_add_func ("/field-widgets/switch-row", test_switch_row);
  g_test_add_func ("/field-widgets/combo-row/text", test_combo_row_text);
  g_test_add_func ("/field-widgets/combo-row/integer", test_combo_row_integer);
  g_test_add_func ("/field-widgets/combo-row/builder", test_combo_row_builder);
  g_test_add_func ("/field-widgets/date-row", test_date_row);
  g_test_add_func ("/field-widgets/text-view", test_text_view);
  g_test_add_func ("/field-widgets/country-row", test_country_row);
  g_test_add_func ("/field-widgets/component-list", test_component_list);
  g_test_add_func ("/field-widgets/builder-types", test_builder_types);
  return g_test_run ();
}
