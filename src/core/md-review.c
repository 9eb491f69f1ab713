/* md-review.c
 *
 * A review lives beside the applicant's bundle, in "<id>.review.json",
 * never inside it: the applicant's file stays exactly what was sent.
 * The review keeps its JSON tree, like a dossier does, so members a
 * later version adds survive a round trip. It records the digest of
 * the bundle it judged; when the bundle changes afterwards the review
 * is stale. The format is documented in docs/review-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-bundle.h"
#include "md-json-text.h"
#include "md-review-private.h"
#include "md-safe-files.h"

G_DEFINE_FINAL_TYPE (MdReview, md_review, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-review-error-quark, md_review_error)

static const char * const decision_names[] = {
  [MD_DECISION_NONE] = "",
  [MD_DECISION_SELECTED] = "selected",
  [MD_DECISION_RESERVE] = "reserve",
  [MD_DECISION_REJECTED] = "rejected",
  [MD_DECISION_NEEDS_CHANGES] = "needs_changes",
};

static void
md_review_finalize (GObject *object)
{
  MdReview *self = (MdReview *)object;

  g_clear_pointer (&self->root, json_object_unref);

  G_OBJECT_CLASS (md_review_parent_class)->finalize (object);
}

static void
md_review_class_init (MdReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_review_finalize;
}

static void
md_review_init (MdReview *self)
{
}

/* ---- Decisions ---------------------------------------------------------- */

/**
 * md_decision_to_string:
 *
 * Returns: the value stored in a review file ("selected"…), or "" for
 *   %MD_DECISION_NONE
 */
const char *
md_decision_to_string (MdDecision decision)
{
  g_return_val_if_fail (decision <= MD_DECISION_NEEDS_CHANGES, "");

  return decision_names[decision];
}

gboolean
md_decision_from_string (const char *text,
                         MdDecision *decision)
{
  for (guint i = MD_DECISION_SELECTED; i < G_N_ELEMENTS (decision_names); i++)
    {
      if (g_strcmp0 (text, decision_names[i]) == 0)
        {
          *decision = i;
          return TRUE;
        }
    }

  *decision = MD_DECISION_NONE;
  return text == NULL || *text == '\0';
}

/**
 * md_decision_describe:
 *
 * Returns: the decision in the user's language
 */
const char *
md_decision_describe (MdDecision decision)
{
  switch (decision)
    {
    case MD_DECISION_SELECTED:      return _("Selected");
    case MD_DECISION_RESERVE:       return _("Reserve");
    case MD_DECISION_REJECTED:      return _("Rejected");
    case MD_DECISION_NEEDS_CHANGES: return _("Needs changes");
    case MD_DECISION_NONE:
    default:                        return _("No decision");
    }
}
/* ---- Loading and saving ------------------------------------------------- */

/**
 * md_review_new:
 * @dossier_id: the id of the reviewed dossier
 * @bundle_digest: (nullable): the digest of the bundle as it is reviewed
 *
 * Returns: (transfer full): an empty review, without scores or decision
 */
MdReview *
md_review_new (const char *dossier_id,
               const char *bundle_digest)
{
  MdReview *self;

  g_return_val_if_fail (dossier_id != NULL, NULL);

  self = g_object_new (MD_TYPE_REVIEW, NULL);
  self->root = json_object_new ();
  json_object_set_string_member (self->root, "format", MD_REVIEW_FORMAT);
  json_object_set_int_member (self->root, "format_version", MD_REVIEW_FORMAT_VERSION);
  json_object_set_string_member (self->root, "dossier_id", dossier_id);
  json_object_set_string_member (self->root, "bundle_digest", bundle_digest ? bundle_digest : "");
  json_object_set_array_member (self->root, "reviews", json_array_new ());
  return self;
}

static gboolean
invalid (GError     **error,
         const char  *member,
         const char  *problem)
{
  g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
               _("The review file is not valid: “%s” %s."), member, problem);
  return FALSE;
}

static gboolean
member_has_type (JsonObject *object,
                 const char *member,
                 GType       type,
                 gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required;

  if (type == JSON_TYPE_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (node);
  if (type == JSON_TYPE_ARRAY)
    return JSON_NODE_HOLDS_ARRAY (node);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
check_values (JsonObject  *object,
              const char  *member,
              gboolean     numbers,
              GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return TRUE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      gboolean ok = numbers ? (type == G_TYPE_INT64 || (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node))))
                            : type == G_TYPE_STRING;

      if (!ok)
        return invalid (error, member, numbers ? _("must map criteria to numbers")
                                               : _("must map criteria to text"));
    }

  return TRUE;
}

