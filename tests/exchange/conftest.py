import pytest


@pytest.fixture(autouse=True)
def import_folder(settings, tmp_path):
    """Uploads and progress files of the tests' jobs go to the test's own folder."""
    settings.PTDV_IMPORT_DIR = tmp_path / "imports"
    return settings.PTDV_IMPORT_DIR
