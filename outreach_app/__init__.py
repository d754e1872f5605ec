"""Outreach: video sessions between officials and grassroots sites."""

__version__ = "0.1.0"
