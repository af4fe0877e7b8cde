"""Bundled resources: lexicons, schemas, icons and styles, read with importlib.resources."""
