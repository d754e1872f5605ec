"""Widgets shared by the features: one module per kind of widget, imported from that module."""
