/* md-agreement-pdf-document.c
 *
 * What a printed form is made of, before it meets a page: a title,
 * headings, paragraphs and tables whose rows know their style (caption,
 * column headings, body, total) and whose cells may span to the right.
 * md-agreement-pdf-render.c lays them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-agreement-pdf-document.h"

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

static void
table_free (MdPdfTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table->widths);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->detail);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

MdPdfDocument *
md_pdf_document_new (const char *running_title,
                     const char *running_detail)
{
  MdPdfDocument *doc = g_new0 (MdPdfDocument, 1);

  doc->running_title = g_strdup (running_title);
  doc->running_detail = g_strdup (running_detail);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

void
md_pdf_document_free (MdPdfDocument *doc)
{
  g_free (doc->running_title);
  g_free (doc->running_detail);
  g_free (doc->meta_title);
  g_free (doc->meta_author);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

void
md_pdf_document_set_metadata (MdPdfDocument *doc,
                              const char    *title,
                              const char    *author)
{
  g_free (doc->meta_title);
  g_free (doc->meta_author);
  doc->meta_title = g_strdup (title);
  doc->meta_author = g_strdup (author);
}

static Block *
add_block (MdPdfDocument *doc,
           BlockKind      kind,
           const char    *text,
           const char    *detail)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->detail = g_strdup (detail);
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
md_pdf_document_add_title (MdPdfDocument *doc,
                           const char    *title,
                           const char    *subtitle)
{
  add_block (doc, BLOCK_TITLE, title, subtitle);
}

void
md_pdf_document_add_heading (MdPdfDocument *doc,
                             const char    *text)
{
  add_block (doc, BLOCK_HEADING, text, NULL);
}

/* @lead, if any, is printed in bold before @text. */
void
md_pdf_document_add_text (MdPdfDocument *doc,
                          const char    *lead,
                          const char    *text)
{
  add_block (doc, BLOCK_TEXT, text, lead);
}

void
md_pdf_document_add_note (MdPdfDocument *doc,
                          const char    *text)
{
  add_block (doc, BLOCK_NOTE, text, NULL);
}

/* What follows starts on a new page unless @points are left on this
 * one: for parts that read badly when split, like a form's signatures. */
void
md_pdf_document_add_keep (MdPdfDocument *doc,
                          double         points)
{
  add_block (doc, BLOCK_KEEP, NULL, NULL)->keep = points;
}

/* @widths: @n_columns shares of the page width, adding up to 1. */
MdPdfTable *
md_pdf_document_add_table (MdPdfDocument *doc,
                           guint          n_columns,
                           const double  *widths)
{
  Block *block = add_block (doc, BLOCK_TABLE, NULL, NULL);
  MdPdfTable *table = g_new0 (MdPdfTable, 1);

  g_assert (n_columns > 0 && n_columns <= 64);
  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, n_columns * sizeof (double));
  table->rows = g_ptr_array_new_with_free_func (row_free);
  block->table = table;
  return table;
}

/* @cells: one text per column; a NULL cell is covered by the one on its
 * left, so a caption is its text followed by NULLs. */
void
md_pdf_table_add_row (MdPdfTable          *table,
                      MdPdfRowStyle        style,
                      const char * const  *cells)
{
  Row *row = g_new0 (Row, 1);

  g_assert (cells[0] != NULL);
  row->style = style;
  row->n_cells = table->n_columns;
  row->cells = g_new0 (char *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i]);
  g_ptr_array_add (table->rows, row);
}

void
md_pdf_table_set_label_column (MdPdfTable *table,
                               guint       column)
{
  table->label_columns |= G_GUINT64_CONSTANT (1) << column;
}

void
md_pdf_table_set_numeric_column (MdPdfTable *table,
                                 guint       column)
{
  table->numeric_columns |= G_GUINT64_CONSTANT (1) << column;
}

/* For ticks and other one-sign cells. */
void
md_pdf_table_set_centered_column (MdPdfTable *table,
                                  guint       column)
{
  table->centered_columns |= G_GUINT64_CONSTANT (1) << column;
}

void
md_pdf_table_set_small (MdPdfTable *table)
{
  table->small = TRUE;
}

/* Rows that leave room to sign by hand. */
void
md_pdf_table_set_min_row_height (MdPdfTable *table,
                                 double      points)
{
  table->min_row_height = points;
}
