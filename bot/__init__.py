"""partnerbot: a chat bot for Norwegian regional partnership networks."""
