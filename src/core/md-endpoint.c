/* md-endpoint.c
 *
 * An endpoint is validated once, when it is made: a dossier holds
 * personal data, so it only travels over HTTPS, except to this very
 * computer (loopback), where there is no network to protect it on.
 * Secrets never live in the address; the user name may, because a
 * Nextcloud share link carries its token there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-endpoint.h"

struct _MdEndpoint
{
  GObject         parent_instance;

  MdEndpointKind  kind;
  char           *uri;
  char           *user;
  GFile          *folder;
  gboolean        loopback;
};

G_DEFINE_FINAL_TYPE (MdEndpoint, md_endpoint, G_TYPE_OBJECT)

G_DEFINE_QUARK (md-endpoint-error-quark, md_endpoint_error)

G_DEFINE_ENUM_TYPE (MdEndpointKind, md_endpoint_kind,
  G_DEFINE_ENUM_VALUE (MD_ENDPOINT_KIND_HTTP, "http"),
  G_DEFINE_ENUM_VALUE (MD_ENDPOINT_KIND_WEBDAV, "webdav"),
  G_DEFINE_ENUM_VALUE (MD_ENDPOINT_KIND_FOLDER, "folder"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_URI,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
md_endpoint_finalize (GObject *object)
{
  MdEndpoint *self = (MdEndpoint *)object;

  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (md_endpoint_parent_class)->finalize (object);
}

static void
md_endpoint_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MdEndpoint *self = MD_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_endpoint_class_init (MdEndpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = md_endpoint_finalize;
  object_class->get_property = md_endpoint_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MD_TYPE_ENDPOINT_KIND, MD_ENDPOINT_KIND_HTTP,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_endpoint_init (MdEndpoint *self)
{
}

/**
 * md_endpoint_kind_from_string:
 * @text: "http", "webdav" or "folder"
 *
 * Returns: whether @text names a kind of endpoint
 */
gboolean
md_endpoint_kind_from_string (const char      *text,
                              MdEndpointKind  *kind,
                              GError         **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MD_TYPE_ENDPOINT_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text ? text : "");

  if (value == NULL)
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_UNKNOWN_KIND,
                   _("“%s” is not a kind of endpoint; use “http”, “webdav” or “folder”."),
                   text ? text : "");
      return FALSE;
    }

  *kind = value->value;
  return TRUE;
}

const char *
md_endpoint_kind_to_string (MdEndpointKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MD_TYPE_ENDPOINT_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/* A Nextcloud or ownCloud public share link, "…/s/TOKEN", optionally
 * behind "index.php". Returns the position of "/s/" or -1. */
static gssize
find_share_link (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  const char *found;

  /* A trailing slash leaves an empty last part. */
  if (n > 0 && parts[n - 1][0] == '\0')
    n--;
  if (n < 3 || !g_str_equal (parts[n - 2], "s") || parts[n - 1][0] == '\0')
    return -1;

  for (const char *c = parts[n - 1]; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return -1;

  found = g_strrstr (path, "/s/");
  return found ? found - path : -1;
}

/**
 * md_endpoint_guess_kind:
 * @address: what the user typed
 *
 * A local path or file: URI is a folder; a Nextcloud/ownCloud share
 * link or WebDAV path is a drop folder; anything else is taken for the
 * HTTP intake API.
 */
MdEndpointKind
md_endpoint_guess_kind (const char *address)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;

  g_return_val_if_fail (address != NULL, MD_ENDPOINT_KIND_HTTP);

  uri = g_uri_parse (address, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "file") == 0)
    return g_path_is_absolute (address) || uri != NULL || address[0] == '.'
           ? MD_ENDPOINT_KIND_FOLDER : MD_ENDPOINT_KIND_HTTP;

  path = g_uri_get_path (uri);
  if (find_share_link (path) >= 0 || strstr (path, "/public.php/webdav") != NULL ||
      strstr (path, "/public.php/dav/") != NULL || strstr (path, "/remote.php/dav/") != NULL ||
      strstr (path, "/remote.php/webdav") != NULL)
    return MD_ENDPOINT_KIND_WEBDAV;

  return MD_ENDPOINT_KIND_HTTP;
}

/**
 * md_endpoint_host_is_loopback:
 * @host: a host name or IP address literal (IPv6 without brackets)
 *
 * "localhost" and the loopback addresses 127.0.0.0/8 and ::1. Names
 * that merely resolve to loopback do not count: a resolver can lie.
 */
