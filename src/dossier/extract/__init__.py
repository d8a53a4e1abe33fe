"""Extraction: entities, times, quantities, events and relations from a clean document."""
