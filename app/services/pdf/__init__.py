"""Printed documents written as PDF with reportlab: fonts and the queue ticket."""
