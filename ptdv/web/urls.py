from django.urls import path

from ptdv.web.views import cases, dashboard, lookups, members, paperwork, people, reports, todo, units
from ptdv.web.views import exports as list_exports

app_name = "web"
urlpatterns = [
    path("", dashboard.dashboard, name="home"),
    path("don-vi/", units.tree, name="tree"),
    path("don-vi/<int:pk>/", units.unit_detail, name="unit"),
    path("don-vi/<int:pk>/so-du-bi/", paperwork.unit_register, name="unit-register"),
    path("don-vi/<int:pk>/bieu-mau/", paperwork.unit_batch, name="unit-batch"),
    path("don-vi/<int:pk>/<slug:act>/", units.reorganise, name="reorganise"),
    path("dang-vien/", members.member_list, name="members"),
    path("dang-vien/<int:pk>/", members.member_detail, name="member"),
    path("dang-vien/<int:pk>/su-kien/", members.member_event, name="member-event"),
    path("dang-vien/<int:pk>/so-the-ho-so/", members.member_record, name="member-record"),
    path("ho-so/", cases.board, name="board"),
    path("ho-so/moi/", cases.case_new, name="case-new"),
    path("ho-so/<int:pk>/", cases.case_detail, name="case"),
    path("ho-so/<int:pk>/chuyen/<slug:stage>/", cases.case_move, name="case-move"),
    path("ho-so/<int:pk>/ghi/<slug:kind>/", cases.case_record, name="case-record"),
    path("ho-so/<int:pk>/ghi/<slug:kind>/<int:record>/sua/", cases.case_record_edit, name="case-record-edit"),
    path("ho-so/<int:pk>/ghi/<slug:kind>/<int:record>/huy/", cases.case_record_void, name="case-record-void"),
    path("ho-so/<int:pk>/hoan-tac/", cases.case_undo, name="case-undo"),
    path("ho-so/<int:pk>/bieu-mau/<slug:slug>/", paperwork.case_form, name="case-form"),
    path("ho-so/<int:pk>/ban-quet/<slug:kind>/<int:record>/", paperwork.scan_upload, name="scan-upload"),
    path("ban-quet/<int:pk>/", paperwork.scan_open, name="scan"),
    path("ban-quet/<int:pk>/huy/", paperwork.scan_withdraw, name="scan-withdraw"),
    path("viec-can-lam/", todo.todo, name="todo"),
    path("nguoi/", people.person_list, name="people"),
    path("nguoi/moi/", members.person_edit, name="person-new"),
    path("nguoi/<int:pk>/", members.person_detail, name="person"),
    path("nguoi/<int:pk>/sua/", members.person_edit, name="person-edit"),
    path("nguoi/<int:pk>/ket-nap/", members.person_admit, name="person-admit"),
    path("chon/<slug:source>/", lookups.lookup, name="lookup"),
    path("bao-cao/<slug:name>/", reports.report_page, name="report"),
    path("bao-cao/<slug:name>/in/", reports.report_print, name="report-print"),
    path("bao-cao/<slug:name>/excel/", reports.report_xlsx, name="report-xlsx"),
    path("bao-cao/<slug:name>/word/", reports.report_docx, name="report-docx"),
    # Exports of the lists (Tải Excel, Tải CSV): fmt is xlsx or csv.
    path("dang-vien/tai-ve/<slug:fmt>/", list_exports.members, name="members-export"),
    path("nguoi/tai-ve/<slug:fmt>/", list_exports.people, name="people-export"),
    path("ho-so/tai-ve/<slug:fmt>/", list_exports.board, name="board-export"),
    path("viec-can-lam/tai-ve/<slug:fmt>/", list_exports.todo, name="todo-export"),
    path("bao-cao/<slug:name>/csv/", reports.report_csv, name="report-csv"),
]