static gboolean
check_reviewer (JsonNode    *node,
                GHashTable  *seen,
                GError     **error)
{
  JsonObject *entry;
  const char *reviewer;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "reviews", _("must list objects"));

  entry = json_node_get_object (node);
  if (!member_has_type (entry, "reviewer", G_TYPE_STRING, TRUE) ||
      *(reviewer = json_object_get_string_member (entry, "reviewer")) == '\0')
    return invalid (error, "reviews[].reviewer", _("must name the reviewer"));
  if (!g_hash_table_add (seen, (gpointer) reviewer))
    return invalid (error, "reviews[].reviewer", _("must not name the same reviewer twice"));

  if (!member_has_type (entry, "scores", JSON_TYPE_OBJECT, FALSE) ||
      !member_has_type (entry, "comments", JSON_TYPE_OBJECT, FALSE) ||
      !member_has_type (entry, "comment", G_TYPE_STRING, FALSE) ||
      !member_has_type (entry, "timestamp", G_TYPE_STRING, FALSE))
    return invalid (error, "reviews[]", _("has a member of the wrong type"));

  return check_values (json_object_get_member (entry, "scores") ? json_object_get_object_member (entry, "scores") : NULL,
                       "reviews[].scores", TRUE, error) &&
         check_values (json_object_get_member (entry, "comments") ? json_object_get_object_member (entry, "comments") : NULL,
                       "reviews[].comments", FALSE, error);
}

static gboolean
check_decision (JsonObject  *root,
                GError     **error)
{
  JsonObject *decision;
  MdDecision value;

  if (!member_has_type (root, "decision", JSON_TYPE_OBJECT, FALSE))
    return invalid (error, "decision", _("must be an object"));
  if (json_object_get_member (root, "decision") == NULL || json_object_get_null_member (root, "decision"))
    return TRUE;

  decision = json_object_get_object_member (root, "decision");
  if (!member_has_type (decision, "value", G_TYPE_STRING, TRUE) ||
      !md_decision_from_string (json_object_get_string_member (decision, "value"), &value))
    return invalid (error, "decision.value", _("must be “selected”, “reserve”, “rejected” or “needs_changes”"));

  if (!member_has_type (decision, "reason", G_TYPE_STRING, FALSE) ||
      !member_has_type (decision, "by", G_TYPE_STRING, FALSE) ||
      !member_has_type (decision, "timestamp", G_TYPE_STRING, FALSE))
    return invalid (error, "decision", _("has a member of the wrong type"));

  return TRUE;
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  gint64 version;

  if (!member_has_type (root, "format", G_TYPE_STRING, TRUE) ||
      g_strcmp0 (json_object_get_string_member (root, "format"), MD_REVIEW_FORMAT) != 0)
    return invalid (error, "format", _("is not “mobility-dossier-review”"));

  if (!member_has_type (root, "format_version", G_TYPE_INT64, TRUE))
    return invalid (error, "format_version", _("must be a whole number"));

  version = json_object_get_int_member (root, "format_version");
  if (version > MD_REVIEW_FORMAT_VERSION)
    {
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_NEWER_VERSION,
                   _("The review uses format version %lld, but this version of Mobility Dossier reads only up to version %d."),
                   (long long) version, MD_REVIEW_FORMAT_VERSION);
      return FALSE;
    }
  if (version < 1)
    return invalid (error, "format_version", _("must be at least 1"));

  if (!member_has_type (root, "dossier_id", G_TYPE_STRING, TRUE))
    return invalid (error, "dossier_id", _("must be the dossier’s id"));
  if (!member_has_type (root, "bundle_digest", G_TYPE_STRING, FALSE))
    return invalid (error, "bundle_digest", _("must be text"));
  if (!member_has_type (root, "reviews", JSON_TYPE_ARRAY, FALSE))
    return invalid (error, "reviews", _("must be a list"));

  return TRUE;
}

static gboolean
check_root (JsonObject  *root,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *reviews;

  if (!check_header (root, error) || !check_decision (root, error))
    return FALSE;

  if (json_object_get_member (root, "reviews") == NULL || json_object_get_null_member (root, "reviews"))
    json_object_set_array_member (root, "reviews", json_array_new ());

  reviews = json_object_get_array_member (root, "reviews");
  for (guint i = 0; i < json_array_get_length (reviews); i++)
    if (!check_reviewer (json_array_get_element (reviews, i), seen, error))
      return FALSE;

  return TRUE;
}

/**
 * md_review_load_bytes:
 * @error: return location for a #GError in %MD_REVIEW_ERROR
 *
 * Returns: (transfer full) (nullable): the review, or %NULL when the
 *   content is not a review this version can read
 */
