"""A small Chrome DevTools Protocol client for the browser checks: start headless Chromium,
open pages in separate browser contexts (separate cookies), run script, wait for things."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import websocket  # websocket-client


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status < 500:
                    return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Browser:
    def __init__(self):
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            raise RuntimeError("Chromium is not installed (tests/browser/run installs it)")
        self.profile = tempfile.mkdtemp(prefix="wta-browser-")
        # Save files such as PDFs instead of showing them, so downloads can be checked.
        os.makedirs(os.path.join(self.profile, "Default"))
        with open(os.path.join(self.profile, "Default", "Preferences"), "w") as f:
            json.dump({"plugins": {"always_open_pdf_externally": True},
                       "download": {"prompt_for_download": False}}, f)
        port = free_port()
        self.proc = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--remote-debugging-port={port}", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http(f"http://127.0.0.1:{port}/json/version", 30)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version") as r:
            ws_url = json.load(r)["webSocketDebuggerUrl"]
        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.next_id = 0
        self.events = []
        # The first tab, in the browser's own profile (the one with the preferences above).
        self.first_tab = next(t["targetId"] for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def page(self, download_dir=None):
        """A tab. With `download_dir`, the first tab of the browser's own profile, whose files
        are saved there; otherwise a new tab in a separate context (its own cookies)."""
        if download_dir:
            target = self.first_tab
            self.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
        else:
            context = self.send("Target.createBrowserContext")["browserContextId"]
            target = self.send("Target.createTarget", {"url": "about:blank", "browserContextId": context})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "DOM"):
            self.send(f"{domain}.enable", session=session)
        return Page(self, session)

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            self.proc.wait(10)
            shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    def __init__(self, browser, session):
        self.b = browser
        self.session = session

    def send(self, method, params=None):
        return self.b.send(method, params, self.session)

    def js(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"script failed: {expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait(self, expression, seconds=30, what=None):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                value = self.js(expression)
                if value:
                    return value
            except RuntimeError:
                pass  # the page is between documents
            time.sleep(0.2)
        raise RuntimeError(f"timed out waiting for {what or expression} on {self.url()}")

    def url(self):
        try:
            return self.js("location.href")
        except RuntimeError:
            return "?"

    def goto(self, url):
        self.send("Page.navigate", {"url": url})
        self.wait("document.readyState === 'complete' && location.href !== 'about:blank'", what=url)

    def set_files(self, selector, paths):
        doc = self.send("DOM.getDocument")["root"]["nodeId"]
        node = self.send("DOM.querySelector", {"nodeId": doc, "selector": selector})["nodeId"]
        self.send("DOM.setFileInputFiles", {"nodeId": node, "files": paths})

    def screenshot(self, path):
        import base64
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def login(self, base, email, password):
        self.goto(f"{base}/login")
        self.js(f"""(() => {{
            document.querySelector('input[name=email]').value = {json.dumps(email)};
            document.querySelector('input[name=password]').value = {json.dumps(password)};
            document.querySelector('form[action^="/login"]').submit();
        }})()""")
        self.wait("location.pathname !== '/login' && document.readyState === 'complete'", what="login")


def wait_file(directory, seconds=30):
    """The one finished download in `directory`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        done = [f for f in os.listdir(directory) if not f.endswith(".crdownload")]
        if done:
            return os.path.join(directory, done[0])
        time.sleep(0.2)
    raise RuntimeError(f"no download arrived in {directory}")
