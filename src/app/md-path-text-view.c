/* md-path-text-view.c
 *
 * For the long texts of an application (motivation letter, plan
 * sections):
 *   <object class="MdPathTextView">
 *     <property name="field-path">motivation_letter.text</property>
 *     <property name="title" translatable="yes">_Motivation letter</property>
 *   </object>
 * Word limits differ per programme, so the page sets "min-words" and
 * "max-words"; the counter shows them next to the live count so the
 * applicant sees the limit before the validator complains.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-formats.h"
#include "md-path-text-view.h"

struct _MdPathTextView
{
  GtkBox          parent_instance;

  MdFieldBinding  binding;
  GtkWidget      *title_label;
  GtkWidget      *scrolled;
  GtkWidget      *text_view;
  GtkWidget      *counter_label;
  GtkWidget      *issue_label;
  guint           min_words;
  guint           max_words;
};

static void field_widget_iface_init (MdFieldWidgetInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPathTextView, md_path_text_view, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_FIELD_WIDGET, field_widget_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MIN_WORDS,
  PROP_MAX_WORDS,
  N_PROPS,
  PROP_FIELD_PATH = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static char *
dup_text (MdPathTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
describe_bounds (MdPathTextView *self)
{
  if (self->min_words > 0 && self->max_words > 0)
    return g_strdup_printf (ngettext ("%'u to %'u word", "%'u to %'u words", self->max_words),
                            self->min_words, self->max_words);
  if (self->min_words > 0)
    return g_strdup_printf (ngettext ("at least %'u word", "at least %'u words", self->min_words),
                            self->min_words);
  if (self->max_words > 0)
    return g_strdup_printf (ngettext ("at most %'u word", "at most %'u words", self->max_words),
                            self->max_words);

  return NULL;
}

static void
update_counter (MdPathTextView *self)
{
  g_autofree char *text = dup_text (self);
  guint n_words = md_format_count_words (text);
  guint n_characters = md_format_count_characters (text);
  g_autofree char *words = g_strdup_printf (ngettext ("%'u word", "%'u words", n_words), n_words);
  g_autofree char *characters = g_strdup_printf (ngettext ("%'u character", "%'u characters", n_characters),
                                                 n_characters);
  g_autofree char *bounds = describe_bounds (self);
  g_autofree char *counts = NULL;
  g_autofree char *label = NULL;

  /* TRANSLATORS: word count · character count, e.g. "245 words · 1,502 characters" */
  counts = g_strdup_printf (C_("text counter", "%s · %s"), words, characters);
  if (bounds != NULL)
    /* TRANSLATORS: counts — expected length, e.g. "… — 200 to 1,000 words" */
    label = g_strdup_printf (C_("text counter", "%s — %s"), counts, bounds);

  gtk_label_set_text (GTK_LABEL (self->counter_label), label ? label : counts);
}

static void
md_path_text_view_show_value (MdFieldWidget *widget,
                              JsonNode      *value)
{
  MdPathTextView *self = MD_PATH_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_autofree char *current = dup_text (self);
  const char *text = "";

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING)
    text = json_node_get_string (value);

  /* Our own edits come back from the model; leave the cursor alone. */
  if (g_str_equal (current, text))
    return;

  /* Undoing into another dossier's text would make no sense. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static void
md_path_text_view_show_issue (MdFieldWidget *widget,
                              const char    *message)
{
  MdPathTextView *self = MD_PATH_TEXT_VIEW (widget);

  gtk_label_set_text (GTK_LABEL (self->issue_label), message ? message : "");
  gtk_widget_set_visible (self->issue_label, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (self->scrolled, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->scrolled, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static MdFieldBinding *
md_path_text_view_get_binding (MdFieldWidget *widget)
{
  return &MD_PATH_TEXT_VIEW (widget)->binding;
}

static void
field_widget_iface_init (MdFieldWidgetInterface *iface)
{
  iface->get_binding = md_path_text_view_get_binding;
  iface->show_value = md_path_text_view_show_value;
  iface->show_issue = md_path_text_view_show_issue;
}

static void
on_buffer_changed (MdPathTextView *self)
{
  g_autofree char *text = dup_text (self);

  update_counter (self);
  md_field_binding_store_string (&self->binding, text);
}

const char *
md_path_text_view_get_title (MdPathTextView *self)
{
  g_return_val_if_fail (MD_IS_PATH_TEXT_VIEW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->title_label));
}

/**
 * md_path_text_view_set_title:
 * @title: (nullable): the heading, with an optional mnemonic underscore
 */
