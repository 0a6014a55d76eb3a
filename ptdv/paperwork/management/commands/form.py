"""`ptdv form <form-code> --case <id> [--output FILE] [--pdf]`: one filled form, for scripts.

Run by an operator on the server, so it is not scoped to a user; it writes a .docx (or a PDF
where LibreOffice is installed) and prints where.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ptdv.cases.models import Case
from ptdv.paperwork import catalogue, documents, pdf
from ptdv.paperwork.rendering import FormError


class Command(BaseCommand):
    help = "Điền một biểu mẫu KNĐ từ hồ sơ, ví dụ: ptdv form 6-KNĐ --case 12 --output nq.docx"

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã biểu mẫu: " + ", ".join(f.code for f in catalogue.CASE_FORMS))
        parser.add_argument("--case", type=int, required=True, help="số hồ sơ (id)")
        parser.add_argument("--output", help="tệp ghi ra (mặc định: tên tự đặt trong thư mục hiện tại)")
        parser.add_argument("--pdf", action="store_true", help="xuất PDF (cần LibreOffice)")

    def handle(self, *args, code, case, output, **options):
        form = catalogue.find(code)
        if form is None or form.source == catalogue.UNIT:
            raise CommandError(f"Không có biểu mẫu {code} của hồ sơ.")
        found = Case.objects.select_related("person", "branch").filter(pk=case).first()
        if found is None:
            raise CommandError(f"Không có hồ sơ số {case}.")
        try:
            document = documents.for_case(form, found)
            content, name = document.content, document.file_name
            if options["pdf"]:
                content, name = pdf.to_pdf(content), name.rsplit(".", 1)[0] + ".pdf"
        except FormError as error:
            raise CommandError(str(error)) from error
        path = Path(output or name)
        path.write_bytes(content)
        self.stdout.write(str(path))
