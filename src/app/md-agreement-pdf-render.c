/* md-agreement-pdf-render.c
 *
 * Lays a form out on A4 pages with cairo and Pango: titles, headings,
 * paragraphs and ruled tables flow down the pages. Tables break between
 * rows and repeat their caption and column headings on the next page,
 * as the paper forms do, and every page says "Page N of M". The page
 * count is only known once everything is laid out, so the document is
 * laid out twice: once to count the pages, once to draw them. Both
 * passes measure with the same private Pango context, so they break at
 * the same places.
 *
 * Everything here works on local objects only, so that it can run in a
 * worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "md-agreement-pdf-document.h"

#define MARGIN_X        42.0
#define RUNNING_Y       24.0
#define TOP             58.0
#define BOTTOM          (MD_PDF_PAGE_HEIGHT - 50.0)
#define FOOTER_Y        (MD_PDF_PAGE_HEIGHT - 38.0)
#define CONTENT_WIDTH   (MD_PDF_PAGE_WIDTH - 2 * MARGIN_X)
#define CELL_PADDING    3.5
#define BLOCK_GAP       9.0
#define KEEP_WITH_NEXT  48.0
#define MAX_CELL_LINES  30

#define FONT_BODY       "Sans 8.5"
#define FONT_SMALL      "Sans 7.5"
#define FONT_TITLE      "Sans Bold 17"
#define FONT_SUBTITLE   "Sans 10"
#define FONT_HEADING    "Sans Bold 11"
#define FONT_RUNNING    "Sans 7"

/* The blue of the EU flag, as on the Commission's forms. */
#define EU_BLUE         0.0, 0.2, 0.6
#define HEADER_FILL     0.85, 0.89, 0.96
#define LABEL_FILL      0.94, 0.95, 0.98
#define TOTAL_FILL      0.92, 0.92, 0.92
#define RULE_GREY       0.45, 0.45, 0.5
#define TEXT_BLACK      0.1, 0.1, 0.1
#define TEXT_GREY       0.35, 0.35, 0.35

typedef struct
{
  MdPdfDocument   *doc;
  PangoContext    *context;
  cairo_t         *cr;         /* NULL while counting the pages */
  cairo_surface_t *surface;
  guint            page;
  guint            n_pages;    /* known in the drawing pass only */
  double           y;
} Renderer;

/* ---- Text --------------------------------------------------------------- */

