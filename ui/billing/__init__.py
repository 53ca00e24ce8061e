"""Billing set-up for managers: tariff versions (阶梯气价) and the reading checks per gas use."""
