"""Texts for a person's accounts: linking with a code, admins linking and unlinking."""

TEXTS = {
    "help.partnerbot.koble_konto": {
        "nb": "`/partnerbot koble` – bruk deg selv på en annen plattform (Slack, Teams, konsollen): gir en engangskode du skriver der (`/partnerbot koble 123456`)",
        "nn": "`/partnerbot kople` – bruk deg sjølv på ei anna plattform (Slack, Teams, konsollen): gir ein eingongskode du skriv der (`/partnerbot kople 123456`)",
        "en": "`/partnerbot link` – be yourself on another platform (Slack, Teams, the console): gives a one-time code to type there (`/partnerbot link 123456`)",
    },
    "help.partnerbot.medlem_koble": {
        "nb": '`/partnerbot medlem koble "Kari Nordmann" teams 7c2f…` – koble en konto til et medlem; `medlem koble fra` fjerner den (admin)',
        "nn": '`/partnerbot medlem kople "Kari Nordmann" teams 7c2f…` – kople ein konto til eit medlem; `medlem kople frå` fjernar han (admin)',
        "en": '`/partnerbot member link "Kari Nordmann" teams 7c2f…` – link an account to a member; `member unlink` removes it (admin)',
    },
    "label.accounts": {"nb": "Kontoer", "nn": "Kontoar", "en": "Accounts"},
    "platform.slack": {"nb": "Slack", "nn": "Slack", "en": "Slack"},
    "platform.teams": {"nb": "Teams", "nn": "Teams", "en": "Teams"},
    "platform.console": {"nb": "konsollen", "nn": "konsollen", "en": "the console"},
    "platform.web": {"nb": "nettsiden", "nn": "nettsida", "en": "the web page"},
    "accounts.code": {
        "nb": "Koden din er **{code}**. Skriv `/partnerbot koble {code}` på den andre plattformen innen {minutes} minutter. Koden virker én gang, og bare for deg: ikke del den.",
        "nn": "Koden din er **{code}**. Skriv `/partnerbot kople {code}` på den andre plattforma innan {minutes} minutt. Koden verkar éin gong, og berre for deg: ikkje del han.",
        "en": "Your code is **{code}**. Type `/partnerbot link {code}` on the other platform within {minutes} minutes. It works once, and only for you: do not share it.",
    },
    "accounts.not_private": {
        "nb": "En kode for å koble kontoer vises ikke i en kanal der andre ser den. Skriv `partnerbot koble` i en personlig chat med meg.",
        "nn": "Ein kode for å kople kontoar blir ikkje vist i ein kanal der andre ser han. Skriv `partnerbot kople` i ein personleg chat med meg.",
        "en": "A code to link accounts is not shown in a channel where others see it. Type `partnerbot link` in a personal chat with me.",
    },
    "accounts.code_unknown": {
        "nb": "Koden {code} gjelder ikke: den er feil, brukt eller eldre enn {minutes} minutter. Skriv `/partnerbot koble` der du allerede bruker meg for å få en ny, og skriv den nye her: `/partnerbot koble <kode>`.",
        "nn": "Koden {code} gjeld ikkje: han er feil, brukt eller eldre enn {minutes} minutt. Skriv `/partnerbot kople` der du alt brukar meg for å få ein ny, og skriv den nye her: `/partnerbot kople <kode>`.",
        "en": "The code {code} is not valid: wrong, used, or older than {minutes} minutes. Type `/partnerbot link` where you already use me to get a new one, and type the new one here: `/partnerbot link <code>`.",
    },
    "accounts.code_same_platform": {
        "nb": "Koden ble laget på {platform}, og den kobler en konto på en annen plattform. Skriv `/partnerbot koble {code}` der, på Slack, Teams eller konsollen.",
        "nn": "Koden vart laga på {platform}, og han koplar ein konto på ei anna plattform. Skriv `/partnerbot kople {code}` der, på Slack, Teams eller konsollen.",
        "en": "The code was made on {platform}, and it links an account on another platform. Type `/partnerbot link {code}` there: on Slack, Teams or the console.",
    },
    "accounts.too_many_tries": {
        "nb": "For mange feil koder på kort tid: jeg tar ikke imot flere de neste {minutes} minuttene. Be så om en ny kode med `/partnerbot koble` der du allerede bruker meg.",
        "nn": "For mange feil kodar på kort tid: eg tek ikkje imot fleire dei neste {minutes} minutta. Be så om ein ny kode med `/partnerbot kople` der du alt brukar meg.",
        "en": "Too many wrong codes in a short time: I take no more for the next {minutes} minutes. Then ask for a new code with `/partnerbot link` where you already use me.",
    },
    "accounts.already_yours": {
        "nb": "Denne kontoen hører allerede til deg, {name}. Kontoene dine ser du med `/partnerbot meg`.",
        "nn": "Denne kontoen høyrer alt til deg, {name}. Kontoane dine ser du med `/partnerbot meg`.",
        "en": "This account is yours already, {name}. See your accounts with `/partnerbot me`.",
    },
    "accounts.platform_taken_self": {
        "nb": '{name} har allerede en konto på {platform} ({account}). Én konto per plattform: be en admin fjerne den gamle med `/partnerbot medlem koble fra "{name}" {code} {account}`, og prøv igjen.',
        "nn": '{name} har alt ein konto på {platform} ({account}). Éin konto per plattform: be ein admin fjerne den gamle med `/partnerbot medlem kople frå "{name}" {code} {account}`, og prøv igjen.',
        "en": '{name} has an account on {platform} already ({account}). One account per platform: ask an admin to remove the old one with `/partnerbot member unlink "{name}" {code} {account}`, and try again.',
    },
    "accounts.linked_elsewhere": {
        "nb": 'Kontoen du skriver fra hører allerede til {name}, sammen med andre kontoer ({accounts}). Én konto kan bare høre til én person: be en admin fjerne den der først med `/partnerbot medlem koble fra "{name}" {code} {account}`, og skriv koden igjen.',
        "nn": 'Kontoen du skriv frå høyrer alt til {name}, saman med andre kontoar ({accounts}). Éin konto kan berre høyre til éin person: be ein admin fjerne han der først med `/partnerbot medlem kople frå "{name}" {code} {account}`, og skriv koden igjen.',
        "en": 'The account you write from belongs to {name} already, with other accounts ({accounts}). An account belongs to one person only: ask an admin to remove it there first with `/partnerbot member unlink "{name}" {code} {account}`, and type the code again.',
    },
    "accounts.linked": {
        "nb": "Koblet: kontoen din på {platform} hører nå til {name}, med samme rolle, nettverk og svar overalt. Kontoene dine ser du med `/partnerbot meg`.",
        "nn": "Kopla: kontoen din på {platform} høyrer no til {name}, med same rolle, nettverk og svar overalt. Kontoane dine ser du med `/partnerbot meg`.",
        "en": "Linked: your account on {platform} now belongs to {name}, with the same role, networks and answers everywhere. See your accounts with `/partnerbot me`.",
    },
    "accounts.merged": {
        "nb": "Det som var gjort som «{other}» (svar, påmeldinger, tiltak, nettverk) hører nå til {name}. Der begge hadde svart, gjelder svaret til {name}: {votes} møtesvar og {registrations} påmeldinger fra «{other}» ble ikke tatt med.",
        "nn": "Det som var gjort som «{other}» (svar, påmeldingar, tiltak, nettverk) høyrer no til {name}. Der begge hadde svara, gjeld svaret til {name}: {votes} møtesvar og {registrations} påmeldingar frå «{other}» vart ikkje tekne med.",
        "en": "What was done as “{other}” (answers, registrations, actions, networks) now belongs to {name}. Where both had answered, {name}'s answer stands: {votes} poll answers and {registrations} registrations of “{other}” were left out.",
    },
    "accounts.link_usage": {
        "nb": 'Skriv hvem, plattform og konto-id: `/partnerbot medlem koble "Kari Nordmann" slack U012ABCDEF` (Slack: medlems-ID-en i profilen; Teams: objekt-ID-en i Entra ID).',
        "nn": 'Skriv kven, plattform og konto-id: `/partnerbot medlem kople "Kari Nordmann" slack U012ABCDEF` (Slack: medlems-ID-en i profilen; Teams: objekt-ID-en i Entra ID).',
        "en": 'Type who, the platform and the account id: `/partnerbot member link "Kari Nordmann" slack U012ABCDEF` (Slack: the member ID in the profile; Teams: the object ID in Entra ID).',
    },
    "accounts.unlink_usage": {
        "nb": 'Skriv hvem, plattform og konto-id: `/partnerbot medlem koble fra "Kari Nordmann" slack U012ABCDEF`. Kontoene ser du med `/partnerbot nettverk` og medlemmets `/partnerbot meg`.',
        "nn": 'Skriv kven, plattform og konto-id: `/partnerbot medlem kople frå "Kari Nordmann" slack U012ABCDEF`. Kontoane ser du med `/partnerbot nettverk`, og medlemmet ser sine med `/partnerbot meg`.',
        "en": 'Type who, the platform and the account id: `/partnerbot member unlink "Kari Nordmann" slack U012ABCDEF`. The member sees their accounts with `/partnerbot me`.',
    },
    "accounts.bad_platform": {
        "nb": 'Kjenner ikke plattformen «{given}». Skriv slack, teams eller konsoll, f.eks. `/partnerbot medlem koble "Kari Nordmann" teams 7c2f…`.',
        "nn": 'Kjenner ikkje plattforma «{given}». Skriv slack, teams eller konsoll, t.d. `/partnerbot medlem kople "Kari Nordmann" teams 7c2f…`.',
        "en": 'I do not know the platform “{given}”. Type slack, teams or console, e.g. `/partnerbot member link "Kari Nordmann" teams 7c2f…`.',
    },
    "accounts.bad_account_id": {
        "nb": "«{given}» er ikke en konto-id på {platform}. {hint}",
        "nn": "«{given}» er ikkje ein konto-id på {platform}. {hint}",
        "en": "“{given}” is not an account id on {platform}. {hint}",
    },
    "accounts.hint.slack": {
        "nb": "En Slack-ID er store bokstaver og tall, som U012ABCDEF (profilen > ⋮ Mer > Kopier medlems-ID).",
        "nn": "Ein Slack-ID er store bokstavar og tal, som U012ABCDEF (profilen > ⋮ Meir > Kopier medlems-ID).",
        "en": "A Slack id is capital letters and digits, like U012ABCDEF (profile > ⋮ More > Copy member ID).",
    },
    "accounts.hint.teams": {
        "nb": "En Teams-ID er objekt-ID-en i Entra ID (Brukere > personen > Objekt-ID), uten mellomrom.",
        "nn": "Ein Teams-ID er objekt-ID-en i Entra ID (Brukarar > personen > Objekt-ID), utan mellomrom.",
        "en": "A Teams id is the object ID in Entra ID (Users > the person > Object ID), without spaces.",
    },
    "accounts.hint.console": {
        "nb": "På konsollen er konto-ID-en navnet, i anførselstegn.",
        "nn": "På konsollen er konto-ID-en namnet, i hermeteikn.",
        "en": "On the console the account id is the name, in quotes.",
    },
    "accounts.linked_by_admin": {
        "nb": "Kontoen {account} på {platform} hører nå til {name}.",
        "nn": "Kontoen {account} på {platform} høyrer no til {name}.",
        "en": "The account {account} on {platform} now belongs to {name}.",
    },
    "accounts.taken": {
        "nb": 'Kontoen {account} på {platform} hører allerede til {other}, som har flere kontoer. Fjern den der først: `/partnerbot medlem koble fra "{other}" {code} {account}`.',
        "nn": 'Kontoen {account} på {platform} høyrer alt til {other}, som har fleire kontoar. Fjern han der først: `/partnerbot medlem kople frå "{other}" {code} {account}`.',
        "en": 'The account {account} on {platform} belongs to {other} already, who has other accounts too. Remove it there first: `/partnerbot member unlink "{other}" {code} {account}`.',
    },
    "accounts.platform_taken": {
        "nb": '{name} har allerede en konto på {platform} ({account}). Én konto per plattform: fjern den gamle først med `/partnerbot medlem koble fra "{name}" {code} {account}`.',
        "nn": '{name} har alt ein konto på {platform} ({account}). Éin konto per plattform: fjern den gamle først med `/partnerbot medlem kople frå "{name}" {code} {account}`.',
        "en": '{name} has an account on {platform} already ({account}). One account per platform: remove the old one first with `/partnerbot member unlink "{name}" {code} {account}`.',
    },
    "accounts.unlinked": {
        "nb": "Kontoen {account} på {platform} er fjernet fra {name}. Skriver den til meg igjen, blir den et nytt medlem.",
        "nn": "Kontoen {account} på {platform} er fjerna frå {name}. Skriv han til meg igjen, blir han eit nytt medlem.",
        "en": "The account {account} on {platform} is removed from {name}. If it writes to me again, it is a new member.",
    },
    "accounts.not_theirs": {
        "nb": "{name} har ingen konto {account} på {platform}. Kontoene til {name}: {accounts}.",
        "nn": "{name} har ingen konto {account} på {platform}. Kontoane til {name}: {accounts}.",
        "en": "{name} has no account {account} on {platform}. {name}'s accounts: {accounts}.",
    },
    "accounts.last_account": {
        "nb": 'Det er den eneste kontoen til {name}, så den blir ikke fjernet (da kunne {name} ikke bruke meg). Koble en annen konto først: `/partnerbot medlem koble "{name}" <plattform> <id>`.',
        "nn": 'Det er den einaste kontoen til {name}, så han blir ikkje fjerna (då kunne ikkje {name} bruke meg). Kople ein annan konto først: `/partnerbot medlem kople "{name}" <plattform> <id>`.',
        "en": 'That is {name}\'s only account, so it is not removed ({name} could not use me any more). Link another account first: `/partnerbot member link "{name}" <platform> <id>`.',
    },
}
