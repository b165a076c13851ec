"""Receipt codes: what a resident quotes to have their response deleted, not linked to anything personal."""
import secrets

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L or U to misread
RECEIPT_LENGTH = 10  # 30**10 is about 2**49: not guessable, and short enough to read out


def new_receipt_code():
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def format_receipt_code(code):
    """'ABCDEFGHJK' -> 'ABCDE-FGHJK', easier to read out over the phone."""
    return f"{code[:5]}-{code[5:]}" if code else ""


def normalise_receipt_code(text):
    """What a resident or officer typed -> the stored form, or None if it cannot be a code."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(cleaned) != RECEIPT_LENGTH or any(ch not in RECEIPT_ALPHABET for ch in cleaned):
        return None
    return cleaned
