"""Texts for /tiltak: the actions register, lists, export, import and overdue nudges."""

TEXTS = {
    # -- help ------------------------------------------------------------------------------
    "help.group.tiltak": {
        "nb": "tiltak i arbeidsprogrammet: mål, ansvarlige, status og frister",
        "nn": "tiltak i arbeidsprogrammet: mål, ansvarlege, status og fristar",
        "en": "actions in the work programme: goals, owners, status and due dates",
    },
    "help.tiltak.ny": {
        "nb": '`/tiltak ny "Kartlegge mobildekningen langs fylkesveiene" mål 3 ansvarlig @kari frist 1. juni` – nytt tiltak',
        "nn": '`/tiltak ny "Kartleggje mobildekninga langs fylkesvegane" mål 3 ansvarleg @kari frist 1. juni` – nytt tiltak',
        "en": '`/tiltak new "Map mobile coverage along county roads" goal 3 owner @kari deadline 1 June` – new action',
    },
    "help.tiltak.liste": {
        "nb": "`/tiltak liste` – tiltakene i nettverket, etter mål (`liste mine`, `liste forfalte`, `liste mål 2`, `liste side 2`)",
        "nn": "`/tiltak liste` – tiltaka i nettverket, etter mål (`liste mine`, `liste forfalne`, `liste mål 2`, `liste side 2`)",
        "en": "`/tiltak list` – the network's actions by goal (`list mine`, `list overdue`, `list goal 2`, `list page 2`)",
    },
    "help.tiltak.vis": {
        "nb": "`/tiltak vis 12` – ett tiltak med historikk",
        "nn": "`/tiltak vis 12` – eitt tiltak med historikk",
        "en": "`/tiltak show 12` – one action with its history",
    },
    "help.tiltak.status": {
        "nb": '`/tiltak status 12 pågår "Søknad sendt til fylket" fremdrift 40%` – ny status: planlagt (ikke startet), pågår (i gang), ferdig, utsatt (forsinket), avlyst',
        "nn": '`/tiltak status 12 pågår "Søknad send til fylket" framdrift 40%` – ny status: planlagd (ikkje starta), pågår (i gang), ferdig, utsett (forseinka), avlyst',
        "en": '`/tiltak status 12 ongoing "Application sent to the county" progress 40%` – new status: planned (not started), ongoing (in progress), done, postponed (delayed), cancelled',
    },
    "help.tiltak.ferdig": {
        "nb": '`/tiltak ferdig 12 "Rapport levert"` – merk tiltaket som ferdig (det samme som `/tiltak status 12 ferdig`)',
        "nn": '`/tiltak ferdig 12 "Rapport levert"` – merk tiltaket som ferdig (det same som `/tiltak status 12 ferdig`)',
        "en": '`/tiltak done 12 "Report delivered"` – mark the action done (the same as `/tiltak status 12 done`)',
    },
    "help.tiltak.endre": {
        "nb": '`/tiltak endre 12 ansvarlig "Tokke kommune" frist 15.09` – endre tittel, mål, ansvarlig eller frist',
        "nn": '`/tiltak endre 12 ansvarleg "Tokke kommune" frist 15.09` – endre tittel, mål, ansvarleg eller frist',
        "en": '`/tiltak edit 12 owner "Tokke kommune" deadline 15.09` – change title, goal, owner or due date',
    },
    "help.tiltak.slett": {
        "nb": "`/tiltak slett 12` – slett et tiltak, etter at du har bekreftet (ansvarlig, organisator eller admin)",
        "nn": "`/tiltak slett 12` – slett eit tiltak, etter at du har stadfesta (ansvarleg, organisator eller admin)",
        "en": "`/tiltak delete 12` – delete an action, once you confirm (owner, organiser or admin)",
    },
    "actions.number_missing": {
        "nb": "Hvilket tiltak? Skriv nummeret, for eksempel `/tiltak {verb} 12`. `/tiltak liste` viser numrene.",
        "nn": "Kva tiltak? Skriv nummeret, til dømes `/tiltak {verb} 12`. `/tiltak liste` viser numra.",
        "en": "Which action? Type its number, for example `/tiltak {verb} 12`. `/tiltak list` shows the numbers.",
    },
    "actions.delete_ask": {
        "nb": "Vil du slette tiltak #{id} «{title}» med all historikk? Det kan ikke angres. Skriv `/tiltak slett {id} bekreft`.",
        "nn": "Vil du slette tiltak #{id} «{title}» med all historikk? Det kan ikkje angrast. Skriv `/tiltak slett {id} stadfest`.",
        "en": "Delete action #{id} “{title}” with all its history? It cannot be undone. Type `/tiltak delete {id} confirm`.",
    },
    "actions.delete_command": {
        "nb": "/tiltak slett {id} bekreft",
        "nn": "/tiltak slett {id} stadfest",
        "en": "/tiltak delete {id} confirm",
    },
    "actions.delete_button": {"nb": "Slett", "nn": "Slett", "en": "Delete"},
    "help.tiltak.mal": {
        "nb": "`/tiltak mål` – målene i arbeidsprogrammet til nettverket, med antall tiltak",
        "nn": "`/tiltak mål` – måla i arbeidsprogrammet til nettverket, med talet på tiltak",
        "en": "`/tiltak goals` – the goals of the network's work programme, with their number of actions",
    },
    "help.tiltak.mal_ny": {
        "nb": '`/tiltak mål ny 5 "Bedre kollektivtilbud i regionen"` – nytt mål i nettverket (organisator)',
        "nn": '`/tiltak mål ny 5 "Betre kollektivtilbod i regionen"` – nytt mål i nettverket (organisator)',
        "en": '`/tiltak goal new 5 "Better public transport in the region"` – new goal in the network (organiser)',
    },
    "help.tiltak.importer": {
        "nb": "`/tiltak importer` og lim inn arbeidsprogrammet («Mål 1: …», «Tiltak:», punkter) – vis først, så `/tiltak importer bekreft`; eller `/tiltak importer fil program.txt`",
        "nn": "`/tiltak importer` og lim inn arbeidsprogrammet («Mål 1: …», «Tiltak:», punkt) – vis først, så `/tiltak importer stadfest`; eller `/tiltak importer fil program.txt`",
        "en": "`/tiltak import` and paste the work programme (“Mål 1: …”, “Tiltak:”, bullets) – preview first, then `/tiltak import confirm`; or `/tiltak import file programme.txt`",
    },
    "help.tiltak.eksport": {
        "nb": "`/tiltak eksport` – alle tiltak som CSV-fil for Excel (også `eksport mål 2`)",
        "nn": "`/tiltak eksport` – alle tiltak som CSV-fil for Excel (også `eksport mål 2`)",
        "en": "`/tiltak export` – every action as a CSV file for Excel (also `export goal 2`)",
    },
    # -- words and labels ------------------------------------------------------------------
    "actions.status.planned": {"nb": "planlagt", "nn": "planlagd", "en": "planned"},
    "actions.status.ongoing": {"nb": "pågår", "nn": "pågår", "en": "ongoing"},
    "actions.status.done": {"nb": "ferdig", "nn": "ferdig", "en": "done"},
    "actions.status.postponed": {"nb": "utsatt", "nn": "utsett", "en": "postponed"},
    "actions.status.cancelled": {"nb": "avlyst", "nn": "avlyst", "en": "cancelled"},
    "actions.label.network": {"nb": "Nettverk", "nn": "Nettverk", "en": "Network"},
    "actions.label.goal": {"nb": "Mål", "nn": "Mål", "en": "Goal"},
    "actions.label.owner": {"nb": "Ansvarlig", "nn": "Ansvarleg", "en": "Owner"},
    "actions.label.organisation": {
        "nb": "Organisasjon",
        "nn": "Organisasjon",
        "en": "Organisation",
    },
    "actions.label.status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "actions.label.progress": {"nb": "Fremdrift", "nn": "Framdrift", "en": "Progress"},
    "actions.label.due": {"nb": "Frist", "nn": "Frist", "en": "Due"},
    "actions.label.updated": {"nb": "Sist oppdatert", "nn": "Sist oppdatert", "en": "Last update"},
    "actions.label.title": {"nb": "Tittel", "nn": "Tittel", "en": "Title"},
    "actions.what": {"nb": " på et tiltak", "nn": " på eit tiltak", "en": " for an action"},
    "actions.nobody": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "actions.line": {
        "nb": "#{id} {title} — ansvarlig: {owner} — {status} — {due} — oppdatert {updated}",
        "nn": "#{id} {title} — ansvarleg: {owner} — {status} — {due} — oppdatert {updated}",
        "en": "#{id} {title} — owner: {owner} — {status} — {due} — updated {updated}",
    },
    "actions.line_due": {"nb": "frist {due}", "nn": "frist {due}", "en": "due {due}"},
    "actions.no_due": {"nb": "ingen frist", "nn": "ingen frist", "en": "no due date"},
    "actions.no_goal": {"nb": "Uten mål", "nn": "Utan mål", "en": "No goal"},
    "actions.goal_heading": {
        "nb": "Mål {number}: {title}",
        "nn": "Mål {number}: {title}",
        "en": "Goal {number}: {title}",
    },
    "actions.goal_untitled": {
        "nb": "Mål {number}",
        "nn": "Mål {number}",
        "en": "Goal {number}",
    },
    "actions.overdue_mark": {"nb": "forfalt", "nn": "forfallen", "en": "overdue"},
    "actions.history": {"nb": "**Historikk**", "nn": "**Historikk**", "en": "**History**"},
    "actions.percent": {"nb": "{n} %", "nn": "{n} %", "en": "{n}%"},
    "actions.history_note": {"nb": "«{note}»", "nn": "«{note}»", "en": "“{note}”"},
    "actions.history_due": {"nb": "frist {due}", "nn": "frist {due}", "en": "due {due}"},
    "actions.history_more": {
        "nb": "(viser de siste {shown} av {total} endringer)",
        "nn": "(viser dei siste {shown} av {total} endringar)",
        "en": "(showing the last {shown} of {total} changes)",
    },
    # -- create, update, delete ------------------------------------------------------------
    "actions.title_missing": {
        "nb": 'Tiltaket trenger en tittel: `/tiltak ny "Kartlegge mobildekningen" mål 3 ansvarlig @kari frist 1. juni`.',
        "nn": 'Tiltaket treng ein tittel: `/tiltak ny "Kartleggje mobildekninga" mål 3 ansvarleg @kari frist 1. juni`.',
        "en": 'The action needs a title: `/tiltak new "Map mobile coverage" goal 3 owner @kari deadline 1 June`.',
    },
    "actions.created": {
        "nb": "Tiltak #{id} er opprettet i «{network}»: {title}\n{goal} — ansvarlig: {owner} — frist: {due}",
        "nn": "Tiltak #{id} er oppretta i «{network}»: {title}\n{goal} — ansvarleg: {owner} — frist: {due}",
        "en": "Action #{id} was created in “{network}”: {title}\n{goal} — owner: {owner} — due: {due}",
    },
    # the hint under a new action: what comes next from the status it was made with
    "actions.next.planned": {
        "nb": "Oppdater med `/tiltak status {id} pågår`.",
        "nn": "Oppdater med `/tiltak status {id} pågår`.",
        "en": "Update it with `/tiltak status {id} ongoing`.",
    },
    "actions.next.ongoing": {
        "nb": "Oppdater fremdriften med `/tiltak fremdrift {id} {progress}` og skriv en merknad med `/tiltak notat {id} <tekst>`.",
        "nn": "Skriv framdrifta med `/tiltak framdrift {id} {progress}` og ein merknad med `/tiltak notat {id} <tekst>`.",
        "en": "Update the progress with `/tiltak progress {id} {progress}` and add a note with `/tiltak note {id} <text>`.",
    },
    "actions.next.nearly_done": {
        "nb": "Når det er i mål: `/tiltak ferdig {id}`. Skriv en merknad med `/tiltak notat {id} <tekst>`.",
        "nn": "Når det er i mål: `/tiltak ferdig {id}`. Skriv ein merknad med `/tiltak notat {id} <tekst>`.",
        "en": "When it is finished: `/tiltak done {id}`. Add a note with `/tiltak note {id} <text>`.",
    },
    "actions.next.postponed": {
        "nb": "Når arbeidet fortsetter: `/tiltak status {id} pågår`; hvorfor det er utsatt: `/tiltak notat {id} <tekst>`.",
        "nn": "Når arbeidet held fram: `/tiltak status {id} pågår`; kvifor det er utsett: `/tiltak notat {id} <tekst>`.",
        "en": "When the work goes on: `/tiltak status {id} ongoing`; why it is postponed: `/tiltak note {id} <text>`.",
    },
    "actions.next.done": {
        "nb": "Skriv en merknad om hvordan det gikk med `/tiltak notat {id} <tekst>`.",
        "nn": "Skriv ein merknad om korleis det gjekk med `/tiltak notat {id} <tekst>`.",
        "en": "Add a note on how it went with `/tiltak note {id} <text>`.",
    },
    "actions.next.cancelled": {
        "nb": "Skriv en merknad om hvorfor med `/tiltak notat {id} <tekst>`.",
        "nn": "Skriv ein merknad om kvifor med `/tiltak notat {id} <tekst>`.",
        "en": "Add a note on why with `/tiltak note {id} <text>`.",
    },
    "actions.bad_date": {
        "nb": "Jeg forstod ikke fristen «{given}»: {detail} Skriv for eksempel `frist 1. juni` eller `frist 15.09`.",
        "nn": "Eg forstod ikkje fristen «{given}»: {detail} Skriv til dømes `frist 1. juni` eller `frist 15.09`.",
        "en": "I didn't understand the due date “{given}”: {detail} Type for example `deadline 1 June` or `deadline 15.09`.",
    },
    "actions.bad_progress": {
        "nb": "«{given}» er ikke en fremdrift. Skriv et tall fra 0 til 100, for eksempel `fremdrift 40%`.",
        "nn": "«{given}» er ikkje ein framdrift. Skriv eit tal frå 0 til 100, til dømes `framdrift 40%`.",
        "en": "“{given}” is not a progress value. Type a number from 0 to 100, for example `progress 40%`.",
    },
    "actions.goal_unknown": {
        "nb": '«{network}» har ikke noe mål {number}. Mål som finnes: {goals}. Lag et med `/tiltak mål ny {number} "Tittel"` eller importer arbeidsprogrammet.',
        "nn": '«{network}» har ikkje noko mål {number}. Mål som finst: {goals}. Lag eitt med `/tiltak mål ny {number} "Tittel"` eller importer arbeidsprogrammet.',
        "en": '“{network}” has no goal {number}. Goals there: {goals}. Create one with `/tiltak goal new {number} "Title"` or import the work programme.',
    },
    "actions.no_goals": {
        "nb": '«{network}» har ikke noe mål {number}: nettverket har ingen mål ennå. Lag det første med `/tiltak mål ny 1 "Tittel"`, eller lim inn arbeidsprogrammet med `/tiltak importer`.',
        "nn": '«{network}» har ikkje noko mål {number}: nettverket har ingen mål enno. Lag det første med `/tiltak mål ny 1 "Tittel"`, eller lim inn arbeidsprogrammet med `/tiltak importer`.',
        "en": '“{network}” has no goal {number}: the network has no goals yet. Create the first with `/tiltak goal new 1 "Title"`, or paste the work programme with `/tiltak import`.',
    },
    "actions.unknown": {
        "nb": "Finner ikke tiltak #{number}. `/tiltak liste` viser numrene.",
        "nn": "Finn ikkje tiltak #{number}. `/tiltak liste` viser numra.",
        "en": "There is no action #{number}. `/tiltak list` shows the numbers.",
    },
    "actions.owner_unknown": {
        "nb": "Finner ingen medlem eller organisasjon som heter «{given}». Bruk et navn, en @-omtale eller en organisasjon, for eksempel: {choices}.",
        "nn": "Finn ingen medlem eller organisasjon som heiter «{given}». Bruk eit namn, ei @-omtale eller ein organisasjon, til dømes: {choices}.",
        "en": "No member or organisation called “{given}”. Use a name, an @mention or an organisation, for example: {choices}.",
    },
    "actions.owner_ambiguous": {
        "nb": "«{given}» passer med flere: {choices}. Skriv hele navnet slik det står her, eller nevn personen med @.",
        "nn": "«{given}» passar med fleire: {choices}. Skriv heile namnet slik det står her, eller nemn personen med @.",
        "en": "“{given}” matches several: {choices}. Type the full name as shown here, or @mention the person.",
    },
    "actions.not_in_network": {
        "nb": "Du er ikke med i «{network}», så du kan ikke endre tiltakene der. Be en administrator ({admins}) legge deg til.",
        "nn": "Du er ikkje med i «{network}», så du kan ikkje endre tiltaka der. Be ein administrator ({admins}) leggje deg til.",
        "en": "You are not in “{network}”, so you cannot change its actions. Ask an admin ({admins}) to add you.",
    },
    "actions.done_usage": {
        "nb": "Skriv nummeret på tiltaket som er ferdig: `/tiltak ferdig 12` (se numrene med `/tiltak liste`).",
        "nn": "Skriv nummeret på tiltaket som er ferdig: `/tiltak ferdig 12` (sjå numra med `/tiltak liste`).",
        "en": "Give the number of the action that is done: `/tiltak done 12` (see the numbers with `/tiltak list`).",
    },
    "actions.not_owner": {
        "nb": "Bare den ansvarlige ({owner}), en organisator eller en administrator kan endre status, ansvarlig eller slette tiltak #{id}. Uten ansvarlig er det den som opprettet tiltaket.",
        "nn": "Berre den ansvarlege ({owner}), ein organisator eller ein administrator kan endre status, ansvarleg eller slette tiltak #{id}. Utan ansvarleg er det den som oppretta tiltaket.",
        "en": "Only the owner ({owner}), an organiser or an admin can change the status or owner of, or delete, action #{id}. Without an owner, that is whoever created it.",
    },
    "actions.status_usage": {
        "nb": 'Skriv nummeret og den nye statusen: `/tiltak status 12 pågår "Søknad sendt" fremdrift 40%`. Statuser: planlagt, pågår, ferdig, utsatt, avlyst.',
        "nn": 'Skriv nummeret og den nye statusen: `/tiltak status 12 pågår "Søknad send" framdrift 40%`. Statusar: planlagd, pågår, ferdig, utsett, avlyst.',
        "en": 'Give the number and the new status: `/tiltak status 12 ongoing "Application sent" progress 40%`. Statuses: planned, ongoing, done, postponed, cancelled.',
    },
    "actions.progress_usage": {
        "nb": "Skriv nummeret og hvor langt tiltaket har kommet, i prosent: `/tiltak fremdrift 12 60` (et tall fra 0 til 100).",
        "nn": "Skriv nummeret og kor langt tiltaket har kome, i prosent: `/tiltak framdrift 12 60` (eit tal frå 0 til 100).",
        "en": "Give the number and how far the action has come, in per cent: `/tiltak progress 12 60` (a number from 0 to 100).",
    },
    "actions.bad_status": {
        "nb": '«{given}» er ikke en status. Bruk planlagt (ikke startet), pågår (i gang), ferdig, utsatt (forsinket) eller avlyst, og sett en kommentar i anførselstegn: `/tiltak status 12 ferdig "Vedtatt i rådet"`; en merknad alene: `/tiltak notat 12 Vedtatt i rådet`.',
        "nn": '«{given}» er ikkje ein status. Bruk planlagd (ikkje starta), pågår (i gang), ferdig, utsett (forseinka) eller avlyst, og set ein kommentar i hermeteikn: `/tiltak status 12 ferdig "Vedteke i rådet"`; ein merknad åleine: `/tiltak notat 12 Vedteke i rådet`.',
        "en": '“{given}” is not a status. Use planned (not started), ongoing (in progress), done, postponed (delayed) or cancelled, and put a comment in quotes: `/tiltak status 12 done "Adopted by the council"`; a note alone: `/tiltak note 12 Adopted by the council`.',
    },
    "actions.status_set_no_due": {
        "nb": "Tiltak #{id} «{title}»: {status}, ingen frist.",
        "nn": "Tiltak #{id} «{title}»: {status}, ingen frist.",
        "en": "Action #{id} “{title}”: {status}, no due date.",
    },
    "actions.done_takes_one": {
        "nb": '`ferdig` tar ett tiltak om gangen. Skriv `/tiltak ferdig {id}` og så `/tiltak ferdig {other}` for å merke begge som ferdige. Var «{other}» et notat, skriv det i anførselstegn: `/tiltak ferdig {id} "{other}"`. Ingenting er endret.',
        "nn": '`ferdig` tek eitt tiltak om gongen. Skriv `/tiltak ferdig {id}` og så `/tiltak ferdig {other}` for å merkje begge som ferdige. Var «{other}» eit notat, skriv det i hermeteikn: `/tiltak ferdig {id} "{other}"`. Ingenting er endra.',
        "en": '`done` takes one action at a time. Type `/tiltak done {id}`, then `/tiltak done {other}`, to mark both as done. If “{other}” was meant as a note, put it in quotes: `/tiltak done {id} "{other}"`. Nothing was changed.',
    },
    "actions.new_done_with_progress": {
        "nb": "Et ferdig tiltak har fremdrift 100 %, ikke {progress} %. Skriv `status ferdig` uten fremdrift, eller `status pågår fremdrift {progress}%` hvis det ikke er ferdig. Ingenting er lagret.",
        "nn": "Eit ferdig tiltak har framdrift 100 %, ikkje {progress} %. Skriv `status ferdig` utan framdrift, eller `status i gang framdrift {progress}%` om det ikkje er ferdig. Ingenting er lagra.",
        "en": "A done action has 100% progress, not {progress}%. Type `status done` without a progress, or `status ongoing progress {progress}%` if it is not done. Nothing was saved.",
    },
    "actions.done_with_progress": {
        "nb": "Et ferdig tiltak har fremdrift 100 %, ikke {progress} %. Skriv `/tiltak status {id} ferdig`, eller `/tiltak status {id} pågår fremdrift {progress}%` hvis det ikke er ferdig. Ingenting er endret.",
        "nn": "Eit ferdig tiltak har framdrift 100 %, ikkje {progress} %. Skriv `/tiltak status {id} ferdig`, eller `/tiltak status {id} pågår framdrift {progress}%` om det ikkje er ferdig. Ingenting er endra.",
        "en": "A done action has 100% progress, not {progress}%. Type `/tiltak status {id} done`, or `/tiltak status {id} ongoing progress {progress}%` if it is not done. Nothing was changed.",
    },
    "actions.status_set": {
        "nb": "Tiltak #{id} «{title}»: {status}, frist {due}.",
        "nn": "Tiltak #{id} «{title}»: {status}, frist {due}.",
        "en": "Action #{id} “{title}”: {status}, due {due}.",
    },
    "actions.edit_usage": {
        "nb": 'Skriv nummeret og hva som skal endres: `/tiltak endre 12 ansvarlig "Tokke kommune" frist 15.09` (tittel, mål, ansvarlig, frist).',
        "nn": 'Skriv nummeret og kva som skal endrast: `/tiltak endre 12 ansvarleg "Tokke kommune" frist 15.09` (tittel, mål, ansvarleg, frist).',
        "en": 'Give the number and what to change: `/tiltak edit 12 owner "Tokke kommune" deadline 15.09` (title, goal, owner, deadline).',
    },
    "actions.edited": {
        "nb": "Tiltak #{id} «{title}» er endret: {changes}.",
        "nn": "Tiltak #{id} «{title}» er endra: {changes}.",
        "en": "Action #{id} “{title}” was changed: {changes}.",
    },
    "actions.deleted": {
        "nb": "Tiltak #{id} «{title}» er slettet.",
        "nn": "Tiltak #{id} «{title}» er sletta.",
        "en": "Action #{id} “{title}” was deleted.",
    },
    "actions.goal_usage": {
        "nb": 'Skriv nummer og tittel: `/tiltak mål ny 5 "Bedre kollektivtilbud i regionen"`.',
        "nn": 'Skriv nummer og tittel: `/tiltak mål ny 5 "Betre kollektivtilbod i regionen"`.',
        "en": 'Give a number and a title: `/tiltak goal new 5 "Better public transport in the region"`.',
    },
    "actions.goal_exists": {
        "nb": "Mål {number} finnes allerede: {title}.",
        "nn": "Mål {number} finst alt: {title}.",
        "en": "Goal {number} already exists: {title}.",
    },
    "actions.goal_created": {
        "nb": "Mål {number} er opprettet i «{network}»: {title}",
        "nn": "Mål {number} er oppretta i «{network}»: {title}",
        "en": "Goal {number} was created in “{network}”: {title}",
    },
    # -- lists and export ------------------------------------------------------------------
    "actions.list_unknown_filter": {
        "nb": "Jeg forstod ikke «{given}». Skriv `/tiltak liste`, `liste mine`, `liste forfalte`, `liste mål 2` eller `liste side 2`.",
        "nn": "Eg forstod ikkje «{given}». Skriv `/tiltak liste`, `liste mine`, `liste forfalne`, `liste mål 2` eller `liste side 2`.",
        "en": "I didn't understand “{given}”. Type `/tiltak list`, `list mine`, `list overdue`, `list goal 2` or `list page 2`.",
    },
    "actions.list_all_networks": {
        "nb": "alle nettverk",
        "nn": "alle nettverk",
        "en": "all networks",
    },
    "actions.list_title.all": {
        "nb": "**Tiltak i «{network}»** ({count})",
        "nn": "**Tiltak i «{network}»** ({count})",
        "en": "**Actions in “{network}”** ({count})",
    },
    "actions.list_title.mine": {
        "nb": "**Mine tiltak** – {network} ({count})",
        "nn": "**Mine tiltak** – {network} ({count})",
        "en": "**My actions** – {network} ({count})",
    },
    "actions.list_title.overdue": {
        "nb": "**Forfalte tiltak i «{network}»** ({count})",
        "nn": "**Forfalne tiltak i «{network}»** ({count})",
        "en": "**Overdue actions in “{network}”** ({count})",
    },
    "actions.list_title.mine_overdue": {
        "nb": "**Mine forfalte tiltak** – {network} ({count})",
        "nn": "**Mine forfalne tiltak** – {network} ({count})",
        "en": "**My overdue actions** – {network} ({count})",
    },
    "actions.list_empty.all": {
        "nb": 'Ingen tiltak i «{network}» ennå. Målene i arbeidsprogrammet:\n{goals}\nLag et tiltak med `/tiltak ny "Tittel" mål {first}`.',
        "nn": 'Ingen tiltak i «{network}» enno. Måla i arbeidsprogrammet:\n{goals}\nLag eit tiltak med `/tiltak ny "Tittel" mål {first}`.',
        "en": 'No actions in “{network}” yet. The goals of the work programme:\n{goals}\nCreate an action with `/tiltak new "Title" goal {first}`.',
    },
    "actions.due_time_dropped": {
        "nb": "Et tiltak har en frist-dag, ikke et klokkeslett: kl {time} er ikke lagret.",
        "nn": "Eit tiltak har ein frist-dag, ikkje eit klokkeslett: kl. {time} er ikkje lagra.",
        "en": "An action has a due day, not a time of day: {time} was not kept.",
    },
    "actions.list_empty.goal": {
        "nb": 'Ingen tiltak under mål {number} «{title}» ennå. Lag ett med `/tiltak ny "Tittel" mål {number}`.',
        "nn": 'Ingen tiltak under mål {number} «{title}» enno. Lag eitt med `/tiltak ny "Tittel" mål {number}`.',
        "en": 'No actions under goal {number} “{title}” yet. Create one with `/tiltak new "Title" goal {number}`.',
    },
    "actions.list_empty.no_goals": {
        "nb": 'Ingen tiltak og ingen mål i «{network}» ennå. Lag det første målet med `/tiltak mål ny 1 "Tittel"`, eller importer arbeidsprogrammet med `/tiltak importer`.',
        "nn": 'Ingen tiltak og ingen mål i «{network}» enno. Lag det første målet med `/tiltak mål ny 1 "Tittel"`, eller importer arbeidsprogrammet med `/tiltak importer`.',
        "en": 'No actions and no goals in “{network}” yet. Create the first goal with `/tiltak goal new 1 "Title"`, or import the work programme with `/tiltak import`.',
    },
    "actions.goals_title": {
        "nb": "**Mål i «{network}»:**",
        "nn": "**Mål i «{network}»:**",
        "en": "**Goals of “{network}”:**",
    },
    "actions.goals_line.one": {
        "nb": "{heading} ({count} tiltak)",
        "nn": "{heading} ({count} tiltak)",
        "en": "{heading} ({count} action)",
    },
    "actions.goals_line.many": {
        "nb": "{heading} ({count} tiltak)",
        "nn": "{heading} ({count} tiltak)",
        "en": "{heading} ({count} actions)",
    },
    "actions.goals_hint": {
        "nb": "Tiltakene under et mål: `/tiltak liste mål {number}`.",
        "nn": "Tiltaka under eit mål: `/tiltak liste mål {number}`.",
        "en": "The actions under a goal: `/tiltak list goal {number}`.",
    },
    "actions.goals_none": {
        "nb": '«{network}» har ingen mål ennå. Lag det første med `/tiltak mål ny 1 "Tittel"`, eller importer arbeidsprogrammet med `/tiltak importer`.',
        "nn": '«{network}» har ingen mål enno. Lag det første med `/tiltak mål ny 1 "Tittel"`, eller importer arbeidsprogrammet med `/tiltak importer`.',
        "en": '“{network}” has no goals yet. Create the first with `/tiltak goal new 1 "Title"`, or import the work programme with `/tiltak import`.',
    },
    "actions.list_empty.mine": {
        "nb": "Du er ikke ansvarlig for noen tiltak ({network}).",
        "nn": "Du er ikkje ansvarleg for nokon tiltak ({network}).",
        "en": "You own no actions ({network}).",
    },
    "actions.list_empty.overdue": {
        "nb": "Ingen forfalte tiltak i «{network}». 👍",
        "nn": "Ingen forfalne tiltak i «{network}». 👍",
        "en": "No overdue actions in “{network}”. 👍",
    },
    "actions.page_more": {
        "nb": "Side {page} av {pages} — skriv `{command}` for flere.",
        "nn": "Side {page} av {pages} — skriv `{command}` for fleire.",
        "en": "Page {page} of {pages} — type `{command}` for more.",
    },
    "actions.page_last": {
        "nb": "Side {page} av {pages}.",
        "nn": "Side {page} av {pages}.",
        "en": "Page {page} of {pages}.",
    },
    "actions.no_such_page": {
        "nb": "Det er ingen side {page}: lista slutter på side {pages}. Begynn med `{command}`.",
        "nn": "Det er inga side {page}: lista sluttar på side {pages}. Byrj med `{command}`.",
        "en": "There is no page {page}: the list ends on page {pages}. Start with `{command}`.",
    },
    "actions.csv.header": {
        "nb": "Mål|Nummer|Tittel|Ansvarlig|Organisasjon|Status|Fremdrift|Frist|Sist oppdatert|Siste kommentar",
        "nn": "Mål|Nummer|Tittel|Ansvarleg|Organisasjon|Status|Framdrift|Frist|Sist oppdatert|Siste kommentar",
        "en": "Goal|Number|Title|Owner|Organisation|Status|Progress|Due|Last update|Latest comment",
    },
    "actions.exported": {
        "nb": "{count} tiltak fra «{network}» eksportert til {name} (CSV, åpnes i Excel).",
        "nn": "{count} tiltak frå «{network}» eksporterte til {name} (CSV, kan opnast i Excel).",
        "en": "{count} actions from “{network}” exported to {name} (CSV, opens in Excel).",
    },
    "actions.export_title": {
        "nb": "Tiltak – {network}",
        "nn": "Tiltak – {network}",
        "en": "Actions – {network}",
    },
    # -- import ----------------------------------------------------------------------------
    "actions.import.no_goals": {
        "nb": "Jeg fant ingen mål i teksten. Lim inn arbeidsprogrammet etter `/tiltak importer` slik:\n~~~\nMål 1: Styrke samarbeidet i regionen\nTiltak:\n• Lage en felles plan for fagnettverk\n• Arrangere en årlig regionkonferanse\nMål 2: …\n~~~\nI konsollen avsluttes teksten med en linje med bare «.»; en fil leses med `/tiltak importer fil program.txt`.",
        "nn": "Eg fann ingen mål i teksten. Lim inn arbeidsprogrammet etter `/tiltak importer` slik:\n~~~\nMål 1: Styrkje samarbeidet i regionen\nTiltak:\n• Lage ein felles plan for fagnettverk\n• Skipe til ein årleg regionkonferanse\nMål 2: …\n~~~\nI konsollen sluttar teksten med ei linje med berre «.»; ei fil blir lesen med `/tiltak importer fil program.txt`.",
        "en": "I found no goals in the text. Paste the work programme after `/tiltak import` like this:\n~~~\nMål 1: Strengthen cooperation in the region\nTiltak:\n• Make a joint plan for professional networks\n• Hold a yearly regional conference\nMål 2: …\n~~~\nIn the console the text ends with a line with only “.”; read a file with `/tiltak import file programme.txt`.",
    },
    "actions.import.too_big": {
        "nb": "Teksten er for stor ({size} KB); grensen er {limit} KB. Del arbeidsprogrammet opp og importer én del om gangen.",
        "nn": "Teksten er for stor ({size} KB); grensa er {limit} KB. Del arbeidsprogrammet opp og importer ein del om gongen.",
        "en": "The text is too large ({size} KB); the limit is {limit} KB. Split the work programme and import one part at a time.",
    },
    "actions.import.duplicate_goal": {
        "nb": "Mål {number} står to ganger i teksten. Rett nummereringen og prøv igjen; ingenting er lagret.",
        "nn": "Mål {number} står to gonger i teksten. Rett nummereringa og prøv igjen; ingenting er lagra.",
        "en": "Goal {number} appears twice in the text. Fix the numbering and try again; nothing was saved.",
    },
    "actions.import.line_too_long": {
        "nb": "Et tiltak under mål {number} er over {limit} tegn («{start}…»). Er det et avsnitt og ikke et punkt? Del det opp og prøv igjen.",
        "nn": "Eit tiltak under mål {number} er over {limit} teikn («{start}…»). Er det eit avsnitt og ikkje eit punkt? Del det opp og prøv igjen.",
        "en": "An action under goal {number} is over {limit} characters (“{start}…”). Is it a paragraph rather than a bullet? Split it and try again.",
    },
    "actions.import.file_console_only": {
        "nb": "Filer kan bare leses i konsollen. Her limer du inn teksten rett etter `/tiltak importer`.",
        "nn": "Filer kan berre lesast i konsollen. Her limer du inn teksten rett etter `/tiltak importer`.",
        "en": "Files can only be read in the console. Here, paste the text right after `/tiltak import`.",
    },
    "actions.import.not_a_file": {
        "nb": "det er ikke en vanlig fil",
        "nn": "det er ikkje ei vanleg fil",
        "en": "it is not a regular file",
    },
    "actions.import.file_unreadable": {
        "nb": "Jeg får ikke lest filen «{path}»: {reason}. Sjekk navnet og mappen.",
        "nn": "Eg får ikkje lese fila «{path}»: {reason}. Sjekk namnet og mappa.",
        "en": "I cannot read the file “{path}”: {reason}. Check the name and the folder.",
    },
    "actions.import.preview": {
        "nb": "**Forhåndsvisning for «{network}»**: {goals} og {actions} i teksten. Blir opprettet: {new_goals} og {new_actions} ({existing} finnes fra før).",
        "nn": "**Førehandsvising for «{network}»**: {goals} og {actions} i teksten. Blir oppretta: {new_goals} og {new_actions} ({existing} finst frå før).",
        "en": "**Preview for “{network}”**: {goals} and {actions} in the text. To be created: {new_goals} and {new_actions} ({existing} exist already).",
    },
    "actions.import.goals.one": {"nb": "{n} mål", "nn": "{n} mål", "en": "{n} goal"},
    "actions.import.goals.many": {"nb": "{n} mål", "nn": "{n} mål", "en": "{n} goals"},
    "actions.import.goal_new": {"nb": "nytt mål", "nn": "nytt mål", "en": "new goal"},
    "actions.import.goal_old": {"nb": "finnes", "nn": "finst", "en": "exists"},
    "actions.import.goal_line": {
        "nb": "• Mål {number} ({mark}): {title} — {actions}, {new}",
        "nn": "• Mål {number} ({mark}): {title} — {actions}, {new}",
        "en": "• Goal {number} ({mark}): {title} — {actions}, {new}",
    },
    "actions.import.in_goal.one": {"nb": "{n} tiltak", "nn": "{n} tiltak", "en": "{n} action"},
    "actions.import.in_goal.many": {"nb": "{n} tiltak", "nn": "{n} tiltak", "en": "{n} actions"},
    "actions.import.fresh.one": {"nb": "{n} nytt", "nn": "{n} nytt", "en": "{n} new"},
    "actions.import.fresh.many": {"nb": "{n} nye", "nn": "{n} nye", "en": "{n} new"},
    "actions.import.skipped.one": {
        "nb": "{n} linje blir ikke tatt med:",
        "nn": "{n} linje blir ikkje teken med:",
        "en": "{n} line is left out:",
    },
    "actions.import.skipped.many": {
        "nb": "{n} linjer blir ikke tatt med:",
        "nn": "{n} linjer blir ikkje tekne med:",
        "en": "{n} lines are left out:",
    },
    "actions.import.skipped_line": {
        "nb": "• «{line}» – {why}",
        "nn": "• «{line}» – {why}",
        "en": "• “{line}” – {why}",
    },
    "actions.import.why.plain": {
        "nb": "verken mål eller tiltak",
        "nn": "verken mål eller tiltak",
        "en": "neither a goal nor an action",
    },
    "actions.import.why.date": {
        "nb": "en dato ({date}), ikke et tiltak",
        "nn": "ein dato ({date}), ikkje eit tiltak",
        "en": "a date ({date}), not an action",
    },
    "actions.import.why.date_number": {
        "nb": "en dato ({date}), ikke tiltak {number}: det neste tiltaket under mål {goal} ville hatt nummer {goal}.{place}",
        "nn": "ein dato ({date}), ikkje tiltak {number}: det neste tiltaket under mål {goal} ville ha nummer {goal}.{place}",
        "en": "a date ({date}), not action {number}: the next action of goal {goal} would be numbered {goal}.{place}",
    },
    "actions.import.why.after_list": {
        "nb": "står etter tiltakslisten og ligner ikke på tiltakene i den",
        "nn": "står etter tiltakslista og liknar ikkje på tiltaka i ho",
        "en": "comes after the list of actions and does not look like them",
    },
    "actions.import.skipped_more": {
        "nb": "… og {n} til.",
        "nn": "… og {n} til.",
        "en": "… and {n} more.",
    },
    "actions.import.skipped_fix": {
        "nb": "Er en av linjene et tiltak, sett et punkt foran (`• …`) og lim inn på nytt.",
        "nn": "Er ei av linjene eit tiltak, set eit punkt framfor (`• …`) og lim inn på nytt.",
        "en": "If one of the lines is an action, put a bullet before it (`• …`) and paste again.",
    },
    "actions.import.confirm_hint": {
        "nb": "Skriv `/tiltak importer bekreft` for å opprette dette, eller `/tiltak importer avbryt`.",
        "nn": "Skriv `/tiltak importer stadfest` for å opprette dette, eller `/tiltak importer avbryt`.",
        "en": "Type `/tiltak import confirm` to create this, or `/tiltak import cancel`.",
    },
    "actions.import.nothing_pending": {
        "nb": "Det er ingen forhåndsvisning å bekrefte. Lim inn arbeidsprogrammet etter `/tiltak importer` først.",
        "nn": "Det er inga førehandsvising å stadfeste. Lim inn arbeidsprogrammet etter `/tiltak importer` først.",
        "en": "There is no preview to confirm. Paste the work programme after `/tiltak import` first.",
    },
    "actions.import.expired": {
        "nb": "Forhåndsvisningen er over et døgn gammel. Lim inn arbeidsprogrammet på nytt med `/tiltak importer`.",
        "nn": "Førehandsvisinga er over eit døgn gammal. Lim inn arbeidsprogrammet på nytt med `/tiltak importer`.",
        "en": "The preview is more than a day old. Paste the work programme again with `/tiltak import`.",
    },
    "actions.import.history_note": {
        "nb": "importert fra arbeidsprogrammet",
        "nn": "importert frå arbeidsprogrammet",
        "en": "imported from the work programme",
    },
    "actions.import.renames": {
        "nb": "Mål {number} får ny tittel: «{old}» → «{new}»",
        "nn": "Mål {number} får ny tittel: «{old}» → «{new}»",
        "en": "Goal {number} gets a new title: “{old}” → “{new}”",
    },
    "actions.import.renamed_done.one": {
        "nb": "{n} mål fikk ny tittel.",
        "nn": "{n} mål fekk ny tittel.",
        "en": "{n} goal got a new title.",
    },
    "actions.import.renamed_done.many": {
        "nb": "{n} mål fikk ny tittel.",
        "nn": "{n} mål fekk ny tittel.",
        "en": "{n} goals got a new title.",
    },
    "actions.import.new_goals.one": {
        "nb": "{n} nytt mål",
        "nn": "{n} nytt mål",
        "en": "{n} new goal",
    },
    "actions.import.new_goals.many": {
        "nb": "{n} nye mål",
        "nn": "{n} nye mål",
        "en": "{n} new goals",
    },
    "actions.import.new_actions.one": {
        "nb": "{n} nytt tiltak",
        "nn": "{n} nytt tiltak",
        "en": "{n} new action",
    },
    "actions.import.new_actions.many": {
        "nb": "{n} nye tiltak",
        "nn": "{n} nye tiltak",
        "en": "{n} new actions",
    },
    "actions.import.done": {
        "nb": "Importert til «{network}»: {goals} og {actions} ({existing} fantes fra før). Se dem med `/tiltak liste`.",
        "nn": "Importert til «{network}»: {goals} og {actions} ({existing} fanst frå før). Sjå dei med `/tiltak liste`.",
        "en": "Imported into “{network}”: {goals} and {actions} ({existing} existed already). See them with `/tiltak list`.",
    },
    "actions.import.cancelled": {
        "nb": "Greit, importen er avbrutt. Ingenting er lagret.",
        "nn": "Greitt, importen er avbroten. Ingenting er lagra.",
        "en": "OK, the import was cancelled. Nothing was saved.",
    },
    # -- overdue nudges --------------------------------------------------------------------
    "actions.nudge": {
        "nb": "⏰ Tiltak #{id} «{title}» hadde frist {due} og er ikke ferdig. Oppdater med `/tiltak status {id} ferdig`, `/tiltak status {id} utsatt frist 1. september` eller `/tiltak status {id} avlyst`.",
        "nn": "⏰ Tiltak #{id} «{title}» hadde frist {due} og er ikkje ferdig. Oppdater med `/tiltak status {id} ferdig`, `/tiltak status {id} utsett frist 1. september` eller `/tiltak status {id} avlyst`.",
        "en": "⏰ Action #{id} “{title}” was due {due} and is not done. Update it with `/tiltak status {id} done`, `/tiltak status {id} postponed deadline 1 September` or `/tiltak status {id} cancelled`.",
    },
    "actions.due_past": {
        "nb": "Fristen {due} er allerede passert. Skriv en frist fram i tid, for eksempel `frist 15.09`.",
        "nn": "Fristen {due} er alt passert. Skriv ein frist fram i tid, til dømes `frist 15.09`.",
        "en": "The due date {due} has already passed. Give a future due date, for example `deadline 15.09`.",
    },
    "actions.status_read_as": {
        "nb": "«{given}» er lest som {status}.",
        "nn": "«{given}» er lese som {status}.",
        "en": "“{given}” is read as {status}.",
    },
    "help.tiltak.notat": {
        "nb": "`/tiltak notat 12 Søknaden er sendt til fylket` – en merknad om hvordan det går, resten av linjen slik du skriver den (uten anførselstegn); statusen står",
        "nn": "`/tiltak notat 12 Søknaden er send til fylket` – ein merknad om korleis det går, resten av linja slik du skriv ho (utan hermeteikn); statusen står",
        "en": "`/tiltak note 12 Application sent to the county` – a note on how it goes, the rest of the line as you type it (no quotes needed); the status stays",
    },
    "actions.note_usage": {
        "nb": "Skriv nummeret og merknaden: `/tiltak notat 12 Søknaden er sendt til fylket`.",
        "nn": "Skriv nummeret og merknaden: `/tiltak notat 12 Søknaden er send til fylket`.",
        "en": "Give the number and the note: `/tiltak note 12 Application sent to the county`.",
    },
    "actions.goal_in_title": {
        "nb": '«{given}» er ikke nummeret på et mål. Hører «{words}» til tittelen, sett tittelen i anførselstegn: `/tiltak ny "{title}" …`; er det et mål, skriv nummeret: `mål 2`.',
        "nn": '«{given}» er ikkje nummeret på eit mål. Høyrer «{words}» til tittelen, set tittelen i hermeteikn: `/tiltak ny "{title}" …`; er det eit mål, skriv nummeret: `mål 2`.',
        "en": '“{given}” is not the number of a goal. If “{words}” belongs to the title, put the title in quotes: `/tiltak new "{title}" …`; if it is a goal, type its number: `goal 2`.',
    },
    "actions.percent_or_note": {
        "nb": "Er {percent} fremdriften, eller en del av merknaden «{note}»? Fremdrift: `{as_progress}`; merknad: `{as_note}`.",
        "nn": "Er {percent} framdrifta, eller ein del av merknaden «{note}»? Framdrift: `{as_progress}`; merknad: `{as_note}`.",
        "en": "Is {percent} the progress, or part of the note “{note}”? Progress: `{as_progress}`; note: `{as_note}`.",
    },
    "actions.note_saved": {
        "nb": "Merknad lagret: «{note}»",
        "nn": "Merknad lagra: «{note}»",
        "en": "Note saved: “{note}”",
    },
    "actions.note_whole": {
        "nb": "Hele merknaden står i `/tiltak vis {id}`.",
        "nn": "Heile merknaden står i `/tiltak vis {id}`.",
        "en": "The whole note is in `/tiltak show {id}`.",
    },
    "actions.note_command": {
        "nb": "/tiltak notat {id} {note}",
        "nn": "/tiltak notat {id} {note}",
        "en": "/tiltak note {id} {note}",
    },
}
