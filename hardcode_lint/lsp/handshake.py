"""Answer ``initialize`` before pygls is imported.

An editor sends nothing until ``initialize`` is answered, and pygls cannot read a message
before ``lsprotocol.types`` is imported: about half a second of class building, most of a
start-up (issue 25's bar is 0.6 s).  The answer is known without it: the server's capabilities
do not depend on what the client says but for the position encoding, chosen as pygls chooses
it (the client's first of utf-8, utf-16, utf-32; else utf-16), and whether ``willSave`` is
said to be off.  So the first message is read
here with the standard library and, when it is ``initialize``, answered at once; then pygls
starts, reads that same message first (:class:`Replay`: the server keeps what the client
said) and its own answer to it is not sent again (:class:`AnsweredOnce`).
``tests/test_lsp_handshake.py`` checks this answer against pygls's own for several clients.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, BinaryIO

from hardcode_lint import __version__

_ENCODINGS = ("utf-8", "utf-16", "utf-32")
#: What the server offers (``server.py`` registers these features; pygls builds the same).
CAPABILITIES: dict[str, Any] = {
    "textDocumentSync": {"openClose": True, "change": 2, "save": True},
    "hoverProvider": True,
    "definitionProvider": True,
    "codeActionProvider": {
        "codeActionKinds": ["quickfix", "source.fixAll.hardcode-lint"],
        "resolveProvider": True,
    },
    "executeCommandProvider": {"commands": []},
    "workspace": {
        "workspaceFolders": {"supported": True, "changeNotifications": True},
        "fileOperations": {},
    },
}


def read_message(stream: BinaryIO) -> tuple[bytes, dict[str, Any] | None]:
    """One framed message: its bytes as read, and its JSON object (None when the stream
    ended or the message is not one)."""
    raw, length = b"", None
    while True:
        line = stream.readline()
        raw += line
        if not line or line in (b"\r\n", b"\n"):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length" and value.strip().isdigit():
            length = int(value.strip())
    if length is None or not line:
        return raw, None
    body = stream.read(length)
    raw += body
    try:
        message = json.loads(body)
    except ValueError:
        return raw, None
    return raw, message if isinstance(message, dict) else None


def position_encoding(params: dict[str, Any]) -> str:
    """The client's first offered encoding the server speaks, else utf-16 (as pygls)."""
    general = (params.get("capabilities") or {}).get("general") or {}
    for offered in general.get("positionEncodings") or ():
        if offered in _ENCODINGS:
            return str(offered)
    return "utf-16"


def _sync(params: dict[str, Any]) -> dict[str, Any]:
    """The text document sync options: pygls says ``willSave: false`` (the server does not
    ask for it) exactly when the client said anything about it."""
    offered = ((params.get("capabilities") or {}).get("textDocument") or {}).get(
        "synchronization") or {}  # fmt: skip
    said = {key: False for key in ("willSave", "willSaveWaitUntil") if offered.get(key) is not None}
    return {**CAPABILITIES["textDocumentSync"], **said}


def answer(params: dict[str, Any]) -> dict[str, Any]:
    """The ``InitializeResult`` for ``params``, as JSON data."""
    capabilities = {"positionEncoding": position_encoding(params), **CAPABILITIES}
    capabilities["textDocumentSync"] = _sync(params)
    return {
        "capabilities": capabilities,
        "serverInfo": {"name": "hardcode-lint", "version": __version__},
    }


def framed(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


@dataclass
class Handshake:
    """The first message, and the id of the ``initialize`` answered here (None: not one)."""

    first: bytes
    answered: int | str | None = None

    @classmethod
    def run(cls, stdin: BinaryIO, stdout: BinaryIO) -> Handshake:
        """Read the first message; answer it on ``stdout`` when it is ``initialize``."""
        raw, message = read_message(stdin)
        if message is None or message.get("method") != "initialize" or "id" not in message:
            return cls(raw)
        params = message.get("params")
        if not isinstance(params, dict) or not isinstance(message["id"], int | str):
            return cls(raw)  # pygls answers what is wrong with it
        result = answer(params)
        stdout.write(framed({"jsonrpc": "2.0", "id": message["id"], "result": result}))
        stdout.flush()
        return cls(raw, message["id"])


class Replay:
    """``stdin`` with the handshake's message in front of it (pygls reads lines and runs)."""

    def __init__(self, first: bytes, stdin: BinaryIO) -> None:
        self.pending, self.stdin = first, stdin

    def readline(self) -> bytes:
        if not self.pending:
            return self.stdin.readline()
        end = self.pending.find(b"\n") + 1 or len(self.pending)
        line, self.pending = self.pending[:end], self.pending[end:]
        return line

    def read(self, size: int) -> bytes:
        taken, self.pending = self.pending[:size], self.pending[size:]
        return taken + (self.stdin.read(size - len(taken)) if size > len(taken) else b"")


class AnsweredOnce:
    """``stdout`` that drops pygls's answer to the ``initialize`` answered already."""

    def __init__(self, stdout: BinaryIO, answered: int | str | None) -> None:
        self.stdout, self.answered = stdout, answered

    def write(self, data: bytes) -> None:
        if self.answered is not None and self._answers(data):
            self.answered = None
            return
        self.stdout.write(data)
        self.stdout.flush()

    def _answers(self, data: bytes) -> bool:
        _, _, body = data.partition(b"\r\n\r\n")
        try:
            message = json.loads(body)
        except ValueError:
            return False
        return (
            isinstance(message, dict)
            and message.get("id") == self.answered
            and ("result" in message or "error" in message)
        )

    def flush(self) -> None:
        self.stdout.flush()

    def close(self) -> None:
        self.stdout.close()
