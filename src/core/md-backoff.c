/* md-backoff.c
 *
 * Exponential backoff with jitter. The delay doubles with every failed
 * attempt up to a cap, so a server that is down is not hammered and a
 * laptop that is offline for a weekend still retries every hour. The
 * jitter only ever shortens the delay (down to 1 - jitter of it), so
 * the cap holds, and many clients that failed together (an intake that
 * went down at the deadline) do not all come back at the same instant.
 *
 * The random source is injected so that tests are repeatable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-backoff.h"

struct _MdBackoff
{
  GObject  parent_instance;

  gint64   base;
  gint64   cap;
  double   jitter;
  GRand   *rand;
};

G_DEFINE_FINAL_TYPE (MdBackoff, md_backoff, G_TYPE_OBJECT)

static void
md_backoff_finalize (GObject *object)
{
  MdBackoff *self = (MdBackoff *)object;

  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (md_backoff_parent_class)->finalize (object);
}

static void
md_backoff_class_init (MdBackoffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_backoff_finalize;
}

static void
md_backoff_init (MdBackoff *self)
{
}

MdBackoff *
md_backoff_new (void)
{
  return md_backoff_new_full (MD_BACKOFF_DEFAULT_BASE, MD_BACKOFF_DEFAULT_CAP,
                              MD_BACKOFF_DEFAULT_JITTER, g_rand_new ());
}

/**
 * md_backoff_new_full:
 * @base_usec: the delay after the first failure, in microseconds
 * @cap_usec: the longest delay
 * @jitter: the largest fraction the delay is shortened by, 0 to 1
 * @rand: (transfer full): the random source
 */
MdBackoff *
md_backoff_new_full (gint64  base_usec,
                     gint64  cap_usec,
                     double  jitter,
                     GRand  *rand)
{
  MdBackoff *self;

  g_return_val_if_fail (base_usec > 0, NULL);
  g_return_val_if_fail (cap_usec >= base_usec, NULL);
  g_return_val_if_fail (jitter >= 0.0 && jitter <= 1.0, NULL);
  g_return_val_if_fail (rand != NULL, NULL);

  self = g_object_new (MD_TYPE_BACKOFF, NULL);
  self->base = base_usec;
  self->cap = cap_usec;
  self->jitter = jitter;
  self->rand = rand;
  return self;
}

gint64
md_backoff_get_base (MdBackoff *self)
{
  g_return_val_if_fail (MD_IS_BACKOFF (self), 0);

  return self->base;
}

gint64
md_backoff_get_cap (MdBackoff *self)
{
  g_return_val_if_fail (MD_IS_BACKOFF (self), 0);

  return self->cap;
}

double
md_backoff_get_jitter (MdBackoff *self)
{
  g_return_val_if_fail (MD_IS_BACKOFF (self), 0.0);

  return self->jitter;
}

/**
 * md_backoff_get_nominal_delay:
 * @attempt: how many attempts failed so far, from 1
 *
 * Returns: base × 2^(attempt − 1), at most the cap, in microseconds
 */
gint64
md_backoff_get_nominal_delay (MdBackoff *self,
                              guint      attempt)
{
  gint64 delay;

  g_return_val_if_fail (MD_IS_BACKOFF (self), 0);

  delay = self->base;
  for (guint i = 1; i < attempt && delay < self->cap; i++)
    delay *= 2;

  return MIN (delay, self->cap);
}

/**
 * md_backoff_get_delay:
 * @attempt: how many attempts failed so far, from 1
 *
 * Returns: the nominal delay shortened by a random fraction of at most
 *   the jitter, in microseconds
 */
gint64
md_backoff_get_delay (MdBackoff *self,
                      guint      attempt)
{
  gint64 nominal;

  g_return_val_if_fail (MD_IS_BACKOFF (self), 0);

  nominal = md_backoff_get_nominal_delay (self, attempt);
  return nominal - (gint64) (nominal * self->jitter * g_rand_double (self->rand));
}
