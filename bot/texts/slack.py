"""Texts for the Slack adapter: modal forms and delivery notes."""

TEXTS = {
    "slack.more_not_shown": {
        "nb": "Meldingen er for lang for Slack; resten vises ikke her. Kjør kommandoen på nytt for å se alt.",
        "nn": "Meldinga er for lang for Slack; resten blir ikkje vist her. Køyr kommandoen på nytt for å sjå alt.",
        "en": "The message is too long for Slack; the rest is not shown here. Run the command again to see it all.",
    },
    "slack.form.title_label": {"nb": "Tittel", "nn": "Tittel", "en": "Title"},
    "slack.form.time_label": {
        "nb": "{label}: klokkeslett",
        "nn": "{label}: klokkeslett",
        "en": "{label}: time",
    },
    "slack.form.time_hint": {
        "nb": "Valgfritt. Uten klokkeslett gjelder hele dagen.",
        "nn": "Valfritt. Utan klokkeslett gjeld heile dagen.",
        "en": "Optional. Without a time it is the whole day.",
    },
    "slack.form.flags_label": {"nb": "Valg", "nn": "Val", "en": "Options"},
    "slack.form.submit": {"nb": "Lagre", "nn": "Lagre", "en": "Save"},
    "slack.form.close": {"nb": "Avbryt", "nn": "Avbryt", "en": "Cancel"},
    "slack.form.title_missing": {
        "nb": "Skriv en tittel.",
        "nn": "Skriv ein tittel.",
        "en": "Type a title.",
    },
    "slack.form.date_missing": {
        "nb": "Velg en dato til klokkeslettet, eller fjern klokkeslettet.",
        "nn": "Vel ein dato til klokkeslettet, eller fjern klokkeslettet.",
        "en": "Pick a date for the time, or clear the time.",
    },
    "slack.form.bad_date": {
        "nb": "Velg datoen i datovelgeren.",
        "nn": "Vel datoen i datoveljaren.",
        "en": "Pick the date in the date picker.",
    },
    "slack.form.bad_time": {
        "nb": "Velg klokkeslettet i tidsvelgeren (TT:MM).",
        "nn": "Vel klokkeslettet i tidsveljaren (TT:MM).",
        "en": "Pick the time in the time picker (HH:MM).",
    },
    "slack.not_in_channel": {
        "nb": "Jeg er ikke med i denne kanalen, så jeg kan ikke poste her på egen hånd. Inviter meg med `/invite @partnerbot` for påminnelser og oppdaterte meldinger.",
        "nn": "Eg er ikkje med i denne kanalen, så eg kan ikkje poste her på eiga hand. Inviter meg med `/invite @partnerbot` for påminningar og oppdaterte meldingar.",
        "en": "I am not in this channel, so I cannot post here on my own. Invite me with `/invite @partnerbot` for reminders and updated messages.",
    },
    "slack.file_failed": {
        "nb": "Jeg fikk ikke lastet opp filen {name} ({reason}). Sjekk at jeg er med i kanalen.",
        "nn": "Eg fekk ikkje lasta opp fila {name} ({reason}). Sjekk at eg er med i kanalen.",
        "en": "I could not upload the file {name} ({reason}). Check that I am in the channel.",
    },
}
