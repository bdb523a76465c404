"""The map page (``home.py``, also drawn by the embed): its reads (``page.py``), its figure
(``figure.py``) and its time scrubber (``scrubber.py``)."""
