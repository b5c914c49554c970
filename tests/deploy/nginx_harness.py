"""Runs Debian's nginx with deploy/nginx.conf, unchanged but for its `listen` and `root`, as a child,
the way Debian runs it: the master as root, the workers as an unprivileged user (`user www-data;`,
or `nobody`), serving a copy of the site made with `rsync -a` as the README's deploy step does — so a
file the build left unreadable to others (a 0600 .br, issue 21 finding 2) fails here as it would there.

`serve(site, tmp)` copies `site` into a fresh world-traversable folder under the system temp dir
(pytest's own temp folders are 0700: no worker could enter them), writes a minimal main config in
`tmp` (daemon off, pid/logs/temp files in tmp, the brotli_static module loaded when installed) that
includes two copies of the server block:
- at the site root: `root <copy>`;
- under a sub-path: `root <public>/www` where www/yzt -> copy, and `error_page 404 /yzt/404.html`
  as the deploy notes in the conf say.
It yields {"root": "http://127.0.0.1:P/", "subpath": "http://127.0.0.1:Q/yzt/", "error_log": Path, "www": Path}
(the sub-path server's folder).
`extra_files` ({path: bytes}) are written next to the sub-path folder (bench/browser_bench.py puts its
bare page there). Without root privileges nginx runs as the current user (already unprivileged).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONF = REPO / "deploy" / "nginx.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SUBPATH = "yzt"
WORKER_USERS = ("www-data", "nobody")    # Debian's nginx runs its workers as www-data


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
    user = f"user {worker_user()};\n" if os.geteuid() == 0 else ""   # else nginx warns and ignores it
    return (f"{load}daemon off;\nmaster_process on;\nworker_processes 1;\n{user}"
            f"pid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'} warn;\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n    access_log {tmp / 'access.log'};\n{temps}{includes}}}\n")


def worker_user() -> str:
    """The unprivileged account nginx's workers run as (when the test runs as root)."""
    for name in WORKER_USERS:
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError(f"none of the users {WORKER_USERS} exists to run nginx's workers")


def deploy_copy(site: Path, target: Path) -> None:
    """Copy the built site as the README's deploy step does: `rsync -a` keeps every file's mode
    (`cp -a` where rsync is not installed: the same modes; scripts/setup installs rsync)."""
    rsync = shutil.which("rsync")
    command = [rsync, "-a", f"{site.resolve()}/", f"{target}/"] if rsync else \
        ["cp", "-a", f"{site.resolve()}/.", str(target)]
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(command, check=True, timeout=300)


def check_traversable(folder: Path) -> None:
    """Every folder above the copy must let others in (x for "other"), or no worker reaches any file."""
    for parent in [folder, *folder.parents]:
        if not parent.stat().st_mode & stat.S_IXOTH:
            raise RuntimeError(f"{parent} is not traversable by nginx's worker user")


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
    public = Path(tempfile.mkdtemp(prefix="yzt-deploy-"))
    try:
        public.chmod(0o755)
        copy = public / "site"
        deploy_copy(site, copy)
        check_traversable(copy)
        with _serve_copy(nginx, copy, public / "www", tmp, extra_files) as urls:
            yield urls
    finally:
        shutil.rmtree(public, ignore_errors=True)


@contextlib.contextmanager
def _serve_copy(nginx: str, copy: Path, www: Path, tmp: Path, extra_files: dict[str, bytes] | None):
    www.mkdir()
    for name, content in (extra_files or {}).items():
        (www / name).parent.mkdir(parents=True, exist_ok=True)
        (www / name).write_bytes(content)
        (www / name).chmod(0o644)
    (www / SUBPATH).symlink_to(copy, target_is_directory=True)
    ports = {"root": free_port(), "subpath": free_port()}
    servers = [tmp / "root.conf", tmp / "subpath.conf"]
    servers[0].write_text(server_copy(ports["root"], copy), encoding="utf-8")
    servers[1].write_text(server_copy(ports["subpath"], www, f"/{SUBPATH}/404.html"), encoding="utf-8")
    main = tmp / "nginx.conf"
    main.write_text(main_config(tmp, servers), encoding="utf-8")
    proc = subprocess.Popen([nginx, "-p", str(tmp), "-c", str(main), "-e", str(tmp / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for port in ports.values():
            _wait_for(port, proc, tmp / "error.log")
        yield {"root": f"http://127.0.0.1:{ports['root']}/",
               "subpath": f"http://127.0.0.1:{ports['subpath']}/{SUBPATH}/", "error_log": tmp / "error.log",
               "www": www}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
