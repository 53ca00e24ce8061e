"""GasHall core: domain rules, services and storage, usable without a screen."""

__version__ = "0.1.0"
