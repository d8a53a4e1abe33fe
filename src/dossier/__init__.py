"""Dossier: turn the articles written about a relationship between countries into a
cited, checkable knowledge base."""

__version__ = "0.1.0"
