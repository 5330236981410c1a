"""What the proof scripts share: the demo accounts, a printed list of checks, free ports, a
small valid PDF and the S3 test server."""

import os
import shutil
import socket
import subprocess

PASSWORD = "Daejeon-Innopolis-2027"
COORDINATOR = "coordinator@wta-academy.org"
TRAINER = "trainer.park@wta-academy.org"
# Trần Thanh Liêm, a participant of ITW 2027 in the demo data.
PARTICIPANT = "liem@demo.wta-academy.org"
S3_KEYS = ("wta-proof", "wta-proof-secret-key")
# The same on every instance, as the README asks for several instances.
SECRET_KEY = "hPRYyVRiMyxpw5sBB1XeCMN1kFsDCqKvBi2QJxBVHQk="

failures = []


def check(ok, what):
    """Prints one finding; a failed one is remembered for the exit status."""
    print(("  ✓ " if ok else "  ✗ ") + what, flush=True)
    if not ok:
        failures.append(what)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tiny_pdf(text):
    """A one-page PDF the upload checks accept (its bytes say it is a PDF)."""
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
            + f"4 0 obj << /Length {len(body)} >> stream\n".encode() + body
            + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def start_s3(root, port):
    """s3s-fs serving the folders of `root` as buckets; it checks request signatures."""
    s3s = shutil.which("s3s-fs") or os.path.expanduser("~/.cargo/bin/s3s-fs")
    return subprocess.Popen([s3s, "--host", "127.0.0.1", "--port", str(port), "--access-key", S3_KEYS[0],
                             "--secret-key", S3_KEYS[1], root], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def s3_env(port, bucket):
    return dict(WTA_STORAGE="s3", WTA_S3_ENDPOINT=f"http://127.0.0.1:{port}", WTA_S3_BUCKET=bucket,
                WTA_S3_ACCESS_KEY=S3_KEYS[0], WTA_S3_SECRET_KEY=S3_KEYS[1], WTA_S3_REGION="us-east-1")
