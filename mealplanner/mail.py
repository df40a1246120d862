"""Plain-text e-mail whose lines are never broken.

With e-mail's usual 78-character lines a long link goes out as quoted-printable, split by "=" soft
breaks, and a link copied from a terminal (the console backend in development) or a plain mail reader
then fails. 998 is the longest line e-mail allows (RFC 5322), so the body stays 7-bit or 8-bit text.
"""

from email.policy import default as default_email_policy

from django.conf import settings
from django.core.mail import EmailMessage

WHOLE_LINES = default_email_policy.clone(max_line_length=998)


class WholeLinesEmail(EmailMessage):
    def message(self, *, policy=WHOLE_LINES):
        return super().message(policy=policy)


def send_plain(*, subject: str, body: str, to: str) -> None:
    """Send one plain-text e-mail from the app's address; raises what the mail backend raises."""
    WholeLinesEmail(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()
