"""Texts for /konferanse: conferences, registration, waitlist, invitations and reminders."""

_EX = '"Vestfoldkonferansen" dato 5. mars kl 09-16 sted "Quality Hotel Tønsberg" plasser 250 publikum alle'
_EX_NN = '"Vestfoldkonferansen" dato 5. mars kl 09-16 stad "Quality Hotel Tønsberg" plassar 250 publikum alle'
_EX_EN = (
    '"Vestfoldkonferansen" date 5 March 09-16 place "Quality Hotel Tønsberg" seats 250 audience all'
)

TEXTS = {
    # -- help ------------------------------------------------------------------------------
    "help.group.konferanse": {
        "nb": "konferanser og samlinger med påmelding og venteliste",
        "nn": "konferansar og samlingar med påmelding og venteliste",
        "en": "conferences and gatherings with registration and waitlist",
    },
    "help.konferanse.ny": {
        "nb": f'`/konferanse ny {_EX} påmeldingsfrist 20. februar tema "Utenforskap i opplæring"` – ny konferanse (organisator)',
        "nn": f'`/konferanse ny {_EX_NN} påmeldingsfrist 20. februar tema "Utanforskap i opplæringa"` – ny konferanse (organisator)',
        "en": f'`/konferanse new {_EX_EN} registration deadline 20 February theme "Exclusion in education"` – new conference (organiser)',
    },
    "help.konferanse.endre": {
        "nb": '`/konferanse endre 2 plasser 300 sted "Oseberg kulturhus"` – endre en konferanse; påminnelsene flyttes med',
        "nn": '`/konferanse endre 2 plassar 300 stad "Oseberg kulturhus"` – endre ein konferanse; påminningane blir flytta med',
        "en": '`/konferanse edit 2 seats 300 place "Oseberg kulturhus"` – change a conference; its reminders move along',
    },
    "help.konferanse.kunngjor": {
        "nb": "`/konferanse kunngjør 2` – send invitasjonen til kanalene til publikum",
        "nn": "`/konferanse kunngjer 2` – send invitasjonen til kanalane til publikum",
        "en": "`/konferanse announce 2` – post the invitation to the audience's channels",
    },
    "help.konferanse.avlys": {
        "nb": '`/konferanse avlys 2 "For få påmeldte"` – avlys en konferanse for alle (grunnen kan sløyfes); kanalene og alle som har svart, får beskjed',
        "nn": '`/konferanse avlys 2 "For få påmelde"` – avlys ein konferanse for alle (grunnen kan sløyfast); kanalane og alle som har svara, får melding',
        "en": '`/konferanse call off 2 "Too few registered"` – call a conference off for everyone (the reason is optional); its channels and everyone who answered are told',
    },
    "help.konferanse.meld_pa": {
        "nb": '`/konferanse meld på 2` – meld deg på (venteliste når det er fullt); med en merknad til arrangøren: `merknad "vegetar"`',
        "nn": '`/konferanse meld på 2` – meld deg på (venteliste når det er fullt); med ein merknad til arrangøren: `merknad "vegetar"`',
        "en": '`/konferanse register 2` – sign up (waitlist when full); with a note for the organiser: `note "vegetarian"`',
    },
    "help.konferanse.meld_av": {
        "nb": "`/konferanse meld av 2` – meld deg av (bare deg), eller si nei til invitasjonen (`/konferanse nei 2`); plassen går til nestemann på ventelisten. Organisatoren avlyser hele konferansen med `/konferanse avlys 2`",
        "nn": "`/konferanse meld av 2` – meld deg av (berre deg), eller sei nei til invitasjonen (`/konferanse nei 2`); plassen går til nestemann på ventelista. Organisatoren avlyser heile konferansen med `/konferanse avlys 2`",
        "en": "`/konferanse withdraw 2` – withdraw yourself (only you), or say no to the invitation (`/konferanse no 2`); your seat goes to the next on the waitlist. An organiser calls the whole conference off with `/konferanse call off 2`",
    },
    "help.konferanse.kanskje": {
        "nb": "`/konferanse kanskje 2` – svar kanskje (gir ingen plass)",
        "nn": "`/konferanse kanskje 2` – svar kanskje (gjev ingen plass)",
        "en": "`/konferanse maybe 2` – answer maybe (holds no seat)",
    },
    "help.konferanse.vis": {
        "nb": "`/konferanse vis 2` – detaljer, ledige plasser og din status",
        "nn": "`/konferanse vis 2` – detaljar, ledige plassar og statusen din",
        "en": "`/konferanse show 2` – details, seats left and your status",
    },
    "help.konferanse.liste": {
        "nb": "`/konferanse liste` – kommende konferanser",
        "nn": "`/konferanse liste` – komande konferansar",
        "en": "`/konferanse list` – upcoming conferences",
    },
    "help.konferanse.deltakere": {
        "nb": "`/konferanse deltakere 2` – deltakerliste og CSV-fil (organisator)",
        "nn": "`/konferanse deltakarar 2` – deltakarliste og CSV-fil (organisator)",
        "en": "`/konferanse participants 2` – participant list and CSV file (organiser)",
    },
    "help.konferanse.ics": {
        "nb": "`/konferanse ics 2` – kalenderfil (.ics) for konferansen",
        "nn": "`/konferanse ics 2` – kalenderfil (.ics) for konferansen",
        "en": "`/konferanse ics 2` – calendar file (.ics) for the conference",
    },
    # -- commands as they appear on buttons and in hints ----------------------------------
    "conferences.cmd.register": {
        "nb": "/konferanse meld på {id}",
        "nn": "/konferanse meld på {id}",
        "en": "/konferanse register {id}",
    },
    "conferences.cmd.cancel": {
        "nb": "/konferanse meld av {id}",
        "nn": "/konferanse meld av {id}",
        "en": "/konferanse withdraw {id}",
    },
    "conferences.cmd.maybe": {
        "nb": "/konferanse kanskje {id}",
        "nn": "/konferanse kanskje {id}",
        "en": "/konferanse maybe {id}",
    },
    "conferences.cmd.announce": {
        "nb": "/konferanse kunngjør {id}",
        "nn": "/konferanse kunngjer {id}",
        "en": "/konferanse announce {id}",
    },
    "conferences.cmd.ics": {
        "nb": "/konferanse ics {id}",
        "nn": "/konferanse ics {id}",
        "en": "/konferanse ics {id}",
    },
    "conferences.cmd.participants": {
        "nb": "/konferanse deltakere {id}",
        "nn": "/konferanse deltakarar {id}",
        "en": "/konferanse participants {id}",
    },
    "conferences.button.register": {"nb": "Meld meg på", "nn": "Meld meg på", "en": "Register"},
    "conferences.button.maybe": {"nb": "Kanskje", "nn": "Kanskje", "en": "Maybe"},
    "conferences.button.cancel": {"nb": "Meld av", "nn": "Meld av", "en": "Cancel"},
    # -- labels and states -----------------------------------------------------------------
    "conferences.label.when": {"nb": "Tid", "nn": "Tid", "en": "When"},
    "conferences.label.place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "conferences.label.theme": {"nb": "Tema", "nn": "Tema", "en": "Theme"},
    "conferences.label.programme": {"nb": "Program", "nn": "Program", "en": "Programme"},
    "conferences.label.deadline": {
        "nb": "Påmeldingsfrist",
        "nn": "Påmeldingsfrist",
        "en": "Registration deadline",
    },
    "conferences.label.seats": {"nb": "Plasser", "nn": "Plassar", "en": "Seats"},
    "conferences.seats_unlimited": {"nb": "ubegrenset", "nn": "utan grense", "en": "unlimited"},
    "conferences.seats_left": {
        "nb": "{left} av {seats} ledige",
        "nn": "{left} av {seats} ledige",
        "en": "{left} of {seats} left",
    },
    "conferences.seats_waiting": {
        "nb": ", {count} på venteliste",
        "nn": ", {count} på venteliste",
        "en": ", {count} on the waitlist",
    },
    "conferences.audience_all": {
        "nb": "alle nettverk",
        "nn": "alle nettverk",
        "en": "all networks",
    },
    "conferences.state.draft": {
        "nb": " (utkast, ikke kunngjort)",
        "nn": " (utkast, ikkje kunngjort)",
        "en": " (draft, not announced)",
    },
    "conferences.state.cancelled": {"nb": " (avlyst)", "nn": " (avlyst)", "en": " (cancelled)"},
    "conferences.status.none": {
        "nb": "du har ikke svart",
        "nn": "du har ikkje svara",
        "en": "you have not answered",
    },
    "conferences.status.registered": {
        "nb": "du er påmeldt",
        "nn": "du er påmeld",
        "en": "you are registered",
    },
    "conferences.status.waitlisted": {
        "nb": "du står som nr. {position} på ventelisten",
        "nn": "du står som nr. {position} på ventelista",
        "en": "you are number {position} on the waitlist",
    },
    "conferences.status.maybe": {
        "nb": "du har svart kanskje",
        "nn": "du har svara kanskje",
        "en": "you answered maybe",
    },
    "conferences.status.cancelled": {
        "nb": "du har meldt deg av",
        "nn": "du har meldt deg av",
        "en": "you cancelled",
    },
    "conferences.status.declined": {
        "nb": "du har takket nei",
        "nn": "du har takka nei",
        "en": "you declined",
    },
    "conferences.heading.registered": {
        "nb": "**Påmeldt ({count} av {seats}):**",
        "nn": "**Påmelde ({count} av {seats}):**",
        "en": "**Registered ({count} of {seats}):**",
    },
    "conferences.heading.waitlisted": {
        "nb": "**Venteliste ({count}):**",
        "nn": "**Venteliste ({count}):**",
        "en": "**Waitlist ({count}):**",
    },
    "conferences.heading.maybe": {
        "nb": "**Kanskje ({count}):**",
        "nn": "**Kanskje ({count}):**",
        "en": "**Maybe ({count}):**",
    },
    "conferences.csv_header": {
        "nb": "navn;organisasjon;status;plass på venteliste;tidspunkt",
        "nn": "namn;organisasjon;status;plass på ventelista;tidspunkt",
        "en": "name;organisation;status;waitlist position;time",
    },
    "conferences.csv_status.registered": {"nb": "påmeldt", "nn": "påmeld", "en": "registered"},
    "conferences.csv_status.waitlisted": {"nb": "venteliste", "nn": "venteliste", "en": "waitlist"},
    "conferences.csv_status.maybe": {"nb": "kanskje", "nn": "kanskje", "en": "maybe"},
    "conferences.csv_status.cancelled": {"nb": "avmeldt", "nn": "avmeld", "en": "cancelled"},
    "conferences.csv_status.declined": {"nb": "takket nei", "nn": "takka nei", "en": "declined"},
    # -- creating and changing -------------------------------------------------------------
    "conferences.title_missing": {
        "nb": f"Konferansen trenger et navn i anførselstegn: `/konferanse ny {_EX}`.",
        "nn": f"Konferansen treng eit namn i hermeteikn: `/konferanse ny {_EX_NN}`.",
        "en": f"The conference needs a name in quotes: `/konferanse new {_EX_EN}`.",
    },
    "conferences.date_missing": {
        "nb": "Når er konferansen? Legg til for eksempel `dato 5. mars kl 09-16` (eller bare `dato 5. mars` for hele dagen).",
        "nn": "Når er konferansen? Legg til til dømes `dato 5. mars kl 09-16` (eller berre `dato 5. mars` for heile dagen).",
        "en": "When is the conference? Add for example `date 5 March 09-16` (or just `date 5 March` for the whole day).",
    },
    "conferences.bad_date": {
        "nb": "Jeg forstod ikke datoen: {detail} Skriv for eksempel `dato 5. mars kl 09-16`.",
        "nn": "Eg forstod ikkje datoen: {detail} Skriv til dømes `dato 5. mars kl 09-16`.",
        "en": "I did not understand the date: {detail} Type for example `date 5 March 09-16`.",
    },
    "conferences.one_date": {
        "nb": "En konferanse har én dato. Skriv for eksempel `dato 5. mars kl 09-16`.",
        "nn": "Ein konferanse har éin dato. Skriv til dømes `dato 5. mars kl 09-16`.",
        "en": "A conference has one date. Type for example `date 5 March 09-16`.",
    },
    "conferences.date_past": {
        "nb": "{date} har allerede vært. Velg en dato fram i tid, for eksempel `dato 5. mars kl 09-16`.",
        "nn": "{date} har alt vore. Vel ein dato fram i tid, til dømes `dato 5. mars kl 09-16`.",
        "en": "{date} is already past. Choose a future date, for example `date 5 March 09-16`.",
    },
    "conferences.bad_deadline": {
        "nb": "Jeg forstod ikke påmeldingsfristen: {detail} Skriv for eksempel `påmeldingsfrist 20. februar`.",
        "nn": "Eg forstod ikkje påmeldingsfristen: {detail} Skriv til dømes `påmeldingsfrist 20. februar`.",
        "en": "I did not understand the registration deadline: {detail} Type for example `registration deadline 20 February`.",
    },
    "conferences.deadline_past": {
        "nb": "Påmeldingsfristen {deadline} har allerede vært. Velg en frist fram i tid.",
        "nn": "Påmeldingsfristen {deadline} har alt vore. Vel ein frist fram i tid.",
        "en": "The registration deadline {deadline} is already past. Choose a future deadline.",
    },
    "conferences.deadline_after_start": {
        "nb": "Påmeldingsfristen ({deadline}) må være før konferansen ({date}).",
        "nn": "Påmeldingsfristen ({deadline}) må vere før konferansen ({date}).",
        "en": "The registration deadline ({deadline}) must be before the conference ({date}).",
    },
    "conferences.bad_seats": {
        "nb": "«{given}» er ikke et gyldig antall plasser. Skriv et helt tall større enn 0, for eksempel `plasser 250`, eller utelat det for ubegrenset.",
        "nn": "«{given}» er ikkje eit gyldig tal på plassar. Skriv eit heilt tal større enn 0, til dømes `plassar 250`, eller lat vere for utan grense.",
        "en": "“{given}” is not a valid number of seats. Type a whole number above 0, for example `seats 250`, or leave it out for unlimited.",
    },
    "conferences.seats_below_registered": {
        "nb": "{registered} er allerede påmeldt, så plassene kan ikke settes til {seats}. Skriv `plasser {registered}` eller flere; ingenting er endret.",
        "nn": "{registered} er allereie påmelde, så plassane kan ikkje setjast til {seats}. Skriv `plassar {registered}` eller fleire; ingenting er endra.",
        "en": "{registered} are already registered, so the seats cannot be set to {seats}. Type `seats {registered}` or more; nothing was changed.",
    },
    "conferences.audience_unknown": {
        "nb": "«{given}» er verken et nettverk eller en organisasjon jeg kjenner. Skriv `publikum alle`, eller nettverk og organisasjoner skilt med komma. Nettverk: {networks}.",
        "nn": "«{given}» er verken eit nettverk eller ein organisasjon eg kjenner. Skriv `publikum alle`, eller nettverk og organisasjonar skilde med komma. Nettverk: {networks}.",
        "en": "“{given}” is neither a network nor an organisation I know. Type `audience all`, or networks and organisations separated by commas. Networks: {networks}.",
    },
    "conferences.audience_missing": {
        "nb": "Hvem er konferansen for? Legg til `publikum alle`, eller nettverk og organisasjoner skilt med komma.",
        "nn": "Kven er konferansen for? Legg til `publikum alle`, eller nettverk og organisasjonar skilde med komma.",
        "en": "Who is the conference for? Add `audience all`, or networks and organisations separated by commas.",
    },
    "conferences.created": {
        "nb": "Konferanse #{id} «{title}» er lagret som utkast.",
        "nn": "Konferanse #{id} «{title}» er lagra som utkast.",
        "en": "Conference #{id} “{title}” was saved as a draft.",
    },
    "conferences.created_next": {
        "nb": "Publikum: {audience}. Send invitasjonen med `{command}`.",
        "nn": "Publikum: {audience}. Send invitasjonen med `{command}`.",
        "en": "Audience: {audience}. Post the invitation with `{command}`.",
    },
    "conferences.edit_nothing": {
        "nb": "Hva skal endres? Skriv for eksempel `/konferanse endre {id} plasser 300`.",
        "nn": "Kva skal endrast? Skriv til dømes `/konferanse endre {id} plassar 300`.",
        "en": "What should change? Type for example `/konferanse edit {id} seats 300`.",
    },
    "conferences.edited": {
        "nb": "Konferanse #{id} «{title}» er oppdatert; påminnelsene følger de nye tidene.",
        "nn": "Konferanse #{id} «{title}» er oppdatert; påminningane følgjer dei nye tidene.",
        "en": "Conference #{id} “{title}” was updated; its reminders follow the new times.",
    },
    # -- finding ---------------------------------------------------------------------------
    "conferences.ref_missing": {
        "nb": "Hvilken konferanse? Skriv nummeret etter kommandoen, for eksempel `/konferanse meld på 2` eller `/konferanse vis 2`. `/konferanse liste` viser numrene.",
        "nn": "Kva konferanse? Skriv nummeret etter kommandoen, til dømes `/konferanse meld på 2` eller `/konferanse vis 2`. `/konferanse liste` viser numra.",
        "en": "Which conference? Type its number after the command, for example `/konferanse register 2` or `/konferanse show 2`. `/konferanse list` shows the numbers.",
    },
    "conferences.unknown": {
        "nb": "Finner ingen konferanse #{ref}. `/konferanse liste` viser kommende konferanser.",
        "nn": "Finn ingen konferanse #{ref}. `/konferanse liste` viser komande konferansar.",
        "en": "There is no conference #{ref}. `/konferanse list` shows upcoming conferences.",
    },
    "conferences.not_in_audience": {
        "nb": "«{title}» er for {audience}, og du er ikke med der. Spør {organiser} om du kan bli med.",
        "nn": "«{title}» er for {audience}, og du er ikkje med der. Spør {organiser} om du kan bli med.",
        "en": "“{title}” is for {audience}, and you are not part of it. Ask {organiser} whether you may join.",
    },
    "conferences.not_announced": {
        "nb": "«{title}» er ikke kunngjort ennå, så påmeldingen har ikke åpnet.",
        "nn": "«{title}» er ikkje kunngjord enno, så påmeldinga har ikkje opna.",
        "en": "“{title}” has not been announced yet, so registration is not open.",
    },
    "conferences.is_cancelled": {
        "nb": "«{title}» er avlyst.",
        "nn": "«{title}» er avlyst.",
        "en": "“{title}” is cancelled.",
    },
    "conferences.is_over": {
        "nb": "«{title}» har allerede vært.",
        "nn": "«{title}» har alt vore.",
        "en": "“{title}” is already over.",
    },
    # -- calling off ---------------------------------------------------------------------
    "conferences.called_off": {
        "nb": "«{title}» er avlyst. Kanalene der den ble kunngjort og alle som har svart ({count}), får beskjed nå; påminnelsene er stoppet.",
        "nn": "«{title}» er avlyst. Kanalane der han vart kunngjord og alle som har svara ({count}), får melding no; påminningane er stoppa.",
        "en": "“{title}” is called off. The channels where it was announced and everyone who answered ({count}) are told now; its reminders are stopped.",
    },
    "conferences.called_off_draft": {
        "nb": "«{title}» er avlyst. Den var ikke kunngjort, så ingen andre får beskjed.",
        "nn": "«{title}» er avlyst. Han var ikkje kunngjord, så ingen andre får melding.",
        "en": "“{title}” is called off. It was not announced, so nobody else is told.",
    },
    "conferences.called_off_notice": {
        "nb": "Avlyst: «{title}» ({when}) blir ikke noe av.",
        "nn": "Avlyst: «{title}» ({when}) blir ikkje noko av.",
        "en": "Called off: “{title}” ({when}) will not take place.",
    },
    "conferences.called_off_card": {
        "nb": "**AVLYST:** «{title}» (#{id}) blir ikke noe av.",
        "nn": "**AVLYST:** «{title}» (#{id}) blir ikkje noko av.",
        "en": "**CALLED OFF:** “{title}” (#{id}) will not take place.",
    },
    "conferences.called_off_reason": {
        "nb": "Grunn: {reason}",
        "nn": "Grunn: {reason}",
        "en": "Reason: {reason}",
    },
    # -- announcing ------------------------------------------------------------------------
    "conferences.announced": {
        "nb": "Invitasjonen til «{title}» er sendt til {channel_names} og når {members}.",
        "nn": "Invitasjonen til «{title}» er send til {channel_names} og når {members}.",
        "en": "The invitation to “{title}” was posted to {channel_names} and reaches {members}.",
    },
    "conferences.announced_no_channels": {
        "nb": "Invitasjonen til «{title}» er sendt og når {members}.",
        "nn": "Invitasjonen til «{title}» er send og når {members}.",
        "en": "The invitation to “{title}” was sent and reaches {members}.",
    },
    "conferences.members.one": {"nb": "1 medlem", "nn": "1 medlem", "en": "1 member"},
    "conferences.members.many": {
        "nb": "{n} medlemmer",
        "nn": "{n} medlemer",
        "en": "{n} members",
    },
    "conferences.announced_no_channel": {
        "nb": "Disse nettverkene har ingen kanal her ennå: {networks}. Koble en med `/partnerbot koble nettverk <navn>`.",
        "nn": "Desse nettverka har ingen kanal her enno: {networks}. Kople ein med `/partnerbot kople nettverk <namn>`.",
        "en": "These networks have no channel here yet: {networks}. Link one with `/partnerbot link network <name>`.",
    },
    "conferences.already_announced": {
        "nb": "«{title}» ble kunngjort {at}; invitasjonen sendes ikke på nytt.",
        "nn": "«{title}» vart kunngjord {at}; invitasjonen blir ikkje send på nytt.",
        "en": "“{title}” was announced {at}; the invitation is not sent again.",
    },
    "conferences.invitation": {
        "nb": "📣 **Invitasjon: {title}** (#{id})\nMeld deg på med knappen eller `/konferanse meld på {id}`.",
        "nn": "📣 **Invitasjon: {title}** (#{id})\nMeld deg på med knappen eller `/konferanse meld på {id}`.",
        "en": "📣 **Invitation: {title}** (#{id})\nRegister with the button or `/konferanse register {id}`.",
    },
    # -- registering -----------------------------------------------------------------------
    "conferences.registered": {
        "nb": "Du er påmeldt «{title}». Legg den i kalenderen med `{command}`.",
        "nn": "Du er påmeld «{title}». Legg han i kalenderen med `{command}`.",
        "en": "You are registered for “{title}”. Add it to your calendar with `{command}`.",
    },
    "conferences.waitlisted": {
        "nb": "«{title}» er full. Du står som nr. {position} på ventelisten og får beskjed hvis du får plass.",
        "nn": "«{title}» er full. Du står som nr. {position} på ventelista og får melding om du får plass.",
        "en": "“{title}” is full. You are number {position} on the waitlist and will be told if you get a seat.",
    },
    "conferences.already_registered": {
        "nb": "Du er allerede påmeldt «{title}» – alt i orden.",
        "nn": "Du er alt påmeld «{title}» – alt i orden.",
        "en": "You are already registered for “{title}” – all good.",
    },
    "conferences.already_waitlisted": {
        "nb": "Du står allerede på ventelisten til «{title}», som nr. {position}.",
        "nn": "Du står alt på ventelista til «{title}», som nr. {position}.",
        "en": "You are already on the waitlist for “{title}”, as number {position}.",
    },
    "conferences.registration_closed": {
        "nb": "Påmeldingen til «{title}» stengte {deadline}. Ta kontakt med arrangøren, {organiser}, hvis du likevel vil være med.",
        "nn": "Påmeldinga til «{title}» stengde {deadline}. Ta kontakt med arrangøren, {organiser}, om du likevel vil vere med.",
        "en": "Registration for “{title}” closed {deadline}. Contact the organiser, {organiser}, if you would still like to come.",
    },
    "conferences.not_registered": {
        "nb": "Du var ikke påmeldt «{title}», så det er ingenting å melde av.",
        "nn": "Du var ikkje påmeld «{title}», så det er ingenting å melde av.",
        "en": "You were not registered for “{title}”, so there is nothing to cancel.",
    },
    "conferences.unregistered": {
        "nb": "Du er meldt av «{title}».",
        "nn": "Du er meld av «{title}».",
        "en": "You have cancelled your registration for “{title}”.",
    },
    "conferences.unregistered_seat_passed": {
        "nb": "Du er meldt av «{title}». Plassen din gikk til nestemann på ventelisten.",
        "nn": "Du er meld av «{title}». Plassen din gjekk til nestemann på ventelista.",
        "en": "You have cancelled your registration for “{title}”. Your seat went to the next on the waitlist.",
    },
    "conferences.left_waitlist": {
        "nb": "Du er tatt av ventelisten til «{title}».",
        "nn": "Du er teken av ventelista til «{title}».",
        "en": "You have left the waitlist for “{title}”.",
    },
    "conferences.maybe_withdrawn": {
        "nb": "Notert: du kommer ikke på «{title}».",
        "nn": "Notert: du kjem ikkje på «{title}».",
        "en": "Noted: you will not come to “{title}”.",
    },
    "conferences.maybe": {
        "nb": "Notert: kanskje på «{title}». Du har ingen plass før du melder deg på (`{command}`), senest {deadline}.",
        "nn": "Notert: kanskje på «{title}». Du har ingen plass før du melder deg på (`{command}`), seinast {deadline}.",
        "en": "Noted: maybe for “{title}”. You hold no seat until you register (`{command}`), by {deadline}.",
    },
    "conferences.already_maybe": {
        "nb": "Du har allerede svart kanskje på «{title}».",
        "nn": "Du har alt svara kanskje på «{title}».",
        "en": "You already answered maybe for “{title}”.",
    },
    "conferences.maybe_but_registered": {
        "nb": "Du har allerede plass (eller står på ventelisten) til «{title}», og beholder den. Kan du ikke komme, skriv `{command}`.",
        "nn": "Du har alt plass (eller står på ventelista) til «{title}», og held på han. Kan du ikkje kome, skriv `{command}`.",
        "en": "You already hold a seat (or a waitlist place) for “{title}” and keep it. If you cannot come, type `{command}`.",
    },
    # -- showing ---------------------------------------------------------------------------
    "conferences.show_title": {
        "nb": "**#{id} {title}**",
        "nn": "**#{id} {title}**",
        "en": "**#{id} {title}**",
    },
    "conferences.your_status": {
        "nb": "Status: {status}.",
        "nn": "Status: {status}.",
        "en": "Status: {status}.",
    },
    "conferences.none": {
        "nb": "Ingen kommende konferanser. En organisator kan lage en med `/konferanse ny`.",
        "nn": "Ingen komande konferansar. Ein organisator kan lage ein med `/konferanse ny`.",
        "en": "No upcoming conferences. An organiser can create one with `/konferanse new`.",
    },
    "conferences.list_title": {
        "nb": "**Kommende konferanser**",
        "nn": "**Komande konferansar**",
        "en": "**Upcoming conferences**",
    },
    "conferences.list_line": {
        "nb": "• #{id} **{title}** – {when}, {place} – {status}",
        "nn": "• #{id} **{title}** – {when}, {place} – {status}",
        "en": "• #{id} **{title}** – {when}, {place} – {status}",
    },
    "conferences.participants_title": {
        "nb": "**Deltakere på #{id} {title}** (CSV-fil vedlagt)",
        "nn": "**Deltakarar på #{id} {title}** (CSV-fil vedlagd)",
        "en": "**Participants of #{id} {title}** (CSV file attached)",
    },
    "conferences.not_answered": {
        "nb": "Ikke svart ennå: {count} i publikum.",
        "nn": "Ikkje svara enno: {count} i publikum.",
        "en": "Not answered yet: {count} in the audience.",
    },
    "conferences.ics": {
        "nb": "Kalenderfil for «{title}»:",
        "nn": "Kalenderfil for «{title}»:",
        "en": "Calendar file for “{title}”:",
    },
    # -- messages the bot sends on its own -------------------------------------------------
    "conferences.promoted": {
        "nb": "🎉 Du har fått plass på «{title}» ({when}) – noen meldte seg av, og du var først på ventelisten.",
        "nn": "🎉 Du har fått plass på «{title}» ({when}) – nokon melde seg av, og du var først på ventelista.",
        "en": "🎉 You have a seat at “{title}” ({when}) – someone cancelled and you were first on the waitlist.",
    },
    "conferences.promoted_more_seats": {
        "nb": "🎉 Du har fått plass på «{title}» ({when}) – det ble flere plasser, og du sto på ventelisten.",
        "nn": "🎉 Du har fått plass på «{title}» ({when}) – det vart fleire plassar, og du stod på ventelista.",
        "en": "🎉 You have a seat at “{title}” ({when}) – more seats were added and you were on the waitlist.",
    },
    "conferences.promoted_cancel_hint": {
        "nb": "Kan du ikke likevel, skriv `{command}` så går plassen videre.",
        "nn": "Kan du ikkje likevel, skriv `{command}` så går plassen vidare.",
        "en": "If you cannot come after all, type `{command}` and the seat moves on.",
    },
    "conferences.nonresponder": {
        "nb": "Påminnelse: du har ikke svart på invitasjonen til «{title}». Påmeldingsfristen er {deadline}.",
        "nn": "Påminning: du har ikkje svara på invitasjonen til «{title}». Påmeldingsfristen er {deadline}.",
        "en": "Reminder: you have not answered the invitation to “{title}”. The registration deadline is {deadline}.",
    },
    "conferences.soon": {
        "nb": "Velkommen til «{title}», {day}!",
        "nn": "Velkomen til «{title}», {day}!",
        "en": "Welcome to “{title}”, {day}!",
    },
    "conferences.day_before": {
        "nb": "Velkommen til «{title}» i morgen!",
        "nn": "Velkomen til «{title}» i morgon!",
        "en": "Welcome to “{title}” tomorrow!",
    },
    "conferences.day_before_cancel": {
        "nb": "Blir du forhindret, skriv `{command}` så noen på ventelisten får plassen.",
        "nn": "Blir du hindra, skriv `{command}` så nokon på ventelista får plassen.",
        "en": "If you cannot come, type `{command}` so someone on the waitlist gets your seat.",
    },
    "conferences.closed_notice": {
        "nb": "Påmeldingen til «{title}» (#{id}) er stengt: {registered} påmeldt, {waitlisted} på venteliste, {maybe} kanskje. Se listen med `{command}`.",
        "nn": "Påmeldinga til «{title}» (#{id}) er stengd: {registered} påmelde, {waitlisted} på venteliste, {maybe} kanskje. Sjå lista med `{command}`.",
        "en": "Registration for “{title}” (#{id}) is closed: {registered} registered, {waitlisted} waitlisted, {maybe} maybe. See the list with `{command}`.",
    },
    "conferences.guests_not_told.one": {
        "nb": "1 gjest som svarte på gjestesiden, får ingen beskjed fra boten (gjestesiden viser det): e-postadressen står i `{command}`, så gi beskjed selv.",
        "nn": "1 gjest som svara på gjestesida, får inga melding frå boten (gjestesida viser det): e-postadressa står i `{command}`, så gi melding sjølv.",
        "en": "1 guest who answered on the guest page cannot be told by the bot (their guest page shows it): their e-mail address is in `{command}`, so tell them yourself.",
    },
    "conferences.guests_not_told.many": {
        "nb": "{count} gjester som svarte på gjestesiden, får ingen beskjed fra boten (gjestesiden viser det): e-postadressene står i `{command}`, så gi beskjed selv.",
        "nn": "{count} gjestar som svara på gjestesida, får inga melding frå boten (gjestesida viser det): e-postadressene står i `{command}`, så gi melding sjølv.",
        "en": "{count} guests who answered on the guest page cannot be told by the bot (their guest page shows it): their e-mail addresses are in `{command}`, so tell them yourself.",
    },
    "conferences.edited_told": {
        "nb": "Tid eller sted er endret, så alle som har svart ({count}) får beskjed.",
        "nn": "Tid eller stad er endra, så alle som har svara ({count}), får melding.",
        "en": "The time or place changed, so everyone who answered ({count}) is told.",
    },
    "conferences.changed_notice": {
        "nb": "Endring: «{title}» er endret. Slik er det nå:",
        "nn": "Endring: «{title}» er endra. Slik er det no:",
        "en": "Change: “{title}” has changed. This is how it stands now:",
    },
    "conferences.changed_hint": {
        "nb": "Hent den nye kalenderfilen med `{ics}`. Kan du ikke komme nå, skriv `{command}`.",
        "nn": "Hent den nye kalenderfila med `{ics}`. Kan du ikkje kome no, skriv `{command}`.",
        "en": "Get the new calendar file with `{ics}`. If you cannot come now, type `{command}`.",
    },
    "conferences.declined": {
        "nb": "Notert: du kommer ikke på «{title}». Ombestemmer du deg, skriv `{command}` innen {deadline}.",
        "nn": "Notert: du kjem ikkje på «{title}». Kjem du på andre tankar, skriv `{command}` innan {deadline}.",
        "en": "Noted: you will not come to “{title}”. If you change your mind, type `{command}` by {deadline}.",
    },
    "conferences.already_declined": {
        "nb": "Du har allerede svart at du ikke kommer på «{title}».",
        "nn": "Du har alt svara at du ikkje kjem på «{title}».",
        "en": "You have already answered that you will not come to “{title}”.",
    },
    "conferences.heading.cancelled": {
        "nb": "**Kommer ikke ({count}):**",
        "nn": "**Kjem ikkje ({count}):**",
        "en": "**Not coming ({count}):**",
    },
    "conferences.plus_one": {
        "nb": "En påmelding gjelder én person. Skal noen bli med, melder de seg på selv med `/konferanse meld på {id}`, eller de får en gjestelenke fra organisatoren (`/konferanse lenke {id}`).",
        "nn": "Ei påmelding gjeld éin person. Skal nokon bli med, melder dei seg på sjølve med `/konferanse meld på {id}`, eller dei får ei gjestelenkje frå organisatoren (`/konferanse lenkje {id}`).",
        "en": "A registration is for one person. Anyone coming along registers themselves with `/konferanse register {id}`, or gets a guest link from the organiser (`/konferanse link {id}`).",
    },
    "conferences.stray_words": {
        "nb": "Jeg forstod ikke «{given}» etter konferansenummeret, så ingenting er endret. Skriv bare `{command}`.",
        "nn": "Eg forstod ikkje «{given}» etter konferansenummeret, så ingenting er endra. Skriv berre `{command}`.",
        "en": "I didn't understand “{given}” after the conference number, so nothing changed. Type just `{command}`.",
    },
    "conferences.note_word": {"nb": "merknad", "nn": "merknad", "en": "note"},
    "conferences.note_cut": {
        "nb": "Merknaden var {length} tegn; bare de første {limit} er lagret. Skriv `merknad` på nytt for å endre den.",
        "nn": "Merknaden var {length} teikn; berre dei første {limit} er lagra. Skriv `merknad` på nytt for å endre han.",
        "en": "The note was {length} characters; only the first {limit} are saved. Give `note` again to change it.",
    },
    "conferences.note_saved": {
        "nb": "Merknad: {note}",
        "nn": "Merknad: {note}",
        "en": "Note: {note}",
    },
    "conferences.csv_note": {"nb": "merknad", "nn": "merknad", "en": "note"},
    "conferences.stray_note": {
        "nb": "Jeg forstod ikke «{given}» etter konferansenummeret, så ingenting er endret. Er det en merknad til arrangøren (mat, allergier), skriv `{example}`.",
        "nn": "Eg forstod ikkje «{given}» etter konferansenummeret, så ingenting er endra. Er det ein merknad til arrangøren (mat, allergiar), skriv `{example}`.",
        "en": "I didn't understand “{given}” after the conference number, so nothing changed. If it is a note for the organiser (food, allergies), type `{example}`.",
    },
}
