"""The offline gazetteer: built from pip-installed GeoNames and ISO data, queried by name with context.

Entry points: `get_resolver()` (the process's resolver), `Resolver.resolve(name, country, context, prefer)`,
`build_gazetteer()` / `ensure_gazetteer()`, `import_geonames(FILE)`. Heavy modules load on first use only.
"""
