"""From raw input to a BounceReport: read, find recipients, judge, attach notices."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from checker.bounce import freetext, mime, signin
from checker.bounce.document import (
    MAX_INPUT_BYTES,
    MICROSOFT_COMPLAINT_HEADER,
    Document,
    read_document,
)
from checker.bounce.dsn import DsnRecipient
from checker.bounce.judge import Evidence, judge, names_a_reason
from checker.bounce.original import original_facts
from checker.bounce.phrases import (
    AUTOREPLY_SUBJECT_PREFIXES,
    DELAY_PHRASES,
    DELIVERED_PHRASES,
    GIVE_UP_PHRASES,
    VACATION_PHRASES,
)
from checker.bounce.reasons import AUTH_COMMAND, SENDER, actor_for, permanence
from checker.bounce.report import (
    BAD_BASE64,
    FRAGMENT_UNDECIDED,
    NOTHING_FOUND,
    TOO_DEEP,
    TRUNCATED,
    UNKNOWN_CHARSET,
    BounceReport,
    Notice,
    OriginalMessage,
    RecipientResult,
)
from checker.bounce.stages import find_stage
from checker.errors import BINARY, EMPTY, UnreadableInput

if TYPE_CHECKING:
    from checker.bounce.sesjson import SesNotice

# Control bytes that never occur in mail text (tab, newlines, form feed and the ESC of
# ISO-2022-JP do): many of them mean binary data, a few are dropped.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20), 0x7f])


def analyze_bounce(data: bytes | str) -> BounceReport:
    """Read a bounce (whole message, pasted fragment or single line) and judge it."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="replace")
    data = _readable_bytes(data)
    return build_report(read_document(data))


def _readable_bytes(data: bytes) -> bytes:
    if not data.strip():
        raise UnreadableInput(EMPTY)
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls * 10 > len(sample):
        raise UnreadableInput(BINARY)
    return data.translate(None, _CONTROL_BYTES) if controls else data


def build_report(doc: Document) -> BounceReport:
    subject = doc.header("subject")
    general = subject + "\n" + doc.human_text
    excluded = _sender_side_addresses(doc)
    notice = _ses_notice(doc)
    if notice:
        kind, results = notice.kind, _ses_results(notice)
    elif doc.feedback_report or _microsoft_complainer(doc):
        kind, results = "feedback", _feedback_results(doc)
    elif _is_autoreply(doc, subject):
        kind, results = "autoreply", _autoreply_results(doc)
    else:
        # What failed comes first: a report on several recipients may list a delivered one first.
        results = sorted(_failure_results(doc, general, excluded), key=lambda result: result.reason == "delivered")
        kind = _kind(results)
        sign_in = _sign_in_result(doc, results)
        if sign_in is not None:
            kind, results = "signin", [sign_in]
    return BounceReport(kind=kind, results=tuple(results), original=_original(doc),
                        facts=original_facts(doc.original_headers or [], doc.header("date")),
                        notices=tuple(_notices(doc, results)))


def _failure_results(doc: Document, general: str, excluded: set[str]) -> list[RecipientResult]:
    findings = freetext.scan(doc.human_text, excluded)
    by_address = {f.recipient.lower(): f for f in findings}
    dsn_recipients = [r for report in doc.dsn_reports for r in report.recipients]
    if len(dsn_recipients) == 1:
        # A report about one recipient: the bounce's text is about it too, even where the
        # text names it otherwise (an alias, a program it was piped to) or not at all.
        lone = findings[0] if len(findings) == 1 else freetext.whole_text_finding(doc.human_text)
        return [_from_dsn(dsn_recipients[0], by_address, lone)]
    if dsn_recipients:
        return [_from_dsn(r, by_address) for r in dsn_recipients]
    failed = _failed_recipients(doc)
    if failed:
        return [_from_text(_finding_about(address, by_address, doc), complete=not doc.is_fragment)
                for address in failed]
    if findings:
        return [_from_text(f, complete=not doc.is_fragment) for f in findings]
    return _without_recipient(doc, general, _looks_like_bounce(doc, subject=_opening(doc, general)))


def _failed_recipients(doc: Document) -> list[str]:
    """The addresses a bounce's X-Failed-Recipients header names (Exim's bounces carry it,
    Exim specification chapter 'Bounce messages'; Gmail's too): the recipients, where the
    text also names others (the sender's alias, a contact address)."""
    value = doc.header("x-failed-recipients")
    return list(dict.fromkeys(freetext.find_addresses(value))) if value else []


