"""Use cases, one module per feature; they speak Command/Reply and never import a platform."""
