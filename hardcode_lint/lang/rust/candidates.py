"""The pre-filter's name test: whether a file binds a literal to a telling name anywhere.

Most files hold no site; a few regular expressions over the bytes tell which ones may, so that
only those are parsed.  A binding's literal may be wrapped (``: Some(5)``, ``: Some(VarInt(5))``)
or be a fallback (``self.timeout.unwrap_or(30)``, ``x.map_or(512, f)``): ``values.py`` reads those.
"""

from __future__ import annotations

import re

from hardcode_lint.detect.names import classify_name, split_words
from hardcode_lint.detect.words import NameWords

#: `= 5`, `: Some(5)`, `: Some(VarInt(5))`, `: NonZeroU32::new(10)` (``values.py`` unwraps them).
_BOUND_LITERAL = re.compile(rb"[:=][ \t]*(?:[A-Z]\w*(?:::new)?[ \t]*\([ \t]*)*[-(]*[ \t]*[0-9]")
_FALLBACK_LITERAL = re.compile(rb"\.[ \t]*(?:unwrap_or|map_or)[ \t]*\([ \t]*[-(&]*[ \t]*[0-9]")
_IDENTIFIER = re.compile(rb"[A-Za-z_]\w*")
_LET_NAME = re.compile(rb"(?:const|static|let)\s+(?:mut\s+)?([A-Za-z_]\w*)\s*(?::[^=;]*)?=\s*$")
_FIELD_NAME = re.compile(rb"([A-Za-z_]\w*)\s*:\s*$")
#: `fn default_attempts() -> usize { 2 }`: a function whose whole body is a literal (serde's
#: `#[serde(default = "default_attempts")]`, a trait's default) names its value.
_DEFAULT_FN = re.compile(
    rb"\bfn\s+([A-Za-z_]\w*)\s*\([^)]*\)\s*->\s*[\w:<>]+\s*\{\s*[-(]*\s*[0-9][\w.]*\s*\}"
)


def named_candidate(data: bytes, words: NameWords) -> bool:
    """Whether a ``let``/``const``/``static``, a field or a function's whole body binds a
    literal to a telling name."""
    for match in _BOUND_LITERAL.finditer(data):
        window = data[max(0, match.start() - 160) : match.start() + 1]
        found = (_LET_NAME if match.group(0)[:1] == b"=" else _FIELD_NAME).search(window)
        if found and classify_name(found.group(1).decode(), words, as_keyword=False):
            return True
    for match in _DEFAULT_FN.finditer(data):
        name = match.group(1).decode()
        defaults = not words.default_function_words.isdisjoint(split_words(name))
        if defaults and classify_name(name, words, as_keyword=False):
            return True
    for match in _FALLBACK_LITERAL.finditer(data):
        window = data[max(0, match.start() - 160) : match.start()]
        for name in _IDENTIFIER.findall(window):
            if classify_name(name.decode(), words, as_keyword=False):
                return True
    return False
