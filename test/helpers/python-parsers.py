"""Reads feeds and calendars back with Python's feedparser and icalendar (Debian's packages).

Called once per test file by python-parsers.ts: argv[1] is a JSON file holding a list of
{"kind": "ics" | "feed", "path": "..."}; prints a JSON list of results in the same order.
A document that does not parse gives {"error": "..."} (icalendar) or bozo 1 (feedparser).
"""
import json
import sys

import feedparser
import icalendar


def text(value):
    return None if value is None else str(value)


def when(prop):
    if prop is None:
        return None
    value = prop.dt
    return value.isoformat()


def calendar(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        # icalendar raises on a malformed content line, a bad value or unbalanced components
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # noqa: BLE001 - the message is the answer
        return {"error": f"{type(error).__name__}: {error}"}
    errors = []
    for component in cal.walk():
        for name, message in getattr(component, "errors", []) or []:
            errors.append(f"{component.name}.{name}: {message}")
    events = []
    for event in cal.walk("VEVENT"):
        alarms = [text(a.get("TRIGGER").to_ical().decode()) for a in event.walk("VALARM")]
        sequence = event.get("SEQUENCE")
        events.append(
            {
                "uid": text(event.get("UID")),
                "summary": text(event.get("SUMMARY")),
                "description": text(event.get("DESCRIPTION")),
                "location": text(event.get("LOCATION")),
                "url": text(event.get("URL")),
                "status": text(event.get("STATUS")),
                "sequence": None if sequence is None else int(sequence),
                "dtstart": when(event.get("DTSTART")),
                "dtstartType": None if event.get("DTSTART") is None else type(event.get("DTSTART").dt).__name__,
                "dtend": when(event.get("DTEND")),
                "organizer": text(event.get("ORGANIZER")),
                "alarms": alarms,
            }
        )
    return {
        "name": text(cal.get("X-WR-CALNAME")),
        "errors": errors,
        "events": events,
    }


def feed(path):
    with open(path, "rb") as handle:
        parsed = feedparser.parse(handle.read())
    return {
        "bozo": int(bool(parsed.bozo)),
        "bozoException": text(parsed.get("bozo_exception")),
        "version": parsed.version,
        "title": parsed.feed.get("title"),
        "entries": [
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "published": e.get("published"),
                "updated": e.get("updated"),
            }
            for e in parsed.entries
        ],
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        jobs = json.load(handle)
    out = [calendar(job["path"]) if job["kind"] == "ics" else feed(job["path"]) for job in jobs]
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