def _finding_about(address: str, by_address: dict[str, freetext.TextFinding], doc: Document) -> freetext.TextFinding:
    """What the text says about a recipient: its own lines, or else the whole text."""
    found = by_address.get(address.lower())
    return found if found is not None else replace(freetext.whole_text_finding(doc.human_text), recipient=address)


def _opening(doc: Document, general: str) -> str:
    """What shows a bounce at a glance: the subject, or for a paste its first lines."""
    if doc.is_fragment:
        return " ".join(doc.human_text[:400].split())
    return general.split("\n", 1)[0]


def _sign_in_result(doc: Document, results: list[RecipientResult]) -> RecipientResult | None:
    """A mail app's error on sending (or the SMTP AUTH reply it quotes) pasted instead of a
    bounce: nothing was sent, so there is no recipient (an address in the dialog is the
    account's or the one it was to go to), and the answer is the app's."""
    if doc.dsn_reports:
        return None
    text = doc.header("subject") + "\n" + doc.human_text
    row = signin.sign_in_wording(text)
    if row is None:
        return None
    # An app's own dialog, pasted, is the app's whatever the server it quotes said; a server's
    # reply alone is a sign-in's only when the judge read it as one.
    dialog = row.from_app and doc.is_fragment
    bounce = any(r.recipient for r in results) and _looks_like_bounce(doc, subject=_opening(doc, text))
    if not dialog and (bounce or any(r.reason not in row.readings for r in results)):
        return None  # a bounce that quotes an AUTH reply is a bounce
    status, replycode = freetext.first_status(text), freetext.first_replycode(text)
    if not row.from_app and replycode and replycode not in row.replies:
        # "authentication required" under a 550 is a recipient's restriction, not an AUTH
        # reply (RFC 4954 section 6 answers AUTH with 530, 534, 535, 538 or 454).
        return None
    return RecipientResult(recipient="", reason="securityerror", status=status, replycode=replycode,
                           action="failed", diagnostic=signin.quoted_line(text, row), command=AUTH_COMMAND,
                           permanent=permanence("securityerror", status, replycode), actor=SENDER)


def _from_dsn(record: DsnRecipient, by_address: dict[str, freetext.TextFinding],
              lone: freetext.TextFinding | None = None) -> RecipientResult:
    recipient = record.final or record.original
    finding = by_address.get(recipient.lower()) or by_address.get(record.original.lower()) or lone
    context = finding.context if finding else ""
    text_diagnostic = finding.diagnostic if finding else ""
    diagnostic = record.diagnostic or text_diagnostic
    status = _precise_status(record, text_diagnostic)
    replycode = freetext.first_replycode(diagnostic) or (finding.replycode if finding else "")
    # The report's Diagnostic-Code and the text's own quote of the answer are often the same.
    answer = diagnostic if text_diagnostic in diagnostic else diagnostic + "\n" + text_diagnostic
    evidence = Evidence(answer=answer, notice=context, status=status,
                        replycode=replycode, stage=find_stage(diagnostic) or (finding.stage if finding else ""),
                        action=record.action, diagnostic_type=record.diagnostic_type, category=record.category,
                        recipient=recipient,
                        names_recipient=_quotes(diagnostic, recipient, record.original))
    remote = record.remote_host or freetext.find_remote_host(diagnostic) or (finding.remote_host if finding else "")
    return _result(evidence, record.action or "failed", remote, sent_to=_sent_to(record))


def _sent_to(record: DsnRecipient) -> str:
    """The Original-Recipient where it is another address than the Final-Recipient."""
    original, final = record.original, record.final
    if "@" not in original or not final or original.replace('"', "").lower() == final.replace('"', "").lower():
        return ""
    return original


def _precise_status(record: DsnRecipient, text_diagnostic: str) -> str:
    """The remote server's own code is more precise than the report's summary code."""
    answered = freetext.first_status(record.diagnostic)
    if answered:
        return answered
    if not record.status or record.status.endswith(".0.0"):
        return freetext.first_status(text_diagnostic) or record.status
    return record.status


def _quotes(text: str, *addresses: str) -> bool:
    lowered = text.lower()
    return any(address and address.lower() in lowered for address in addresses)


def _ses_notice(doc: Document) -> SesNotice | None:
    """An Amazon SES notification pasted as JSON; its reader (and json) load only for one."""
    if doc.dsn_reports or "notificationType" not in doc.human_text:
        return None
    from checker.bounce import sesjson
    return sesjson.read_notice(doc.human_text)


def _ses_results(notice: SesNotice) -> list[RecipientResult]:
    results = []
    for person in notice.recipients:
        evidence = Evidence(answer=person.diagnostic, action=person.action,
                            status=person.status or freetext.first_status(person.diagnostic),
                            replycode=freetext.first_replycode(person.diagnostic), recipient=person.recipient)
        results.append(_result(evidence, person.action, "", reason=person.reason))
    return results


