"""The web app and HTTP API (``dossier serve``)."""
