/* md-ewp-writer.h: what the files of the EWP export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-ewp-private.h"

G_BEGIN_DECLS

/* Writes XML into @out, indented by @depth, with values from @dossier. */
typedef struct
{
  MdDossier *dossier;
  GString   *out;
  guint      depth;
} MdEwpWriter;

/* What a value must look like to fit the XML Schema type it goes to. */
typedef enum
{
  MD_EWP_KIND_TEXT,
  MD_EWP_KIND_IDENTIFIER,
  MD_EWP_KIND_EMAIL,
  MD_EWP_KIND_DATE,
  MD_EWP_KIND_DATE_OR_MONTH,
  MD_EWP_KIND_COUNTRY,
  MD_EWP_KIND_LANGUAGE,
  MD_EWP_KIND_CEFR,
  MD_EWP_KIND_TIMESTAMP,
} MdEwpKind;

/* The rows of each table that go into one list of components. */
typedef struct
{
  GPtrArray *rows[MD_EWP_N_TABLES];
} MdEwpLists;

void         md_ewp_lists_init              (MdEwpLists   *lists);
void         md_ewp_lists_clear             (MdEwpLists   *lists);

gboolean     md_ewp_set_missing             (GError      **error,
                                             const char   *path);
gboolean     md_ewp_set_invalid             (GError      **error,
                                             const char   *path,
                                             const char   *expected);
const char  *md_ewp_kind_describe           (MdEwpKind     kind);
const char  *md_ewp_writer_require          (MdEwpWriter  *w,
                                             const char   *path,
                                             MdEwpKind     kind,
                                             GError      **error);
gboolean     md_ewp_writer_get_optional     (MdEwpWriter  *w,
                                             const char   *path,
                                             const char  **out,
                                             GError      **error);
void         md_ewp_append_escaped          (GString      *out,
                                             const char   *text,
                                             gboolean      in_attribute);
void         md_ewp_writer_indent           (MdEwpWriter  *w);
void         md_ewp_writer_open             (MdEwpWriter  *w,
                                             const char   *name);
void         md_ewp_writer_close            (MdEwpWriter  *w,
                                             const char   *name);
void         md_ewp_writer_text             (MdEwpWriter  *w,
                                             const char   *name,
                                             const char   *text);
gboolean     md_ewp_writer_required         (MdEwpWriter  *w,
                                             const char   *element,
                                             const char   *path,
                                             MdEwpKind     kind,
                                             GError      **error);
gboolean     md_ewp_writer_required_member  (MdEwpWriter  *w,
                                             const char   *element,
                                             const char   *base,
                                             const char   *member,
                                             MdEwpKind     kind,
                                             GError      **error);
gboolean     md_ewp_writer_optional_member  (MdEwpWriter  *w,
                                             const char   *element,
                                             const char   *base,
                                             const char   *member,
                                             GError      **error);

gboolean     md_ewp_write_lists             (MdEwpWriter       *w,
                                             const MdEwpLists  *lists,
                                             gboolean           is_change,
                                             const char        *signatures,
                                             gboolean           receiving_required,
                                             GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MdEwpLists, md_ewp_lists_clear)

G_END_DECLS
