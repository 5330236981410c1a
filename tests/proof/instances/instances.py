"""Two app processes on one PostgreSQL database and one S3 server (s3s-fs, which checks
signatures), as they run behind a load balancer:

1. a session made on one instance works on the other (same secret key, sessions in the
   database);
2. a material uploaded through one is downloaded, byte for byte, through the other;
3. a session added to an edition's timetable through one shows on the other's edition page
   at once, although that instance keeps the timetable in memory;
4. a participant's lesson marked done through one shows as done on the other's lesson page at
   once, although that instance keeps the participant's progress in memory;
5. the enrollment race: N people apply at once for the last C places of an edition that
   admits in order of arrival, half of them through each instance; exactly C are accepted
   and the rest wait-listed, and the edition's count of seats taken agrees.

Usage: python3 tests/proof/instances/instances.py BINARY PG_ADMIN_URL
Prints what it did and what it found; exits 1 on any failed check.
"""

import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from proof_lib import COORDINATOR, PARTICIPANT, PASSWORD, SECRET_KEY, TRAINER, check, failures, free_port, s3_env, start_s3, tiny_pdf  # noqa: E402

APPLICANTS = int(os.environ.get("INSTANCES_APPLICANTS", "120"))
PLACES = int(os.environ.get("INSTANCES_PLACES", "30"))



def wait_ready(base, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/health/ready", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{base} did not become ready")


