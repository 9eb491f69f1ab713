#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks Mobility Dossier the way a screen reader meets it: over AT-SPI.

    xvfb-run -a dbus-run-session -- /usr/bin/python3 tests/a11y/check.py \
        BUILDDIR/src/app/mobility-dossier [--open BUNDLE]... [--inbox FOLDER]

Starts the application with private XDG directories, creates a new
dossier, visits the eight wizard screens and walks the accessible tree of
each one: every control a user can reach (buttons, entries, combo boxes,
switches, focusable list rows…) must have a name, its own or through a
labelled-by relation that GTK resolves into the name it reports (screen
readers read that name). A validation problem must reach the field's
accessible description. Each --open bundle is then shown and walked the
same way, filled in, and --inbox opens a folder of bundles in the
coordinator window and walks that.

Exit status: 0 when all is well, 1 with the list of problems (role and
path of each unlabelled control), 77 (skipped) without pyatspi.

GTK 4.8 gives an unnamed widget its type name ("GtkImage") as accessible
name, so a name that is a widget type counts as no name at all.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The tests' G_DEBUG=fatal-warnings is meant for the application; libatspi
# warns here about applications without a cache, which GTK 4.8 has not.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
    import pyatspi
except (ImportError, ValueError) as error:
    print(f'SKIP: pyatspi is not available ({error})')
    sys.exit(77)

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
N_SCREENS = 8
# What a screen reader lands on or operates; these always need a name.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_PAGE_TAB,
}
for _role in ('ROLE_SWITCH', 'ROLE_PUSH_BUTTON_MENU'):
    if hasattr(pyatspi, _role):
        CONTROL_ROLES.add(getattr(pyatspi, _role))
# Containers and rows: they need a name when the keyboard can reach them.
FOCUSABLE_ROLES = {
    pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_ITEM,
    pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TABLE_CELL,
}
# Rows and cells may take their name from the text they show.
NAMED_BY_CONTENT = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_TABLE_ROW,
                    pyatspi.ROLE_TABLE_CELL}
GENERIC_ROLES = {pyatspi.ROLE_FILLER, pyatspi.ROLE_PANEL, pyatspi.ROLE_UNKNOWN}
TYPE_NAME = re.compile(r'(Gtk|Adw|Md|Gdk)[A-Z][A-Za-z0-9]*')
TIMEOUT = 20.0
LONG_LIST = 20
SAMPLE_ROWS = 8


STARTED = time.monotonic()
OPTIONS = argparse.Namespace(dark=False, screenshots=None)


def log(message):
    print(f'{time.monotonic() - STARTED:5.1f} {message}', flush=True)


def wait_for(predicate, what, timeout=TIMEOUT):
    """Polls predicate until it returns something true, or fails."""
    # Stretched for builds that run many times slower (build-aux/sanitize).
    timeout *= max(1, int(os.environ.get('MD_TEST_TIMEOUT_MULTIPLIER', '1')))
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except Exited:
            raise
        except Exception:  # the tree changes under our feet; try again
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise Failure(f'timed out waiting for {what}')
        time.sleep(0.1)


class Failure(Exception):
    pass


class Exited(Exception):
    pass


def is_real_name(name):
    name = (name or '').strip()
    return bool(name) and not any(TYPE_NAME.fullmatch(word) for word in name.split())


def children(node):
    try:
        return [child for child in node if child is not None]
    except Exception:
        return []


def role_name(role):
    # Local, unlike getRoleName(), which asks the application each time.
    return Atspi.role_get_name(role)


def describe(node):
    role = role_name(node.getRole())
    name = node.name or ''
    return f"{role} “{name}”" if is_real_name(name) else role


def has_state(node, state):
    return node.getState().contains(state)


def labelled_by_names(node):
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            if target is not None:
                names.append(target.name or '')
    return names


def text_of_content(node, depth=0):
    """The text a row shows, for rows named by their content (ARIA "name from content")."""
    if depth > 6:
        return ''
    if node.getRole() == pyatspi.ROLE_LABEL and is_real_name(node.name):
        return node.name
    for child in children(node):
        text = text_of_content(child, depth + 1)
        if text:
            return text
    return ''


