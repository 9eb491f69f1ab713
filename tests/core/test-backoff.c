/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When to retry: exponential backoff with a cap and bounded jitter, and
 * the server's Retry-After in both of its forms.
 */
#include "md-backoff.h"
#include "md-submitter.h"

#define SECOND G_GINT64_CONSTANT (1000000)

static void
test_nominal_growth (void)
{
  g_autoptr(MdBackoff) backoff = md_backoff_new_full (10 * SECOND, 600 * SECOND, 0.25,
                                                      g_rand_new_with_seed (1));
  gint64 previous = 0;

  g_assert_cmpint (md_backoff_get_nominal_delay (backoff, 1), ==, 10 * SECOND);
  g_assert_cmpint (md_backoff_get_nominal_delay (backoff, 2), ==, 20 * SECOND);
  g_assert_cmpint (md_backoff_get_nominal_delay (backoff, 3), ==, 40 * SECOND);

  for (guint attempt = 1; attempt < 200; attempt++)
    {
      gint64 delay = md_backoff_get_nominal_delay (backoff, attempt);

      g_assert_cmpint (delay, >=, previous);
      g_assert_cmpint (delay, <=, 600 * SECOND);
      previous = delay;
    }

  /* Reached, and held, without overflowing. */
  g_assert_cmpint (md_backoff_get_nominal_delay (backoff, 7), ==, 600 * SECOND);
  g_assert_cmpint (md_backoff_get_nominal_delay (backoff, G_MAXUINT), ==, 600 * SECOND);
}

static void
test_jitter_bounds (void)
{
  g_autoptr(MdBackoff) backoff = md_backoff_new_full (10 * SECOND, 600 * SECOND, 0.25,
                                                      g_rand_new_with_seed (42));
  gboolean varied = FALSE;

  for (guint attempt = 1; attempt < 12; attempt++)
    {
      gint64 nominal = md_backoff_get_nominal_delay (backoff, attempt);
      gint64 first = md_backoff_get_delay (backoff, attempt);

      for (guint i = 0; i < 100; i++)
        {
          gint64 delay = md_backoff_get_delay (backoff, attempt);

          g_assert_cmpint (delay, <=, nominal);
          g_assert_cmpint (delay, >=, nominal - nominal / 4);
          varied |= delay != first;
        }
    }

  g_assert_true (varied);
}

static void
test_jitter_repeatable (void)
{
  g_autoptr(MdBackoff) one = md_backoff_new_full (SECOND, 60 * SECOND, 0.5, g_rand_new_with_seed (7));
  g_autoptr(MdBackoff) two = md_backoff_new_full (SECOND, 60 * SECOND, 0.5, g_rand_new_with_seed (7));
  g_autoptr(MdBackoff) none = md_backoff_new_full (SECOND, 60 * SECOND, 0.0, g_rand_new_with_seed (7));

  for (guint attempt = 1; attempt < 10; attempt++)
    {
      g_assert_cmpint (md_backoff_get_delay (one, attempt), ==, md_backoff_get_delay (two, attempt));
      g_assert_cmpint (md_backoff_get_delay (none, attempt), ==, md_backoff_get_nominal_delay (none, attempt));
    }
}

static void
test_defaults (void)
{
  g_autoptr(MdBackoff) backoff = md_backoff_new ();

  g_assert_cmpint (md_backoff_get_base (backoff), ==, 30 * SECOND);
  g_assert_cmpint (md_backoff_get_cap (backoff), ==, 3600 * SECOND);
  g_assert_cmpfloat (md_backoff_get_jitter (backoff), ==, 0.25);
}

static void
test_retry_after_seconds (void)
{
  gint64 now = G_GINT64_CONSTANT (1700000000) * SECOND + 123;
  gint64 at = 0;

  g_assert_true (md_submit_parse_retry_after ("120", now, &at));
  g_assert_cmpint (at, ==, now + 120 * SECOND);
  g_assert_true (md_submit_parse_retry_after (" 0 ", now, &at));
  g_assert_cmpint (at, ==, now);

  /* Absurd delays are capped at a day. */
  g_assert_true (md_submit_parse_retry_after ("99999999999999999", now, &at));
  g_assert_cmpint (at, ==, now + MD_SUBMIT_MAX_RETRY_AFTER);

  g_assert_false (md_submit_parse_retry_after (NULL, now, &at));
  g_assert_false (md_submit_parse_retry_after ("", now, &at));
  g_assert_false (md_submit_parse_retry_after ("-5", now, &at));
  g_assert_false (md_submit_parse_retry_after ("+5", now, &at));
  g_assert_false (md_submit_parse_retry_after ("1.5", now, &at));
  g_assert_false (md_submit_parse_retry_after ("soon", now, &at));
}

static void
test_retry_after_date (void)
{
  g_autoptr(GDateTime) now_time = g_date_time_new_utc (2024, 5, 1, 10, 0, 0);
  gint64 now = g_date_time_to_unix (now_time) * SECOND;
  gint64 at = 0;

  g_assert_true (md_submit_parse_retry_after ("Wed, 01 May 2024 10:05:00 GMT", now, &at));
  g_assert_cmpint (at, ==, now + 300 * SECOND);

  /* The obsolete forms HTTP still allows. */
  g_assert_true (md_submit_parse_retry_after ("Wednesday, 01-May-24 10:01:00 GMT", now, &at));
  g_assert_cmpint (at, ==, now + 60 * SECOND);
  g_assert_true (md_submit_parse_retry_after ("Wed May  1 10:02:00 2024", now, &at));
  g_assert_cmpint (at, ==, now + 120 * SECOND);

  /* A date in the past means now. */
  g_assert_true (md_submit_parse_retry_after ("Wed, 01 May 2024 09:00:00 GMT", now, &at));
  g_assert_cmpint (at, ==, now);

  g_assert_false (md_submit_parse_retry_after ("Wed, 41 May 2024 10:05:00 GMT", now, &at));
}

static void
test_transient (void)
{
  g_autoptr(GError) busy = g_error_new_literal (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_RETRY_LATER, "");
  g_autoptr(GError) refused = g_error_new_literal (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_REJECTED, "");
  g_autoptr(GError) credentials = g_error_new_literal (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS, "");
  g_autoptr(GError) timed_out = g_error_new_literal (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_TIMED_OUT, "");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "");

  g_assert_true (md_submit_error_is_transient (busy));
  g_assert_true (md_submit_error_is_transient (timed_out));
  g_assert_false (md_submit_error_is_transient (refused));
  g_assert_false (md_submit_error_is_transient (credentials));
  g_assert_false (md_submit_error_is_transient (other));
  g_assert_false (md_submit_error_is_transient (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backoff/nominal-growth", test_nominal_growth);
  g_test_add_func ("/backoff/jitter-bounds", test_jitter_bounds);
  g_test_add_func ("/backoff/jitter-repeatable", test_jitter_repeatable);
  g_test_add_func ("/backoff/defaults", test_defaults);
  g_test_add_func ("/retry-after/seconds", test_retry_after_seconds);
  g_test_add_func ("/retry-after/date", test_retry_after_date);
  g_test_add_func ("/submit-error/transient", test_transient);

  return g_test_run ();
}
