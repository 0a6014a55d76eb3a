"""A province consent names its purpose and satisfies only that rule."""

from datetime import date

import pytest

from ptdv.cases.facts import facts_for
from ptdv.cases.models import ConsentPurpose, DocumentKind
from tests.cases.conftest import blocking_codes

pytestmark = pytest.mark.django_db


def _over_60(case):
    case.person.birth_date = date(1960, 1, 1)
    case.person.save()
    return case


def _consent(case, purpose):
    case.documents.create(kind=DocumentKind.PROVINCE_CONSENT, purpose=purpose, date=date(2025, 1, 20))


def test_a_consent_for_readmission_does_not_silence_age_max_for_someone_never_a_member(world, ready):
    _consent(_over_60(ready), ConsentPurpose.READMISSION)
    assert "AGE_MAX" in blocking_codes(ready, world.alice)


def test_a_consent_for_someone_over_60_satisfies_age_max(world, ready):
    _consent(_over_60(ready), ConsentPurpose.OVER_60)
    assert "AGE_MAX" not in blocking_codes(ready, world.alice)


def test_each_consent_is_read_only_for_its_own_rule(world, ready):
    _consent(ready, ConsentPurpose.OVER_60)
    _consent(ready, ConsentPurpose.OTHER)
    facts = facts_for(ready)
    assert facts.province_consent_over_60 == date(2025, 1, 20)
    assert facts.province_consent_readmission is None and facts.province_consent_elder is None
    _consent(ready, ConsentPurpose.READMISSION)
    _consent(ready, ConsentPurpose.ELDER)
    facts = facts_for(ready)
    assert facts.province_consent_readmission == facts.province_consent_elder == date(2025, 1, 20)


def test_a_province_consent_is_refused_without_its_purpose(world, ready, client_for):
    client = client_for(world.alice)
    url = f"/ho-so/{ready.pk}/ghi/giay-to/"
    refused = client.post(url, {"kind": "PROVINCE_CONSENT", "date": "2025-01-20"})
    assert refused.status_code == 400 and "về việc gì" in refused.content.decode()
    assert not ready.documents.filter(kind=DocumentKind.PROVINCE_CONSENT).exists()
    client.post(url, {"kind": "PROVINCE_CONSENT", "purpose": "OVER_60", "date": "2025-01-20"})
    assert ready.documents.get(kind=DocumentKind.PROVINCE_CONSENT).purpose == "OVER_60"
