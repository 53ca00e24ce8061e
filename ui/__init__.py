"""GasHall windows: the PySide6 user interface over the services of app/."""
