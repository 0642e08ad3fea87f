// PlancheckCore is an umbrella and nothing else: it re-exports the layers so that an embedder, the fuzz targets and
// the tests can keep writing one `import PlancheckCore`, while the layers themselves are separate modules whose
// boundaries the compiler enforces (Package.swift says which may import which). Put no code here.
@_exported import PlancheckDefaultPack
@_exported import PlancheckDocs
@_exported import PlancheckEngine
@_exported import PlancheckReport
@_exported import PlancheckRules
@_exported import PlancheckValues
@_exported import PlancheckYAML
