"""Offline Slack test harness: a fake Slack Web API, signed requests, a bot process."""
