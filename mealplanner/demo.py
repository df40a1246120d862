"""Demo data for `make run`. seed() returns (username, password, description) for each login it made."""


def seed() -> list[tuple[str, str, str]]:
    return []
