"""Issue 16, must-show 6 (docker build is not possible here): the Dockerfile, compose.yaml
and the systemd unit parse, and every partnerbot command line in them names a command and
options that exist. (.ci/run also runs the unit's ExecStart against a throwaway PostgreSQL:
tests/deploy/run_unit.py.)"""

from __future__ import annotations

import yaml

from tests.deploy.files import (
    REPO,
    UNIT,
    check_partnerbot_command,
    dockerfile,
    exec_args,
    unit_file,
)


def test_the_dockerfile_is_slim_non_root_and_runs_partnerbot_serve() -> None:
    steps = dockerfile()
    froms = [i for i, (word, _) in enumerate(steps) if word == "FROM"]
    assert froms and all("-slim" in steps[i][1] for i in froms)
    final = steps[froms[-1] :]
    users = [arg for word, arg in final if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    cmd = [arg for word, arg in final if word == "CMD"]
    assert cmd, "no CMD"
    args = exec_args(cmd[-1])
    assert args[:2] == ["partnerbot", "serve"]
    check_partnerbot_command(args)
    for word, arg in steps:
        if word == "COPY" and "--from" not in arg:
            for source in arg.split()[:-1]:
                assert (REPO / source).exists(), f"COPY of a missing {source}"


def test_compose_runs_postgresql_16_migrations_first_then_the_bot() -> None:
    compose = yaml.safe_load((REPO / "compose.yaml").read_text())
    services = compose["services"]
    assert str(services["db"]["image"]).startswith("postgres:16")
    assert exec_args(str(services["migrate"]["command"]).replace("'", '"')) == [
        "partnerbot",
        "db",
        "upgrade",
    ]
    for name in ("migrate", "bot"):
        check_partnerbot_command([str(a) for a in services[name]["command"]])
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert services["bot"]["command"][:2] == ["partnerbot", "serve"]
    # The split layout: a front without worker, and a worker service beside it.
    assert "--no-worker" in services["bot"]["command"]
    assert services["worker"]["command"][:2] == ["partnerbot", "worker"]
    check_partnerbot_command([str(a) for a in services["worker"]["command"]])
    assert services["worker"]["environment"] == services["bot"]["environment"]
    assert services["worker"]["volumes"] == services["bot"]["volumes"]
    assert services["worker"]["depends_on"] == services["bot"]["depends_on"]
    assert services["bot"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_systemd_unit_upgrades_then_serves_as_a_non_root_user() -> None:
    unit = unit_file()
    service = dict(unit["Service"])
    assert service["User"] not in ("root", "0")
    check_partnerbot_command(exec_args(service["ExecStartPre"]))
    assert exec_args(service["ExecStartPre"])[1:] == ["db", "upgrade"]
    start = exec_args(service["ExecStart"])
    assert start[1] == "serve"
    check_partnerbot_command(start)
    assert "multi-user.target" in dict(unit["Install"])["WantedBy"]


def test_the_front_unit_pulls_in_a_worker_unit_that_runs_after_its_upgrade() -> None:
    front, worker = unit_file(), unit_file(UNIT.with_name("partnerbot-worker.service"))
    assert "--no-worker" in exec_args(dict(front["Service"])["ExecStart"])
    assert "partnerbot-worker.service" in dict(front["Unit"])["Wants"].split()
    service = dict(worker["Service"])
    start = exec_args(service["ExecStart"])
    assert start[1] == "worker"
    check_partnerbot_command(start)
    assert int(service["Nice"]) > 0
    assert "partnerbot.service" in dict(worker["Unit"])["After"].split()
    assert dict(worker["Unit"])["PartOf"] == "partnerbot.service"
    for key in ("User", "EnvironmentFile", "WorkingDirectory", "ReadWritePaths"):
        assert service[key] == dict(front["Service"])[key]
