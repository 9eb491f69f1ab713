/* md-ewp-private.h: what the EWP export and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "md-ewp.h"

G_BEGIN_DECLS

#define MD_EWP_LA_NS \
  "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd"
#define MD_EWP_TERM_NS \
  "https://github.com/erasmus-without-paper/ewp-specs-types-academic-term/tree/stable-v2"

/* A learning agreement nests six levels and holds a few hundred
 * elements; far larger documents are hostile, not busy. */
#define MD_EWP_MAX_DEPTH    64
#define MD_EWP_MAX_ELEMENTS 100000

/* The three tables of the dossier and the component lists they become. */
typedef struct
{
  const char *member;   /* "table_a" */
  const char *letter;   /* "a", the value of a change row's "table" */
  const char *element;  /* "components-studied" */
  gboolean    needs_term;
} MdEwpTable;

#define MD_EWP_N_TABLES 3
extern const MdEwpTable md_ewp_tables[MD_EWP_N_TABLES];

/* The three signers of a list of components. */
typedef struct
{
  const char *member;   /* "sending" */
  const char *element;  /* "sending-hei-signature" */
} MdEwpSigner;

#define MD_EWP_N_SIGNERS 3
extern const MdEwpSigner md_ewp_signers[MD_EWP_N_SIGNERS];

/* reason_code 7, "other", has no EWP code: only its text goes out. */
#define MD_EWP_REASON_OTHER 7

const char *md_ewp_reason_name          (gint64       code);
gint64      md_ewp_reason_code          (const char  *name);
gboolean    md_ewp_reason_fits_status   (gint64       code,
                                         const char  *status);
gboolean    md_ewp_parse_term           (const char  *text,
                                         guint       *number,
                                         guint       *total);
char       *md_ewp_format_term          (guint        number,
                                         guint        total);
gboolean    md_ewp_is_year_month        (const char  *text);
char       *md_ewp_academic_year_for    (const char  *start);
gboolean    md_ewp_is_timestamp         (const char  *text);
char       *md_ewp_utc_timestamp        (const char  *text);
gboolean    md_ewp_is_xml_text          (const char  *text);
gboolean    md_ewp_is_blank             (const char  *text);
char       *md_ewp_format_decimal       (JsonNode    *number);
JsonNode   *md_ewp_parse_decimal        (const char  *text);

/* A parsed XML element, namespaces resolved. */
typedef struct _MdEwpNode MdEwpNode;

MdEwpNode  *md_ewp_xml_parse            (const char  *text,
                                         gsize        length,
                                         GError     **error);
void        md_ewp_node_free            (MdEwpNode   *node);
const char *md_ewp_node_get_namespace   (MdEwpNode   *node);
const char *md_ewp_node_get_name        (MdEwpNode   *node);
const char *md_ewp_node_get_text        (MdEwpNode   *node);
const char *md_ewp_node_get_attribute   (MdEwpNode   *node,
                                         const char  *name);
guint       md_ewp_node_get_n_children  (MdEwpNode   *node);
MdEwpNode  *md_ewp_node_get_child_at    (MdEwpNode   *node,
                                         guint        index);
MdEwpNode  *md_ewp_node_get_child       (MdEwpNode   *node,
                                         const char  *ns,
                                         const char  *name);
guint       md_ewp_node_count_children  (MdEwpNode   *node,
                                         const char  *ns,
                                         const char  *name);

/* Reading an EWP document: elements are named by their location
 * ("la/student/birth-date") in messages. */
gboolean    md_ewp_set_missing_element  (GError     **error,
                                         const char  *where);
gboolean    md_ewp_set_bad_element      (GError     **error,
                                         const char  *where,
                                         const char  *expected);
gboolean    md_ewp_parse_whole_number   (const char  *text,
                                         guint64      min,
                                         guint64      max,
                                         guint64     *out);
MdEwpNode  *md_ewp_node_find            (MdEwpNode   *parent,
                                         const char  *name);
gboolean    md_ewp_node_is              (MdEwpNode   *node,
                                         const char  *name);
const char *md_ewp_node_child_text      (MdEwpNode   *parent,
                                         const char  *ns,
                                         const char  *name);
const char *md_ewp_node_require_text    (MdEwpNode   *parent,
                                         const char  *where,
                                         const char  *name,
                                         GError     **error);
MdEwpNode  *md_ewp_node_require_child   (MdEwpNode   *parent,
                                         const char  *where,
                                         const char  *name,
                                         GError     **error);
JsonNode   *md_ewp_read_agreement       (MdEwpNode   *la,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdEwpNode, md_ewp_node_free)

G_END_DECLS
