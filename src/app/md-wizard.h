/* md-wizard.h: the guided screens that build a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-dossier.h"
#include "md-programme-registry.h"
#include "md-report.h"
#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_WIZARD (md_wizard_get_type ())

G_DECLARE_FINAL_TYPE (MdWizard, md_wizard, MD, WIZARD, GtkWidget)

MdWizard     *md_wizard_new              (void);
void          md_wizard_add_page         (MdWizard            *self,
                                          MdWizardPage        *page);
void          md_wizard_set_dossier      (MdWizard            *self,
                                          MdDossier           *dossier,
                                          MdProgrammeRegistry *registry);
MdReport     *md_wizard_get_report       (MdWizard            *self);
MdProgramme  *md_wizard_get_programme    (MdWizard            *self);
void          md_wizard_validate_now     (MdWizard            *self);
void          md_wizard_set_reference_date (MdWizard          *self,
                                            const GDate       *date);
guint         md_wizard_get_n_pages      (MdWizard            *self);
MdWizardPage *md_wizard_get_page         (MdWizard            *self,
                                          guint                index);
MdWizardPage *md_wizard_get_visible_page (MdWizard            *self);
void          md_wizard_show_page        (MdWizard            *self,
                                          guint                index);
gboolean      md_wizard_focus_path       (MdWizard            *self,
                                          const char          *path);
guint         md_wizard_count_page_issues (MdWizard           *self,
                                           MdWizardPage       *page,
                                           MdSeverity          severity);

G_END_DECLS
