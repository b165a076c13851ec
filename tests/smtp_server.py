"""A real SMTP server in the test process (aiosmtpd), and what arrived at it."""
import socket
from contextlib import contextmanager
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """aiosmtpd's handler: keeps each message as an email.message.EmailMessage, with its envelope."""

    def __init__(self):
        self.messages = []
        self.envelopes = []
        self.port = None
        self.refuse = set()  # addresses the server answers "550 no such mailbox"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(message_from_bytes(envelope.original_content or envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    def texts(self):
        """Every message whole, headers and body, as text: for checking what never goes out."""
        return [message.as_string() for message in self.messages]


def start(mailbox, port=None):
    controller = Controller(mailbox, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    mailbox.port = controller.port
    return controller


@contextmanager
def running_mailbox():
    """A Mailbox behind a running server on a free local port, stopped afterwards."""
    box = Mailbox()
    controller = start(box)
    try:
        yield box
    finally:
        controller.stop()
