/* md-agreement-pdf-private.h: the printed forms, as blocks laid out on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "md-agreement-pdf.h"
#include "md-report.h"

G_BEGIN_DECLS

/* ---- Document model (md-agreement-pdf-document.c, -render.c) --------- */

typedef struct _MdPdfDocument MdPdfDocument;
typedef struct _MdPdfTable    MdPdfTable;

typedef enum
{
  MD_PDF_ROW_BODY,
  MD_PDF_ROW_CAPTION,   /* the table's name across all columns; repeated on every page */
  MD_PDF_ROW_HEADER,    /* column headings; repeated on every page */
  MD_PDF_ROW_TOTAL,
} MdPdfRowStyle;

MdPdfDocument *md_pdf_document_new            (const char    *running_title,
                                               const char    *running_detail);
void           md_pdf_document_free           (MdPdfDocument *doc);
void           md_pdf_document_set_metadata   (MdPdfDocument *doc,
                                               const char    *title,
                                               const char    *author);
void           md_pdf_document_add_title      (MdPdfDocument *doc,
                                               const char    *title,
                                               const char    *subtitle);
void           md_pdf_document_add_heading    (MdPdfDocument *doc,
                                               const char    *text);
void           md_pdf_document_add_text       (MdPdfDocument *doc,
                                               const char    *lead,
                                               const char    *text);
void           md_pdf_document_add_note       (MdPdfDocument *doc,
                                               const char    *text);
void           md_pdf_document_add_keep       (MdPdfDocument *doc,
                                               double         points);
MdPdfTable    *md_pdf_document_add_table      (MdPdfDocument *doc,
                                               guint          n_columns,
                                               const double  *widths);
void           md_pdf_table_add_row           (MdPdfTable    *table,
                                               MdPdfRowStyle  style,
                                               const char * const *cells);
void           md_pdf_table_set_label_column  (MdPdfTable    *table,
                                               guint          column);
void           md_pdf_table_set_numeric_column (MdPdfTable   *table,
                                               guint          column);
void           md_pdf_table_set_centered_column (MdPdfTable  *table,
                                               guint          column);
void           md_pdf_table_set_small         (MdPdfTable    *table);
void           md_pdf_table_set_min_row_height (MdPdfTable   *table,
                                               double         points);

gboolean       md_pdf_document_render         (MdPdfDocument *doc,
                                               cairo_surface_t *surface,
                                               GCancellable  *cancellable,
                                               GError       **error);

#define MD_PDF_PAGE_WIDTH  595.276   /* A4 in points */
#define MD_PDF_PAGE_HEIGHT 841.890

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdPdfDocument, md_pdf_document_free)

/* ---- Values as printed (md-agreement-pdf-format.c) ------------------- */

char          *md_pdf_format_date             (const char    *iso_date);
char          *md_pdf_format_timestamp_date   (const char    *timestamp);
char          *md_pdf_format_ects             (double         ects);
char          *md_pdf_format_country          (const char    *code);
char          *md_pdf_format_language         (const char    *code);
char          *md_pdf_format_academic_year    (const char    *start_date);
const char    *md_pdf_format_study_cycle      (gint64         cycle);
const char    *md_pdf_format_role             (const char    *role);
const char    *md_pdf_format_reason           (gint64         reason_code);
char          *md_pdf_dup_string              (MdDossier     *dossier,
                                               const char    *path);
char          *md_pdf_dup_person_name         (MdDossier     *dossier);
char          *md_pdf_dup_activity_title      (MdDossier     *dossier,
                                               MdProgramme   *programme);
char          *md_pdf_dup_programme_title     (MdDossier     *dossier,
                                               MdProgramme   *programme);
void           md_pdf_add_origin              (MdPdfDocument *doc,
                                               MdDossier     *dossier);
double         md_pdf_add_component_rows      (MdPdfTable    *table,
                                               MdDossier     *dossier,
                                               const char    *list_path);

/* ---- The two forms ---------------------------------------------------- */

MdPdfDocument *md_agreement_pdf_build_agreement (MdDossier   *dossier,
                                                 MdProgramme *programme);
MdPdfDocument *md_agreement_pdf_build_summary   (MdDossier   *dossier,
                                                 MdProgramme *programme,
                                                 MdReport    *report);

G_END_DECLS
