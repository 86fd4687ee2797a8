"""Texts for the Teams adapter: its own notes and the app package's names and descriptions."""

TEXTS = {
    "teams.welcome": {
        "nb": "Hei! Jeg er partnerbot. Skriv `hjelp` for å se hva jeg kan, eller `horing liste` for åpne høringer. I en kanal: nevn meg først, `@partnerbot hjelp`.",
        "nn": "Hei! Eg er partnerbot. Skriv `hjelp` for å sjå kva eg kan, eller `horing liste` for opne høyringar. I ein kanal: nemn meg først, `@partnerbot hjelp`.",
        "en": "Hi! I am partnerbot. Type `help` to see what I can do, or `horing liste` for open hearings. In a channel: mention me first, `@partnerbot help`.",
    },
    "teams.files_unavailable": {
        "nb": "Filen {name} kan ikke legges ved i Teams ennå. Hent den i konsollen eller Slack.",
        "nn": "Fila {name} kan ikkje leggjast ved i Teams enno. Hent henne i konsollen eller Slack.",
        "en": "The file {name} cannot be attached in Teams yet. Get it in the console or Slack.",
    },
    "teams.file_link": {
        "nb": "📎 {link} (lenken virker i {days} dager)",
        "nn": "📎 {link} (lenkja verkar i {days} dagar)",
        "en": "📎 {link} (the link works for {days} days)",
    },
    "teams.buttons_cut": {
        "nb": "Noen knapper er kortet ned eller utelatt: det er ikke plass til alle i Teams. Skriv kommandoen i stedet.",
        "nn": "Nokre knappar er korta ned eller utelatne: det er ikkje plass til alle i Teams. Skriv kommandoen i staden.",
        "en": "Some buttons are shortened or left out: there is no room for them all in Teams. Type the command instead.",
    },
    "teams.sent_privately": {
        "nb": "Svaret er bare for deg, så jeg har sendt det i den personlige chatten vår.",
        "nn": "Svaret er berre for deg, så eg har sendt det i den personlege chatten vår.",
        "en": "The answer is for you only, so I have sent it in our personal chat.",
    },
    "teams.private_unreachable": {
        "nb": "Svaret er bare for deg, men jeg får ikke sendt deg en personlig melding: start en chat med partnerbot og spør der.",
        "nn": "Svaret er berre for deg, men eg får ikkje sendt deg ei personleg melding: start ein chat med partnerbot og spør der.",
        "en": "The answer is for you only, but I cannot send you a personal message: start a chat with partnerbot and ask there.",
    },
    "teams.more_not_shown": {
        "nb": "Meldingen er for lang for Teams; resten vises ikke her. Kjør kommandoen på nytt for å se alt.",
        "nn": "Meldinga er for lang for Teams; resten blir ikkje vist her. Køyr kommandoen på nytt for å sjå alt.",
        "en": "The message is too long for Teams; the rest is not shown here. Run the command again to see it all.",
    },
    "teams.app.short": {
        "nb": "Tiltak, møtepoller, høringer og konferanser for partnerskap",
        "nn": "Tiltak, møtepollar, høyringar og konferansar for partnarskap",
        "en": "Actions, meeting polls, hearings and conferences for partnerships",
    },
    "teams.app.full": {
        "nb": "partnerbot holder samarbeidet i regionale partnerskap i gang: tiltaksregister, møtepoller, høringer med påminnelser før fristen og konferanser med påmelding og venteliste.",
        "nn": "partnerbot held samarbeidet i regionale partnarskap i gang: tiltaksregister, møtepollar, høyringar med påminningar før fristen og konferansar med påmelding og venteliste.",
        "en": "partnerbot keeps regional partnerships moving: a register of actions, meeting polls, hearings with reminders before the deadline, and conferences with registration and a waitlist.",
    },
    "teams.app.cmd.help": {
        "nb": "Alle kommandoer med eksempler",
        "nn": "Alle kommandoar med døme",
        "en": "Every command with an example",
    },
    "teams.app.cmd.hearings": {
        "nb": "Åpne høringer, nærmeste frist først",
        "nn": "Opne høyringar, nærmaste frist først",
        "en": "Open hearings, nearest deadline first",
    },
    "teams.app.cmd.overview": {
        "nb": "Det som venter på deg",
        "nn": "Det som ventar på deg",
        "en": "What waits for you",
    },
    "teams.app.cmd.actions": {
        "nb": "Tiltakene i nettverket",
        "nn": "Tiltaka i nettverket",
        "en": "The network's actions",
    },
    "teams.app.cmd.poll": {
        "nb": 'Ny møtepoll: /mote ny "Tittel" tider ...',
        "nn": 'Ny møtepoll: /mote ny "Tittel" tider ...',
        "en": 'New meeting poll: /mote ny "Title" tider ...',
    },
    "teams.app.cmd.conference": {
        "nb": "Meld deg på en konferanse",
        "nn": "Meld deg på ein konferanse",
        "en": "Register for a conference",
    },
}
