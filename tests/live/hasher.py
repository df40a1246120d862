"""A password hasher for the live tests: Django's MD5 one, which also appends a line to the file named by
COUNT_PASSWORD_CHECKS_FILE each time it checks a password, so a test can count the checks made by every
worker process of a server."""

import os

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingMD5PasswordHasher(MD5PasswordHasher):
    def verify(self, password, encoded):
        path = os.environ.get("COUNT_PASSWORD_CHECKS_FILE")
        if path:
            # O_APPEND: one short write is atomic, so lines from concurrent workers never mix.
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, b"checked\n")
            finally:
                os.close(fd)
        return super().verify(password, encoded)
