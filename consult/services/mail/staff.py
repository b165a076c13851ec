"""E-mails to staff about their own account: invitations and set-password links."""
from consult.services.mail import outbox


def queue_invitation(user, link, reissued=False):
    """Queue the set-password link for `user`; the caller commits with the token it holds."""
    if reissued:
        subject = "Set a new password"
        opening = "An administrator made you a new link to set your password for Consult."
    else:
        subject = "You are invited to Consult"
        opening = "An administrator has made you an account on Consult, the partnership's consultation service."
    body = (
        f"{opening}\n\nOpen this link to choose your password. It works once and expires after 7 days:\n{link}\n\n"
        "If you did not expect this, you can ignore this e-mail."
    )
    return outbox.queue("invitation", user.email, subject, body, ref=f"user:{user.id}")
