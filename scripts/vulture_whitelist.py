"""Names vulture reports as unused that are used, by a framework or by data (read by `vulture`, see pyproject.toml).

Every line says who uses the name. Add a name here only when that is true; dead code is deleted instead.
"""

# ruff: noqa
_ = object()

__getattr__  # veille/__init__.py: module-level lazy attributes (PEP 562), called by Python
_.note  # RefinementSpec.note: a comment field of triggers.yaml, kept so the schema accepts it
_.exc_info  # Store.__exit__: the context-manager protocol's signature
_.line_breaks  # veille/nlp.py: a spaCy component, registered by its decorator and added by name
# ScopeFile's cue lists (event_scope.yaml): compiled by iteration, read by key (`lexicon.cues["months"]`)
_.negation_adverbs, _.negation_determiners, _.negation_prepositions, _.blocking_governors, _.modal_governors
_.denial_governors, _.blocking_before_noun, _.blocking_after_noun, _.hypothetical_marks, _.generic_cues
_.aggregate_cues, _.instrument_words, _.instrument_heads, _.possession_verbs, _.threat_governors, _.generic_marks
_.person_triggers, _.statement_governors, _.claim_governors, _.equipment_heads, _.continuation_verbs
_.opinion_verbs, _.membership_cues, _.period_marks

# Unused names in packages other branches are reworking (reported to them; delete these lines once they land):
given_country  # veille/geo/resolver.py (geo branch)

# Schema fields read through `model_dump()` or `getattr` by the compile step (veille/resources/schemas.py)
_.killed, _.weekdays, _.relative_days, _.anchored_days, _.parts_of_day, _.boundaries, _.hours, _.month_leads
_.year_blockers, _.future_governors, _.planning_verbs
_.SCHEMAS  # veille/resources/schemas.py: the file -> schema table tests/resources/test_schemas.py checks

# urllib's protocols, called by name by the standard library (veille/ingest/fetch.py)
_.disallow_all, _.allow_all  # RobotFileParser attributes read by can_fetch()
_.max_redirections  # HTTPRedirectHandler's limit, read by redirect_request()
_.http_request, _.https_request, _.http_open, _.https_open  # OpenerDirector dispatches on these names
_._create_connection  # http.client.HTTPConnection.connect() calls it
