"""The temporal layer: French date expressions found in text and resolved against the publication date."""
