/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Endpoint addresses: HTTPS required except on loopback, no secrets in
 * the address, share links and kinds understood.
 */
#include "md-endpoint.h"

static MdEndpoint *
endpoint_ok (const char     *address,
             MdEndpointKind  kind,
             const char     *user)
{
  g_autoptr(GError) error = NULL;
  MdEndpoint *endpoint = md_endpoint_new (address, kind, user, &error);

  g_assert_no_error (error);
  g_assert_nonnull (endpoint);
  return endpoint;
}

static void
endpoint_fails (const char     *address,
                MdEndpointKind  kind,
                int             code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new (address, kind, NULL, &error);

  g_assert_null (endpoint);
  g_assert_error (error, MD_ENDPOINT_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_https_required (void)
{
  g_autoptr(MdEndpoint) https = endpoint_ok ("https://intake.example.org/api/dossiers",
                                             MD_ENDPOINT_KIND_HTTP, NULL);

  g_assert_cmpstr (md_endpoint_get_uri (https), ==, "https://intake.example.org/api/dossiers");
  g_assert_false (md_endpoint_is_loopback (https));

  endpoint_fails ("http://intake.example.org/api", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INSECURE);
  endpoint_fails ("http://10.0.0.1/api", MD_ENDPOINT_KIND_WEBDAV, MD_ENDPOINT_ERROR_INSECURE);
  endpoint_fails ("http://localhost.example.org/", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INSECURE);
  endpoint_fails ("http://128.0.0.1/", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INSECURE);
  endpoint_fails ("http://[::2]/", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INSECURE);
}

static void
test_loopback_allowed (void)
{
  const char *addresses[] = {
    "http://127.0.0.1:8080/intake",
    "http://127.1.2.3/intake",
    "http://localhost/intake",
    "http://LOCALHOST:81/",
    "http://[::1]:8080/intake",
  };
  g_autoptr(MdEndpoint) ipv6 = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(MdEndpoint) endpoint = endpoint_ok (addresses[i], MD_ENDPOINT_KIND_HTTP, NULL);

      g_assert_true (md_endpoint_is_loopback (endpoint));
    }

  ipv6 = endpoint_ok ("http://[::1]:8080/intake", MD_ENDPOINT_KIND_HTTP, NULL);
  g_assert_cmpstr (md_endpoint_get_uri (ipv6), ==, "http://[::1]:8080/intake");

  g_assert_true (md_endpoint_host_is_loopback ("127.0.0.1"));
  g_assert_true (md_endpoint_host_is_loopback ("::1"));
  g_assert_false (md_endpoint_host_is_loopback ("192.168.1.1"));
  g_assert_false (md_endpoint_host_is_loopback (NULL));
}

static void
test_bad_addresses (void)
{
  endpoint_fails ("", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INVALID);
  endpoint_fails ("   ", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INVALID);
  endpoint_fails ("intake.example.org/api", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INVALID);
  endpoint_fails ("ftp://intake.example.org/", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INVALID);
  endpoint_fails ("https://", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INVALID);
  endpoint_fails ("https://exa mple.org/", MD_ENDPOINT_KIND_HTTP, MD_ENDPOINT_ERROR_INVALID);
  endpoint_fails ("https://user:secret@example.org/dav/", MD_ENDPOINT_KIND_WEBDAV,
                  MD_ENDPOINT_ERROR_SECRET_IN_ADDRESS);
}

static void
test_normalised (void)
{
  g_autoptr(MdEndpoint) spaced = endpoint_ok ("  HTTPS://Example.org:8443/api?tenant=7#top ",
                                              MD_ENDPOINT_KIND_HTTP, NULL);
  g_autoptr(MdEndpoint) bare = endpoint_ok ("https://example.org", MD_ENDPOINT_KIND_HTTP, NULL);
  g_autoptr(MdEndpoint) same = endpoint_ok ("https://example.org/", MD_ENDPOINT_KIND_HTTP, NULL);
  g_autofree char *target = md_endpoint_dup_target_uri (spaced, "6a0e0b3c-2c1f-4b7e-9a55-3f1f7b1c9d10");

  g_assert_cmpstr (md_endpoint_get_uri (spaced), ==, "https://Example.org:8443/api?tenant=7");
  g_assert_cmpstr (target, ==, md_endpoint_get_uri (spaced));
  g_assert_cmpstr (md_endpoint_get_uri (bare), ==, "https://example.org/");
  g_assert_true (md_endpoint_equal (bare, same));
}

static void
test_webdav (void)
{
  g_autoptr(MdEndpoint) dav = endpoint_ok ("https://alice@dav.example.org/drop", MD_ENDPOINT_KIND_WEBDAV, NULL);
  g_autoptr(MdEndpoint) overridden = endpoint_ok ("https://alice@dav.example.org/drop/", MD_ENDPOINT_KIND_WEBDAV, "bob");
  g_autoptr(MdEndpoint) share = endpoint_ok ("https://cloud.example.org/index.php/s/AbC123xyz",
                                             MD_ENDPOINT_KIND_WEBDAV, NULL);
  g_autoptr(MdEndpoint) subdir = endpoint_ok ("https://example.org/nextcloud/s/Tok3n/", MD_ENDPOINT_KIND_WEBDAV, NULL);
  g_autofree char *target = md_endpoint_dup_target_uri (dav, "6a0e0b3c-2c1f-4b7e-9a55-3f1f7b1c9d10");

  g_assert_cmpstr (md_endpoint_get_uri (dav), ==, "https://dav.example.org/drop/");
  g_assert_cmpstr (md_endpoint_get_user (dav), ==, "alice");
  g_assert_cmpstr (target, ==, "https://dav.example.org/drop/6a0e0b3c-2c1f-4b7e-9a55-3f1f7b1c9d10.json");
  g_assert_cmpstr (md_endpoint_get_user (overridden), ==, "bob");

  g_assert_cmpstr (md_endpoint_get_uri (share), ==, "https://cloud.example.org/public.php/webdav/");
  g_assert_cmpstr (md_endpoint_get_user (share), ==, "AbC123xyz");
  g_assert_cmpstr (md_endpoint_get_uri (subdir), ==, "https://example.org/nextcloud/public.php/webdav/");
  g_assert_cmpstr (md_endpoint_get_user (subdir), ==, "Tok3n");
}

static void
test_folder (void)
{
  g_autoptr(MdEndpoint) folder = endpoint_ok ("/srv/inbox", MD_ENDPOINT_KIND_FOLDER, NULL);
  g_autoptr(MdEndpoint) by_uri = endpoint_ok ("file:///srv/inbox", MD_ENDPOINT_KIND_FOLDER, NULL);
  g_autoptr(MdEndpoint) fallback = md_endpoint_new_default ();
  g_autofree char *target = md_endpoint_dup_target_uri (folder, "6a0e0b3c-2c1f-4b7e-9a55-3f1f7b1c9d10");
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "io.github.mobilitydossier.Dossier",
                                                "sent", NULL);
  g_autofree char *name = md_endpoint_dup_display_name (fallback);

  g_assert_cmpint (md_endpoint_get_kind (folder), ==, MD_ENDPOINT_KIND_FOLDER);
  g_assert_cmpstr (md_endpoint_get_uri (folder), ==, "file:///srv/inbox");
  g_assert_true (md_endpoint_equal (folder, by_uri));
  g_assert_cmpstr (target, ==, "file:///srv/inbox/6a0e0b3c-2c1f-4b7e-9a55-3f1f7b1c9d10.json");
  g_assert_cmpint (md_endpoint_get_kind (fallback), ==, MD_ENDPOINT_KIND_FOLDER);
  g_assert_cmpstr (name, ==, expected);
}

