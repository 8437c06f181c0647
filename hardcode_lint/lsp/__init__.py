"""The language server (``hardcode-lint lsp``): the engine, rules and fixes, in the editor.

It adds no detector of its own.  An open buffer is analysed with
:func:`engine.analyze_with_memo` (each version starting from the front end's memo of the last
one, so that an edit is judged by the statements it changed) and matched with
:func:`rules.match.match_rules` under the same settings ``scan`` uses, and a code action's text
is what :func:`fix.checked.formatted_fixes` makes of the buffer's bytes, so the editor and the
command line can never disagree.  The modules, bottom up:

- ``capabilities``: what ``initialize`` reads (imported before it is answered; the rest after);
- ``text``: character offsets <-> LSP positions (UTF-16 by default), minimal text edits;
- ``project``: one project root's configuration, rules, baseline and whole-workspace analysis;
- ``buffer``: one buffer's findings, with their rule's status across the whole project;
- ``analyses``: one analysis per document version, shared by diagnostics, hover and actions;
- ``diagnostics``, ``actions``, ``hover``: what the editor is sent;
- ``server``: the pygls wiring (the only module importing pygls).

Only ``server`` imports pygls, and nothing here is imported until the ``lsp`` command runs
(``cli/launch.py`` starts it without the other commands).
"""
