"""Texts for the terminal adapter (`partnerbot console`)."""

TEXTS = {
    "console.welcome": {
        "nb": 'partnerbot i terminalen. Du er {user} i kanalen {channel}. Skriv `/partnerbot hjelp` for kommandoer, `/som <navn>` for å bytte medlem (`/som ny "Navn"` for et nytt), `/kanal <navn>` for å bytte kanal, `/avslutt` for å gå ut.',
        "nn": 'partnerbot i terminalen. Du er {user} i kanalen {channel}. Skriv `/partnerbot hjelp` for kommandoar, `/som <namn>` for å byte medlem (`/som ny "Namn"` for eit nytt), `/kanal <namn>` for å byte kanal, `/avslutt` for å gå ut.',
        "en": 'partnerbot in the terminal. You are {user} in the channel {channel}. Type `/partnerbot help` for commands, `/as <name>` to switch member (`/as new "Name"` for a new one), `/channel <name>` to switch channel, `/quit` to leave.',
    },
    "console.as_missing": {
        "nb": "Hvem vil du være? Skriv for eksempel `/som Kari Nordmann`.",
        "nn": "Kven vil du vere? Skriv til dømes `/som Kari Nordmann`.",
        "en": "Who do you want to be? Type for example `/as Kari Nordmann`.",
    },
    "console.as_ambiguous": {
        "nb": "«{given}» passer med flere: {choices}. Skriv hele navnet.",
        "nn": "«{given}» passar med fleire: {choices}. Skriv heile namnet.",
        "en": "“{given}” matches several: {choices}. Type the full name.",
    },
    "console.as_now": {
        "nb": "Du er nå {name} ({org}, {role}).",
        "nn": "Du er no {name} ({org}, {role}).",
        "en": "You are now {name} ({org}, {role}).",
    },
    "console.as_unknown": {
        "nb": 'Ingen medlem heter «{given}», så jeg byttet ikke. `/partnerbot nettverk` viser medlemmene; skriv `/som ny "{given}"` for å prøve som et nytt medlem.',
        "nn": 'Ingen medlem heiter «{given}», så eg bytte ikkje. `/partnerbot nettverk` viser medlemene; skriv `/som ny "{given}"` for å prøve som eit nytt medlem.',
        "en": 'No member is called “{given}”, so I did not switch. `/partnerbot network` shows the members; type `/as new "{given}"` to try as a new member.',
    },
    "console.paste_prompt": {
        "nb": "(lim inn teksten; avslutt med en linje med bare «.», eller Ctrl-D) … ",
        "nn": "(lim inn teksten; avslutt med ei linje med berre «.», eller Ctrl-D) … ",
        "en": "(paste the text; end with a line with only “.”, or Ctrl-D) … ",
    },
    "console.channel_now": {
        "nb": "Du skriver nå i kanalen {channel}.",
        "nn": "Du skriv no i kanalen {channel}.",
        "en": "You are now writing in the channel {channel}.",
    },
    "console.start_with_slash": {
        "nb": "Kommandoer starter med /. Prøv `/partnerbot hjelp`.",
        "nn": "Kommandoar startar med /. Prøv `/partnerbot hjelp`.",
        "en": "Commands start with /. Try `/partnerbot help`.",
    },
    "console.file_written": {
        "nb": "Fil lagret: {path}",
        "nn": "Fil lagra: {path}",
        "en": "File saved: {path}",
    },
}
