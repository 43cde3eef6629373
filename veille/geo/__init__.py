"""The offline gazetteer: built from pip-installed GeoNames and ISO data, queried by name with context.

Entry points: `get_resolver()` (the process's resolver), `Resolver.resolve(name, country, context, prefer)`,
`build_gazetteer()` / `ensure_gazetteer()` (under a file lock: one process builds, the others wait),
`import_geonames(FILE)`. Exact names are looked up in memory (`index.NameIndex`, ~110 MB per process, loaded
from a snapshot next to the SQLite file); landmarks and institutions come from `landmarks`, sites named by
their noun alone from `sites`. Heavy modules load on first use only.
"""
