"""Fetching minutes from a council's ModernGov web service: client, service parsing, writer."""
