"""Authoring helpers: init, new, checkin, status, export and import."""
