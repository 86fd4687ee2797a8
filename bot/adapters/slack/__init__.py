"""The Slack adapter: slash commands, buttons, forms and reminders through slack-bolt."""
