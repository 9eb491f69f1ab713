/* md-outbox-entry.c
 *
 * The state of one submission as the user sees it: queued (with when it
 * will be tried next and why the last attempt failed), sending (with
 * progress), sent (with the receipt) or failed (with the reason). The
 * same fields, minus progress, are what MdOutbox writes to the entry's
 * state file, so the view survives a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-outbox-entry-private.h"
#include "md-submitter.h"

#define STATE_FORMAT_VERSION 1

struct _MdOutboxEntry
{
  GObject        parent_instance;

  char          *id;
  char          *dossier_id;
  char          *digest;
  char          *key;
  MdEndpoint    *endpoint;
  guint64        size;
  GDateTime     *created;

  MdOutboxState  state;
  guint          attempts;
  gint64         next_attempt;
  double         progress;
  GError        *error;
  JsonObject    *receipt;
  GDateTime     *delivered;
  gboolean       already_delivered;
};

G_DEFINE_FINAL_TYPE (MdOutboxEntry, md_outbox_entry, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MdOutboxState, md_outbox_state,
  G_DEFINE_ENUM_VALUE (MD_OUTBOX_STATE_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (MD_OUTBOX_STATE_SENDING, "sending"),
  G_DEFINE_ENUM_VALUE (MD_OUTBOX_STATE_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (MD_OUTBOX_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_ID,
  PROP_DOSSIER_ID,
  PROP_DIGEST,
  PROP_IDEMPOTENCY_KEY,
  PROP_ENDPOINT,
  PROP_SIZE,
  PROP_CREATED,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_NEXT_ATTEMPT,
  PROP_PROGRESS,
  PROP_ERROR,
  PROP_NEEDS_CREDENTIALS,
  PROP_RECEIPT,
  PROP_DELIVERED,
  PROP_ALREADY_DELIVERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
md_outbox_entry_finalize (GObject *object)
{
  MdOutboxEntry *self = (MdOutboxEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->dossier_id, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_object (&self->endpoint);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->receipt, json_object_unref);
  g_clear_pointer (&self->delivered, g_date_time_unref);

  G_OBJECT_CLASS (md_outbox_entry_parent_class)->finalize (object);
}

static void
md_outbox_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MdOutboxEntry *self = MD_OUTBOX_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DOSSIER_ID:
      g_value_set_string (value, self->dossier_id);
      break;
    case PROP_DIGEST:
      g_value_set_string (value, self->digest);
      break;
    case PROP_IDEMPOTENCY_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_ENDPOINT:
      g_value_set_object (value, self->endpoint);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_NEXT_ATTEMPT:
      g_value_set_int64 (value, self->next_attempt);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_NEEDS_CREDENTIALS:
      g_value_set_boolean (value, md_outbox_entry_get_needs_credentials (self));
      break;
    case PROP_RECEIPT:
      g_value_set_boxed (value, self->receipt);
      break;
    case PROP_DELIVERED:
      g_value_set_boxed (value, self->delivered);
      break;
    case PROP_ALREADY_DELIVERED:
      g_value_set_boolean (value, self->already_delivered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
changing_boxed (const char *name,
                GType       type)
{
  return g_param_spec_boxed (name, NULL, NULL, type,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
md_outbox_entry_class_init (MdOutboxEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags changing = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = md_outbox_entry_finalize;
  object_class->get_property = md_outbox_entry_get_property;

  properties[PROP_ID] = readable_string ("id");
  properties[PROP_DOSSIER_ID] = readable_string ("dossier-id");
  properties[PROP_DIGEST] = readable_string ("digest");
  properties[PROP_IDEMPOTENCY_KEY] = readable_string ("idempotency-key");
  properties[PROP_ENDPOINT] =
    g_param_spec_object ("endpoint", NULL, NULL, MD_TYPE_ENDPOINT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, MD_TYPE_OUTBOX_STATE, MD_OUTBOX_STATE_QUEUED, changing);
  properties[PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0, changing);
  /**
   * MdOutboxEntry:next-attempt:
   *
   * When a queued entry will be tried again, in g_get_real_time()
   * units; 0 means as soon as possible.
   */
  properties[PROP_NEXT_ATTEMPT] =
    g_param_spec_int64 ("next-attempt", NULL, NULL, 0, G_MAXINT64, 0, changing);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, changing);
  properties[PROP_ERROR] = changing_boxed ("error", G_TYPE_ERROR);
  properties[PROP_NEEDS_CREDENTIALS] =
    g_param_spec_boolean ("needs-credentials", NULL, NULL, FALSE, changing);
  properties[PROP_RECEIPT] = changing_boxed ("receipt", JSON_TYPE_OBJECT);
  properties[PROP_DELIVERED] = changing_boxed ("delivered", G_TYPE_DATE_TIME);
  properties[PROP_ALREADY_DELIVERED] =
    g_param_spec_boolean ("already-delivered", NULL, NULL, FALSE, changing);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_outbox_entry_init (MdOutboxEntry *self)
{
}

