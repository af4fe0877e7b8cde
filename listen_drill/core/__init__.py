"""The pure-Python core: packs, scoring, store, statistics and export. It never imports Qt."""