void
md_path_text_view_set_title (MdPathTextView *self,
                             const char     *title)
{
  g_return_if_fail (MD_IS_PATH_TEXT_VIEW (self));

  if (g_strcmp0 (title, md_path_text_view_get_title (self)) == 0)
    return;

  gtk_label_set_text_with_mnemonic (GTK_LABEL (self->title_label), title ? title : "");
  gtk_widget_set_visible (self->title_label, title != NULL && *title != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
md_path_text_view_get_min_words (MdPathTextView *self)
{
  g_return_val_if_fail (MD_IS_PATH_TEXT_VIEW (self), 0);

  return self->min_words;
}

/**
 * md_path_text_view_set_min_words:
 * @min_words: the fewest words expected, or 0 for no lower bound
 */
void
md_path_text_view_set_min_words (MdPathTextView *self,
                                 guint           min_words)
{
  g_return_if_fail (MD_IS_PATH_TEXT_VIEW (self));

  if (self->min_words == min_words)
    return;

  self->min_words = min_words;
  update_counter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_WORDS]);
}

guint
md_path_text_view_get_max_words (MdPathTextView *self)
{
  g_return_val_if_fail (MD_IS_PATH_TEXT_VIEW (self), 0);

  return self->max_words;
}

/**
 * md_path_text_view_set_max_words:
 * @max_words: the most words allowed, or 0 for no upper bound
 */
void
md_path_text_view_set_max_words (MdPathTextView *self,
                                 guint           max_words)
{
  g_return_if_fail (MD_IS_PATH_TEXT_VIEW (self));

  if (self->max_words == max_words)
    return;

  self->max_words = max_words;
  update_counter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WORDS]);
}

/**
 * md_path_text_view_get_text_view:
 *
 * Returns: (transfer none): the text view that edits the value
 */
GtkTextView *
md_path_text_view_get_text_view (MdPathTextView *self)
{
  g_return_val_if_fail (MD_IS_PATH_TEXT_VIEW (self), NULL);

  return GTK_TEXT_VIEW (self->text_view);
}

static void
md_path_text_view_dispose (GObject *object)
{
  MdPathTextView *self = (MdPathTextView *)object;

  md_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (md_path_text_view_parent_class)->dispose (object);
}

static void
md_path_text_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MdPathTextView *self = MD_PATH_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      g_value_set_string (value, self->binding.path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, md_path_text_view_get_title (self));
      break;
    case PROP_MIN_WORDS:
      g_value_set_uint (value, self->min_words);
      break;
    case PROP_MAX_WORDS:
      g_value_set_uint (value, self->max_words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_text_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MdPathTextView *self = MD_PATH_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIELD_PATH:
      md_field_binding_set_path (&self->binding, g_value_get_string (value));
      break;
    case PROP_TITLE:
      md_path_text_view_set_title (self, g_value_get_string (value));
      break;
    case PROP_MIN_WORDS:
      md_path_text_view_set_min_words (self, g_value_get_uint (value));
      break;
    case PROP_MAX_WORDS:
      md_path_text_view_set_max_words (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_path_text_view_class_init (MdPathTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_path_text_view_dispose;
  object_class->get_property = md_path_text_view_get_property;
  object_class->set_property = md_path_text_view_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_WORDS] =
    g_param_spec_uint ("min-words", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_WORDS] =
    g_param_spec_uint ("max-words", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_FIELD_PATH, "field-path");
}

static GtkWidget *
new_caption_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static void
add_text_view (MdPathTextView *self)
{
  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 12);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 160);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->text_view);
  gtk_widget_add_css_class (self->scrolled, "card");
  gtk_box_append (GTK_BOX (self), self->scrolled);

  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "changed",
                            G_CALLBACK (on_buffer_changed), self);
}

static void
md_path_text_view_init (MdPathTextView *self)
{
  md_field_binding_init (&self->binding, GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0.0);
  gtk_label_set_use_underline (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_widget_set_visible (self->title_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->title_label);

  add_text_view (self);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->title_label), self->text_view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  self->counter_label = new_caption_label ("dim-label");
  gtk_box_append (GTK_BOX (self), self->counter_label);
  self->issue_label = new_caption_label ("error");
  gtk_widget_set_visible (self->issue_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->issue_label);

  update_counter (self);
}
