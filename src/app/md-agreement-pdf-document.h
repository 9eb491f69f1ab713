/* md-agreement-pdf-document.h: the blocks of a printed form, shared by
 * the code that builds them and the code that lays them out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-agreement-pdf-private.h"

G_BEGIN_DECLS

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_NOTE,
  BLOCK_TABLE,
  BLOCK_KEEP,
} BlockKind;

typedef struct
{
  MdPdfRowStyle   style;
  guint           n_cells;
  char          **cells;       /* NULL: covered by the cell on its left */
} Row;

struct _MdPdfTable
{
  guint      n_columns;
  double    *widths;           /* shares of the content width */
  guint64    label_columns;
  guint64    numeric_columns;
  guint64    centered_columns;
  gboolean   small;
  double     min_row_height;
  GPtrArray *rows;
};

typedef struct
{
  BlockKind   kind;
  char       *text;
  char       *detail;         /* the title's subtitle, or a paragraph's bold lead */
  MdPdfTable *table;
  double      keep;           /* the space what follows needs on one page */
} Block;

struct _MdPdfDocument
{
  char      *running_title;
  char      *running_detail;
  char      *meta_title;
  char      *meta_author;
  GPtrArray *blocks;
};

G_END_DECLS
