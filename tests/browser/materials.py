"""In a real browser, on the local store and on S3 (s3s-fs, which checks signatures): the demo
trainer uploads a PDF through the materials page (with its progress bar), a demo participant
finds it on the edition page and downloads it, and the bytes match; on S3 the object is
found in the server's folder.

Usage: python3 tests/browser/materials.py BINARY [SCREENSHOT_DIR]
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

from cdp import Browser, free_port, wait_file, wait_http

PASSWORD = "Daejeon-Innopolis-2027"
TRAINER = "trainer.park@wta-academy.org"
PARTICIPANT = "liem@demo.wta-academy.org"
EDITION = "itw-2027"
S3_KEYS = ("wta-browser", "wta-browser-secret-key")


def s3_server(root):
    binary = shutil.which("s3s-fs") or os.path.expanduser("~/.cargo/bin/s3s-fs")
    os.makedirs(os.path.join(root, "materials-bucket"), exist_ok=True)
    port = free_port()
    proc = subprocess.Popen([binary, "--host", "127.0.0.1", "--port", str(port), "--access-key", S3_KEYS[0],
                             "--secret-key", S3_KEYS[1], root], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, port


def a_pdf(path):
    # A small but real PDF with a Vietnamese title in its name.
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    body += b"%" + os.urandom(300_000).hex().encode() + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    with open(path, "wb") as f:
        f.write(body)
    return hashlib.sha256(body).hexdigest()


def run(binary, storage, shots):
    work = tempfile.mkdtemp(prefix=f"wta-browser-{storage}-")
    env = dict(os.environ, WTA_DATA_DIR=os.path.join(work, "data"), ROCKET_PORT=str(free_port()),
               ROCKET_ADDRESS="127.0.0.1", WTA_LOG="warn")
    env.pop("WTA_DATABASE_URL", None)
    s3 = None
    if storage == "s3":
        s3, s3_port = s3_server(os.path.join(work, "s3"))
        env.update(WTA_STORAGE="s3", WTA_S3_ENDPOINT=f"http://127.0.0.1:{s3_port}", WTA_S3_BUCKET="materials-bucket",
                   WTA_S3_ACCESS_KEY=S3_KEYS[0], WTA_S3_SECRET_KEY=S3_KEYS[1], WTA_S3_REGION="us-east-1")
    base = f"http://127.0.0.1:{env['ROCKET_PORT']}"
    env["WTA_PUBLIC_URL"] = base
    app = subprocess.Popen([binary, "serve", "--demo"], env=env, stdout=subprocess.DEVNULL)
    browser = None
    try:
        wait_http(f"{base}/health/ready", 120)
        pdf = os.path.join(work, "Bài giảng – quản trị STP.pdf")
        digest = a_pdf(pdf)
        browser = Browser()

        trainer = browser.page()
        trainer.login(base, TRAINER, PASSWORD)
        trainer.goto(f"{base}/manage/editions/{EDITION}/materials")
        trainer.js("document.querySelector('#m-title').value = 'Governance of science parks (slides)'")
        trainer.js("document.querySelector('#m-attach').value = 'module:stp-governance'")
        trainer.set_files("#m-file", [pdf])
        trainer.js("document.querySelector('form[data-upload-api] button[type=submit]').click()")
        # The script shows the progress bar, then reloads the list at the new material.
        trainer.wait("location.hash.startsWith('#material-') && document.readyState === 'complete' && "
                     "document.querySelector(location.hash) !== null", 60, "the uploaded material")
        listed = trainer.js("document.querySelector(location.hash).textContent")
        assert "Governance of science parks (slides)" in listed and "quản trị STP" in listed, listed
        if shots:
            trainer.screenshot(os.path.join(shots, f"materials-manage-{storage}.png"))

        downloads = os.path.join(work, "downloads")
        os.makedirs(downloads)
        learner = browser.page(downloads)
        learner.login(base, PARTICIPANT, PASSWORD)
        learner.goto(f"{base}/editions/{EDITION}#materials")
        href = learner.wait("[...document.querySelectorAll('#materials a')]"
                            ".find(a => a.textContent.includes('Governance of science parks'))?.getAttribute('href')",
                            what="the material on the edition page")
        if shots:
            learner.screenshot(os.path.join(shots, f"materials-edition-{storage}.png"))
        learner.js(f"document.querySelector('#materials a[href=\"{href}\"]').click()")
        got = wait_file(downloads, 60)
        with open(got, "rb") as f:
            assert hashlib.sha256(f.read()).hexdigest() == digest, "downloaded bytes differ"
        assert os.path.basename(got) == os.path.basename(pdf), f"saved as {os.path.basename(got)}"

        if storage == "s3":
            bucket = os.path.join(work, "s3", "materials-bucket")
            found = [os.path.join(d, f) for d, _, fs in os.walk(bucket) for f in fs if not f.startswith(".")]
            matching = [p for p in found if hashlib.sha256(open(p, "rb").read()).hexdigest() == digest]
            assert matching, f"no object with the uploaded bytes in {bucket}: {found}"
            where = os.path.relpath(matching[0], bucket)
        else:
            where = "local store"
        print(f"browser/materials [{storage}]: uploaded, listed, downloaded as {os.path.basename(got)!r}; "
              f"object: {where}")
    finally:
        if browser:
            browser.close()
        app.terminate()
        app.wait(10)
        if s3:
            s3.terminate()
            s3.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    binary = os.path.abspath(sys.argv[1])
    shots = sys.argv[2] if len(sys.argv) > 2 else None
    for storage in ("local", "s3"):
        run(binary, storage, shots)
