from tests.cases.conftest import ready  # noqa: F401 (a case with a complete dossier, for the API's tests too)
