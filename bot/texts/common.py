"""Texts shared by every feature: errors, help framing, confirmations."""

TEXTS = {
    "error.unexpected": {
        "nb": "Noe gikk galt hos meg. Ingenting er lagret. Prøv igjen om litt.",
        "nn": "Noko gjekk gale hos meg. Ingenting er lagra. Prøv igjen om litt.",
        "en": "Something went wrong on my side. Nothing was saved. Please try again shortly.",
    },
}
