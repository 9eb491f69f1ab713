/* md-agreement-pdf.h: the learning agreement and the application summary as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-dossier.h"
#include "md-programme.h"

G_BEGIN_DECLS

typedef enum
{
  MD_AGREEMENT_PDF_LEARNING_AGREEMENT,
  MD_AGREEMENT_PDF_APPLICATION_SUMMARY,
} MdAgreementPdfKind;

gboolean md_agreement_pdf_write        (MdDossier           *dossier,
                                        MdProgramme         *programme,
                                        MdAgreementPdfKind   kind,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GError             **error);
void     md_agreement_pdf_write_async  (MdDossier           *dossier,
                                        MdProgramme         *programme,
                                        MdAgreementPdfKind   kind,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean md_agreement_pdf_write_finish (GAsyncResult        *result,
                                        GError             **error);

gboolean md_agreement_pdf_replace_contents (GFile           *file,
                                            GBytes          *contents,
                                            GCancellable    *cancellable,
                                            GError         **error);

G_END_DECLS
