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
from app.persistence.orm.cashier import (
    CashMovement,
    CashSession,
    DayClose,
    IcPurchase,
    Payment,
    PaymentBill,
    PaymentTender,
    ReceiptPrint,
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

__all__ = ["Account", "AuditEntry", "Base", "Bill", "BillLine", "CashMovement", "CashSession",
           "ChainHead", "Counter", "CounterCategory", "Customer", "DayClose", "Hall",
           "HallCounter", "IcPurchase", "LedgerEntry", "ManagerNote", "Meter", "Payment",
           "PaymentBill", "PaymentTender", "QueueCall", "QueueCategory", "QueueSettings",
           "Reading", "ReadingBatch", "ReadingRule", "ReceiptPrint", "TariffVersion", "Ticket",
           "User"]
