"""Texts for /partnerbot: help lines, networks, members, language."""

TEXTS = {
    "help.group.partnerbot": {
        "nb": "partnerskap, nettverk og medlemmer",
        "nn": "partnarskap, nettverk og medlemer",
        "en": "partnerships, networks and members",
    },
    "help.partnerbot.hjelp": {
        "nb": "`/partnerbot hjelp` – denne oversikten (`/partnerbot hjelp horing` for én kommando)",
        "nn": "`/partnerbot hjelp` – denne oversikta (`/partnerbot hjelp horing` for éin kommando)",
        "en": "`/partnerbot help` – this overview (`/partnerbot help horing` for one command)",
    },
    "help.partnerbot.nettverk": {
        "nb": "`/partnerbot nettverk` – nettverkene med organisasjoner og medlemmer (`/partnerbot nettverk infrastruktur` for ett)",
        "nn": "`/partnerbot nettverk` – nettverka med organisasjonar og medlemer (`/partnerbot nettverk infrastruktur` for eitt)",
        "en": "`/partnerbot network` – the networks with their organisations and members (`/partnerbot network infrastruktur` for one)",
    },
    "help.partnerbot.nettverk_ny": {
        "nb": '`/partnerbot nettverk ny "Nettverk for helse" organisasjoner "NAV, USN"` – nytt nettverk (admin)',
        "nn": '`/partnerbot nettverk ny "Nettverk for helse" organisasjonar "NAV, USN"` – nytt nettverk (admin)',
        "en": '`/partnerbot network new "Health network" organisations "NAV, USN"` – new network (admin)',
    },
    "help.partnerbot.koble": {
        "nb": "`/partnerbot koble nettverk infrastruktur` – koble denne kanalen til et nettverk (admin)",
        "nn": "`/partnerbot kople nettverk infrastruktur` – kople denne kanalen til eit nettverk (admin)",
        "en": "`/partnerbot link network infrastruktur` – link this channel to a network (admin)",
    },
    "help.partnerbot.meg": {
        "nb": "`/partnerbot meg` – profilen din",
        "nn": "`/partnerbot meg` – profilen din",
        "en": "`/partnerbot me` – your profile",
    },
    "help.partnerbot.sprak": {
        "nb": "`/partnerbot språk nn` – velg språk: nb (bokmål), nn (nynorsk) eller en (English)",
        "nn": "`/partnerbot språk nb` – vel språk: nb (bokmål), nn (nynorsk) eller en (English)",
        "en": "`/partnerbot language nb` – choose a language: nb (Bokmål), nn (Nynorsk) or en (English)",
    },
    "help.partnerbot.medlem_ny": {
        "nb": '`/partnerbot medlem ny "Kari Nordmann" org NAV rolle organisator nettverk utenforskap` – legg til eller endre et medlem (admin); en organisator organiserer partnerskapet til sitt første nettverk, eller det du gir med `partnerskap "Vest-Telemarkrådet"`',
        "nn": '`/partnerbot medlem ny "Kari Nordmann" org NAV rolle organisator nettverk utenforskap` – legg til eller endre eit medlem (admin); ein organisator organiserer partnarskapet til sitt første nettverk, eller det du gir med `partnarskap "Vest-Telemarkrådet"`',
        "en": '`/partnerbot member new "Kari Nordmann" org NAV role organiser network utenforskap` – add or change a member (admin); an organiser organises the partnership of their first network, or the one you give with `partnership "Vest-Telemarkrådet"`',
    },
    "networks.none": {
        "nb": 'Ingen nettverk ennå. En administrator kan lage ett: `/partnerbot nettverk ny "Nettverk for infrastruktur"`.',
        "nn": 'Ingen nettverk enno. Ein administrator kan lage eitt: `/partnerbot nettverk ny "Nettverk for infrastruktur"`.',
        "en": 'No networks yet. An admin can create one: `/partnerbot network new "Infrastructure network"`.',
    },
    "networks.no_partnership": {
        "nb": "Uten partnerskap",
        "nn": "Utan partnarskap",
        "en": "No partnership",
    },
    "networks.line": {
        "nb": "• **{name}**\n    Organisasjoner: {orgs}\n    Medlemmer: {members}\n    Kanaler: {channels}",
        "nn": "• **{name}**\n    Organisasjonar: {orgs}\n    Medlemer: {members}\n    Kanalar: {channels}",
        "en": "• **{name}**\n    Organisations: {orgs}\n    Members: {members}\n    Channels: {channels}",
    },
    "networks.name_missing": {
        "nb": 'Nettverket trenger et navn i anførselstegn: `/partnerbot nettverk ny "Nettverk for helse"`.',
        "nn": 'Nettverket treng eit namn i hermeteikn: `/partnerbot nettverk ny "Nettverk for helse"`.',
        "en": 'The network needs a name in quotes: `/partnerbot network new "Health network"`.',
    },
    "networks.exists": {
        "nb": "Nettverket «{name}» finnes allerede.",
        "nn": "Nettverket «{name}» finst allereie.",
        "en": "The network “{name}” already exists.",
    },
    "help.partnerbot.partnerskap_ny": {
        "nb": '`/partnerbot partnerskap ny "Grenlandsrådet"` – nytt partnerskap (admin); velg det med `partnerskap Grenland` etter `/partnerbot nettverk ny`',
        "nn": '`/partnerbot partnarskap ny "Grenlandsrådet"` – nytt partnarskap (admin); vel det med `partnarskap Grenland` etter `/partnerbot nettverk ny`',
        "en": '`/partnerbot partnership new "Grenland council"` – new partnership (admin); choose it with `partnership Grenland` after `/partnerbot network new`',
    },
    "networks.partnership_created": {
        "nb": 'Partnerskapet «{name}» er opprettet. Lag nettverk i det med `/partnerbot nettverk ny "Navn" partnerskap {name}`.',
        "nn": 'Partnarskapet «{name}» er oppretta. Lag nettverk i det med `/partnerbot nettverk ny "Namn" partnarskap {name}`.',
        "en": 'The partnership “{name}” was created. Make networks in it with `/partnerbot network new "Name" partnership {name}`.',
    },
    "networks.partnership_exists": {
        "nb": "Partnerskapet «{name}» finnes allerede.",
        "nn": "Partnarskapet «{name}» finst allereie.",
        "en": "The partnership “{name}” exists already.",
    },
    "networks.partnership_name_missing": {
        "nb": 'Gi partnerskapet et navn, for eksempel `/partnerbot partnerskap ny "Grenlandsrådet"`.',
        "nn": 'Gi partnarskapet eit namn, til dømes `/partnerbot partnarskap ny "Grenlandsrådet"`.',
        "en": 'Give the partnership a name, for example `/partnerbot partnership new "Grenland council"`.',
    },
    "networks.partnership_unknown": {
        "nb": 'Kjenner ikke partnerskapet «{given}». Partnerskap: {choices}. Et nytt lager du med `/partnerbot partnerskap ny "{given}"`. Ingenting er lagret.',
        "nn": 'Kjenner ikkje partnarskapet «{given}». Partnarskap: {choices}. Eit nytt lagar du med `/partnerbot partnarskap ny "{given}"`. Ingenting er lagra.',
        "en": 'I don\'t know the partnership “{given}”. Partnerships: {choices}. Make a new one with `/partnerbot partnership new "{given}"`. Nothing was saved.',
    },
    "networks.partnership_ambiguous": {
        "nb": "«{given}» passer med flere partnerskap: {choices}. Skriv mer av navnet.",
        "nn": "«{given}» passar med fleire partnarskap: {choices}. Skriv meir av namnet.",
        "en": "“{given}” matches several partnerships: {choices}. Type more of the name.",
    },
    "networks.created": {
        "nb": "Nettverket «{name}» er opprettet. Koble en kanal til det med `/partnerbot koble nettverk {name}`.",
        "nn": "Nettverket «{name}» er oppretta. Kople ein kanal til det med `/partnerbot kople nettverk {name}`.",
        "en": "The network “{name}” was created. Link a channel to it with `/partnerbot link network {name}`.",
    },
    "networks.bind_missing": {
        "nb": "Hvilket nettverk? Skriv for eksempel `/partnerbot koble nettverk infrastruktur`.",
        "nn": "Kva nettverk? Skriv til dømes `/partnerbot kople nettverk infrastruktur`.",
        "en": "Which network? Type for example `/partnerbot link network infrastruktur`.",
    },
    "networks.bound": {
        "nb": "Kanalen {channel} er nå koblet til «{name}». Påminnelser og kunngjøringer for nettverket kommer hit.",
        "nn": "Kanalen {channel} er no kopla til «{name}». Påminningar og kunngjeringar for nettverket kjem hit.",
        "en": "The channel {channel} is now linked to “{name}”. Reminders and announcements for the network will come here.",
    },
    "networks.role_where": {
        "nb": "{role} i {where}",
        "nn": "{role} i {where}",
        "en": "{role} in {where}",
    },
    "networks.role_everywhere": {
        "nb": "{role} (i alle partnerskap)",
        "nn": "{role} (i alle partnarskap)",
        "en": "{role} (in every partnership)",
    },
    "networks.me_title": {
        "nb": "**{name}**",
        "nn": "**{name}**",
        "en": "**{name}**",
    },
    "networks.bad_language": {
        "nb": "«{given}» er ikke et språk jeg kan. Skriv `/partnerbot språk nb` (bokmål), `nn` (nynorsk) eller `en` (English).",
        "nn": "«{given}» er ikkje eit språk eg kan. Skriv `/partnerbot språk nb` (bokmål), `nn` (nynorsk) eller `en` (English).",
        "en": "“{given}” is not a language I know. Type `/partnerbot language nb` (Bokmål), `nn` (Nynorsk) or `en` (English).",
    },
    "networks.language_now": {
        "nb": "Du får svar på bokmål. Skriv `/partnerbot språk nn` for nynorsk eller `/partnerbot språk en` for engelsk.",
        "nn": "Du får svar på nynorsk. Skriv `/partnerbot språk nb` for bokmål eller `/partnerbot språk en` for engelsk.",
        "en": "You get answers in English. Type `/partnerbot language nb` for Bokmål or `/partnerbot language nn` for Nynorsk.",
    },
    "networks.language_set": {
        "nb": "Greit, jeg skriver bokmål til deg fra nå av.",
        "nn": "Greitt, eg skriv nynorsk til deg frå no av.",
        "en": "OK, I will write to you in English from now on.",
    },
    "networks.bad_role": {
        "nb": "«{given}» er ikke en rolle. Bruk admin, organisator eller medlem.",
        "nn": "«{given}» er ikkje ei rolle. Bruk admin, organisator eller medlem.",
        "en": "“{given}” is not a role. Use admin, organiser or member.",
    },
    "networks.member_name_missing": {
        "nb": 'Skriv navnet i anførselstegn: `/partnerbot medlem ny "Kari Nordmann" org NAV rolle organisator`.',
        "nn": 'Skriv namnet i hermeteikn: `/partnerbot medlem ny "Kari Nordmann" org NAV rolle organisator`.',
        "en": 'Put the name in quotes: `/partnerbot member new "Kari Nordmann" org NAV role organiser`.',
    },
    "networks.member_needs_account": {
        "nb": 'Finner ingen som heter «{name}». På {platform} legger du til en ny person ved å nevne dem: `/partnerbot medlem ny @navn org NAV`. Er personen med fra før, koble kontoen deres: `/partnerbot medlem koble "{name}" {code} <id>`.',
        "nn": 'Finn ingen som heiter «{name}». På {platform} legg du til ein ny person ved å nemne dei: `/partnerbot medlem ny @namn org NAV`. Er personen med frå før, kople kontoen deira: `/partnerbot medlem kople "{name}" {code} <id>`.',
        "en": 'Nobody is called “{name}”. On {platform} you add a new person by mentioning them: `/partnerbot member new @name org NAV`. If they are in already, link their account: `/partnerbot member link "{name}" {code} <id>`.',
    },
    "networks.member_created": {
        "nb": "{name} er lagt til som {role} ({org}).",
        "nn": "{name} er lagd til som {role} ({org}).",
        "en": "{name} was added as {role} ({org}).",
    },
    "networks.me_no_network": {
        "nb": "Du er ikke med i noe nettverk ennå: du kan lese alt, men ikke lage eller svare på noe. Be en admin legge deg til ({admins}).",
        "nn": "Du er ikkje med i noko nettverk enno: du kan lese alt, men ikkje lage eller svare på noko. Be ein admin leggje deg til ({admins}).",
        "en": "You are in no network yet: you can read everything, but not create or answer anything. Ask an admin to add you ({admins}).",
    },
    "networks.member_unchanged": {
        "nb": '{name} er {role} ({org}) i {networks}. Ingenting er endret: skriv det som skal endres, for eksempel `/partnerbot medlem "{name}" rolle {example_role}`.',
        "nn": '{name} er {role} ({org}) i {networks}. Ingenting er endra: skriv det som skal endrast, til dømes `/partnerbot medlem "{name}" rolle {example_role}`.',
        "en": '{name} is {role} ({org}) in {networks}. Nothing was changed: type what to change, for example `/partnerbot member "{name}" role {example_role}`.',
    },
    "networks.member_updated": {
        "nb": "{name} er oppdatert: {role} ({org}).",
        "nn": "{name} er oppdatert: {role} ({org}).",
        "en": "{name} was updated: {role} ({org}).",
    },
    "networks.role_where_missing": {
        "nb": 'Hvilket partnerskap skal rollen til {name} gjelde i? Legg til `partnerskap "..."` eller `nettverk "..."`. Partnerskap: {choices}. Ingenting er lagret.',
        "nn": 'Kva partnarskap skal rolla til {name} gjelde i? Legg til `partnarskap "..."` eller `nettverk "..."`. Partnarskap: {choices}. Ingenting er lagra.',
        "en": 'Which partnership should {name}\'s role count in? Add `partnership "..."` or `network "..."`. Partnerships: {choices}. Nothing was saved.',
    },
    "networks.role_stays": {
        "nb": 'Rollen gjelder fortsatt i {mine}, ikke i {theirs}. Flytt den med `/partnerbot medlem "{name}" partnerskap "{theirs}"`.',
        "nn": 'Rolla gjeld framleis i {mine}, ikkje i {theirs}. Flytt ho med `/partnerbot medlem "{name}" partnarskap "{theirs}"`.',
        "en": 'The role still counts in {mine}, not in {theirs}. Move it with `/partnerbot member "{name}" partnership "{theirs}"`.',
    },
}
