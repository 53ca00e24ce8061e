"""ORM mappings of GasHall's tables; importing this package registers them all."""

from app.persistence.orm.accounts import Account, Customer, Meter
from app.persistence.orm.base import Base
from app.persistence.orm.billing import (
    Bill,
    BillLine,
    LedgerEntry,
    Reading,
    ReadingBatch,
    ReadingRule,
    TariffVersion,
)
from app.persistence.orm.queue import (
    CounterCategory,
    HallCounter,
    ManagerNote,
    QueueCall,
    QueueCategory,
    QueueSettings,
    Ticket,
)
from app.persistence.orm.system import AuditEntry, ChainHead, Counter, Hall, User

__all__ = ["Account", "AuditEntry", "Base", "Bill", "BillLine", "ChainHead", "Counter",
           "CounterCategory", "Customer", "Hall", "HallCounter", "LedgerEntry", "ManagerNote",
           "Meter", "QueueCall", "QueueCategory", "QueueSettings", "Reading", "ReadingBatch",
           "ReadingRule", "TariffVersion", "Ticket", "User"]
