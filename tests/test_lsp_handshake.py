"""`initialize` is answered before pygls is imported (issue 25's start-up bar), with exactly
the answer pygls would give, once; pygls then reads that same message, so the server knows
what the client said."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hardcode_lint.lsp.handshake import AnsweredOnce, Handshake, Replay, answer, framed
from tests.lsp_helpers import child_env

NEOVIM = {  # the parts of Neovim 0.11's capabilities that could change an answer
    "general": {"positionEncodings": ["utf-8", "utf-16", "utf-32"]},
    "textDocument": {
        "synchronization": {"willSave": True, "willSaveWaitUntil": True, "didSave": True},
        "rename": {"prepareSupport": True},
        "diagnostic": {"dynamicRegistration": True},
    },
    "workspace": {
        "didChangeWatchedFiles": {"dynamicRegistration": True},
        "configuration": True,
        "workspaceFolders": True,
        "fileOperations": {"willRename": True, "didCreate": True},
    },
    "window": {"workDoneProgress": True},
}
CLIENTS = [
    {},
    NEOVIM,
    {"general": {"positionEncodings": ["utf-32"]}},
    {"general": {"positionEncodings": ["utf-7", "utf-16"]}},
    {"general": {"positionEncodings": ["latin-1"]}},
    {"notebookDocument": {"synchronization": {"dynamicRegistration": True}}},
]


def _pygls_answer(capabilities: dict[str, object]) -> object:
    from lsprotocol import types

    from hardcode_lint.lsp.server import create_server

    protocol = create_server().protocol
    params = protocol._converter.structure(
        {"processId": None, "rootUri": None, "capabilities": capabilities},
        types.InitializeParams,
    )
    steps = protocol.lsp_initialize(params)
    try:
        while True:
            handler, args, _ = next(steps)
            handler(*args)
    except StopIteration as done:
        return protocol._converter.unstructure(done.value)


@pytest.mark.parametrize("capabilities", CLIENTS)
def test_the_early_answer_is_the_one_pygls_gives(capabilities):
    params = {"processId": None, "rootUri": None, "capabilities": capabilities}
    assert answer(params) == _pygls_answer(capabilities)


def _messages(data: bytes) -> list[dict[str, object]]:
    found = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in header.split(b"\r\n")
                      if line.lower().startswith(b"content-length"))  # fmt: skip
        found.append(json.loads(rest[:length]))
        data = rest[length:]
    return found


def _request(method: str, ident: int | None, params: object = None) -> bytes:
    message: dict[str, object] = {"jsonrpc": "2.0", "method": method}
    if ident is not None:
        message["id"] = ident
    if params is not None:
        message["params"] = params
    return framed(message)


def _answered(ident: int) -> Callable[[list[dict[str, Any]]], bool]:
    return lambda found: any(m.get("id") == ident and "method" not in m for m in found)


def _diagnosed(found: list[dict[str, Any]]) -> bool:
    return any(m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["diagnostics"] for m in found)  # fmt: skip


def _serve(tmp_path: Path, *rounds: tuple[list[bytes], Callable[[list[dict[str, Any]]], bool]]
           ) -> list[dict[str, Any]]:  # fmt: skip
    """Each round's messages sent, then the server's read until the round's test holds (a
    `shutdown` sent at once would cancel what is still being worked on)."""
    server = subprocess.Popen([sys.executable, "-m", "hardcode_lint", "lsp"], cwd=tmp_path,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=child_env())  # fmt: skip
    assert server.stdin is not None and server.stdout is not None
    found: list[dict[str, Any]] = []
    for messages, done in rounds:
        server.stdin.write(b"".join(messages))
        server.stdin.flush()
        while not done(found):
            header = b"".join(iter(server.stdout.readline, b"\r\n")) + b"\r\n"
            found += _messages(header + server.stdout.read(int(header.split()[1])))
    server.stdin.close()
    found += _messages(server.stdout.read())
    assert server.wait(timeout=60) == 0, server.stderr.read() if server.stderr else ""
    return found


def test_the_server_answers_initialize_once_and_knows_what_the_client_said(tmp_path):
    (tmp_path / "a.py").write_text("import time\n\ntime.sleep(5)\n")
    uri = (tmp_path / "a.py").as_uri()
    offer = {"general": {"positionEncodings": ["utf-8"]}}  # a client that asks nothing back
    params = {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": offer}
    opened = {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                               "text": "import time\n\nx = 'é'; time.sleep(5)\n"}}  # fmt: skip
    first = [_request("initialize", 1, params), _request("initialized", None, {}),
             _request("textDocument/didOpen", None, opened)]  # fmt: skip
    last = [_request("shutdown", 3), _request("exit", None)]
    found = _serve(tmp_path, (first, _diagnosed), (last, lambda found: True))
    answers = [m for m in found if "id" in m and "method" not in m]
    assert [m["id"] for m in answers] == [1, 3]  # initialize answered once
    assert answers[0]["result"] == answer(params)
    assert answers[0]["result"]["capabilities"]["positionEncoding"] == "utf-8"
    (diagnostic,) = next(m for m in found if m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["diagnostics"])["params"]["diagnostics"]  # fmt: skip
    # `é` is two bytes: the `5` starts at utf-8 character 21 (20 in utf-16), so pygls read
    # the encoding from the replayed `initialize`
    assert diagnostic["range"]["start"] == {"line": 2, "character": 21}


def test_a_first_message_that_is_not_initialize_goes_to_pygls(tmp_path):
    found = _serve(tmp_path, ([_request("shutdown", 7)], _answered(7)),
                   ([_request("exit", None)], lambda found: True))  # fmt: skip
    answers = [m for m in found if m.get("id") == 7]
    assert len(answers) == 1  # answered by pygls, from the replayed message


def test_the_handshake_reads_no_protocol_library():
    code = (
        "import io, sys\n"
        "from hardcode_lint.lsp.handshake import Handshake, framed\n"
        "out = io.BytesIO()\n"
        "m = framed({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize', "
        "'params': {'capabilities': {}}})\n"
        "shake = Handshake.run(io.BytesIO(m), out)\n"
        "print(shake.answered, b'positionEncoding' in out.getvalue(), "
        "[n for n in ('lsprotocol', 'pygls') if n in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["1", "True", "[]"], done.stderr


def test_replay_gives_the_first_message_then_the_stream():
    first = b"Content-Length: 2\r\n\r\n{}"
    replay = Replay(first, io.BytesIO(b"Content-Length: 3\r\n\r\n[1]"))
    assert replay.readline() == b"Content-Length: 2\r\n"
    assert replay.readline() == b"\r\n"
    assert replay.read(2) == b"{}"
    assert replay.readline() == b"Content-Length: 3\r\n"
    assert replay.read(1) == b"\r" and replay.read(4) == b"\n[1]"
    shake = Handshake.run(io.BytesIO(b"Content-Length: 5\r\n\r\n{oops"), io.BytesIO())
    assert shake.answered is None and shake.first.endswith(b"{oops")  # pygls says what is wrong


def test_only_the_answer_to_the_early_initialize_is_dropped():
    out = io.BytesIO()
    writer = AnsweredOnce(out, 1)
    notice = framed({"jsonrpc": "2.0", "method": "window/logMessage", "params": {"id": 1}})
    writer.write(notice)
    writer.write(framed({"jsonrpc": "2.0", "id": 1, "result": {}}))
    writer.write(framed({"jsonrpc": "2.0", "id": 1, "result": {}}))  # another id 1: sent
    assert _messages(out.getvalue()) == [json.loads(notice.split(b"\r\n\r\n")[1]),
                                         {"jsonrpc": "2.0", "id": 1, "result": {}}]  # fmt: skip
