"""French: one normaliser and fold (`text`), the closed-class words (`words`), the noun phrase (`phrases`).

Every layer compares words through these, so "d’" and "d'", "État" and "etat" are the same key everywhere.
"""
