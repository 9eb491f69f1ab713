/* md-page-applicant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-page-applicant.h"

struct _MdPageApplicant
{
  AdwBin parent_instance;
};

static void wizard_page_iface_init (MdWizardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdPageApplicant, md_page_applicant, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_WIZARD_PAGE, wizard_page_iface_init))

static const char *
md_page_applicant_get_title (MdWizardPage *page)
{
  return _("About You");
}

static const char *
md_page_applicant_get_icon_name (MdWizardPage *page)
{
  return "avatar-default-symbolic";
}

static const char * const *
md_page_applicant_get_path_prefixes (MdWizardPage *page)
{
  static const char * const prefixes[] = { "applicant.", NULL };

  return prefixes;
}

static void
wizard_page_iface_init (MdWizardPageInterface *iface)
{
  iface->get_title = md_page_applicant_get_title;
  iface->get_icon_name = md_page_applicant_get_icon_name;
  iface->get_path_prefixes = md_page_applicant_get_path_prefixes;
}

static void
md_page_applicant_class_init (MdPageApplicantClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-page-applicant.ui");
}

static void
md_page_applicant_init (MdPageApplicant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
md_page_applicant_new (void)
{
  return g_object_new (MD_TYPE_PAGE_APPLICANT, NULL);
}
