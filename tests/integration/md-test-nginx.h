/* md-test-nginx.h: nginx with WebDAV on 127.0.0.1 for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _MdTestNginx MdTestNginx;

MdTestNginx *md_test_nginx_start    (const char   *user,
                                     const char   *password,
                                     GError      **error);
void         md_test_nginx_stop     (MdTestNginx  *self);
void         md_test_nginx_free     (MdTestNginx  *self);
char        *md_test_nginx_dup_url  (MdTestNginx  *self,
                                     const char   *location);
const char  *md_test_nginx_get_root (MdTestNginx  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdTestNginx, md_test_nginx_free)

G_END_DECLS
