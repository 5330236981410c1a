"""In a real browser, the coordinator's participation report: with generated participants
over twenty editions, the demo coordinator opens the cross-edition dashboard, filters to
science and technology parks in Asia and the Pacific with the form, checks that the region
chart and the table beside it give the same numbers, and downloads the report as XLSX, whose
regions sheet holds the same numbers again.

Usage: python3 tests/browser/reports.py BINARY [SCREENSHOT_DIR]
"""

import base64
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

from cdp import Browser, free_port, wait_http

PASSWORD = "Daejeon-Innopolis-2027"
COORDINATOR = "coordinator@wta-academy.org"
SCALE = "3000"


def sheet_cells(xlsx, index):
    """The cells of the index-th sheet as {"C2": "3", ...} (numbers and shared strings)."""
    z = zipfile.ZipFile(io.BytesIO(xlsx))
    strings = re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode())
    sheet = z.read(f"xl/worksheets/sheet{index}.xml").decode()
    cells = {}
    for ref, attrs, value in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)><v>([^<]*)</v></c>', sheet):
        cells[ref] = strings[int(value)] if 't="s"' in attrs else value
    return cells


def main(binary, shots):
    work = tempfile.mkdtemp(prefix="wta-browser-reports-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, WTA_DATA_DIR=os.path.join(work, "data"), ROCKET_PORT=str(port),
               ROCKET_ADDRESS="127.0.0.1", WTA_LOG="warn", WTA_PUBLIC_URL=base)
    env.pop("WTA_DATABASE_URL", None)
    subprocess.run([binary, "demo", "--scale", SCALE], env=env, check=True, stdout=subprocess.DEVNULL)
    app = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL)
    browser = None
    try:
        wait_http(f"{base}/health/ready", 120)
        browser = Browser()
        page = browser.page()
        page.login(base, COORDINATOR, PASSWORD)
        page.goto(f"{base}/manage/reports")
        page.wait("document.querySelector('table[data-table=regions]') !== null", what="the dashboard")
        if shots:
            page.screenshot(os.path.join(shots, "reports-all.png"))

        # Filter with the form, as a person would.
        page.js("""(() => {
            document.getElementById('f-region').value = 'asia-pacific';
            document.getElementById('f-org-type').value = 'stp';
            document.querySelector('form.report-filters').submit();
        })()""")
        page.wait("location.search.includes('region=asia-pacific')", what="the filtered address")
        page.wait("document.querySelector('table[data-table=regions]') !== null", what="the filtered dashboard")
        url = page.url()
        assert "org_type=stp" in url, url
        rows = page.js("""[...document.querySelectorAll('table[data-table=regions] tbody tr')]
            .map(r => [...r.children].map(c => c.textContent.trim()))""")
        assert len(rows) == 1, rows
        region, participants = rows[0][0], rows[0][2]
        # The demo coordinator reads Korean; the label is whatever the table says.
        assert int(participants) > 0, rows
        svg_texts = page.js("""[...document.querySelectorAll('#regions svg text')].map(t => t.textContent.trim())""")
        assert region in svg_texts and participants in svg_texts, (region, participants, svg_texts)
        described = page.js("""(() => { const s = document.querySelector('#regions svg');
            return s.getAttribute('role') === 'img' && s.querySelector('title') !== null && s.querySelector('desc') !== null; })()""")
        assert described, "the chart has a role, a title and a description"
        if shots:
            page.screenshot(os.path.join(shots, "reports-asia-pacific-stp.png"))

        href = page.js("document.querySelector('a[href^=\"/manage/reports.xlsx\"]').getAttribute('href')")
        assert "region=asia-pacific" in href and "org_type=stp" in href, href
        encoded = page.js(f"""fetch({href!r}).then(r => r.arrayBuffer()).then(b => {{
            let s = ''; const a = new Uint8Array(b);
            for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
            return btoa(s); }})""")
        # Sheets follow the page's sections: years, editions, states, then regions.
        cells = sheet_cells(base64.b64decode(encoded), 4)
        assert cells.get("A2") == region and cells.get("C2") == participants, cells
        print(f"reports: {region}, STPs: {participants} participants in the table, the chart and the XLSX")
    finally:
        if browser:
            browser.close()
        app.terminate()
        app.wait(timeout=30)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None)
