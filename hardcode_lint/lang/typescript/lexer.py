"""The pre-filter's value lexer: whether the value of a binding (or the arguments of a call)
that starts at a byte holds a number token, read from the file's bytes without a parse.

The value is read up to where it must end: a ``;`` or a closing bracket of its own level, or
a ``,`` of its own level before any ``<`` (a ``<`` may open type arguments,
``Map<string, number>``, whose commas do not end it).  Strings and comments are skipped, so
their digits do not count; a template literal, an unpaired quote or a ``/`` that may open a
regular expression ends the reading with a pass.  The lexer can only read too much (an
expression without ``;`` goes on into the next statement), never too little (the exceptions
are in ``prefilter.py``'s docstring).

Whether a site is kept, the lexer asks of any number token.  Whether a site makes its file
pass, it asks (``values``) of the numbers that can be the site's own value as the detector's
``context.site_of`` finds it (a number climbs to its site through parentheses, arrays,
objects, ternary branches, ``??`` and ``||``, never further): not one inside a call's
arguments or an index (``absFloor(seconds / 60)``, ``match[1]``: a bracket right after a
name, a ``)`` or a ``]``: the number is that call's, or no value), nor an operand of
arithmetic with a name (``seconds / 60``, ``j - 1``, ``1000 / freq``: ``literals.py`` folds
numbers only, and a number under any other operator is no site).  Those are no hit of this
site, and any other site they stand in is read on its own.
"""

from __future__ import annotations

import re

#: What the lexer stops at: comments and strings (skipped), brackets, the ends of a value, a
#: template literal or a lone quote (a pass), a slash, a digit.
_TOKEN = re.compile(
    rb"//[^\n]*|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|[][(){};,<`'\"/0-9]",
    re.S,
)
_OPEN, _CLOSE = frozenset(b"([{"), frozenset(b")]}")
IN_NAME = frozenset(
    b"_$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
) | frozenset(range(0x80, 0x100))
#: The bytes after which a ``/`` divides (else it may open a regular expression), and after
#: which a ``(`` or a ``[`` applies to what stands before it (a call, an index).
_DIVIDES_AFTER = IN_NAME | frozenset(b")]")
#: The bytes that end a name or an index, never a number (a digit may: ``60 * 1000``).
_AFTER_NAME = IN_NAME - frozenset(b"0123456789") | frozenset(b"]")
_ARITHMETIC = frozenset(b"+-*/%")
#: A whole number token (the lexer stops at its first digit); a zero says nothing unless zeros
#: are findings (`setTimeout(resolve, 0)`, `Math.max(0, n - 1)`, `timeout: 0`).
_NUMBER = re.compile(rb"0[xXoObB][0-9a-fA-F_]*|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]*)?")
#: How most values start: a number (it counts), or a string, a name or a member chain, maybe
#: called with arguments that hold no bracket, number, slash or ``<``, ended by a ``;`` or
#: ``,`` (``opts.timeout,``, ``require("x");``: the value ends holding none); read in one step.
_NAME = rb"[A-Za-z_$\x80-\xff][\w$\x80-\xff]*"
_STRING = rb"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
_QUICK = re.compile(
    rb"[ \t\r\n]*(?:([0-9])|(?:" + _STRING + rb"|" + _NAME + rb"(?:\." + _NAME
    + rb"|\s*\((?:[^][(){};<`'\"/0-9]|" + _STRING + rb")*\))*)[ \t\r\n]*([,;]))"
)  # fmt: skip
#: After a number: an arithmetic operator, then a name (``1000 / freq``; not ``/*``, ``//``).
_BEFORE_NAME = re.compile(rb"\s*(?:\*\*?|/(?![/*])|%|\+(?!\+)|-(?!-))\s*[A-Za-z_$\x80-\xff]")


def _zero(data: bytes, start: int) -> bool:
    match = _NUMBER.match(data, start)
    token = match.group().replace(b"_", b"") if match else b""
    try:
        return float(int(token, 0) if token[:2].lower() in (b"0x", b"0o", b"0b") else token) == 0
    except ValueError:
        return False  # not read here: it counts


