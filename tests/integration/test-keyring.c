/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default secret store against a real keyring (gnome-keyring in a
 * private D-Bus session, see run-with-keyring.sh).
 */
#include "md-libsecret-store.h"
#include "md-secret-store.h"

#define URI "https://intake.example.org/api/v1/dossiers"

typedef struct
{
  gboolean  done;
  char     *secret;
  GError   *error;
} Result;

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *out = user_data;

  out->secret = md_secret_store_lookup_finish (MD_SECRET_STORE (source), result, &out->error);
  out->done = TRUE;
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *out = user_data;

  md_secret_store_store_finish (MD_SECRET_STORE (source), result, &out->error);
  out->done = TRUE;
}

static char *
lookup (MdSecretStore *store,
        const char    *user)
{
  Result result = { FALSE, NULL, NULL };

  md_secret_store_lookup_async (store, URI, user, NULL, lookup_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  return result.secret;
}

static void
store (MdSecretStore *secrets,
       const char    *user,
       const char    *secret)
{
  Result result = { FALSE, NULL, NULL };

  md_secret_store_store_async (secrets, URI, user, secret, NULL, store_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
}

static void
test_store_lookup_forget (void)
{
  g_autoptr(MdSecretStore) secrets = md_secret_store_new_default ();
  g_autofree char *none = NULL;
  g_autofree char *token = NULL;
  g_autofree char *password = NULL;
  g_autofree char *forgotten = NULL;

  g_assert_true (MD_IS_LIBSECRET_STORE (secrets));

  none = lookup (secrets, NULL);
  g_assert_null (none);

  store (secrets, NULL, "t0ken");
  store (secrets, "alice", "pass word");
  token = lookup (secrets, NULL);
  password = lookup (secrets, "alice");
  g_assert_cmpstr (token, ==, "t0ken");
  g_assert_cmpstr (password, ==, "pass word");

  store (secrets, "alice", NULL);
  forgotten = lookup (secrets, "alice");
  g_assert_null (forgotten);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyring/store-lookup-forget", test_store_lookup_forget);

  return g_test_run ();
}