static PangoLayout *
create_layout (Renderer       *r,
               const char     *font,
               const char     *text,
               double          width,
               PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (r->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  /* A hyphen inserted into an e-mail address or a course code would
   * read as part of it. */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
show_layout (Renderer    *r,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (r->cr == NULL)
    return;
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
}

static void
draw_rule (Renderer *r,
           double    y,
           double    width)
{
  if (r->cr == NULL)
    return;
  cairo_set_line_width (r->cr, width);
  cairo_move_to (r->cr, MARGIN_X, y);
  cairo_line_to (r->cr, MARGIN_X + CONTENT_WIDTH, y);
  cairo_stroke (r->cr);
}

/* ---- Pages -------------------------------------------------------------- */

static void
draw_running_text (Renderer   *r,
                   const char *text,
                   double      y,
                   PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = create_layout (r, FONT_RUNNING, text, CONTENT_WIDTH, alignment);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  show_layout (r, layout, MARGIN_X, y);
}

static void
draw_running_parts (Renderer *r)
{
  g_autofree char *page = NULL;

  if (r->cr == NULL)
    return;

  /* Translators: the page number at the foot of a printed form, e.g. "Page 1 of 3" */
  page = g_strdup_printf (_("Page %u of %u"), r->page, r->n_pages);
  cairo_set_source_rgb (r->cr, TEXT_GREY);
  draw_running_text (r, r->doc->running_title, RUNNING_Y, PANGO_ALIGN_LEFT);
  draw_running_text (r, r->doc->running_detail, RUNNING_Y, PANGO_ALIGN_RIGHT);
  draw_rule (r, RUNNING_Y + 12, 0.4);
  draw_rule (r, FOOTER_Y - 4, 0.4);
  draw_running_text (r, page, FOOTER_Y, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (r->cr, TEXT_BLACK);
}

static void
start_page (Renderer *r)
{
  r->page++;
  r->y = TOP;
  draw_running_parts (r);
}

static void
next_page (Renderer *r)
{
  if (r->cr != NULL)
    cairo_show_page (r->cr);
  start_page (r);
}

/* Moves to a new page unless @height fits; something taller than a
 * page starts at the top of one and is cut, rather than loop. */
static gboolean
ensure_space (Renderer *r,
              double    height)
{
  if (r->y + height <= BOTTOM || r->y <= TOP)
    return FALSE;
  next_page (r);
  return TRUE;
}

/* ---- Blocks ------------------------------------------------------------- */

static void
render_title (Renderer *r,
              Block    *block)
{
  g_autoptr(PangoLayout) title = create_layout (r, FONT_TITLE, block->text, CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) subtitle = create_layout (r, FONT_SUBTITLE, block->detail, CONTENT_WIDTH, PANGO_ALIGN_LEFT);

  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, EU_BLUE);
  show_layout (r, title, MARGIN_X, r->y);
  r->y += layout_height (title) + 2;
  if (block->detail != NULL)
    {
      show_layout (r, subtitle, MARGIN_X, r->y);
      r->y += layout_height (subtitle);
    }
  r->y += 4;
  draw_rule (r, r->y, 1.5);
  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, TEXT_BLACK);
  r->y += BLOCK_GAP + 2;
}

static void
add_outline (Renderer   *r,
             const char *text)
{
  g_autofree char *link = NULL;

  if (r->cr == NULL || cairo_surface_get_type (r->surface) != CAIRO_SURFACE_TYPE_PDF)
    return;

  /* Whole numbers: cairo parses these attributes in the C locale. */
  link = g_strdup_printf ("page=%u pos=[%d %d]", r->page, (int) MARGIN_X, (int) r->y);
  cairo_pdf_surface_add_outline (r->surface, CAIRO_PDF_OUTLINE_ROOT, text, link, 0);
}

/* A heading stays with what follows it: never alone at a page's foot. */
static void
render_heading (Renderer *r,
                Block    *block)
{
  g_autoptr(PangoLayout) layout = create_layout (r, FONT_HEADING, block->text, CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  double height = layout_height (layout);

  ensure_space (r, height + KEEP_WITH_NEXT);
  r->y += 2;
  add_outline (r, block->text);
  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, EU_BLUE);
  show_layout (r, layout, MARGIN_X, r->y);
  r->y += height + 2;
  draw_rule (r, r->y, 0.75);
  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, TEXT_BLACK);
  r->y += 6;
}

static PangoLayout *
create_paragraph_layout (Renderer *r,
                         Block    *block)
{
  const char *font = block->kind == BLOCK_NOTE ? FONT_SMALL : FONT_BODY;
  g_autofree char *text = block->detail ? g_strconcat (block->detail, " ", block->text, NULL)
                                        : g_strdup (block->text);
  PangoLayout *layout = create_layout (r, font, text, CONTENT_WIDTH, PANGO_ALIGN_LEFT);

  if (block->detail != NULL)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = strlen (block->detail);
      pango_attr_list_insert (pango_layout_get_attributes (layout), bold);
    }

  return layout;
}

/* Line by line, so that a long paragraph continues on the next page. */
static void
render_paragraph (Renderer *r,
                  Block    *block)
{
  g_autoptr(PangoLayout) layout = create_paragraph_layout (r, block);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  if (r->cr != NULL && block->kind == BLOCK_NOTE)
    cairo_set_source_rgb (r->cr, TEXT_GREY);
  do
    {
      PangoRectangle logical;
      double baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      ensure_space (r, pango_units_to_double (logical.height));
      if (r->cr != NULL)
        {
          cairo_move_to (r->cr, MARGIN_X + pango_units_to_double (logical.x), r->y + baseline);
          pango_cairo_show_layout_line (r->cr, pango_layout_iter_get_line_readonly (iter));
        }
      r->y += pango_units_to_double (logical.height);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, TEXT_BLACK);
  r->y += BLOCK_GAP * 0.6;
}

/* ---- Tables ------------------------------------------------------------- */

typedef struct
{
  PangoLayout *layouts[64];    /* per starting column; NULL where covered */
  double       height;
} LaidRow;

static void
laid_row_clear (LaidRow *laid)
{
  for (guint i = 0; i < G_N_ELEMENTS (laid->layouts); i++)
    g_clear_object (&laid->layouts[i]);
}

static gboolean
column_in (guint64 mask,
           guint   column)
{
  return (mask & (G_GUINT64_CONSTANT (1) << column)) != 0;
}

