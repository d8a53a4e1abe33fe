"""Extraction: entities, times, quantities, events and relations from a clean document.

``run.extract(doc)`` parses the text once and calls each extractor module in turn.
"""
