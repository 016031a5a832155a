"""Outputs: renderings and exports derived from the data model."""
