"""Accounts module (客户档案): search page, detail pane, account dialog and table model."""