def psql(url, sql):
    out = subprocess.run(["psql", url, "-Atc", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Client:
    """A cookie-keeping HTTP client bound to one instance (the jar can move between them)."""

    def __init__(self, base, jar=None):
        self.base = base
        self.jar = jar or http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, method, path, body=None, headers=None):
        h = {"Origin": self.base}
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=h)
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def json(self, method, path, value=None):
        body = None if value is None else json.dumps(value).encode()
        status, data = self.request(method, path, body, {"Content-Type": "application/json"})
        try:
            return status, json.loads(data or b"null")
        except ValueError:
            return status, data.decode(errors="replace")

    def login(self, email):
        status, _ = self.json("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
        return status

    def on(self, base):
        """The same cookies, sent to another instance."""
        for c in self.jar:
            c.domain = "127.0.0.1"
        return Client(base, self.jar)


def multipart(fields, file_name, content, content_type):
    boundary = "wta-instances-boundary"
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"



def main(binary, pg_admin):
    work = tempfile.mkdtemp(prefix="wta-instances-")
    db_url = pg_admin.rsplit("/", 1)[0] + "/instances_proof"
    psql(pg_admin, "DROP DATABASE IF EXISTS instances_proof")
    psql(pg_admin, "CREATE DATABASE instances_proof")
    s3_root = os.path.join(work, "s3")
    os.makedirs(os.path.join(s3_root, "materials"))
    s3_port = free_port()
    procs = [start_s3(s3_root, s3_port)]
    try:
        ports = [free_port(), free_port()]
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        common = dict(os.environ, WTA_DATABASE_URL=db_url, ROCKET_SECRET_KEY=SECRET_KEY, ROCKET_ADDRESS="127.0.0.1",
                      WTA_LOG="warn", **s3_env(s3_port, "materials"))
        subprocess.run([binary, "demo"], env=dict(common, WTA_DATA_DIR=os.path.join(work, "demo")), check=True,
                       stdout=subprocess.DEVNULL)
        for i, port in enumerate(ports):
            env = dict(common, WTA_DATA_DIR=os.path.join(work, f"app{i}"), ROCKET_PORT=str(port),
                       WTA_PUBLIC_URL=bases[i])
            log = open(os.path.join(work, f"app{i}.log"), "w")
            procs.append(subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT))
        for b in bases:
            wait_ready(b)
        print(f"instances: two app processes ({bases[0]}, {bases[1]}) on PostgreSQL database instances_proof "
              f"and s3s-fs on port {s3_port}")

        print("sessions:")
        a = Client(bases[0])
        check(a.login(COORDINATOR) == 200, "the coordinator signs in on instance A")
        status, me = a.on(bases[1]).json("GET", "/api/v1/me")
        check(status == 200 and isinstance(me, dict) and me.get("email") == COORDINATOR,
              f"instance B knows the session made on A (GET /api/v1/me: {status})")

        print("files:")
        t = Client(bases[0])
        check(t.login(TRAINER) == 200, "the trainer signs in on instance A")
        pdf = tiny_pdf("Shared across instances")
        body, ctype = multipart({"title": "Shared notes", "visibility": "participants"}, "shared-notes.pdf", pdf,
                                "application/pdf")
        status, data = t.request("POST", "/api/v1/editions/itw-2027/materials", body, {"Content-Type": ctype})
        material = json.loads(data) if status == 201 else {}
        check(status == 201, f"a PDF is uploaded through A ({status})")
        if material:
            status, got = t.on(bases[1]).request("GET", f"/api/v1/materials/{material['id']}/download")
            if status in (301, 302, 303, 307):
                status = 200  # a presigned redirect is followed by urllib; kept for clarity
            check(status == 200 and got == pdf, f"B serves the same bytes ({status}, {len(got)} bytes)")

        print("content kept in memory:")
        on_b = a.on(bases[1])

        def edition_page():
            status, body = on_b.request("GET", "/editions/itw-2027")
            return status, body.decode(errors="replace")

        status, before = edition_page()
        check(status == 200 and 'id="timetable"' in before and "Cross-instance briefing" not in before,
              f"B shows the 2027 timetable, now in its memory ({status})")
        form_page = a.request("GET", "/manage/editions/itw-2027/sessions/new")[1].decode(errors="replace")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form_page)
        fields = {"csrf_token": token.group(1) if token else "", "title": "Cross-instance briefing", "kind": "lecture",
                  "starts_at": "2027-10-11T16:00", "ends_at": "2027-10-11T17:00", "room": "Room 7",
                  "online_url": "", "module": ""}
        status, _ = a.request("POST", "/manage/editions/itw-2027/sessions/new", urllib.parse.urlencode(fields).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})
        check(status in (200, 303), f"the coordinator adds a session through A ({status})")
        status, after = edition_page()
        check(status == 200 and "Cross-instance briefing" in after, "B's edition page shows it on the next request")

        print("a person's standing kept in memory:")
        participant = Client(bases[0])
        check(participant.login(PARTICIPANT) == 200, "a participant of ITW 2027 signs in on instance A")
        lesson = "/editions/itw-2027/modules/triple-helix/origins-of-the-triple-helix"

        def done_on_b():
            """Whether B's lesson page offers "mark as not done" (the lesson is done) or not."""
            status, body = participant.on(bases[1]).request("GET", lesson)
            page = body.decode(errors="replace")
            return status, 'name="done" value="0"' in page, 'name="done" value="1"' in page

        status, done, undone = done_on_b()
        check(status == 200 and undone and not done, f"B shows the lesson not done yet, now in its memory ({status})")
        status, _ = participant.json("PUT", lesson.replace("/editions/", "/api/v1/editions/", 1) + "/progress",
                                     {"done": True})
        check(status == 200, f"the participant marks it done through A ({status})")
        status, done, undone = done_on_b()
        check(status == 200 and done and not undone, "B's lesson page shows it done on the next request")

        print(f"enrollment race: {APPLICANTS} applications at once for {PLACES} places, half through each instance:")
        later = psql(db_url, "SELECT to_char((now() + interval '1 day') AT TIME ZONE 'UTC', "
                             "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
        before = psql(db_url, "SELECT to_char((now() - interval '1 hour') AT TIME ZONE 'UTC', "
                              "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
        # The demo's 2027 workshop, opened to first-come admission with PLACES places left.
        held = int(psql(db_url, "SELECT seats_taken FROM editions WHERE slug = 'itw-2027'"))
        psql(db_url, f"UPDATE editions SET admission_mode = 'open', capacity = {held + PLACES}, country_quota = NULL, "
                     f"applications_open_at = '{before}', applications_close_at = '{later}' WHERE slug = 'itw-2027'")
        # Applicants share the demo password: their rows copy the coordinator's password hash.
        psql(db_url, "INSERT INTO users (email, password_hash, display_name, role, created_at, updated_at) "
                     f"SELECT 'racer' || g || '@example.org', u.password_hash, 'Racer ' || g, 'participant', "
                     f"u.created_at, u.updated_at FROM users u, generate_series(1, {APPLICANTS}) g "
                     f"WHERE u.email = '{COORDINATOR}'")
        clients = []
        for i in range(APPLICANTS):
            c = Client(bases[i % 2])
            if c.login(f"racer{i + 1}@example.org") != 200:
                check(False, f"racer {i + 1} signs in")
                return 1
            clients.append(c)
        form = {"certificate_name_latin": "Race Participant", "certificate_name_native": "", "organisation":
                "Daedeok Innopolis", "organisation_type": "stp", "country": "KR", "position": "Manager",
                "motivation": "To learn how science parks are governed.", "consent_listed": "", "consent_photos": "",
                "consent_contact": "", "invitation": ""}
        answers = [None] * APPLICANTS
        gate = threading.Barrier(APPLICANTS)

        def apply(i):
            gate.wait()
            answers[i] = clients[i].json("POST", "/api/v1/editions/itw-2027/application", form)

        threads = [threading.Thread(target=apply, args=(i,)) for i in range(APPLICANTS)]
        started = time.time()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        took = time.time() - started
        codes = {}
        for status, _ in answers:
            codes[status] = codes.get(status, 0) + 1
        states = dict(tuple(line.split("|")) for line in psql(
            db_url, "SELECT e.state, COUNT(*) FROM enrollments e JOIN users u ON u.id = e.user_id "
                    "WHERE e.edition_id = (SELECT id FROM editions WHERE slug = 'itw-2027') "
                    "AND u.email LIKE 'racer%' GROUP BY e.state").splitlines() if line)
        taken = int(psql(db_url, "SELECT seats_taken FROM editions WHERE slug = 'itw-2027'")) - held
        print(f"  answers in {took:.2f} s: {codes}; enrollments by state: {states}; {taken} more seats taken")
        check(codes.get(200, 0) == APPLICANTS, "every application got an answer (200)")
        check(int(states.get("accepted", 0)) == PLACES, f"exactly {PLACES} accepted")
        check(int(states.get("waitlisted", 0)) == APPLICANTS - PLACES, f"{APPLICANTS - PLACES} wait-listed")
        check(taken == PLACES, f"the edition counts exactly {PLACES} more places as taken")
        for i in range(2):
            with open(os.path.join(work, f"app{i}.log")) as f:
                check("panicked" not in f.read(), f"instance {'AB'[i]} logged no panic")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)
    print("instances: " + ("all checks passed" if not failures else f"{len(failures)} check(s) failed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
