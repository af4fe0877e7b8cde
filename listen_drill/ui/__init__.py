"""The Qt layer: windows, widgets and item models over the pure-Python core."""