const char *
md_outbox_state_to_string (MdOutboxState state)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MD_TYPE_OUTBOX_STATE);
  GEnumValue *value = g_enum_get_value (klass, state);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

MdOutboxEntry *
md_outbox_entry_new (const char *id,
                     const char *dossier_id,
                     const char *digest,
                     MdEndpoint *endpoint,
                     guint64     size)
{
  MdOutboxEntry *self = g_object_new (MD_TYPE_OUTBOX_ENTRY, NULL);

  self->id = g_strdup (id);
  self->dossier_id = g_strdup (dossier_id);
  self->digest = g_strdup (digest);
  self->key = md_submit_make_idempotency_key (dossier_id, digest);
  self->endpoint = g_object_ref (endpoint);
  self->size = size;
  self->created = g_date_time_new_now_utc ();
  return self;
}

/* Times are kept to the microsecond so that a scheduled attempt reads
 * back exactly as it was written. */
static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format_iso8601 (utc);
}

static GDateTime *
time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static gint64
time_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static JsonNode *
error_to_json (const GError *error)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "domain", g_quark_to_string (error->domain));
  json_object_set_int_member (object, "code", error->code);
  json_object_set_string_member (object, "message", error->message);
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
endpoint_to_json (MdEndpoint *endpoint)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "kind",
                                 md_endpoint_kind_to_string (md_endpoint_get_kind (endpoint)));
  json_object_set_string_member (object, "uri", md_endpoint_get_uri (endpoint));
  if (md_endpoint_get_user (endpoint) != NULL)
    json_object_set_string_member (object, "user", md_endpoint_get_user (endpoint));
  return json_node_init_object (json_node_alloc (), object);
}

/**
 * md_outbox_entry_to_json: (skip)
 *
 * The state file's content. No secret is in it.
 */
JsonNode *
md_outbox_entry_to_json (MdOutboxEntry *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *created = format_time (self->created);

  json_object_set_int_member (object, "version", STATE_FORMAT_VERSION);
  json_object_set_string_member (object, "dossier_id", self->dossier_id);
  json_object_set_string_member (object, "digest", self->digest);
  json_object_set_member (object, "endpoint", endpoint_to_json (self->endpoint));
  json_object_set_int_member (object, "size", self->size);
  json_object_set_string_member (object, "created", created);
  json_object_set_string_member (object, "state", md_outbox_state_to_string (self->state));
  json_object_set_int_member (object, "attempts", self->attempts);
  if (self->next_attempt > 0)
    {
      g_autoptr(GDateTime) next = time_from_usec (self->next_attempt);
      g_autofree char *text = format_time (next);

      json_object_set_string_member (object, "next_attempt", text);
    }
  if (self->error != NULL)
    json_object_set_member (object, "error", error_to_json (self->error));
  if (self->receipt != NULL)
    json_object_set_object_member (object, "receipt", json_object_ref (self->receipt));
  if (self->delivered != NULL)
    {
      g_autofree char *delivered = format_time (self->delivered);

      json_object_set_string_member (object, "delivered", delivered);
      json_object_set_boolean_member (object, "already_delivered", self->already_delivered);
    }

  return json_node_init_object (json_node_alloc (), object);
}

static GDateTime *
parse_time (JsonObject *object,
            const char *member)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static MdEndpoint *
endpoint_from_json (JsonObject  *object,
                    GError     **error)
{
  MdEndpointKind kind;

  if (object == NULL ||
      !md_endpoint_kind_from_string (json_object_get_string_member_with_default (object, "kind", NULL),
                                     &kind, error))
    return NULL;

  return md_endpoint_new (json_object_get_string_member_with_default (object, "uri", ""), kind,
                          json_object_get_string_member_with_default (object, "user", NULL), error);
}

static void
restore_progress (MdOutboxEntry *self,
                  JsonObject    *object)
{
  g_autoptr(GDateTime) next = parse_time (object, "next_attempt");
  JsonObject *error = json_object_get_member (object, "error") != NULL
                      ? json_object_get_object_member (object, "error") : NULL;

  self->attempts = json_object_get_int_member_with_default (object, "attempts", 0);
  self->next_attempt = next ? time_to_usec (next) : 0;
  if (error != NULL)
    self->error = g_error_new_literal (g_quark_from_string (json_object_get_string_member_with_default (error, "domain", "")),
                                       json_object_get_int_member_with_default (error, "code", 0),
                                       json_object_get_string_member_with_default (error, "message", ""));
  if (json_object_has_member (object, "receipt"))
    self->receipt = json_object_ref (json_object_get_object_member (object, "receipt"));
  self->delivered = parse_time (object, "delivered");
  self->already_delivered = json_object_get_boolean_member_with_default (object, "already_delivered", FALSE);
}

