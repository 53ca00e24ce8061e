"""App-wide events of one session, so modules can follow the visit (the visit thread) together."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.domain.queue import Rating
from app.services.dto import TicketInfo


class AppEvents(QObject):
    """Signals that several modules listen to; one instance per logged-in session.

    The composition root creates it and hands it to the pages that publish or follow events.
    A module that records something for a customer (a form, a payment, an appointment) links it
    to ``current_visit``, the queue ticket being served at this counter.
    """

    visit_changed = Signal(object)  # TicketInfo of the ticket served at this counter, or None
    visit_finished = Signal(object)  # TicketInfo of a ticket whose service has just finished
    rating_recorded = Signal(int, object)  # ticket id, Rating the customer pressed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visit: TicketInfo | None = None

    @property
    def current_visit(self) -> TicketInfo | None:
        """The ticket called or in service at this counter, or None between customers."""
        return self._visit

    def set_visit(self, visit: TicketInfo | None) -> None:
        """Make ``visit`` the current one; emits ``visit_changed`` only when something changed.

        Args:
            visit: The ticket at this counter (called or in service), or None.
        """
        if visit == self._visit:
            return
        self._visit = visit
        self.visit_changed.emit(visit)

    def finish_visit(self, visit: TicketInfo) -> None:
        """Tell listeners that ``visit`` was finished; the counter has no visit any more.

        Args:
            visit: The ticket as the service returned it after finishing.
        """
        self.set_visit(None)
        self.visit_finished.emit(visit)

    def record_rating(self, ticket_id: int, rating: Rating) -> None:
        """Tell listeners that the customer rated the service of ``ticket_id``."""
        self.rating_recorded.emit(ticket_id, rating)
