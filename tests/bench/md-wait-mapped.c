/* md-wait-mapped.c — measure the time from exec to the first mapped
 * top-level window of a command, on an X server without a window manager
 * (typically Xvfb).
 *
 * Usage: md-wait-mapped [--timeout SECONDS] -- COMMAND [ARGS...]
 *
 * Prints the elapsed time in milliseconds (one decimal) as the only line on
 * stdout, then terminates the command (SIGTERM, then SIGKILL after 2 s) and
 * exits 0.  Exits 1 on timeout, if the command exits before mapping a
 * window, or on any setup error.  The command's stdout is redirected to
 * stderr so that stdout only ever carries the measurement.
 * Set MD_WAIT_MAPPED_DEBUG=1 to log the windows considered on stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#define MIN_WIDTH 200
#define MIN_HEIGHT 150
#define DEFAULT_TIMEOUT_S 30.0
#define KILL_GRACE_S 2.0
#define POLL_SLICE_MS 20

static volatile sig_atomic_t got_signal = 0;
static pid_t child_pid = 0;

static void
on_signal (int signum)
{
  got_signal = signum;
}

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1.0e6;
}

/* Windows may vanish between the MapNotify and our queries: ignore
 * errors (BadWindow, BadDrawable, ...) instead of aborting. */
static int
ignore_x_error (Display *dpy, XErrorEvent *ev)
{
  (void) dpy;
  (void) ev;
  return 0;
}

/* Losing the X connection is fatal in Xlib; at least take the command
 * down with us. */
static int
on_x_io_error (Display *dpy)
{
  (void) dpy;
  fprintf (stderr, "md-wait-mapped: lost connection to the X server\n");
  if (child_pid > 0)
    {
      kill (-child_pid, SIGKILL);
      kill (child_pid, SIGKILL);
    }
  _exit (1);
}

static void
usage (FILE *out)
{
  fprintf (out, "Usage: md-wait-mapped [--timeout SECONDS] -- COMMAND [ARGS...]\n");
}

/* Parent pid of @pid according to /proc, or -1. */
static pid_t
parent_of (pid_t pid)
{
  char path[64];
  char buf[512];
  FILE *f;
  size_t n;
  char *close_paren;
  int ppid;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  f = fopen (path, "r");
  if (f == NULL)
    return -1;
  n = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[n] = '\0';

  /* "pid (comm) state ppid ..." — comm may contain spaces/parens. */
  close_paren = strrchr (buf, ')');
  if (close_paren == NULL)
    return -1;
  if (sscanf (close_paren + 1, " %*c %d", &ppid) != 1)
    return -1;
  return (pid_t) ppid;
}

/* TRUE if @pid is @ancestor or one of its descendants. */
static bool
is_self_or_descendant (pid_t pid, pid_t ancestor)
{
  for (int depth = 0; depth < 64 && pid > 1; depth++)
    {
      if (pid == ancestor)
        return true;
      pid = parent_of (pid);
    }
  return false;
}

/* Returns the _NET_WM_PID of @win, or 0 when unset/unknown. */
static pid_t
window_pid (Display *dpy, Window win, Atom net_wm_pid)
{
  Atom type = None;
  int format = 0;
  unsigned long nitems = 0, after = 0;
  unsigned char *data = NULL;
  pid_t pid = 0;

  if (XGetWindowProperty (dpy, win, net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &nitems, &after, &data) == Success
      && type == XA_CARDINAL && format == 32 && nitems == 1 && data != NULL)
    pid = (pid_t) *(unsigned long *) (void *) data;

  if (data != NULL)
    XFree (data);
  return pid;
}

/* Decide whether a freshly mapped child of the root is "the main window
 * of the command": big enough, not override-redirect (menus, tooltips,
 * drag icons), and — when the client advertises _NET_WM_PID — owned by the
 * command or one of its descendants. */
static bool
is_main_window (Display *dpy, Window win, Atom net_wm_pid, pid_t child)
{
  XWindowAttributes attrs;
  pid_t owner;

  if (!XGetWindowAttributes (dpy, win, &attrs))
    return false;
  if (attrs.override_redirect)
    return false;
  if (attrs.width < MIN_WIDTH || attrs.height < MIN_HEIGHT)
    return false;

  owner = window_pid (dpy, win, net_wm_pid);
  if (owner != 0 && !is_self_or_descendant (owner, child))
    return false;

  return true;
}

/* Non-blocking reap; returns true when the child is gone. */
static bool
child_exited (pid_t child, int *status)
{
  pid_t r;

  do
    r = waitpid (child, status, WNOHANG);
  while (r < 0 && errno == EINTR);

  return r == child || (r < 0 && errno == ECHILD);
}

static void
describe_status (int status)
{
  if (WIFEXITED (status))
    fprintf (stderr, "md-wait-mapped: command exited with status %d before mapping a window\n",
             WEXITSTATUS (status));
  else if (WIFSIGNALED (status))
    fprintf (stderr, "md-wait-mapped: command killed by signal %d before mapping a window\n",
             WTERMSIG (status));
  else
    fprintf (stderr, "md-wait-mapped: command ended before mapping a window\n");
}

/* SIGTERM the child's process group, wait up to KILL_GRACE_S, then
 * SIGKILL it, and reap the child. */