def name_problem(node, role, name):
    """Why node lacks a usable name, or None when it has one."""
    name = name.strip()
    if is_real_name(name):
        return None
    if role in NAMED_BY_CONTENT and text_of_content(node):
        return None
    # GTK folds labelled-by into the name it reports, one level deep: a
    # relation to a row, itself named only by its title label, leaves the
    # name empty, and screen readers then read the type name. The relation
    # only makes the message clearer.
    labels = [label for label in labelled_by_names(node) if is_real_name(label)]
    hint = f', though labelled by “{labels[0]}”' if labels else ''
    return (f'no name (reports “{name}”{hint})' if name else f'no name{hint}')


def needs_name(node, role, name, path):
    if role in CONTROL_ROLES:
        return True
    if role in FOCUSABLE_ROLES:
        return has_state(node, pyatspi.STATE_FOCUSABLE)
    # A widget GTK 4.8 gives no role of its own, such as a calendar, still
    # takes the focus; the parts of a control (the item shown in a
    # drop-down's button) do not count on their own.
    return (role in GENERIC_ROLES and not is_real_name(name)
            and has_state(node, pyatspi.STATE_FOCUSABLE)
            and not any(ancestor in CONTROL_ROLES for ancestor, _, _ in path[:-1]))


# Leaves and decorations that hold no controls: not worth the round trips.
LEAF_ROLES = {pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE, pyatspi.ROLE_SCROLL_BAR,
              pyatspi.ROLE_SEPARATOR}


def walk(node, path=(), skip=()):
    """Yields (node, role, name, path) depth first, leaving out the subtrees in skip.

    path holds (role, name, index in parent) for each ancestor and the node."""
    stack = [(node, path + ((node.getRole(), node.name or '', 0),))]
    while stack:
        node, here = stack.pop()
        role, name, _ = here[-1]
        yield node, role, name, here
        if role in LEAF_ROLES:
            continue
        kids = []
        kids_all = children(node)
        # A long list's rows come from one template and are alike: the
        # first ones tell as much as all 250 countries, for far fewer round
        # trips. Lists of hand-made rows are shorter than that.
        if role in (pyatspi.ROLE_LIST, pyatspi.ROLE_TREE_TABLE) and len(kids_all) > LONG_LIST:
            kids_all = kids_all[:SAMPLE_ROWS]
        for index, child in enumerate(kids_all):
            if any(child == other for other in skip):
                continue
            kids.append((child, here + ((child.getRole(), child.name or '', index),)))
        stack.extend(reversed(kids))


def format_path(path, full=False):
    parts = []
    for role, name, index in path:
        if role is None:  # where the walk started
            parts.append(name)
            continue
        part = role_name(role)
        if is_real_name(name):
            part += f' “{name}”'
        parts.append(part if not full else f'{part}[{index}]')
    if full:
        return ' › '.join(parts)
    # Unnamed containers make the path long without helping to find the widget.
    kept = [part for part in parts[:-1] if '“' in part]
    return ' › '.join(kept[-4:] + [parts[-1]])


class Checker:
    def __init__(self):
        self.problems = {}

    def check_tree(self, root, context, path=(), skip=()):
        count = 0
        for node, role, name, node_path in walk(root, path, skip):
            try:
                if not needs_name(node, role, name, node_path):
                    continue
                count += 1
                problem = name_problem(node, role, name)
            except Exception:  # gone while we looked
                continue
            if problem:
                key = format_path(node_path, full=True)
                where = format_path(node_path)
                # Unnamed buttons often have a tooltip, which tells them apart.
                if node.description:
                    where += f' (description “{node.description}”)'
                self.problems.setdefault(key, (context, role_name(role), problem, where))
        return count

    def fail(self, context, message):
        self.problems.setdefault(f'{context}: {message}', (context, '', message, ''))


