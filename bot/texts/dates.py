"""Texts for date and time understanding (bot.dates)."""

TEXTS: dict[str, dict[str, str]] = {
    # --- refusals: say what was wrong and give an example that works ---
    "dates.empty": {
        "nb": "Skriv en dato, for eksempel «torsdag 5. mars kl 10» eller «15.09».",
        "nn": "Skriv ein dato, til dømes «torsdag 5. mars kl 10» eller «15.09».",
        "en": "Please give a date, for example “Thursday 5 March at 10” or “15.09”.",
    },
    "dates.too_long": {
        "nb": "Det var for mye tekst for en dato. Skriv bare datoen, for eksempel «15.09».",
        "nn": "Det var for mykje tekst for ein dato. Skriv berre datoen, til dømes «15.09».",
        "en": "That is too much text for a date. Write just the date, for example “15.09”.",
    },
    "dates.not_understood": {
        "nb": "Jeg fant ingen dato i «{text}». Skriv for eksempel «5. mars kl 10», «15.09» "
        "eller «i morgen kl 9».",
        "nn": "Eg fann ingen dato i «{text}». Skriv til dømes «5. mars kl 10», «15.09» "
        "eller «i morgon kl 9».",
        "en": "I found no date in “{text}”. Try for example “5 March 10:00”, “15.09” or "
        "“tomorrow 9am”.",
    },
    "dates.unknown_word": {
        "nb": "Jeg forstod ikke «{word}» i «{text}». Skriv datoen for eksempel som "
        "«fredag 6. mars kl 10» eller «6.3 kl 10».",
        "nn": "Eg forstod ikkje «{word}» i «{text}». Skriv datoen til dømes som "
        "«fredag 6. mars kl 10» eller «6.3 kl 10».",
        "en": "I did not understand “{word}” in “{text}”. Write the date for example as "
        "“Friday 6 March 10:00” or “6.3 kl 10”.",
    },
    "dates.bare_number": {
        "nb": "Et tall alene («{number}») er ikke en dato. Skriv «kl 14» for et klokkeslett "
        "eller «14. mars» for en dato.",
        "nn": "Eit tal åleine («{number}») er ikkje ein dato. Skriv «kl 14» for eit klokkeslett "
        "eller «14. mars» for ein dato.",
        "en": "A number alone (“{number}”) is not a date. Write “kl 14” or “2pm” for a time, "
        "or “14 March” for a date.",
    },
    "dates.impossible_date": {
        "nb": "Datoen {date} finnes ikke. Sjekk dag og måned, for eksempel «30.04».",
        "nn": "Datoen {date} finst ikkje. Sjekk dag og månad, til dømes «30.04».",
        "en": "The date {date} does not exist. Check the day and month, for example “30.04”.",
    },
    "dates.month_without_day": {
        "nb": "Hvilken dag i {month}? Skriv for eksempel «5. {month}» eller «5. {month} kl 10».",
        "nn": "Kva dag i {month}? Skriv til dømes «5. {month}» eller «5. {month} kl 10».",
        "en": "Which day in {month}? Write for example “5 {month}” or “5 {month} 10:00”.",
    },
    "dates.bad_year": {
        "nb": "Året {year} virker feil. Skriv for eksempel «5. mars 2027».",
        "nn": "Året {year} verkar feil. Skriv til dømes «5. mars 2027».",
        "en": "The year {year} looks wrong. Write for example “5 March 2027”.",
    },
    "dates.bad_week": {
        "nb": "Uke {week} finnes ikke. Ukene går fra 1 til 52 (noen år 53).",
        "nn": "Veke {week} finst ikkje. Vekene går frå 1 til 52 (nokre år 53).",
        "en": "Week {week} does not exist. Weeks run from 1 to 52 (53 in some years).",
    },
    "dates.bad_time": {
        "nb": "«{time}» er ikke et klokkeslett: timene går fra 0 til 23 og minuttene fra "
        "0 til 59. Skriv for eksempel «kl 14:30».",
        "nn": "«{time}» er ikkje eit klokkeslett: timane går frå 0 til 23 og minutta frå "
        "0 til 59. Skriv til dømes «kl 14:30».",
        "en": "“{time}” is not a time of day: hours go from 0 to 23 and minutes from 0 to 59. "
        "Write for example “14:30” or “2:30pm”.",
    },
    "dates.two_times": {
        "nb": "«{text}» har mer enn ett klokkeslett. Skriv bare ett, for eksempel «kl 10».",
        "nn": "«{text}» har meir enn eitt klokkeslett. Skriv berre eitt, til dømes «kl 10».",
        "en": "“{text}” has more than one time of day. Give just one, for example “10:00”.",
    },
    "dates.conflict": {
        "nb": "Her er det flere datoer som ikke passer sammen. Skriv bare én, for eksempel "
        "«fredag 6. mars» eller «om 3 dager».",
        "nn": "Her er det fleire datoar som ikkje passar saman. Skriv berre éin, til dømes "
        "«fredag 6. mars» eller «om 3 dagar».",
        "en": "This names more than one date, and they do not agree. Give just one, for "
        "example “Friday 6 March” or “in 3 days”.",
    },
    "dates.weekday_mismatch": {
        "nb": "{date} er en {actual}, ikke en {weekday}. Sjekk datoen eller dagen.",
        "nn": "{date} er ein {actual}, ikkje ein {weekday}. Sjekk datoen eller dagen.",
        "en": "{date} is a {actual}, not a {weekday}. Check the date or the day.",
    },
    "dates.range_in_when": {
        "nb": "«{text}» er et tidsrom. Her trengs ett tidspunkt, for eksempel «fredag kl 10».",
        "nn": "«{text}» er eit tidsrom. Her trengst eitt tidspunkt, til dømes «fredag kl 10».",
        "en": "“{text}” is a time range. One point in time is needed here, for example "
        "“Friday 10:00”.",
    },
    "dates.slots_empty": {
        "nb": "Skriv ett eller flere tidspunkt, for eksempel «tirsdag 10-12, torsdag 13-15».",
        "nn": "Skriv eitt eller fleire tidspunkt, til dømes «tysdag 10-12, torsdag 13-15».",
        "en": "Give one or more times, for example “Tuesday 10-12, Thursday 13-15”.",
    },
    "dates.slot_no_time": {
        "nb": "«{slot}» mangler klokkeslett. Skriv for eksempel «tirsdag 10-12» eller "
        "«5. mars kl 10».",
        "nn": "«{slot}» manglar klokkeslett. Skriv til dømes «tysdag 10-12» eller «5. mars kl 10».",
        "en": "“{slot}” has no time of day. Write for example “Tuesday 10-12” or “5 March 10:00”.",
    },
    "dates.slot_no_day": {
        "nb": "«{slot}» mangler dag. Skriv for eksempel «tirsdag 10-12» eller «5.3 kl 10-12».",
        "nn": "«{slot}» manglar dag. Skriv til dømes «tysdag 10-12» eller «5.3 kl 10-12».",
        "en": "“{slot}” has no day. Write for example “Tuesday 10-12” or “5 March 10-12”.",
    },
    "dates.slot_end_before_start": {
        "nb": "I «{slot}» slutter tidsrommet før det begynner. Skriv for eksempel «fredag 13-15».",
        "nn": "I «{slot}» sluttar tidsrommet før det byrjar. Skriv til dømes «fredag 13-15».",
        "en": "In “{slot}” the end is before the start. Write for example “Friday 13-15”.",
    },
    "dates.bad_duration": {
        "nb": "Jeg forstod ikke «{text}» som en varighet. Skriv for eksempel «2t», «90 min», "
        "«1t30m» eller «3d».",
        "nn": "Eg forstod ikkje «{text}» som ei varigheit. Skriv til dømes «2t», «90 min», "
        "«1t30m» eller «3d».",
        "en": "I did not understand “{text}” as a length of time. Write for example “2h”, "
        "“90 min”, “1h30m” or “3d”.",
    },
    "dates.bad_offsets": {
        "nb": "Jeg forstod ikke «{text}» som et varsel før fristen. Skriv for eksempel "
        "«14d,7d,1d,2t».",
        "nn": "Eg forstod ikkje «{text}» som eit varsel før fristen. Skriv til dømes "
        "«14d,7d,1d,2t».",
        "en": "I did not understand “{text}” as a reminder time. Write for example “14d,7d,1d,2h”.",
    },
    "dates.offsets_empty": {
        "nb": "Skriv når du vil ha varsel før fristen, for eksempel «14d,7d,1d,2t».",
        "nn": "Skriv når du vil ha varsel før fristen, til dømes «14d,7d,1d,2t».",
        "en": "Say when you want reminders before the deadline, for example “14d,7d,1d,2h”.",
    },
    # --- formatting ---
    "dates.fmt.datetime": {
        "nb": "{date} kl {time}",
        "nn": "{date} kl. {time}",
        "en": "{date} at {time}",
    },
    "dates.fmt.short": {
        "nb": "{weekday} {day} kl {time}",
        "nn": "{weekday} {day} kl. {time}",
        "en": "{weekday} {day} {time}",
    },
    "dates.fmt.slot": {
        "nb": "{day} kl {start}",
        "nn": "{day} kl. {start}",
        "en": "{day} {start}",
    },
    "dates.fmt.slot_range": {
        "nb": "{day} kl {start}–{end}",
        "nn": "{day} kl. {start}–{end}",
        "en": "{day} {start}–{end}",
    },
    # --- warnings for features ---
    "dates.warn.holiday": {
        "nb": "{date} er en helligdag ({name}).",
        "nn": "{date} er ein heilagdag ({name}).",
        "en": "{date} is a public holiday ({name}).",
    },
    "dates.warn.weekend": {
        "nb": "{date} er en helgedag.",
        "nn": "{date} er ein helgedag.",
        "en": "{date} is on a weekend.",
    },
}
