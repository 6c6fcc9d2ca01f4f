from tests.rounds.fixtures import media, officer, seed_bytes, seed_dict, ubon  # noqa: F401
