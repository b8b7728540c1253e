"""The built-in rule packs of framelint: one YAML file per technique, shipped inside the package."""