def _opens_body(data: bytes, at: int) -> bool:
    """Whether the ``{`` at ``at`` opens a function's body (after ``=>`` or a parameter list),
    not an object: what stands in a body is some other call's or binding's."""
    before = data[max(0, at - 64) : at].rstrip()
    return before[-1:] in (b">", b")")


def _applied(data: bytes, at: int, after: int) -> bool:
    """Whether the ``(`` or ``[`` at ``at`` holds a call's arguments or an index: right after
    a name, a ``)`` or a ``]`` (spaces between; nothing read before ``after``, where the last
    comment or string ended, counts)."""
    before = data[max(after, at - 64) : at].rstrip()
    return bool(before) and before[-1] in _DIVIDES_AFTER


def _operand(data: bytes, start: int, after: int) -> bool:
    """Whether the number token at ``start`` is an operand of arithmetic whose other operand
    is a name (``j - 1``, ``1000 / freq``): such a number never folds into a literal."""
    before = data[max(after, start - 64) : start].rstrip()
    if before[-1:] and before[-1] in _ARITHMETIC:
        rest = before[:-1].rstrip()
        if rest[-1:] and rest[-1] in _AFTER_NAME:
            return True  # `j - 1`, `items[i] * 2` (not `a++ + 1`, nor `-1` after `=`)
    end = _NUMBER.match(data, start)
    return end is not None and _BEFORE_NAME.match(data, end.end()) is not None


def holds_number(data: bytes, at: int, commas_end: bool, zeros: bool = True,
                 bodies: bool = True, values: bool = False) -> bool:  # fmt: skip
    """Whether the value (or argument list) starting at byte ``at`` holds a number token
    before it must end; True too where the lexer cannot tell (see the module's docstring).
    Without ``zeros`` a zero token does not count; without ``bodies`` neither does a number
    in a function body among a call's arguments (``setTimeout(() => { n = 1 }, 0)``); with
    ``values`` only a number that can be the site's own value counts, up to the first ``<``
    (a comparison, type arguments or JSX, whose text may hold a lone bracket: from there on
    every number counts)."""
    quick = _QUICK.match(data, at)
    if quick is not None:
        if quick.group(1) is None:
            if commas_end or quick.group(2) == b";":
                return False
        elif zeros and not values:
            return True
    return _read(data, at, commas_end, zeros, bodies, values)


def _read(data: bytes, at: int, commas_end: bool, zeros: bool, bodies: bool,
          values: bool) -> bool:  # fmt: skip
    """:func:`holds_number`, token by token."""
    depth, skipped = 0, at  # `skipped`: where the last comment or string ended
    body = hushed = -1  # the depth of the body, or of the arguments or index, passed over
    for match in _TOKEN.finditer(data, at):
        token = match.group()
        first = token[0]
        if len(token) > 1 and first in b"/'\"":
            skipped = match.end()
            continue  # a comment or a string
        if first in _OPEN:
            if body < 0 and not bodies and first == 0x7B and _opens_body(data, match.start()):
                body = depth
            elif hushed < 0 and values and first != 0x7B and _applied(data, match.start(), skipped):
                hushed = depth
            depth += 1
        elif first in _CLOSE:
            depth -= 1
            if depth == body:
                body = -1
            if depth == hushed:
                hushed = -1
            if depth < 0:
                return False
        elif 0x30 <= first <= 0x39:
            start = match.start()
            if (
                (start == 0 or data[start - 1] not in IN_NAME)
                and body < 0
                and hushed < 0
                and (zeros or not _zero(data, start))
                and not (values and _operand(data, start, skipped))
            ):
                return True
        elif first in (0x3B, 0x2C):  # `;`, or `,` (the end of a value, not of arguments)
            if depth == 0 and (first == 0x3B or commas_end):
                return False
        elif first == 0x3C:  # `<`
            if depth == 0:
                commas_end = False
            values, hushed = False, -1
        elif first == 0x2F:  # `/`
            before = data[max(0, match.start() - 200, skipped) : match.start()].rstrip()
            if not before or before[-1] not in _DIVIDES_AFTER:
                return True  # a regular expression may start here
        else:
            return True  # a template literal or a lone quote
    return False
