"""Language layers: what veille knows about a language itself (normalisation, closed-class words, phrases)."""