gboolean
md_endpoint_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* GUri accepts almost anything as a host; a name or an IP literal it
 * must be. Non-ASCII bytes are left to IDN conversion. */
static gboolean
is_host_name (const char *host)
{
  if (host == NULL || *host == '\0')
    return FALSE;

  for (const char *c = host; *c != '\0'; c++)
    if (g_ascii_isprint (*c) && !g_ascii_isalnum (*c) && strchr ("-._:", *c) == NULL)
      return FALSE;
    else if (g_ascii_iscntrl (*c) || *c == ' ')
      return FALSE;

  return TRUE;
}

static GUri *
parse_web_address (const char  *address,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED,
                                     &local_error);
  const char *scheme;

  if (uri == NULL)
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INVALID,
                   _("“%s” is not a web address: %s"), address, local_error->message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INVALID,
                   _("“%s” is not a web address: it should start with https://."), address);
      return NULL;
    }

  if (!is_host_name (g_uri_get_host (uri)))
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INVALID,
                   _("“%s” has no valid server name."), address);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static gboolean
check_web_address (GUri        *uri,
                   const char  *address,
                   GError     **error)
{
  if (g_uri_get_password (uri) != NULL)
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_SECRET_IN_ADDRESS,
                   _("The address contains a password. Remove it from the address and enter it as the password instead, so that it is kept in the keyring."));
      return FALSE;
    }

  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 &&
      !md_endpoint_host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INSECURE,
                   _("“%s” is not encrypted: dossiers hold personal data, so use an https:// address. Plain http:// is only accepted for this computer (localhost, 127.0.0.1 or ::1)."),
                   address);
      return FALSE;
    }

  return TRUE;
}

/* The path of the folder a WebDAV endpoint uploads into, always with a
 * trailing slash. A share link becomes its public WebDAV folder, and
 * the share token becomes the user name. */
static char *
dup_webdav_path (const char  *path,
                 char       **share_token)
{
  gssize share = find_share_link (path);
  g_autofree char *prefix = NULL;

  if (share < 0)
    return g_str_has_suffix (path, "/") ? g_strdup (path) : g_strconcat (path, "/", NULL);

  *share_token = g_strdup (path + share + strlen ("/s/"));
  if (g_str_has_suffix (*share_token, "/"))
    (*share_token)[strlen (*share_token) - 1] = '\0';

  prefix = g_strndup (path, share);
  if (g_str_has_suffix (prefix, "/index.php"))
    prefix[strlen (prefix) - strlen ("/index.php")] = '\0';

  return g_strconcat (prefix, "/public.php/webdav/", NULL);
}

static MdEndpoint *
new_web_endpoint (const char      *address,
                  MdEndpointKind   kind,
                  const char      *user,
                  GError         **error)
{
  g_autoptr(GUri) uri = parse_web_address (address, error);
  g_autoptr(MdEndpoint) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *share_token = NULL;
  g_autofree char *scheme = NULL;

  if (uri == NULL || !check_web_address (uri, address, error))
    return NULL;

  if (kind == MD_ENDPOINT_KIND_WEBDAV)
    path = dup_webdav_path (g_uri_get_path (uri), &share_token);
  else
    path = g_strdup (*g_uri_get_path (uri) ? g_uri_get_path (uri) : "/");

  self = g_object_new (MD_TYPE_ENDPOINT, NULL);
  self->kind = kind;
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  self->uri = g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, g_uri_get_host (uri),
                          g_uri_get_port (uri), path, g_uri_get_query (uri), NULL);
  self->loopback = md_endpoint_host_is_loopback (g_uri_get_host (uri));

  if (user != NULL && *user != '\0')
    self->user = g_strdup (user);
  else if (g_uri_get_user (uri) != NULL)
    self->user = g_uri_unescape_string (g_uri_get_user (uri), NULL);
  else
    self->user = g_steal_pointer (&share_token);

  return g_steal_pointer (&self);
}

/**
 * md_endpoint_new:
 * @address: a URL, or for %MD_ENDPOINT_KIND_FOLDER a path or file: URI
 * @user: (nullable): the user name, overriding one in @address
 * @error: %MD_ENDPOINT_ERROR when the address is not usable
 *
 * Returns: (transfer full) (nullable): the endpoint
 */
