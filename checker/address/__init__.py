"""Address checker: is this a usable e-mail address, what is wrong, what was meant.

`check_address(text)` never raises. It reads the input in three steps:
unwrap (`unwrap.py`: what was pasted around the address), repair characters
(`characters.py`: full-width forms, look-alikes), then judge the local part
(`local_part.py`) and the domain (`domain.py`, `idn.py`, `typos.py`).
Messages live in `messages.py`, domain lists in `domains.py`.

What "valid" means: the input, exactly as typed, is a mailbox an ordinary SMTP server
accepts (RFC 5321 Mailbox; RFC 6531 for non-ASCII) at a domain mail can reach: its last
label is a top-level domain of the DNS root zone (`tlds.py`, generated from IANA's list by
scripts/update_tlds.py), not a special-use name, and the ending is not typed twice (a
two-label public suffix such as co.jp, from the Public Suffix List, or the TLD itself,
followed by another TLD). Anything around the address (a name,
mailto:, spaces, quotes, a trailing 。) makes the input invalid, with the clean address as
the suggestion. Only "error" problems make an address invalid; "warning" and "info" leave
it valid.

code                       severity  rule
-------------------------  --------  ---------------------------------------------------
empty                      error     nothing but white space
surrounding-space          error     spaces (also 　 and tabs) before or after the address
trailing-punctuation       error     . , ; : ! ? 。 、 after the address (or after the domain)
surrounding-quotes         error     "…" '…' 「…」 『…』 (…) […] 【…】 around the address
mailto                     error     mailto: in front (a ?query after it is dropped too)
display-name               error     山田 太郎 <taro@example.jp>, or a name beside it
angle-brackets             error     <taro@example.jp> with no name
label-prefix               error     E-mail: / メール： in front
comment                    error     (comment) before or after the address
multiple-addresses         error     two or more addresses in one input
space-inside               error     white space inside the address (outside quotes)
fullwidth-at               error     ＠ ﹫
fullwidth-dot              error     ．
ideographic-full-stop      error     。 ｡ used as the dot
fullwidth-character        error     full-width letters, digits, symbols (ａ １ －)
halfwidth-katakana         error     ｶﾀｶﾅ
dash-lookalike             error     ー ‐ – — − for "-" (only among ASCII characters)
lookalike-character        error     Cyrillic/Greek letters, ・ for ".", ’ for "'" (ditto)
compatibility-character    error     other characters NFKC changes (① ™ ﬁ)
invisible-character        error     control and format characters (zero-width space)
unreadable-character       error     U+FFFD, left where bytes could not be decoded
at-obfuscation             error     (at) [at] ★ アットマーク written for @
missing-at                 error     no @ (a run-together popular domain is suggested)
multiple-at                error     more than one @ outside quotes
empty-local-part           error     nothing before @
empty-domain               error     nothing after @
leading-dot                error     local part starts with "."
dot-before-at              error     local part ends with "." (old carrier addresses)
consecutive-dots           error     ".." in the local part (old carrier addresses)
invalid-local-character    error     ASCII outside RFC 5321 atext, e.g. , ( ) < > [ ] \\ :
invalid-quoted-local-part  error     quotes that do not make one RFC 5321 Quoted-string
local-part-too-long        error     more than 64 octets before @
address-too-long           error     more than 254 octets in all
domain-leading-dot         error     domain starts with "."
domain-consecutive-dots    error     ".." in the domain
comma-for-dot              error     "," in the domain
invalid-domain-character   error     not letter/digit/hyphen, or not allowed by IDNA 2008
label-hyphen               error     label starts or ends with "-" (U-labels: no "--" at 3-4)
label-too-long             error     label over 63 octets (A-label length for IDN)
invalid-idn                error     xn-- label that is not valid Punycode, unencodable label
missing-tld                error     a single-label domain (taro@gmail, taro@localhost)
numeric-tld                error     last label all digits (taro@192.0.2.1 without [ ])
invalid-tld                error     last label with digits or hyphens (not xn--)
unknown-tld                error     last label not in the root zone (gmail.c, company.cojp, .con);
                                     a near popular domain or a dotless ending is suggested
special-use-tld            error     .test .example .invalid .localhost (RFC 2606, 6761), .local
                                     (RFC 6762), .onion (RFC 7686), .alt (RFC 9476), .internal
doubled-suffix             error     the ending twice: docomo.ne.jp.jp, example.co.jp.com (the
                                     last label is dropped in the suggestion)
invalid-address-literal    error     [...] that is not IPv4 or IPv6:...
quoted-local-part          warning   "taro yamada"@example.jp: legal, unusual
address-literal            warning   taro@[192.0.2.1]: legal, unusual
smtputf8-local-part        warning   non-ASCII local part: needs SMTPUTF8 on both sides
special-use-domain         warning   example.com, example.jp ... (RFC 2606, JPRS): documentation names
domain-typo                warning   near a popular domain (gmial.com, gmail.co.jp) or a
                                     mistyped ending (.con): the suggestion fixes it
idn-domain                 info      Unicode domain; the punycode form is in ascii_address
legacy-carrier-address     info      dot rules broken at a mobile-carrier domain: a real
                                     mailbox many servers refuse; its dots are never "fixed"

Suggestions are offered only when the corrected address itself checks valid, except for an
old carrier address: there the suggestion repairs the other slips and keeps the dots.
"""
from checker.address.check import check_address
from checker.address.report import AddressReport, Problem

__all__ = ["AddressReport", "Problem", "check_address"]
