"""In a real browser, the certificate journey of a demo participant: Liêm, who met the rules
of the 2019 workshop, downloads his certificate (both names copy out of the PDF as typed),
its QR code is decoded and opened to a page that says valid, a coordinator revokes it on the
certificate desk, and the same page then says revoked.

Usage: python3 tests/browser/certificates.py BINARY [SCREENSHOT_DIR]
"""

import os
import shutil
import subprocess
import sys
import tempfile

from cdp import Browser, free_port, wait_file, wait_http

PASSWORD = "Daejeon-Innopolis-2027"
PARTICIPANT = "liem@demo.wta-academy.org"
COORDINATOR = "coordinator@wta-academy.org"


def main(binary, shots):
    work = tempfile.mkdtemp(prefix="wta-browser-cert-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, WTA_DATA_DIR=os.path.join(work, "data"), ROCKET_PORT=str(port),
               ROCKET_ADDRESS="127.0.0.1", WTA_LOG="warn", WTA_PUBLIC_URL=base)
    env.pop("WTA_DATABASE_URL", None)
    app = subprocess.Popen([binary, "serve", "--demo"], env=env, stdout=subprocess.DEVNULL)
    browser = None
    try:
        wait_http(f"{base}/health/ready", 120)
        browser = Browser()
        downloads = os.path.join(work, "downloads")
        os.makedirs(downloads)
        liem = browser.page(downloads)
        liem.login(base, PARTICIPANT, PASSWORD)
        liem.goto(f"{base}/my/certificates")
        href = liem.wait("document.querySelector('.certificate-valid a.button')?.getAttribute('href')",
                         what="a valid certificate on /my/certificates")
        if shots:
            liem.screenshot(os.path.join(shots, "certificates-my.png"))
        liem.js(f"document.querySelector('a[href=\"{href}\"]').click()")
        pdf = wait_file(downloads, 60)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        for name in ("Tran Thanh Liem", "Trần Thanh Liêm"):
            assert name in text, f"{name!r} not in the certificate text:\n{text}"
        png = os.path.join(work, "page")
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", pdf, png], check=True)
        if shots:
            shutil.copy(png + ".png", os.path.join(shots, "certificate.png"))
        decoded = subprocess.run(["zbarimg", "--raw", "-q", png + ".png"], capture_output=True, text=True).stdout.strip()
        assert decoded.startswith(f"{base}/verify/"), f"the QR code says {decoded!r}"

        liem.goto(decoded)
        # Liêm reads the page in Vietnamese: the verdict is checked by its class.
        verdict = liem.wait("document.querySelector('.verify')?.className", what="the verify verdict")
        assert "verify-valid" in verdict, verdict
        if shots:
            liem.screenshot(os.path.join(shots, "verify-valid.png"))

        coordinator = browser.page()
        coordinator.login(base, COORDINATOR, PASSWORD)
        coordinator.goto(f"{base}/manage/editions/itw-2019/certificates")
        code = decoded.rsplit("/", 1)[1]
        coordinator.js(f"""(() => {{
            const row = [...document.querySelectorAll('tr')].find(r => r.textContent.includes({code!r}));
            const form = row.querySelector('form[action$="/revoke"]');
            form.querySelector('input[name=reason]').value = 'Issued in error (browser check)';
            form.submit();
        }})()""")
        coordinator.wait("document.querySelector('.flash-success') !== null", what="the revocation")

        liem.goto(decoded)
        verdict = liem.wait("document.querySelector('.verify')?.className", what="the verify verdict")
        status = liem.js("document.querySelector('.verify').textContent")
        assert "verify-revoked" in verdict, verdict
        assert "Issued in error (browser check)" in status, status
        if shots:
            liem.screenshot(os.path.join(shots, "verify-revoked.png"))
        print(f"browser/certificates: downloaded, both names copy out, QR → {decoded}, valid, then revoked")
    finally:
        if browser:
            browser.close()
        app.terminate()
        app.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
