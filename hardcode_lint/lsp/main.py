"""The language server's process: logging kept off the editor's stderr, the streams (the
first message already read by :mod:`.handshake`), and an exit that a client gone without
waiting cannot turn into tracebacks."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import BinaryIO, cast

from hardcode_lint.lsp.handshake import AnsweredOnce, Handshake, Replay
from hardcode_lint.lsp.server import GONE, create_server


class _Gone(logging.Filter):
    """Drops pygls' tracebacks of writes to a client that has gone (one that sends ``exit``
    without waiting for the answer to ``shutdown``): nothing is wrong, nobody is listening."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, GONE) and "BrokenPipeError" not in record.getMessage()


def run(log_file: Path | None = None, shake: Handshake | None = None) -> None:
    """Serve on stdin/stdout until the client says ``exit`` (or goes away); ``shake`` is
    the first message, read (and ``initialize`` answered) before pygls was imported."""
    handler: logging.Handler = (
        logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.NullHandler()
    )
    logging.basicConfig(level=logging.INFO if log_file else logging.WARNING,
                        handlers=[handler], force=True)  # fmt: skip
    logging.captureWarnings(True)  # stderr is the editor's: nothing may land there
    handler.addFilter(_Gone())
    code = 0
    try:
        server = create_server()
        if shake is None:
            server.start_io()
        else:  # pygls reads and writes through them as through the streams (duck-typed)
            reader, writer = Replay(shake.first, sys.stdin.buffer), AnsweredOnce(
                sys.stdout.buffer, shake.answered)  # fmt: skip
            server.start_io(cast(BinaryIO, reader), cast(BinaryIO, writer))
    except GONE:
        pass
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:  # a stdout whose reader has gone must not fail the interpreter's last flush
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    logging.shutdown()
    os._exit(code)  # an analysis still running in a thread must not abort the interpreter
