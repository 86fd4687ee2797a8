"""Texts for /horing: hearings (høringer), their answers and deadline reminders."""

TEXTS = {
    "help.group.horing": {
        "nb": "høringer med frist og automatiske påminnelser",
        "nn": "høyringar med frist og automatiske påminningar",
        "en": "hearings (consultations) with deadlines and automatic reminders",
    },
    "help.horing.ny": {
        "nb": '`/horing ny "Partnerskapsavtale, generell del" frist 15.09 fra "Vestfold fylkeskommune" lenke https://… mottakere "Horten kommune, Larvik kommune"` – ny høring (valgfritt `påminn 14d,7d,1d,2t`)',
        "nn": '`/horing ny "Partnarskapsavtale, generell del" frist 15.09 frå "Vestfold fylkeskommune" lenkje https://… mottakarar "Horten kommune, Larvik kommune"` – ny høyring (valfritt `påminn 14d,7d,1d,2t`)',
        "en": '`/horing new "Partnership agreement, general part" deadline 15.09 from "Vestfold fylkeskommune" link https://… addressees "Horten kommune, Larvik kommune"` – new hearing (optional `remind 14d,7d,1d,2h`)',
    },
    "help.horing.liste": {
        "nb": "`/horing liste` – åpne høringer, nærmeste frist først, 20 om gangen (`side 2` for de neste; `/horing liste alle` tar med avsluttede; `nettverk utenforskap` for et annet nettverk)",
        "nn": "`/horing liste` – opne høyringar, nærmaste frist først, 20 om gongen (`side 2` for dei neste; `/horing liste alle` tek med avslutta; `nettverk utenforskap` for eit anna nettverk)",
        "en": "`/horing list` – open hearings, nearest deadline first, 20 at a time (`page 2` for the next; `/horing list all` includes closed ones; `network utenforskap` for another network)",
    },
    "help.horing.vis": {
        "nb": "`/horing vis 3` – høringen med mottakere, svar og påminnelser",
        "nn": "`/horing vis 3` – høyringa med mottakarar, svar og påminningar",
        "en": "`/horing show 3` – the hearing with addressees, answers and reminders",
    },
    "help.horing.svart": {
        "nb": "`/horing svart 3 Larvik kommune https://…` – registrer at en organisasjon har svart (uten navn: din egen)",
        "nn": "`/horing svara 3 Larvik kommune https://…` – registrer at ein organisasjon har svara (utan namn: din eigen)",
        "en": "`/horing answered 3 Larvik kommune https://…` – record that an organisation answered (no name: your own)",
    },
    "help.horing.endre": {
        "nb": "`/horing endre 3 frist 22.09` – endre frist, `tittel`, `fra`, `lenke`, `mottakere` eller `påminn`",
        "nn": "`/horing endre 3 frist 22.09` – endre frist, `tittel`, `frå`, `lenkje`, `mottakarar` eller `påminn`",
        "en": "`/horing edit 3 deadline 22.09` – change the deadline, `title`, `from`, `link`, `addressees` or `remind`",
    },
    "help.horing.avslutt": {
        "nb": "`/horing avslutt 3` – avslutt høringen; påminnelser som gjenstår, avlyses",
        "nn": "`/horing avslutt 3` – avslutt høyringa; påminningar som står att, blir avlyste",
        "en": "`/horing close 3` – close the hearing; remaining reminders are cancelled",
    },
    # -- labels ----------------------------------------------------------------------
    "hearings.label.network": {"nb": "Nettverk", "nn": "Nettverk", "en": "Network"},
    "hearings.label.sender": {"nb": "Fra", "nn": "Frå", "en": "From"},
    "hearings.label.deadline": {"nb": "Frist", "nn": "Frist", "en": "Deadline"},
    "hearings.label.addressees": {"nb": "Mottakere", "nn": "Mottakarar", "en": "Addressees"},
    "hearings.label.reminders": {"nb": "Påminnelser", "nn": "Påminningar", "en": "Reminders"},
    "hearings.bad_link": {
        "nb": "«{given}» ser ikke ut som en lenke. Skriv hele adressen, for eksempel `lenke https://www.regjeringen.no/høring`.",
        "nn": "«{given}» ser ikkje ut som ei lenkje. Skriv heile adressa, til dømes `lenkje https://www.regjeringen.no/høyring`.",
        "en": "“{given}” does not look like a link. Type the whole address, for example `link https://www.regjeringen.no/hearing`.",
    },
    "hearings.label.link": {"nb": "Lenke", "nn": "Lenkje", "en": "Link"},
    "hearings.label.state": {"nb": "Status", "nn": "Status", "en": "Status"},
    "hearings.label.created_by": {"nb": "Registrert av", "nn": "Registrert av", "en": "Created by"},
    "hearings.state.open": {"nb": "åpen", "nn": "open", "en": "open"},
    "hearings.state.closed": {"nb": "avsluttet", "nn": "avslutta", "en": "closed"},
    "hearings.sender_part": {"nb": " fra {sender}", "nn": " frå {sender}", "en": " from {sender}"},
    "hearings.deadline_left": {
        "nb": "{deadline} ({left})",
        "nn": "{deadline} ({left})",
        "en": "{deadline} ({left})",
    },
    "hearings.left.days": {"nb": "om {n} dager", "nn": "om {n} dagar", "en": "in {n} days"},
    "hearings.left.tomorrow": {"nb": "i morgen", "nn": "i morgon", "en": "tomorrow"},
    "hearings.left.hours": {"nb": "om {n} timer", "nn": "om {n} timar", "en": "in {n} hours"},
    "hearings.left.minutes": {"nb": "om {n} min", "nn": "om {n} min", "en": "in {n} min"},
    "hearings.left.passed": {
        "nb": "fristen er passert",
        "nn": "fristen er passert",
        "en": "the deadline has passed",
    },
    "hearings.no_reminders": {
        "nb": "ingen (tidspunktene er passert, eller alle har svart)",
        "nn": "ingen (tidspunkta er passerte, eller alle har svara)",
        "en": "none (the times have passed, or everyone has answered)",
    },
    "hearings.reminders_in": {
        "nb": "{times} – i {channel}",
        "nn": "{times} – i {channel}",
        "en": "{times} – in {channel}",
    },
    # -- replies -----------------------------------------------------------------------
    "hearings.created": {
        "nb": "Høring #{number} «{title}» er registrert i {network}.",
        "nn": "Høyring #{number} «{title}» er registrert i {network}.",
        "en": "Hearing #{number} “{title}” is registered in {network}.",
    },
    "hearings.new_organisations": {
        "nb": "Nye organisasjoner lagt til: {names}.",
        "nn": "Nye organisasjonar lagde til: {names}.",
        "en": "New organisations added: {names}.",
    },
    "hearings.answer_hint": {
        "nb": "Når dere har svart: `/horing svart {number} <organisasjon> <lenke til innspillet>`.",
        "nn": "Når de har svara: `/horing svara {number} <organisasjon> <lenkje til innspelet>`.",
        "en": "Once you have answered: `/horing answered {number} <organisation> <link to your response>`.",
    },
    "hearings.weekend_note": {
        "nb": "⚠️ {warning} Fristen er registrert likevel; endre den med `/horing endre {number} frist …` om det var feil.",
        "nn": "⚠️ {warning} Fristen er registrert likevel; endre han med `/horing endre {number} frist …` om det var feil.",
        "en": "⚠️ {warning} The deadline is registered anyway; change it with `/horing edit {number} deadline …` if that was a mistake.",
    },
    # -- the hearing card (handlers/hearing_card.py) ---------------------------------------
    "hearings.card_title": {
        "nb": "**Høring #{number}: {title}**",
        "nn": "**Høyring #{number}: {title}**",
        "en": "**Hearing #{number}: {title}**",
    },
    "hearings.card_deadline": {
        "nb": "Frist: {deadline}",
        "nn": "Frist: {deadline}",
        "en": "Deadline: {deadline}",
    },
    "hearings.card_sender": {"nb": "Fra: {sender}", "nn": "Frå: {sender}", "en": "From: {sender}"},
    "hearings.card_answered": {
        "nb": "✅ Har svart: {orgs}",
        "nn": "✅ Har svara: {orgs}",
        "en": "✅ Answered: {orgs}",
    },
    "hearings.card_waiting": {
        "nb": "⬜ Har ikke svart ennå: {orgs}",
        "nn": "⬜ Har ikkje svara enno: {orgs}",
        "en": "⬜ Not answered yet: {orgs}",
    },
    "hearings.card_closed": {
        "nb": "Høringen er avsluttet; det kan ikke lenger registreres svar.",
        "nn": "Høyringa er avslutta; det kan ikkje lenger registrerast svar.",
        "en": "The hearing is closed; answers can no longer be recorded.",
    },
    "hearings.button.answered": {
        "nb": "Vi har svart",
        "nn": "Vi har svara",
        "en": "We have answered",
    },
    "hearings.button.show": {"nb": "Vis", "nn": "Vis", "en": "Show"},
    "hearings.cmd.answered": {
        "nb": "/horing svart {number}",
        "nn": "/horing svara {number}",
        "en": "/horing answered {number}",
    },
    "hearings.cmd.show": {
        "nb": "/horing vis {number}",
        "nn": "/horing vis {number}",
        "en": "/horing show {number}",
    },
    "hearings.answered": {
        "nb": "Registrert: {orgs} har svart på høring #{number} «{title}».",
        "nn": "Registrert: {orgs} har svara på høyring #{number} «{title}».",
        "en": "Recorded: {orgs} answered hearing #{number} “{title}”.",
    },
    "hearings.still_missing": {
        "nb": "Mangler fortsatt svar fra: {orgs}.",
        "nn": "Manglar framleis svar frå: {orgs}.",
        "en": "Still waiting for: {orgs}.",
    },
    "hearings.all_answered": {
        "nb": "Alle mottakerne har svart, så det kommer ingen flere påminnelser.",
        "nn": "Alle mottakarane har svara, så det kjem ingen fleire påminningar.",
        "en": "Every addressee has answered, so no more reminders will come.",
    },
    "hearings.changed": {
        "nb": "Høring #{number} «{title}» er endret.",
        "nn": "Høyring #{number} «{title}» er endra.",
        "en": "Hearing #{number} “{title}” is updated.",
    },
    "hearings.closed_now": {
        "nb": "Høring #{number} «{title}» er avsluttet. {answered} av {total} mottakere svarte. Påminnelser som gjensto, er avlyst.",
        "nn": "Høyring #{number} «{title}» er avslutta. {answered} av {total} mottakarar svara. Påminningar som stod att, er avlyste.",
        "en": "Hearing #{number} “{title}” is closed. {answered} of {total} addressees answered. Remaining reminders are cancelled.",
    },
    "hearings.none_open": {
        "nb": 'Ingen åpne høringer. Registrer en med `/horing ny "Tittel" frist 15.09 mottakere "Horten kommune, Larvik kommune"`.',
        "nn": 'Ingen opne høyringar. Registrer ei med `/horing ny "Tittel" frist 15.09 mottakarar "Horten kommune, Larvik kommune"`.',
        "en": 'No open hearings. Register one with `/horing new "Title" deadline 15.09 addressees "Horten kommune, Larvik kommune"`.',
    },
    "hearings.list_title": {
        "nb": "Åpne høringer, nærmeste frist først:",
        "nn": "Opne høyringar, nærmaste frist først:",
        "en": "Open hearings, nearest deadline first:",
    },
    "hearings.list_title_all": {
        "nb": "Alle høringer, nærmeste frist først:",
        "nn": "Alle høyringar, nærmaste frist først:",
        "en": "All hearings, nearest deadline first:",
    },
    "hearings.list_unknown_word": {
        "nb": "Jeg forstod ikke «{given}». Skriv `/horing liste`, `liste alle`, `liste side 2` eller `liste nettverk infrastruktur`.",
        "nn": "Eg forstod ikkje «{given}». Skriv `/horing liste`, `liste alle`, `liste side 2` eller `liste nettverk infrastruktur`.",
        "en": "I did not understand “{given}”. Type `/horing list`, `list all`, `list page 2` or `list network infrastruktur`.",
    },
    "hearings.list_page": {
        "nb": " (side {page} av {pages}):",
        "nn": " (side {page} av {pages}):",
        "en": " (page {page} of {pages}):",
    },
    "hearings.list_more": {
        "nb": "… og {count} til. Skriv `{command}` for de neste.",
        "nn": "… og {count} til. Skriv `{command}` for dei neste.",
        "en": "… and {count} more. Type `{command}` for the next ones.",
    },
    "hearings.page_past_end": {
        "nb": "Det er ingen side {page}: lista slutter på side {pages}. `{command}` viser den siste.",
        "nn": "Det er inga side {page}: lista sluttar på side {pages}. `{command}` viser den siste.",
        "en": "There is no page {page}: the list ends on page {pages}. `{command}` shows the last one.",
    },
    "hearings.bad_page": {
        "nb": "Sidetallet må være et helt tall fra 1, for eksempel `{command}`.",
        "nn": "Sidetalet må vere eit heilt tal frå 1, til dømes `{command}`.",
        "en": "The page must be a whole number from 1, for example `{command}`.",
    },
    "hearings.list_line": {
        "nb": "#{number} «{title}»{sender} – frist {deadline} ({left}) – {answered} av {total} har svart{state}",
        "nn": "#{number} «{title}»{sender} – frist {deadline} ({left}) – {answered} av {total} har svara{state}",
        "en": "#{number} “{title}”{sender} – deadline {deadline} ({left}) – {answered} of {total} answered{state}",
    },
    "hearings.show_title": {
        "nb": "**Høring #{number} «{title}»**",
        "nn": "**Høyring #{number} «{title}»**",
        "en": "**Hearing #{number} “{title}”**",
    },
    "hearings.addressee_answered": {
        "nb": "✅ {org} – svarte {when}{link}",
        "nn": "✅ {org} – svara {when}{link}",
        "en": "✅ {org} – answered {when}{link}",
    },
    "hearings.answer_reported": {
        "nb": "    meldt på nytt {when} av {who}{link}",
        "nn": "    meldt på nytt {when} av {who}{link}",
        "en": "    reported again {when} by {who}{link}",
    },
    "hearings.answered_before": {
        "nb": "{org} hadde allerede svart {when}; det første svaret står, og dette er lagt til i historikken (`/horing vis {number}`).",
        "nn": "{org} hadde allereie svara {when}; det første svaret står, og dette er lagt til i historikken (`/horing vis {number}`).",
        "en": "{org} had already answered {when}; the first answer stands and this one is added to the history (`/horing show {number}`).",
    },
    "hearings.answer_not_yours": {
        "nb": "Bare medlemmer av {org}, organisatorer og administratorer kan melde at {org} har svart på høring #{number}. Skriv `/horing svart {number}` for din egen organisasjon.",
        "nn": "Berre medlemer av {org}, organisatorar og administratorar kan melde at {org} har svara på høyring #{number}. Skriv `/horing svara {number}` for din eigen organisasjon.",
        "en": "Only members of {org}, organisers and admins can report that {org} answered hearing #{number}. Type `/horing answered {number}` for your own organisation.",
    },
    "hearings.addressee_waiting": {
        "nb": "⬜ {org} – har ikke svart ennå",
        "nn": "⬜ {org} – har ikkje svara enno",
        "en": "⬜ {org} – has not answered yet",
    },
    "hearings.problems_title": {
        "nb": "Påminnelser som ikke ble sendt:",
        "nn": "Påminningar som ikkje vart sende:",
        "en": "Reminders that were not sent:",
    },
    "hearings.problem_failed": {
        "nb": "❌ {due}: kunne ikke leveres – {error}",
        "nn": "❌ {due}: kunne ikkje leverast – {error}",
        "en": "❌ {due}: could not be delivered – {error}",
    },
    "hearings.problem_stale": {
        "nb": "⚠️ {due}: ikke sendt, boten var nede for lenge – {error}",
        "nn": "⚠️ {due}: ikkje send, boten var nede for lenge – {error}",
        "en": "⚠️ {due}: not sent, the bot was down too long – {error}",
    },
    # -- the reminder itself -----------------------------------------------------------
    "hearings.reminder": {
        "nb": "⏳ Påminnelse: høring #{number} «{title}»{sender} har frist {deadline} ({left}).\nIkke svart ennå: {missing}.",
        "nn": "⏳ Påminning: høyring #{number} «{title}»{sender} har frist {deadline} ({left}).\nIkkje svara enno: {missing}.",
        "en": "⏳ Reminder: hearing #{number} “{title}”{sender} is due {deadline} ({left}).\nNot answered yet: {missing}.",
    },
    "hearings.reminder_link": {
        "nb": "Dokumentet: {link}",
        "nn": "Dokumentet: {link}",
        "en": "The document: {link}",
    },
    # -- errors ------------------------------------------------------------------------
    "hearings.title_missing": {
        "nb": 'Høringen mangler tittel. Skriv for eksempel `/horing ny "Partnerskapsavtale, generell del" frist 15.09 mottakere "Horten kommune, Larvik kommune"`.',
        "nn": 'Høyringa manglar tittel. Skriv til dømes `/horing ny "Partnarskapsavtale, generell del" frist 15.09 mottakarar "Horten kommune, Larvik kommune"`.',
        "en": 'The hearing has no title. Type for example `/horing new "Partnership agreement, general part" deadline 15.09 addressees "Horten kommune, Larvik kommune"`.',
    },
    "hearings.deadline_missing": {
        "nb": "Høringen mangler frist. Legg til for eksempel `frist 15.09` (eller `frist 15.09 kl 12`).",
        "nn": "Høyringa manglar frist. Legg til til dømes `frist 15.09` (eller `frist 15.09 kl 12`).",
        "en": "The hearing has no deadline. Add for example `deadline 15.09` (or `deadline 15.09 at 12`).",
    },
    "hearings.bad_date": {
        "nb": "Fristen kunne ikke leses: {detail} Skriv for eksempel `frist 15.09` eller `frist 15.09 kl 12`.",
        "nn": "Fristen kunne ikkje lesast: {detail} Skriv til dømes `frist 15.09` eller `frist 15.09 kl 12`.",
        "en": "I could not read the deadline: {detail} Type for example `deadline 15.09` or `deadline 15.09 at 12`.",
    },
    "hearings.deadline_past": {
        "nb": "Fristen {deadline} er allerede passert. Skriv en frist fram i tid, for eksempel `frist 15.09`.",
        "nn": "Fristen {deadline} er alt passert. Skriv ein frist fram i tid, til dømes `frist 15.09`.",
        "en": "The deadline {deadline} has already passed. Give a future deadline, for example `deadline 15.09`.",
    },
    "hearings.bad_reminders": {
        "nb": "Jeg forstod ikke påminnelsene. {detail} Skriv for eksempel `påminn 14d,7d,1d` eller `påminn 2t,30m`.",
        "nn": "Eg forstod ikkje påminningane. {detail} Skriv til dømes `påminn 14d,7d,1d` eller `påminn 2t,30m`.",
        "en": "I did not understand the reminders. {detail} Type for example `remind 14d,7d,1d` or `remind 2h,30m`.",
    },
    "hearings.too_many_reminders": {
        "nb": "Høyst {limit} påminnelser per høring (du skrev {given}). Skriv for eksempel `påminn 14d,7d,1d`.",
        "nn": "Høgst {limit} påminningar per høyring (du skreiv {given}). Skriv til dømes `påminn 14d,7d,1d`.",
        "en": "At most {limit} reminders per hearing (you gave {given}). Type for example `remind 14d,7d,1d`.",
    },
    "hearings.addressees_default": {
        "nb": 'Uten `mottakere` går høringen til organisasjonene i {network}; velg andre med `/horing endre {number} mottakere "{example}"`.',
        "nn": 'Utan `mottakarar` går høyringa til organisasjonane i {network}; vel andre med `/horing endre {number} mottakarar "{example}"`.',
        "en": 'Without `addressees` the hearing goes to the organisations of {network}; choose others with `/horing edit {number} addressees "{example}"`.',
    },
    "hearings.addressees_missing": {
        "nb": 'Hvem skal svare på høringen? Legg til `mottakere "Horten kommune, Larvik kommune"`.',
        "nn": 'Kven skal svare på høyringa? Legg til `mottakarar "Horten kommune, Larvik kommune"`.',
        "en": 'Who is to answer the hearing? Add `addressees "Horten kommune, Larvik kommune"`.',
    },
    "hearings.org_unknown": {
        "nb": 'Finner ikke organisasjonen «{given}». Organisasjoner i {network}: {choices}. Er det en ny organisasjon, skriv + foran navnet: `mottakere "+{given}"`.',
        "nn": 'Finn ikkje organisasjonen «{given}». Organisasjonar i {network}: {choices}. Er det ein ny organisasjon, skriv + framfor namnet: `mottakarar "+{given}"`.',
        "en": 'No organisation called “{given}”. Organisations in {network}: {choices}. If it is a new organisation, put + before the name: `addressees "+{given}"`.',
    },
    "hearings.unknown": {
        "nb": "Finner ingen høring #{number}. `/horing liste` viser de åpne høringene.",
        "nn": "Finn inga høyring #{number}. `/horing liste` viser dei opne høyringane.",
        "en": "There is no hearing #{number}. `/horing list` shows the open hearings.",
    },
    "hearings.number_missing": {
        "nb": "Hvilken høring? Skriv nummeret, for eksempel `/horing {verb} 3`. `/horing liste` viser numrene.",
        "nn": "Kva høyring? Skriv nummeret, til dømes `/horing {verb} 3`. `/horing liste` viser numra.",
        "en": "Which hearing? Give its number, for example `/horing {verb} 3`. `/horing list` shows the numbers.",
    },
    "hearings.is_closed": {
        "nb": "Høring #{number} er avsluttet og kan ikke endres. `/horing vis {number}` viser den.",
        "nn": "Høyring #{number} er avslutta og kan ikkje endrast. `/horing vis {number}` viser henne.",
        "en": "Hearing #{number} is closed and cannot be changed. `/horing show {number}` shows it.",
    },
    "hearings.not_in_network": {
        "nb": "Bare medlemmer av {network} kan gjøre dette. Be en administrator ({admins}) legge deg til med `/partnerbot medlem ny`.",
        "nn": "Berre medlemer av {network} kan gjere dette. Be ein administrator ({admins}) leggje deg til med `/partnerbot medlem ny`.",
        "en": "Only members of {network} can do this. Ask an admin ({admins}) to add you with `/partnerbot member new`.",
    },
    "hearings.not_permitted": {
        "nb": "Bare den som registrerte høring #{number} ({creator}), organisatorer og administratorer kan endre eller avslutte den.",
        "nn": "Berre den som registrerte høyring #{number} ({creator}), organisatorar og administratorar kan endre eller avslutte henne.",
        "en": "Only whoever registered hearing #{number} ({creator}), organisers and admins can change or close it.",
    },
    "hearings.answer_org_missing": {
        "nb": "Hvilken organisasjon har svart? Skriv for eksempel `/horing svart {number} Larvik kommune https://…`. Mottakere: {choices}.",
        "nn": "Kva organisasjon har svara? Skriv til dømes `/horing svara {number} Larvik kommune https://…`. Mottakarar: {choices}.",
        "en": "Which organisation answered? Type for example `/horing answered {number} Larvik kommune https://…`. Addressees: {choices}.",
    },
    "hearings.not_addressee": {
        "nb": '«{given}» er ikke blant mottakerne av høring #{number}: {choices}. Skriv et av disse navnene, eller legg til mottakeren med `/horing endre {number} mottakere "…"`.',
        "nn": '«{given}» er ikkje mellom mottakarane av høyring #{number}: {choices}. Skriv eitt av desse namna, eller legg til mottakaren med `/horing endre {number} mottakarar "…"`.',
        "en": '“{given}” is not among the addressees of hearing #{number}: {choices}. Type one of those names, or add it with `/horing edit {number} addressees "…"`.',
    },
    "hearings.nothing_to_change": {
        "nb": "Hva vil du endre? Skriv for eksempel `/horing endre {number} frist 22.09` (også `tittel`, `fra`, `lenke`, `mottakere`, `påminn`).",
        "nn": "Kva vil du endre? Skriv til dømes `/horing endre {number} frist 22.09` (òg `tittel`, `frå`, `lenkje`, `mottakarar`, `påminn`).",
        "en": "What do you want to change? Type for example `/horing edit {number} deadline 22.09` (also `title`, `from`, `link`, `addressees`, `remind`).",
    },
    "hearings.already_closed": {
        "nb": "Høring #{number} er allerede avsluttet.",
        "nn": "Høyring #{number} er alt avslutta.",
        "en": "Hearing #{number} is already closed.",
    },
    # The verb a member of each language types, named in "which hearing?" (number_missing).
    "hearings.verb.vis": {"nb": "vis", "nn": "vis", "en": "show"},
    "hearings.verb.svart": {"nb": "svart", "nn": "svara", "en": "answered"},
    "hearings.verb.endre": {"nb": "endre", "nn": "endre", "en": "edit"},
    "hearings.close_stray": {
        "nb": "Jeg forstod ikke «{given}» etter høringsnummeret, så ingenting er endret. Skriv bare `{command}`; én høring om gangen.",
        "nn": "Eg forstod ikkje «{given}» etter høyringsnummeret, så ingenting er endra. Skriv berre `{command}`; éi høyring om gongen.",
        "en": "I didn't understand “{given}” after the hearing number, so nothing changed. Type just `{command}`; one hearing at a time.",
    },
    "hearings.verb.avslutt": {"nb": "avslutt", "nn": "avslutt", "en": "close"},
}
