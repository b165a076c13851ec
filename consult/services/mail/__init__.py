"""E-mail: settings, the outbox, delivery over SMTP, and the messages Consult sends.

Every message is written to the outbox in the transaction of the event that causes it
(`outbox.queue`), then delivered after the request (`delivery`), by `flask mail deliver`, or
(issue 19) by a job. Nothing here reads `request` or `current_user`.
"""
