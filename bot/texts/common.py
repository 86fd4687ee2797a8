"""Texts shared by every feature: errors, help framing, permissions, labels."""

TEXTS = {
    "error.unexpected": {
        "nb": "Noe gikk galt hos meg. Ingenting er lagret. Prøv igjen om litt.",
        "nn": "Noko gjekk gale hos meg. Ingenting er lagra. Prøv igjen om litt.",
        "en": "Something went wrong on my side. Nothing was saved. Please try again shortly.",
    },
    "error.post_later": {
        "nb": "Det er lagret, men jeg fikk ikke lagt det ut i kanalen akkurat nå. Jeg prøver igjen av meg selv – ikke send kommandoen på nytt.",
        "nn": "Det er lagra, men eg fekk ikkje lagt det ut i kanalen akkurat no. Eg prøver igjen av meg sjølv – ikkje send kommandoen på nytt.",
        "en": "It is saved, but I could not post it in the channel just now. I will try again by myself – do not send the command again.",
    },
    "error.answer_failed": {
        "nb": "Kommandoen er kjørt, men noe gikk galt da jeg skulle svare deg. Ikke send den på nytt; se etter med `vis` eller `liste`.",
        "nn": "Kommandoen er køyrd, men noko gjekk gale då eg skulle svare deg. Ikkje send han på nytt; sjå etter med `vis` eller `liste`.",
        "en": "The command was run, but something went wrong when I answered you. Do not send it again; check with `show` or `list`.",
    },
    "error.database": {
        "nb": "Jeg får ikke kontakt med databasen akkurat nå. Ingenting er lagret – prøv igjen om litt.",
        "nn": "Eg får ikkje kontakt med databasen akkurat no. Ingenting er lagra – prøv igjen om litt.",
        "en": "I cannot reach the database right now. Nothing was saved – please try again shortly.",
    },
    "command.too_long": {
        "nb": "Kommandoen er for lang (over {limit} tegn). Del den opp, eller legg lang tekst i en lenke.",
        "nn": "Kommandoen er for lang (over {limit} teikn). Del han opp, eller legg lang tekst i ei lenkje.",
        "en": "The command is too long (over {limit} characters). Split it up, or put long text behind a link.",
    },
    "command.field_without_verb": {
        "nb": "Mente du `{command}`? Ingenting er lagret.",
        "nn": "Meinte du `{command}`? Ingenting er lagra.",
        "en": "Did you mean `{command}`? Nothing was saved.",
    },
    "help.intro": {
        "nb": "Dette kan jeg hjelpe med. Skriv en kommando, for eksempel `/partnerbot nettverk`:",
        "nn": "Dette kan eg hjelpe med. Skriv ein kommando, til dømes `/partnerbot nettverk`:",
        "en": "Here is what I can help with. Type a command, for example `/partnerbot network`:",
    },
    "help.outro": {
        "nb": "Saker har korte nummer som #3; du kan skrive både `3` og `#3`. `/partnerbot språk nn|nb|en` endrer språket mitt.",
        "nn": "Saker har korte nummer som #3; du kan skrive både `3` og `#3`. `/partnerbot språk nn|nb|en` endrar språket mitt.",
        "en": "Items have short numbers like #3; you can type `3` or `#3`. `/partnerbot language nn|nb|en` changes my language.",
    },
    "help.unknown_command": {
        "nb": "Jeg kjenner ikke kommandoen {given}.",
        "nn": "Eg kjenner ikkje kommandoen {given}.",
        "en": "I don't know the command {given}.",
    },
    "help.did_you_mean": {
        "nb": "Mente du `/{command}`? `/{command} hjelp` viser hva du kan skrive.",
        "nn": "Meinte du `/{command}`? `/{command} hjelp` viser kva du kan skrive.",
        "en": "Did you mean `/{command}`? `/{command} help` shows what you can type.",
    },
    "help.commands_are": {
        "nb": "Kommandoene er {commands}; `/partnerbot hjelp` viser alle med eksempler.",
        "nn": "Kommandoane er {commands}; `/partnerbot hjelp` viser alle med døme.",
        "en": "The commands are {commands}; `/partnerbot help` shows them all with examples.",
    },
    "help.did_you_mean_verb": {
        "nb": "Jeg forstod ikke «{given}». Mente du `/{command} {verb}`? `/{command} hjelp` viser hva du kan skrive.",
        "nn": "Eg forstod ikkje «{given}». Meinte du `/{command} {verb}`? `/{command} hjelp` viser kva du kan skrive.",
        "en": "I didn't understand “{given}”. Did you mean `/{command} {verb}`? `/{command} help` shows what you can type.",
    },
    "help.unknown_verb": {
        "nb": "Jeg forstod ikke «{given}». Dette kan du skrive etter /{command}:",
        "nn": "Eg forstod ikkje «{given}». Dette kan du skrive etter /{command}:",
        "en": "I didn't understand “{given}”. This is what you can type after /{command}:",
    },
    "grammar.duplicate_keyword": {
        "nb": "«{keyword}» står to ganger i kommandoen. Skriv det bare én gang.",
        "nn": "«{keyword}» står to gonger i kommandoen. Skriv det berre éin gong.",
        "en": "“{keyword}” appears twice in the command. Give it only once.",
    },
    "grammar.duplicate_keyword_words": {
        "nb": "«{first}» og «{second}» betyr det samme og står begge i kommandoen. Skriv bare ett av dem.",
        "nn": "«{first}» og «{second}» tyder det same og står begge i kommandoen. Skriv berre eitt av dei.",
        "en": "“{first}” and “{second}” mean the same and are both in the command. Give only one of them.",
    },
    "grammar.title_too_long": {
        "nb": "Tittelen er for lang ({length} tegn; høyst {limit}). Skriv en kortere, og legg lang tekst bak en lenke.",
        "nn": "Tittelen er for lang ({length} teikn; høgst {limit}). Skriv ein kortare, og legg lang tekst bak ei lenkje.",
        "en": "The title is too long ({length} characters; at most {limit}). Write a shorter one, and put long text behind a link.",
    },
    "grammar.name_too_long": {
        "nb": "Navnet er for langt ({length} tegn; høyst {limit}). Skriv et kortere navn.",
        "nn": "Namnet er for langt ({length} teikn; høgst {limit}). Skriv eit kortare namn.",
        "en": "The name is too long ({length} characters; at most {limit}). Type a shorter name.",
    },
    "grammar.name_after_too_long": {
        "nb": "Navnet etter «{keyword}» er for langt ({length} tegn; høyst {limit}). Skriv bare navnet, for eksempel `{example}`.",
        "nn": "Namnet etter «{keyword}» er for langt ({length} teikn; høgst {limit}). Skriv berre namnet, til dømes `{example}`.",
        "en": "The name after “{keyword}” is too long ({length} characters; at most {limit}). Type the name alone, for example `{example}`.",
    },
    "grammar.text_too_long": {
        "nb": "Teksten etter «{keyword}» er for lang ({length} tegn; høyst {limit}). Skriv en kortere, og legg lang tekst bak en lenke.",
        "nn": "Teksten etter «{keyword}» er for lang ({length} teikn; høgst {limit}). Skriv ein kortare, og legg lang tekst bak ei lenkje.",
        "en": "The text after “{keyword}” is too long ({length} characters; at most {limit}). Write a shorter one, and put long text behind a link.",
    },
    "grammar.reason_too_long": {
        "nb": "Grunnen er for lang ({length} tegn; høyst {limit}). Skriv en kortere; ingenting er avlyst ennå.",
        "nn": "Grunnen er for lang ({length} teikn; høgst {limit}). Skriv ein kortare; ingenting er avlyst enno.",
        "en": "The reason is too long ({length} characters; at most {limit}). Write a shorter one; nothing is called off yet.",
    },
    "grammar.unclosed_quote": {
        "nb": "Anførselstegnet som avslutter tittelen, mangler, så «{rest}» ble en del av tittelen. Mente du `{fixed}`? Ingenting er lagret.",
        "nn": "Hermeteiknet som avsluttar tittelen, manglar, så «{rest}» vart ein del av tittelen. Meinte du `{fixed}`? Ingenting er lagra.",
        "en": "The quote that ends the title is missing, so “{rest}” became part of the title. Did you mean `{fixed}`? Nothing was saved.",
    },
    # A quote typed right after a word that closes nothing opened (bot.grammar._unopened).
    "grammar.unopened_quote_title": {
        "nb": "Anførselstegnet etter «{word}» lukker ikke noe som er åpnet, så resten av kommandoen ble lest som tittel. Mente du `{fixed}`? Ingenting er lagret.",
        "nn": "Hermeteiknet etter «{word}» lukkar ikkje noko som er opna, så resten av kommandoen vart lesen som tittel. Meinte du `{fixed}`? Ingenting er lagra.",
        "en": "The quote after “{word}” closes nothing that was opened, so the rest of the command was read as the title. Did you mean `{fixed}`? Nothing was saved.",
    },
    "grammar.unopened_quote": {
        "nb": "Anførselstegnet etter «{word}» lukker ikke noe som er åpnet, så resten av kommandoen ble lest som tekst. Sett et anførselstegn også foran teksten det skal lukke, eller ta det bort. Ingenting er lagret.",
        "nn": "Hermeteiknet etter «{word}» lukkar ikkje noko som er opna, så resten av kommandoen vart lesen som tekst. Set eit hermeteikn òg framfor teksten det skal lukke, eller ta det bort. Ingenting er lagra.",
        "en": "The quote after “{word}” closes nothing that was opened, so the rest of the command was read as text. Put a quote before the text it should close as well, or take it away. Nothing was saved.",
    },
    "grammar.missing_value": {
        "nb": "«{keyword}» mangler en verdi. Skriv verdien rett etter ordet, for eksempel `{example}`.",
        "nn": "«{keyword}» manglar ein verdi. Skriv verdien rett etter ordet, til dømes `{example}`.",
        "en": "“{keyword}” has no value. Put the value right after the word, for example `{example}`.",
    },
    "grammar.unknown_word_near": {
        "nb": "Kjenner ikke «{given}» – mente du `{keyword}`? For eksempel `{example}`. Ingenting er lagret.",
        "nn": "Kjenner ikkje «{given}» – meinte du `{keyword}`? Til dømes `{example}`. Ingenting er lagra.",
        "en": "I don't know “{given}” – did you mean `{keyword}`? For example `{example}`. Nothing was saved.",
    },
    "grammar.unknown_word": {
        "nb": 'Kjenner ikke «{given}». Etter tittelen kommer nøkkelord med verdi: {keywords}. Hører ordet til tittelen, sett hele tittelen i anførselstegn, og har tittelen selv anførselstegn, bruk «» rundt den: `«Plan "Vest"»`. Ingenting er lagret.',
        "nn": 'Kjenner ikkje «{given}». Etter tittelen kjem nøkkelord med verdi: {keywords}. Høyrer ordet til tittelen, set heile tittelen i hermeteikn, og har tittelen sjølv hermeteikn, bruk «» rundt han: `«Plan "Vest"»`. Ingenting er lagra.',
        "en": 'I don\'t know “{given}”. After the title come keywords with a value: {keywords}. If the word belongs to the title, put the whole title in quotes, and if the title has quotes in it, use «» around it: `«Plan "West"»`. Nothing was saved.',
    },
    "grammar.date_without_keyword": {
        "nb": "«{given}» ser ut som en dato, men mangler nøkkelordet foran. Skriv `{keyword} {given}`. Ingenting er lagret.",
        "nn": "«{given}» ser ut som ein dato, men manglar nøkkelordet framfor. Skriv `{keyword} {given}`. Ingenting er lagra.",
        "en": "“{given}” looks like a date, but the keyword before it is missing. Type `{keyword} {given}`. Nothing was saved.",
    },
    # A word after an item's number that no keyword takes (bot.grammar.Args.refuse_stray).
    "grammar.stray_word": {
        "nb": "Kjenner ikke «{given}». Etter nummeret kommer nøkkelord med verdi: {keywords}; for eksempel `{example}`. Ingenting er lagret.",
        "nn": "Kjenner ikkje «{given}». Etter nummeret kjem nøkkelord med verdi: {keywords}; til dømes `{example}`. Ingenting er lagra.",
        "en": "I don't know “{given}”. After the number come keywords with a value: {keywords}; for example `{example}`. Nothing was saved.",
    },
    "grammar.bad_ref": {
        "nb": "«{given}» er ikke et gyldig nummer{what}. Skriv nummeret slik det vises, for eksempel `3` eller `#3`.",
        "nn": "«{given}» er ikkje eit gyldig nummer{what}. Skriv nummeret slik det blir vist, til dømes `3` eller `#3`.",
        "en": "“{given}” is not a valid number{what}. Type the number as shown, for example `3` or `#3`.",
    },
    # Words in the names of files the bot hands out (made ASCII by bot.file_names).
    "file.actions": {"nb": "tiltak", "nn": "tiltak", "en": "actions"},
    "file.conference": {"nb": "konferanse", "nn": "konferanse", "en": "conference"},
    "file.participants": {"nb": "deltakere", "nn": "deltakarar", "en": "participants"},
    "permission.need_admin": {
        "nb": "Bare administratorer kan gjøre dette. Be en administrator om hjelp (`/partnerbot nettverk` viser hvem som er med).",
        "nn": "Berre administratorar kan gjere dette. Be ein administrator om hjelp (`/partnerbot nettverk` viser kven som er med).",
        "en": "Only admins can do this. Ask an admin for help (`/partnerbot network` shows who is in).",
    },
    "permission.need_organiser": {
        "nb": "Bare organisatorer og administratorer kan gjøre dette.",
        "nn": "Berre organisatorar og administratorar kan gjere dette.",
        "en": "Only organisers and admins can do this.",
    },
    "permission.need_organiser_in": {
        "nb": "Bare organisatorer i {partnership} og administratorer kan gjøre dette. Be en av dem: {who}.",
        "nn": "Berre organisatorar i {partnership} og administratorar kan gjere dette. Be ein av dei: {who}.",
        "en": "Only organisers in {partnership} and admins can do this. Ask one of them: {who}.",
    },
    "permission.other_partnership": {
        "nb": "Du er organisator i {mine}, men dette hører til {theirs}, og der har du ikke den rollen. Be en administrator eller en organisator i {theirs} om å gjøre det: {who}.",
        "nn": "Du er organisator i {mine}, men dette høyrer til {theirs}, og der har du ikkje den rolla. Be ein administrator eller ein organisator i {theirs} om å gjere det: {who}.",
        "en": "You are an organiser in {mine}, but this belongs to {theirs}, where you do not have that role. Ask an admin or an organiser in {theirs} to do it: {who}.",
    },
    "permission.no_partnership": {
        "nb": "nettverk uten partnerskap",
        "nn": "nettverk utan partnarskap",
        "en": "networks without a partnership",
    },
    "permission.no_partnership_object": {
        "nb": "Dette hører ikke til noe partnerskap, så bare den som laget det og administratorer kan gjøre dette. Be en administrator om hjelp.",
        "nn": "Dette høyrer ikkje til noko partnarskap, så berre den som laga det og administratorar kan gjere dette. Be ein administrator om hjelp.",
        "en": "This belongs to no partnership, so only whoever made it and admins can do this. Ask an admin for help.",
    },
    "permission.need_member": {
        "nb": "Du må være medlem for å gjøre dette.",
        "nn": "Du må vere medlem for å gjere dette.",
        "en": "You need to be a member to do this.",
    },
    "lookup.network_unknown": {
        "nb": "Finner ikke nettverket «{given}». Nettverk: {choices}.",
        "nn": "Finn ikkje nettverket «{given}». Nettverk: {choices}.",
        "en": "No network called “{given}”. Networks: {choices}.",
    },
    "lookup.network_ambiguous": {
        "nb": "«{given}» passer med flere nettverk: {choices}. Skriv mer av navnet.",
        "nn": "«{given}» passar med fleire nettverk: {choices}. Skriv meir av namnet.",
        "en": "“{given}” matches several networks: {choices}. Type more of the name.",
    },
    "lookup.network_needed": {
        "nb": "Hvilket nettverk gjelder det? Legg til `nettverk <navn>` ({choices}), eller bruk kommandoen i en kanal som er koblet til et nettverk.",
        "nn": "Kva nettverk gjeld det? Legg til `nettverk <namn>` ({choices}), eller bruk kommandoen i ein kanal som er kopla til eit nettverk.",
        "en": "Which network is this for? Add `network <name>` ({choices}), or use the command in a channel linked to a network.",
    },
    "lookup.organisation_unknown": {
        "nb": "Finner ikke organisasjonen «{given}». Kjente organisasjoner: {choices}.",
        "nn": "Finn ikkje organisasjonen «{given}». Kjende organisasjonar: {choices}.",
        "en": "No organisation called “{given}”. Known organisations: {choices}.",
    },
    "lookup.organisation_ambiguous": {
        "nb": "«{given}» passer med flere organisasjoner: {choices}. Skriv hele navnet.",
        "nn": "«{given}» passar med fleire organisasjonar: {choices}. Skriv heile namnet.",
        "en": "“{given}” matches several organisations: {choices}. Type the full name.",
    },
    "lookup.member_unknown": {
        "nb": "Finner ikke medlemmet «{given}». Medlemmer: {choices}.",
        "nn": "Finn ikkje medlemmet «{given}». Medlemer: {choices}.",
        "en": "No member called “{given}”. Members: {choices}.",
    },
    "lookup.member_ambiguous": {
        "nb": "«{given}» passer med flere medlemmer: {choices}. Skriv hele navnet slik det står her, eller nevn personen med @.",
        "nn": "«{given}» passar med fleire medlemer: {choices}. Skriv heile namnet slik det står her, eller nemn personen med @.",
        "en": "“{given}” matches several members: {choices}. Type the full name as shown here, or @mention the person.",
    },
    "role.admin": {"nb": "administrator", "nn": "administrator", "en": "admin"},
    "role.organiser": {"nb": "organisator", "nn": "organisator", "en": "organiser"},
    "role.member": {"nb": "medlem", "nn": "medlem", "en": "member"},
    "language.nb": {"nb": "bokmål", "nn": "bokmål", "en": "Norwegian Bokmål"},
    "language.nn": {"nb": "nynorsk", "nn": "nynorsk", "en": "Norwegian Nynorsk"},
    "language.en": {"nb": "engelsk", "nn": "engelsk", "en": "English"},
    "label.organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "label.role": {"nb": "Rolle", "nn": "Rolle", "en": "Role"},
    "label.language": {"nb": "Språk", "nn": "Språk", "en": "Language"},
    "label.timezone": {"nb": "Tidssone", "nn": "Tidssone", "en": "Time zone"},
    "label.networks": {"nb": "Nettverk", "nn": "Nettverk", "en": "Networks"},
    "outbox.late": {
        "nb": "⏰ Forsinket påminnelse (skulle vært sendt {due}):",
        "nn": "⏰ Forseinka påminning (skulle vore send {due}):",
        "en": "⏰ Late reminder (was due {due}):",
    },
    "outbox.failed_notice": {
        "nb": "Jeg fikk ikke levert en melding ({kind}) til {target}: {reason}. Sjekk at jeg er med i kanalen, og koble kanalen på nytt med `/partnerbot koble nettverk <navn>`.",
        "nn": "Eg fekk ikkje levert ei melding ({kind}) til {target}: {reason}. Sjekk at eg er med i kanalen, og kople kanalen på nytt med `/partnerbot kople nettverk <namn>`.",
        "en": "I could not deliver a message ({kind}) to {target}: {reason}. Check that I am in the channel, and link it again with `/partnerbot link network <name>`.",
    },
}
