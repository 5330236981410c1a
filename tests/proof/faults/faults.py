"""Faults, as an operator would meet them. The app runs on its own PostgreSQL server (made
for the run, so it can be stopped without touching anyone else's) and an S3 server
(s3s-fs), then:

1. PostgreSQL stops: pages answer 503 within 3 s, readiness says "failing"; PostgreSQL comes
   back: pages answer 200 again with no restart of the app.
2. The S3 server stops: an upload answers 503 within 3 s and leaves nothing behind, readiness
   says "failing", pages without files still answer; it comes back: the stored material
   downloads again, byte for byte, and uploads work.
3. The app is killed with SIGKILL in the middle of a bulk import (a CSV of IMPORT_ROWS
   people): after a restart the import is all there or not there at all.
4. The app is killed with SIGKILL in the middle of a bulk certificate issue: after a restart
   every certificate is whole (its enrollment completed, its audit record written, its mail
   queued, the enrollment's counter set) and issuing again finishes the rest exactly once.

Usage: python3 tests/proof/faults/faults.py BINARY
Prints what it did and what it found; exits 1 on any failed check.
"""

import glob
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from proof_lib import COORDINATOR, PASSWORD, SECRET_KEY, TRAINER, check, failures, free_port, s3_env, start_s3, tiny_pdf  # noqa: E402

IMPORT_ROWS = int(os.environ.get("FAULTS_IMPORT_ROWS", "4000"))
WITHIN = 3.0



def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit(f"faults: {name} not found (apt-get install postgresql)")
    return found[-1]