def _from_text(finding: freetext.TextFinding, complete: bool) -> RecipientResult:
    if finding.status[:1] == "2" or _says_any(finding.context, DELIVERED_PHRASES):  # '250 2.1.5 Ok', or Outlook's words
        action = "delivered"
    elif _still_trying(finding.context) and finding.status[:1] != "5":
        action = "delayed"
    else:
        action = "failed"
    diagnostic = finding.diagnostic
    if not complete and not names_a_reason(diagnostic):
        # A paste has lost its line structure (re-wrapped, quoted): when the line found says
        # no reason, the answer may run on past it, so the judge reads the lines around it.
        diagnostic += "\n" + finding.context
    evidence = Evidence(answer=diagnostic, notice=finding.context, status=finding.status,
                        replycode=finding.replycode, stage=finding.stage, action=action, recipient=finding.recipient,
                        names_recipient=_quotes(finding.diagnostic, finding.recipient))
    return _result(evidence, action, finding.remote_host)


def _without_recipient(doc: Document, general: str, bounce: bool) -> list[RecipientResult]:
    """No address found: a single line, a subject, a paste without the address, or a
    bounce that names the recipient only in the returned message."""
    text = doc.human_text.strip() or general.strip()
    status = freetext.first_status(general)
    replycode = freetext.first_replycode(general)
    # Words alone make a bounce of a paste ("Mailbox full"), not of a whole mail that comes
    # from a person and says nothing of a delivery (a newsletter, a message about a full mailbox).
    worded = (bounce or doc.is_fragment) and names_a_reason(general)
    if not (bounce or status or replycode or worded):
        return []
    recipient = _original_recipient(doc)
    if not (status or replycode or worded):
        # A bounce that gives no reason at all; a delay warning is still a delay.
        delayed = _still_trying(text)
        return [_result(Evidence(recipient=recipient), "delayed" if delayed else "failed", "",
                        reason="expired" if delayed else "undefined")]
    evidence = Evidence(answer=freetext.without_field_name(text[:1000]), notice=text, status=status, replycode=replycode,
                        stage=find_stage(general), recipient=recipient)
    return [_result(evidence, "failed", freetext.find_remote_host(text[:2000]))]


def _result(evidence: Evidence, action: str, remote_host: str, reason: str = "", sent_to: str = "") -> RecipientResult:
    reason = reason or judge(evidence)
    diagnostic = evidence.answer.split("\n", 1)[0].strip() or evidence.answer.strip()
    return RecipientResult(
        recipient=evidence.recipient,
        reason=reason,
        status=evidence.status,
        replycode=evidence.replycode,
        action=action,
        remote_host=remote_host,
        diagnostic=diagnostic,
        command=evidence.stage,
        permanent=permanence(reason, evidence.status, evidence.replycode),
        actor=actor_for(reason),
        address_problems=address_problems(evidence.recipient),
        sent_to=sent_to,
    )


def address_problems(recipient: str) -> tuple[str, ...]:
    if not recipient:
        return ()
    try:
        from checker.address import check_address
        report = check_address(recipient)
        return tuple(problem.code for problem in report.problems)
    except Exception:  # the address checker is a separate component; never let it sink a report
        return ()


def _microsoft_complainer(doc: Document) -> str:
    """JMRP returns the complained-of message as the report or attached to it."""
    for key, value in [*doc.headers, *(doc.original_headers or ())]:
        if key == MICROSOFT_COMPLAINT_HEADER:
            return _strip_address(value)
    return ""


def _feedback_results(doc: Document) -> list[RecipientResult]:
    """A complaint (ARF, RFC 5965, or Microsoft's JMRP): who complained and what kind."""
    fields = dict(mime.split_headers(doc.feedback_report.lstrip("\n"))[0])
    recipient = (_strip_address(fields.get("original-rcpt-to", "")) or _microsoft_complainer(doc)
                 or _original_recipient(doc))
    feedback_type = fields.get("feedback-type", "abuse" if _microsoft_complainer(doc) else "")
    return [RecipientResult(recipient=recipient, reason="feedback", diagnostic=feedback_type,
                            permanent=None, actor=actor_for("feedback"),
                            address_problems=address_problems(recipient))]


