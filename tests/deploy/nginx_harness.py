"""Runs Debian's nginx with deploy/nginx.conf, unchanged but for its `listen` and `root`, as a child.

`serve(site, tmp)` writes a minimal main config in `tmp` (daemon off, pid/logs/temp files in tmp,
the brotli_static module loaded when installed) that includes two copies of the server block:
- at the site root: `root <site>`;
- under a sub-path: `root <tmp>/www` where www/yzt -> site, and `error_page 404 /yzt/404.html`
  as the deploy notes in the conf say.
It yields {"root": "http://127.0.0.1:P/", "subpath": "http://127.0.0.1:Q/yzt/"}. `extra_files`
({path: bytes}) are written next to the sub-path folder (bench/browser_bench.py puts its bare page there).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONF = REPO / "deploy" / "nginx.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SUBPATH = "yzt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_copy(port: int, root: Path, error_page: str | None = None) -> str:
    text = CONF.read_text(encoding="utf-8")
    assert len(re.findall(r"^\s*listen\s", text, re.M)) == 1, "deploy/nginx.conf must have one listen"
    assert len(re.findall(r"^\s*root\s", text, re.M)) == 1, "deploy/nginx.conf must have one root"
    text = re.sub(r"^(\s*)listen\s[^;]*;", rf"\g<1>listen 127.0.0.1:{port};", text, flags=re.M)
    text = re.sub(r"^(\s*)root\s[^;]*;", rf"\g<1>root {root};", text, flags=re.M)
    if error_page:
        text = re.sub(r"^(\s*)error_page 404 [^;]*;", rf"\g<1>error_page 404 {error_page};", text, flags=re.M)
    if not BROTLI_MODULE.is_file():
        text = re.sub(r"^\s*brotli_static .*$", "", text, flags=re.M)
    return text


def main_config(tmp: Path, servers: list[Path]) -> str:
    load = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.is_file() else ""
    temps = "".join(f"    {kind}_temp_path {tmp / kind};\n"
                    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    includes = "".join(f"    include {path};\n" for path in servers)
    return (f"{load}daemon off;\nmaster_process on;\nworker_processes 1;\nuser root;\n"
            f"pid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'} warn;\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n    access_log {tmp / 'access.log'};\n{temps}{includes}}}\n")


def _wait_for(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start listening within 10 s")


@contextlib.contextmanager
def serve(site: Path, tmp: Path, extra_files: dict[str, bytes] | None = None):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    www = tmp / "www"
    www.mkdir()
    for name, content in (extra_files or {}).items():
        (www / name).parent.mkdir(parents=True, exist_ok=True)
        (www / name).write_bytes(content)
    (www / SUBPATH).symlink_to(site.resolve(), target_is_directory=True)
    ports = {"root": free_port(), "subpath": free_port()}
    servers = [tmp / "root.conf", tmp / "subpath.conf"]
    servers[0].write_text(server_copy(ports["root"], site.resolve()), encoding="utf-8")
    servers[1].write_text(server_copy(ports["subpath"], www, f"/{SUBPATH}/404.html"), encoding="utf-8")
    main = tmp / "nginx.conf"
    main.write_text(main_config(tmp, servers), encoding="utf-8")
    proc = subprocess.Popen([nginx, "-p", str(tmp), "-c", str(main), "-e", str(tmp / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for port in ports.values():
            _wait_for(port, proc, tmp / "error.log")
        yield {"root": f"http://127.0.0.1:{ports['root']}/",
               "subpath": f"http://127.0.0.1:{ports['subpath']}/{SUBPATH}/"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
