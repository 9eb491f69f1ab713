/* md-test-intake.c
 *
 * A SoupServer playing the intake API of docs/submission.md, with a
 * script of what to do with the next requests. It runs in a thread of
 * its own, so it keeps answering while a test waits for a subprocess
 * (the CLI, or a child killed mid-upload).
 *
 * Connections are accepted here and handed to the SoupServer, except
 * when the script says to reset one: then part of the upload is read
 * and the connection closed, as a crashing proxy would. Every answer
 * closes its connection, so that every request arrives on a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "md-test-intake.h"

#define RESET_AFTER (32 * 1024)

typedef struct
{
  MdTestAction  action;
  char         *argument;
} Step;

struct _MdTestIntake
{
  GMutex          mutex;
  GCond           cond;
  gboolean        ready;
  GThread        *thread;
  GMainContext   *context;
  GMainLoop      *loop;
  SoupServer     *server;
  GSocketService *service;
  guint16         port;

  GQueue          script;
  char           *token;
  char           *marker;
  GHashTable     *copies;    /* key → GBytes */
  GHashTable     *receipts;  /* key → receipt text */
  GPtrArray      *requests;  /* GHashTable of lower-case header name → value */
  guint           n_resets;
};

typedef struct
{
  MdTestIntake      *intake;
  GSocketConnection *connection;
  guint8             buffer[8192];
  gsize              total;
} Reset;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->argument);
  g_free (step);
}

/* Called with the mutex held. */
static Step *
pop_step (MdTestIntake *self)
{
  Step *step = g_queue_pop_head (&self->script);

  if (step == NULL)
    {
      step = g_new0 (Step, 1);
      step->action = MD_TEST_ACTION_STORE;
    }
  return step;
}

static void
reset_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Reset *reset = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n > 0 && (reset->total += n) < RESET_AFTER)
    {
      g_input_stream_read_async (G_INPUT_STREAM (source), reset->buffer, sizeof reset->buffer,
                                 G_PRIORITY_DEFAULT, NULL, reset_read_cb, reset);
      return;
    }

  g_mutex_lock (&reset->intake->mutex);
  reset->intake->n_resets++;
  g_mutex_unlock (&reset->intake->mutex);

  /* Unread data in the socket makes the kernel answer with a reset. */
  g_io_stream_close (G_IO_STREAM (reset->connection), NULL, NULL);
  g_object_unref (reset->connection);
  g_free (reset);
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             MdTestIntake      *self)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  Step *head;
  gboolean reset;

  g_mutex_lock (&self->mutex);
  head = g_queue_peek_head (&self->script);
  reset = head != NULL && head->action == MD_TEST_ACTION_RESET;
  if (reset)
    step_free (g_queue_pop_head (&self->script));
  g_mutex_unlock (&self->mutex);

  if (reset)
    {
      Reset *state = g_new0 (Reset, 1);

      state->intake = self;
      state->connection = g_object_ref (connection);
      g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                 state->buffer, sizeof state->buffer, G_PRIORITY_DEFAULT, NULL,
                                 reset_read_cb, state);
      return TRUE;
    }

  soup_server_accept_iostream (self->server, G_IO_STREAM (connection), local, remote, NULL);
  return TRUE;
}

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  if (body != NULL)
    soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_problem (SoupServerMessage *message,
                 guint              status,
                 const char        *title,
                 const char        *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "https://intake.example.org/problems/test");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, detail);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  respond (message, status, "application/problem+json", text);
}

static char *
make_receipt (MdTestIntake *self,
              const char   *key)
{
  g_auto(GStrv) parts = g_strsplit (key, ":", 2);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *received = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *receipt_id = g_strdup_printf ("R-%u", g_hash_table_size (self->receipts) + 1);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = NULL;

  json_object_set_string_member (object, "receipt_id", receipt_id);
  json_object_set_string_member (object, "dossier_id", parts[0]);
  json_object_set_string_member (object, "digest", parts[1] ? parts[1] : "");
  json_object_set_string_member (object, "idempotency_key", key);
  json_object_set_string_member (object, "received", received);
  root = json_node_init_object (json_node_alloc (), object);
  return json_to_string (root, FALSE);
}

/* Called with the mutex held: what a real intake does with a key. */
static gboolean
store (MdTestIntake      *self,
       SoupServerMessage *message,
       const char        *key)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  if (key == NULL)
    {
      respond_problem (message, SOUP_STATUS_BAD_REQUEST, "No Idempotency-Key", "The header is required.");
      return FALSE;
    }

  if (g_hash_table_contains (self->copies, key))
    return FALSE;

  g_hash_table_insert (self->copies, g_strdup (key), soup_message_body_flatten (body));
  g_hash_table_insert (self->receipts, g_strdup (key), make_receipt (self, key));
  return TRUE;
}

static void
answer_store (MdTestIntake      *self,
              SoupServerMessage *message,
              const char        *key)
{
  gboolean stored = store (self, message, key);

  if (key == NULL)
    return;

  if (!stored)
    soup_message_headers_replace (soup_server_message_get_response_headers (message), "Idempotency-Key", key);
  respond (message, stored ? SOUP_STATUS_CREATED : SOUP_STATUS_CONFLICT, "application/json",
           g_hash_table_lookup (self->receipts, key));
}

static void
stall (MdTestIntake      *self,
       SoupServerMessage *message)
{
  if (self->marker != NULL)
    g_file_set_contents (self->marker, "received", -1, NULL);
  soup_server_message_pause (message);
}

static void
record_request (MdTestIntake      *self,
                SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (copy, g_ascii_strdown (name, -1), g_strdup (value));
  g_ptr_array_add (self->requests, copy);
}