static const char *
cell_font (MdPdfTable    *table,
           MdPdfRowStyle  style,
           guint          column)
{
  if (style == MD_PDF_ROW_CAPTION)
    return "Sans Bold 9";
  if (style == MD_PDF_ROW_HEADER || style == MD_PDF_ROW_TOTAL)
    return table->small ? "Sans Bold 7" : "Sans Bold 8";
  if (column_in (table->label_columns, column))
    return table->small ? "Sans Bold 7" : "Sans Bold 7.5";
  return table->small ? "Sans 7.5" : FONT_BODY;
}

static PangoAlignment
cell_alignment (MdPdfTable    *table,
                MdPdfRowStyle  style,
                guint          column,
                guint          span_end)
{
  if (style == MD_PDF_ROW_TOTAL && span_end - column > 1)
    return PANGO_ALIGN_RIGHT;
  if (column_in (table->centered_columns, column) && style != MD_PDF_ROW_CAPTION)
    return PANGO_ALIGN_CENTER;
  if (!column_in (table->numeric_columns, column) || style == MD_PDF_ROW_CAPTION)
    return PANGO_ALIGN_LEFT;
  return style == MD_PDF_ROW_HEADER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT;
}

static guint
span_end (Row   *row,
          guint  column,
          guint  n_columns)
{
  guint end = column + 1;

  while (end < n_columns && row->cells[end] == NULL)
    end++;
  return end;
}

static void
lay_out_row (Renderer     *r,
             MdPdfTable   *table,
             Row          *row,
             const double *x,
             gboolean      continued,
             LaidRow      *laid)
{
  double height = 0;

  memset (laid, 0, sizeof *laid);
  for (guint c = 0; c < table->n_columns; c = span_end (row, c, table->n_columns))
    {
      guint end = span_end (row, c, table->n_columns);
      g_autofree char *text = continued && row->style == MD_PDF_ROW_CAPTION
                              /* Translators: a table's name on the pages it continues on */
                              ? g_strdup_printf (_("%s (continued)"), row->cells[c])
                              : g_strdup (row->cells[c]);
      PangoLayout *layout = create_layout (r, cell_font (table, row->style, c), text,
                                           x[end] - x[c] - 2 * CELL_PADDING,
                                           cell_alignment (table, row->style, c, end));

      /* One absurdly long cell must not take more than a page. */
      pango_layout_set_height (layout, -MAX_CELL_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      laid->layouts[c] = layout;
      height = MAX (height, layout_height (layout));
    }

  laid->height = height + 2 * CELL_PADDING;
  if (row->style == MD_PDF_ROW_BODY)
    laid->height = MAX (laid->height, table->min_row_height);
}

static void
fill_cell (Renderer      *r,
           MdPdfTable    *table,
           MdPdfRowStyle  style,
           guint          column,
           double         x,
           double         width,
           double         height)
{
  switch (style)
    {
    case MD_PDF_ROW_CAPTION:
      cairo_set_source_rgb (r->cr, EU_BLUE);
      break;
    case MD_PDF_ROW_HEADER:
      cairo_set_source_rgb (r->cr, HEADER_FILL);
      break;
    case MD_PDF_ROW_TOTAL:
      cairo_set_source_rgb (r->cr, TOTAL_FILL);
      break;
    case MD_PDF_ROW_BODY:
    default:
      if (!column_in (table->label_columns, column))
        return;
      cairo_set_source_rgb (r->cr, LABEL_FILL);
      break;
    }
  cairo_rectangle (r->cr, x, r->y, width, height);
  cairo_fill (r->cr);
}

static void
draw_row (Renderer     *r,
          MdPdfTable   *table,
          Row          *row,
          const double *x,
          LaidRow      *laid)
{
  for (guint c = 0; r->cr != NULL && c < table->n_columns; c = span_end (row, c, table->n_columns))
    {
      guint end = span_end (row, c, table->n_columns);
      double width = x[end] - x[c];

      fill_cell (r, table, row->style, c, x[c], width, laid->height);
      cairo_set_source_rgb (r->cr, RULE_GREY);
      cairo_set_line_width (r->cr, 0.5);
      cairo_rectangle (r->cr, x[c], r->y, width, laid->height);
      cairo_stroke (r->cr);
      if (row->style == MD_PDF_ROW_CAPTION)
        cairo_set_source_rgb (r->cr, 1, 1, 1);
      else
        cairo_set_source_rgb (r->cr, TEXT_BLACK);
      show_layout (r, laid->layouts[c], x[c] + CELL_PADDING, r->y + CELL_PADDING);
    }
  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, TEXT_BLACK);
  r->y += laid->height;
}

