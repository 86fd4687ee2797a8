"""The chat platforms: the console (console.py), Slack (slack/) and Teams (teams/). Each
turns its platform's events into Commands for the router, renders Replies in its own
markup (escaping every user text there), and gives the dispatcher a Messenger that sends
the outbox rows of its platform."""
