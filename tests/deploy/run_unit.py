"""CI step (issue 16, must-show 6): run deploy/partnerbot.service's ExecStartPre and
ExecStart lines, and deploy/partnerbot-worker.service's ExecStart beside them, against a
database (the throwaway PostgreSQL of .ci/run), with Slack's Web API faked on loopback;
pass when /readyz answers 200, a signed `/partnerbot hjelp` sent to the front is answered
(the worker ran it), and SIGTERM ends both with exit 0.

    python -m tests.deploy.run_unit postgresql+psycopg://postgres@127.0.0.1:PORT/postgres

The unit's /opt/partnerbot/bin/partnerbot becomes this virtualenv's partnerbot, its port a
free one; everything else on the lines is run as written."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from sqlalchemy import create_engine, text

from tests.adapters.slack import requests as rq
from tests.adapters.slack.fake import FakeSlack
from tests.adapters.slack.process import BIN, BOT_TOKEN, clean_env, free_port
from tests.deploy.files import UNIT, exec_args, unit_file

READY_SECONDS = 120.0
SCHEMA = "unit_check"
WORKER_UNIT = UNIT.with_name("partnerbot-worker.service")


def localise(args: list[str], port: int) -> list[str]:
    out = [str(BIN), *args[1:]]
    if "--port" in out:
        out[out.index("--port") + 1] = str(port)
    return out


def main(server_url: str) -> int:
    """On a schema of its own on ``server_url``, dropped afterwards."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    sep = "&" if "?" in server_url else "?"
    try:
        return run(f"{server_url}{sep}options=-csearch_path%3D{SCHEMA}")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        admin.dispose()


def run(database_url: str) -> int:
    service = dict(unit_file()["Service"])
    port = free_port()
    with FakeSlack() as fake:
        env = clean_env(
            DATABASE_URL=database_url,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=rq.SECRET,
            SLACK_API_URL=fake.api_url,
            PARTNERBOT_LOG_LEVEL="INFO",
        )
        pre = subprocess.run(
            localise(exec_args(service["ExecStartPre"]), port), env=env, capture_output=True
        )
        if pre.returncode != 0:
            print(f"ExecStartPre failed: {pre.stderr.decode()}", file=sys.stderr)
            return 1
        cmd = localise(exec_args(service["ExecStart"]), port)
        print("running the unit's ExecStart:", " ".join(cmd))
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        worker_cmd = localise(exec_args(dict(unit_file(WORKER_UNIT)["Service"])["ExecStart"]), 0)
        print("running the worker unit's ExecStart:", " ".join(worker_cmd))
        worker = subprocess.Popen(
            worker_cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + READY_SECONDS
            while True:
                if proc.poll() is not None:
                    print("it exited before /readyz answered 200", file=sys.stderr)
                    return 1
                try:
                    resp = rq.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                    if resp.status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    print(f"/readyz not 200 within {READY_SECONDS:.0f} s", file=sys.stderr)
                    return 1
                time.sleep(0.2)
            print(f"/readyz: {resp.status} {resp.body.strip()}")
            if not answered(fake, f"http://127.0.0.1:{port}/slack/events"):
                return 1
            codes = []
            for each in (proc, worker):
                each.send_signal(signal.SIGTERM)
                codes.append(each.wait(60))
            print(f"SIGTERM: exit codes {codes[0]} (front), {codes[1]} (worker)")
            return 0 if codes == [0, 0] else 1
        finally:
            for each in (proc, worker):
                if each.poll() is None:
                    each.kill()
                    each.wait()
                if each.stdout is not None:
                    log = each.stdout.read().decode(errors="replace")
                    if "Traceback" in log:
                        print(log, file=sys.stderr)


def answered(fake: FakeSlack, events_url: str) -> bool:
    """A signed `/partnerbot hjelp` to the front is acked and then answered by the worker
    on its response_url."""
    reply_to = fake.response_url("unit")
    resp = rq.post(events_url, rq.slash_body("hjelp", response_url=reply_to))
    if resp.status != 200:
        print(f"the front answered {resp.status} to a signed command", file=sys.stderr)
        return False
    try:
        fake.wait_for("response_url", lambda c: c.path == "/response/unit", timeout=60)
    except AssertionError as exc:
        print(f"the command was not answered: {exc}", file=sys.stderr)
        return False
    print("a signed /partnerbot hjelp: acked by the front, answered by the worker")
    return True


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
