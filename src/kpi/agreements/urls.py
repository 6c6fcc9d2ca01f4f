from django.urls import path

from kpi.agreements import views

urlpatterns = [
    path("rounds/<int:pk>/", views.round_agreements, name="round_agreements"),
    path("rounds/<int:pk>/create/", views.create_agreements, name="agreements_create"),
    path("<int:pk>/", views.agreement_page, name="agreement"),
    path("<int:pk>/history/", views.agreement_history_page, name="agreement_history"),
    path("<int:pk>/acknowledge/", views.acknowledge, name="agreement_acknowledge"),
    path("<int:pk>/items/add/", views.add_item, name="agreement_item_add"),
    path("items/<int:pk>/weight/", views.set_weight, name="agreement_item_weight"),
    path("items/<int:pk>/reset/", views.reset_weight, name="agreement_item_reset"),
    path("items/<int:pk>/remove/", views.remove_item, name="agreement_item_remove"),
]
