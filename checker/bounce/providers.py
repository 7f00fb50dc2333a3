"""Error codes that large mail providers put in their refusals and document for senders.

A provider's own code names the cause more precisely than the SMTP status it comes with
("550 5.2.0 Mail rejected. OFR_506" is Orange's spam refusal, though 5.2.0 is a mailbox
status), so the rule table (rules.py) ranks these rows first. Only codes the provider
publishes for senders belong here; codes are matched in lower case, as the judge sees them.
"""
from __future__ import annotations

# Orange / Wanadoo ("OFR_506", "OFR005_505") and La Poste ("LPN006_107", "LPNAAA_101")
# end their refusals with a code whose last three digits name the cause (Orange's
# postmaster error code list).
ORANGE_CAUSES: dict[str, str] = {
    "101": "blocked",          # sending IP on a blocklist
    "102": "blocked",          # sending IP blocked for spam incidents
    "103": "blocked",          # service refused to this IP
    "104": "ratelimited",      # too many connections
    "107": "requireptr",       # the sending IP has no usable reverse DNS
    "305": "securityerror",    # invalid authentication code
    "401": "authfailure",      # SPF: not allowed to send
    "402": "securityerror",    # authentication required
    "403": "rejected",         # invalid sender
    "405": "rejected",         # invalid sender
    "415": "rejected",         # invalid sender
    "416": "userunknown",      # invalid recipient
    "417": "mailboxfull",      # recipient over quota
    "420": "suspend",          # recipient mailbox archived
    "421": "rejected",         # MAIL FROM not owned by the user
    "426": "suspend",          # recipient account blocked
    "505": "systemerror",      # service refused after DATA, try later
    "506": "spamdetected",     # message rejected as spam
    "510": "blocked",          # service refused after DATA
    "514": "emailtoolarge",    # message size limit reached
    "517": "authfailure",      # DMARC verification failed
    "630": "policyviolation",  # client host rejected by policy
    "999": "ratelimited",      # temporary refusal: too many connections or messages, retry later
}