class App:
    """One run of the application under AT-SPI."""

    def __init__(self, binary, args=(), extra_env=None, settings=None, cwd=None):
        self.tmp = tempfile.mkdtemp(prefix='md-a11y-')
        env = dict(os.environ)
        # The widget tests turn accessibility off; this test needs it on.
        for name in ('NO_AT_BRIDGE', 'GTK_A11Y'):
            env.pop(name, None)
        for name in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR'):
            path = os.path.join(self.tmp, name.lower())
            os.makedirs(path, mode=0o700)
            env[name] = path
        builddir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(binary))))
        env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(builddir, 'data'))
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        env.setdefault('MD_PROGRAMMES_DIR', os.path.join(SOURCE_ROOT, 'data', 'programmes'))
        env.setdefault('MD_GRADING_DIR', os.path.join(SOURCE_ROOT, 'data', 'grading'))
        env.setdefault('MD_LOCALEDIR', os.path.join(builddir, 'po'))
        env.setdefault('GSK_RENDERER', 'cairo')
        env['LC_ALL'] = 'C.UTF-8'
        env['LANGUAGE'] = ''
        if APP_G_DEBUG:
            env['G_DEBUG'] = APP_G_DEBUG
        env.update(extra_env or {})
        if OPTIONS.dark:
            # libadwaita follows the desktop's preference when no portal answers.
            settings = (settings or '') + "[org/gnome/desktop/interface]\ncolor-scheme='prefer-dark'\n"
        if settings:
            # Settings other than the application's own (GTK's file chooser)
            # are set through a key file in the private configuration.
            path = os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
            os.makedirs(path)
            with open(os.path.join(path, 'keyfile'), 'w', encoding='utf-8') as keyfile:
                keyfile.write(settings)
            env['GSETTINGS_BACKEND'] = 'keyfile'
        # An X server resets when its last client leaves, and refuses
        # clients meanwhile: xvfb-run without -noreset can lose the first start.
        for attempt in range(3):
            self.process = subprocess.Popen([os.path.abspath(binary), *args], env=env, cwd=cwd)
            try:
                self.app = wait_for(self._find_application, 'the application on the accessibility bus')
                break
            except Exited:
                if attempt == 2:
                    raise Failure(f'the application exited with status {self.process.returncode}')
                log('  the application exited at start; trying again')
                time.sleep(0.5)

    def _find_application(self):
        if self.process.poll() is not None:
            raise Exited()
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.get_process_id() == self.process.pid and app.childCount > 0:
                return app
        return None

    def frame(self, title_part=None):
        def find():
            for window in children(self.app):
                if window.getRole() == pyatspi.ROLE_FRAME and (title_part is None or title_part in window.name):
                    return window
            return None
        return wait_for(find, f'a window “{title_part or ""}”')

    def quit(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def find(root, predicate, skip=()):
    for node, role, name, _ in walk(root, skip=skip):
        try:
            if predicate(node, role, name):
                return node
        except Exception:
            continue
    return None


def find_near(root, predicate, depth=12):
    """Breadth first, down to depth: the window's frame work sits above the
    deep content of the screens, which find() would walk first."""
    level = [root]
    for _ in range(depth):
        below = []
        for node in level:
            for child in children(node):
                try:
                    if predicate(child, child.getRole(), child.name or ''):
                        return child
                except Exception:  # gone while we looked
                    continue
                below.append(child)
        level = below
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'press', 'activate'):
            action.doAction(i)
            return
    raise Failure(f'{describe(node)} has no click action')


def button_named(root, text, skip=()):
    return find(root, lambda n, role, name: role == pyatspi.ROLE_PUSH_BUTTON and text in name
                and has_state(n, pyatspi.STATE_SENSITIVE), skip)


def selected_step(steps):
    for index, row in enumerate(children(steps)):
        if has_state(row, pyatspi.STATE_SELECTED):
            return index
    return None


