#!/usr/bin/env python3
"""Builds Smart Crate's labelled set (run once; the output files are kept beside this script).

catalog.csv  : 5,600+ catalog records in the newer Exportify CSV header set (the import reads it).
plays.tsv    : 700 played tracks as DJ software reports them, each with the catalog URI it should
               match or "none", and the kind of case it is.

Songs are synthetic (word lists, seed 17) so that the set is free to share, with the structure of
real dance-floor catalogs: a fifth of titles recorded by several artists (covers, same title by
others), remixes, live and acoustic versions, featured artists, diacritics. Played strings are made
from records with the distortions DJ files carry (track numbers, file extensions, mix tags,
featured artists moved, joiners, typos, swapped fields, "Artist - Title" in the title with no
artist, case, punctuation), and the negatives are the traps: songs absent from the catalog, covers
and remixes and live versions of catalog songs that the catalog does not hold, and other songs of
a catalog artist with a near title.
"""
import csv, hashlib, random, unicodedata

random.seed(17)
ADJ = """blue golden silent electric broken sweet lonely neon paper wild slow crimson hollow summer winter gentle restless
honey velvet midnight silver burning frozen hidden secret lazy crazy easy heavy little lucky bitter tender wicked
brave pretty dirty quiet loud distant endless fading falling rising shining dancing drifting""".split()
NOUN = """heart river highway rain dance letter fire shadow promise mirror song sky road groove whisper echo ocean garden
machine step city night morning train window door moon sun star storm dream kiss smile tears ghost angel devil
love time light radio money paradise motel island desert mountain summer lover stranger friend sugar coffee wine""".split()
VERB = ["hold", "take", "call", "love", "leave", "show", "tell", "save", "find", "follow", "kiss", "trust", "move", "free"]
TAIL = ["me", "you", "me now", "me home", "it slow", "it easy", "me down", "the night", "my hand", "your heart"]
FIRST = """ava leon mila otis nora felix ruby hugo iris jonah lena marco nina oscar pia quinn rosa sami tess ugo
zoe amir bea cole dara eli faye gus hana ivan jade kai luca maya nico olga paz remy sara theo una vera wes ximena
yara zeke ines joel kira""".split()
LAST = """hart vale stone reyes moreau quist lind okafor brandt silva novak park costa weber dubois ivanova kerr lopez
nakamura olsen fischer garcia haddad ito jensen khan larsen mendes nguyen ortiz petrov rossi santos tanaka ueda vogel
walsh young zimmer""".split()
BAND_A = ["the", ""]
BAND_N = ["velvet", "midnight", "neon", "paper", "golden", "electric", "wild", "silver", "crimson", "honey"]
BAND_P = ["foxes", "lanterns", "tigers", "sparrows", "engines", "ghosts", "satellites", "rivers", "kings", "sisters"]
ACCENTED = {"e": "é", "a": "á", "o": "ö", "u": "ü", "n": "ñ", "c": "ç", "i": "í"}

def cap(words):
    return " ".join(w.capitalize() if w not in ("of", "the", "in", "and", "my", "your", "me", "it") or i == 0 else w
                    for i, w in enumerate(words.split()))

def artist_name():
    if random.random() < 0.25:
        return cap((random.choice(BAND_A) + " " + random.choice(BAND_N) + " " + random.choice(BAND_P)).strip())
    name = random.choice(FIRST).capitalize() + " " + random.choice(LAST).capitalize()
    if random.random() < 0.12:
        name = "".join(ACCENTED.get(ch, ch) if random.random() < 0.3 else ch for ch in name)
    return name

def title_name():
    r = random.random()
    if r < 0.35:
        return cap(random.choice(ADJ) + " " + random.choice(NOUN))
    if r < 0.55:
        return cap(random.choice(NOUN) + " of " + random.choice(NOUN))
    if r < 0.75:
        return cap(random.choice(VERB) + " " + random.choice(TAIL))
    if r < 0.85:
        return cap("the " + random.choice(ADJ) + " " + random.choice(NOUN))
    if r < 0.92:
        return cap(random.choice(NOUN))
    return cap(random.choice(ADJ) + " " + random.choice(NOUN) + " " + random.choice(["blues", "song", "waltz", "dance", "again"]))

def uri(seed):
    return "spotify:track:" + hashlib.sha1(seed.encode()).hexdigest()[:22]

