"""The URI allow-list: http, https, URNs and local: pass; every classic link-injection trick fails."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from continuum.lib.uris import (
    is_safe_uri,
    is_web_url,
    unsafe_uris,
    validate_safe_uri,
    without_unsafe_uris,
)

SAFE = [
    "https://case.example.org/ims/case/v1p1/CFItems/31bc7f47",
    "http://corestandards.org/Math/Content/6/RP/A/1/",
    "HTTPS://Example.org/path?query=1#fragment",
    "https://example.org:8443/case",
    "https://例え.jp/標準",
    "urn:uuid:31bc7f47-248f-55dd-9ddf-2e70ec7cdba3",
    "urn:ims:case:CFItems:abc",
    "URN:continuum:bef4142c",
    "local:f3d4f2c7-b14d-5a30-8a3b-48f15ad0506c",
]

UNSAFE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript://example.org/%0aalert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u200bscript:alert(1)",
    "\u00a0javascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "javascript%3Aalert(1)",
    "%6Aavascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "//evil.example.org/",
    "/\\evil.example.org",
    "https:\\\\evil.example.org",
    "https:/\\evil.example.org",
    "https://evil.example.org\\@good.example.org",
    "https://user:pass@example.org/",
    "https:evil.example.org",
    "https://",
    "http:///path-without-host",
    "https://example.org:99999/",
    "https://example.org ",
    "urn:",
    "urn:x:",
    "urn:-bad:thing",
    "local:",
    "local:a/b",
    "local:<script>",
    "relative/path",
    "/absolute/path",
    "#fragment",
    "",
    "https://example.org/" + "a" * 2000,
]


@pytest.mark.parametrize("uri", SAFE)
def test_http_https_and_urns_are_safe(uri):
    assert is_safe_uri(uri)


@pytest.mark.parametrize("uri", UNSAFE)
def test_a_classic_link_injection_is_refused(uri):
    assert not is_safe_uri(uri)


def test_only_http_and_https_are_web_urls_a_browser_follows():
    assert is_web_url("https://example.org/")
    assert not is_web_url("urn:uuid:31bc7f47-248f-55dd-9ddf-2e70ec7cdba3")
    assert not is_web_url("local:31bc7f47-248f-55dd-9ddf-2e70ec7cdba3")
    assert not is_web_url("javascript:alert(1)")


def test_anything_that_is_not_a_string_is_refused():
    assert not is_safe_uri(None)
    assert not is_safe_uri(["https://example.org/"])


def test_the_validator_names_the_refused_value():
    with pytest.raises(ValidationError) as refused:
        validate_safe_uri("javascript:alert(1)")
    assert refused.value.code == "unsafe_uri"
    assert "javascript:alert(1)" in refused.value.messages[0]
    validate_safe_uri("https://example.org/")  # no exception


_SCHEME = st.from_regex(r"[A-Za-z][A-Za-z0-9+.\-]{0,10}", fullmatch=True)


@given(scheme=_SCHEME, rest=st.text(min_size=1, max_size=40))
def test_no_scheme_but_http_https_urn_and_local_is_ever_safe(scheme, rest):
    if is_safe_uri(f"{scheme}:{rest}"):
        assert scheme.lower() in {"http", "https", "urn", "local"}


@given(
    prefix=st.text(
        alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), min_size=1, max_size=3
    ),
    scheme=st.sampled_from(["javascript", "JaVaScRiPt", "vbscript", "data", "https"]),
)
def test_invisible_characters_around_a_scheme_are_always_refused(prefix, scheme):
    assert not is_safe_uri(f"{prefix}{scheme}://example.org/")
    assert not is_safe_uri(f"{scheme[:2]}{prefix}{scheme[2:]}://example.org/")


@given(st.text(max_size=60))
def test_a_safe_uri_always_starts_with_an_allowed_scheme_and_has_no_backslash(text):
    if is_safe_uri(text):
        assert text.lower().startswith(("http://", "https://", "urn:", "local:"))
        assert "\\" not in text
        assert text == text.strip()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["uri", "url", "licenseURI", "officialSourceURL", "title", "notes"]),
            children | st.sampled_from(["javascript:alert(1)", "https://example.org/", ""]),
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(_JSON)
def test_stripping_leaves_no_unsafe_uri_and_keeps_everything_else(data):
    stripped = without_unsafe_uris(data)
    assert list(unsafe_uris(stripped)) == []
    assert without_unsafe_uris(stripped) == stripped
    if not list(unsafe_uris(data)):
        assert stripped == data


def test_stripping_drops_unsafe_uri_keys_in_nested_case_objects():
    package = {
        "CFDocument": {"uri": "javascript:alert(1)", "title": "javascript:alert(1)"},
        "CFAssociations": [
            {"destinationNodeURI": {"identifier": "x", "uri": "data:text/html,<b>"}},
            {"destinationNodeURI": {"identifier": "y", "uri": "https://example.org/y"}},
        ],
    }
    assert without_unsafe_uris(package) == {
        "CFDocument": {"title": "javascript:alert(1)"},  # text is not a link: it stays
        "CFAssociations": [
            {"destinationNodeURI": {"identifier": "x"}},
            {"destinationNodeURI": {"identifier": "y", "uri": "https://example.org/y"}},
        ],
    }
    assert [path for path, _ in unsafe_uris(package)] == [
        ("CFDocument", "uri"),
        ("CFAssociations", 0, "destinationNodeURI", "uri"),
    ]