class Postgres:
    """A throw-away PostgreSQL server owned by the postgres user, in a folder of the run."""

    def __init__(self, root):
        self.dir = os.path.join(root, "pg")
        self.port = free_port()
        os.makedirs(self.dir)
        shutil.chown(root, "postgres")
        shutil.chown(self.dir, "postgres")
        self.as_postgres([pg_bin("initdb"), "-D", self.dir, "-A", "trust", "-U", "postgres", "--no-sync"])

    @staticmethod
    def as_postgres(cmd):
        subprocess.run(["runuser", "-u", "postgres", "--"] + cmd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    def url(self, db="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def start(self):
        self.as_postgres([pg_bin("pg_ctl"), "-D", self.dir, "-w", "-l", os.path.join(self.dir, "log"), "-o",
                          f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])

    def stop(self):
        self.as_postgres([pg_bin("pg_ctl"), "-D", self.dir, "-m", "immediate", "-w", "stop"])

    def sql(self, sql, db="wta"):
        out = subprocess.run(["psql", self.url(db), "-Atc", sql], check=True, capture_output=True, text=True)
        return out.stdout.strip()


class App:
    def __init__(self, binary, env, log):
        self.binary, self.env, self.log = binary, env, log
        self.base = env["WTA_PUBLIC_URL"]
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=open(self.log, "a"),
                                     stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if get(self.base + "/health/ready")[0] == 200:
                return
            time.sleep(0.2)
        raise SystemExit("faults: the app did not become ready")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def get(url, opener=None, timeout=10):
    started = time.time()
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=timeout) as r:
            return r.status, time.time() - started, r.read()
    except urllib.error.HTTPError as e:
        return e.code, time.time() - started, e.read()
    except (urllib.error.URLError, OSError):
        return 0, time.time() - started, b""


class Session:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def send(self, method, path, body=None, ctype=None, timeout=120):
        headers = {"Origin": self.base}
        if ctype:
            headers["Content-Type"] = ctype
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
        except (urllib.error.URLError, OSError, ConnectionError) as e:
            return 0, str(e).encode()

    def login(self, email):
        body = json.dumps({"email": email, "password": PASSWORD}).encode()
        return self.send("POST", "/api/v1/auth/login", body, "application/json")[0]

    def form(self, page, path, fields=None):
        """Posts a page's form as a browser would: with the page's CSRF token."""
        status, html = self.send("GET", page)
        token = re.search(r'name="csrf_token" value="([^"]+)"', html.decode())
        data = dict(fields or {}, csrf_token=token.group(1) if token else "")
        return self.send("POST", path, urllib.parse.urlencode(data).encode(), "application/x-www-form-urlencoded")



def upload(session, pdf):
    boundary = "wta-faults-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nFault drill notes\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nparticipants\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="drill.pdf"\r\n'
            f"Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{boundary}--\r\n".encode()
    status, data = session.send("POST", "/api/v1/editions/itw-2027/materials", body,
                                f"multipart/form-data; boundary={boundary}")
    return status, (json.loads(data) if status == 201 else None)


def first_503(url, opener, deadline=20):
    """Requests `url` until it answers 503; returns (status, seconds of that answer)."""
    end = time.time() + deadline
    status, took = 0, 0.0
    while time.time() < end:
        status, took, _ = get(url, opener, timeout=15)
        if status == 503:
            break
        time.sleep(0.2)
    return status, took


def until_ok(url, opener, deadline=60):
    started = time.time()
    while time.time() - started < deadline:
        if get(url, opener)[0] == 200:
            return time.time() - started
        time.sleep(0.2)
    return None



def import_csv(tag):
    rows = ["email,name,certificate_name_latin,certificate_name_native,organisation,organisation_type,country,position"]
    for i in range(IMPORT_ROWS):
        rows.append(f"{tag}-{i}@example.org,Nguyễn Văn {i},Nguyen Van {i},Nguyễn Văn {i},"
                    "Saigon Hi-Tech Park,stp,VN,Manager")
    return ("\n".join(rows) + "\n").encode()


def main(binary):
    work = tempfile.mkdtemp(prefix="wta-faults-")
    pg = Postgres(work)
    pg.start()
    subprocess.run(["psql", pg.url(), "-qc", "CREATE DATABASE wta"], check=True)
    s3_root = os.path.join(work, "s3")
    os.makedirs(os.path.join(s3_root, "materials"))
    s3_port = free_port()
    s3 = start_s3(s3_root, s3_port)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, WTA_DATABASE_URL=pg.url("wta"), ROCKET_SECRET_KEY=SECRET_KEY, ROCKET_ADDRESS="127.0.0.1",
               ROCKET_PORT=str(port), WTA_PUBLIC_URL=base, WTA_LOG="warn", WTA_DATA_DIR=os.path.join(work, "data"),
               **s3_env(s3_port, "materials"))
    subprocess.run([binary, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    app = App(binary, env, os.path.join(work, "app.log"))
    app.start()
    print(f"faults: the app at {base} on its own PostgreSQL (port {pg.port}) and s3s-fs (port {s3_port})")
    try:
        trainer = Session(base)
        trainer.login(TRAINER)
        pdf = tiny_pdf("Fault drill")
        status, material = upload(trainer, pdf)
        if not material:
            check(False, f"a material is uploaded to S3 before the drills ({status})")
            return 1
        download = f"{base}/api/v1/materials/{material['id']}/download"

        print("PostgreSQL stopped:")
        pg.stop()
        for path in ("/catalogue", "/editions/itw-2027"):
            status, took = first_503(base + path, None)
            check(status == 503 and took <= WITHIN, f"{path} answers {status} in {took:.2f} s")
        status, took, body = get(base + "/health/ready")
        check(status == 503 and b'"database":"failing"' in body.replace(b" ", b""),
              f"readiness answers {status} in {took:.2f} s and names the database")
        print("PostgreSQL back:")
        pg.start()
        took = until_ok(base + "/catalogue", None)
        check(took is not None, f"/catalogue answers 200 again after {took or 0:.2f} s, the app not restarted")
        check(app.proc.poll() is None, "the same app process kept running")

        print("S3 server stopped:")
        s3.send_signal(signal.SIGKILL)
        s3.wait()
        materials_before = int(pg.sql("SELECT COUNT(*) FROM materials"))
        started = time.time()
        status, _ = upload(trainer, tiny_pdf("While the store is down"))
        took = time.time() - started
        check(status == 503 and took <= WITHIN, f"an upload answers {status} in {took:.2f} s")
        status, took, body = get(base + "/health/ready")
        check(status == 503 and b'"storage":"failing"' in body.replace(b" ", b""),
              f"readiness answers {status} in {took:.2f} s and names the storage")
        status, _, _ = get(base + "/catalogue")
        check(status == 200, f"pages that need no file still answer ({status})")
        materials = int(pg.sql("SELECT COUNT(*) FROM materials")) - materials_before
        check(materials == 0, f"the refused upload left no row ({materials} added)")
        print("S3 server back:")
        s3 = start_s3(s3_root, s3_port)
        took = until_ok(base + "/health/ready", None)
        status, _, got = get(download, trainer.opener)
        check(took is not None and got == pdf, f"ready again after {took or 0:.2f} s; the download gives the same bytes")
        status, _ = upload(trainer, tiny_pdf("After the store came back"))
        check(status == 201, f"an upload succeeds again ({status})")

        print(f"SIGKILL during a bulk import of {IMPORT_ROWS} people:")
        coordinator = Session(base)
        coordinator.login(COORDINATOR)
        csv = import_csv("killed")
        answer = {}

        def run_import():
            answer["status"] = coordinator.send("POST", "/api/v1/editions/itw-2027/imports", csv, "text/csv")[0]

        # Room for everyone, so the import is one large transaction rather than a waiting list.
        pg.sql("UPDATE editions SET capacity = 100000, country_quota = NULL WHERE slug = 'itw-2027'")
        enrolled_before = pg.sql("SELECT COUNT(*) FROM enrollments")
        thread = threading.Thread(target=run_import)
        thread.start()
        time.sleep(float(os.environ.get("FAULTS_IMPORT_KILL_AFTER", "1.0")))
        app.kill()
        thread.join()
        landed = answer.get("status", 0) == 0
        print(f"  the import had {'not answered' if landed else 'already answered ' + str(answer.get('status'))} "
              "when the app was killed")
        app.start()
        users = int(pg.sql("SELECT COUNT(*) FROM users WHERE email LIKE 'killed-%'"))
        enrolled = int(pg.sql("SELECT COUNT(*) FROM enrollments")) - int(enrolled_before)
        check(landed, "the kill landed while the import was running")
        check((users, enrolled) in ((0, 0), (IMPORT_ROWS, IMPORT_ROWS)),
              f"after the restart: {users} accounts and {enrolled} enrollments of {IMPORT_ROWS} (all or none)")
        coordinator = Session(base)
        coordinator.login(COORDINATOR)
        status, _ = coordinator.send("POST", "/api/v1/editions/itw-2027/imports", import_csv("again"), "text/csv")
        check(status == 200, f"the same import, sent again, succeeds ({status})")

        print("SIGKILL during a bulk certificate issue:")
        # Every participant meets a rule of 0 % of lessons, so the bulk issue has thousands to do.
        pg.sql("UPDATE editions SET rule_lessons_pct = 0, rule_attendance_pct = NULL, rule_survey = 0 "
               "WHERE slug = 'itw-2027'")
        ed = pg.sql("SELECT id FROM editions WHERE slug = 'itw-2027'")
        certs_before = int(pg.sql(f"SELECT COUNT(*) FROM certificates WHERE edition_id = {ed}"))
        answer.clear()

        def run_issue():
            answer["status"] = coordinator.form("/manage/editions/itw-2027/certificates",
                                                "/manage/editions/itw-2027/certificates/issue-all")[0]

        thread = threading.Thread(target=run_issue)
        thread.start()
        # Killed as soon as the first certificates exist, so the kill lands mid-way.
        deadline = time.time() + 60
        while time.time() < deadline and thread.is_alive():
            if int(pg.sql(f"SELECT COUNT(*) FROM certificates WHERE edition_id = {ed}")) > certs_before + 20:
                break
            time.sleep(0.05)
        app.kill()
        thread.join()
        app.start()
        issued = int(pg.sql(f"SELECT COUNT(*) FROM certificates WHERE edition_id = {ed}")) - certs_before
        print(f"  {issued} certificates were issued before the kill "
              f"({'no answer yet' if answer.get('status', 0) == 0 else 'answered ' + str(answer['status'])})")
        check(answer.get("status", 0) == 0 and issued > 0, "the kill landed in the middle of the bulk issue")
        whole = consistency(pg, ed)
        check(all(v == 0 for v in whole.values()), f"every certificate is whole: {whole}")
        coordinator = Session(base)
        coordinator.login(COORDINATOR)
        status, _ = coordinator.form("/manage/editions/itw-2027/certificates",
                                     "/manage/editions/itw-2027/certificates/issue-all")
        imported = "user_id IN (SELECT id FROM users WHERE email LIKE 'again-%')"
        participants = int(pg.sql(f"SELECT COUNT(*) FROM enrollments WHERE edition_id = {ed} AND {imported}"))
        valid = int(pg.sql(f"SELECT COUNT(*) FROM certificates WHERE edition_id = {ed} AND state = 'valid' "
                           f"AND {imported}"))
        twice = int(pg.sql(f"SELECT COUNT(*) FROM (SELECT enrollment_id FROM certificates WHERE edition_id = {ed} "
                           "AND state = 'valid' GROUP BY enrollment_id HAVING COUNT(*) > 1) x"))
        check(status in (200, 303) and valid == participants and twice == 0,
              f"issuing again finishes: {valid} valid certificates for the {participants} imported people, "
              f"{twice} enrollments with two")
        whole = consistency(pg, ed)
        check(all(v == 0 for v in whole.values()), f"and every certificate is whole: {whole}")
        with open(app.log) as f:
            check("panicked" not in f.read(), "the app logged no panic")
    finally:
        app.stop()
        if s3.poll() is None:
            s3.terminate()
        try:
            pg.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(work, ignore_errors=True)
    print("faults: " + ("all checks passed" if not failures else f"{len(failures)} check(s) failed"))
    return 1 if failures else 0


def consistency(pg, ed):
    """Counts of broken certificates among the imported people's, by what is broken (all zero
    when every one is whole)."""
    q = lambda sql: int(pg.sql(sql))  # noqa: E731
    mine = f"c.edition_id = {ed} AND c.user_id IN (SELECT id FROM users WHERE email LIKE 'again-%')"
    return {
        "enrollment not completed": q("SELECT COUNT(*) FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id "
                                      f"WHERE {mine} AND c.state = 'valid' AND e.state <> 'completed'"),
        "no audit record": q(f"SELECT COUNT(*) FROM certificates c WHERE {mine} AND NOT EXISTS "
                             "(SELECT 1 FROM audit_log a WHERE a.action = 'certificate.issue' "
                             "AND a.after_json LIKE '%\"certificate\":' || c.id || ',%')"),
        "no mail queued": q(f"SELECT COUNT(*) FROM certificates c JOIN users u ON u.id = c.user_id WHERE {mine} "
                            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.to_email = u.email "
                            "AND o.body_text LIKE '%/my/certificates%')"),
        "counter not set": q(f"SELECT COUNT(*) FROM enrollments e JOIN users u ON u.id = e.user_id "
                             f"WHERE e.edition_id = {ed} AND u.email LIKE 'again-%' AND e.has_certificate <> "
                             "(SELECT COUNT(*) FROM certificates c WHERE c.enrollment_id = e.id AND c.state = 'valid')"),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
