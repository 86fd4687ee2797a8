"""The `partnerbot` command: console, serve (slack), worker, doctor, demo, db upgrade, outbox."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import NoReturn

import typer
from pydantic import ValidationError

from bot.app import App
from bot.config import Settings, load_settings
from bot.logging_setup import setup_logging
from storage import schema
from storage.db import Database, DatabaseError

cli = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="partnerbot: a chat bot for regional partnership networks.",
)
db_cli = typer.Typer(no_args_is_help=True, help="Database schema.")
cli.add_typer(db_cli, name="db")
teams_cli = typer.Typer(no_args_is_help=True, help="Microsoft Teams.")
cli.add_typer(teams_cli, name="teams")


def fail(message: str) -> NoReturn:
    """One clear line on stderr and exit code 2: for problems an operator can fix."""
    print(f"partnerbot: {message}", file=sys.stderr)
    raise typer.Exit(2)


def settings() -> Settings:
    try:
        s = load_settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err.get("loc", ())) or "settings"
        fail(f"bad setting {where}: {err.get('msg')}")
    setup_logging(s)
    return s


def open_database(s: Settings, *, check_schema: bool = True) -> Database:
    try:
        db = Database.from_url(s.database_url)
        db.ping()
        if check_schema:
            schema.check_up_to_date(db)
    except (DatabaseError, schema.SchemaOutOfDate) as exc:
        fail(str(exc))
    return db


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Create or upgrade the database schema (Alembic)."""
    s = settings()
    db = open_database(s, check_schema=False)
    schema.upgrade(db)
    print(f"database is up to date ({', '.join(sorted(schema.current_revisions(db)))})")


@cli.command()
def console(
    as_: str = typer.Option("Ingrid Berg", "--as", help="The member you act as (an admin)."),
    channel: str = typer.Option("#infrastruktur", help="The channel you write in."),
) -> None:
    """Talk to the bot in the terminal (reads commands line by line when stdin is not a terminal)."""
    from bot.adapters import console as console_adapter
    from bot.dates import warm_up

    s = settings()
    app = App.build(s, open_database(s))
    if sys.stdin.isatty():  # a member typing: load dateparser's data now, not at the first
        warm_up()  # command; a script of commands loads it only if one of them has a date
    console_adapter.run(app, user=as_, channel=channel)


def _serve(host: str, port: int, *, worker: bool = True, slack_only: bool = False) -> None:
    from bot.adapters.slack.run import check_settings as check_slack
    from bot.dates import warm_up
    from bot.web import pages_only
    from bot.web.serve import serve as run_web

    s = settings()
    if not slack_only and pages_only.wanted(s):  # no chat platform: the pages alone (issue 21)
        try:
            pages_only.serve_pages(App.build(s, open_database(s)), host=host, port=port)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        return
    try:
        # Before the database: a missing token is the likelier mistake.
        if slack_only:
            check_slack(s)
            platforms = (True, False)
        else:
            platforms = check_platforms(s)
        app = App.build(s, open_database(s))
        warm_up()
        run_web(app, host=host, port=port, worker=worker, platforms=platforms)
    except _platform_errors() as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


def check_platforms(s: Settings) -> tuple[bool, bool]:
    """Which of Slack and Teams to run; raises one of PLATFORM_ERRORS naming what is missing."""
    from bot.adapters.slack.run import check_settings as check_slack
    from bot.adapters.teams.run import check_settings as check_teams
    from bot.web.serve import configured_platforms

    slack_on, teams_on = configured_platforms(s)
    if slack_on:
        check_slack(s)
    if teams_on:
        check_teams(s)
    return slack_on, teams_on


def _platform_errors() -> tuple[type[Exception], ...]:
    from bot.adapters.slack.run import SlackConfigError
    from bot.adapters.teams.run import TeamsConfigError
    from bot.web.serve import NothingToServe

    return (SlackConfigError, TeamsConfigError, NothingToServe)


@cli.command()
def serve(
    port: int = typer.Option(
        3000, help="HTTP port: /slack/events, /api/messages (Teams), /healthz, /readyz."
    ),
    host: str = typer.Option("0.0.0.0", help="Address to listen on."),
    worker: bool = typer.Option(
        True, "--worker/--no-worker", help="Run one worker in this process (the default)."
    ),
) -> None:
    """The bot: the web app (uvicorn) with Slack and/or Teams, and a worker for the commands."""
    _serve(host, port, worker=worker)


@cli.command()
def slack(
    port: int = typer.Option(3000, help="HTTP port for POST /slack/events and GET /healthz."),
    host: str = typer.Option("0.0.0.0", help="Address to listen on."),
    worker: bool = typer.Option(
        True, "--worker/--no-worker", help="Run one worker in this process (the default)."
    ),
) -> None:
    """Serve Slack only: Socket Mode when SLACK_APP_TOKEN is set, else HTTP."""
    _serve(host, port, worker=worker, slack_only=True)


