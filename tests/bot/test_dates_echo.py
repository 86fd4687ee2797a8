"""The member sees how a date was read: notes reach the reply of every feature that echoes a
date (hearing deadline, poll slots and deadline, conference date, action due date), and a
date refusal inside a feature's own message gives one example, not two (issue 17 item 9)."""

from __future__ import annotations

from datetime import datetime

from tests.helpers import TestBot


def test_hearing_deadline_in_a_week_is_its_friday_and_says_so(bot: TestBot, now: datetime) -> None:
    out = bot.run('/horing ny "Regional plan" frist uke 50 mottakere Horten', now=now)
    assert "fredag 11. desember 2026 kl 23:59" in out
    assert "«uke 50» er lest som fredag 11. desember 2026: en uke som frist betyr fredagen." in out


def test_poll_slots_echo_a_mended_typo_and_share_a_time(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/mote ny "Samhandlingsmøte" tider i morgn kl 10-12 og tirsdag og torsdag neste uke '
        "kl 13-15",
        now=now,
    )
    assert "«morgn» er lest som «morgen»." in out
    for slot in ("tirsdag 3. mars", "tirsdag 10. mars", "torsdag 12. mars"):
        assert slot in out, out


def test_poll_slots_joined_with_og(bot: TestBot, now: datetime) -> None:
    # Issue 17 item 9: "8.12 kl 10-12 og 9.12 kl 10-12" was refused.
    out = bot.run('/mote ny "Desembermøte" tider 8.12 kl 10-12 og 9.12 kl 10-12', now=now)
    assert "tirsdag 8. desember" in out and "onsdag 9. desember" in out, out


def test_conference_on_an_ordinal_weekday_in_nynorsk(bot: TestBot, now: datetime) -> None:
    # Issue 17 item 9: "første mandag i desember" got "Kva dag i desember?".
    out = bot.run(
        '/konferanse ny "Haustsamling" dato fyrste måndag i desember kl 09-16 publikum alle',
        as_="Sigrid Aasen",
        channel="#vest-telemark",  # her partnership's: she organises there only
        now=now,
    )
    assert "Kva dag" not in out
    assert "«fyrste måndag i desember» er lese som måndag 7. desember 2026." in out, out


def test_a_bad_date_in_a_feature_gives_one_example(bot: TestBot, now: datetime) -> None:
    out = bot.run(
        '/konferanse ny "Haustsamling" dato desember kl 09-16 publikum alle',
        as_="Sigrid Aasen",
        now=now,
    )
    assert "Kva dag i desember?" in out
    assert out.count("til dømes") == 1, out
    assert "`dato 5. mars kl 09-16`" in out  # the feature's example, with its keyword


def test_action_due_date_echoes_the_day_of_a_named_day(bot: TestBot, now: datetime) -> None:
    out = bot.run('/tiltak ny "Sende søknad" frist langfredag', now=now)
    assert "frist: 03.04.2026" in out, out
    assert "«langfredag» er lest som fredag 3. april 2026." in out


def test_no_note_when_nothing_was_chosen(bot: TestBot, now: datetime) -> None:
    out = bot.run('/horing ny "Plan" frist 15.09 mottakere Horten', now=now)
    assert "er lest som" not in out


def test_a_hearing_due_before_friday_is_due_on_thursday_and_says_so(
    bot: TestBot, now: datetime
) -> None:
    out = bot.run('/horing ny "Regional plan" frist Før fredag mottakere Horten', now=now)
    assert "torsdag 5. mars 2026 kl 23:59" in out, out
    assert "«Før fredag» er lest som torsdag 5. mars 2026, arbeidsdagen før." in out, out
