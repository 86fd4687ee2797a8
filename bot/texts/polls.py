"""Texts for /mote: meeting availability polls, their results, meetings and invitations."""

TEXTS = {
    # --- help ---
    "help.group.mote": {
        "nb": "møtepoll: finn et tidspunkt som passer, og send invitasjon",
        "nn": "møtepoll: finn eit tidspunkt som passar, og send invitasjon",
        "en": "meeting polls: find a time that suits everyone, and send the invitation",
    },
    "help.mote.ny": {
        "nb": '`/mote ny "Samhandlingsmøte" tider tirsdag neste uke 10-12, torsdag neste uke 13-15 svarfrist i morgen kl 12 nettverk infrastruktur` – ny møtepoll (valgfritt: `varighet 2t`, `inviterte NAV, Per Hansen`, `sted`, `agenda`, `én stemme per organisasjon`, `velg automatisk`)',
        "nn": '`/mote ny "Samhandlingsmøte" tider tysdag neste veke 10-12, torsdag neste veke 13-15 svarfrist i morgon kl 12 nettverk infrastruktur` – ny møtepoll (valfritt: `varigheit 2t`, `inviterte NAV, Per Hansen`, `stad`, `agenda`, `éi stemme per organisasjon`, `vel automatisk`)',
        "en": '`/mote new "Coordination meeting" slots Tuesday next week 10-12, Thursday next week 13-15 closes tomorrow 12:00 network infrastruktur` – new meeting poll (optional: `duration 2h`, `invitees NAV, Per Hansen`, `place`, `agenda`, `one vote per organisation`, `choose automatically`)',
    },
    "help.mote.svar": {
        "nb": "`/mote svar 4 1:ja 2:kanskje 3:nei` – svar på møtepoll #4 (ja, kanskje / om nødvendig, nei; eller ett svar per tidspunkt i rekkefølge: `/mote svar 4 ja kanskje nei`); du kan endre svaret til pollen lukkes",
        "nn": "`/mote svar 4 1:ja 2:kanskje 3:nei` – svar på møtepoll #4 (ja, kanskje / om naudsynt, nei; eller eitt svar per tidspunkt i rekkjefølgje: `/mote svar 4 ja kanskje nei`); du kan endre svaret til pollen blir lukka",
        "en": "`/mote answer 4 1:yes 2:maybe 3:no` – answer meeting poll #4 (yes, maybe / if need be, no; or one answer per time in order: `/mote answer 4 yes maybe no`); you can change it until the poll closes",
    },
    "help.mote.vis": {
        "nb": "`/mote vis 4` – tabell over svarene og beste tidspunkt",
        "nn": "`/mote vis 4` – tabell over svara og beste tidspunkt",
        "en": "`/mote show 4` – table of answers and the best time",
    },
    "help.mote.lukk": {
        "nb": "`/mote lukk 4 valg 2` – lukk pollen og sett møtet (uten `valg`: beste tidspunkt); sender kalenderinvitasjon (organisator eller den som laget pollen)",
        "nn": "`/mote lukk 4 val 2` – lukk pollen og set møtet (utan `val`: beste tidspunkt); sender kalenderinvitasjon (organisator eller den som laga pollen)",
        "en": "`/mote close 4 choice 2` – close the poll and fix the meeting (without `choice`: the best time); sends a calendar invitation (organiser or the poll's creator)",
    },
    "help.mote.liste": {
        "nb": "`/mote liste` – åpne møtepoller og kommende møter i nettverket",
        "nn": "`/mote liste` – opne møtepollar og komande møte i nettverket",
        "en": "`/mote list` – open meeting polls and upcoming meetings in the network",
    },
    # --- the poll as shown ---
    "polls.title": {
        "nb": "**Møtepoll #{id}: {title}**",
        "nn": "**Møtepoll #{id}: {title}**",
        "en": "**Meeting poll #{id}: {title}**",
    },
    "polls.state_closed": {"nb": "Lukket", "nn": "Lukka", "en": "Closed"},
    "polls.closes": {"nb": "Svarfrist {when}", "nn": "Svarfrist {when}", "en": "Answer by {when}"},
    "polls.per_org": {
        "nb": "Én stemme per organisasjon",
        "nn": "Éi stemme per organisasjon",
        "en": "One vote per organisation",
    },
    "polls.place": {"nb": "Sted: {place}", "nn": "Stad: {place}", "en": "Place: {place}"},
    "polls.agenda": {"nb": "Agenda: {agenda}", "nn": "Agenda: {agenda}", "en": "Agenda: {agenda}"},
    "polls.slot_line": {
        "nb": "**{number}.** {slot} — ja {yes} · om nødvendig {maybe} · nei {no}",
        "nn": "**{number}.** {slot} — ja {yes} · om naudsynt {maybe} · nei {no}",
        "en": "**{number}.** {slot} — yes {yes} · if need be {maybe} · no {no}",
    },
    "polls.button.yes": {"nb": "Ja", "nn": "Ja", "en": "Yes"},
    "polls.button.maybe": {"nb": "Om nødvendig", "nn": "Om naudsynt", "en": "If need be"},
    "polls.button.no": {"nb": "Nei", "nn": "Nei", "en": "No"},
    "polls.count.yes": {"nb": "Ja", "nn": "Ja", "en": "Yes"},
    "polls.count.maybe": {"nb": "Om nødvendig", "nn": "Om naudsynt", "en": "If need be"},
    "polls.count.no": {"nb": "Nei", "nn": "Nei", "en": "No"},
    "polls.legend": {
        "nb": "✓ ja · ~ om nødvendig · ✗ nei · · ikke svart",
        "nn": "✓ ja · ~ om naudsynt · ✗ nei · · ikkje svara",
        "en": "✓ yes · ~ if need be · ✗ no · · no answer",
    },
    "polls.how_to_answer": {
        "nb": "Svar med `/mote svar {id} {example}` (ja, kanskje eller nei for hvert tidspunkt). Du kan endre svaret til pollen lukkes.",
        "nn": "Svar med `/mote svar {id} {example}` (ja, kanskje eller nei for kvart tidspunkt). Du kan endre svaret til pollen blir lukka.",
        "en": "Answer with `/mote answer {id} {example}` (yes, maybe or no for each time). You can change your answer until the poll closes.",
    },
    "polls.no_answers_yet": {
        "nb": "Ingen har svart ennå.",
        "nn": "Ingen har svara enno.",
        "en": "Nobody has answered yet.",
    },
    "polls.no_best": {
        "nb": "Ingen av tidspunktene passer for noen ennå.",
        "nn": "Ingen av tidspunkta passar for nokon enno.",
        "en": "None of the times suits anyone yet.",
    },
    "polls.best": {
        "nb": "Beste tidspunkt: **{number}** ({slot}) med {yes} ja og {either} ja eller om nødvendig.",
        "nn": "Beste tidspunkt: **{number}** ({slot}) med {yes} ja og {either} ja eller om naudsynt.",
        "en": "Best time: **{number}** ({slot}) with {yes} yes and {either} yes or if need be.",
    },
    "polls.best_tied": {
        "nb": "Likt mellom {numbers} ({yes} ja, {either} ja eller om nødvendig). Det tidligste er **{number}** ({slot}).",
        "nn": "Likt mellom {numbers} ({yes} ja, {either} ja eller om naudsynt). Det tidlegaste er **{number}** ({slot}).",
        "en": "Tied between {numbers} ({yes} yes, {either} yes or if need be). The earliest is **{number}** ({slot}).",
    },
    "polls.waiting": {
        "nb": "Har ikke svart: {names}",
        "nn": "Har ikkje svara: {names}",
        "en": "Not answered yet: {names}",
    },
    "polls.decided": {
        "nb": "Møtet er satt til {when}.",
        "nn": "Møtet er sett til {when}.",
        "en": "The meeting is set for {when}.",
    },
    "polls.awaiting_decision": {
        "nb": "Pollen er lukket. Organisatoren bekrefter tidspunktet med `/mote lukk {id} valg {number}`.",
        "nn": "Pollen er lukka. Organisatoren stadfestar tidspunktet med `/mote lukk {id} val {number}`.",
        "en": "The poll is closed. The organiser confirms the time with `/mote close {id} choice {number}`.",
    },
    # --- creating ---
    "polls.created": {
        "nb": "{name} har laget møtepoll #{id}.",
        "nn": "{name} har laga møtepoll #{id}.",
        "en": "{name} created meeting poll #{id}.",
    },
    "polls.title_missing": {
        "nb": 'Møtepollen trenger en tittel i anførselstegn: `/mote ny "Samhandlingsmøte" tider tirsdag 10-12, torsdag 13-15`.',
        "nn": 'Møtepollen treng ein tittel i hermeteikn: `/mote ny "Samhandlingsmøte" tider tysdag 10-12, torsdag 13-15`.',
        "en": 'The poll needs a title in quotes: `/mote new "Coordination meeting" slots Tuesday 10-12, Thursday 13-15`.',
    },
    "polls.slots_missing": {
        "nb": "Hvilke tidspunkt kan folk velge mellom? Legg til `tider`, for eksempel `tider tirsdag 10-12, torsdag 13-15`.",
        "nn": "Kva tidspunkt kan folk velje mellom? Legg til `tider`, til dømes `tider tysdag 10-12, torsdag 13-15`.",
        "en": "Which times can people choose from? Add `slots`, for example `slots Tuesday 10-12, Thursday 13-15`.",
    },
    "polls.bad_slots": {
        "nb": "Tidspunktene kunne ikke leses: {detail} Skriv dem med komma mellom, for eksempel `tider tirsdag 10-12, 5. mars 13-15, 12.03 kl 9`.",
        "nn": "Tidspunkta kunne ikkje lesast: {detail} Skriv dei med komma mellom, til dømes `tider tysdag 10-12, 5. mars 13-15, 12.03 kl 9`.",
        "en": "I could not read the times: {detail} Separate them with commas, for example `slots Tuesday 10-12, 5 March 13-15, 12.03 at 9`.",
    },
    "polls.too_many_slots": {
        "nb": "{count} tidspunkt er for mange; bruk høyst {limit}.",
        "nn": "{count} tidspunkt er for mange; bruk høgst {limit}.",
        "en": "{count} times are too many; use at most {limit}.",
    },
    "polls.slot_in_past": {
        "nb": "Tidspunktet {slot} har allerede vært. Foreslå bare tidspunkt fram i tid.",
        "nn": "Tidspunktet {slot} har alt vore. Føreslå berre tidspunkt fram i tid.",
        "en": "The time {slot} is already in the past. Only propose times ahead.",
    },
    "polls.slot_twice": {
        "nb": "Tidspunktet {slot} står to ganger. Ta med hvert tidspunkt én gang.",
        "nn": "Tidspunktet {slot} står to gonger. Ta med kvart tidspunkt éin gong.",
        "en": "The time {slot} is listed twice. Give each time once.",
    },
    "polls.bad_duration": {
        "nb": "Varigheten kunne ikke leses: {detail}",
        "nn": "Varigheita kunne ikkje lesast: {detail}",
        "en": "I could not read the duration: {detail}",
    },
    "polls.duration_too_long": {
        "nb": "«{given}» er lengre enn et døgn. Et møte varer for eksempel `varighet 2t`.",
        "nn": "«{given}» er lengre enn eit døgn. Eit møte varer til dømes `varigheit 2t`.",
        "en": "“{given}” is longer than a day. A meeting lasts for example `duration 2h`.",
    },
    "polls.bad_deadline": {
        "nb": "Svarfristen kunne ikke leses: {detail}",
        "nn": "Svarfristen kunne ikkje lesast: {detail}",
        "en": "I could not read the answer deadline: {detail}",
    },
    "polls.deadline_past": {
        "nb": "Svarfristen {when} har allerede vært. Velg en frist fram i tid, for eksempel `svarfrist fredag kl 12`.",
        "nn": "Svarfristen {when} har alt vore. Vel ein frist fram i tid, til dømes `svarfrist fredag kl 12`.",
        "en": "The deadline {when} is already in the past. Choose one ahead, for example `closes Friday 12:00`.",
    },
    "polls.deadline_after_slot": {
        "nb": "Svarfristen ({when}) er etter det første tidspunktet ({slot}). Sett fristen før det, for eksempel dagen før.",
        "nn": "Svarfristen ({when}) er etter det første tidspunktet ({slot}). Set fristen før det, til dømes dagen før.",
        "en": "The deadline ({when}) is after the first time ({slot}). Set it before that, for example the day before.",
    },
    "polls.invitee_unknown": {
        "nb": "Finner ingen medlem eller organisasjon som heter «{given}». Skriv navn med komma mellom, for eksempel `inviterte NAV, Per Hansen`.",
        "nn": "Finn ingen medlem eller organisasjon som heiter «{given}». Skriv namn med komma mellom, til dømes `inviterte NAV, Per Hansen`.",
        "en": "No member or organisation called “{given}”. Separate names with commas, for example `invitees NAV, Per Hansen`.",
    },
    # --- answering ---
    "polls.what": {"nb": " for en møtepoll", "nn": " for ein møtepoll", "en": " for a poll"},
    "polls.what_slot": {"nb": " for et tidspunkt", "nn": " for eit tidspunkt", "en": " for a time"},
    "polls.number_missing": {
        "nb": "Hvilken møtepoll? Skriv nummeret, for eksempel `/mote {verb} 4`. `/mote liste` viser de åpne.",
        "nn": "Kva møtepoll? Skriv nummeret, til dømes `/mote {verb} 4`. `/mote liste` viser dei opne.",
        "en": "Which poll? Give its number, for example `/mote {verb} 4`. `/mote list` shows the open ones.",
    },
    "polls.unknown": {
        "nb": "Finner ingen møtepoll #{id}. `/mote liste` viser de åpne møtepollene.",
        "nn": "Finn ingen møtepoll #{id}. `/mote liste` viser dei opne møtepollane.",
        "en": "There is no meeting poll #{id}. `/mote list` shows the open polls.",
    },
    "polls.closed": {
        "nb": "Møtepoll #{id} er lukket, så svar kan ikke endres lenger. `/mote vis {id}` viser resultatet.",
        "nn": "Møtepoll #{id} er lukka, så svar kan ikkje endrast lenger. `/mote vis {id}` viser resultatet.",
        "en": "Meeting poll #{id} is closed, so answers can no longer change. `/mote show {id}` shows the result.",
    },
    "polls.svarfrist_over": {
        "nb": "Svarfristen gikk ut {when}, så svar tas ikke imot lenger.",
        "nn": "Svarfristen gjekk ut {when}, så svar blir ikkje tekne imot lenger.",
        "en": "The answer deadline passed on {when}, so answers are no longer taken.",
    },
    "polls.svarfrist_passed": {
        "nb": "Svarfristen for møtepoll #{id} gikk ut {when}, så svar tas ikke imot lenger. `/mote vis {id}` viser svarene.",
        "nn": "Svarfristen for møtepoll #{id} gjekk ut {when}, så svar blir ikkje tekne imot lenger. `/mote vis {id}` viser svara.",
        "en": "The answer deadline for meeting poll #{id} passed on {when}, so answers are no longer taken. `/mote show {id}` shows the answers.",
    },
    "polls.answers_missing": {
        "nb": "Skriv svaret ditt for hvert tidspunkt: `/mote svar {id} {example}`.",
        "nn": "Skriv svaret ditt for kvart tidspunkt: `/mote svar {id} {example}`.",
        "en": "Give your answer for each time: `/mote answer {id} {example}`.",
    },
    "polls.answer_count": {
        "nb": "Du ga {given} svar, men møtepoll #{id} har {count} tidspunkt. Gi ett svar per tidspunkt, i rekkefølge (`{in_order}`), eller med nummer: `/mote svar {id} {example}`.",
        "nn": "Du gav {given} svar, men møtepoll #{id} har {count} tidspunkt. Gje eitt svar per tidspunkt, i rekkjefølgje (`{in_order}`), eller med nummer: `/mote svar {id} {example}`.",
        "en": "You gave {given} answers, but poll #{id} has {count} times. Give one answer per time, in order (`{in_order}`), or with numbers: `/mote answer {id} {example}`.",
    },
    "polls.answer_count.one": {
        "nb": "Du ga ett svar, men møtepoll #{id} har {count} tidspunkt. Gi ett svar per tidspunkt, i rekkefølge (`{in_order}`), eller med nummer: `/mote svar {id} {example}`.",
        "nn": "Du gav eitt svar, men møtepoll #{id} har {count} tidspunkt. Gje eitt svar per tidspunkt, i rekkjefølgje (`{in_order}`), eller med nummer: `/mote svar {id} {example}`.",
        "en": "You gave one answer, but poll #{id} has {count} times. Give one answer per time, in order (`{in_order}`), or with numbers: `/mote answer {id} {example}`.",
    },
    "polls.bad_answer_text": {
        "nb": "Jeg forstod ikke «{given}». Skriv nummeret på tidspunktet, kolon og svaret: `/mote svar {id} {example}`.",
        "nn": "Eg forstod ikkje «{given}». Skriv nummeret på tidspunktet, kolon og svaret: `/mote svar {id} {example}`.",
        "en": "I did not understand “{given}”. Write the number of the time, a colon and the answer: `/mote answer {id} {example}`.",
    },
    "polls.bad_answer_word": {
        "nb": "«{given}» er ikke et svar. Bruk ja, kanskje (eller om nødvendig) eller nei: `/mote svar {id} {example}`.",
        "nn": "«{given}» er ikkje eit svar. Bruk ja, kanskje (eller om naudsynt) eller nei: `/mote svar {id} {example}`.",
        "en": "“{given}” is not an answer. Use yes, maybe (or if need be) or no: `/mote answer {id} {example}`.",
    },
    "polls.all_without_answer": {
        "nb": "Hvilket svar gjelder for alle tidspunktene? Skriv for eksempel `/mote svar {id} alle ja` (eller `alle kanskje`, `alle nei`).",
        "nn": "Kva svar gjeld for alle tidspunkta? Skriv til dømes `/mote svar {id} alle ja` (eller `alle kanskje`, `alle nei`).",
        "en": "Which answer for all the times? Type for example `/mote answer {id} all yes` (or `all maybe`, `all no`).",
    },
    "polls.all_twice_answered": {
        "nb": "Du har gitt to ulike svar for alle tidspunktene. Gi ett, for eksempel `/mote svar {id} alle ja`, eller ett per tidspunkt: `/mote svar {id} {example}`. Ingenting er lagret.",
        "nn": "Du har gitt to ulike svar for alle tidspunkta. Gi eitt, til dømes `/mote svar {id} alle ja`, eller eitt per tidspunkt: `/mote svar {id} {example}`. Ingenting er lagra.",
        "en": "You gave two different answers for all the times. Give one, for example `/mote answer {id} all yes`, or one per slot: `/mote answer {id} {example}`. Nothing was saved.",
    },
    "polls.slot_out_of_range": {
        "nb": "Møtepoll #{id} har ikke tidspunkt {number}; den har tidspunkt 1 til {count}. `/mote vis {id}` viser dem.",
        "nn": "Møtepoll #{id} har ikkje tidspunkt {number}; han har tidspunkt 1 til {count}. `/mote vis {id}` viser dei.",
        "en": "Meeting poll #{id} has no time {number}; it has times 1 to {count}. `/mote show {id}` shows them.",
    },
    "polls.you_answered": {
        "nb": "Du har svart på møtepoll #{id}.",
        "nn": "Du har svara på møtepoll #{id}.",
        "en": "You answered meeting poll #{id}.",
    },
    # --- closing ---
    "polls.close_not_allowed": {
        "nb": "Bare organisatorer, administratorer og den som laget møtepoll #{id} kan lukke den. Ingenting er endret.",
        "nn": "Berre organisatorar, administratorar og den som laga møtepoll #{id} kan lukke han. Ingenting er endra.",
        "en": "Only organisers, admins and whoever created meeting poll #{id} can close it. Nothing was changed.",
    },
    "polls.not_in_network": {
        "nb": "Du er ikke med i «{network}», så du kan ikke lage eller svare på møtepollene der. Be en administrator ({admins}) legge deg til med `/partnerbot medlem ny`, eller organisatoren invitere deg.",
        "nn": "Du er ikkje med i «{network}», så du kan ikkje lage eller svare på møtepollane der. Be ein administrator ({admins}) leggje deg til med `/partnerbot medlem ny`, eller organisatoren invitere deg.",
        "en": "You are not in “{network}”, so you cannot create or answer its meeting polls. Ask an admin ({admins}) to add you with `/partnerbot member new`, or the organiser to invite you.",
    },
    "polls.already_decided": {
        "nb": "Møtepoll #{id} er allerede avgjort: møtet er {when}. Vil du flytte det, skriv `/mote lukk {id} valg <nummer>`.",
        "nn": "Møtepoll #{id} er alt avgjord: møtet er {when}. Vil du flytte det, skriv `/mote lukk {id} val <nummer>`.",
        "en": "Meeting poll #{id} is already decided: the meeting is {when}. To move it, type `/mote close {id} choice <number>`.",
    },
    "polls.no_best_choose": {
        "nb": "Ingen tidspunkt har fått ja eller om nødvendig ennå. Velg selv med `/mote lukk {id} valg 1`, eller vent på flere svar.",
        "nn": "Ingen tidspunkt har fått ja eller om naudsynt enno. Vel sjølv med `/mote lukk {id} val 1`, eller vent på fleire svar.",
        "en": "No time has a yes or if-need-be yet. Pick one with `/mote close {id} choice 1`, or wait for more answers.",
    },
    "polls.slot_passed": {
        "nb": "Tidspunktet {slot} har allerede vært. Velg et annet med `valg <nummer>`.",
        "nn": "Tidspunktet {slot} har alt vore. Vel eit anna med `val <nummer>`.",
        "en": "The time {slot} has already passed. Pick another with `choice <number>`.",
    },
    "polls.tie_chosen": {
        "nb": "Det var likt mellom {numbers}; jeg valgte det tidligste, {number}.",
        "nn": "Det var likt mellom {numbers}; eg valde det tidlegaste, {number}.",
        "en": "It was a tie between {numbers}; I chose the earliest, {number}.",
    },
    "polls.auto_closed": {
        "nb": "Svarfristen er ute: møtepoll #{id} «{title}» er lukket.",
        "nn": "Svarfristen er ute: møtepoll #{id} «{title}» er lukka.",
        "en": "The deadline has passed: meeting poll #{id} “{title}” is closed.",
    },
    "polls.auto_chosen": {
        "nb": "Tidspunkt {number} fikk flest svar og er valgt automatisk.",
        "nn": "Tidspunkt {number} fekk flest svar og er valt automatisk.",
        "en": "Time {number} had the most answers and was chosen automatically.",
    },
    "polls.confirm_ask": {
        "nb": "{name}: bekreft tidspunktet med `/mote lukk {id} valg {number}` (eller et annet nummer), så sender jeg invitasjon.",
        "nn": "{name}: stadfest tidspunktet med `/mote lukk {id} val {number}` (eller eit anna nummer), så sender eg invitasjon.",
        "en": "{name}: confirm the time with `/mote close {id} choice {number}` (or another number), and I will send the invitation.",
    },
    "polls.confirm_ask_none": {
        "nb": "{name}: ingen tidspunkt passet. Velg likevel med `/mote lukk {id} valg <nummer>`, eller lag en ny møtepoll.",
        "nn": "{name}: ingen tidspunkt passa. Vel likevel med `/mote lukk {id} val <nummer>`, eller lag ein ny møtepoll.",
        "en": "{name}: no time suited. Pick one anyway with `/mote close {id} choice <number>`, or create a new poll.",
    },
    "polls.confirm_ask_nobody": {
        "nb": "{name}: ingen svarte på møtepollen. Velg likevel med `/mote lukk {id} valg <nummer>`, eller lag en ny møtepoll.",
        "nn": "{name}: ingen svara på møtepollen. Vel likevel med `/mote lukk {id} val <nummer>`, eller lag ein ny møtepoll.",
        "en": "{name}: nobody answered the poll. Pick a time anyway with `/mote close {id} choice <number>`, or create a new poll.",
    },
    "polls.nobody_answered_choose": {
        "nb": "Ingen har svart på møtepoll #{id} ennå. Velg selv med `/mote lukk {id} valg 1`, eller vent på svar.",
        "nn": "Ingen har svara på møtepoll #{id} enno. Vel sjølv med `/mote lukk {id} val 1`, eller vent på svar.",
        "en": "Nobody has answered meeting poll #{id} yet. Pick one with `/mote close {id} choice 1`, or wait for answers.",
    },
    "polls.clash_meeting": {
        "nb": "Tidspunkt {number} kolliderer med møtet «{meeting}» {when}.",
        "nn": "Tidspunkt {number} kolliderer med møtet «{meeting}» {when}.",
        "en": "Slot {number} clashes with the meeting “{meeting}” {when}.",
    },
    "polls.clash_poll": {
        "nb": "Møtet kolliderer med tidspunkt {number} ({when}) i den åpne møtepollen #{id} «{title}».",
        "nn": "Møtet kolliderer med tidspunkt {number} ({when}) i den opne møtepollen #{id} «{title}».",
        "en": "The meeting clashes with slot {number} ({when}) of the open meeting poll #{id} “{title}”.",
    },
    "polls.invited": {
        "nb": "Hei {name}! {organiser} inviterer deg til møtepoll #{id} «{title}» i {network}. Svarfrist: {when}. Svar med `/mote svar {id} {example}`.",
        "nn": "Hei {name}! {organiser} inviterer deg til møtepoll #{id} «{title}» i {network}. Svarfrist: {when}. Svar med `/mote svar {id} {example}`.",
        "en": "Hi {name}! {organiser} invites you to meeting poll #{id} “{title}” in {network}. Deadline: {when}. Answer with `/mote answer {id} {example}`.",
    },
    "polls.slot_twice_answered": {
        "nb": "Tidspunkt {number} står to ganger med ulike svar. Gi ett svar per tidspunkt, for eksempel `/mote svar {id} {example}`. Ingenting er lagret.",
        "nn": "Tidspunkt {number} står to gonger med ulike svar. Gi eitt svar per tidspunkt, til dømes `/mote svar {id} {example}`. Ingenting er lagra.",
        "en": "Slot {number} appears twice with different answers. Give one answer per slot, for example `/mote answer {id} {example}`. Nothing was saved.",
    },
    "polls.nudge": {
        "nb": "Hei {name}! Du har ikke svart på møtepoll #{id} «{title}». Svarfristen er {when}. Svar med `/mote svar {id} {example}`.",
        "nn": "Hei {name}! Du har ikkje svara på møtepoll #{id} «{title}». Svarfristen er {when}. Svar med `/mote svar {id} {example}`.",
        "en": "Hi {name}! You have not answered meeting poll #{id} “{title}”. The deadline is {when}. Answer with `/mote answer {id} {example}`.",
    },
    # --- listing ---
    "polls.list_title": {
        "nb": "**Møtepoller og møter i {network}**",
        "nn": "**Møtepollar og møte i {network}**",
        "en": "**Meeting polls and meetings in {network}**",
    },
    "polls.list_line": {
        "nb": "• #{id} {title} — {count} har svart{closes}",
        "nn": "• #{id} {title} — {count} har svara{closes}",
        "en": "• #{id} {title} — {count} answered{closes}",
    },
    "polls.list_closes": {
        "nb": ", svarfrist {when}",
        "nn": ", svarfrist {when}",
        "en": ", closes {when}",
    },
    "polls.list_undecided": {
        "nb": "• #{id} {title} — lukket, venter på at organisatoren velger tidspunkt",
        "nn": "• #{id} {title} — lukka, ventar på at organisatoren vel tidspunkt",
        "en": "• #{id} {title} — closed, waiting for the organiser to pick the time",
    },
    "polls.list_none": {
        "nb": "Ingen åpne møtepoller.",
        "nn": "Ingen opne møtepollar.",
        "en": "No open meeting polls.",
    },
    "polls.list_meetings": {
        "nb": "**Kommende møter**",
        "nn": "**Komande møte**",
        "en": "**Upcoming meetings**",
    },
    "polls.list_meeting": {
        "nb": "• {title} — {when}{place}",
        "nn": "• {title} — {when}{place}",
        "en": "• {title} — {when}{place}",
    },
    "polls.list_hint": {
        "nb": 'Ny møtepoll: `/mote ny "Tittel" tider tirsdag neste uke 10-12, torsdag neste uke 13-15 svarfrist i morgen kl 12`',
        "nn": 'Ny møtepoll: `/mote ny "Tittel" tider tysdag neste veke 10-12, torsdag neste veke 13-15 svarfrist i morgon kl 12`',
        "en": 'New poll: `/mote new "Title" slots Tuesday next week 10-12, Thursday next week 13-15 closes tomorrow 12:00`',
    },
    # --- meetings ---
    "meetings.decided": {
        "nb": "📅 **{title}** er satt til {when} (tidspunkt {number} i møtepoll #{id}).",
        "nn": "📅 **{title}** er sett til {when} (tidspunkt {number} i møtepoll #{id}).",
        "en": "📅 **{title}** is set for {when} (time {number} in meeting poll #{id}).",
    },
    "meetings.moved": {
        "nb": "📅 **{title}** er flyttet til {when} (tidspunkt {number} i møtepoll #{id}). Den nye invitasjonen oppdaterer den gamle i kalenderen.",
        "nn": "📅 **{title}** er flytta til {when} (tidspunkt {number} i møtepoll #{id}). Den nye invitasjonen oppdaterer den gamle i kalenderen.",
        "en": "📅 **{title}** has moved to {when} (time {number} in meeting poll #{id}). The new invitation updates the old one in your calendar.",
    },
    "meetings.invitation_attached": {
        "nb": "Kalenderinvitasjonen (.ics) er vedlagt – åpne den for å legge møtet i kalenderen.",
        "nn": "Kalenderinvitasjonen (.ics) ligg ved – opne han for å leggje møtet i kalenderen.",
        "en": "The calendar invitation (.ics) is attached – open it to add the meeting to your calendar.",
    },
    "meetings.reminder_day": {
        "nb": "⏰ Påminnelse: **{title}** er i morgen, {when}.",
        "nn": "⏰ Påminning: **{title}** er i morgon, {when}.",
        "en": "⏰ Reminder: **{title}** is tomorrow, {when}.",
    },
    "meetings.reminder_soon": {
        "nb": "⏰ Påminnelse: **{title}** er {when}.",
        "nn": "⏰ Påminning: **{title}** er {when}.",
        "en": "⏰ Reminder: **{title}** is on {when}.",
    },
    "meetings.reminder_hour": {
        "nb": "⏰ Påminnelse: **{title}** begynner om en time, {when}.",
        "nn": "⏰ Påminning: **{title}** byrjar om ein time, {when}.",
        "en": "⏰ Reminder: **{title}** starts in an hour, {when}.",
    },
    "help.mote.avlys": {
        "nb": '`/mote avlys 4 "Saken er løst"` – avlys møtepollen, eller møtet den satte, for alle (da følger en kalenderfil som fjerner det); grunnen kan sløyfes',
        "nn": '`/mote avlys 4 "Saka er løyst"` – avlys møtepollen, eller møtet han sette, for alle (då følgjer ei kalenderfil som fjernar det); grunnen kan sløyfast',
        "en": '`/mote call off 4 "Settled by e-mail"` – call off the meeting poll, or the meeting it set, for everyone (with a calendar file that removes it); the reason is optional. To say only that you cannot come, answer no: `/mote answer 4 1:no`',
    },
    "help.mote.gjenapne": {
        "nb": "`/mote gjenåpne 4 svarfrist fredag kl 12` – åpne en lukket eller avlyst møtepoll igjen (svarfrist kan sløyfes)",
        "nn": "`/mote gjenopne 4 svarfrist fredag kl 12` – opne ein lukka eller avlyst møtepoll igjen (svarfrist kan sløyfast)",
        "en": "`/mote reopen 4 deadline Friday 12:00` – open a closed or called-off meeting poll again (the deadline is optional)",
    },
    "polls.state_cancelled": {"nb": "Avlyst", "nn": "Avlyst", "en": "Called off"},
    "polls.show_cancelled": {
        "nb": "Møtet er avlyst, og pollen tar ikke imot svar.",
        "nn": "Møtet er avlyst, og pollen tek ikkje imot svar.",
        "en": "The meeting is called off, and the poll takes no answers.",
    },
    "polls.is_cancelled": {
        "nb": "Møtepoll #{id} er avlyst, så den tar ikke imot svar. `/mote liste` viser de åpne.",
        "nn": "Møtepoll #{id} er avlyst, så han tek ikkje imot svar. `/mote liste` viser dei opne.",
        "en": "Meeting poll #{id} is called off, so it takes no answers. `/mote list` shows the open ones.",
    },
    "polls.cancel_not_allowed": {
        "nb": "Bare organisatorer, administratorer og den som laget møtepoll #{id} kan avlyse den eller åpne den igjen. Ingenting er endret.",
        "nn": "Berre organisatorar, administratorar og den som laga møtepoll #{id} kan avlyse han eller opne han igjen. Ingenting er endra.",
        "en": "Only organisers, admins and whoever created meeting poll #{id} can call it off or reopen it. Nothing was changed.",
    },
    "polls.already_cancelled": {
        "nb": "Møtepoll #{id} er allerede avlyst. Vil du bruke den igjen, skriv `/mote gjenåpne {id}`.",
        "nn": "Møtepoll #{id} er alt avlyst. Vil du bruke han igjen, skriv `/mote gjenopne {id}`.",
        "en": "Meeting poll #{id} is already called off. To use it again, type `/mote reopen {id}`.",
    },
    "polls.meeting_passed": {
        "nb": "**{title}** {when} har allerede vært, så det er ingenting å avlyse.",
        "nn": "**{title}** {when} har alt vore, så det er ingenting å avlyse.",
        "en": "**{title}** {when} has already taken place, so there is nothing to call off.",
    },
    "polls.called_off": {
        "nb": "❌ Møtepoll #{id} «{title}» er avlyst. Den tar ikke imot flere svar, og ingen får påminnelser om den.",
        "nn": "❌ Møtepoll #{id} «{title}» er avlyst. Han tek ikkje imot fleire svar, og ingen får påminningar om han.",
        "en": "❌ Meeting poll #{id} “{title}” is called off. It takes no more answers, and nobody is reminded of it.",
    },
    "meetings.called_off": {
        "nb": "❌ **{title}** {when} er avlyst (møtepoll #{id}).",
        "nn": "❌ **{title}** {when} er avlyst (møtepoll #{id}).",
        "en": "❌ **{title}** {when} is called off (meeting poll #{id}).",
    },
    "polls.called_off_reason": {
        "nb": "Grunn: {reason}",
        "nn": "Grunn: {reason}",
        "en": "Reason: {reason}",
    },
    "meetings.cancel_attached": {
        "nb": "Den vedlagte kalenderfilen (.ics) fjerner møtet fra kalenderen.",
        "nn": "Den vedlagde kalenderfila (.ics) fjernar møtet frå kalenderen.",
        "en": "The attached calendar file (.ics) removes the meeting from your calendar.",
    },
    "polls.already_open": {
        "nb": "Møtepoll #{id} er åpen og tar imot svar. `/mote vis {id}` viser svarene så langt.",
        "nn": "Møtepoll #{id} er open og tek imot svar. `/mote vis {id}` viser svara så langt.",
        "en": "Meeting poll #{id} is open and taking answers. `/mote show {id}` shows the answers so far.",
    },
    "polls.reopen_has_meeting": {
        "nb": "Møtet er allerede satt til {when}. Flytt det med `/mote lukk {id} valg <nummer>`, eller avlys det med `/mote avlys {id}` og åpne pollen igjen etterpå.",
        "nn": "Møtet er alt sett til {when}. Flytt det med `/mote lukk {id} val <nummer>`, eller avlys det med `/mote avlys {id}` og opne pollen igjen etterpå.",
        "en": "The meeting is already set for {when}. Move it with `/mote close {id} choice <number>`, or call it off with `/mote call off {id}` and reopen the poll afterwards.",
    },
    "polls.reopen_all_passed": {
        "nb": "Alle tidspunktene i møtepoll #{id} har vært. Lag en ny møtepoll med `/mote ny`.",
        "nn": "Alle tidspunkta i møtepoll #{id} har vore. Lag ein ny møtepoll med `/mote ny`.",
        "en": "All the times in meeting poll #{id} have passed. Make a new meeting poll with `/mote new`.",
    },
    "polls.reopened": {
        "nb": "Møtepoll #{id} «{title}» er åpen igjen; svarene som er gitt, står.",
        "nn": "Møtepoll #{id} «{title}» er open igjen; svara som er gjevne, står.",
        "en": "Meeting poll #{id} “{title}” is open again; the answers given stand.",
    },
    "polls.slot_far_ahead": {
        "nb": "Tidspunkt {number} ({slot}) er mer enn ti måneder fram i tid. Var det ikke meningen, avlys med `/mote avlys {id}` og lag pollen på nytt.",
        "nn": "Tidspunkt {number} ({slot}) er meir enn ti månader fram i tid. Var det ikkje meininga, avlys med `/mote avlys {id}` og lag pollen på nytt.",
        "en": "Time {number} ({slot}) is more than ten months ahead. If that was not meant, call it off with `/mote call off {id}` and make the poll again.",
    },
    "help.mote.endre": {
        "nb": "`/mote endre 4 tider fredag 10-12 svarfrist torsdag kl 12` – legg til tidspunkt, flytt svarfristen eller endre `sted` og `agenda` i en åpen møtepoll",
        "nn": "`/mote endre 4 tider fredag 10-12 svarfrist torsdag kl 12` – legg til tidspunkt, flytt svarfristen eller endre `stad` og `agenda` i ein open møtepoll",
        "en": "`/mote edit 4 times Friday 10-12 deadline Thursday 12:00` – add times, move the deadline or change `place` and `agenda` of an open meeting poll",
    },
    "polls.edit_nothing": {
        "nb": "Hva skal endres? Skriv for eksempel `/mote endre {id} tider fredag 10-12` eller `/mote endre {id} svarfrist torsdag kl 12`.",
        "nn": "Kva skal endrast? Skriv til dømes `/mote endre {id} tider fredag 10-12` eller `/mote endre {id} svarfrist torsdag kl 12`.",
        "en": "What should change? Type for example `/mote edit {id} times Friday 10-12` or `/mote edit {id} deadline Thursday 12:00`.",
    },
    "polls.edit_closed": {
        "nb": "Møtepoll #{id} er lukket, så den endres ikke. Åpne den igjen med `/mote gjenåpne {id}` først.",
        "nn": "Møtepoll #{id} er lukka, så han blir ikkje endra. Opne han igjen med `/mote gjenopne {id}` først.",
        "en": "Meeting poll #{id} is closed, so it is not changed. Reopen it with `/mote reopen {id}` first.",
    },
    "polls.edit_cancelled": {
        "nb": "Møtepoll #{id} er avlyst, så den endres ikke. Åpne den igjen med `/mote gjenåpne {id}` først.",
        "nn": "Møtepoll #{id} er avlyst, så han blir ikkje endra. Opne han igjen med `/mote gjenopne {id}` først.",
        "en": "Meeting poll #{id} is called off, so it is not changed. Reopen it with `/mote reopen {id}` first.",
    },
    "polls.edited": {
        "nb": "Møtepoll #{id} er endret: {changes}.",
        "nn": "Møtepoll #{id} er endra: {changes}.",
        "en": "Meeting poll #{id} was changed: {changes}.",
    },
    "polls.edited.slot": {
        "nb": "1 nytt tidspunkt ({numbers})",
        "nn": "1 nytt tidspunkt ({numbers})",
        "en": "1 new time ({numbers})",
    },
    "polls.edited.slots": {
        "nb": "{count} nye tidspunkt ({numbers})",
        "nn": "{count} nye tidspunkt ({numbers})",
        "en": "{count} new times ({numbers})",
    },
    "polls.edited.closes": {"nb": "ny svarfrist", "nn": "ny svarfrist", "en": "new deadline"},
    "polls.edited.place": {"nb": "nytt sted", "nn": "ny stad", "en": "new place"},
    "polls.edited.agenda": {"nb": "ny agenda", "nn": "ny agenda", "en": "new agenda"},
    "polls.meeting_dm": {
        "nb": "Hei {name}! Møtepollen du ble invitert til i {network} (#{id}), har fått sitt tidspunkt:",
        "nn": "Hei {name}! Møtepollen du vart invitert til i {network} (#{id}), har fått tidspunktet sitt:",
        "en": "Hi {name}! The meeting poll you were invited to in {network} (#{id}) has its time:",
    },
    "polls.called_off_dm": {
        "nb": "Hei {name}! Møtepollen du ble invitert til i {network} (#{id}), er avlyst:",
        "nn": "Hei {name}! Møtepollen du vart invitert til i {network} (#{id}), er avlyst:",
        "en": "Hi {name}! The meeting poll you were invited to in {network} (#{id}) is called off:",
    },
}