static MdOutboxEntry *
report_damaged (const char  *id,
                GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The outbox entry “%s” is damaged."), id);
  return NULL;
}

/**
 * md_outbox_entry_new_from_json: (skip)
 *
 * Reads a state file written by md_outbox_entry_to_json().
 */
MdOutboxEntry *
md_outbox_entry_new_from_json (const char  *id,
                               JsonNode    *node,
                               GError     **error)
{
  g_autoptr(MdOutboxEntry) self = NULL;
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(GEnumClass) states = g_type_class_ref (MD_TYPE_OUTBOX_STATE);
  g_autoptr(GDateTime) created = NULL;
  JsonObject *object;
  GEnumValue *state;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return report_damaged (id, error);

  object = json_node_get_object (node);
  state = g_enum_get_value_by_nick (states, json_object_get_string_member_with_default (object, "state", ""));
  created = parse_time (object, "created");
  if (state == NULL || created == NULL ||
      json_object_get_string_member_with_default (object, "dossier_id", NULL) == NULL ||
      json_object_get_string_member_with_default (object, "digest", NULL) == NULL ||
      json_object_get_member (object, "endpoint") == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "endpoint")))
    return report_damaged (id, error);

  endpoint = endpoint_from_json (json_object_get_object_member (object, "endpoint"), error);
  if (endpoint == NULL)
    return NULL;

  self = md_outbox_entry_new (id, json_object_get_string_member (object, "dossier_id"),
                              json_object_get_string_member (object, "digest"), endpoint,
                              json_object_get_int_member_with_default (object, "size", 0));
  g_date_time_unref (self->created);
  self->created = g_steal_pointer (&created);
  self->state = state->value;
  restore_progress (self, object);
  return g_steal_pointer (&self);
}

const char *
md_outbox_entry_get_id (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->id;
}

const char *
md_outbox_entry_get_dossier_id (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->dossier_id;
}

const char *
md_outbox_entry_get_digest (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->digest;
}

/**
 * md_outbox_entry_get_idempotency_key:
 *
 * Returns: "<dossier id>:<digest>", the same on every attempt
 */
const char *
md_outbox_entry_get_idempotency_key (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->key;
}

/**
 * md_outbox_entry_get_endpoint:
 *
 * Returns: (transfer none): where the entry goes
 */
MdEndpoint *
md_outbox_entry_get_endpoint (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->endpoint;
}

guint64
md_outbox_entry_get_size (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), 0);

  return self->size;
}

/**
 * md_outbox_entry_get_created:
 *
 * Returns: (transfer none): when the entry was put in the outbox
 */
GDateTime *
md_outbox_entry_get_created (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->created;
}

MdOutboxState
md_outbox_entry_get_state (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), MD_OUTBOX_STATE_QUEUED);

  return self->state;
}

/**
 * md_outbox_entry_get_attempts:
 *
 * Returns: how many attempts were started, including one cut short by
 *   a crash
 */
guint
md_outbox_entry_get_attempts (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), 0);

  return self->attempts;
}

gint64
md_outbox_entry_get_next_attempt (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), 0);

  return self->next_attempt;
}

double
md_outbox_entry_get_progress (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), 0.0);

  return self->progress;
}

/**
 * md_outbox_entry_get_error:
 *
 * Returns: (nullable): why the last attempt failed: for a queued entry
 *   the reason it is retried, for a failed one why it stopped
 */
const GError *
md_outbox_entry_get_error (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->error;
}

/**
 * md_outbox_entry_get_needs_credentials:
 *
 * Returns: whether the endpoint refused the credentials, so the user
 *   should be asked for them before the entry is retried
 */
gboolean
md_outbox_entry_get_needs_credentials (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), FALSE);

  return g_error_matches (self->error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
}

/**
 * md_outbox_entry_get_receipt:
 *
 * Returns: (transfer none) (nullable): the receipt of a sent entry
 */
JsonObject *
md_outbox_entry_get_receipt (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->receipt;
}

/**
 * md_outbox_entry_get_delivered:
 *
 * Returns: (transfer none) (nullable): when the delivery was confirmed
 */
GDateTime *
md_outbox_entry_get_delivered (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), NULL);

  return self->delivered;
}