MdReview *
md_review_load_bytes (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MdReview) self = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  /* Empty bytes may have no data at all; json-glib wants a pointer. */
  if (text == NULL)
    text = "";

  if (length > MD_REVIEW_MAX_SIZE || !g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file is too large or not UTF-8 text."));
      return NULL;
    }

  /* As for bundles: what json-glib would overflow its stack on, or
   * leak, is refused before it parses. */
  switch (md_json_text_check (text, length, MD_BUNDLE_MAX_DEPTH, NULL))
    {
    case MD_JSON_TEXT_TOO_DEEP:
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file nests values more than %d levels deep."),
                   MD_BUNDLE_MAX_DEPTH);
      return NULL;
    case MD_JSON_TEXT_NOT_AN_OBJECT:
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file holds JSON but not a review."));
      return NULL;
    case MD_JSON_TEXT_TRAILING:
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file is not valid JSON: %s"),
                   _("more text follows the end of the top-level object"));
      return NULL;
    case MD_JSON_TEXT_NOT_JSON:
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file is not valid JSON: %s"),
                   _("it does not begin with “{”"));
      return NULL;
    case MD_JSON_TEXT_BAD_ESCAPE:
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file is not valid JSON: %s"),
                   _("a string holds an escape that JSON does not allow"));
      return NULL;
    case MD_JSON_TEXT_OK:
    default:
      break;
    }

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* json-glib quotes the bad token, which an escape such as
       * "\ud800" can make invalid UTF-8. */
      g_autofree char *detail = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file is not valid JSON: %s"), detail);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID,
                   _("The review file holds JSON but not a review."));
      return NULL;
    }

  self = g_object_new (MD_TYPE_REVIEW, NULL);
  self->root = json_object_ref (json_node_get_object (root));
  if (!check_root (self->root, error))
    return NULL;

  return g_steal_pointer (&self);
}

MdReview *
md_review_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = md_safe_load_file (file, MD_REVIEW_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return md_review_load_bytes (bytes, error);
}

/**
 * md_review_serialize:
 *
 * Returns: (transfer full): the review file's content, indented by two
 *   spaces like a bundle
 */
GBytes *
md_review_serialize (MdReview *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  root = json_node_init_object (json_node_alloc (), self->root);
  return md_json_text_generate (root);
}

/**
 * md_review_save_file:
 *
 * Writes atomically and readable by the owner only, as bundles are
 * (see md_bundle_write_file()): reviews are personal data too.
 */
gboolean
md_review_save_file (MdReview      *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (MD_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  contents = md_review_serialize (self);
  return md_bundle_write_file (contents, file, cancellable, error);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GBytes *contents = g_object_get_data (G_OBJECT (task), "contents");
  GError *error = NULL;

  if (md_bundle_write_file (contents, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * md_review_save_file_async:
 *
 * Serialises on the calling thread, where the review lives, and writes
 * in a worker thread.
 */
void
md_review_save_file_async (MdReview            *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MD_IS_REVIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_review_save_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "contents", md_review_serialize (self),
                          (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_file_thread);
}

gboolean
md_review_save_file_finish (MdReview      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * md_review_file_for_bundle:
 * @bundle_file: the applicant's bundle
 * @dossier_id: (nullable): its id
 *
 * The id comes from the bundle, so from its sender: only a UUID is
 * used as a file name, never something like "../../x".
 *
 * Returns: (transfer full) (nullable): "<id>.review.json" in the
 *   bundle's folder, or %NULL when @dossier_id is not a UUID
 */
GFile *
md_review_file_for_bundle (GFile      *bundle_file,
                           const char *dossier_id)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (bundle_file), NULL);

  if (!md_safe_is_dossier_id (dossier_id))
    return NULL;

  folder = g_file_get_parent (bundle_file);
  name = g_strconcat (dossier_id, MD_REVIEW_SUFFIX, NULL);
  return g_file_get_child (folder, name);
}

/* ---- Accessors ---------------------------------------------------------- */

const char *
md_review_get_dossier_id (MdReview *self)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  return json_object_get_string_member (self->root, "dossier_id");
}

const char *
md_review_get_bundle_digest (MdReview *self)
{
  JsonNode *node;

  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  /* Text, null or missing, as checked on load; null is no digest. */
  node = json_object_get_member (self->root, "bundle_digest");
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : "";
}

/**
 * md_review_set_bundle_digest:
 *
 * Records that the review now judges the bundle with @bundle_digest;
 * call it when a reviewer confirms the scores after the bundle changed.
 */
void
md_review_set_bundle_digest (MdReview   *self,
                             const char *bundle_digest)
{
  g_return_if_fail (MD_IS_REVIEW (self));

  json_object_set_string_member (self->root, "bundle_digest", bundle_digest ? bundle_digest : "");
}

/**
 * md_review_is_stale:
 * @bundle_digest: the digest of the bundle as it is now
 *
 * Returns: whether the bundle changed after it was reviewed
 */
gboolean
md_review_is_stale (MdReview   *self,
                    const char *bundle_digest)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), TRUE);

  return g_ascii_strcasecmp (md_review_get_bundle_digest (self), bundle_digest ? bundle_digest : "") != 0;
}
