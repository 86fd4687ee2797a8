"""Texts for date and time understanding (bot.dates).

A refusal is its reason, then (key + ".example") an example that works; a caller that
gives its own example with the command's keyword asks for the reason alone.
"""

TEXTS: dict[str, dict[str, str]] = {
    # --- refusals: say what was wrong and give an example that works ---
    "dates.empty": {
        "nb": "Skriv en dato.",
        "nn": "Skriv ein dato.",
        "en": "Please give a date.",
    },
    "dates.empty.example": {
        "nb": "For eksempel «5. mars kl 10», «torsdag kl 10» eller «15.09».",
        "nn": "Til dømes «5. mars kl 10», «torsdag kl 10» eller «15.09».",
        "en": "For example “5 March at 10”, “Thursday at 10” or “15.09”.",
    },
    "dates.too_long": {
        "nb": "Det var for mye tekst for en dato.",
        "nn": "Det var for mykje tekst for ein dato.",
        "en": "That is too much text for a date.",
    },
    "dates.too_long.example": {
        "nb": "Skriv bare datoen, for eksempel «15.09».",
        "nn": "Skriv berre datoen, til dømes «15.09».",
        "en": "Write just the date, for example “15.09”.",
    },
    "dates.not_understood": {
        "nb": "Jeg fant ingen dato i «{text}».",
        "nn": "Eg fann ingen dato i «{text}».",
        "en": "I found no date in “{text}”.",
    },
    "dates.not_understood.example": {
        "nb": "Skriv for eksempel «5. mars kl 10», «15.09» eller «i morgen kl 9».",
        "nn": "Skriv til dømes «5. mars kl 10», «15.09» eller «i morgon kl 9».",
        "en": "Try for example “5 March 10:00”, “15.09” or “tomorrow 9am”.",
    },
    "dates.unknown_word": {
        "nb": "Jeg forstod ikke «{word}» i «{text}».",
        "nn": "Eg forstod ikkje «{word}» i «{text}».",
        "en": "I did not understand “{word}” in “{text}”.",
    },
    "dates.unknown_word.example": {
        "nb": "Skriv datoen for eksempel som «6. mars kl 10» eller «6.3 kl 10».",
        "nn": "Skriv datoen til dømes som «6. mars kl 10» eller «6.3 kl 10».",
        "en": "Write the date for example as “6 March 10:00” or “6.3 at 10”.",
    },
    "dates.did_you_mean": {
        "nb": "Jeg forstod ikke «{word}» i «{text}». Mente du {choices}?",
        "nn": "Eg forstod ikkje «{word}» i «{text}». Meinte du {choices}?",
        "en": "I did not understand “{word}” in “{text}”. Did you mean {choices}?",
    },
    "dates.or": {
        "nb": "eller",
        "nn": "eller",
        "en": "or",
    },
    "dates.bare_number": {
        "nb": "Et tall alene («{number}») er ikke en dato.",
        "nn": "Eit tal åleine («{number}») er ikkje ein dato.",
        "en": "A number alone (“{number}”) is not a date.",
    },
    "dates.bare_number.example": {
        "nb": "Skriv «kl 14» for et klokkeslett eller «14. mars» for en dato.",
        "nn": "Skriv «kl 14» for eit klokkeslett eller «14. mars» for ein dato.",
        "en": "Write “14:00” or “2pm” for a time, or “14 March” for a date.",
    },
    "dates.impossible_date": {
        "nb": "Datoen {date} finnes ikke.",
        "nn": "Datoen {date} finst ikkje.",
        "en": "The date {date} does not exist.",
    },
    "dates.impossible_date.example": {
        "nb": "Sjekk dag og måned, for eksempel «30.04».",
        "nn": "Sjekk dag og månad, til dømes «30.04».",
        "en": "Check the day and month, for example “30 April”.",
    },
    "dates.no_such_weekday": {
        "nb": "Det finnes ingen «{text}».",
        "nn": "Det finst ingen «{text}».",
        "en": "There is no “{text}”.",
    },
    "dates.no_such_weekday.example": {
        "nb": "Skriv for eksempel «første fredag i mai» eller «siste fredag i mai».",
        "nn": "Skriv til dømes «første fredag i mai» eller «siste fredag i mai».",
        "en": "Write for example “first Friday of May” or “last Friday of May”.",
    },
    "dates.month_without_day": {
        "nb": "Hvilken dag i {month}?",
        "nn": "Kva dag i {month}?",
        "en": "Which day in {month}?",
    },
    "dates.month_without_day.example": {
        "nb": "Skriv for eksempel «5. {month}», «første mandag i {month}» eller «slutten av {month}».",
        "nn": "Skriv til dømes «5. {month}», «første måndag i {month}» eller «slutten av {month}».",
        "en": "Write for example “5 {month}”, “first Monday of {month}” or “end of {month}”.",
    },
    "dates.bad_year": {
        "nb": "Året {year} virker feil.",
        "nn": "Året {year} verkar feil.",
        "en": "The year {year} looks wrong.",
    },
    "dates.bad_year.example": {
        "nb": "Skriv for eksempel «5. mars 2027».",
        "nn": "Skriv til dømes «5. mars 2027».",
        "en": "Write for example “5 March 2027”.",
    },
    "dates.bad_week": {
        "nb": "Uke {week} finnes ikke.",
        "nn": "Veke {week} finst ikkje.",
        "en": "Week {week} does not exist.",
    },
    "dates.bad_week.example": {
        "nb": "Ukene går fra 1 til 52 (noen år 53), for eksempel «uke 12».",
        "nn": "Vekene går frå 1 til 52 (nokre år 53), til dømes «veke 12».",
        "en": "Weeks run from 1 to 52 (53 in some years), for example “week 12”.",
    },
    "dates.bad_time": {
        "nb": "«{time}» er ikke et klokkeslett: timene går fra 0 til 23 og minuttene fra 0 til 59.",
        "nn": "«{time}» er ikkje eit klokkeslett: timane går frå 0 til 23 og minutta frå 0 til 59.",
        "en": "“{time}” is not a time of day: hours go from 0 to 23 and minutes from 0 to 59.",
    },
    "dates.bad_time.example": {
        "nb": "Skriv for eksempel «kl 14:30» eller «halv tre».",
        "nn": "Skriv til dømes «kl 14:30» eller «halv tre».",
        "en": "Write for example “14:30” or “2:30pm”.",
    },
    "dates.two_times": {
        "nb": "«{text}» har mer enn ett klokkeslett.",
        "nn": "«{text}» har meir enn eitt klokkeslett.",
        "en": "“{text}” has more than one time of day.",
    },
    "dates.two_times.example": {
        "nb": "Skriv bare ett, for eksempel «kl 10».",
        "nn": "Skriv berre eitt, til dømes «kl 10».",
        "en": "Give just one, for example “10:00”.",
    },
    "dates.conflict": {
        "nb": "Her er det flere datoer som ikke passer sammen.",
        "nn": "Her er det fleire datoar som ikkje passar saman.",
        "en": "This names more than one date, and they do not agree.",
    },
    "dates.conflict.example": {
        "nb": "Skriv bare én, for eksempel «6. mars» eller «om 3 dager».",
        "nn": "Skriv berre éin, til dømes «6. mars» eller «om 3 dagar».",
        "en": "Give just one, for example “6 March” or “in 3 days”.",
    },
    "dates.weekday_mismatch": {
        "nb": "{date} er en {actual}, ikke en {weekday}.",
        "nn": "{date} er ein {actual}, ikkje ein {weekday}.",
        "en": "{date} is a {actual}, not a {weekday}.",
    },
    "dates.weekday_mismatch.example": {
        "nb": "Sjekk datoen eller dagen.",
        "nn": "Sjekk datoen eller dagen.",
        "en": "Check the date or the day.",
    },
    "dates.range_in_when": {
        "nb": "«{text}» er et tidsrom.",
        "nn": "«{text}» er eit tidsrom.",
        "en": "“{text}” is a time range.",
    },
    "dates.range_in_when.example": {
        "nb": "Her trengs ett tidspunkt, for eksempel «fredag kl 10».",
        "nn": "Her trengst eitt tidspunkt, til dømes «fredag kl 10».",
        "en": "One point in time is needed here, for example “Friday 10:00”.",
    },
    "dates.slots_empty": {
        "nb": "Skriv ett eller flere tidspunkt.",
        "nn": "Skriv eitt eller fleire tidspunkt.",
        "en": "Give one or more times.",
    },
    "dates.slots_empty.example": {
        "nb": "For eksempel «tirsdag 10-12, torsdag 13-15».",
        "nn": "Til dømes «tysdag 10-12, torsdag 13-15».",
        "en": "For example “Tuesday 10-12, Thursday 13-15”.",
    },
    "dates.slot_no_time": {
        "nb": "«{slot}» mangler klokkeslett.",
        "nn": "«{slot}» manglar klokkeslett.",
        "en": "“{slot}” has no time of day.",
    },
    "dates.slot_no_time.example": {
        "nb": "Skriv for eksempel «tirsdag 10-12» eller «5. mars kl 10».",
        "nn": "Skriv til dømes «tysdag 10-12» eller «5. mars kl 10».",
        "en": "Write for example “Tuesday 10-12” or “5 March 10:00”.",
    },
    "dates.slot_no_day": {
        "nb": "«{slot}» mangler dag.",
        "nn": "«{slot}» manglar dag.",
        "en": "“{slot}” has no day.",
    },
    "dates.slot_no_day.example": {
        "nb": "Skriv for eksempel «tirsdag 10-12» eller «5.3 kl 10-12».",
        "nn": "Skriv til dømes «tysdag 10-12» eller «5.3 kl 10-12».",
        "en": "Write for example “Tuesday 10-12” or “5 March 10-12”.",
    },
    "dates.slot_end_before_start": {
        "nb": "I «{slot}» slutter tidsrommet før det begynner.",
        "nn": "I «{slot}» sluttar tidsrommet før det byrjar.",
        "en": "In “{slot}” the end is before the start.",
    },
    "dates.slot_end_before_start.example": {
        "nb": "Skriv for eksempel «fredag 13-15».",
        "nn": "Skriv til dømes «fredag 13-15».",
        "en": "Write for example “Friday 13-15”.",
    },
    "dates.bad_duration": {
        "nb": "Jeg forstod ikke «{text}» som en varighet.",
        "nn": "Eg forstod ikkje «{text}» som ei varigheit.",
        "en": "I did not understand “{text}” as a length of time.",
    },
    "dates.bad_duration.example": {
        "nb": "Skriv for eksempel «2t», «90 min», «1t30m» eller «3d».",
        "nn": "Skriv til dømes «2t», «90 min», «1t30m» eller «3d».",
        "en": "Write for example “2h”, “90 min”, “1h30m” or “3d”.",
    },
    "dates.bad_offsets": {
        "nb": "Jeg forstod ikke «{text}» som et varsel før fristen.",
        "nn": "Eg forstod ikkje «{text}» som eit varsel før fristen.",
        "en": "I did not understand “{text}” as a reminder time.",
    },
    "dates.bad_offsets.example": {
        "nb": "Skriv for eksempel «14d,7d,1d,2t».",
        "nn": "Skriv til dømes «14d,7d,1d,2t».",
        "en": "Write for example “14d,7d,1d,2h”.",
    },
    "dates.offsets_empty": {
        "nb": "Skriv når du vil ha varsel før fristen, for eksempel «14d,7d,1d,2t».",
        "nn": "Skriv når du vil ha varsel før fristen, til dømes «14d,7d,1d,2t».",
        "en": "Say when you want reminders before the deadline, for example “14d,7d,1d,2h”.",
    },
    "dates.before_with_time": {
        "nb": "«{text}»: skriv «{rest}» for en frist {rest}, eller «{before}» for dagen før.",
        "nn": "«{text}»: skriv «{rest}» for ein frist {rest}, eller «{before}» for dagen før.",
        "en": "“{text}”: type “{rest}” for a deadline at {rest}, or “{before}” for the day before.",
    },
    # --- notes: how a phrase was read where the member could have meant otherwise ---
    "dates.note.typo": {
        "nb": "«{typed}» er lest som «{word}».",
        "nn": "«{typed}» er lese som «{word}».",
        "en": "I took “{typed}” to mean “{word}”.",
    },
    "dates.note.week_deadline": {
        "nb": "«{text}» er lest som {date}: en uke som frist betyr fredagen.",
        "nn": "«{text}» er lese som {date}: ei veke som frist tyder fredagen.",
        "en": "I took “{text}” to mean {date}: a week given as a deadline means its Friday.",
    },
    "dates.note.week_start": {
        "nb": "«{text}» er lest som {date}, den første dagen i uka.",
        "nn": "«{text}» er lese som {date}, den første dagen i veka.",
        "en": "I took “{text}” to mean {date}, the first day of that week.",
    },
    "dates.note.day": {
        "nb": "«{text}» er lest som {date}.",
        "nn": "«{text}» er lese som {date}.",
        "en": "I took “{text}” to mean {date}.",
    },
    "dates.note.from_today": {
        "nb": "«{text}» er lest som om {text}: {date}.",
        "nn": "«{text}» er lese som om {text}: {date}.",
        "en": "I took “{text}” to mean in {text}: {date}.",
    },
    "dates.note.next_year": {
        "nb": "«{text}» er lest som {date}: {gone} er passert.",
        "nn": "«{text}» er lese som {date}: {gone} er alt passert.",
        "en": "I took “{text}” to mean {date}: {gone} has passed.",
    },
    "dates.note.next_this_week": {
        "nb": "«{text}» er lest som {date}, denne uka; for uka etter, skriv «{weekday} neste uke».",
        "nn": "«{text}» er lese som {date}, denne veka; for veka etter, skriv «{weekday} neste veke».",
        "en": "I took “{text}” to mean {date}, this week; for the week after, type “{weekday} next week”.",
    },
    "dates.note.day_before": {
        "nb": "«{text}» er lest som {date}, arbeidsdagen før.",
        "nn": "«{text}» er lese som {date}, arbeidsdagen før.",
        "en": "I took “{text}” to mean {date}, the working day before.",
    },
    "dates.note.calendar_day_before": {
        "nb": "«{text}» er lest som {date}, dagen før.",
        "nn": "«{text}» er lese som {date}, dagen før.",
        "en": "I took “{text}” to mean {date}, the day before.",
    },
    "dates.note.before_christmas": {
        "nb": "«{text}» er lest som {date}, siste arbeidsdag før julaften.",
        "nn": "«{text}» er lese som {date}, siste arbeidsdagen før julaftan.",
        "en": "I took “{text}” to mean {date}, the last working day before Christmas Eve.",
    },
    "dates.note.after_new_year": {
        "nb": "«{text}» er lest som {date}, første arbeidsdag i det nye året.",
        "nn": "«{text}» er lese som {date}, første arbeidsdagen i det nye året.",
        "en": "I took “{text}” to mean {date}, the first working day of the year.",
    },
    "dates.note.before_easter": {
        "nb": "«{text}» er lest som {date}, siste arbeidsdag før påske.",
        "nn": "«{text}» er lese som {date}, siste arbeidsdagen før påske.",
        "en": "I took “{text}” to mean {date}, the last working day before Easter.",
    },
    "dates.note.after_easter": {
        "nb": "«{text}» er lest som {date}, første arbeidsdag etter påske.",
        "nn": "«{text}» er lese som {date}, første arbeidsdagen etter påske.",
        "en": "I took “{text}” to mean {date}, the first working day after Easter.",
    },
    "dates.note.afternoon": {
        "nb": "«{text}» er lest som kl {time}, innenfor arbeidstida.",
        "nn": "«{text}» er lese som kl. {time}, innanfor arbeidstida.",
        "en": "I took “{text}” to mean {time}, within office hours.",
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
    # --- a deadline said around a day that has passed ("før i dag", "før jul" in Christmas
    # week): refused with a date to type, not moved a year on ---
    "dates.around_past": {
        "nb": "«{text}» blir {date}, og den dagen er passert.",
        "nn": "«{text}» blir {date}, og den dagen er passert.",
        "en": "“{text}” would be {date}, which has passed.",
    },
    "dates.around_past.example": {
        "nb": "Skriv datoen du mener, for eksempel «{example}».",
        "nn": "Skriv datoen du meiner, til dømes «{example}».",
        "en": "Type the date you mean, for example “{example}”.",
    },
}
