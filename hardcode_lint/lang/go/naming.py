"""Go's spelling of a settings key: ``scheduler.ttl_seconds`` is the field path
``Scheduler.TTLSeconds`` (exported CamelCase with Go's initialisms), since another package can
only read exported fields.

Rules and templates keep the key as it is (``settings.Get().{key}``); the front end spells the
fields after the accessor the Go way wherever it splices, compares or reads a replacement, so a
rule written either way migrates to the same code.  The spelling is read back (``TTLSeconds`` ->
``ttl_seconds``) for ``check``'s dangling-reference gate; a key whose spelling does not read
back is refused when its module is generated.
"""

from __future__ import annotations

import re

#: golint's common initialisms, written upper-case in Go names (`ID`, `HTTPTimeout`).
_INITIALISMS = """ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS RAM RHS
RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS"""
INITIALISMS = frozenset(_INITIALISMS.split())
_WORD = re.compile(r"[A-Z0-9]+(?=[A-Z][a-z]|$)|[A-Z][a-z0-9]*|[a-z0-9]+")
#: an accessor call (`settings.Get()`, `cfg.Get()`) and the field chain read from it
_READ = re.compile(r"(\b[A-Za-z_]\w*\s*\.\s*Get\s*\(\s*\))((?:\s*\.\s*[A-Za-z_]\w*)+)")


def go_name(part: str) -> str:
    """One key part as an exported Go field name: ``ttl_seconds`` -> ``TTLSeconds``; where
    initialisms would run together (``id_ttl``: ``IDTTL``), each word capitalised (``IdTTL``);
    a word of digits after another keeps its underscore (``sha_256``: ``Sha_256``)."""
    words = [w for w in part.split("_") if w]
    capitals = [w[:1].upper() + w[1:] for w in words]
    spelled = [c.upper() if c.upper() in INITIALISMS else c for c in capitals]
    for index in range(len(spelled)):
        if key_part("".join(spelled)) == part:
            break
        spelled[index] = capitals[index]
    joined = "".join(spelled)
    if key_part(joined) != part:  # `sha_256`: `Sha256` reads back as `sha256`; `Sha_256` does
        joined = "".join(("_" if i and w[:1].isdigit() else "") + w for i, w in enumerate(capitals))
    return joined if key_part(joined) == part else "_".join(capitals)  # `v_1_x`: `V_1_X`


def key_part(name: str) -> str:
    """A Go field name read back as a key part: ``TTLSeconds`` -> ``ttl_seconds``."""
    return "_".join(w.lower() for w in _WORD.findall(name)) or name


def go_path(key: str) -> str:
    """``scheduler.ttl_seconds`` -> ``Scheduler.TTLSeconds``."""
    return ".".join(go_name(part) for part in key.split("."))


def spelling_problem(key: str) -> str | None:
    """Why ``key`` has no Go field path that reads back as it, or None."""
    for part in key.split("."):
        name = go_name(part)
        if not name or not name[0].isalpha() or key_part(name) != part:
            return f"key {key!r}: {part!r} has no Go field name that reads back as it"
    return None


def go_spelled(expression: str) -> str:
    """``settings.Get().a.ttl_seconds`` -> ``settings.Get().A.TTLSeconds`` (other code as is)."""

    def fields(match: re.Match[str]) -> str:
        names = re.findall(r"[A-Za-z_]\w*", match.group(2))
        return match.group(1) + "".join(f".{go_name(n)}" for n in names)

    return _READ.sub(fields, expression)