@cli.command()
def worker(
    nice: int = typer.Option(
        0,
        min=0,
        max=19,
        help="Lower this process's CPU priority by this much (os.nice), so that a front "
        "on the same machine acks before the worker renders.",
    ),
) -> None:
    """Runs stored requests and sends reminders, beside `serve --no-worker` (SQLite or
    PostgreSQL) or as an extra worker (PostgreSQL, on this or other machines)."""
    import signal

    from bot.dates import warm_up

    s = settings()
    try:
        slack_on, teams_on = check_platforms(s)
    except _platform_errors() as exc:
        fail(str(exc))
    app = App.build(s, open_database(s))
    if not app.db.is_postgres:
        print(
            "partnerbot: note: on SQLite run one worker process only, beside "
            "`serve --no-worker` (docs/deploy.md)",
            file=sys.stderr,
        )
    if nice:
        os.nice(nice)
    warm_up()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    _work(app, slack_on=slack_on, teams_on=teams_on, until=stop)


def _work(app: App, *, slack_on: bool, teams_on: bool, until: threading.Event) -> None:
    from bot.adapters.slack.run import SlackRuntime
    from bot.adapters.teams.run import TeamsRuntime
    from bot.inbox import Watch
    from bot.scheduler import DispatchLoop

    runtimes: list[SlackRuntime | TeamsRuntime] = []
    dispatching = DispatchLoop(app)  # one loop sends for both platforms
    if slack_on:
        runtimes.append(SlackRuntime(app, dispatching))
    if teams_on:
        runtimes.append(TeamsRuntime(app, dispatching))
    # SQLite has no NOTIFY: the fronts' rows are seen by their commits (bot/inbox.py).
    watch = None if app.db.is_postgres else Watch(app.db, [r.worker.wake for r in runtimes])
    for runtime in runtimes:
        runtime.start()
    dispatching.start()
    if watch is not None:
        watch.start()
    while not until.wait(1.0):
        pass
    if watch is not None:
        watch.stop()
    for runtime in runtimes:
        runtime.stop()
    dispatching.stop()


@cli.command()
def doctor() -> None:
    """Check settings, database, migrations and the Slack token; say what to fix."""
    from bot.doctor import run_checks

    ok = True
    for line, passed in run_checks():
        print(("ok    " if passed else "FIX   ") + line)
        ok = ok and passed
    if not ok:
        raise typer.Exit(1)


@cli.command()
def demo(
    if_empty: bool = typer.Option(False, "--if-empty", help="Only if there is no data."),
) -> None:
    """Load a realistic example: Politisk partnerskap Vestfold and Vest-Telemarkrådet."""
    from bot import demo as demo_data

    s = settings()
    db = open_database(s)
    loaded = demo_data.load(db, s, if_empty=if_empty)
    print("demo data loaded" if loaded else "demo data skipped: the database has data already")


@cli.command()
def outbox(
    all_: bool = typer.Option(False, "--all", help="Also sent and cancelled messages."),
) -> None:
    """List pending, late and failed messages for operators."""
    from storage import outbox as ob

    s = settings()
    db = open_database(s)
    states = (ob.PENDING, ob.SENDING, ob.FAILED, ob.STALE) + (
        (ob.SENT, ob.CANCELLED) if all_ else ()
    )
    with db.transaction() as session:
        rows = ob.listing(session, states, limit=1000)
        if not rows:
            print("outbox is empty")
        for r in rows:
            due = r.due_at.astimezone(s.tz).strftime("%Y-%m-%d %H:%M")
            extra = f"  attempts={r.attempts}" if r.attempts else ""
            extra += "  late" if r.late else ""
            extra += f"  error={r.last_error}" if r.last_error else ""
            # A row waits for its platform's dispatcher: "@teams" says which one.
            where = f"{r.target_type}:{r.target_id}" + (f"@{r.platform}" if r.platform else "")
            print(f"{r.state:9} {due}  {r.kind:24} {where}  {r.key}{extra}")


@teams_cli.command("manifest")
def teams_manifest(
    out: str = typer.Option("partnerbot-teams.zip", help="Where to write the package."),
    version: str = typer.Option("1.0.0", help="The app's version (raise it for each upload)."),
) -> None:
    """Write the Teams app package to upload in Teams admin center."""
    from bot.adapters.teams.manifest import ManifestError, package

    s = settings()
    try:
        data = package(s, version)
    except ManifestError as exc:
        fail(str(exc))
    try:
        Path(out).write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"wrote {out} (upload it in Teams admin center > Teams apps > Manage apps)")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
