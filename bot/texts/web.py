"""Texts for the web: the chat commands that hand out links, and the pages themselves."""

TEXTS = {
    # --- help ---
    "help.mote.lenke": {
        "nb": "`/mote lenke 4` – lenke der gjester uten chat-konto kan svare på møtepoll #4; `/mote lenke 4 av` stenger alle lenkene (organisator)",
        "nn": "`/mote lenke 4` – lenkje der gjester utan chat-konto kan svare på møtepoll #4; `/mote lenke 4 av` stengjer alle lenkjene (organisator)",
        "en": "`/mote link 4` – a link where guests without a chat account can answer meeting poll #4; `/mote link 4 off` closes all its links (organiser)",
    },
    "help.konferanse.lenke": {
        "nb": "`/konferanse lenke 2` – lenke der gjester kan melde seg på konferanse #2; `/konferanse lenke 2 av` stenger lenkene (organisator)",
        "nn": "`/konferanse lenke 2` – lenkje der gjester kan melde seg på konferanse #2; `/konferanse lenke 2 av` stengjer lenkjene (organisator)",
        "en": "`/konferanse link 2` – a link where guests can register for conference #2; `/konferanse link 2 off` closes its links (organiser)",
    },
    "help.partnerbot.kalender": {
        "nb": "`/partnerbot kalender` – din private kalenderstrøm (møter, konferanser, høringsfrister, tiltaksfrister); `kalender ny` gir en ny adresse og stenger den gamle; `kalender nettverk` gir kanalens nettverksstrøm",
        "nn": "`/partnerbot kalender` – den private kalenderstraumen din (møte, konferansar, høyringsfristar, tiltaksfristar); `kalender ny` gir ei ny adresse og stengjer den gamle; `kalender nettverk` gir nettverksstraumen til kanalen",
        "en": "`/partnerbot calendar` – your private calendar feed (meetings, conferences, hearing deadlines, action due dates); `calendar new` gives a new address and closes the old one; `calendar network` gives the channel's network feed",
    },
    "help.tiltak.tavle": {
        "nb": "`/tiltak tavle` – lenke til arbeidsprogrammet for nettverket som nettside (mål, tiltak, fremdrift; kan skrives ut)",
        "nn": "`/tiltak tavle` – lenkje til arbeidsprogrammet for nettverket som nettside (mål, tiltak, framdrift; kan skrivast ut)",
        "en": "`/tiltak dashboard` – a link to the network's work programme as a web page (goals, actions, progress; printable)",
    },
    # --- chat answers ---
    "web.no_public_url": {
        "nb": "Nettsidene er ikke satt opp: en administrator må sette PARTNERBOT_PUBLIC_URL (for eksempel https://partnerbot.example.no) og starte boten på nytt.",
        "nn": "Nettsidene er ikkje sette opp: ein administrator må setje PARTNERBOT_PUBLIC_URL (til dømes https://partnerbot.example.no) og starte boten på nytt.",
        "en": "The web pages are not set up: an admin must set PARTNERBOT_PUBLIC_URL (for example https://partnerbot.example.org) and restart the bot.",
    },
    "web.poll_number_missing": {
        "nb": "Hvilken møtepoll? Skriv for eksempel `/mote lenke 4`.",
        "nn": "Kva møtepoll? Skriv til dømes `/mote lenke 4`.",
        "en": "Which meeting poll? Type for example `/mote link 4`.",
    },
    "web.link_organiser_only": {
        "nb": "Bare en organisator eller den som laget den, kan dele en gjestelenke.",
        "nn": "Berre ein organisator eller den som laga han, kan dele ei gjestelenkje.",
        "en": "Only an organiser or whoever created it can share a guest link.",
    },
    "web.link_bad_word": {
        "nb": "Jeg forstod ikke «{given}». Skriv `{command}` for å stenge lenkene, eller bare nummeret for en ny lenke.",
        "nn": "Eg forstod ikkje «{given}». Skriv `{command}` for å stengje lenkjene, eller berre nummeret for ei ny lenkje.",
        "en": "I did not understand “{given}”. Type `{command}` to close the links, or just the number for a new link.",
    },
    "web.poll_link": {
        "nb": "Gjestelenke til møtepoll #{id} «{title}» (alle med lenken kan svare; `/mote lenke {id} av` stenger den):\n{url}",
        "nn": "Gjestelenkje til møtepoll #{id} «{title}» (alle med lenkja kan svare; `/mote lenke {id} av` stengjer ho):\n{url}",
        "en": "Guest link to meeting poll #{id} “{title}” (anyone with the link can answer; `/mote link {id} off` closes it):\n{url}",
    },
    "web.poll_link_revoked": {
        "nb": "Gjestelenkene til møtepoll #{id} er stengt ({count}). Svarene som er gitt, står.",
        "nn": "Gjestelenkjene til møtepoll #{id} er stengde ({count}). Svara som er gitt, står.",
        "en": "The guest links to meeting poll #{id} are closed ({count}). Answers already given stay.",
    },
    "web.conference_link": {
        "nb": "Gjestelenke til konferanse #{id} «{title}» (`/konferanse lenke {id} av` stenger den):\n{url}",
        "nn": "Gjestelenkje til konferanse #{id} «{title}» (`/konferanse lenke {id} av` stengjer ho):\n{url}",
        "en": "Guest link to conference #{id} “{title}” (`/konferanse link {id} off` closes it):\n{url}",
    },
    "web.conference_link_draft": {
        "nb": "Gjestelenke til konferanse #{id} «{title}»; påmeldingen åpner når den er kunngjort (`/konferanse kunngjør {id}`):\n{url}",
        "nn": "Gjestelenkje til konferanse #{id} «{title}»; påmeldinga opnar når han er kunngjord (`/konferanse kunngjør {id}`):\n{url}",
        "en": "Guest link to conference #{id} “{title}”; registration opens once it is announced (`/konferanse announce {id}`):\n{url}",
    },
    "web.conference_link_revoked": {
        "nb": "Gjestelenkene til konferanse #{id} er stengt ({count}). Påmeldingene står.",
        "nn": "Gjestelenkjene til konferanse #{id} er stengde ({count}). Påmeldingane står.",
        "en": "The guest links to conference #{id} are closed ({count}). Registrations stay.",
    },
    "web.feed": {
        "nb": "Din private kalenderstrøm (abonner på den i kalenderen din; del den ikke):\n{webcal}\n{https}\n`/partnerbot kalender ny` gir en ny adresse og stenger denne.",
        "nn": "Den private kalenderstraumen din (abonner på han i kalenderen din; del han ikkje):\n{webcal}\n{https}\n`/partnerbot kalender ny` gir ei ny adresse og stengjer denne.",
        "en": "Your private calendar feed (subscribe to it in your calendar; do not share it):\n{webcal}\n{https}\n`/partnerbot calendar new` gives a new address and closes this one.",
    },
    "web.feed_renewed": {
        "nb": "Den gamle adressen er stengt. Din nye kalenderstrøm:\n{webcal}\n{https}",
        "nn": "Den gamle adressa er stengd. Den nye kalenderstraumen din:\n{webcal}\n{https}",
        "en": "The old address is closed. Your new calendar feed:\n{webcal}\n{https}",
    },
    "web.network_feed": {
        "nb": "Nettverkets kalenderstrøm (møter, konferanser og høringsfrister; fin i kanalbeskrivelsen):\n{webcal}\n{https}",
        "nn": "Kalenderstraumen til nettverket (møte, konferansar og høyringsfristar; fin i kanalskildringa):\n{webcal}\n{https}",
        "en": "The network's calendar feed (meetings, conferences and hearing deadlines; good for the channel topic):\n{webcal}\n{https}",
    },
    "web.calendar_bad_word": {
        "nb": "Jeg forstod ikke «{given}». Skriv `/partnerbot kalender`, `/partnerbot kalender ny` eller `/partnerbot kalender nettverk`.",
        "nn": "Eg forstod ikkje «{given}». Skriv `/partnerbot kalender`, `/partnerbot kalender ny` eller `/partnerbot kalender nettverk`.",
        "en": "I did not understand “{given}”. Type `/partnerbot calendar`, `/partnerbot calendar new` or `/partnerbot calendar network`.",
    },
    "web.dashboard_link": {
        "nb": "Arbeidsprogrammet for {network} som nettside (les bare; del med dem som skal se det):\n{url}",
        "nn": "Arbeidsprogrammet for {network} som nettside (berre lesing; del med dei som skal sjå det):\n{url}",
        "en": "The work programme of {network} as a web page (read only; share with those who should see it):\n{url}",
    },
    "web.guest_mark": {"nb": "gjest", "nn": "gjest", "en": "guest"},
    "page.skip": {"nb": "Hopp til innholdet", "nn": "Hopp til innhaldet", "en": "Skip to content"},
    "page.languages": {"nb": "Språk", "nn": "Språk", "en": "Language"},
    "page.not_found": {"nb": "Siden finnes ikke", "nn": "Sida finst ikkje", "en": "Page not found"},
    "page.not_found.detail": {
        "nb": "Lenken er feil, eller den er stengt. Be den som sendte den, om en ny.",
        "nn": "Lenkja er feil, eller ho er stengd. Be den som sende ho, om ei ny.",
        "en": "The link is wrong, or it has been closed. Ask whoever sent it for a new one.",
    },
    "page.too_many": {
        "nb": "For mange innsendinger",
        "nn": "For mange innsendingar",
        "en": "Too many submissions",
    },
    "page.too_many.detail": {
        "nb": "Denne lenken har tatt imot for mange svar det siste minuttet. Ingenting ble lagret. Vent et minutt og prøv igjen.",
        "nn": "Denne lenkja har teke imot for mange svar det siste minuttet. Ingenting vart lagra. Vent eit minutt og prøv igjen.",
        "en": "This link has taken too many answers in the last minute. Nothing was saved. Wait a minute and try again.",
    },
    "page.csrf": {
        "nb": "Skjemaet er utløpt",
        "nn": "Skjemaet har gått ut",
        "en": "The form has expired",
    },
    "page.csrf.detail": {
        "nb": "Ingenting ble lagret. Gå tilbake, last inn siden på nytt og send skjemaet igjen.",
        "nn": "Ingenting vart lagra. Gå tilbake, last inn sida på nytt og send skjemaet igjen.",
        "en": "Nothing was saved. Go back, reload the page and send the form again.",
    },
    "page.name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "page.organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "page.email": {
        "nb": "E-post (bare arrangøren ser den)",
        "nn": "E-post (berre arrangøren ser han)",
        "en": "E-mail (only the organiser sees it)",
    },
    "page.error.heading": {
        "nb": "Noe må rettes før vi kan lagre",
        "nn": "Noko må rettast før vi kan lagre",
        "en": "Something needs fixing before we can save",
    },
    "page.error.name": {
        "nb": "Skriv navnet ditt.",
        "nn": "Skriv namnet ditt.",
        "en": "Type your name.",
    },
    "page.error.organisation": {
        "nb": "Skriv organisasjonen din, for eksempel «Horten kommune».",
        "nn": "Skriv organisasjonen din, til dømes «Horten kommune».",
        "en": "Type your organisation, for example “Horten kommune”.",
    },
    "page.error.email": {
        "nb": "Skriv en e-postadresse, for eksempel navn@kommune.no.",
        "nn": "Skriv ei e-postadresse, til dømes namn@kommune.no.",
        "en": "Type an e-mail address, for example name@example.org.",
    },
    "page.error.slot": {
        "nb": "Velg ja, om nødvendig eller nei for dette tidspunktet.",
        "nn": "Vel ja, om naudsynt eller nei for dette tidspunktet.",
        "en": "Choose yes, if need be or no for this time.",
    },
    "page.error.answers": {
        "nb": "Svar på hvert tidspunkt.",
        "nn": "Svar på kvart tidspunkt.",
        "en": "Answer every time.",
    },
    "page.error.closed": {
        "nb": "Pollen er lukket; svar kan ikke lenger endres.",
        "nn": "Pollen er lukka; svar kan ikkje lenger endrast.",
        "en": "The poll is closed; answers can no longer be changed.",
    },
    "page.poll.closes": {"nb": "Svarfrist", "nn": "Svarfrist", "en": "Answer by"},
    "page.poll.place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "page.poll.agenda": {"nb": "Agenda", "nn": "Agenda", "en": "Agenda"},
    "page.poll.rule": {"nb": "Regel", "nn": "Regel", "en": "Rule"},
    "page.poll.caption": {
        "nb": "Tidspunkter (svar så langt: {voters})",
        "nn": "Tidspunkt (svar så langt: {voters})",
        "en": "Times (answers so far: {voters})",
    },
    "page.poll.slot": {"nb": "Tidspunkt", "nn": "Tidspunkt", "en": "Time"},
    "page.poll.your_answer": {"nb": "Ditt svar", "nn": "Svaret ditt", "en": "Your answer"},
    "page.poll.tally": {"nb": "Svar så langt", "nn": "Svar så langt", "en": "Answers so far"},
    "page.poll.counts": {
        "nb": "ja {yes} · om nødvendig {maybe} · nei {no}",
        "nn": "ja {yes} · om naudsynt {maybe} · nei {no}",
        "en": "yes {yes} · if need be {maybe} · no {no}",
    },
    "page.poll.best": {"nb": "best så langt", "nn": "best så langt", "en": "best so far"},
    "page.poll.submit": {"nb": "Lagre svaret", "nn": "Lagre svaret", "en": "Save my answer"},
    "page.poll.saved": {
        "nb": "Svaret ditt er lagret",
        "nn": "Svaret ditt er lagra",
        "en": "Your answer is saved",
    },
    "page.poll.own_link": {
        "nb": "Ta vare på denne lenken: med den kan du endre svaret til pollen lukkes.",
        "nn": "Ta vare på denne lenkja: med ho kan du endre svaret til pollen blir lukka.",
        "en": "Keep this link: with it you can change your answer until the poll closes.",
    },
    "feed.name": {
        "nb": "partnerbot: {name}",
        "nn": "partnerbot: {name}",
        "en": "partnerbot: {name}",
    },
    "feed.hearing": {
        "nb": "Høringsfrist: {title}",
        "nn": "Høyringsfrist: {title}",
        "en": "Consultation deadline: {title}",
    },
    "feed.action": {
        "nb": "Frist tiltak #{id}: {title}",
        "nn": "Frist tiltak #{id}: {title}",
        "en": "Due: action #{id}: {title}",
    },
    "page.dash.title": {
        "nb": "Arbeidsprogram: {network}",
        "nn": "Arbeidsprogram: {network}",
        "en": "Work programme: {network}",
    },
    "page.dash.summary": {
        "nb": "{total} tiltak, {overdue} på overtid.",
        "nn": "{total} tiltak, {overdue} på overtid.",
        "en": "{total} actions, {overdue} overdue.",
    },
    "page.dash.goal": {"nb": "Mål", "nn": "Mål", "en": "Goal"},
    "page.dash.goal_n": {"nb": "Mål {number}:", "nn": "Mål {number}:", "en": "Goal {number}:"},
    "page.dash.all": {"nb": "Alle", "nn": "Alle", "en": "All"},
    "page.dash.owner": {"nb": "Ansvarlig", "nn": "Ansvarleg", "en": "Owner"},
    "page.dash.filter": {"nb": "Vis", "nn": "Vis", "en": "Show"},
    "page.dash.action": {"nb": "Tiltak", "nn": "Tiltak", "en": "Action"},
    "page.dash.status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "page.dash.progress": {"nb": "Fremdrift", "nn": "Framdrift", "en": "Progress"},
    "page.dash.due": {"nb": "Frist", "nn": "Frist", "en": "Due"},
    "page.dash.overdue": {"nb": "på overtid", "nn": "på overtid", "en": "overdue"},
    "page.dash.goal_progress": {
        "nb": "Fremdrift for målet: {percent} %",
        "nn": "Framdrift for målet: {percent} %",
        "en": "Progress of the goal: {percent} %",
    },
    "page.dash.no_goal": {
        "nb": "Tiltak uten mål",
        "nn": "Tiltak utan mål",
        "en": "Actions without a goal",
    },
    "page.dash.empty": {
        "nb": "Ingen tiltak passer til filteret.",
        "nn": "Ingen tiltak passar til filteret.",
        "en": "No actions match the filter.",
    },
}