# Codes other providers print in the refusal text: (code as it appears, reason, source).
_COX = "Cox: e-mail error codes for senders (AUP# codes; IPBL/URLBL codes are families)"
_AOL = "AOL postmaster: SMTP error codes (RLY/DYN/CON/RTR: the sending IP refused; DNS:NR no reverse DNS; HVU: content)"
_OUTLOOK = "Microsoft Outlook.com: postmaster error list (SC-/DY-/OU- codes: IP refused; RP- codes: rate limits)"
# 5.7.1 "Delivery not authorized" (AuthRequired, NotAuthorized) and 5.7.133-5.7.136: the
# recipient (a group, a mailbox) takes mail only from the senders its organisation allows,
# often only its own signed-in users. The mail was sent; this sender is refused, as by a
# closed list. (Not a sign-in failure of the customer's own server, whatever the words.)
_EXCHANGE_RST = "Microsoft: Exchange Online NDR reference (5.7.1 Delivery not authorized; 5.7.133-5.7.136)"
_YAHOO = "Yahoo Sender Hub: SMTP error codes (TS/TSS codes: deferrals for the sending IP; BL codes: blocklists)"
_TENCENT = "Tencent QQ Mail: help for senders on returned mail (550 'Mailbox not found or access denied': no such mailbox)"
_NETEASE = "NetEase (163.com, 126.com) postmaster: 退信代码说明 (the HL/MI/RP/DT/WM codes of its refusals)"
_SOPHOS = "Sophos Email: SMTP error codes (docs.sophos.com, XGEMAIL_00nn codes)"
_MIMECAST = "Mimecast: SMTP error codes (community.mimecast.com, 'Mimecast SMTP Error Codes'; each names the policy that refused)"
PROVIDER_TOKENS: tuple[tuple[str, str, str], ...] = (
    ("aup#cxbl", "blocked", _COX),
    ("aup#cdrbl", "blocked", _COX),
    ("aup#ipbl", "blocked", _COX),
    ("aup#cxdns", "requireptr", _COX),
    ("aup#cxsndr", "authfailure", _COX),
    ("aup#cxsmtp", "rejected", _COX),
    ("aup#cxcnct", "ratelimited", _COX),
    ("aup#cxmxrt", "ratelimited", _COX),
    ("aup#cxthrt", "securityerror", _COX),
    ("aup#urlbl", "spamdetected", _COX),
    ("sc-001", "blocked", _OUTLOOK),
    ("sc-002", "blocked", _OUTLOOK),
    ("sc-003", "blocked", _OUTLOOK),
    ("sc-004", "blocked", _OUTLOOK),
    ("dy-001", "blocked", _OUTLOOK),
    ("dy-002", "blocked", _OUTLOOK),
    ("ou-001", "blocked", _OUTLOOK),
    ("ou-002", "blocked", _OUTLOOK),
    ("rp-001", "ratelimited", _OUTLOOK),
    ("rp-002", "ratelimited", _OUTLOOK),
    ("rp-003", "ratelimited", _OUTLOOK),
    ("resolver.rst.authrequired", "rejected", _EXCHANGE_RST),
    ("resolver.rst.notauthorized", "rejected", _EXCHANGE_RST),
    ("resolver.rst.sendernotauthenticatedforgroup", "rejected", _EXCHANGE_RST),
    ("resolver.rst.sendernotauthenticatedformailbox", "rejected", _EXCHANGE_RST),
    ("resolver.rst.sendernotauthenticatedforpublicfolder", "rejected", _EXCHANGE_RST),
    ("resolver.rst.sendernotauthenticatedformailuser", "rejected", _EXCHANGE_RST),
    ("ts03", "blocked", _YAHOO),          # all messages from the IP permanently deferred
    ("tss09", "blocked", _YAHOO),
    ("tss04", "badreputation", _YAHOO),   # unexpected volume or user complaints
    ("tss07", "badreputation", _YAHOO),
    ("bl21", "blocked", _YAHOO),
    ("bl22", "blocked", _YAHOO),
    ("bl23", "blocked", _YAHOO),
    ("mcspamsignature", "spamdetected", _MIMECAST),
    ("host network not allowed", "policyviolation", _MIMECAST),        # a geographical restriction policy
    ("anti-spoofing policy", "policyviolation", _MIMECAST),
    ("content examination policy", "policyviolation", _MIMECAST),
    ("envelope blocked", "rejected", _MIMECAST),  # a blocked senders policy: the administrator's or the user's entry
    ("block policy for envelope from", "rejected", _MIMECAST),
    ("block policy for header from", "rejected", _MIMECAST),
    ("spf sender invalid", "authfailure", _MIMECAST),
    ("dkim sender invalid", "authfailure", _MIMECAST),
    ("dmarc sender invalid", "authfailure", _MIMECAST),
    ("local ct ip reputation", "badreputation", _MIMECAST),
    ("ip temporarily blacklisted", "blocked", _MIMECAST),
    ("open relay not allowed", "norelaying", _MIMECAST),
    ("account inbounds disabled", "notaccept", _MIMECAST),
    ("maximum email size exceeded", "emailtoolarge", _MIMECAST),
    ("mailbox not found or access denied", "userunknown", _TENCENT),
    ("dt:spm", "spamdetected", _NETEASE),
    ("dt:rbl", "blocked", _NETEASE),
    ("hl:ihu", "blocked", _NETEASE),   # the IP suspended for what it sent
    ("hl:ipb", "blocked", _NETEASE),   # the IP not among those allowed to send
    ("hl:rep", "blocked", _NETEASE),   # the IP banned for a while: many unknown recipients
    ("hl:mep", "blocked", _NETEASE),   # the IP banned for a while: forged sender domains
    ("hl:icc", "ratelimited", _NETEASE),
    ("hl:ifc", "ratelimited", _NETEASE),
    ("mi:sfq", "ratelimited", _NETEASE),
    ("mi:dmc", "ratelimited", _NETEASE),
    ("rp:drc", "ratelimited", _NETEASE),
    ("rp:rcl", "ratelimited", _NETEASE),
    ("mi:spf", "authfailure", _NETEASE),
    ("rp:frl", "norelaying", _NETEASE),
    ("wm:bli", "blocked", _NETEASE),
    ("wm:blu", "rejected", _NETEASE),
    ("xgemail_0001", "authfailure", _SOPHOS),    # no valid DKIM signature
    ("xgemail_0002", "authfailure", _SOPHOS),    # SPF failed
    ("xgemail_0003", "authfailure", _SOPHOS),    # DMARC failed
    ("xgemail_0004", "blocked", _SOPHOS),        # the sending IP on a blocklist
    ("xgemail_0005", "badreputation", _SOPHOS),  # the sender's domain on a domain blocklist
    ("xgemail_0006", "failedstarttls", _SOPHOS),  # the TLS version the recipient's policy requires
    ("xgemail_0008", "rejected", _SOPHOS),       # the sender on the administrator's block list
    ("xgemail_0009", "rejected", _SOPHOS),       # the sender on the recipient's own block list
    ("xgemail_0010", "norelaying", _SOPHOS),     # the recipient's domain is not one it receives for
    ("xgemail_0011", "userunknown", _SOPHOS),
    ("xgemail_0012", "emailtoolarge", _SOPHOS),
    ("xgemail_0014", "ratelimited", _SOPHOS),    # the recipient's inbound rate limit for one sender
    ("xgemail_0015", "ratelimited", _SOPHOS),    # the recipient's inbound rate limit for all senders
    ("rly:b1", "blocked", _AOL),
    ("rly:b2", "blocked", _AOL),
    ("rly:b3", "blocked", _AOL),
    ("dyn:t1", "blocked", _AOL),
    ("con:b1", "blocked", _AOL),
    ("rtr:bb", "blocked", _AOL),
    ("dns:nr", "requireptr", _AOL),
    ("hvu:b1", "spamdetected", _AOL),
)
