import pytest

from hadath.errors import DataError
from hadath.ontology import PLOVER_TYPES, event_type, event_types, quad_class_of_cameo


def test_all_sixteen_plover_types_load():
    assert set(event_types()) == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_quad_class_agrees_with_cameo_root(name):
    info = event_type(name)
    assert info.quad_class == quad_class_of_cameo(info.cameo_root)
    assert (info.goldstein > 0) == (info.quad_class <= 2)


def test_unknown_type_is_a_clear_error():
    with pytest.raises(DataError, match="unknown PLOVER event type"):
        event_type("HUG")