def _is_autoreply(doc: Document, subject: str) -> bool:
    if doc.dsn_reports:
        return False
    if doc.is_fragment:
        return (_sounds_like_vacation(doc.human_text) and not freetext.first_status(doc.human_text)
                and not names_a_reason(doc.human_text))
    sender = freetext.find_addresses(doc.header("from"))
    if sender and freetext.is_system_address(sender[0]):
        return False
    if subject.strip().lower().startswith(AUTOREPLY_SUBJECT_PREFIXES):
        return True
    marked = (doc.header("auto-submitted").lower().startswith("auto-replied")
              or doc.header("x-autoreply") or doc.header("x-autorespond")
              or doc.header("precedence").lower() == "auto_reply")
    return bool(marked) and not (freetext.first_status(doc.human_text) or names_a_reason(doc.human_text))


def _sounds_like_vacation(text: str) -> bool:
    return _says_any(text[:3000], VACATION_PHRASES)


def _autoreply_results(doc: Document) -> list[RecipientResult]:
    sender = freetext.find_addresses(doc.header("from"))
    recipient = sender[0] if sender else ""
    return [RecipientResult(recipient=recipient, reason="vacation", action="", permanent=None,
                            diagnostic=doc.human_text.strip().split("\n", 1)[0][:200],
                            actor=actor_for("vacation"))]


def _kind(results: list[RecipientResult]) -> str:
    if not results:
        return "not-bounce"
    if all(r.reason == "delivered" for r in results):
        return "delivered"
    failing = [r for r in results if r.reason != "delivered"]
    if all(r.action == "delayed" for r in failing):
        return "delayed"
    return "bounce"


_BOUNCE_SUBJECT_WORDS = ("undeliver", "undelivered", "returned mail", "delivery status notification",
                         "delivery failure", "failure notice", "mail delivery failed", "delivery failed",
                         "could not be delivered", "not delivered", "mail system error", "エラー", "不達",
                         "配信不能", "配信できません", "delivery has failed", "could not send message",
                         "unable to deliver", "wasn't able to deliver", "permanent fatal error")


def _looks_like_bounce(doc: Document, subject: str) -> bool:
    if doc.dsn_reports or doc.header("auto-submitted").strip().lower() not in ("", "no"):  # RFC 3834 section 5
        return True
    sender = freetext.find_addresses(doc.header("from"))
    if sender and (freetext.is_system_address(sender[0]) or _is_list_administrator(sender[0])):
        return True
    lowered = subject.lower()
    return any(word in lowered for word in _BOUNCE_SUBJECT_WORDS)


def _is_list_administrator(address: str) -> bool:
    """A mailing list's own address for its notices: list-request (RFC 2142), and list-owner,
    list-bounces or owner-list (GNU Mailman's and majordomo's manuals)."""
    local = address.split("@", 1)[0].lower()
    return local.endswith(("-owner", "-request", "-bounces")) or local.startswith("owner-")


def _says_any(text: str, phrases: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(phrase in lowered for phrase in phrases)


def _still_trying(text: str) -> bool:
    """The notice warns of a delay and does not say that the retrying has stopped."""
    return _says_any(text, DELAY_PHRASES) and not _says_any(text, GIVE_UP_PHRASES)


def _sender_side_addresses(doc: Document) -> set[str]:
    names = [doc.header("to"), doc.header("from"), doc.header("reply-to")]
    if doc.original_headers:
        names += [value for key, value in doc.original_headers if key in ("from", "return-path", "sender")]
    return {address.lower() for value in names for address in freetext.find_addresses(value)}


def _original_recipient(doc: Document) -> str:
    for key, value in doc.original_headers or ():
        if key == "to":
            addresses = freetext.find_addresses(value)
            if len(addresses) == 1:
                return addresses[0]
    return ""


def _strip_address(value: str) -> str:
    found = freetext.find_addresses(value)
    return found[0] if found else ""


def _original(doc: Document) -> OriginalMessage | None:
    if not doc.original_headers:
        return None
    values = {}
    for key, value in doc.original_headers:
        if key in ("subject", "date", "to") and key not in values:
            values[key] = mime.decode_header_value(value)
    return OriginalMessage(**values) if values else None


def _notices(doc: Document, results: list[RecipientResult]) -> list[Notice]:
    notices = []
    if doc.truncated:
        notices.append(Notice(TRUNCATED, str(MAX_INPUT_BYTES // 1024 // 1024)))
    if doc.state.too_deep:
        notices.append(Notice(TOO_DEEP))
    for charset in sorted(doc.state.unknown_charsets):
        notices.append(Notice(UNKNOWN_CHARSET, charset[:40]))
    if doc.state.bad_base64:
        notices.append(Notice(BAD_BASE64))
    if not results:
        notices.append(Notice(NOTHING_FOUND))
    elif doc.is_fragment and all(result.reason in ("undefined", "onhold") for result in results):
        notices.append(Notice(FRAGMENT_UNDECIDED))
    return notices
