"""The chat platforms: the console (console.py), Slack (slack/) and Teams (teams/), each
behind the one written contract in contract.py (command in, answer / post / update /
open_form / upload / profile out, capability flags), checked by mypy and by the contract
suite in tests/adapters/contract/. Each escapes every user text in its own markup, and
registers a Messenger for its platform in the process's one dispatch loop
(bot/scheduler.py)."""
