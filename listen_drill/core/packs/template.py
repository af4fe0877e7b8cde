"""The commented starting point `listen-drill pack new` writes; it validates as it is."""

from __future__ import annotations

import re
import unicodedata

from listen_drill.core.packs.reserved import bundled_pack_titles, suggested_id

TEMPLATE = '''\
# {title}: a listen-drill pack. Every key is explained in docs/packs.md.
# Check it with:  listen-drill pack validate {file_name}
# Load it with:   listen-drill pack import {file_name}   (or File > Import Pack... in the app)

[pack]
id = "{pack_id}"              # stable: importing a file with the same id updates the pack
title = "{title}"             # shown in the pack list
version = "1"                 # raise it whenever you change the drills
author = ""
language = "en"
description = "What these drills practise, in a sentence or two."
# avoid = ["to be honest"]    # your own roadblock phrases, for every drill of the pack

[[drills]]
id = "late-parcel"            # stable within the pack: attempts stay linked to it
statement = "My parcel was due on Monday and it still hasn't come. I needed it for a trip."
context = {{ channel = "Chat", customer = "Sam, first order", situation = "Three days late" }}
emotions = ["frustrated", "worried"]   # family ids from the emotion lexicon
intensity = 2                 # 1 mild, 2 clear, 3 strong
key_points = [                # facts a good paraphrase carries
  {{ text = "parcel late", synonyms = ["not arrived", "delayed"] }},
  "needed it for a trip",
]
skills = ["paraphrase", "emotion", "question"]   # what the reply should do
difficulty = 1                # 1 easy, 2 medium, 3 hard
exemplars = [                 # one or more model replies, shown after an attempt
  """So your parcel still hasn't arrived and you needed it for your trip, so now your plans \\
  are up in the air, which sounds really frustrating and worrying. What would help most \\
  before you travel?""",
]
tags = ["delivery"]
notes = "For the trainer only: a gentle first drill."

[[drills]]
id = "wrong-size"
statement = "You sent the wrong size again. I don't have time to keep sending things back."
emotions = ["frustrated", "impatient"]
intensity = 3
key_points = ["wrong size again", "no time for returns"]
skills = ["paraphrase", "question"]   # a drill can ask for less than a full reply
difficulty = 2
exemplars = [
  """The wrong size has come again and sending it back takes time you don't have. \\
  What would make this easiest for you?""",
]
'''


# Letters NFKD does not take apart into a base letter and marks.
_SPELLED_OUT = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
    }
)


def ascii_letters(text: str) -> str:
    """`text` with accents dropped and a few letters spelled out: "Rückerstattung" ->
    "Ruckerstattung", "Straße" -> "Strasse", "Café" -> "Cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def pack_id_from_name(name: str) -> str:
    """`"Refunds, level 2"` -> `"refunds-level-2"`: a valid pack id from a free name.

    Ids are ASCII (they name files and go into URLs and CSV cells), so a name in another
    language keeps its letters without their accents ("Café" -> "cafe") rather than losing them.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_letters(name).lower()).strip("-")
    return slug or "my-pack"


def template_text(name: str, file_name: str) -> str:
    """The template for a pack called `name`; its id never takes a bundled pack's id."""
    title = " ".join(name.replace("\\", "").replace('"', "'").split())[:120] or "My pack"
    pack_id = pack_id_from_name(name)
    if pack_id in bundled_pack_titles():
        pack_id = suggested_id(pack_id)
    return TEMPLATE.format(title=title, pack_id=pack_id, file_name=file_name)