static gboolean
authorized (MdTestIntake      *self,
            SoupServerMessage *message)
{
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");
  g_autofree char *expected = NULL;

  if (self->token == NULL)
    return TRUE;

  expected = g_strconcat ("Bearer ", self->token, NULL);
  return g_strcmp0 (authorization, expected) == 0;
}

static void
play (MdTestIntake      *self,
      SoupServerMessage *message,
      Step              *step,
      const char        *key)
{
  switch (step->action)
    {
    case MD_TEST_ACTION_FAIL:
      respond (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "Something broke.");
      break;
    case MD_TEST_ACTION_BUSY:
      respond (message, SOUP_STATUS_SERVICE_UNAVAILABLE, "text/plain", "Busy.");
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After",
                                    step->argument);
      break;
    case MD_TEST_ACTION_PROBLEM:
      respond_problem (message, 422, MD_TEST_PROBLEM_TITLE, MD_TEST_PROBLEM_DETAIL);
      break;
    case MD_TEST_ACTION_CONFLICT:
      respond_problem (message, SOUP_STATUS_CONFLICT, "Conflict", "Another version of this dossier was submitted.");
      break;
    case MD_TEST_ACTION_UNAUTHORIZED:
      respond_problem (message, SOUP_STATUS_UNAUTHORIZED, "Unauthorized", "A token is required.");
      break;
    case MD_TEST_ACTION_TOO_LARGE:
      respond (message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "text/plain", "Too large.");
      break;
    case MD_TEST_ACTION_STALL:
      stall (self, message);
      break;
    case MD_TEST_ACTION_STORE_AND_STALL:
      store (self, message, key);
      stall (self, message);
      break;
    case MD_TEST_ACTION_STORE:
    case MD_TEST_ACTION_RESET:
    default:
      answer_store (self, message, key);
      break;
    }
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  MdTestIntake *self = user_data;
  const char *key =
    soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Idempotency-Key");

  g_mutex_lock (&self->mutex);
  record_request (self, message);
  if (!authorized (self, message))
    respond_problem (message, SOUP_STATUS_UNAUTHORIZED, "Unauthorized", "A valid token is required.");
  else
    {
      Step *step = pop_step (self);

      play (self, message, step, key);
      step_free (step);
    }
  g_mutex_unlock (&self->mutex);
}

static gboolean
start_service (MdTestIntake *self)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  self->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (self->service, "incoming", G_CALLBACK (on_incoming), self);
  g_socket_service_start (self->service);
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  MdTestIntake *self = data;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("server-header", "md-test-intake ", NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);
  start_service (self);

  g_mutex_lock (&self->mutex);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_main_loop_run (self->loop);

  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_clear_object (&self->service);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

MdTestIntake *
md_test_intake_new (void)
{
  MdTestIntake *self = g_new0 (MdTestIntake, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->script);
  self->copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("md-test-intake", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
  return self;
}

void
md_test_intake_free (MdTestIntake *self)
{
  g_main_loop_quit (self->loop);
  g_thread_join (self->thread);

  g_queue_clear_full (&self->script, step_free);
  g_clear_pointer (&self->copies, g_hash_table_unref);
  g_clear_pointer (&self->receipts, g_hash_table_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->marker, g_free);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

char *
md_test_intake_dup_url (MdTestIntake *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u/api/v1/dossiers", self->port);
}

void
md_test_intake_push (MdTestIntake *self,
                     MdTestAction  action,
                     const char   *argument)
{
  Step *step = g_new0 (Step, 1);

  step->action = action;
  step->argument = g_strdup (argument);
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->script, step);
  g_mutex_unlock (&self->mutex);
}

void
md_test_intake_require_token (MdTestIntake *self,
                              const char   *token)
{
  g_mutex_lock (&self->mutex);
  g_free (self->token);
  self->token = g_strdup (token);
  g_mutex_unlock (&self->mutex);
}

void
md_test_intake_set_marker (MdTestIntake *self,
                           const char   *path)
{
  g_mutex_lock (&self->mutex);
  g_free (self->marker);
  self->marker = g_strdup (path);
  g_mutex_unlock (&self->mutex);
}

guint
md_test_intake_count_copies (MdTestIntake *self,
                             const char   *key)
{
  guint count;

  g_mutex_lock (&self->mutex);
  count = g_hash_table_contains (self->copies, key) ? 1 : 0;
  g_mutex_unlock (&self->mutex);
  return count;
}

GBytes *
md_test_intake_dup_copy (MdTestIntake *self,
                         const char   *key)
{
  GBytes *copy;

  g_mutex_lock (&self->mutex);
  copy = g_hash_table_lookup (self->copies, key);
  copy = copy ? g_bytes_ref (copy) : NULL;
  g_mutex_unlock (&self->mutex);
  return copy;
}

guint
md_test_intake_get_n_requests (MdTestIntake *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->requests->len;
  g_mutex_unlock (&self->mutex);
  return n;
}

guint
md_test_intake_get_n_resets (MdTestIntake *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->n_resets;
  g_mutex_unlock (&self->mutex);
  return n;
}

/**
 * md_test_intake_dup_header:
 * @request: the index of the request, from 0, among those that reached
 *   the handler
 */
char *
md_test_intake_dup_header (MdTestIntake *self,
                           guint         request,
                           const char   *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char *value = NULL;

  g_mutex_lock (&self->mutex);
  if (request < self->requests->len)
    value = g_strdup (g_hash_table_lookup (self->requests->pdata[request], lower));
  g_mutex_unlock (&self->mutex);
  return value;
}