MdEndpoint *
md_endpoint_new (const char      *address,
                 MdEndpointKind   kind,
                 const char      *user,
                 GError         **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  trimmed = g_strstrip (g_strdup (address));
  if (*trimmed == '\0')
    {
      g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INVALID,
                   _("No address was given."));
      return NULL;
    }

  if (kind == MD_ENDPOINT_KIND_FOLDER)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (trimmed);

      if (!g_file_is_native (folder))
        {
          g_set_error (error, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INVALID,
                       _("“%s” is not a folder on this computer."), trimmed);
          return NULL;
        }
      return md_endpoint_new_for_folder (folder);
    }

  return new_web_endpoint (trimmed, kind, user, error);
}

/**
 * md_endpoint_new_for_folder:
 * @folder: a local folder, created when the first dossier is placed
 */
MdEndpoint *
md_endpoint_new_for_folder (GFile *folder)
{
  MdEndpoint *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (MD_TYPE_ENDPOINT, NULL);
  self->kind = MD_ENDPOINT_KIND_FOLDER;
  self->folder = g_object_ref (folder);
  self->uri = g_file_get_uri (folder);
  self->loopback = TRUE;
  return self;
}

/**
 * md_endpoint_get_default_folder:
 *
 * Where dossiers go when no endpoint is configured:
 * $XDG_DATA_HOME/io.github.mobilitydossier.Dossier/sent. A coordinator
 * opens it as an inbox.
 *
 * Returns: (transfer full): the folder
 */
GFile *
md_endpoint_get_default_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "sent", NULL);

  return g_file_new_for_path (path);
}

/**
 * md_endpoint_new_default:
 *
 * Returns: (transfer full): the embedded default, the local folder of
 *   md_endpoint_get_default_folder()
 */
MdEndpoint *
md_endpoint_new_default (void)
{
  g_autoptr(GFile) folder = md_endpoint_get_default_folder ();

  return md_endpoint_new_for_folder (folder);
}

MdEndpointKind
md_endpoint_get_kind (MdEndpoint *self)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), MD_ENDPOINT_KIND_HTTP);

  return self->kind;
}

/**
 * md_endpoint_get_uri:
 *
 * Returns: the normalised address without user information: what is
 *   recorded in a dossier's submissions and names the secret
 */
const char *
md_endpoint_get_uri (MdEndpoint *self)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), NULL);

  return self->uri;
}

/**
 * md_endpoint_get_user:
 *
 * Returns: (nullable): the user name for basic authentication
 */
const char *
md_endpoint_get_user (MdEndpoint *self)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), NULL);

  return self->user;
}

/**
 * md_endpoint_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder of a folder endpoint
 */
GFile *
md_endpoint_get_folder (MdEndpoint *self)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), NULL);

  return self->folder;
}

gboolean
md_endpoint_is_loopback (MdEndpoint *self)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), FALSE);

  return self->loopback;
}

/**
 * md_endpoint_dup_target_uri:
 * @dossier_id: the dossier's id (a UUID)
 *
 * Returns: (transfer full): where the request goes: the intake URL
 *   itself, or "<folder>/<id>.json" for a drop folder or local folder
 */
char *
md_endpoint_dup_target_uri (MdEndpoint *self,
                            const char *dossier_id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (MD_IS_ENDPOINT (self), NULL);
  g_return_val_if_fail (dossier_id != NULL, NULL);

  if (self->kind == MD_ENDPOINT_KIND_HTTP)
    return g_strdup (self->uri);

  escaped = g_uri_escape_string (dossier_id, NULL, FALSE);
  if (self->kind == MD_ENDPOINT_KIND_FOLDER)
    {
      g_autofree char *name = g_strconcat (dossier_id, ".json", NULL);
      g_autoptr(GFile) file = g_file_get_child (self->folder, name);

      return g_file_get_uri (file);
    }

  return g_strconcat (self->uri, escaped, ".json", NULL);
}

/**
 * md_endpoint_dup_display_name:
 *
 * Returns: (transfer full): the address as a user recognises it
 */
char *
md_endpoint_dup_display_name (MdEndpoint *self)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), NULL);

  if (self->folder != NULL)
    return g_file_get_parse_name (self->folder);

  return g_strdup (self->uri);
}

gboolean
md_endpoint_equal (MdEndpoint *self,
                   MdEndpoint *other)
{
  g_return_val_if_fail (MD_IS_ENDPOINT (self), FALSE);
  g_return_val_if_fail (MD_IS_ENDPOINT (other), FALSE);

  return self->kind == other->kind &&
         g_str_equal (self->uri, other->uri) &&
         g_strcmp0 (self->user, other->user) == 0;
}
