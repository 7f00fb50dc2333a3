"""Domain knowledge as data: popular mail domains of Japanese customers, real domains that
merely look like typos of them, mobile-carrier domains, special-use names. The root zone's
TLDs and the public suffixes are generated data, in `tlds.py`.

Add to these lists freely; the typo finder (`typos.py`) and the rules read them as they are.
"""
from __future__ import annotations

# Popular mail domains, most likely first: on a tie the earlier one is suggested.
POPULAR_DOMAINS: tuple[str, ...] = (
    "gmail.com",
    "yahoo.co.jp",
    "icloud.com",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "au.com",
    "softbank.ne.jp",
    "i.softbank.jp",
    "outlook.jp",
    "outlook.com",
    "hotmail.co.jp",
    "hotmail.com",
    "ymobile.ne.jp",
    "nifty.com",
    "biglobe.ne.jp",
    "ocn.ne.jp",
    "live.jp",
    "me.com",
    "rakumail.jp",
    "uqmobile.jp",
)

# Real mail domains close to a popular one: never "corrected".
REAL_DOMAINS: frozenset[str] = frozenset(POPULAR_DOMAINS) | frozenset({
    "yahoo.com", "ymail.com", "yahoo.ne.jp", "ybb.ne.jp", "mail.com", "email.com", "gmx.com",
    "gmx.net", "gmx.de", "aol.com", "msn.com", "live.com", "mac.com", "googlemail.com",
    "protonmail.com", "proton.me", "zoho.com", "cloud.com", "qq.com", "naver.com", "so-net.ne.jp",
    "plala.or.jp", "dion.ne.jp", "excite.co.jp", "infoseek.jp", "goo.jp", "disney.ne.jp",
    "pdx.ne.jp", "willcom.com", "emnet.ne.jp", "y-mobile.ne.jp", "nifty.ne.jp",
})

# Mobile carriers whose old addresses may break the RFC (a dot before @, "..").
CARRIER_DOMAINS: frozenset[str] = frozenset({
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp",
    "vodafone.ne.jp", "disney.ne.jp", "ymobile.ne.jp", "y-mobile.ne.jp", "emnet.ne.jp",
    "pdx.ne.jp", "willcom.com", "uqmobile.jp", "rakumail.jp",
})

# Last labels reserved for testing, documentation and private networks, not in the root zone,
# so no mail reaches them: RFC 2606 and 6761 (example, test, invalid, localhost), RFC 6762
# (local), RFC 7686 (onion), RFC 9476 (alt), ICANN's reservation of "internal" (2024).
SPECIAL_USE_TLDS: frozenset[str] = frozenset({
    "example", "test", "invalid", "localhost", "local", "onion", "alt", "internal",
})

# Whole domains reserved for examples (RFC 2606; the .jp ones by the JP registry).
SPECIAL_USE_DOMAINS: frozenset[str] = frozenset({
    "example.com", "example.net", "example.org", "example.jp", "example.co.jp",
    "example.ne.jp", "example.or.jp", "example.ac.jp", "example.ad.jp", "example.ed.jp",
    "example.go.jp", "example.gr.jp", "example.lg.jp",
})

# Endings the typo finder recognises when splitting "name.ending" (longest match wins).
KNOWN_ENDINGS: tuple[str, ...] = (
    "co.jp", "ne.jp", "or.jp", "ac.jp", "ad.jp", "ed.jp", "go.jp", "gr.jp", "com.jp",
    "com", "net", "org", "jp", "co", "ne",
)

# Endings customers confuse with each other (each pair counts as one typing slip).
ENDING_SWAPS: frozenset[frozenset[str]] = frozenset(frozenset(pair) for pair in (
    ("com", "co.jp"), ("com", "com.jp"), ("co.jp", "com.jp"), ("co.jp", "jp"),
    ("com", "jp"), ("com", "ne.jp"), ("ne.jp", "co.jp"), ("ne.jp", "jp"), ("com", "net"),
    ("com", "co"), ("ne.jp", "or.jp"), ("ne.jp", "ne"), ("co.jp", "or.jp"),
))

# Last labels that are not top-level domains but slips of common ones.
TLD_TYPOS: dict[str, str] = {
    "con": "com", "cmo": "com", "ocm": "com", "comm": "com", "xom": "com", "vom": "com",
    "cpm": "com", "c0m": "com", "coom": "com", "clm": "com", "cim": "com", "nte": "net",
    "ogr": "org", "jpn": "jp", "pj": "jp", "jpp": "jp",
}
