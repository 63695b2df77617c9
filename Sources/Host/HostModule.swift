// IDGenHost: manifest discovery, registry, pipeline wiring and validation, runners, external-plugin bridges.
@_exported import IDGenPlugins
