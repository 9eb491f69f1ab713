/* md-wizard-page.h: one screen of the applicant wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "md-dossier.h"
#include "md-programme.h"
#include "md-report.h"

G_BEGIN_DECLS

#define MD_TYPE_WIZARD_PAGE (md_wizard_page_get_type ())

G_DECLARE_INTERFACE (MdWizardPage, md_wizard_page, MD, WIZARD_PAGE, GtkWidget)

struct _MdWizardPageInterface
{
  GTypeInterface parent_iface;

  const char         *(*get_title)         (MdWizardPage *self);
  const char         *(*get_icon_name)     (MdWizardPage *self);
  /* Field path prefixes whose issues belong to this page. */
  const char * const *(*get_path_prefixes) (MdWizardPage *self);
  /* Called after every validation with the current state, so the page
   * can refresh what depends on the programme (bounds, estimate…). */
  void                (*update)            (MdWizardPage *self,
                                            MdDossier    *dossier,
                                            MdProgramme  *programme,
                                            MdReport     *report);
};

const char *md_wizard_page_get_title        (MdWizardPage *self);
const char *md_wizard_page_get_icon_name    (MdWizardPage *self);
gboolean    md_wizard_page_owns_path        (MdWizardPage *self,
                                             const char   *path);
void        md_wizard_page_update           (MdWizardPage *self,
                                             MdDossier    *dossier,
                                             MdProgramme  *programme,
                                             MdReport     *report);

G_END_DECLS
