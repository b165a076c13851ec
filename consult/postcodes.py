"""UK postcodes: turn what a resident typed into its district (outward code), the only part stored."""
import re

# Outward code (district) then an optional inward code. Spaces are optional when typed.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")


def postcode_district(text):
    """'ca28 7ab' -> 'CA28'; 'CA28' -> 'CA28'; anything that is not a postcode -> None."""
    cleaned = re.sub(r"\s+", " ", (text or "").strip().upper())
    match = _POSTCODE.match(cleaned)
    if not match:
        return None
    return match.group(1)


def area_for_district(areas, district):
    """The area whose postcode districts include `district`, or None."""
    for area in areas:
        if district in area.districts:
            return area
    return None
