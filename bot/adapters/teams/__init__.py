"""The Microsoft Teams adapter: activities in on POST /api/messages, replies and reminders
out through the Bot Connector REST API (Microsoft 365 Agents SDK's activity schema)."""
