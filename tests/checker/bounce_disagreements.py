"""Corpus messages where the engine's answer differs from the reference label, on purpose
or for lack of a general rule. Each entry: (file, field) -> (the engine's answer, why).

The corpus test asserts the engine still gives exactly this answer, so a change in either
direction shows up; remove an entry when the engine comes to agree with the label.
Labels are Sisimai's: some of these come from its per-provider knowledge that no provider
documents (Gmail's "(state N)", au's knowledge of its own answers), which we do not copy
because it does not generalise to other servers. Codes providers do document for senders
(Orange's OFR_/LPN codes, Cox's AUP# codes ...) are read, from checker/bounce/providers.py.
"""

DISAGREEMENTS: dict[tuple[str, str], tuple[str, str]] = {
    ("bsd/lhost-amazonses-17.eml", "status"): (
        "4.4.7", "The server's final answer is '554 4.4.7 Message expired'; the label takes the 4.4.2 of an earlier attempt quoted after it."),
    ("bsd/lhost-domino-02.eml", "reason"): (
        "userunknown", "The Japanese text says the user is not in the Domino directory; the reference cannot read Japanese and says onhold."),
    ("bsd/lhost-exchange2007-05.eml", "status"): (
        "4.4.7", "The delivery report's Status and Diagnostic-Code both say 4.4.7; 4.4.1 appears only in the human-readable text."),
    ("bsd/lhost-gmail-03.eml", "reason"): (
        "policyviolation", "'5.7.0 Header error' names no filter; the label comes from Gmail's private '(state 18)' table."),
    ("bsd/lhost-googleworkspace-01.eml", "recipient"): (
        "nekochan@example.co.jp", "The group address appears only in a part we do not read as a recipient list."),
    ("bsd/lhost-sendmail-13.eml", "reason"): (
        "mailererror", "Diagnostic-Code 'X-Unix; 77': the local delivery program failed (its transcript says the maildir is over quota); the label maps the exit code to systemerror."),
    ("bsd/lhost-sendmail-16.eml", "reason"): (
        "systemerror", "'554 ... A problem occurred' with only a bare '(BL)' tag hinting at a blocklist."),
    ("bsd/lhost-sendmail-56.eml", "status"): (
        "5.5.0", "The delivery report says 5.5.0 and the answer quoted carries no other code."),
    ("bsd/lhost-yahoo-13.eml", "reason"): (
        "expired", "'Unable to deliver message after multiple retries, giving up.' is a retry time-out."),
    ("bsd/rfc3464-01.eml", "reason"): (
        "userunknown", "The delivery report says '550 5.1.1 <addr>... User Unknown' for this recipient; the label follows the notice's 'Not enough disk space', written about another one (<nekochan>)."),
    ("bsd/rfc3464-35.eml", "reason"): (
        "userunknown", "''addr' is not a registered gateway user' reads as an unknown recipient."),
    ("bsd/rfc3834-06.eml", "recipient"): (
        "", "An auto-reply from a no-reply address about another mailbox: no failed recipient is named."),
    ("bsd/rhost-aol-06.eml", "reason"): (
        "networkerror", "'Malformed or unexpected name server reply' for the MX lookup is a DNS failure (lhost-postfix-17, the same answer, is labelled networkerror)."),
}
