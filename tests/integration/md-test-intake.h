/* md-test-intake.h: a scripted intake API on 127.0.0.1 for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MD_TEST_ACTION_STORE,           /* 201 + receipt, or 409 + the receipt for a known key */
  MD_TEST_ACTION_FAIL,            /* 500 */
  MD_TEST_ACTION_BUSY,            /* 503 with Retry-After: argument */
  MD_TEST_ACTION_PROBLEM,         /* 422 application/problem+json */
  MD_TEST_ACTION_CONFLICT,        /* 409 that does not name the key */
  MD_TEST_ACTION_UNAUTHORIZED,    /* 401 */
  MD_TEST_ACTION_TOO_LARGE,       /* 413 */
  MD_TEST_ACTION_STALL,           /* never answers */
  MD_TEST_ACTION_STORE_AND_STALL, /* stores, touches the marker, never answers */
  MD_TEST_ACTION_RESET,           /* reads part of the upload, then closes the connection */
} MdTestAction;

#define MD_TEST_PROBLEM_TITLE  "Incomplete dossier"
#define MD_TEST_PROBLEM_DETAIL "The member applicant.email is missing."

typedef struct _MdTestIntake MdTestIntake;

MdTestIntake *md_test_intake_new             (void);
void          md_test_intake_free            (MdTestIntake *self);
char         *md_test_intake_dup_url         (MdTestIntake *self);
void          md_test_intake_push            (MdTestIntake *self,
                                              MdTestAction  action,
                                              const char   *argument);
void          md_test_intake_require_token   (MdTestIntake *self,
                                              const char   *token);
void          md_test_intake_set_marker      (MdTestIntake *self,
                                              const char   *path);
guint         md_test_intake_count_copies    (MdTestIntake *self,
                                              const char   *key);
GBytes       *md_test_intake_dup_copy        (MdTestIntake *self,
                                              const char   *key);
guint         md_test_intake_get_n_requests  (MdTestIntake *self);
guint         md_test_intake_get_n_resets    (MdTestIntake *self);
char         *md_test_intake_dup_header      (MdTestIntake *self,
                                              guint         request,
                                              const char   *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdTestIntake, md_test_intake_free)

G_END_DECLS
