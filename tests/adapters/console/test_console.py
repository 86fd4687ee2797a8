"""The console adapter end to end: the `partnerbot` command, commands on stdin. Most tests
run it in this process (tests/cli.py: same entry point, environment, folder and streams);
those marked ``as_process`` start it as a process, as a member does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import run_cli
from tests.helpers import demo_folder

# `partnerbot` processes: not in the edit loop (make test-fast), always in make test.
pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent / "partnerbot"


def partnerbot(
    *args: str,
    stdin: str = "",
    env: dict[str, str] | None = None,
    cwd: Path,
    as_process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`partnerbot *args` in ``cwd``: in this process, or ``as_process`` as a process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("PARTNERBOT_", "SLACK_"))}
    full_env.update(env or {})
    if not as_process:
        return run_cli(*args, cwd=cwd, env=full_env, stdin=stdin)
    return subprocess.run(
        [str(BIN), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A folder with an upgraded database and the demo loaded, as `make run` leaves it
    (test_demo_twice_loads_once runs the two commands themselves)."""
    return demo_folder(tmp_path)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "Dette kan jeg hjelpe med"),
        ("nn", "Dette kan eg hjelpe med"),
        ("en", "Here is what I can help with"),
    ],
)
def test_help_in_each_language(home: Path, lang: str, expected: str) -> None:
    # Jon Bakke writes English in the demo, so act as a member with no language of their own.
    r = partnerbot(
        "console",
        "--as",
        "Ny Person",
        stdin="/partnerbot hjelp\n",
        env={"PARTNERBOT_LANGUAGE": lang},
        cwd=home,
    )
    assert r.returncode == 0, r.stderr
    assert expected in r.stdout


def test_networks_after_demo(home: Path) -> None:
    r = partnerbot("console", stdin="/partnerbot nettverk\n", cwd=home, as_process=True)
    assert r.returncode == 0
    for name in (
        "Nettverk for infrastruktur",
        "Nettverk for arbeid mot utenforskap",
        "Nettverk for verdiskaping og arealplanlegging",
    ):
        assert f"• {name}\n" in r.stdout
    assert "Statens vegvesen" in r.stdout and "Universitetet i Sørøst-Norge (USN)" in r.stdout


def test_demo_twice_loads_once(tmp_path: Path) -> None:
    assert partnerbot("db", "upgrade", cwd=tmp_path, as_process=True).returncode == 0
    loaded = partnerbot("demo", "--if-empty", cwd=tmp_path, as_process=True)
    assert loaded.stdout.strip() == "demo data loaded"
    r = partnerbot("demo", "--if-empty", cwd=tmp_path)
    assert "skipped" in r.stdout


def test_unknown_commands_answer_with_help_and_exit_0(home: Path) -> None:
    r = partnerbot("console", stdin="/partnerbot tull\n/ukjent\nhei\n", cwd=home)
    assert r.returncode == 0
    assert "Jeg forstod ikke «tull»" in r.stdout
    assert "Jeg kjenner ikke kommandoen /ukjent." in r.stdout
    assert "Kommandoer starter med /" in r.stdout


def test_switch_member_with_som(home: Path) -> None:
    r = partnerbot("console", stdin='/som Kari\n/partnerbot nettverk ny "X"\n', cwd=home)
    assert "Du er nå Kari Nordmann (NAV, organisator)." in r.stdout
    assert "Kari Nordmann @ #infrastruktur> /partnerbot nettverk ny" in r.stdout
    assert "Bare administratorer" in r.stdout


def test_the_console_speaks_the_language_of_the_member_it_now_is(home: Path) -> None:
    # Sigrid Aasen has no language of her own: Vest-Telemarkrådet writes nynorsk.
    r = partnerbot("console", stdin="/som Sigrid Aasen\n/kanal #vest-telemark\ntiltak\n", cwd=home)
    assert "Du er no Sigrid Aasen (Vest-Telemarkrådet, organisator)." in r.stdout
    assert "Du skriv no i kanalen #vest-telemark." in r.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/x"},
            "cannot reach the database",
        ),
        ({"DATABASE_URL": "nosuch://x"}, "DATABASE_URL names a database I cannot use"),
        ({"PARTNERBOT_LANGUAGE": "svensk"}, "bad setting PARTNERBOT_LANGUAGE"),
        ({"PARTNERBOT_TIMEZONE": "Mars/Olympus"}, "bad setting PARTNERBOT_TIMEZONE"),
    ],
)
def test_operator_errors_exit_2_with_one_line(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    r = partnerbot("console", env=env, cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and message in r.stderr and "Traceback" not in r.stderr


def test_console_refuses_an_empty_schema_naming_the_upgrade(tmp_path: Path) -> None:
    r = partnerbot("console", cwd=tmp_path, as_process=True)
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "partnerbot: the database schema is empty; run `partnerbot db upgrade` first"
    )


def test_the_console_keeps_admins_by_name_it_has_no_ids(home: Path) -> None:
    # On the console the account id is the name typed with --as / /som.
    r = partnerbot(
        "console",
        "--as",
        "Eva Ny",
        stdin='/partnerbot nettverk ny "Nettverk for klima"\n',
        env={"PARTNERBOT_ADMINS": "Eva Ny"},
        cwd=home,
    )
    assert r.returncode == 0, r.stderr
    assert "«Nettverk for klima» er opprettet" in r.stdout


def test_a_new_console_member_with_escape_codes_is_stored_clean(home: Path) -> None:
    r = partnerbot("console", stdin='/som ny "Eva\x1b[2J Ny\u202e"\n/partnerbot meg\n', cwd=home)
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout
    assert "Eva[2J Ny" in r.stdout


def test_the_consoles_own_answers_show_commands_as_typed(home: Path) -> None:
    """The console's own answers (no slash, `/som`) printed their commands without the
    slash and with the text markers in them: "Prøv \\ue000partnerbot hjelp\\ue001"."""
    r = partnerbot("console", stdin="hei\n/som\n/som Roger Ryberg\n", cwd=home)
    assert "Kommandoer starter med /. Prøv `/partnerbot hjelp`." in r.stdout
    assert "Skriv for eksempel `/som Kari Nordmann`." in r.stdout
    assert '`/partnerbot nettverk` viser medlemmene; skriv `/som ny "Roger Ryberg"`' in r.stdout
    assert all(not 0xE000 <= ord(c) <= 0xF8FF for c in r.stdout), repr(r.stdout)
