"""A small province-shaped fixture from the bench's generator, for query budgets.

Post-2025 shape (commune committees directly under the province), about 1,000 members in
30 branches of three communes, cases at every stage. tests/conftest.py makes it a fixture of
every test: ask for `province` and log in as `province.organizer` (the whole province) or
`province.committee` (the first commune).
"""

import pytest

from ptdv.bench import synthetic

SIZE = synthetic.Size(members=1_200, branches=30, communes=3, cases=150)


@pytest.fixture
def province(db) -> synthetic.Province:
    return synthetic.province(SIZE)
