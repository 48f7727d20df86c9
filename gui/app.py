"""Placeholder window until the wizard lands."""

from __future__ import annotations


def main(demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("Switchover")
    label.show()
    return app.exec()
