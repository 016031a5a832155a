"""``flashpoint serve``: a thin command; loopback by default; a missing corpus is a coded error."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.web.conftest import free_port

CLI = [sys.executable, "-c", "from flashpoint.cli import main; main()"]


def test_missing_corpus_is_fp030(tmp_path: Path) -> None:
    done = subprocess.run(
        [*CLI, "serve", "--db", str(tmp_path / "none.db")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "FP030" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_serve_listens_on_loopback_and_answers(sample_db: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--db", str(sample_db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview") as reply:
                    assert reply.status == 200
                    break
            except OSError:
                assert server.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in stderr


def test_a_busy_or_impossible_port_is_one_coded_line(sample_db: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        for args in (["--port", str(port)], ["--port", "70000"]):
            done = subprocess.run(
                [*CLI, "serve", "--db", str(sample_db), *args],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode == 2, done.stderr
            assert "FP066" in done.stderr and "Traceback" not in done.stderr
            assert len(done.stderr.strip().splitlines()) == 1
            if args[1] == str(port):
                assert f"in use: try --port {port + 1}" in done.stderr