/**
 * md_outbox_entry_get_already_delivered:
 *
 * Returns: whether the endpoint already had this bundle from an earlier
 *   attempt whose answer was lost, or an earlier submission
 */
gboolean
md_outbox_entry_get_already_delivered (MdOutboxEntry *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), FALSE);

  return self->already_delivered;
}

void
md_outbox_entry_set_state (MdOutboxEntry *self,
                           MdOutboxState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
md_outbox_entry_set_attempts (MdOutboxEntry *self,
                              guint          attempts)
{
  if (self->attempts == attempts)
    return;

  self->attempts = attempts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

void
md_outbox_entry_set_next_attempt (MdOutboxEntry *self,
                                  gint64         next_attempt)
{
  if (self->next_attempt == next_attempt)
    return;

  self->next_attempt = next_attempt;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_ATTEMPT]);
}

/* A large upload reports thousands of chunks; a view needs a
 * notification per percent at most. */
void
md_outbox_entry_set_progress (MdOutboxEntry *self,
                              double         progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress == progress ||
      (progress > 0.0 && progress < 1.0 && ABS (progress - self->progress) < 0.01))
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

void
md_outbox_entry_set_error (MdOutboxEntry *self,
                           const GError  *error)
{
  gboolean needed_credentials = md_outbox_entry_get_needs_credentials (self);

  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (needed_credentials != md_outbox_entry_get_needs_credentials (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_CREDENTIALS]);
}

void
md_outbox_entry_set_receipt (MdOutboxEntry *self,
                             JsonObject    *receipt,
                             GDateTime     *delivered,
                             gboolean       already_delivered)
{
  g_clear_pointer (&self->receipt, json_object_unref);
  self->receipt = receipt ? json_object_ref (receipt) : NULL;
  g_clear_pointer (&self->delivered, g_date_time_unref);
  self->delivered = delivered ? g_date_time_ref (delivered) : NULL;
  self->already_delivered = already_delivered;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIPT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALREADY_DELIVERED]);
}

static gboolean
has_submission (MdDossier  *dossier,
                const char *endpoint,
                const char *timestamp)
{
  guint n = md_dossier_get_length (dossier, "submissions");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *endpoint_path = g_strdup_printf ("submissions[%u].endpoint", i);
      g_autofree char *timestamp_path = g_strdup_printf ("submissions[%u].timestamp", i);

      if (g_strcmp0 (md_dossier_get_string (dossier, endpoint_path), endpoint) == 0 &&
          g_strcmp0 (md_dossier_get_string (dossier, timestamp_path), timestamp) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
set_row_member (MdDossier   *dossier,
                const char  *prefix,
                const char  *member,
                JsonNode    *value,
                GError     **error)
{
  g_autofree char *path = g_strconcat (prefix, ".", member, NULL);

  return md_dossier_set_value (dossier, path, value, error);
}

/**
 * md_outbox_entry_record_receipt_in_dossier:
 * @dossier: the dossier that was sent
 *
 * Appends {endpoint, timestamp, receipt} to the dossier's
 * "submissions" list, once: recording the same delivery again does
 * nothing. The dossier changes, so its digest does too; save it.
 *
 * Returns: whether the receipt is recorded
 */
gboolean
md_outbox_entry_record_receipt_in_dossier (MdOutboxEntry  *self,
                                           MdDossier      *dossier,
                                           GError        **error)
{
  g_autoptr(GDateTime) delivered = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *prefix = NULL;
  const char *endpoint;
  guint index;

  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (self), FALSE);
  g_return_val_if_fail (MD_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (self->state == MD_OUTBOX_STATE_SENT, FALSE);

  if (g_strcmp0 (md_dossier_get_id (dossier), self->dossier_id) != 0)
    {
      g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_INVALID_BUNDLE,
                   _("This receipt belongs to another dossier."));
      return FALSE;
    }

  endpoint = md_endpoint_get_uri (self->endpoint);
  delivered = g_date_time_to_utc (self->delivered);
  timestamp = g_date_time_format (delivered, "%Y-%m-%dT%H:%M:%SZ");
  if (has_submission (dossier, endpoint, timestamp))
    return TRUE;

  if (!md_dossier_append_row (dossier, "submissions", &index, error))
    return FALSE;

  prefix = g_strdup_printf ("submissions[%u]", index);
  return set_row_member (dossier, prefix, "endpoint",
                         json_node_init_string (json_node_alloc (), endpoint), error) &&
         set_row_member (dossier, prefix, "timestamp",
                         json_node_init_string (json_node_alloc (), timestamp), error) &&
         set_row_member (dossier, prefix, "receipt",
                         json_node_init_object (json_node_alloc (), self->receipt), error);
}
