"""Administration (系统管理): users, audit log, hall settings, this desktop, passwords."""
