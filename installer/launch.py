"""Entry script that PyInstaller freezes into GasHall.exe: it starts the GUI (``ui.main.main``)."""

from ui.main import main

if __name__ == "__main__":
    raise SystemExit(main())