static guint
count_repeated_rows (MdPdfTable *table)
{
  guint n = 0;

  while (n < table->rows->len)
    {
      Row *row = g_ptr_array_index (table->rows, n);

      if (row->style != MD_PDF_ROW_CAPTION && row->style != MD_PDF_ROW_HEADER)
        break;
      n++;
    }
  return n;
}

static double
draw_repeated_rows (Renderer     *r,
                    MdPdfTable   *table,
                    const double *x,
                    guint         n_repeated,
                    gboolean      continued)
{
  double height = 0;

  for (guint i = 0; i < n_repeated; i++)
    {
      LaidRow laid;

      lay_out_row (r, table, g_ptr_array_index (table->rows, i), x,
                   continued, &laid);
      height += laid.height;
      draw_row (r, table, g_ptr_array_index (table->rows, i), x, &laid);
      laid_row_clear (&laid);
    }
  return height;
}

static double
measure_row (Renderer     *r,
             MdPdfTable   *table,
             guint         index,
             const double *x)
{
  LaidRow laid;
  double height;

  lay_out_row (r, table, g_ptr_array_index (table->rows, index), x, FALSE, &laid);
  height = laid.height;
  laid_row_clear (&laid);
  return height;
}

static void
render_table (Renderer   *r,
              MdPdfTable *table)
{
  double x[65];
  guint n_repeated = count_repeated_rows (table);
  double needed = 0;

  x[0] = MARGIN_X;
  for (guint c = 0; c < table->n_columns; c++)
    x[c + 1] = x[c] + table->widths[c] * CONTENT_WIDTH;

  /* The headings never stand alone: they come with the first row. */
  for (guint i = 0; i < MIN (n_repeated + 1, table->rows->len); i++)
    needed += measure_row (r, table, i, x);
  ensure_space (r, needed);
  draw_repeated_rows (r, table, x, n_repeated, FALSE);

  for (guint i = n_repeated; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);
      LaidRow laid;

      lay_out_row (r, table, row, x, FALSE, &laid);
      if (ensure_space (r, laid.height))
        draw_repeated_rows (r, table, x, n_repeated, TRUE);
      draw_row (r, table, row, x, &laid);
      laid_row_clear (&laid);
    }

  r->y += BLOCK_GAP;
}

/* ---- Document ----------------------------------------------------------- */

static gboolean
render_blocks (Renderer      *r,
               GCancellable  *cancellable,
               GError       **error)
{
  start_page (r);
  for (guint i = 0; i < r->doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (r->doc->blocks, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          render_title (r, block);
          break;
        case BLOCK_HEADING:
          render_heading (r, block);
          break;
        case BLOCK_TEXT:
        case BLOCK_NOTE:
          render_paragraph (r, block);
          break;
        case BLOCK_KEEP:
          ensure_space (r, block->keep);
          break;
        case BLOCK_TABLE:
        default:
          render_table (r, block->table);
          break;
        }
    }
  if (r->cr != NULL)
    cairo_show_page (r->cr);
  return TRUE;
}

/* Unhinted metrics: the text breaks the same on screen, in both passes
 * and in the PDF. */
static PangoContext *
create_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static void
set_metadata (MdPdfDocument   *doc,
              cairo_surface_t *surface)
{
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  if (doc->meta_title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->meta_title);
  if (doc->meta_author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->meta_author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mobility Dossier " PACKAGE_VERSION);
}

/**
 * md_pdf_document_render:
 * @surface: an A4 surface, usually a PDF one
 *
 * Draws the document on @surface, one page after the other. The caller
 * finishes the surface and checks its status.
 */
gboolean
md_pdf_document_render (MdPdfDocument    *doc,
                        cairo_surface_t  *surface,
                        GCancellable     *cancellable,
                        GError          **error)
{
  /* A font map of our own: Pango's default one belongs to one thread. */
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = create_context (font_map);
  Renderer counting = { doc, context, NULL, surface, 0, 0, 0 };
  Renderer drawing = { doc, context, NULL, surface, 0, 0, 0 };
  gboolean drawn = render_blocks (&counting, cancellable, error);

  if (drawn)
    {
      set_metadata (doc, surface);
      drawing.n_pages = counting.page;
      drawing.cr = cairo_create (surface);
      drawn = render_blocks (&drawing, cancellable, error);
      cairo_destroy (drawing.cr);
    }
  g_object_unref (context);
  return drawn;
}