class Wizard:
    """The wizard of one window: its list of steps, its screens and the Next button."""

    def __init__(self, frame):
        self.frame = frame
        self.steps = wait_for(lambda: find_near(frame, lambda n, role, name: role == pyatspi.ROLE_LIST
                                                and name == 'Steps of the application'),
                              'the list of steps')
        wait_for(lambda: selected_step(self.steps) == 0, 'the first screen')
        # Rows read "3. Mobility"; the screen's stack page is titled "Mobility".
        self.titles = [re.sub(r'^\d+\.\s*', '', row.name) for row in children(self.steps)]
        first = wait_for(lambda: find_near(frame, lambda n, role, name: role == pyatspi.ROLE_PANEL
                                           and name == self.titles[0] and n.childCount > 0),
                         'the first screen in the tree')
        by_title = {page.name: page for page in children(first.parent)}
        self.screens = [by_title.get(title) for title in self.titles]
        # The action bar with Next sits below the screens, in the same box.
        self.next_button = wait_for(lambda: button_named(first.parent.parent, 'Next',
                                                         skip=self.screens),
                                    'the Next button')

    def show(self, index):
        if selected_step(self.steps) != index:
            click(self.next_button)
            wait_for(lambda: selected_step(self.steps) == index, f'screen {index + 1}')
        if self.screens[index] is None:
            raise Failure(f'no screen titled “{self.titles[index]}” in the tree')
        return self.screens[index]


def screenshot(name):
    """Saves the X screen when --screenshots asks for it (needs ImageMagick)."""
    if not OPTIONS.screenshots or not shutil.which('import'):
        return
    os.makedirs(OPTIONS.screenshots, exist_ok=True)
    time.sleep(0.5)  # the crossfade between screens
    path = os.path.join(OPTIONS.screenshots, re.sub(r'[^\w.-]+', '-', name) + '.png')
    subprocess.run(['import', '-window', 'root', path], check=False)


def visit_screens(checker, frame, context, on_screen=None):
    wizard = Wizard(frame)
    if len(wizard.titles) != N_SCREENS:
        checker.fail(context, f'expected {N_SCREENS} steps, found {len(wizard.titles)}')
    for index, title in enumerate(wizard.titles):
        root = wizard.show(index)
        if on_screen:
            on_screen(title, root)
        where = f'{context}, screen {index + 1} “{title}”'
        screenshot(f'{context}-{index + 1}')
        count = checker.check_tree(root, where, ((None, f'screen “{title}”', index),))
        log(f'  {where}: {count} controls')
    # Header bar, banners, sidebar and action bar.
    count = checker.check_tree(frame, f'{context}, window', skip=wizard.screens)
    log(f'  {context}, rest of the window: {count} controls')


def check_email_description(checker, root):
    """A bad e-mail address must reach the field's description."""
    entry = find(root, lambda n, role, name: role == pyatspi.ROLE_TEXT and name == 'E-mail Address')
    if entry is None:
        checker.fail('validation', 'no “E-mail Address” entry on the screen')
        return
    entry.queryEditableText().setTextContents('not-an-e-mail')
    try:
        wait_for(lambda: 'not a valid e-mail address' in (entry.description or ''),
                 'the e-mail problem in the description', timeout=5)
        log(f'  validation: description is “{entry.description}”')
        screenshot('validation-problem')
    except Failure:
        checker.fail('validation', 'an invalid e-mail address does not show in the entry’s '
                     f'accessible description (it reads “{entry.description}”)')
    entry.queryEditableText().setTextContents('')
    try:
        wait_for(lambda: 'e-mail' not in (entry.description or ''), 'the description to clear',
                 timeout=5)
    except Failure:
        checker.fail('validation', 'the description keeps the e-mail problem after it was fixed')


def count_nodes(root, depth=8):
    """Counts the nodes near root: enough to see a popover come and go,
    without the round trips of walking its long lists."""
    if depth == 0:
        return 1
    return 1 + sum(count_nodes(child, depth - 1) for child in children(root))


def clickable(root, role, name_part):
    """The first node below root with that role and name that has a click action."""
    def can_click(node, node_role, name):
        if node_role != role or name_part not in name:
            return False
        action = node.queryAction()
        return any(action.getName(i) in ('click', 'press') for i in range(action.nActions))
    return find(root, can_click)


def check_popover(checker, owner, opener, context):
    """Opens a popover with its button, checks what it shows, and closes it.

    Popovers are out of the tree until shown, so walking the window does
    not reach them."""
    before = count_nodes(owner)
    click(opener)
    try:
        wait_for(lambda: count_nodes(owner) > before, f'the popover of {context}', timeout=5)
    except Failure:
        checker.fail(context, 'its popover did not open')
        return
    count = checker.check_tree(owner, context)
    log(f'  {context}: {count} controls')
    click(opener)
    wait_for(lambda: count_nodes(owner) <= before, f'the popover of {context} to close', timeout=5)