def isrc(seed):
    h = hashlib.sha1(("isrc" + seed).encode()).hexdigest().upper()
    return "US" + h[:3] + str(int(h[3:9], 16) % 10**7).rjust(7, "0")

artists = sorted({artist_name() for _ in range(900)})
records = []          # dicts: uri, title, artists(list), kind, song (title key), base (uri of the original)
songs = {}
def add(title, arts, kind, base=None):
    u = uri(title + "|" + ";".join(arts) + "|" + kind + str(len(records)))
    rec = dict(uri=u, title=title, artists=arts, kind=kind, base=base, duration=random.randint(150000, 330000),
               bpm=round(random.uniform(78, 128), 1), energy=round(random.uniform(0.2, 0.95), 3), year=random.randint(1965, 2025))
    records.append(rec)
    return rec

used = set()
while len(records) < 5600:
    t, a = title_name(), random.choice(artists)
    if (t.lower(), a) in used:
        continue
    used.add((t.lower(), a))
    arts = [a] + ([random.choice(artists)] if random.random() < 0.1 else [])
    rec = add(t, arts, "original")
    # covers and the same title by others
    if random.random() < 0.2:
        for _ in range(random.randint(1, 2)):
            other = random.choice(artists)
            if (t.lower(), other) not in used:
                used.add((t.lower(), other))
                add(t, [other], "cover", rec["uri"])
    if random.random() < 0.06:
        remixer = random.choice(artists)
        add(t + " - " + remixer.split()[-1] + " Remix", arts + [remixer], "remix", rec["uri"])
    if random.random() < 0.04:
        add(t + " - Live", arts, "live", rec["uri"])
    if random.random() < 0.03:
        add(t + " - Acoustic", arts, "acoustic", rec["uri"])
random.shuffle(records)
assert len(records) >= 5000, len(records)

with open("catalog.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Track URI", "Track Name", "Artist URI(s)", "Artist Name(s)", "Album URI", "Album Name", "Album Release Date",
                "Track Duration (ms)", "Explicit", "Popularity", "ISRC", "Danceability", "Energy", "Key", "Loudness", "Mode",
                "Tempo", "Added By", "Added At"])
    for r in records:
        w.writerow([r["uri"], r["title"], ",".join(uri(x).replace("track", "artist") for x in r["artists"]), ",".join(r["artists"]),
                    "", r["title"] + " (Album)", str(r["year"]) + "-01-01", r["duration"], "false", random.randint(0, 90),
                    isrc(r["uri"]), "0.7", r["energy"], random.randint(0, 11), "-6.0", random.randint(0, 1), r["bpm"],
                    "pika", "2024-01-01T00:00:00Z"])

def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")

def typo(s):
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(s) < 6 or not letters:
        return s
    i = random.choice(letters[1:-1] or letters)
    op = random.choice(["drop", "swap", "sub"])
    if op == "drop":
        return s[:i] + s[i + 1:]
    if op == "swap" and i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + random.choice("aeiourstln") + s[i + 1:]

def joined(arts):
    if len(arts) == 1:
        return arts[0]
    return random.choice([" & ", ", ", " and ", " x ", " feat. ", " ft. "]).join(arts)

DISTORTIONS = ["exact", "case", "accents", "number", "extension", "tag", "feat-title", "joiner", "typo-title", "typo-artist",
               "swapped", "in-title", "the", "punctuation", "underscores", "tag+number"]

