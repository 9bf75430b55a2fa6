"""Per-page values for the prose placeholders (hooks/placeholders.py): one module per page."""
