"""Reading OKR sentences in Chinese (simplified and traditional) and English.

The judgement rules (OKR101, OKR102, OKR201, OKR203, OKR206) ask what a sentence says: does a
key result name a measured change, a count of results, or work done and things delivered? Does
an objective say who or what will be different? This package reads the sentence to answer:

- ``lexicon``: the shipped word data (``data/``), loaded lazily the first time a sentence of
  that language is judged, and where it comes from;
- ``zh``: Traditional to Simplified characters, word segmentation (the most probable split
  under a unigram model, as jieba does) and part-of-speech tags from jieba's dictionary;
- ``en``: English verbs and their inflections from lemminflect's lexicon;
- ``judge``: the decisions the rules document (``kr_activity``, ``objective_vagueness``).

Nothing here imports anything beyond the standard library, and a file whose text needs no
judgement (or a run that does not select these rules) never loads the data.
"""
