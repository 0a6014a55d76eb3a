"""The units and villages an import may name: those of the importing user's scope.

Loaded once per import (a province has a few thousand units and villages), so a row's unit
code is one dictionary lookup. A code outside the scope is told apart from a code that does
not exist only by the words "không có trong phạm vi": the user learns no more than the pages
tell them (a unit page out of scope is a 404 like a missing one), and nothing is written there.
"""

from django.utils.translation import gettext as _

from ptdv.exchange.values import Invalid
from ptdv.org.models import Unit, Village
from ptdv.people.names import fold


def village_key(text: str) -> str:
    return fold(text)


class Places:
    def __init__(self, user):
        self.user = user
        self.units = {u.code: u for u in Unit.objects.visible_to(user)}
        self._by_id = {u.pk: u for u in self.units.values()}
        self._known_outside: dict[str, bool] = {}
        self.villages: dict[str, list[Village]] = {}
        for village in Village.objects.visible_to(user).select_related("branch"):
            self.add_village(village)

    def add_unit(self, unit: Unit) -> None:
        """A unit created by this import (or rehearsed in its preview) may be named by later rows."""
        self.units[unit.code] = unit
        if unit.pk:
            self._by_id[unit.pk] = unit

    def add_village(self, village: Village) -> None:
        for key in {village_key(str(village)), village_key(village.name)}:
            self.villages.setdefault(key, []).append(village)

    def unit_by_id(self, pk):
        return self._by_id.get(pk)

    def _exists_outside(self, code: str) -> bool:
        if code not in self._known_outside:
            self._known_outside[code] = Unit.objects.filter(code=code).exists()
        return self._known_outside[code]

    def unit(self, code: str) -> Unit:
        """The unit of `code` in scope; Invalid naming why not."""
        unit = self.units.get(code)
        if unit is not None:
            return unit
        if self._exists_outside(code):
            raise Invalid(_("Đơn vị mã %(c)s không có trong phạm vi của bạn.") % {"c": code})
        raise Invalid(_("Không có đơn vị nào mã %(c)s.") % {"c": code})

    def branch(self, code: str, on=None) -> Unit:
        """The branch of `code` in scope, active on `on` when given."""
        unit = self.unit(code)
        if not unit.is_branch:
            raise Invalid(_("%(u)s (mã %(c)s) không phải là chi bộ.") % {"u": unit.name, "c": code})
        if on is not None and not unit.active_on(on):
            raise Invalid(
                _("Chi bộ %(u)s không hoạt động vào ngày %(d)s.")
                % {"u": unit.name, "d": on.strftime("%d/%m/%Y")}
            )
        return unit

    def village(self, label: str, branch_code: str | None) -> Village:
        """The village called `label` ("Thôn Phya Mạ" or "Phya Mạ") in scope; when two in scope
        bear the name, the code of its branch tells them apart."""
        found = self.villages.get(village_key(label), [])
        if branch_code:
            found = [v for v in found if v.branch.code == branch_code]
        unique = list({v.pk: v for v in found}.values())
        if not unique:
            raise Invalid(_("Không có thôn “%(v)s” trong phạm vi của bạn.") % {"v": label[:100]})
        if len(unique) > 1:
            raise Invalid(
                _("Có %(n)s thôn tên “%(v)s”; hãy ghi mã chi bộ của thôn để chọn đúng thôn.")
                % {"n": len(unique), "v": label[:100]}
            )
        return unique[0]
