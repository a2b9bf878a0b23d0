"""hadath: political event data from Arabic news (PLOVER ontology, CAMEO projection)."""

__version__ = "0.1.0"
CODER_NAME = "hadath"