static void
terminate_child (pid_t child)
{
  int status;
  double deadline;

  if (child_exited (child, &status))
    {
      kill (-child, SIGKILL); /* stray grandchildren, if any */
      return;
    }

  kill (-child, SIGTERM);
  kill (child, SIGTERM);

  deadline = now_ms () + KILL_GRACE_S * 1000.0;
  while (now_ms () < deadline)
    {
      if (child_exited (child, &status))
        {
          kill (-child, SIGKILL);
          return;
        }
      poll (NULL, 0, 10);
    }

  kill (-child, SIGKILL);
  kill (child, SIGKILL);
  while (waitpid (child, &status, 0) < 0 && errno == EINTR)
    ;
}

int
main (int argc, char **argv)
{
  double timeout_s = DEFAULT_TIMEOUT_S;
  char **cmd = NULL;
  Display *dpy;
  Window root;
  Atom net_wm_pid;
  int xfd;
  double start, deadline;
  pid_t child;
  int status;
  int i;
  struct sigaction sa;
  bool debug = getenv ("MD_WAIT_MAPPED_DEBUG") != NULL;

  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        {
          cmd = &argv[i + 1];
          break;
        }
      else if (strcmp (argv[i], "--timeout") == 0 && i + 1 < argc)
        {
          char *end = NULL;

          timeout_s = strtod (argv[++i], &end);
          if (end == argv[i] || *end != '\0' || !(timeout_s > 0))
            {
              fprintf (stderr, "md-wait-mapped: invalid timeout '%s'\n", argv[i]);
              return 1;
            }
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          usage (stdout);
          return 0;
        }
      else
        {
          usage (stderr);
          return 1;
        }
    }

  if (cmd == NULL || cmd[0] == NULL)
    {
      usage (stderr);
      return 1;
    }

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      const char *name = getenv ("DISPLAY");
      fprintf (stderr, "md-wait-mapped: cannot open X display '%s'\n",
               name != NULL ? name : "(unset)");
      return 1;
    }
  XSetErrorHandler (ignore_x_error);
  XSetIOErrorHandler (on_x_io_error);

  root = DefaultRootWindow (dpy);
  net_wm_pid = XInternAtom (dpy, "_NET_WM_PID", False);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  /* The child must not inherit our X connection. */
  xfd = ConnectionNumber (dpy);
  fcntl (xfd, F_SETFD, fcntl (xfd, F_GETFD) | FD_CLOEXEC);

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);

  fflush (NULL);
  start = now_ms ();
  child = fork ();
  if (child < 0)
    {
      perror ("md-wait-mapped: fork");
      return 1;
    }
  if (child == 0)
    {
      /* Own process group so that helpers get cleaned up too. */
      setpgid (0, 0);
      signal (SIGINT, SIG_DFL);
      signal (SIGTERM, SIG_DFL);
      signal (SIGHUP, SIG_DFL);
      /* Keep our stdout exclusively for the measurement. */
      dup2 (STDERR_FILENO, STDOUT_FILENO);
      execvp (cmd[0], cmd);
      fprintf (stderr, "md-wait-mapped: cannot execute '%s': %s\n", cmd[0], strerror (errno));
      _exit (127);
    }
  child_pid = child;
  setpgid (child, child); /* avoid racing with the child's own setpgid */

  deadline = start + timeout_s * 1000.0;

  for (;;)
    {
      while (XPending (dpy) > 0)
        {
          XEvent ev;
          double t;

          XNextEvent (dpy, &ev);
          t = now_ms ();

          if (ev.type != MapNotify)
            continue;
          if (ev.xmap.event != root || ev.xmap.override_redirect)
            continue;
          if (!is_main_window (dpy, ev.xmap.window, net_wm_pid, child))
            {
              if (debug)
                fprintf (stderr, "md-wait-mapped: %.1f ms: ignoring window 0x%lx\n",
                         t - start, (unsigned long) ev.xmap.window);
              continue;
            }
          if (debug)
            fprintf (stderr, "md-wait-mapped: %.1f ms: window 0x%lx mapped (_NET_WM_PID %d, child %d)\n",
                     t - start, (unsigned long) ev.xmap.window,
                     (int) window_pid (dpy, ev.xmap.window, net_wm_pid), (int) child);

          printf ("%.1f\n", t - start);
          fflush (stdout);
          terminate_child (child);
          XCloseDisplay (dpy);
          return 0;
        }

      if (got_signal)
        {
          fprintf (stderr, "md-wait-mapped: interrupted by signal %d\n", (int) got_signal);
          terminate_child (child);
          return 1;
        }

      if (child_exited (child, &status))
        {
          describe_status (status);
          kill (-child, SIGKILL);
          return 1;
        }

      {
        double remaining = deadline - now_ms ();
        struct pollfd pfd = { .fd = xfd, .events = POLLIN };
        int slice;

        if (remaining <= 0)
          {
            fprintf (stderr, "md-wait-mapped: timeout after %.1f s waiting for '%s' to map a window\n",
                     timeout_s, cmd[0]);
            terminate_child (child);
            return 1;
          }

        slice = remaining < POLL_SLICE_MS ? (int) remaining + 1 : POLL_SLICE_MS;
        if (poll (&pfd, 1, slice) < 0 && errno != EINTR)
          {
            perror ("md-wait-mapped: poll");
            terminate_child (child);
            return 1;
          }
        if (pfd.revents & (POLLERR | POLLHUP))
          {
            fprintf (stderr, "md-wait-mapped: lost connection to the X server\n");
            terminate_child (child);
            return 1;
          }
      }
    }
}
