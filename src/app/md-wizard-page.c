/* md-wizard-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-wizard-page.h"

G_DEFINE_INTERFACE (MdWizardPage, md_wizard_page, GTK_TYPE_WIDGET)

static void
md_wizard_page_default_init (MdWizardPageInterface *iface)
{
}

const char *
md_wizard_page_get_title (MdWizardPage *self)
{
  g_return_val_if_fail (MD_IS_WIZARD_PAGE (self), NULL);

  return MD_WIZARD_PAGE_GET_IFACE (self)->get_title (self);
}

const char *
md_wizard_page_get_icon_name (MdWizardPage *self)
{
  g_return_val_if_fail (MD_IS_WIZARD_PAGE (self), NULL);

  return MD_WIZARD_PAGE_GET_IFACE (self)->get_icon_name (self);
}

gboolean
md_wizard_page_owns_path (MdWizardPage *self,
                          const char   *path)
{
  const char * const *prefixes;

  g_return_val_if_fail (MD_IS_WIZARD_PAGE (self), FALSE);

  prefixes = MD_WIZARD_PAGE_GET_IFACE (self)->get_path_prefixes (self);
  for (guint i = 0; prefixes != NULL && prefixes[i] != NULL; i++)
    if (g_str_has_prefix (path, prefixes[i]))
      return TRUE;

  return FALSE;
}

void
md_wizard_page_update (MdWizardPage *self,
                       MdDossier    *dossier,
                       MdProgramme  *programme,
                       MdReport     *report)
{
  MdWizardPageInterface *iface;

  g_return_if_fail (MD_IS_WIZARD_PAGE (self));

  iface = MD_WIZARD_PAGE_GET_IFACE (self);
  if (iface->update != NULL)
    iface->update (self, dossier, programme, report);
}