def distort(rec, kind):
    arts, title = rec["artists"], rec["title"]
    a, t = joined(arts), title
    if kind == "case":
        a, t = (a.lower(), t.upper()) if random.random() < 0.5 else (a.upper(), t.lower())
    elif kind == "accents":
        a, t = strip_accents(a), strip_accents(t)
    elif kind == "number":
        t = random.choice(["03 - ", "11 ", "A1. ", "07_", "1-"]) + t
    elif kind == "extension":
        t = t + random.choice([".mp3", ".flac", ".m4a", ".wav"])
    elif kind == "tag":
        t = t + random.choice([" (Extended Mix)", " (Radio Edit)", " (Original Mix)", " - Remastered 2011", " [Clean]", " (Album Version)"])
    elif kind == "tag+number":
        t = random.choice(["02 - ", "B2. "]) + t + random.choice([" (Extended Mix)", " (Radio Edit)"]) + ".mp3"
    elif kind == "feat-title":
        if len(arts) > 1:
            a, t = arts[0], t + " (feat. " + " & ".join(arts[1:]) + ")"
        else:
            t = t + " (feat. " + random.choice(artists) + ")"
    elif kind == "joiner":
        a = random.choice([" & ", ", ", " and ", "; "]).join(arts) if len(arts) > 1 else a
    elif kind == "typo-title":
        t = typo(t)
    elif kind == "typo-artist":
        a = typo(a)
    elif kind == "swapped":
        a, t = t, a
    elif kind == "in-title":
        a, t = "", a + " - " + t
    elif kind == "the":
        a = a[4:] if a.lower().startswith("the ") else "The " + a
    elif kind == "punctuation":
        t = t.replace(" ", random.choice([" ", "  "])) + random.choice(["!", "", "?"])
        t = t.replace("'", "")
    elif kind == "underscores":
        a, t = a.replace(" ", "_"), t.replace(" ", "_")
    return a, t

rows = []
originals = [r for r in records if r["kind"] == "original"]
by_uri = {r["uri"]: r for r in records}
# Positives: records as DJ software reports them.
for i in range(440):
    rec = random.choice(originals)
    kind = DISTORTIONS[i % len(DISTORTIONS)]
    a, t = distort(rec, kind)
    rows.append((a, t, rec["uri"], "positive:" + kind))
# Positives that must pick the right one of several recordings.
for kind in ["cover", "remix", "live", "acoustic"]:
    pool = [r for r in records if r["kind"] == kind]
    for rec in random.sample(pool, min(len(pool), 25 if kind == "cover" else 15)):
        a, t = distort(rec, random.choice(["exact", "case", "number", "extension"]))
        rows.append((a, t, rec["uri"], "positive:" + kind))
    if kind == "cover":  # and the original of a covered song, by its own artist
        for rec in random.sample([by_uri[r["base"]] for r in pool], 20):
            a, t = distort(rec, random.choice(["exact", "tag", "number"]))
            rows.append((a, t, rec["uri"], "positive:covered-original"))
# Negatives: not in the catalog.
catalog_keys = {(r["title"].lower(), tuple(r["artists"])) for r in records}
for i in range(60):
    while True:
        t, a = title_name() + " " + random.choice(["Tonight", "Forever", "Blues", "Again", "Revisited"]), artist_name()
        if (t.lower(), (a,)) not in catalog_keys:
            break
    rows.append((a, t, "none", "negative:absent"))
covered = {}
for r in records:
    covered.setdefault(r["title"].lower().split(" - ")[0], set()).update(r["artists"])
for rec in random.sample(originals, 45):  # a cover by an artist the catalog does not have for it
    other = artist_name()
    while other in covered[rec["title"].lower()]:
        other = artist_name()
    rows.append((other, rec["title"], "none", "negative:uncatalogued-cover"))
remixed = {r["base"] for r in records if r["kind"] == "remix"}
for rec in random.sample([r for r in originals if r["uri"] not in remixed], 35):
    remixer = artist_name()
    rows.append((joined(rec["artists"]), rec["title"] + " (" + remixer.split()[-1] + " Remix)", "none", "negative:uncatalogued-remix"))
lived = {r["base"] for r in records if r["kind"] == "live"}
for rec in random.sample([r for r in originals if r["uri"] not in lived], 20):
    rows.append((joined(rec["artists"]), rec["title"] + random.choice([" - Live", " (Live at Wembley)", " [Live]"]), "none",
                 "negative:uncatalogued-live"))
titles_of = {}
for r in records:
    titles_of.setdefault(r["artists"][0], set()).add(r["title"].lower())
for rec in random.sample(originals, 25):  # another song of the same artist with a near title
    t = rec["title"] + " " + random.choice(["Part II", "Tonight", "Reprise", "No More", "Again"])
    if t.lower() not in titles_of[rec["artists"][0]]:
        rows.append((joined(rec["artists"]), t, "none", "negative:near-title"))
random.shuffle(rows)
with open("plays.tsv", "w") as f:
    f.write("artist\ttitle\texpected\tcase\n")
    for a, t, u, k in rows:
        f.write("\t".join([a, t, u, k]) + "\n")
print(len(records), "catalog records;", len(rows), "plays,", sum(1 for r in rows if r[2] != "none"), "with a match")
