"""Mention extractors (one module per kind of mention) and the event extractor that combines them."""
