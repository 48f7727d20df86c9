"""What the ban means: a bottom line in plain words with its day count from the facts, and core's
briefing, tailored to the scan, with every source and date behind "Why?"."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimeZone
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from core.flow import Stage
from gui.pages.flow_page import FlowPage

if TYPE_CHECKING:
    from core.facts import Fact


class BanPage(FlowPage):
    stage = Stage.BAN

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What the ban means for you"))
        self.setSubTitle(self.tr("What changed, and what it means for this computer."))
        self.headline = self.bottom_line()
        form = QFormLayout()
        self.us_person = QComboBox()
        self.us_person.addItem(self.tr("Yes"), True)
        self.us_person.addItem(self.tr("No"), False)
        self.us_person.addItem(self.tr("Not sure"), None)
        label = QLabel(self.tr("Do you live or work in the &United States?"))
        label.setBuddy(self.us_person)
        self.us_person.setAccessibleName(self.tr("Do you live or work in the United States?"))
        form.addRow(label, self.us_person)
        self.body.addLayout(form)
        self.guess_note = self.paragraph(name=self.tr("How the answer was chosen"))
        self.details = self.why(self.tr("Briefing"))
        self.text = self.details.text
        self.us_person.currentIndexChanged.connect(self.render)
        self.us_person.activated.connect(self.remember)  # the person's own choice, not a guess set here
        self._answer_shown = False

    def enter(self) -> None:
        if not self._answer_shown:
            self._answer_shown = True
            self.show_first_answer()
        self.render()

    def show_first_answer(self) -> None:
        """The answer the person gave before (asked once), or else a guess that says it is a guess."""
        from core.settings import load_settings

        saved = load_settings()
        if saved.us_person is not None:
            answer = saved.us_person_value
            note = self.tr("Your answer from last time. Change it here if it is no longer right.")
        else:
            from core.briefing import guess_us_person

            answer = guess_us_person(
                QLocale.system().name(), bytes(QTimeZone.systemTimeZoneId().data()).decode()
            )
            note = self.tr("Our guess from your language and time zone settings; change it if it is wrong.")
        self.us_person.blockSignals(True)
        self.us_person.setCurrentIndex(self.us_person.findData(answer))
        self.us_person.blockSignals(False)
        self.guess_note.setText(note)

    def remember(self, _index: int) -> None:
        """The person chose an answer: save it, so that it is asked only once."""
        self.session.remember_us_person(self.us_person.currentData())
        self.guess_note.setText(self.tr("Your answer is saved on this computer for next time."))

    def headline_text(self, us_person: bool | None) -> str:
        """The ban in one sentence; the date and the day count come from the sourced facts."""
        from core.facts import load_facts, load_texts
        from gui.translations import core_language

        stop = load_facts().by_id["updates-stop"]
        texts = load_texts(core_language())
        since = date.fromisoformat(stop.date[:10])
        values = {
            "date": texts.format_date(stop.date),
            "days": texts.count("days", (date.today() - since).days),
        }
        if us_person is True:
            return self.tr(
                "Since {date}, {days} ago, Kaspersky may not send its US customers any updates. Using it "
                "is not against the law, but it protects you less every day."
            ).format(**values)
        if us_person is False:
            return self.tr(
                "The US ban does not cover you: outside the United States Kaspersky is still updated. "
                "Whether to switch is your choice; the details list what governments have said."
            )
        return self.tr(
            "If you live or work in the United States, Kaspersky has sent you no updates since {date}, "
            "{days} ago. Using it is not against the law, but it protects you less every day."
        ).format(**values)

    def render(self) -> None:
        from core.briefing import build_briefing
        from gui.translations import core_language

        self.session.us_person = self.us_person.currentData()
        self.headline.setText(self.headline_text(self.session.us_person))
        briefing = build_briefing(
            self.session.scan, us_person=self.session.us_person, today=date.today(), language=core_language()
        )
        parts: list[str] = []
        for section in briefing.sections:
            parts.append(f"<h3>{html.escape(section.title)}</h3>")
            parts.extend(f"<p>{html.escape(p)}</p>" for p in section.paragraphs)
            sources: dict[str, Fact] = {}
            for fact in section.facts:
                sources.setdefault(fact.source_url, fact)  # one link per source, with its first fact's date
            if sources:
                links = "".join(
                    f'<li><a href="{html.escape(f.source_url)}">{html.escape(f.source_title)}</a>'
                    f" ({html.escape(str(f.date))})</li>"
                    for f in sources.values()
                )
                label = html.escape(self.tr("Sources:"))  # outside the f-string, where lupdate finds it
                parts.append(f"<p><small>{label}</small></p><ul>{links}</ul>")
        self.text.setHtml("".join(parts))
