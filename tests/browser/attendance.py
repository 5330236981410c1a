"""In a real browser: the demo trainer marks a participant on a session's roster with one tap
(saved by the page's script without reloading, counts updated), a failed save says so and
changes nothing on the page, and the check-in screen swaps in a new code at the next minute
without reloading. A demo participant who opens the check-in address outside the session's
time is told check-in is closed.

Usage: python3 tests/browser/attendance.py BINARY [SCREENSHOT_DIR]
"""

import os
import shutil
import subprocess
import sys
import tempfile

from cdp import Browser, free_port, wait_http

PASSWORD = "Daejeon-Innopolis-2027"
TRAINER = "trainer.park@wta-academy.org"
PARTICIPANT = "liem@demo.wta-academy.org"
EDITION = "itw-2027"

COUNTS = "[...document.querySelectorAll('[data-count]')].map(e => e.dataset.count + '=' + e.textContent).join(' ')"


def run(binary, shots):
    work = tempfile.mkdtemp(prefix="wta-browser-attendance-")
    env = dict(os.environ, WTA_DATA_DIR=os.path.join(work, "data"), ROCKET_PORT=str(free_port()),
               ROCKET_ADDRESS="127.0.0.1", WTA_LOG="warn")
    env.pop("WTA_DATABASE_URL", None)
    base = f"http://127.0.0.1:{env['ROCKET_PORT']}"
    env["WTA_PUBLIC_URL"] = base
    app = subprocess.Popen([binary, "serve", "--demo"], env=env, stdout=subprocess.DEVNULL)
    browser = None
    try:
        wait_http(f"{base}/health/ready", 120)
        browser = Browser()
        trainer = browser.page()
        trainer.login(base, TRAINER, PASSWORD)
        trainer.goto(f"{base}/manage/editions/{EDITION}/sessions")
        roster = trainer.wait("document.querySelector('a[href$=\"/attendance\"]')?.href", what="a roster link")
        trainer.goto(roster)
        before = trainer.js(COUNTS)
        assert "present=0" in before and "late=0" in before, before
        first = "document.querySelector('form[data-attendance-api]')"
        # A marker on the window survives only if the page is not reloaded.
        trainer.js(f"window.stillHere = true; {first}.querySelector('button[value=late]').click()")
        trainer.wait(f"{first}.querySelector('button[value=late]').getAttribute('aria-pressed') === 'true'",
                     what="the tapped button highlighted")
        after = trainer.js(COUNTS)
        assert "late=1" in after and trainer.js("window.stillHere === true"), f"{after}: saved without reloading"
        api = trainer.js(f"{first}.dataset.attendanceApi")
        saved = trainer.js(f"fetch({api!r}.replace(/\\/\\d+$/, '')).then(r => r.json())"
                           ".then(b => b.participants.filter(p => p.status === 'late').length)")
        assert saved == 1, f"the API has {saved} late marks"
        if shots:
            trainer.screenshot(os.path.join(shots, "attendance-roster.png"))

        # A failed save leaves the highlight where it was and says so.
        trainer.js(f"{first}.dataset.attendanceApi = '/api/v1/sessions/999999/attendance/1';"
                   f"{first}.querySelector('button[value=absent]').click()")
        message = trainer.wait("!document.querySelector('.attendance-error').hidden && "
                               "document.querySelector('.attendance-error').textContent", what="the error message")
        failed = trainer.js("document.querySelector('.attendance-error').dataset.failed")
        assert message.startswith(failed) and len(message) > len(failed), f"{message}: the sentence and the reason"
        assert trainer.js(f"{first}.querySelector('button[value=absent]').getAttribute('aria-pressed')") == "false"

        trainer.goto(roster.replace("/attendance", "/checkin"))
        code = trainer.js("document.querySelector('.checkin-code').textContent")
        seconds = int(trainer.js("document.querySelector('.checkin-screen').dataset.refreshIn"))
        address = trainer.js("document.querySelector('.checkin-url').textContent")
        assert address.startswith(f"{base}/checkin/") and address.endswith(code), address
        trainer.js("window.stillHere = true")
        trainer.wait(f"document.querySelector('.checkin-code').textContent !== {code!r}", seconds + 15,
                     "the next minute's code")
        assert trainer.js("window.stillHere === true && !!document.querySelector('.checkin-qr svg')"), "swapped in place"
        if shots:
            trainer.screenshot(os.path.join(shots, "attendance-checkin.png"))

        learner = browser.page()
        learner.login(base, PARTICIPANT, PASSWORD)
        learner.goto(address)
        # The demo participant reads Vietnamese: the refusal is checked by its shape and a word.
        text = learner.js("document.querySelector('.checkin-refused [role=alert]')?.textContent || ''")
        assert "30" in text or "hết hạn" in text, f"closed (or, on a slow machine, expired): {text!r}"
        print(f"browser/attendance: tap saved without reload ({after}); failed save reported; "
              f"check-in code {code} replaced at the minute; closed session refused")
    finally:
        if browser:
            browser.close()
        app.terminate()
        app.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    run(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