def check_popovers(checker, frame, about_you):
    menu = clickable(frame, pyatspi.ROLE_PUSH_BUTTON, 'Main Menu')
    if menu is None:
        checker.fail('main menu', 'no button named “Main Menu”')
    else:
        # The popover hangs off the menu button, around the button clicked.
        check_popover(checker, menu.parent, menu, 'main menu')

    row = find(about_you, lambda n, role, name: role == pyatspi.ROLE_LIST_ITEM
               and name == 'Nationality')
    button = row and find(row, lambda n, role, name: role == pyatspi.ROLE_PUSH_BUTTON)
    if button is None:
        checker.fail('nationality', 'no button in the “Nationality” row')
    else:
        check_popover(checker, row, button, 'the list of countries')

    row = find(about_you, lambda n, role, name: role == pyatspi.ROLE_TEXT
               and name == 'Date of Birth')
    button = row and clickable(row, pyatspi.ROLE_PUSH_BUTTON, 'Pick a Date')
    if button is None:
        checker.fail('date of birth', 'no “Pick a Date” button in the “Date of Birth” row')
    else:
        check_popover(checker, row, button, 'the calendar')


def check_preferences(checker, app, frame):
    menu = wait_for(lambda: clickable(frame, pyatspi.ROLE_PUSH_BUTTON, 'Main Menu'), 'the main menu')
    click(menu)
    click(wait_for(lambda: find(menu.parent, lambda n, role, name: role == pyatspi.ROLE_MENU_ITEM
                                and 'Preferences' in name), 'Preferences in the main menu'))
    window = app.frame('Preferences')
    title = window.name
    count = checker.check_tree(window, 'preferences')
    log(f'  preferences: {count} controls')
    click(wait_for(lambda: button_named(window, 'Close'), 'the Close button of the preferences'))
    wait_for(lambda: all(w.name != title for w in children(app.app)), 'the preferences to close')


def check_new_dossier(checker, binary):
    app = App(binary)
    try:
        frame = app.frame()
        checker.check_tree(frame, 'empty window')
        check_preferences(checker, app, frame)
        click(wait_for(lambda: button_named(frame, 'New Dossier'), 'the New Dossier button'))

        def on_screen(title, root):
            if title == 'About You':
                check_email_description(checker, root)
                check_popovers(checker, frame, root)

        visit_screens(checker, frame, 'new dossier', on_screen)
    finally:
        app.quit()


def check_inbox(checker, binary, folder):
    """Opens folder as an inbox in the coordinator window and walks that window.

    The folder chooser starts in the working directory and picks it when
    nothing is selected: the test needs no typing in GTK's own dialog."""
    settings = "[org/gtk/gtk4/settings/file-chooser]\nstartup-mode='cwd'\n"
    app = App(binary, settings=settings, cwd=folder)
    try:
        frame = app.frame()
        menu = wait_for(lambda: clickable(frame, pyatspi.ROLE_PUSH_BUTTON, 'Main Menu'),
                        'the main menu')
        click(menu)
        item = wait_for(lambda: find(menu.parent, lambda n, role, name: role == pyatspi.ROLE_MENU_ITEM
                                     and 'Inbox' in name), 'Open Folder as Inbox in the menu')
        click(item)
        dialog = wait_for(lambda: next((w for w in children(app.app) if 'Inbox' in w.name
                                        and w.getRole() != pyatspi.ROLE_FRAME), None),
                          'the folder chooser')
        click(wait_for(lambda: button_named(dialog, 'Open'), 'the Open button of the chooser'))
        inbox = app.frame('Coordinator')
        # The subtitle counts the dossiers once they are all read.
        expected = len([name for name in os.listdir(folder) if name.endswith('.dossier.json')])
        wait_for(lambda: find(inbox, lambda n, role, name: role == pyatspi.ROLE_LABEL
                              and re.search(rf'\b{expected} dossiers?$', name)),
                 'the dossiers to load')
        count = checker.check_tree(inbox, 'coordinator window')
        log(f'  coordinator window: {count} controls')
        # The detail pane and the scoring form fill in for a selected dossier.
        table = find(inbox, lambda n, role, name: role == pyatspi.ROLE_TREE_TABLE)
        rows = table and find(table, lambda n, role, name: role == pyatspi.ROLE_LIST)
        try:
            selected = rows.querySelection().selectChild(0)
        except Exception as error:  # pylint: disable=broad-except
            selected = f'{type(error).__name__} {error}'
        if selected is not True:
            checker.fail('coordinator window', f'cannot select a dossier in the table ({selected})')
            return
        wait_for(lambda: find(inbox, lambda n, role, name: role == pyatspi.ROLE_SPIN_BUTTON),
                 'the scoring form of the selected dossier')
        # The table is as it was; the detail pane is what changed.
        count = checker.check_tree(inbox, 'coordinator window, dossier selected', skip=[table])
        log(f'  coordinator window, dossier selected: {count} controls')
    finally:
        app.quit()