static void
test_kinds (void)
{
  g_autoptr(GError) error = NULL;
  MdEndpointKind kind = MD_ENDPOINT_KIND_HTTP;

  g_assert_true (md_endpoint_kind_from_string ("webdav", &kind, &error));
  g_assert_cmpint (kind, ==, MD_ENDPOINT_KIND_WEBDAV);
  g_assert_true (md_endpoint_kind_from_string ("folder", &kind, &error));
  g_assert_cmpint (kind, ==, MD_ENDPOINT_KIND_FOLDER);
  g_assert_false (md_endpoint_kind_from_string ("ftp", &kind, &error));
  g_assert_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_UNKNOWN_KIND);
  g_assert_cmpstr (md_endpoint_kind_to_string (MD_ENDPOINT_KIND_HTTP), ==, "http");

  g_assert_cmpint (md_endpoint_guess_kind ("https://intake.example.org/api"), ==, MD_ENDPOINT_KIND_HTTP);
  g_assert_cmpint (md_endpoint_guess_kind ("https://cloud.example.org/s/AbC123"), ==, MD_ENDPOINT_KIND_WEBDAV);
  g_assert_cmpint (md_endpoint_guess_kind ("https://cloud.example.org/public.php/webdav/"), ==, MD_ENDPOINT_KIND_WEBDAV);
  g_assert_cmpint (md_endpoint_guess_kind ("https://cloud.example.org/remote.php/dav/files/a/"), ==, MD_ENDPOINT_KIND_WEBDAV);
  g_assert_cmpint (md_endpoint_guess_kind ("/srv/inbox"), ==, MD_ENDPOINT_KIND_FOLDER);
  g_assert_cmpint (md_endpoint_guess_kind ("./inbox"), ==, MD_ENDPOINT_KIND_FOLDER);
  g_assert_cmpint (md_endpoint_guess_kind ("file:///srv/inbox"), ==, MD_ENDPOINT_KIND_FOLDER);
}

static void
test_message_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new ("http://intake.example.org/", MD_ENDPOINT_KIND_HTTP,
                                                    NULL, &error);

  g_assert_null (endpoint);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/endpoint/https-required", test_https_required);
  g_test_add_func ("/endpoint/loopback-allowed", test_loopback_allowed);
  g_test_add_func ("/endpoint/bad-addresses", test_bad_addresses);
  g_test_add_func ("/endpoint/normalised", test_normalised);
  g_test_add_func ("/endpoint/webdav", test_webdav);
  g_test_add_func ("/endpoint/folder", test_folder);
  g_test_add_func ("/endpoint/kinds", test_kinds);
  g_test_add_func ("/endpoint/message", test_message_translated);

  return g_test_run ();
}
