"""Where an event happened: a place gazetteer (data/places.tsv) and its resolver.

`resolve_place(tokens, trigger_index, article_countries)` returns the place named for an
event in its sentence as a dict {text, name, country, admin1, lat, lon, feature}.
"""

from hadath.geo.gazetteer import Place, place_matcher, places
from hadath.geo.resolver import find_places, resolve_place

__all__ = ["Place", "find_places", "place_matcher", "places", "resolve_place"]