def check_narrow(checker, binary):
    """At phone width the wizard folds and shows a button for the steps."""
    settings = '[io/github/mobilitydossier/Dossier]\nwindow-width=360\nwindow-height=720\n'
    app = App(binary, settings=settings)
    try:
        frame = app.frame()
        click(wait_for(lambda: button_named(frame, 'New Dossier'), 'the New Dossier button'))
        wizard = Wizard(frame)
        count = checker.check_tree(frame, 'narrow window', skip=wizard.screens)
        log(f'  narrow window: {count} controls')
        if button_named(frame, 'All Steps', skip=wizard.screens) is None:
            checker.fail('narrow window', 'no “All Steps” button at phone width')
    finally:
        app.quit()


def check_bundle(checker, binary, bundle):
    app = App(binary, [bundle])
    try:
        frame = app.frame()
        visit_screens(checker, frame, os.path.basename(bundle))
    finally:
        app.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--open', action='append', default=[], metavar='BUNDLE',
                        help='also walk the screens with this bundle open')
    parser.add_argument('--inbox', metavar='FOLDER',
                        help='also open this folder of bundles in the coordinator window')
    parser.add_argument('--dark', action='store_true',
                        help='run the application in the dark style')
    parser.add_argument('--screenshots', metavar='DIR',
                        help='save a screenshot of every wizard screen in DIR')
    args = parser.parse_args(namespace=OPTIONS)

    started = time.monotonic()
    checker = Checker()
    try:
        log('new dossier:')
        check_new_dossier(checker, args.binary)
        log('narrow window:')
        check_narrow(checker, args.binary)
        # Copies: the application may write beside a bundle (a backup, a
        # review), and the source tree stays as it was.
        for bundle in args.open:
            copy_dir = tempfile.mkdtemp(prefix='md-a11y-bundle-')
            log(f'{os.path.basename(bundle)}:')
            try:
                check_bundle(checker, args.binary, shutil.copy(bundle, copy_dir))
            finally:
                shutil.rmtree(copy_dir, ignore_errors=True)
        if args.inbox:
            copy_dir = tempfile.mkdtemp(prefix='md-a11y-inbox-')
            log(f'inbox {args.inbox}:')
            try:
                for name in os.listdir(args.inbox):
                    if name.endswith('.dossier.json'):
                        shutil.copy(os.path.join(args.inbox, name), copy_dir)
                check_inbox(checker, args.binary, copy_dir)
            finally:
                shutil.rmtree(copy_dir, ignore_errors=True)
    except Failure as error:
        checker.fail('run', str(error))

    log(f'checked in {time.monotonic() - started:.1f} s')
    if not checker.problems:
        log('PASS: every control has a name; validation problems reach the description')
        return 0
    log(f'FAIL: {len(checker.problems)} problems')
    for key, (context, role, problem, where) in checker.problems.items():
        log(f'  [{context}] {role}: {problem}\n      at {where}' if role else f'  {key}')
    return 1


if __name__ == '__main__':
    sys.exit(main())
