"""prep-app: an offline family-preparedness plan organizer for workshops."""
__version__ = "0.1.0"
