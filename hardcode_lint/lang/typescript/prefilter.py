"""The TypeScript/JavaScript pre-filter: whether a file may hold a site, read from its bytes
before any parse (most files hold none, and their parse was a third of a cold scan).

A finding is a number literal whose site (``context.py``) is judged by one of:

- a catalogued callee (its positions, or the option names of its object arguments): the
  callee is written with the catalog's last name (``setTimeout``, ``.max``, ``.expire``,
  ``Pool``) and called (``name(``), a member of what its key names before that name where
  the name alone is no key (``Math.max``, ``AbortSignal.timeout``: ``max(`` and
  ``node.max(`` resolve to no key), or it is a name imported from a catalogued module (any
  local name: ``import LRU from "lru-cache"``), whose name is then quoted right after a
  ``from`` or a ``require(`` (comments may stand between; ``imports.py`` reads no other);
- the name of the site, or of the property enclosing it (``timeout: { request: 5 }``): the
  name (``identifier``, ``"quoted"``, ``[computed]``, ``this[kName]``, ``#private``,
  ``jsx-name``) is written right before the ``:`` of a property, parameter or field, or the
  ``=``, ``??=``, ``||=`` of a binding, assignment, default or JSX attribute (comments may stand
  between), and the name's verdict (the one :func:`~.verdicts.name_verdict` gives the
  detector) is a duration or a limit, or the name is a bound word alone (``max``,
  ``minimum``) that the file also reads as an option with a default (``.max ??``, ``.max
  ||``): the detector's ``option_default`` (``this.max = opts.max || 10``).

So a file passes when a catalogued module is imported or required in it, a catalogued last
name is called (so) with a number among its arguments, a telling (or defaulted bound) name
is bound to a value holding a number, or a watched replacement is mentioned; a number that
the detector cannot find the site's own counts for none (one in a function body passed to
a call, in some other call's arguments or an index, or in arithmetic with a name:
``setTimeout(() => { n = 1 }, 0)``, ``minutes = floor(seconds / 60)``).  Where zeros are no
findings (``DetectOptions.zeros``) a zero token does not count (``setTimeout(resolve, 0)``,
``Math.max(0, n)``, ``timeout: 0``).  A bound name is tried by its words first and judged in
full only once it is bound to a number.

The value of a binding (or the arguments of a call) is read by a small lexer
(``lexer.py``) up to where it must end.  It can only read too much, never too little, except
where a ``/`` after a keyword (``return /[)]/``) opens a regular expression holding a bracket
or a quote inside a telling value, JSX text inside one holds paired quotes around a bracket,
a ``//`` in code comes before a line comment that stands between a name and its ``=``, or a
quoted key holds an escaped quote (``'a\\'s-timeout': 5``); none is in the bench's corpus
(``--no-prefilter`` turns the filter off, and the bench and the tests check that the
findings are the same without it).

A file skipped here is not parsed, so it is not told it is unreadable (as with Go's filter).
A file that passes is read to its end all the same: each site a hit may stand in opens at an
anchor (the byte after its name's ``:`` or ``=``, or its call's ``(``), and the numbers of the
parsed file are judged only in the binders those anchors open (``tokens.py``), as the filter
would let a file holding that site alone through: most of a big file's numbers stand in none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hardcode_lint.detect.anyword import any_word, longest_word
from hardcode_lint.detect.catalog import Catalog
from hardcode_lint.detect.names import holds_telling_word, telling_words
from hardcode_lint.lang.typescript.lexer import holds_number
from hardcode_lint.lang.typescript.tables import names_table
from hardcode_lint.lang.typescript.verdicts import name_verdict

#: The searches run over the file's bytes reversed, so each starts with a rare byte (``:``,
#: ``=``, ``(``), which the regular expression engine skips to without trying every position.
#: A gap: spaces and comments (reversed: a block comment reads the same, a line comment is
#: its newline, its text, then ``//``: tried first, up to the line's first ``//``).
_GAP = rb"(?:\n[^\n]*//|\s|/\*+[^*]*\*+(?:[^/*][^*]*\*+)*/)*"
#: The same, read forwards.
_GAP_AHEAD = rb"(?:\s|//[^\n]*\n|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/)*"
#: A binding's ``:`` (``?:``, ``!:``) or ``=`` (``??=``, ``||=``; not ``==``, ``=>``, ``<=``),
#: then (before it) a name: an identifier (with ``-`` and ``:``, as a JSX attribute's, and
#: ``#``), a quoted key, either maybe in ``[ ]``.
_ASSIGNS, _COLON = rb"=(?<![=>]=)(?:\?\?|\|\|)?", rb":(?:" + _GAP + rb"[?!])?"
_NAMED = (
    _GAP + rb"(?:\]" + _GAP + rb")?"
    rb"([\w$\x80-\xff:-]+#?(?![\w$\x80-\xff#:-])|'[^'\n]*'|\"[^\"\n]*\")"
)
_BINDING = re.compile(rb"(?:" + _ASSIGNS + rb"|" + _COLON + rb")" + _NAMED)
#: Its two halves, each a search from one literal byte, which the engine finds several times
#: faster than either of two (:func:`_bound_names`).
_ASSIGNED, _COLONED = re.compile(_ASSIGNS + _NAMED), re.compile(_COLON + _NAMED)
#: A fallback of a named value (``opts.timeout || 20000``, ``x.initialWindowSize ?? 65535``):
#: its ``||`` or ``??`` (not ``||=``), then (before it) the name it falls back from, maybe
#: closing tsc's optional chain (``(_b === null || _b === void 0 ? void 0 : _b.expires) ||``).
#: A search for each operator, from its literal bytes (several times faster than either).
_FALLBACKS = tuple(
    re.compile(operator + _GAP + rb"(?:\)" + _GAP + rb")?([\w$\x80-\xff]+)(?![\w$\x80-\xff])")
    for operator in (rb"\|\|", rb"\?\?")
)  # fmt: skip
_MEMO_SIZE = 200_000
_UNSEEN = object()


@dataclass(frozen=True)
class Needles:
    """The searches run over a file's bytes reversed.  ``calls`` find a catalogued last name
    called (at its ``(``, ``<``, ``?.`` or a comment), ``imports`` a catalogued module's
    name quoted after a ``from`` or a ``require(`` (at its closing quote): a search for each
    of those bytes, which the engine skips to several times faster than to any of a class
    of bytes; the names, as prefix trees (``anyword.longest_word``), are tried at each by
    their first byte."""

    calls: tuple[re.Pattern[bytes], ...]
    imports: tuple[re.Pattern[bytes], ...]
    defaults: re.Pattern[bytes]  # `.max ??`, `.min ||`: an option read with a default
    catalog: Catalog
    # the telling words and timed heads, one search of an ASCII name lowered (:func:`_tells`);
    # None where a word is not ASCII (it may match an ASCII name's letter by case folding)
    tells: re.Pattern[bytes] | None = None
    # a catalogued last name (reversed) -> what must stand before it (reversed, read from
    # its end) for a call of it to resolve to a catalogued callee (:func:`_receivers`)
    receivers: dict[bytes, re.Pattern[bytes]] = field(default_factory=dict)
    memo: dict[bytes, bool | None] = field(default_factory=dict, compare=False, hash=False)


def needles_for(catalog: Catalog) -> Needles:
    """The pre-filter's tests for one catalog (built once per catalog)."""
    keys = set(catalog.apis)
    last = {key.rsplit(".", 1)[-1] for key in keys} | set(catalog.methods)
    names = sorted((n for n in last if re.fullmatch(r"[\w$]+", n)), key=len, reverse=True)
    modules = {
        key[:at] for key in keys for at in range(len(key) + 1) if at == len(key) or key[at] == "."
    }
    reversed_names = longest_word(n[::-1] for n in names).encode()
    quoted = longest_word(m[::-1] for m in modules).encode()
    calls = tuple(
        re.compile(re.escape(opener) + rb"\s*(" + reversed_names + rb")(?![\w$\x80-\xff])")
        for opener in (b"(", b"<", b"?", b"/")
    )
    imports = tuple(
        re.compile(quote + quoted + rb"(?::edon)?[\"'`]" + _GAP + rb"(?:morf|\(" + _GAP
                   + rb"eriuqer)(?![\w$\x80-\xff])")
        for quote in (b'"', b"'", b"`")
    )  # fmt: skip
    bound = "|".join(re.escape(w) for w in sorted(catalog.words.bound_limit_words)) or "(?!)"
    defaults = re.compile(
        rb"\.((?i:" + bound.encode() + rb"))(?![\w$\x80-\xff])" + _GAP_AHEAD + rb"(?:\?\?|\|\|)"
    )
    receivers = {
        name[::-1].encode(): re.compile(_GAP + rb"\.\??" + _GAP + rb"(?:" + segments + rb")"
                                        rb"(?![\w$\x80-\xff])")
        for name in names if (segments := _receivers(catalog, name)) is not None
    }  # fmt: skip
    return Needles(calls, imports, defaults, catalog, _tells_search(catalog), receivers)


def _receivers(catalog: Catalog, name: str) -> bytes | None:
    """What a call of the last name ``name`` must be a member of to resolve to a catalogued
    callee in a file that imports no catalogued module (else the file passes anyway): the
    last word of a key's head (``Math`` for ``Math.max``), as ``imports.resolve`` reads the
    callee as written; None where any receiver (or none) may (``setTimeout``, ``*.expire``).
    Reversed, as one alternation (``(?!)`` where none can: a module's name is no word)."""
    if name in catalog.methods:
        return None
    words = []
    for key in catalog.apis:
        head, dot, last = key.rpartition(".")
        if last != name:
            continue
        if not dot:
            return None  # the name alone is catalogued (`setTimeout`, `helmet`)
        word = head.rpartition(".")[2]
        if re.fullmatch(r"[\w$]+", word):
            words.append(re.escape(word[::-1]).encode())
    return b"|".join(sorted(words)) or b"(?!)"


def _tells_search(catalog: Catalog) -> re.Pattern[bytes] | None:
    words = telling_words(catalog.words)
    if not all(word.isascii() for word in words):
        return None
    heads = {head for head in names_table()[0] if head.isascii() and head == head.lower()}
    return re.compile(any_word({*(word.lower() for word in words), *heads}).encode())


def _remembered(backwards: bytes, needles: Needles) -> bool | None:
    """What is known of a name (``backwards``: its bytes reversed): False (it tells nothing,
    by its words alone), True (judged telling), None (it holds a telling word, not judged
    in full yet)."""
    memo = needles.memo
    if backwards in memo:
        return memo[backwards]
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    found = memo[backwards] = None if _may_name(backwards[::-1], needles) else False
    return found


def _confirmed(backwards: bytes, needles: Needles) -> bool:
    """The name judged in full (once; remembered)."""
    found = needles.memo.get(backwards)
    if found is None:
        found = needles.memo[backwards] = _judged(backwards[::-1], needles)
    return found


def _unquoted(raw: bytes) -> bytes | None:
    """The name as written between its quotes and after its ``#`` (None: an escape in it,
    whose reading is not worked out here)."""
    if raw[:1] in (b"'", b'"'):
        if b"\\" in raw:
            return None
        raw = raw[1:-1]
    return raw.lstrip(b"#")


def _may_name(raw: bytes, needles: Needles) -> bool:
    """A necessary test of :func:`_judged`: the name holds a telling word or a timed head."""
    name = _unquoted(raw)
    return name is None or _tells(name, needles)


def _judged(raw: bytes, needles: Needles) -> bool:
    unquoted = _unquoted(raw)
    if unquoted is None:
        return True  # an escape: what it reads as is not worked out here
    raw = unquoted
    if not _tells(raw, needles):
        return False  # each candidate below is a part of `raw`: none can tell either
    candidates = {raw}
    candidates.update(part for part in re.split(rb"[-:]", raw) if part)
    catalog = needles.catalog
    for candidate in candidates:
        if not _tells(candidate, needles):
            continue  # what name_verdict would say at once (most names), without its splitting
        name = candidate.decode("utf-8", "replace")
        if name_verdict(name, catalog, False) or name_verdict(name, catalog, True):
            return True
    return False


def _tells(name: bytes, needles: Needles) -> bool:
    """:func:`_may_tell` of a name's bytes: an ASCII name (most) by one search of its bytes
    lowered, as :func:`~.names.holds_telling_word` searches it, without decoding it."""
    if needles.tells is not None and name.isascii():
        return needles.tells.search(name.lower()) is not None
    return _may_tell(name.decode("utf-8", "replace"), needles.catalog, names_table()[0])


def _may_tell(name: str, catalog: Catalog, heads: frozenset[str]) -> bool:
    """Whether ``name`` holds a telling word or a timed head (both are searched as parts of
    its text, so a name without one has no part with one: most names end here, unsplit)."""
    if holds_telling_word(name, catalog.words):
        return True
    lowered = name.lower()
    return any(head in lowered for head in heads)


def _bindings(data: bytes, backwards: bytes, needles: Needles, zeros: bool,
              anchors: list[int], names: dict[int, bytes]) -> bool:  # fmt: skip
    """Whether a telling (or defaulted bound) name is bound to a number, or read with one as
    its fallback (:func:`_fallback_names`); every name holding a telling word (or defaulted)
    bound to a value holding a number token, zeros too, gives its anchor.  A name is first
    tried by its words alone (cheap; most fail and are remembered so), then its value is
    read, and only a name bound to a number is judged in full, until one passes (most of a
    file's bound names never are)."""
    size, defaulted, memo = len(data), _defaulted(data, needles), needles.memo
    passes = False
    for match in [*_bound_names(backwards), *_fallback_names(backwards)]:
        name = match.group(1)
        known = memo.get(name, _UNSEEN)
        if known is _UNSEEN:
            known = _remembered(name, needles)
        if known is False and name not in defaulted:
            continue
        at = size - match.start()
        if not holds_number(data, at, True):
            continue
        anchors.append(at)  # judged in full by the detector, where a number stands in it
        if name not in defaulted:
            names[at] = name
        if not passes:
            passes = holds_number(data, at, True, zeros, bodies=False, values=True) and (
                name in defaulted or _confirmed(name, needles))  # fmt: skip
    return passes


def _fallback_names(backwards: bytes) -> list[re.Match[bytes]]:
    """The matches of ``_FALLBACKS`` in ``backwards``: a telling name read with a fallback
    (``opts.timeout || 20000``, the detector's ``fallback``) opens a site after its operator,
    as a binding's ``=`` does (``||=`` is a binding's own)."""
    return [m for search in _FALLBACKS for m in search.finditer(backwards)
            if not m.start() or backwards[m.start() - 1] != 0x3D]  # fmt: skip


def _bound_names(backwards: bytes) -> list[re.Match[bytes]]:
    """The matches of ``_BINDING`` in ``backwards`` (in no order), found by its two halves.
    A search resumes after each match, so a match of one half inside one of the other's (the
    ``=`` of a quoted key: ``"export=": 1``) is dropped; where a match of ``=`` holds a ``:``
    that starts a match (``c?a:b=0`` unspaced), or runs on past the ``:``'s match it starts
    in, the one search reads the file (what it would have skipped is not worked out here)."""
    assigned = list(_ASSIGNED.finditer(backwards))
    coloned = list(_COLONED.finditer(backwards))
    spanning = [m for m in assigned if 0x3A in m.group()]  # `:`
    if spanning:
        starts = {m.start() for m in coloned}
        if any(m.start() + i in starts for m in spanning for i in _offsets(m.group(), 0x3A)):
            return list(_BINDING.finditer(backwards))
    holding = [m for m in coloned if 0x3D in m.group()]  # `=`
    if holding:
        at = {m.start(): m for m in assigned}
        inner = [(at[m.start() + i], m) for m in holding for i in _offsets(m.group(), 0x3D)
                 if m.start() + i in at]  # fmt: skip
        if any(match.end() > outer.end() for match, outer in inner):
            return list(_BINDING.finditer(backwards))
        dropped = {match.start() for match, _ in inner}
        assigned = [m for m in assigned if m.start() not in dropped]
    return assigned + coloned


def _offsets(text: bytes, byte: int) -> list[int]:
    return [i for i, b in enumerate(text) if b == byte and i]


def _defaulted(data: bytes, needles: Needles) -> frozenset[bytes]:
    """The bound words (``max``, ``minimum``) read as an option with a default in ``data``
    (``opts.max || 10``), reversed and as quoted keys too: bound to a number they are a limit
    (``this.max = opts.max || 10``: the detector's ``option_default``), though alone they
    tell nothing."""
    words = {m.group(1) for m in needles.defaults.finditer(data)}
    return frozenset(w[::-1] for word in words for w in (word, b"'%s'" % word, b'"%s"' % word))


def _calls(data: bytes, calls: list[tuple[int, bool]], zeros: bool, anchors: list[int]) -> bool:
    """Whether a catalogued last name is called (``calls``: after each one's opener) with a
    number among its arguments (not in a function body passed to it: ``values`` of
    ``lexer.py``), or so that the lexer cannot tell, where the callee may resolve to a
    catalogued one (``Math.max``, not ``max`` nor ``node.max``); every one called with a
    number token among its arguments, zeros and bodies too, gives its anchor."""
    passes = False
    for at, resolves in calls:
        held = holds_number(data, at, False)
        if held:
            anchors.append(at)
        if not passes and resolves:
            passes = data[at - 1] != 0x28 or (held and holds_number(
                data, at, False, zeros, bodies=False, values=True))  # fmt: skip
    return passes


@dataclass(frozen=True)
class Scan:
    """What the pre-filter read of a file: whether it may hold a hit, and where each site
    that may hold one opens (the byte after a name's ``:`` or ``=``, or after a call's
    ``(``), where the judging of the parsed file looks (``tokens.py``); None where any number
    may stand in a site (a catalogued module is imported: a name of any spelling may call
    it)."""

    passes: bool
    anchors: list[int] | None
    names: dict[int, bytes] = field(default_factory=dict)  # each binding's, reversed

    def telling(self, at: int, needles: Needles) -> bool:
        """Whether the site opening at ``at`` may hold a hit by its name, judged in full (once
        a name): a call's or a defaulted bound word's always may."""
        name = self.names.get(at)
        return name is None or _confirmed(name, needles)


def scan(data: bytes, needles: Needles, zeros: bool = True) -> Scan:
    """The file read once, every site kept (a file that passes is parsed, and its numbers
    judged only in the sites kept here); without ``zeros`` a zero literal is no hit for
    :attr:`Scan.passes` (the user keeps zeros out, and no rule claims one)."""
    backwards, size = data[::-1], len(data)
    if any(search.search(backwards) for search in needles.imports):
        return Scan(True, None)  # a catalogued module is imported
    calls: list[tuple[int, bool]] = []  # after each `(`; whether its callee may resolve
    for search in needles.calls:
        for match in search.finditer(backwards):
            receiver = needles.receivers.get(match.group(1))
            resolves = receiver is None or receiver.match(backwards, match.end()) is not None
            calls.append((size - match.start(), resolves))
    anchors: list[int] = []
    names: dict[int, bytes] = {}
    called = _calls(data, calls, zeros, anchors)
    named = _bindings(data, backwards, needles, zeros, anchors, names)
    return Scan(called or named, anchors, names)


def may_hold_site(data: bytes, needles: Needles, zeros: bool = True) -> bool:
    """False only for a file that can hold no hit (migrated sites are asked apart)."""
    return scan(data, needles, zeros).passes
