"""User-facing texts, one module per feature; bot.i18n merges them."""
