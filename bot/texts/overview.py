"""Texts for the personal overview (/partnerbot oversikt) and the weekly network digest."""

TEXTS = {
    "help.partnerbot.oversikt": {
        "nb": "`/partnerbot oversikt` – hva som venter på deg: høringer, tiltak, møtepoller, møter og konferanser",
        "nn": "`/partnerbot oversyn` – kva som ventar på deg: høyringar, tiltak, møtepollar, møte og konferansar",
        "en": "`/partnerbot overview` – what is waiting for you: hearings, actions, polls, meetings and conferences",
    },
    "help.partnerbot.digest": {
        "nb": "`/partnerbot digest mandag 08:00` – ukentlig sammendrag til nettverkets kanal (`nå` sender det nå, `vis` viser det til deg, `av` slår det av; organisator)",
        "nn": "`/partnerbot digest måndag 08:00` – vekesamandrag til kanalen for nettverket (`no` sender det no, `vis` viser det til deg, `av` slår det av; organisator)",
        "en": "`/partnerbot digest monday 08:00` – weekly digest to the network's channel (`now` posts it now, `preview` shows it to you, `off` turns it off; organiser)",
    },
    "overview.title": {
        "nb": "**Dette venter på deg, {name}:**",
        "nn": "**Dette ventar på deg, {name}:**",
        "en": "**Waiting for you, {name}:**",
    },
    "overview.nothing": {
        "nb": "Ingenting venter på deg akkurat nå. God dag! 🌿",
        "nn": "Ingenting ventar på deg akkurat no. God dag! 🌿",
        "en": "Nothing is waiting for you right now. Have a good day! 🌿",
    },
    "overview.home_more": {
        "nb": "… og {count} til. `/partnerbot oversikt` viser alt.",
        "nn": "… og {count} til. `/partnerbot oversyn` viser alt.",
        "en": "… and {count} more. `/partnerbot overview` shows everything.",
    },
    "overview.button.answered": {
        "nb": "Vi har svart",
        "nn": "Vi har svara",
        "en": "We have answered",
    },
    "overview.button.show": {"nb": "Vis", "nn": "Vis", "en": "Show"},
    "overview.button.done": {"nb": "Ferdig", "nn": "Ferdig", "en": "Done"},
    "overview.button.vote": {"nb": "Vis og svar", "nn": "Vis og svar", "en": "Show and answer"},
    "overview.button.register": {"nb": "Meld meg på", "nn": "Meld meg på", "en": "Register"},
    "overview.button.maybe": {"nb": "Kanskje", "nn": "Kanskje", "en": "Maybe"},
    "overview.button.cancel": {"nb": "Meld av", "nn": "Meld av", "en": "Cancel"},
    "overview.today": {"nb": "i dag", "nn": "i dag", "en": "today"},
    "overview.days_left": {
        "nb": "{days} dager igjen",
        "nn": "{days} dagar att",
        "en": "{days} days left",
    },
    "overview.no_deadline": {"nb": "ingen frist", "nn": "ingen frist", "en": "no deadline"},
    "overview.hearing": {
        "nb": "• Høring #{id} «{title}» – frist {when} ({left}); organisasjonen din har ikke svart → `/horing svart {id}`",
        "nn": "• Høyring #{id} «{title}» – frist {when} ({left}); organisasjonen din har ikkje svara → `/horing svara {id}`",
        "en": "• Hearing #{id} “{title}” – deadline {when} ({left}); your organisation has not answered → `/horing answered {id}`",
    },
    "overview.action_overdue": {
        "nb": "• Tiltak #{id} «{title}» – forfalt {due} → `/tiltak status {id} ferdig`",
        "nn": "• Tiltak #{id} «{title}» – forfalle {due} → `/tiltak status {id} ferdig`",
        "en": "• Action #{id} “{title}” – overdue since {due} → `/tiltak status {id} done`",
    },
    "overview.action_soon": {
        "nb": "• Tiltak #{id} «{title}» – frist {due} → `/tiltak vis {id}`",
        "nn": "• Tiltak #{id} «{title}» – frist {due} → `/tiltak vis {id}`",
        "en": "• Action #{id} “{title}” – due {due} → `/tiltak show {id}`",
    },
    "overview.poll": {
        "nb": "• Møtepoll #{id} «{title}» – du har ikke svart, svarfrist {closes} → `/mote vis {id}`",
        "nn": "• Møtepoll #{id} «{title}» – du har ikkje svara, svarfrist {closes} → `/mote vis {id}`",
        "en": "• Meeting poll #{id} “{title}” – you have not answered, closes {closes} → `/mote show {id}`",
    },
    "overview.poll_open_ended": {
        "nb": "• Møtepoll #{id} «{title}» – du har ikke svart → `/mote vis {id}`",
        "nn": "• Møtepoll #{id} «{title}» – du har ikkje svara → `/mote vis {id}`",
        "en": "• Meeting poll #{id} “{title}” – you have not answered → `/mote show {id}`",
    },
    "overview.meeting": {
        "nb": "• Møte «{title}» {when}",
        "nn": "• Møte «{title}» {when}",
        "en": "• Meeting “{title}” {when}",
    },
    "overview.conference_open": {
        "nb": "• Konferanse #{id} «{title}» {when} – påmeldingsfrist {deadline} → `/konferanse meld på {id}`",
        "nn": "• Konferanse #{id} «{title}» {when} – påmeldingsfrist {deadline} → `/konferanse meld på {id}`",
        "en": "• Conference #{id} “{title}” {when} – registration closes {deadline} → `/konferanse register {id}`",
    },
    "overview.conference_registered": {
        "nb": "• Du er påmeldt konferanse #{id} «{title}» {when} → `/konferanse vis {id}`",
        "nn": "• Du er påmeld konferanse #{id} «{title}» {when} → `/konferanse vis {id}`",
        "en": "• You are registered for conference #{id} “{title}” {when} → `/konferanse show {id}`",
    },
    "overview.conference_waitlisted": {
        "nb": "• Du står på venteliste til konferanse #{id} «{title}» {when} → `/konferanse vis {id}`",
        "nn": "• Du står på venteliste til konferanse #{id} «{title}» {when} → `/konferanse vis {id}`",
        "en": "• You are on the waitlist for conference #{id} “{title}” {when} → `/konferanse show {id}`",
    },
    "digest.title": {
        "nb": "**Ukens sammendrag for {network}**",
        "nn": "**Vekesamandrag for {network}**",
        "en": "**This week in {network}**",
    },
    "digest.hearing": {
        "nb": "• Høring #{id} «{title}» – frist {when}; mangler svar fra: {missing}",
        "nn": "• Høyring #{id} «{title}» – frist {when}; manglar svar frå: {missing}",
        "en": "• Hearing #{id} “{title}” – deadline {when}; no answer yet from: {missing}",
    },
    "digest.all_answered": {
        "nb": "ingen, alle har svart",
        "nn": "ingen, alle har svara",
        "en": "nobody, all have answered",
    },
    "digest.action_overdue": {
        "nb": "• Tiltak #{id} «{title}» ({owner}) – forfalt {due}",
        "nn": "• Tiltak #{id} «{title}» ({owner}) – forfalle {due}",
        "en": "• Action #{id} “{title}” ({owner}) – overdue since {due}",
    },
    "digest.action_week": {
        "nb": "• Tiltak #{id} «{title}» ({owner}) – frist {due}",
        "nn": "• Tiltak #{id} «{title}» ({owner}) – frist {due}",
        "en": "• Action #{id} “{title}” ({owner}) – due {due}",
    },
    "digest.poll": {
        "nb": "• Møtepoll #{id} «{title}» – har ikke svart: {missing}",
        "nn": "• Møtepoll #{id} «{title}» – har ikkje svara: {missing}",
        "en": "• Meeting poll #{id} “{title}” – not answered yet: {missing}",
    },
    "digest.all_voted": {
        "nb": "alle har svart",
        "nn": "alle har svara",
        "en": "everyone has answered",
    },
    "digest.meeting": {
        "nb": "• Møte «{title}» {when}",
        "nn": "• Møte «{title}» {when}",
        "en": "• Meeting “{title}” {when}",
    },
    "digest.conference": {
        "nb": "• Konferanse #{id} «{title}» {when}",
        "nn": "• Konferanse #{id} «{title}» {when}",
        "en": "• Conference #{id} “{title}” {when}",
    },
    "digest.off": {
        "nb": "Ukessammendraget for {network} er slått av.",
        "nn": "Vekesamandraget for {network} er slått av.",
        "en": "The weekly digest for {network} is off.",
    },
    "digest.set": {
        "nb": "Ukessammendraget for {network} kommer hver uke; neste gang {when}.",
        "nn": "Vekesamandraget for {network} kjem kvar veke; neste gong {when}.",
        "en": "The weekly digest for {network} comes every week; next time {when}.",
    },
    "digest.usage": {
        "nb": "Skriv dag og klokkeslett, for eksempel `/partnerbot digest mandag 08:00` eller `/partnerbot digest fredag kl 14`; `/partnerbot digest nå` sender ukens sammendrag nå, `/partnerbot digest vis` viser det bare til deg, `/partnerbot digest av` slår det av.",
        "nn": "Skriv dag og klokkeslett, til dømes `/partnerbot digest måndag 08:00` eller `/partnerbot digest fredag kl. 14`; `/partnerbot digest no` sender vekesamandraget no, `/partnerbot digest vis` viser det berre til deg, `/partnerbot digest av` slår det av.",
        "en": "Give a day and a time, for example `/partnerbot digest monday 08:00` or `/partnerbot digest friday at 14`; `/partnerbot digest now` posts this week's digest now, `/partnerbot digest preview` shows it to you only, `/partnerbot digest off` turns it off.",
    },
    "digest.now_sent": {
        "nb": "Sammendraget for {network} er sendt til kanalen.",
        "nn": "Samandraget for {network} er sendt til kanalen.",
        "en": "The digest for {network} has been posted to the channel.",
    },
    "digest.now_empty": {
        "nb": "Ingenting å melde for {network} denne uka, så jeg sendte ikke noe sammendrag.",
        "nn": "Ingenting å melde for {network} denne veka, så eg sende ikkje noko samandrag.",
        "en": "Nothing to report for {network} this week, so no digest was posted.",
    },
    "digest.preview": {
        "nb": "Forhåndsvisning – slik ser sammendraget ut nå:",
        "nn": "Førehandsvising – slik ser samandraget ut no:",
        "en": "Preview – this is the digest as it stands now:",
    },
}
