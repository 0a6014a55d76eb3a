"""One citizen ID, one person: checked with a message that reveals only what the user may know.

The database keeps the rule (``Person.citizen_id`` is unique); this module words the refusal.
An editor may learn that an ID belongs to a person in their own scope, and is told who, so
they can open that record instead of typing it again. For an ID held outside their scope
the message is the same neutral sentence wherever the holder is (another branch, another
province), so the form cannot be used to test whether an ID exists somewhere in the country.
"""

from collections.abc import Callable
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ptdv.people.models import Person

NEUTRAL_MESSAGE = _(
    "Không thể dùng số CCCD này. Nếu người này đã được quản lý ở đơn vị khác, "
    "hãy liên hệ Ban Tổ chức cấp trên."
)


Link = Callable[[Person], str] | None


def refusal(citizen_id: str | None, user, *, exclude_pk=None, link: Link = None) -> ValidationError | None:
    """The refusal for giving `citizen_id` to a new or changed person, or None if it is free.

    `link(person)`, given by a page, is the address of the holder's record: the name becomes a link.
    """
    if not citizen_id:
        return None
    holders = Person.objects.filter(citizen_id=citizen_id).exclude(pk=exclude_pk)
    if not holders.exists():
        return None
    known = holders.visible_to(user).select_related("unit").first()
    if known is None:
        return ValidationError(NEUTRAL_MESSAGE, code="unique")
    message = gettext("Số CCCD này đã có trong hệ thống: {name} ({unit}, mã {pk}).")
    details = {"unit": known.unit.name, "pk": known.pk}
    if link:
        name = format_html('<a href="{}">{}</a>', link(known), known.full_name)
        return ValidationError(format_html(message, name=name, **details), code="unique")
    return ValidationError(message.format(name=known.full_name, **details), code="unique")


@contextmanager
def unique_citizen_id(person: Person, user, *, link: Link = None):
    """Save `person` inside this block; a simultaneous save of the same ID that won the race
    is answered with the same refusal as a sequential duplicate, never a server error."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        lost = refusal(person.citizen_id, user, exclude_pk=person.pk, link=link)
        if lost is None:
            raise
        raise ValidationError({"citizen_id": lost}) from None
