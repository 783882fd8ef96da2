"""Direct speech: how quotation marks pair (``marks``), what the words around a quotation say
about it (``cues``), who the people of an entry are and who speaks (``speakers``), wrapping
stretches of mixed content (``tree``), and the speaker listing of ``tei-serge speech``
(``listing``). The pass itself is ``tei_serge/passes/speech.py``."""
