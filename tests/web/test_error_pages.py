"""Errors answer in Vietnamese, inside the product's layout, with a way back (issue 9)."""

import pytest
from django.template.loader import render_to_string
from django.test import Client

from ptdv.web import errors

pytestmark = pytest.mark.django_db

WAY_BACK = "Về trang chủ"


def test_unknown_page_is_a_vietnamese_404_with_a_way_back(world, client_for):
    response = client_for(world.carol).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and WAY_BACK in page
    assert 'class="navbar' in page  # the product's layout, with its menu


def test_out_of_scope_record_is_the_same_vietnamese_404(world, client_for):
    response = client_for(world.olga).get(f"/dang-vien/{world.m_phya_ma.pk}/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_forbidden_action_is_a_vietnamese_403(world, client_for):
    response = client_for(world.victor).get("/ho-so/moi/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bạn không có quyền làm việc này" in page and WAY_BACK in page


def test_get_on_logout_is_a_vietnamese_405_that_keeps_allow(world, client_for):
    response = client_for(world.carol).get("/dang-xuat/")
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    page = response.content.decode()
    assert "Không thể mở trang này trực tiếp" in page and WAY_BACK in page


def test_expired_form_is_a_vietnamese_csrf_page(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "carol", "password": "x-carol"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page and WAY_BACK in page


def test_server_error_page_renders_without_a_request():
    page = render_to_string("500.html")
    assert "Đã có lỗi trên máy chủ" in page and WAY_BACK in page


def test_server_error_handler_answers_in_vietnamese(rf):
    response = errors.server_error(rf.get("/ho-so/"))
    assert response.status_code == 500
    assert "Đã có lỗi trên máy chủ" in response.content.decode()


def test_api_unknown_url_keeps_a_json_answer(world, client_for):
    response = client_for(world.carol).get("/api/khong-co/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Không tìm thấy.",
        "errors": [{"code": "not_found", "message": "Không tìm thấy.", "field": None}],
    }


def test_api_server_error_is_json(rf):
    response = errors.server_error(rf.get("/api/persons/"))
    assert response.status_code == 500 and response["Content-Type"] == "application/json"


def test_every_page_links_the_favicon(world, client_for):
    page = client_for(world.carol).get("/don-vi/").content.decode()
    assert 'rel="icon"' in page and "ptdv/favicon.svg" in page


def test_favicon_ico_leads_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("ptdv/favicon.svg")
