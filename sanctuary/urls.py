from django.contrib import admin
from django.urls import path

from stances import views as stance_views

urlpatterns = [
    path("", stance_views.home, name="home"),
    path("api/health/", stance_views.health, name="health"),
    path("admin/", admin.site.urls),
]
