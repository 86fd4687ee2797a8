"""The one ASGI web app (`partnerbot serve`) and what runs it."""
